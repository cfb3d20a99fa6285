"""The QA-report spreadsheet, like Xbench's export: one row per finding with the context
around the hit and an empty `status` column for the reviewer to fill in.

CSV goes through the standard library; xlsx through pandas and openpyxl (imported here
only), with a frozen header, filters, sized columns and a status drop-down.
"""
from __future__ import annotations

COLUMNS = ("path", "line", "column", "rule", "name", "severity", "found", "suggestion", "fix", "message",
           "context", "status")
CONTEXT_CHARS = 20  # characters shown on each side of the hit
OPEN, CLOSE = "«", "»"  # mark the hit inside `context`
STATUSES = ("fixed", "accepted", "false positive", "query")
WIDTHS = {"path": 28, "message": 60, "context": 50}


def context(doc, f, chars: int = CONTEXT_CHARS) -> str:
    """The hit in its line, with up to `chars` characters each side: …的新贵«王涛»加入了…"""
    from .text import _line_column

    line = doc.line_text(f.line)
    start = f.column - _line_column(doc, f.line)
    end = min(len(line), start + (f.end - f.start))
    lead = "…" if start > chars else ""
    tail = "…" if end + chars < len(line) else ""
    return f"{lead}{line[max(0, start - chars):start]}{OPEN}{line[start:end]}{CLOSE}{line[end:end + chars]}{tail}"


def rows(results):
    for doc, findings in results:
        for f in findings:
            yield {
                "path": f.path, "line": f.line, "column": f.column, "rule": f.rule, "name": f.name,
                "severity": f.severity.value, "found": f.found, "suggestion": f.suggestion,
                "fix": None if f.fix is None else f.fix.applicability.value, "message": f.message,
                "context": context(doc, f), "status": "",
            }


def render_csv(results, stream) -> None:
    import csv

    writer = csv.DictWriter(stream, fieldnames=COLUMNS)
    writer.writeheader()
    writer.writerows(rows(results))


def render_xlsx(results, stream) -> None:
    import io

    import pandas as pd

    frame = pd.DataFrame(list(rows(results)), columns=list(COLUMNS))
    buffer = io.BytesIO()
    with pd.ExcelWriter(buffer, engine="openpyxl") as writer:
        frame.to_excel(writer, index=False, sheet_name="QA")
        _shape(writer.sheets["QA"], len(frame))
    binary = getattr(stream, "buffer", stream)
    binary.write(buffer.getvalue())
    binary.flush()


def _shape(ws, n_rows: int) -> None:
    """Frozen header, filters, column widths, wrapped long text, a status drop-down;
    and text that looks like a formula (=…) stays text."""
    from openpyxl.styles import Alignment
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    for row in ws.iter_rows(min_row=2):
        for cell in row:
            if cell.data_type == "f":
                cell.data_type = "s"
    last = get_column_letter(len(COLUMNS))
    ws.freeze_panes = "A2"
    ws.auto_filter.ref = f"A1:{last}{n_rows + 1}"
    for i, name in enumerate(COLUMNS, start=1):
        letter = get_column_letter(i)
        ws.column_dimensions[letter].width = WIDTHS.get(name, max(10, len(name) + 4))
        if name in ("message", "context"):
            for cell in ws[letter][1:]:
                cell.alignment = Alignment(wrap_text=True, vertical="top")
    status = get_column_letter(COLUMNS.index("status") + 1)
    choice = DataValidation(type="list", formula1='"' + ",".join(STATUSES) + '"', allow_blank=True)
    ws.add_data_validation(choice)
    choice.add(f"{status}2:{status}{max(2, n_rows + 1)}")
