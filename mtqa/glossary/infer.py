"""Term types a glossary does not state, inferred from the forms themselves.

A glossary from another tool says which form is preferred, but rarely which is a short form.
mtqa's rules need to know (a short form is never an inconsistency with its full form, C001), so
an accepted form with no `type` is typed here when its shape says it:

- an acronym: Latin capitals (AI, LLM, CEO) of a concept that has a longer form;
- a short form: a proper part of another accepted form of the concept — its start, its end or
  a whole word of it (阿里 / 阿里巴巴, DeepMind / Google DeepMind, 扎克伯格 / 马克·扎克伯格);
- an abbreviation: a Chinese form whose characters occur in order in a longer Chinese form of
  the concept, begin with its first character and leave two or more out (世卫组织 / 世界卫生组织,
  北大 / 北京大学).

Deprecated forms are left alone: a wrong short form is still wrong. A glossary file that
states a type for any of its forms was typed by hand, and its untyped forms are full forms: types
are inferred only in files that state none (a CSV from another tool, a spreadsheet). An inferred
type is marked `type_inferred` and never written back into a glossary file.
"""
from __future__ import annotations

import re

from ..normalize import DOT, MIDDLE_DOTS
from .model import Concept, Glossary, Term

ACRONYM = re.compile(r"[A-Z][A-Z0-9&]{1,7}")
DOTS = DOT + MIDDLE_DOTS


def infer_types(glossary: Glossary) -> Glossary:
    """Type the untyped accepted forms of every concept whose file states no type at all."""
    typed_sources = {c.source for c in glossary.concepts if any(t.type for t in c.terms)}
    for concept in glossary.concepts:
        if concept.source not in typed_sources:
            infer_concept_types(concept)
    return glossary


def infer_concept_types(concept: Concept) -> None:
    accepted = [t for t in concept.terms if t.accepted]
    for term in accepted:
        if term.type is None:
            kind = short_kind(term, [t for t in accepted if t is not term])
            if kind:
                term.type, term.type_inferred = kind, True


def short_kind(term: Term, others: list[Term]) -> str | None:
    """'acronym', 'shortForm' or 'abbreviation' when `term` is one of the concept's `others`
    shortened, else None."""
    form = term.term.strip()
    if ACRONYM.fullmatch(form) and sum(c.isupper() for c in form) >= 2:
        if any(len(o.term.strip()) > len(form) for o in others):
            return "acronym"
        return None
    latin = form.isascii()
    for other in others:
        full = other.term.strip()
        if len(full) <= len(form) or full.isascii() != latin:
            continue
        if _part_of(form, full, latin):
            return "shortForm"
        if not latin and _in_order(form, full):
            return "abbreviation"
    return None


def _part_of(form: str, full: str, latin: bool) -> bool:
    if latin:
        words = re.split(r"[\s\-]+", full)
        return form.lower() in (w.lower() for w in words) or bool(
            re.match(re.escape(form) + r"\b", full, re.I) or re.search(r"\b" + re.escape(form) + "$", full, re.I))
    pieces = re.split(f"[{DOTS}]", full)
    return full.startswith(form) or full.endswith(form) or form in pieces


def _in_order(form: str, full: str) -> bool:
    """Do the characters of `form` occur in `full` in order, starting with its first character,
    with at least two left out? (A dotted name is a rendering, not an abbreviation: 山姆·奥特曼
    is another spelling of 山姆·阿尔特曼.)"""
    if len(form) < 2 or len(full) - len(form) < 2 or form[0] != full[0] or any(d in form for d in DOTS):
        return False
    i = 0
    for c in full:
        if i < len(form) and c == form[i]:
            i += 1
    return i == len(form)
