"""`mtqa lint`: settle the settings, read files, lint, optionally fix or diff, report, choose the exit code."""
from __future__ import annotations

import difflib
import sys
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

from .document import Document, decode, read_bytes
from .errors import MtqaError
from .findings import Severity

@dataclass
class LintOptions:
    paths: list[str]
    glossary: list[str] = field(default_factory=list)
    output_format: str = "text"
    select: list[str] | None = None
    extend_select: list[str] | None = None
    ignore: list[str] | None = None
    fix: bool = False
    unsafe_fixes: bool = False
    diff: bool = False
    fail_on: Severity | str | None = None  # None: the config's `fail-on`, else error
    locale: str | None = None
    encoding: str | None = None
    config: str | None = None  # use this config file for every path (no discovery)
    isolated: bool = False  # read no config file at all
    output: str | None = None  # write the report here instead of stdout
    report_unused_suppressions: bool = False
    quiet: bool = False
    progress: bool | None = None  # None: on a terminal, for many files


def resolver_for(opts: LintOptions):
    """A config.Resolver with the command-line options as the top layer."""
    from .config import Resolver, command_line_layer

    extend = list(opts.extend_select or []) + (["M001"] if opts.report_unused_suppressions else [])
    fail_on = opts.fail_on.value if isinstance(opts.fail_on, Severity) else opts.fail_on
    overrides = command_line_layer(glossary=opts.glossary, select=opts.select, extend_select=extend,
                                   ignore=opts.ignore, locale=opts.locale, fail_on=fail_on)
    return Resolver(overrides, config=opts.config, isolated=opts.isolated)


class _Matchers:
    """One compiled glossary per distinct glossary setting (usually just one)."""

    def __init__(self):
        self._by_paths: dict = {}

    def get(self, paths):
        from .lint import get_matcher

        key = tuple(paths) if paths else None
        if key not in self._by_paths:
            self._by_paths[key] = get_matcher(list(key) if key else None)
        return self._by_paths[key]


def run(opts: LintOptions, out=None, err=None) -> int:
    from .lint import iter_files, lint_document
    from .suppress import allowed

    out = out or sys.stdout
    err = err or sys.stderr
    if opts.output_format == "xlsx" and opts.output is None and not opts.diff and _is_terminal(out):
        raise MtqaError(f"{opts.output_format} is a binary format: pass --output FILE.{opts.output_format}")
    resolver = resolver_for(opts)
    files = list(iter_files(opts.paths, resolver=resolver))
    plan = [(path, resolver.for_file(path)) for path in files]
    matchers = _Matchers()
    for _, settings in plan:  # every config and glossary error before any file is touched
        matchers.get(settings.glossary)
    if not files:
        err.write("warning: no files to check (nothing matched, or everything is excluded)\n")
    results, thresholds, diffs = [], [], []
    had_input_error, fixed = False, 0
    progress = _progress(opts, len(files), err)
    for path, settings in plan:
        if progress:
            progress.advance(str(path))
        lint = partial(lint_document, matcher=matchers.get(settings.glossary), rules=settings.rules_for(path),
                       locale=settings.locale, allow=allowed(settings.allow), severities=settings.severities())
        try:
            raw = read_bytes(path)
            text, encoding = decode(raw, str(path), opts.encoding)
        except MtqaError as exc:
            err.write(f"error: {exc}\n")
            had_input_error = True
            continue
        doc = Document(text=text, path=str(path), encoding=encoding)
        if opts.fix or opts.diff:
            from .document import write_back
            from .fix import fix_text, write_atomic

            def relint(t: str, _doc=doc, _lint=lint):
                return _lint(Document(text=t, path=_doc.path, encoding=_doc.encoding))

            new_text, n = fix_text(text, relint, unsafe=opts.unsafe_fixes)
            if n and new_text != text:
                if opts.diff:
                    diffs.append(_diff(path, text, new_text))
                    continue
                try:
                    write_atomic(path, write_back(raw, text, new_text, encoding), expected=raw)
                except (MtqaError, OSError) as exc:
                    err.write(f"error: {exc}\n")
                    had_input_error = True
                    continue
                fixed += n
                doc = Document(text=new_text, path=str(path), encoding=encoding)
        results.append((doc, lint(doc)))
        thresholds.append(settings.fail_on)
    if progress:
        progress.close()
    if opts.diff:
        out.writelines(diffs)
    else:
        _report(opts, results, out, fixed)
    if had_input_error:
        return 2
    if opts.diff:
        return 1 if diffs else 0
    failing = any(f.severity.rank >= threshold.rank for (_, fs), threshold in zip(results, thresholds) for f in fs)
    return 1 if failing else 0


def _diff(path: Path, text: str, new_text: str) -> str:
    lines = "".join(difflib.unified_diff(text.splitlines(keepends=True), new_text.splitlines(keepends=True),
                                         fromfile=f"a/{path}", tofile=f"b/{path}"))
    return lines if lines.endswith("\n") else lines + "\n"


def _is_terminal(stream) -> bool:
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty())


def _progress(opts: LintOptions, total: int, err):
    show = opts.progress if opts.progress is not None else _is_terminal(err)
    if not show or total < 2:
        return None
    from .progress import Progress

    return Progress(total, err, delay=0.0 if opts.progress else 0.5)


def _report(opts: LintOptions, results, out, fixed: int) -> None:
    from .report import write

    write(opts.output_format, results, output=opts.output, out=out, fixed=fixed, quiet=opts.quiet)
