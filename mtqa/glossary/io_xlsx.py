"""The flat interchange form as an Excel workbook: one sheet, the CSV's columns, one row per term.

Row numbers in problems are the sheet's own (the header is row 1). Text that starts with
`=` is written as text, never as a formula.
"""
from __future__ import annotations

import io
from pathlib import Path

from ..errors import Problem
from .io_csv import CSV_COLUMNS
from .model import Concept

SHEET = "glossary"


def write_xlsx(concepts: list[Concept], extra: bool = False) -> bytes:
    import pandas as pd

    from .io_csv import term_rows
    from .table import EXTRA_COLUMNS

    frame = pd.DataFrame(list(term_rows(concepts, extra)), columns=list(CSV_COLUMNS + (EXTRA_COLUMNS if extra else ())),
                         dtype=object)
    buf = io.BytesIO()
    with pd.ExcelWriter(buf, engine="openpyxl") as writer:
        frame.to_excel(writer, sheet_name=SHEET, index=False)
        sheet = writer.sheets[SHEET]
        for row in sheet.iter_rows(min_row=2):
            for cell in row:
                if isinstance(cell.value, str) and cell.value.startswith("="):
                    cell.data_type = "s"  # text, not a formula
        for letter, width in zip("ABCDEF", (28, 10, 9, 28, 11, 48)):
            sheet.column_dimensions[letter].width = width
        sheet.freeze_panes = "A2"
    return buf.getvalue()


def read_xlsx(path: Path, problems: list[Problem], warnings: list[Problem] | None = None) -> list[Concept]:
    import pandas as pd

    where = str(path)
    try:
        frame = pd.read_excel(path, sheet_name=0, header=None, dtype=str, keep_default_na=False, engine="openpyxl")
    except FileNotFoundError:
        problems.append(Problem(where, None, "no such file"))
        return []
    except Exception as exc:  # openpyxl raises many kinds for a file that is not a workbook
        problems.append(Problem(where, None, f"cannot read as an Excel workbook (.xlsx): {exc}"))
        return []
    rows = [[("" if v is None else str(v)).strip() for v in values] for values in frame.itertuples(index=False)]
    return concepts_from_rows(rows, where, problems, warnings)


def concepts_from_rows(rows: list[list[str]], where: str, problems: list[Problem],
                      warnings: list[Problem] | None = None) -> list[Concept]:
    """Concepts from sheet rows (row 1 the header): the same shapes as a CSV file
    (mtqa.glossary.table)."""
    from .table import concepts_from_table

    if not rows:
        problems.append(Problem(where, 1, f"empty sheet; expected the header {','.join(CSV_COLUMNS)}"))
        return []
    return concepts_from_table(((n, [str(c) for c in row]) for n, row in enumerate(rows, start=1)), where,
                               problems, warnings)
