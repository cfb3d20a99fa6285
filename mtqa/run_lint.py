"""`mtqa lint`: read files, lint, optionally fix or diff, report, choose the exit code."""
from __future__ import annotations

import difflib
import sys
from dataclasses import dataclass, field

from .document import Document, decode, read_bytes
from .errors import MtqaError
from .findings import Severity


@dataclass
class LintOptions:
    paths: list[str]
    glossary: list[str] = field(default_factory=list)
    output_format: str = "text"
    select: list[str] | None = None
    ignore: list[str] | None = None
    fix: bool = False
    unsafe_fixes: bool = False
    diff: bool = False
    fail_on: Severity = Severity.ERROR
    locale: str | None = None
    encoding: str | None = None


def run(opts: LintOptions, out=None, err=None) -> int:
    from .lint import get_matcher, iter_files, lint_document
    from .rules import select_rules

    out = out or sys.stdout
    err = err or sys.stderr
    matcher = get_matcher(opts.glossary or None)
    rules = select_rules(opts.select, opts.ignore)
    results, had_input_error, fixed, would_change = [], False, 0, False
    for path in iter_files(opts.paths):
        try:
            raw = read_bytes(path)
            text, encoding = decode(raw, str(path), opts.encoding)
        except MtqaError as exc:
            err.write(f"error: {exc}\n")
            had_input_error = True
            continue
        doc = Document(text=text, path=str(path), encoding=encoding)
        findings = lint_document(doc, matcher, rules, opts.locale)
        if opts.fix or opts.diff:
            from .fix import fix_text, write_atomic

            def relint(t: str, _doc=doc):
                return lint_document(Document(text=t, path=_doc.path, encoding=_doc.encoding), matcher, rules, opts.locale)

            new_text, n = fix_text(text, relint, unsafe=opts.unsafe_fixes)
            if n and new_text != text:
                if opts.diff:
                    would_change = True
                    out.writelines(difflib.unified_diff(
                        text.splitlines(keepends=True), new_text.splitlines(keepends=True),
                        fromfile=f"a/{path}", tofile=f"b/{path}"))
                    if not new_text.endswith("\n"):
                        out.write("\n")
                    continue
                try:
                    write_atomic(path, doc.encode(new_text), expected=raw)
                except (MtqaError, OSError) as exc:
                    err.write(f"error: {exc}\n")
                    had_input_error = True
                    continue
                fixed += n
                doc = Document(text=new_text, path=str(path), encoding=encoding)
                findings = relint(new_text)
        results.append((doc, findings))
    if not opts.diff:
        _render(opts.output_format, results, out, fixed)
    if had_input_error:
        return 2
    if opts.diff:
        return 1 if would_change else 0
    worst = max((f.severity.rank for _, fs in results for f in fs), default=-1)
    return 1 if worst >= opts.fail_on.rank else 0


def _render(fmt: str, results, out, fixed: int) -> None:
    from .report import render

    render(fmt, results, out, fixed=fixed)
