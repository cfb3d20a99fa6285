"""The flat CSV interchange form: `concept_id,type,lang,term,status,note`, one row per term.

Other tools rely on this exact header; keep it stable. `write_csv(..., extra=True)` adds the
columns that carry the rest of the YAML after the six (mtqa.glossary.table.EXTRA_COLUMNS).
Rows of one concept must be consecutive or at least agree on the concept's type.
"""
from __future__ import annotations

import csv
import io
import itertools
from pathlib import Path

from ..errors import Problem
from .model import Concept, Glossary
from .source_text import read_utf8
from .table import CSV_COLUMNS, EXTRA_COLUMNS, LIST_SEPARATOR, concepts_from_table


def read_csv_glossary(path: Path, problems: list[Problem], warnings: list[Problem] | None = None) -> list[Concept]:
    text = read_utf8(path, problems)
    if text is None:
        return []
    return parse_csv_glossary(text, str(path), problems, warnings)


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


def parse_csv_glossary(text: str, path: str, problems: list[Problem],
                       warnings: list[Problem] | None = None) -> list[Concept]:
    """Concepts from CSV text: mtqa's six columns (and optional extras), or a term list as other
    tools write one (see mtqa.glossary.table); adapted values are reported in `warnings`."""
    # strict: an unclosed quote is an error, not a field that swallows the rest of the file
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    rows = _rows(reader, path, problems)
    n_before = len(problems)
    first = next(rows, None)
    if first is None:
        if len(problems) == n_before:
            problems.append(Problem(path, 1, f"empty CSV; expected the header {','.join(CSV_COLUMNS)}"))
        return []
    header = [h.strip() for h in first[1]]
    sep = next((c for c in (";", "\t", "|") if len(header) == 1 and c in header[0]), None)
    if sep:
        problems.append(Problem(path, 1, f"header must start with {','.join(CSV_COLUMNS)}, got {','.join(header)} "
                                         f"(the columns are separated by {sep!r}; mtqa's CSV uses commas)"))
        return []
    return concepts_from_table(itertools.chain([first], rows), path, problems, warnings)


def term_rows(concepts, extra: bool = False):
    """The table's rows for `concepts`: the six columns, and with `extra` the extra ones."""
    for c in concepts:
        for i, t in enumerate(c.terms):
            row = [c.id, c.type, t.lang, t.term, t.status, t.note or ""]
            if extra:
                row += [t.type if t.type and not t.type_inferred else "", t.suggest or "",
                        LIST_SEPARATOR.join(t.exceptions), LIST_SEPARATOR.join(t.context),
                        str(t.window) if t.window else "", (c.note or "") if i == 0 else ""]
            yield row


def write_csv(glossary: Glossary, extra: bool = False) -> str:
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS + (EXTRA_COLUMNS if extra else ()))
    writer.writerows(term_rows(glossary, extra))
    return out.getvalue()
