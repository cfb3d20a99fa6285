"""Checks across concepts that the loader enforces (file and line on every problem)."""
from __future__ import annotations

from collections import defaultdict

from ..errors import Problem
from ..normalize import fold
from .model import Concept


def check_concepts(concepts: list[Concept]) -> list[Problem]:
    problems: list[Problem] = []
    seen_ids: dict[str, Concept] = {}
    accepted: dict[str, tuple[Concept, str]] = {}
    deprecated: dict[str, list[Concept]] = defaultdict(list)
    for c in concepts:
        where = c.source or "<glossary>"
        if c.id in seen_ids:
            first = seen_ids[c.id]
            problems.append(Problem(where, c.line, f"duplicate concept id {c.id!r} (first defined at {first.source}:{first.line})"))
        else:
            seen_ids[c.id] = c
        if not any(t.status == "preferred" for t in c.terms):
            problems.append(Problem(where, c.line, f"concept {c.id!r} has no preferred term"))
        by_lang: dict[str, list] = defaultdict(list)
        forms: dict[tuple[str, str], str] = {}
        for t in c.terms:
            if t.status == "preferred":
                by_lang[t.lang].append(t)
            key = (t.lang, fold(t.term))
            # Case is meaning for Latin names: DeepSeek preferred and Deepseek deprecated is no duplicate.
            if key in forms and forms[key] == t.term:
                problems.append(Problem(where, t.line, f"term {t.term!r} ({t.lang}) is listed twice in concept {c.id!r}"))
            forms[key] = t.term
            if t.status == "deprecated":
                deprecated[fold(t.term)].append((c, t))
            else:
                accepted.setdefault(fold(t.term), (c, t))
        for lang, preferred in by_lang.items():
            if len(preferred) > 1:
                names = ", ".join(t.term for t in preferred)
                problems.append(Problem(where, preferred[1].line, f"concept {c.id!r} has {len(preferred)} preferred {lang} terms ({names}); keep one, make the others admitted"))
    for form, entries in deprecated.items():
        if form in accepted:
            ac, at = accepted[form]
            for dc, dt in entries:
                if dc is ac and dt.term != at.term:
                    continue  # two casings of one name, each with its status
                problems.append(Problem(
                    dc.source or "<glossary>", dt.line,
                    f"{dt.term!r} is deprecated in {dc.id!r} but {at.status} in {ac.id!r} ({ac.source}:{at.line})",
                ))
    return problems
