"""`mtqa lint -`: lint standard input, as ruff and black do, for editors and pipes.

Standard input is read whole. `--stdin-filename` names the file it stands for: the config
that applies to that file (and whether it is excluded), its type (Markdown or plain text)
and the name in the report. With `--fix` the fixed text goes to standard output, in the
input's own encoding, and the report to standard error; when the text cannot be read or
fixed, the input goes back unchanged, so an editor that replaces its buffer loses nothing.
With `--diff` the diff goes to standard output.
"""
from __future__ import annotations

import sys
from pathlib import Path

from .document import Document, decode, write_back
from .errors import InputError

STDIN_NAME = "-"


def run_stdin(opts, out, err, data: bytes | None = None) -> int:
    from .run_lint import _linter, _Matchers, _relint, _report, resolver_for

    name = opts.stdin_filename or STDIN_NAME
    path = Path(name)
    settings = resolver_for(opts).for_file(path)
    matchers = _Matchers()
    matchers.get(settings.glossary)  # a glossary or config error before anything is read
    matchers.report_adaptations(err, opts.quiet)
    if data is None:
        data = sys.stdin.buffer.read()
    report_to = err if opts.fix else out
    if opts.stdin_filename and settings.excluded(path):
        if opts.fix:
            _write_bytes(out, data)
        _report(opts, iter(()), report_to, lambda: 0, lambda: False)
        return 0
    notes: list[str] = []
    try:
        text, encoding = decode(data, name, settings.encoding, notes)
    except InputError as exc:
        err.write(f"error: {exc}\n")
        if opts.fix:
            _write_bytes(out, data)
        return 2
    for note in notes:
        err.write(f"warning: {note}\n")
    lint = _linter(matchers, settings, path)
    doc = Document(text=text, path=name, encoding=encoding)
    fixed, failed = 0, False
    if opts.fix or opts.diff:
        from .fix import fix_text

        new_text, n = fix_text(text, _relint(lint, doc), unsafe=opts.unsafe_fixes)
        if opts.diff:
            from .run_lint import _diff

            if new_text != text:
                out.write(_diff(path, text, new_text))
            return 1 if new_text != text else 0
        output = data
        if new_text != text:
            try:
                output = write_back(data, text, new_text, encoding, name)
            except InputError as exc:
                err.write(f"error: {exc}\n")
                failed = True
            else:
                fixed = n
                doc = Document(text=new_text, path=name, encoding=encoding)
        _write_bytes(out, output)
    findings = lint(doc)
    _report(opts, iter([(doc, findings)]), report_to, lambda: fixed, lambda: failed)
    if failed:
        return 2
    return 1 if any(f.severity.rank >= settings.fail_on.rank for f in findings) else 0


def _write_bytes(out, data: bytes) -> None:
    """Bytes to `out`: its binary buffer when it has one (sys.stdout), else decoded (a StringIO)."""
    buffer = getattr(out, "buffer", None)
    if buffer is not None:
        out.flush()
        buffer.write(data)
        buffer.flush()
    else:
        out.write(data.decode("utf-8", errors="surrogateescape"))
