"""Find concepts: `show` (by id or exact form) and `search` (substring, sound-alike, fuzzy Latin)."""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..normalize import fold
from .keys import form_key, form_keys, has_han, latin_key, sound_key
from .model import Concept, Glossary, Term

_PINYIN_QUERY = re.compile(r"^[a-z]+(?: [a-z]+)*$")


def find_concepts(glossary: Glossary, query: str) -> list[Concept]:
    """The concept with id `query`, else every concept with a form written `query` (any case or script)."""
    c = glossary.get(query.strip())
    if c is not None:
        return [c]
    for key_of in (fold, form_key):
        want = key_of(query.strip())
        found = [c for c in glossary if any(key_of(t.term) == want for t in c.terms)]
        if found:
            return found
    return []


@dataclass
class Match:
    concept: Concept
    score: int
    how: str  # what matched: id, form, note, sound, fuzzy
    term: Term | None = None


def search(glossary: Glossary, query: str, limit: int = 20) -> list[Match]:
    """Concepts matching `query`, best first: id, forms (also across scripts), notes, pinyin, fuzzy Latin."""
    q = query.strip()
    if not q:
        return []
    qf, qform = fold(q), form_key(q)
    qsound = sound_key(q) if has_han(q) else (qf if _PINYIN_QUERY.match(qf) else "")
    qsound_flat = qsound.replace(" ", "")
    qlatin = latin_key(q) if not has_han(q) else ""
    terms = [(c, t) for c in glossary for t in c.terms]
    keys = form_keys([t.term for _, t in terms])
    best: dict[str, Match] = {}

    def offer(c: Concept, score: int, how: str, term: Term | None = None) -> None:
        if c.id not in best or best[c.id].score < score:
            best[c.id] = Match(c, score, how, term)

    for c in glossary:
        if c.id == qf:
            offer(c, 100, "id")
        elif qf in c.id:
            offer(c, 70, "id")
        if c.note and qf in fold(c.note):
            offer(c, 40, "note")
    for (c, t), key in zip(terms, keys):
        if key == qform:
            offer(c, 95, "form", t)
        elif key.startswith(qform):
            offer(c, 80, "form", t)
        elif qform in key:
            offer(c, 75, "form", t)
        elif t.note and qf in fold(t.note):
            offer(c, 40, "note", t)
    if qsound_flat:
        for c, t in terms:
            if t.lang != "en" and has_han(t.term):
                s = sound_key(t.term).replace(" ", "")
                if s == qsound_flat:
                    offer(c, 85, "sound", t)
                elif len(qsound_flat) >= 4 and qsound_flat in s:
                    offer(c, 60, "sound", t)
    if qlatin and len(qlatin) >= 3:
        from rapidfuzz import fuzz

        for c, t in terms:
            if not has_han(t.term):
                words = [latin_key(w) for w in t.term.split()] if " " in t.term else []
                ratio = max([fuzz.ratio(qlatin, latin_key(t.term))] + [fuzz.ratio(qlatin, w) for w in words])
                if ratio >= 80:
                    offer(c, int(ratio * 0.8), "fuzzy", t)
    ranked = sorted(best.values(), key=lambda m: (-m.score, m.concept.id))
    return ranked[:limit]


def concept_dict(c: Concept) -> dict:
    terms = []
    for t in c.terms:
        d = {"term": t.term, "lang": t.lang, "status": t.status}
        for key in ("type", "note", "suggest", "fix"):
            if getattr(t, key):
                d[key] = getattr(t, key)
        for key in ("exceptions", "context"):
            if getattr(t, key):
                d[key] = list(getattr(t, key))
        if t.window:
            d["window"] = t.window
        if t.derived:
            d["derived"] = True
        d["line"] = t.line
        terms.append(d)
    out = {"id": c.id, "type": c.type, "note": c.note, "source": c.source, "line": c.line, "terms": terms}
    if c.distinct_from:
        out["distinct_from"] = list(c.distinct_from)
    return out


def describe(c: Concept) -> str:
    """A concept as a short readable block."""
    where = f"{c.source}:{c.line}" if c.line else (c.source or "")
    lines = [f"{c.id} ({c.type})  {where}"]
    if c.note:
        lines.append(f"  {c.note}")
    width = max((len(t.term) for t in c.terms), default=0)
    for t in c.terms:
        extra = []
        if t.type:
            extra.append(t.type)
        if t.derived:
            extra.append("derived, to review")
        if t.suggest:
            extra.append(f"suggest {t.suggest}")
        if t.note:
            extra.append(t.note)
        tail = f"  — {'; '.join(extra)}" if extra else ""
        lines.append(f"  {t.status:<10} {t.lang:<7} {t.term:<{width}}{tail}")
    if c.distinct_from:
        lines.append(f"  distinct from: {', '.join(c.distinct_from)}")
    return "\n".join(lines)
