"""`mtqa lint` as plain Python: its options as data, the command body, and a fast path.

A commit hook runs `mtqa lint FILE` on every commit, and importing typer and click costs
about 50 ms of a 250 ms budget. So `mtqa.entry` parses a `lint` command line with argparse
from `OPTIONS` and calls `lint_command` directly; anything argparse is not sure about
(`--help`, an unknown option, a bad value) goes to the typer CLI, which prints its usual
help and errors. `mtqa.cli` declares the same options for typer; a test checks both agree.
"""
from __future__ import annotations

import sys

# (flags, destination, kind): "flag" is a boolean switch, "value" takes one value,
# "multi" may be repeated (and each value may list codes with commas).
OPTIONS = (
    (("--glossary", "-g"), "glossary", "multi"),
    (("--format", "-f"), "output_format", "value"),
    (("--output", "-o"), "output", "value"),
    (("--select",), "select", "multi"),
    (("--extend-select",), "extend_select", "multi"),
    (("--ignore",), "ignore", "multi"),
    (("--fix",), "fix", "flag"),
    (("--unsafe-fixes",), "unsafe_fixes", "flag"),
    (("--diff",), "diff", "flag"),
    (("--fail-on",), "fail_on", "value"),
    (("--locale",), "locale", "value"),
    (("--encoding",), "encoding", "value"),
    (("--config",), "config", "value"),
    (("--isolated",), "isolated", "flag"),
    (("--report-unused-suppressions",), "report_unused_suppressions", "flag"),
    (("--quiet", "-q"), "quiet", "flag"),
    (("--jobs", "-j"), "jobs", "value"),
    (("--stdin-filename",), "stdin_filename", "value"),
)
DEFAULTS = {"output_format": "text"}
TYPES = {"jobs": int}


def codes(values):
    """`--select T001,T002 --select C` → ["T001", "T002", "C"]; None when not given."""
    if not values:
        return None
    return [c.strip() for v in values for c in v.split(",") if c.strip()]


def lint_command(paths, glossary=None, output_format="text", output=None, select=None, extend_select=None,
                 ignore=None, fix=False, unsafe_fixes=False, diff=False, fail_on=None, locale=None,
                 encoding=None, config=None, isolated=False, report_unused_suppressions=False,
                 quiet=False, jobs=None, stdin_filename=None) -> int:
    """Run `mtqa lint` and return its exit code; usage and input errors print `error: …` and give 2."""
    from .errors import GlossaryError, MtqaError
    from .report import FORMATS
    from .run_lint import LintOptions, run

    def error(message: str) -> int:
        sys.stderr.write(f"error: {message}\n")
        return 2

    if output_format not in FORMATS:
        return error(f"unknown format {output_format!r} (expected one of {', '.join(FORMATS)})")
    if config and isolated:
        return error("--config and --isolated exclude each other")
    if jobs is not None and jobs < 1:
        return error(f"--jobs must be 1 or more, not {jobs}")
    opts = LintOptions(paths=list(paths), glossary=list(glossary or []), output_format=output_format, output=output,
                       select=codes(select), extend_select=codes(extend_select), ignore=codes(ignore),
                       fix=fix, unsafe_fixes=unsafe_fixes, diff=diff, fail_on=fail_on, locale=locale,
                       encoding=encoding, config=config, isolated=isolated,
                       report_unused_suppressions=report_unused_suppressions, quiet=quiet, jobs=jobs,
                       stdin_filename=stdin_filename)
    if "-" in opts.paths and len(opts.paths) > 1:
        return error("'-' (standard input) cannot be combined with other paths")
    if stdin_filename and opts.paths != ["-"]:
        return error("--stdin-filename is for reading standard input: pass '-' as the path")
    try:
        return run(opts)
    except GlossaryError as exc:
        sys.stderr.write("error: invalid glossary:\n" + "".join(f"  {p}\n" for p in exc.problems))
    except (MtqaError, ValueError) as exc:
        sys.stderr.write(f"error: {exc}\n")
    return 2


class _Unsure(Exception):
    """argparse met something the typer CLI should answer (help, a usage error)."""


def parse(args: list[str]) -> dict | None:
    """The keyword arguments of `lint_command` for a `lint` command line, or None when the
    typer CLI should handle it."""
    import argparse

    class Parser(argparse.ArgumentParser):
        def error(self, message):  # never print or exit here: typer will say it better
            raise _Unsure(message)

    parser = Parser(prog="mtqa lint", add_help=False, allow_abbrev=False)
    parser.add_argument("paths", nargs="*")
    for flags, dest, kind in OPTIONS:
        if kind == "flag":
            parser.add_argument(*flags, dest=dest, action="store_true")
        else:
            parser.add_argument(*flags, dest=dest, action="append" if kind == "multi" else "store",
                                default=DEFAULTS.get(dest), type=TYPES.get(dest, str))
    if any(a in ("--help", "-h", "--") or a.startswith("--help=") or a[1:].isdigit() and a[0] == "-" for a in args):
        return None
    try:
        ns, rest = parser.parse_known_intermixed_args(args)
    except _Unsure:
        return None
    if rest or not ns.paths:
        return None
    return vars(ns)


def fast_main(args: list[str]) -> int | None:
    """Exit code of `mtqa lint ARGS`, or None when the full CLI must take the command line."""
    kwargs = parse(args)
    if kwargs is None:
        return None
    return lint_command(**kwargs)
