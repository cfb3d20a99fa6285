"""`mtqa glossary validate`: the loader's checks plus checks across the whole glossary.

| code | severity | what |
|---|---|---|
| G000 | error | anything the loader rejects (schema, YAML, duplicate ids, conflicting statuses, …) |
| G001 | error | the same form (up to case, width, dots and script) in two concepts |
| G002 | error | a deprecated form of one concept that is an accepted form of another, across scripts |
| G003 | error | near-duplicate concepts: the same Latin name up to case and spacing |
| G004 | error | near-duplicate concepts: preferred Chinese forms with the same pinyin |
| G005 | warning | a zh-Hant form that is not what OpenCC gives for the concept's zh-Hans form |

G003 and G004 are silenced for a pair of concepts that list each other in `distinct_from`
(two different people whose names sound alike). G001 is silenced when both forms carry
`context` cues, which is how a glossary tells two meanings of one word apart.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from ..normalize import fold, is_latin_term
from .keys import form_keys, has_han, latin_key, sound_key
from .model import Concept, Term

CHECKS = {
    "G000": ("glossary-schema", "error"),
    "G001": ("term-in-two-concepts", "error"),
    "G002": ("deprecated-elsewhere-accepted", "error"),
    "G003": ("latin-near-duplicate", "error"),
    "G004": ("sound-near-duplicate", "error"),
    "G005": ("hant-not-opencc", "warning"),
}


@dataclass(frozen=True)
class Issue:
    """One located validate problem."""

    code: str
    severity: str  # "error" or "warning"
    path: str
    line: int | None
    message: str
    key: tuple = field(default=(), compare=False)  # identity that survives line shifts (for edits)

    def __str__(self) -> str:
        where = self.path if self.line is None else f"{self.path}:{self.line}"
        return f"{where}: {self.code} [{self.severity}] {self.message}"

    def as_dict(self) -> dict:
        return {"path": self.path, "line": self.line, "code": self.code, "name": CHECKS[self.code][0],
                "severity": self.severity, "message": self.message}


def _issue(code: str, concept: Concept, line: int | None, message: str, key: tuple) -> Issue:
    return Issue(code, CHECKS[code][1], concept.source or "<glossary>", line, message, (code, *key))


def _where(concept: Concept, term: Term | None = None) -> str:
    line = term.line if term is not None and term.line else concept.line
    return f"{concept.source}:{line}" if line else str(concept.source)


def _distinct(a: Concept, b: Concept) -> bool:
    return b.id in a.distinct_from or a.id in b.distinct_from


def check_concepts_extra(concepts: list[Concept], ignore: set[str] | frozenset = frozenset()) -> list[Issue]:
    """G001–G005 over loaded (already schema-valid) concepts."""
    issues: list[Issue] = []
    if not ({"G001", "G002"} <= set(ignore)):
        issues += _same_form(concepts, ignore)
    if "G003" not in ignore:
        issues += _latin_near_duplicates(concepts)
    if "G004" not in ignore:
        issues += _sound_near_duplicates(concepts)
    if "G005" not in ignore:
        issues += _hant_forms(concepts)
    issues.sort(key=lambda i: (i.path, i.line or 0, i.code))
    return issues


def _same_form(concepts: list[Concept], ignore) -> list[Issue]:
    pairs = [(c, t) for c in concepts for t in c.terms]
    keys = form_keys([t.term for _, t in pairs])
    groups: dict[str, list[tuple[Concept, Term]]] = defaultdict(list)
    for (c, t), key in zip(pairs, keys):
        groups[key].append((c, t))
    out = []
    for key, entries in groups.items():
        if len({id(c) for c, _ in entries}) < 2:
            continue
        first_c, first_t = entries[0]
        reported = {id(first_c)}
        for c, t in entries[1:]:
            if id(c) in reported:
                continue
            other_c, other_t = next(((oc, ot) for oc, ot in entries if oc is not c), (first_c, first_t))
            reported.add(id(c))
            if t.context and other_t.context:
                continue  # both need cue words: the glossary already tells the meanings apart
            if t.accepted != other_t.accepted:
                if "G002" in ignore:
                    continue
                dep, acc, dc, ac = (t, other_t, c, other_c) if not t.accepted else (other_t, t, other_c, c)
                out.append(_issue("G002", c, t.line,
                                  f"{dep.term!r} is deprecated in {dc.id!r} but {acc.term!r} is {acc.status} in "
                                  f"{ac.id!r} ({_where(ac, acc)}); in the other script they are the same form",
                                  (key, *sorted((c.id, other_c.id)))))
            elif "G001" not in ignore:
                out.append(_issue("G001", c, t.line,
                                  f"{t.term!r} ({t.lang}, {t.status}) is also a form of {other_c.id!r} "
                                  f"({other_t.term!r}, {_where(other_c, other_t)}); a form may belong to one concept only",
                                  (key, *sorted((c.id, other_c.id)))))
    return out


def _latin_near_duplicates(concepts: list[Concept]) -> list[Issue]:
    groups: dict[str, list[tuple[Concept, Term]]] = defaultdict(list)
    for c in concepts:
        for t in c.terms:
            if is_latin_term(t.term) and not has_han(t.term):
                groups[latin_key(t.term)].append((c, t))
    out, seen = [], set()
    for key, entries in groups.items():
        for i, (c, t) in enumerate(entries):
            for oc, ot in entries[:i]:
                pair = (oc.id, c.id)
                if oc is c or pair in seen or fold(ot.term) == fold(t.term) or _distinct(c, oc):
                    continue
                seen.add(pair)
                out.append(_issue("G003", c, t.line,
                                  f"concept {c.id!r} ({t.term!r}) looks like a duplicate of {oc.id!r} "
                                  f"({ot.term!r}, {_where(oc, ot)}): same Latin name up to case and spacing; "
                                  f"merge them, or list each in the other's distinct_from",
                                  tuple(sorted((c.id, oc.id)))))
    return out


def _sound_near_duplicates(concepts: list[Concept]) -> list[Issue]:
    groups: dict[str, list[tuple[Concept, Term]]] = defaultdict(list)
    for c in concepts:
        seen_keys = set()
        for t in c.terms:
            if t.status == "preferred" and t.lang != "en" and has_han(t.term):
                key = sound_key(t.term)
                if key and key not in seen_keys:
                    seen_keys.add(key)
                    groups[key].append((c, t))
    out, seen = [], set()
    for key, entries in groups.items():
        if len(entries) < 2:
            continue
        fkeys = form_keys([t.term for _, t in entries])
        for i, (c, t) in enumerate(entries):
            for j, (oc, ot) in enumerate(entries[:i]):
                pair = (oc.id, c.id)
                if oc is c or pair in seen or fkeys[i] == fkeys[j] or _distinct(c, oc):
                    continue
                seen.add(pair)
                out.append(_issue("G004", c, t.line,
                                  f"concept {c.id!r} ({t.term!r}) sounds like {oc.id!r} ({ot.term!r}, "
                                  f"{_where(oc, ot)}): both read '{key}'; merge them if they are one, "
                                  f"or list each in the other's distinct_from",
                                  tuple(sorted((c.id, oc.id)))))
    return out


def _hant_forms(concepts: list[Concept]) -> list[Issue]:
    from ..script import to_traditional

    todo = []  # (concept, hant term, [same-status hans terms], [all hans terms])
    for c in concepts:
        hant = [t for t in c.terms if t.lang == "zh-Hant"]
        hans = [t for t in c.terms if t.lang in ("zh-Hans", "zh-CN")]
        if hant and hans:
            todo.extend((c, t, hans) for t in hant)
    if not todo:
        return []
    sources = sorted({h.term for _, _, hans in todo for h in hans})
    joined = "\n".join(s.replace("\n", " ") for s in sources)
    conversions: dict[str, set[str]] = {s: {s} for s in sources}
    for region in (None, "zh-TW", "zh-HK"):
        for s, converted in zip(sources, to_traditional(joined, region).split("\n")):
            conversions[s].add(converted)
    out = []
    for c, t, hans in todo:
        if any(t.term in conversions[h.term] for h in hans):
            continue
        counterpart = next((h for h in hans if h.status == t.status), None)
        if counterpart is None:
            continue  # no zh-Hans form it is meant to spell
        expected = to_traditional(counterpart.term)
        out.append(_issue("G005", c, t.line,
                          f"zh-Hant {t.status} form {t.term!r} of {c.id!r} is not what OpenCC gives for its "
                          f"zh-Hans form {counterpart.term!r} ({expected!r}); check it is the intended spelling",
                          (c.id, t.term)))
    return out


def validate_paths(paths, ignore: set[str] | frozenset = frozenset()):
    """(Glossary or None, issues): the loader's problems as G000, else the extra checks."""
    from ..errors import GlossaryError
    from .loader import load_glossary

    try:
        glossary = load_glossary(*paths)
    except GlossaryError as exc:
        return None, [Issue("G000", "error", p.path, p.line, p.message, ("G000", p.message)) for p in exc.problems]
    return glossary, check_concepts_extra(glossary.concepts, ignore)
