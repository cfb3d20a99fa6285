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
from .schema import build_concept

SHEET = "glossary"


def write_xlsx(concepts: list[Concept]) -> bytes:
    import pandas as pd

    rows = [(c.id, c.type, t.lang, t.term, t.status, t.note or "") for c in concepts for t in c.terms]
    frame = pd.DataFrame(rows, columns=list(CSV_COLUMNS), dtype=object)
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


def read_xlsx(path: Path, problems: list[Problem]) -> list[Concept]:
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
    return concepts_from_rows(rows, where, problems)


def concepts_from_rows(rows: list[list[str]], where: str, problems: list[Problem]) -> list[Concept]:
    """Concepts from sheet rows (row 1 the header), grouping rows by concept id like the CSV reader."""
    if not rows:
        problems.append(Problem(where, 1, f"empty sheet; expected the header {','.join(CSV_COLUMNS)}"))
        return []
    header = [h for h in rows[0]]
    if tuple(header[: len(CSV_COLUMNS)]) != CSV_COLUMNS:
        problems.append(Problem(where, 1, f"header must start with {','.join(CSV_COLUMNS)}, got {','.join(h for h in header if h)}"))
        return []
    order: list[str] = []
    entries: dict[str, dict] = {}
    for number, row in enumerate(rows[1:], start=2):
        if not any(row):
            continue
        row = row + [""] * (len(CSV_COLUMNS) - len(row))
        cid, ctype, lang, term, status, note = row[:6]
        if cid not in entries:
            order.append(cid)
            entries[cid] = {"id": (cid, number), "type": (ctype, number), "terms": ([], number)}
        elif entries[cid]["type"][0] != ctype:
            problems.append(Problem(where, number, f"concept {cid!r} has type {ctype!r} here but {entries[cid]['type'][0]!r} above"))
        term_map = {"term": (term, number), "lang": (lang, number), "status": (status, number)}
        if note:
            term_map["note"] = (note, number)
        entries[cid]["terms"][0].append((term_map, number))
    concepts = []
    for cid in order:
        mapping = entries[cid]
        concept = build_concept((mapping, mapping["id"][1]), where, problems)
        if concept is not None:
            concepts.append(concept)
    return concepts
