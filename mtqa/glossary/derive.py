"""`mtqa glossary derive --to zh-Hant|zh-TW|zh-HK`: fill missing Traditional forms through OpenCC.

A concept gets forms in the target language only when it has none there yet (a region that
uses its own name, 祖克柏 for zh-TW, is never second-guessed). Every zh-Hans form (else every
zh-CN form) is converted — preferred, admitted and deprecated alike, with its exceptions,
context cues and suggestion converted too, so lint behaves the same — and marked
`derived: true` for a person to review; it goes right after the form it was made from.
"""
from __future__ import annotations

from dataclasses import replace

from .edit import Editor
from .model import Term

TARGETS = {"zh-Hant": None, "zh-TW": "zh-TW", "zh-HK": "zh-HK"}


def _convert_all(texts: list[str], region: str | None) -> dict[str, str]:
    """Each text in Traditional characters (one OpenCC call for all of them)."""
    from ..script import to_traditional

    unique = sorted({t for t in texts if "\n" not in t})
    if not unique:
        return {}
    converted = to_traditional("\n".join(unique), region).split("\n")
    if len(converted) != len(unique):  # pragma: no cover - OpenCC keeps lines
        converted = [to_traditional(t, region) for t in unique]
    return dict(zip(unique, converted))


def _derived(term: Term, target: str, table: dict[str, str]) -> Term:
    def conv(text):
        return table.get(text, text) if text else text

    return replace(
        term, term=conv(term.term), lang=target, line=None, derived=True, suggest=conv(term.suggest),
        exceptions=[e if e.startswith("re:") else conv(e) for e in term.exceptions],
        context=[conv(c) for c in term.context],
    )


def derive(editor: Editor, target: str) -> int:
    """Add derived `target` forms to every concept that lacks them; the number of forms added."""
    if target not in TARGETS:
        raise ValueError(f"unknown target {target!r} (expected one of {', '.join(TARGETS)})")
    plans = []
    for c in editor.glossary.concepts:
        if any(t.lang == target for t in c.terms):
            continue
        source_lang = "zh-Hans" if any(t.lang == "zh-Hans" for t in c.terms) else "zh-CN"
        sources = [i for i, t in enumerate(c.terms) if t.lang == source_lang]
        if sources:
            plans.append((c, sources))
    texts = []
    for c, sources in plans:
        for i in sources:
            t = c.terms[i]
            texts.extend([t.term, *(e for e in t.exceptions if not e.startswith("re:")), *t.context])
            if t.suggest:
                texts.append(t.suggest)
    table = _convert_all(texts, TARGETS[target])
    added = 0
    for c, sources in plans:
        made = set()
        for i in reversed(sources):  # inserting after i never moves the lower indices still to come
            new = _derived(c.terms[i], target, table)
            if new.term in made:
                continue
            made.add(new.term)
            editor.add_term(c.id, new, after=i)
            added += 1
    return added


def pending_review(glossary) -> list[tuple]:
    """(concept, term) of every derived form still marked for review."""
    return [(c, t) for c in glossary for t in c.terms if t.derived]
