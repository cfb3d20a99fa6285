"""`mtqa glossary stats CORPUS`: which forms of each concept the articles actually use, and how often.

Every glossary hit counts (in either script, glosses included); a surname standing for a
person's full name (扎克伯格) counts for the full form and is also shown on its own.
"""
from __future__ import annotations

from pathlib import Path

from .model import Glossary

TERM_COLUMNS = ["concept_id", "type", "lang", "term", "status", "count", "as_surname", "files", "share"]
CONCEPT_COLUMNS = ["concept_id", "type", "count", "files", "forms_used", "top_form", "preferred", "preferred_share"]


def count_hits(glossary: Glossary, files: list[Path], matcher=None):
    """(per-term counts, per-term surname counts, per-term file sets) keyed by (concept index, term index)."""
    from ..document import read_document
    from ..lint import get_matcher

    matcher = matcher if matcher is not None else get_matcher(glossary)
    index = {id(t): (ci, ti) for ci, c in enumerate(glossary.concepts) for ti, t in enumerate(c.terms)}
    counts: dict[tuple[int, int], int] = {}
    surnames: dict[tuple[int, int], int] = {}
    where: dict[tuple[int, int], set[str]] = {}
    for f in files:
        doc = read_document(f)
        for hit in matcher.find(doc.text):
            key = index.get(id(hit.term))
            if key is None:
                continue
            counts[key] = counts.get(key, 0) + 1
            if hit.short:
                surnames[key] = surnames.get(key, 0) + 1
            where.setdefault(key, set()).add(str(f))
    return counts, surnames, where


def stats_frame(glossary: Glossary, files: list[Path], by: str = "term", unused_only: bool = False, matcher=None):
    """A pandas DataFrame: one row per term (`by="term"`) or per concept (`by="concept"`).

    `matcher` (built from `glossary`) saves building one: the CLI passes the cached one."""
    import pandas as pd

    counts, surnames, where = count_hits(glossary, files, matcher)
    rows = []
    for ci, c in enumerate(glossary.concepts):
        keys = [(ci, ti) for ti in range(len(c.terms))]
        total = sum(counts.get(k, 0) for k in keys)
        if unused_only and total:
            continue
        concept_files = set().union(*(where.get(k, set()) for k in keys))
        if by == "concept":
            used = [(counts.get(k, 0), c.terms[k[1]].term) for k in keys if counts.get(k)]
            top = max(used, default=None)
            pref = _display_preferred(c)
            pref_count = counts.get((ci, c.terms.index(pref)), 0) if pref else 0
            rows.append((c.id, c.type, total, len(concept_files), len(used),
                         f"{top[1]} ×{top[0]}" if top else "", pref.term if pref else "",
                         round(pref_count / total, 3) if total else 0.0))
        else:
            for ti, t in enumerate(c.terms):
                n = counts.get((ci, ti), 0)
                rows.append((c.id, c.type, t.lang, t.term, t.status, n, surnames.get((ci, ti), 0),
                             len(where.get((ci, ti), ())), round(n / total, 3) if total else 0.0))
    return pd.DataFrame(rows, columns=CONCEPT_COLUMNS if by == "concept" else TERM_COLUMNS)


def render(frame, fmt: str) -> str:
    if fmt == "csv":
        return frame.to_csv(index=False, lineterminator="\n")
    if fmt == "json":
        return frame.to_json(orient="records", force_ascii=False, indent=2) + "\n"
    if frame.empty:
        return "(no rows)\n"
    return frame.to_string(index=False) + "\n"


def _display_preferred(c):
    """The preferred form a Simplified-Chinese article should use: zh-Hans, zh-CN, en, then any."""
    for lang in ("zh-Hans", "zh-CN", "en"):
        t = c.preferred(lang)
        if t is not None:
            return t
    return next((t for t in c.terms if t.status == "preferred"), None)
