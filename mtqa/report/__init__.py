"""Reporters: one module per output format, all behind `render`.

Each module is imported only when its format is asked for, so `mtqa lint` with text
output never loads pandas, openpyxl or jsonschema.
"""
from __future__ import annotations

FORMATS = ("text", "concise", "json", "sarif", "github", "csv", "xlsx")
BINARY_FORMATS = ("xlsx",)


def render(fmt: str, results, out, fixed: int = 0, quiet: bool = False, errors=None) -> None:
    """Write `results` — a list of (Document, [Finding]) — to `out` in format `fmt`.

    `out` is a text stream, except for xlsx: a binary stream (or a text stream with a `buffer`).
    `fixed` (edits applied by --fix) and `quiet` (no summary) only matter to the text formats.
    """
    if fmt in ("text", "concise"):
        from . import text

        text.render(results, out, fixed=fixed, full=fmt == "text", quiet=quiet, errors=errors)
    elif fmt == "json":
        from . import json_report

        json_report.render(results, out)
    elif fmt == "sarif":
        from . import sarif

        sarif.render(results, out)
    elif fmt == "github":
        from . import github

        github.render(results, out)
    elif fmt in ("csv", "xlsx"):
        from . import spreadsheet

        (spreadsheet.render_csv if fmt == "csv" else spreadsheet.render_xlsx)(results, out)
    else:
        raise ValueError(f"unknown format {fmt!r} (expected one of {', '.join(FORMATS)})")


def write(fmt: str, results, output=None, out=None, fixed: int = 0, quiet: bool = False, errors=None) -> None:
    """`render` to the file `output` (binary for xlsx; CSV with a byte-order mark, which Excel
    needs to read UTF-8), replaced only once the report is complete, or to the stream `out`
    when no file is given."""
    if output is None:
        render(fmt, results, out, fixed=fixed, quiet=quiet, errors=errors)
        return
    from pathlib import Path

    from ..errors import MtqaError

    import io

    from ..fix import atomic_writer

    target = Path(output)
    try:
        # Through a temporary file and a rename: an interrupted run leaves the last report whole.
        with atomic_writer(target) as sink:
            if fmt in BINARY_FORMATS:
                render(fmt, results, sink.file, fixed=fixed, quiet=quiet, errors=errors)
            else:
                fh = io.TextIOWrapper(sink.file, encoding="utf-8-sig" if fmt == "csv" else "utf-8", newline="")
                render(fmt, results, fh, fixed=fixed, quiet=quiet, errors=errors)
                fh.flush()
                fh.detach()  # the sink closes the file
    except OSError as exc:
        raise MtqaError(f"{target}: cannot write the report: {exc.strerror}") from None
