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

CSV_COLUMNS = ("concept_id", "type", "lang", "term", "status", "note")


def read_csv_glossary(path: Path, problems: list[Problem]) -> list[Concept]:
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        problems.append(Problem(str(path), None, f"cannot read CSV: {exc}"))
        return []
    return parse_csv_glossary(text, str(path), problems)


def parse_csv_glossary(text: str, path: str, problems: list[Problem]) -> list[Concept]:
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = next(reader)
    except StopIteration:
        problems.append(Problem(path, 1, f"empty CSV; expected the header {','.join(CSV_COLUMNS)}"))
        return []
    header = [h.strip() for h in header]
    if tuple(header[: len(CSV_COLUMNS)]) != CSV_COLUMNS:
        problems.append(Problem(path, 1, f"header must start with {','.join(CSV_COLUMNS)}, got {','.join(header)}"))
        return []
    order: list[str] = []
    entries: dict[str, dict] = {}
    for row in reader:
        line = reader.line_num
        if not any(cell.strip() for cell in row):
            continue
        if len(row) < len(CSV_COLUMNS) - 1:
            problems.append(Problem(path, line, f"expected {len(CSV_COLUMNS)} columns, got {len(row)}"))
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
