"""The `mtqa` command line (typer). Thin: parse options, call the library."""
from __future__ import annotations

import sys
from typing import List, Optional

import typer

from .cli_common import codes as _codes
from .cli_common import fail as _fail
from .cli_common import run_or_exit as _run_or_exit
from .cli_glossary import glossary_app
from .cli_scan import register as _register_scan
from .cli_score import register as _register_score

app = typer.Typer(no_args_is_help=True, add_completion=False,
                  help="Find and fix translation errors in Chinese articles.")
app.add_typer(glossary_app, name="glossary")

# Options that settle the settings, shared by `lint` and `config`; each overrides the config file.
GLOSSARY = typer.Option(None, "--glossary", "-g", help="Glossary file or folder (default: the config's, else the project's glossaries/).")
SELECT = typer.Option(None, help="Only these rule codes or prefixes (comma-separated); replaces the config's select.")
EXTEND_SELECT = typer.Option(None, "--extend-select", help="Enable these rules too (e.g. a rule that is off by default).")
IGNORE = typer.Option(None, help="Skip these rule codes or prefixes.")
FAIL_ON = typer.Option(None, "--fail-on", help="Exit 1 when a finding is at least this severe: error (default), warning or info.")
LOCALE = typer.Option(None, help="zh-CN, zh-TW or zh-HK: expect that region's forms. Without it, a Simplified "
                      "text is zh-CN and a Traditional one the region its glossary names point to.")
CONFIG = typer.Option(None, "--config", help="Use this config file for every path instead of finding one per file.")
ISOLATED = typer.Option(False, "--isolated", help="Ignore every config file.")


@app.command()
def lint(
    paths: List[str] = typer.Argument(..., help="Files or folders (.txt, .md) to check."),
    glossary: Optional[List[str]] = GLOSSARY,
    output_format: str = typer.Option("text", "--format", "-f",
                                      help="text, concise, json, sarif, github, csv or xlsx."),
    output: Optional[str] = typer.Option(None, "--output", "-o", help="Write the report to this file (needed for xlsx on a terminal)."),
    select: Optional[List[str]] = SELECT,
    extend_select: Optional[List[str]] = EXTEND_SELECT,
    ignore: Optional[List[str]] = IGNORE,
    fix: bool = typer.Option(False, "--fix", help="Apply safe fixes in place."),
    unsafe_fixes: bool = typer.Option(False, "--unsafe-fixes", help="With --fix or --diff, apply unsafe fixes too."),
    diff: bool = typer.Option(False, "--diff", help="Print the fixes as a unified diff; write nothing."),
    fail_on: Optional[str] = FAIL_ON,
    locale: Optional[str] = LOCALE,
    encoding: Optional[str] = typer.Option(None, help="Force the input encoding (default: detect)."),
    config: Optional[str] = CONFIG,
    isolated: bool = ISOLATED,
    report_unused_suppressions: bool = typer.Option(False, "--report-unused-suppressions",
                                                    help="Report mtqa directives that suppress nothing (M001)."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="Print the findings only, no summary."),
    jobs: Optional[int] = typer.Option(None, "--jobs", "-j",
                                       help="Worker processes (default: one per CPU when there are 16 files or more)."),
    stdin_filename: Optional[str] = typer.Option(None, "--stdin-filename",
                                                 help="With '-' as the path: the file name standard input stands for "
                                                      "(its config, its type and the name in the report)."),
) -> None:
    """Check articles against the glossary; with --fix, repair what is safe to repair.
    '-' reads standard input (with --fix, the fixed text goes to standard output and the report to standard error)."""
    from .cli_lint import lint_command

    raise typer.Exit(lint_command(
        paths, glossary=glossary, output_format=output_format, output=output, select=select,
        extend_select=extend_select, ignore=ignore, fix=fix, unsafe_fixes=unsafe_fixes, diff=diff,
        fail_on=fail_on, locale=locale, encoding=encoding, config=config, isolated=isolated,
        report_unused_suppressions=report_unused_suppressions, quiet=quiet, jobs=jobs,
        stdin_filename=stdin_filename))


@app.command()
def rules(output_format: str = typer.Option("text", "--format", "-f", help="text or json.")) -> None:
    """List every rule with its code, name, default severity, fix, and whether it is on by default."""
    from .config import registry

    all_rules = registry()
    if output_format == "json":
        import json

        typer.echo(json.dumps([{"code": r.code, "name": r.name, "severity": r.severity.value,
                                "fix": r.fix, "default": r.default, "summary": r.summary} for r in all_rules],
                              ensure_ascii=False, indent=2))
        return
    if output_format != "text":
        _fail(f"unknown format {output_format!r} (expected text or json)")
    width = max(len(r.name) for r in all_rules)
    typer.echo(f"{'code':<5} {'name':<{width}} {'severity':<8} {'fix':<7} {'default':<7} summary")
    for r in all_rules:
        typer.echo(f"{r.code:<5} {r.name:<{width}} {r.severity.value:<8} {r.fix:<7} "
                   f"{'on' if r.default else 'off':<7} {r.summary}")


