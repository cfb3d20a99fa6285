"""The flat CSV interchange form: `concept_id,type,lang,term,status,note`, one row per term.

Other tools rely on this exact header; keep it stable. Rows of one concept must be
consecutive or at least agree on the concept's type.
"""
from __future__ import annotations

import csv
import io
from pathlib import Path

from ..errors import Problem
from .model import Concept, Glossary
from .schema import build_concept
from .source_text import read_utf8

CSV_COLUMNS = ("concept_id", "type", "lang", "term", "status", "note")


def read_csv_glossary(path: Path, problems: list[Problem]) -> list[Concept]:
    text = read_utf8(path, problems)
    if text is None:
        return []
    return parse_csv_glossary(text, str(path), problems)


def _rows(reader, path: str, problems: list[Problem]):
    """(first line, row) for each row; malformed CSV (an unclosed quote, a huge field) ends it with a located problem."""
    start = 1
    while True:
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            hint = " (is a closing quote missing?)" if reader.line_num > start else ""
            problems.append(Problem(path, start, f"malformed CSV in the row that starts here: {exc}{hint}"))
            return
        yield start, row
        start = reader.line_num + 1


def parse_csv_glossary(text: str, path: str, problems: list[Problem]) -> list[Concept]:
    # strict: an unclosed quote is an error, not a field that swallows the rest of the file
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    rows = _rows(reader, path, problems)
    n_before = len(problems)
    header = next(rows, (1, None))[1]
    if header is None:
        if len(problems) == n_before:
            problems.append(Problem(path, 1, f"empty CSV; expected the header {','.join(CSV_COLUMNS)}"))
        return []
    header = [h.strip() for h in header]
    if tuple(header[: len(CSV_COLUMNS)]) != CSV_COLUMNS:
        sep = next((c for c in (";", "\t", "|") if len(header) == 1 and c in header[0]), None)
        hint = f" (the columns are separated by {sep!r}; mtqa's CSV uses commas)" if sep else ""
        problems.append(Problem(path, 1, f"header must start with {','.join(CSV_COLUMNS)}, got {','.join(header)}{hint}"))
        return []
    order: list[str] = []
    entries: dict[str, dict] = {}
    for line, row in rows:
        if not any(cell.strip() for cell in row):
            continue
        if len(row) < len(CSV_COLUMNS) - 1:
            problems.append(Problem(path, line, f"expected {len(CSV_COLUMNS)} columns, got {len(row)}"))
            continue
        if len(row) > len(header):
            # more cells than the header names: usually an unquoted comma in a term or note
            problems.append(Problem(path, line, f"expected {len(header)} columns (as in the header), got {len(row)}: "
                                                "quote a term or note that contains a comma"))
            continue
        row = row + [""] * (len(header) - len(row))
        cid, ctype, lang, term, status, note = (cell.strip() for cell in row[:6])
        if cid not in entries:
            order.append(cid)
            entries[cid] = {"id": (cid, line), "type": (ctype, line), "terms": ([], line)}
        elif entries[cid]["type"][0] != ctype:
            problems.append(Problem(path, line, f"concept {cid!r} has type {ctype!r} here but {entries[cid]['type'][0]!r} above"))
        term_map = {"term": (term, line), "lang": (lang, line), "status": (status, line)}
        if note:
            term_map["note"] = (note, line)
        entries[cid]["terms"][0].append((term_map, line))
    concepts = []
    for cid in order:
        mapping = entries[cid]
        concept = build_concept((mapping, mapping["id"][1]), path, problems)
        if concept is not None:
            concepts.append(concept)
    return concepts


def write_csv(glossary: Glossary) -> str:
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for c in glossary:
        for t in c.terms:
            writer.writerow((c.id, c.type, t.lang, t.term, t.status, t.note or ""))
    return out.getvalue()