@app.command()
def explain(code: str = typer.Argument(..., help="A rule code such as T001, or a rule name.")) -> None:
    """Explain one rule, with an example."""
    from .config import registry

    wanted = code.strip()
    rule = next((r for r in registry() if r.code == wanted.upper() or r.name == wanted.lower()), None)
    if rule is None:
        _fail(f"unknown rule {code!r}; `mtqa rules` lists them")
    state = "on by default" if rule.default else f"off by default: turn it on with --extend-select {rule.code}"
    typer.echo(f"{rule.code} {rule.name} ({rule.severity.value}, {rule.fix} fix; {state})\n")
    typer.echo(rule.summary + "\n")
    typer.echo(rule.explanation + "\n")
    typer.echo(f"Example: {rule.example}\n")
    typer.echo(f"Suppress one line: <!-- mtqa: disable-next-line {rule.code} --> (Markdown) or "
               f"# mtqa: disable-next-line {rule.code} (plain text); a whole project: ignore = [\"{rule.code}\"].")


@app.command("config")
def config_command(
    path: str = typer.Argument(".", help="A file or folder: show the settings that apply to it."),
    output_format: str = typer.Option("text", "--format", "-f", help="text or json."),
    glossary: Optional[List[str]] = GLOSSARY,
    select: Optional[List[str]] = SELECT,
    extend_select: Optional[List[str]] = EXTEND_SELECT,
    ignore: Optional[List[str]] = IGNORE,
    fail_on: Optional[str] = FAIL_ON,
    locale: Optional[str] = LOCALE,
    config: Optional[str] = CONFIG,
    isolated: bool = ISOLATED,
) -> None:
    """Show the effective settings for a file or folder, and where each one comes from."""
    from .cli_common import show_settings
    from .run_lint import LintOptions

    if output_format not in ("text", "json"):
        _fail(f"unknown format {output_format!r} (expected text or json)")
    if config and isolated:
        _fail("--config and --isolated exclude each other")
    opts = LintOptions(paths=[path], glossary=glossary or [], select=_codes(select),
                       extend_select=_codes(extend_select), ignore=_codes(ignore), fail_on=fail_on,
                       locale=locale, config=config, isolated=isolated)
    raise typer.Exit(_run_or_exit(lambda: show_settings(opts, output_format)))


@app.command("init")
def init_command(
    folder: str = typer.Argument(".", help="The folder to start the project in."),
    copy_bundled: bool = typer.Option(False, "--copy-bundled",
                                      help="Start glossaries/ as a copy of mtqa's bundled glossary, not one example concept."),
) -> None:
    """Start a project: write mtqa.toml and a glossaries/ folder (nothing is overwritten)."""
    from pathlib import Path

    from .errors import MtqaError
    from .init import init_project

    try:
        written = init_project(Path(folder), copy_bundled=copy_bundled)
    except MtqaError as exc:
        _fail(str(exc))
    for path in written:
        typer.echo(f"wrote {path}")
    glossary = written[1].parent
    typer.echo(f"`mtqa lint` under {Path(folder)} now checks against {glossary}"
               + (" (a copy of the bundled glossary)." if copy_bundled else
                  " (one example concept), not the bundled glossary; `mtqa glossary add` adds concepts."))


@app.command("server")
def server_command() -> None:
    """Run the language server (LSP over stdin/stdout) for editors: live findings, quick fixes, hovers."""
    try:
        import lsprotocol  # noqa: F401
        import pygls  # noqa: F401
    except ImportError:
        _fail("mtqa server needs pygls, which is not installed: pip install 'mtqa[server]'")
    from .lsp_server import main as serve

    serve()


# Commands defined in their own modules, listed after the lint commands in --help.
_register_score(app)
_register_scan(app)


def main() -> None:
    args = sys.argv[1:]
    if args and args[0] == "lint" and "--help" not in args:
        # The commit-hook path: build only the lint command (typer would otherwise build the
        # parameters of every command and sub-command, ~60 ms), like click's lazy groups.
        single = typer.Typer(add_completion=False)
        single.command()(lint)
        single(args=args[1:], prog_name="mtqa lint")
        return
    app(prog_name="mtqa")


if __name__ == "__main__":
    main()
