"""One Aho-Corasick automaton over every glossary form, built once per glossary.

What goes in, for each concept:
- every term as written, plus its other-script spellings (OpenCC s2t/s2tw/s2hk for
  Simplified terms, t2s for Traditional ones), so a Simplified glossary matches
  Traditional text and the suggestion can come back in the text's own script;
- for persons, the surname after the last `·` of each accepted Chinese form
  (扎克伯格 from 马克·扎克伯格), as a short form of that term;
- the literal exceptions of deprecated terms (美元 for 元), which veto hits they cover.

Text and terms are compared after `normalize.fold` (case, width, middle dots).
Latin forms only match on Latin word boundaries, defined here rather than with
`\\b`, which sees no boundary between `Qwen` and a Chinese character.
Overlaps resolve longest-first: 王 inside 亚历山大·王 is no hit, nor is 元 inside 元宇宙.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from .glossary.model import CHINESE_LANGS, HANT_LANGS, Concept, Glossary, Term
from .normalize import DOT, fold, is_latin_term, is_latin_word_char
from .script import HANS, HANT

TERM, SHORT, EXCEPTION = 0, 1, 2
# The gap between a name and its gloss in brackets: 亚历山大·王(Alexandr Wang), “Avocado”(牛油果)
GLOSS_GAP = re.compile(r"[”\"’'」』》]?\s*[(（]\s*[“\"‘「『《]?")
REGIONS = ("zh-CN", "zh-TW", "zh-HK")


@dataclass(frozen=True, slots=True)
class Form:
    """One entry of the automaton: which term of which concept, and how it was derived."""

    concept: int
    term: int
    kind: int  # TERM, SHORT (derived surname) or EXCEPTION
    script: str | None  # HANS/HANT when this spelling exists only in that script
    text: str  # the exception literal, for EXCEPTION forms
    latin_start: bool
    latin_end: bool


@dataclass(slots=True)
class Hit:
    start: int
    end: int
    concept: Concept
    term: Term
    short: bool  # a derived surname form of `term`
    script: str | None  # script of the spelling that matched, None when both scripts spell it alike
    concept_index: int
    gloss: bool = False  # stands in brackets right after another hit of the same concept

    @property
    def key(self) -> str:
        """The rendering this hit counts as (script variants and surnames fold into their term)."""
        return fold(self.term.term)


@dataclass
class Matcher:
    glossary: Glossary
    automaton: object
    preferred: list[dict[str, str | None]]  # per concept: {'Hans', 'Hant', 'zh-CN', 'zh-TW', 'zh-HK'} → form
    preferred_short: list[dict[str, str | None]]
    term_variants: dict[tuple[int, int], dict[str, str]] = field(default_factory=dict)
    _regex_cache: dict = field(default_factory=dict, repr=False)

    # ---- building -------------------------------------------------------
    @classmethod
    def build(cls, glossary: Glossary) -> "Matcher":
        import ahocorasick

        from .script import to_simplified, to_traditional

        table: dict[str, list[Form]] = {}

        def add(text: str, form: Form) -> None:
            key = fold(text)
            if key:
                entries = table.setdefault(key, [])
                if form not in entries:
                    entries.append(form)

        preferred, preferred_short, variants = [], [], {}
        for ci, concept in enumerate(glossary.concepts):
            for ti, term in enumerate(concept.terms):
                spellings = _spellings(term, to_simplified, to_traditional)
                variants[(ci, ti)] = spellings
                latin = is_latin_term(term.term)
                for script, text in _distinct_scripts(spellings):
                    add(text, Form(ci, ti, TERM, script, "", _latin_edge(text[0]), _latin_edge(text[-1])))
                    if concept.type == "person" and term.accepted and not latin and DOT in fold(text):
                        surname = fold(text).rsplit(DOT, 1)[1]
                        if len(surname) >= 2:
                            add(surname, Form(ci, ti, SHORT, script, "", False, False))
                for exc in term.exceptions:
                    if exc.startswith("re:"):
                        continue
                    for text in {exc, to_traditional(exc), to_simplified(exc)}:
                        add(text, Form(ci, ti, EXCEPTION, None, fold(text), False, False))
            preferred.append(_preferred_forms(concept, to_simplified, to_traditional))
            preferred_short.append({k: _surname(v) for k, v in preferred[-1].items()})
        # An explicit term beats a derived surname with the same spelling.
        automaton = ahocorasick.Automaton(ahocorasick.STORE_ANY)
        for key, forms in table.items():
            explicit = {(f.concept, f.term) for f in forms if f.kind == TERM}
            keep = tuple(f for f in forms if f.kind != SHORT or not explicit)
            automaton.add_word(key, (len(key), keep))
        automaton.make_automaton()
        return cls(glossary, automaton, preferred, preferred_short, variants)

    # ---- matching -------------------------------------------------------
    def find(self, text: str) -> list[Hit]:
        """All glossary hits in `text`, overlaps resolved, sorted by position."""
        folded = fold(text)
        n = len(text)
        concepts = self.glossary.concepts
        candidates: list[tuple[int, int, Form]] = []
        exceptions: dict[tuple[int, int], list[tuple[int, int]]] = {}
        for last, (length, forms) in self.automaton.iter(folded):
            end = last + 1
            start = end - length
            for form in forms:
                if form.latin_start and start > 0 and is_latin_word_char(text[start - 1]):
                    continue
                if form.latin_end and end < n and is_latin_word_char(text[end]):
                    continue
                if form.kind == EXCEPTION:
                    exceptions.setdefault((form.concept, form.term), []).append((start, end))
                else:
                    candidates.append((start, end, form))
        if not candidates:
            return []
        cue_cache: dict[tuple[int, int], bool] = {}
        kept = []
        for start, end, form in candidates:
            term = concepts[form.concept].terms[form.term]
            if term.exceptions and self._excepted(text, start, end, form, term, exceptions):
                continue
            if term.context and not self._has_context(folded, start, end, form, term, cue_cache):
                continue
            kept.append((start, end, form))
        return self._resolve(kept, text) if kept else []

    def _excepted(self, text, start, end, form, term, exceptions) -> bool:
        for s, e in exceptions.get((form.concept, form.term), ()):
            if s <= start and end <= e:
                return True
        for exc in term.exceptions:
            if exc.startswith("re:"):
                rx = self._regex_cache.get(exc)
                if rx is None:
                    rx = self._regex_cache[exc] = re.compile(exc[3:])
                lo = max(0, start - 24)
                for m in rx.finditer(text, lo, min(len(text), end + 24)):
                    if m.start() <= start and end <= m.end():
                        return True
        return False

    def _has_context(self, folded, start, end, form, term, cache) -> bool:
        if term.window <= 0:
            key = (form.concept, form.term)
            if key not in cache:
                cache[key] = any(fold(cue) in folded for cue in term.context)
            return cache[key]
        lo, hi = max(0, start - term.window), end + term.window
        window = folded[lo:start] + "\x00" + folded[end:hi]
        return any(fold(cue) in window for cue in term.context)

    def _resolve(self, candidates: list[tuple[int, int, Form]], text: str) -> list[Hit]:
        concepts = self.glossary.concepts
        # Longest first; for equal spans an explicit term before a derived surname.
        candidates.sort(key=lambda c: (c[0] - c[1], c[2].kind, c[0]))
        taken = bytearray(max(e for _, e, _ in candidates))
        hits: list[Hit] = []
        for start, end, form in candidates:
            if taken.find(1, start, end) != -1:
                continue
            taken[start:end] = b"\x01" * (end - start)
            concept = concepts[form.concept]
            hits.append(Hit(start, end, concept, concept.terms[form.term], form.kind == SHORT,
                            form.script, form.concept))
        hits.sort(key=lambda h: h.start)
        for prev, hit in zip(hits, hits[1:]):
            if prev.concept_index == hit.concept_index and GLOSS_GAP.fullmatch(text, prev.end, hit.start):
                hit.gloss = True
        return hits

    # ---- suggestions ----------------------------------------------------
    def preferred_form(self, concept_index: int, script: str, locale: str | None = None, short: bool = False) -> str | None:
        """The form to suggest in a text of `script` (or of `locale`, when given)."""
        key = locale if locale in REGIONS else script
        if short:
            form = self.preferred_short[concept_index].get(key)
            if form:
                return form
        return self.preferred[concept_index].get(key)


def _latin_edge(ch: str) -> bool:
    return is_latin_word_char(ch)


def _spellings(term: Term, to_simplified, to_traditional) -> dict[str, str]:
    """The term in each script: {'Hans': ..., 'Hant': ..., 'zh-TW': ..., 'zh-HK': ...}."""
    text = term.term
    if is_latin_term(text) and not any(ord(c) > 0x2E80 for c in text):
        return {HANS: text, HANT: text}
    if term.lang in HANT_LANGS:
        return {HANT: text, HANS: to_simplified(text)}
    return {
        HANS: text,
        HANT: to_traditional(text),
        "zh-TW": to_traditional(text, "zh-TW"),
        "zh-HK": to_traditional(text, "zh-HK"),
    }


def _distinct_scripts(spellings: dict[str, str]):
    """(script or None, text) for every distinct spelling; None when both scripts agree."""
    hans, hant = spellings[HANS], spellings[HANT]
    if hans == hant:
        yield None, hans
    else:
        yield HANS, hans
        yield HANT, hant
    for region in ("zh-TW", "zh-HK"):
        text = spellings.get(region)
        if text and text not in (hans, hant):
            yield HANT, text


def _preferred_forms(concept: Concept, to_simplified, to_traditional) -> dict[str, str | None]:
    def pref(lang):
        t = concept.preferred(lang)
        return t.term if t else None

    hans = pref("zh-Hans") or pref("zh-CN")
    hant = pref("zh-Hant")
    if hans is None and hant is not None:
        hans = to_simplified(hant)
    if hant is None and hans is not None:
        hant = to_traditional(hans)
    if hans is None:
        for t in concept.terms:  # a concept whose only preferred form is regional
            if t.status == "preferred" and t.lang in CHINESE_LANGS:
                hans, hant = to_simplified(t.term), to_traditional(t.term)
                break
    latin = pref("en")
    out = {HANS: hans or latin, HANT: hant or latin}
    out["zh-CN"] = pref("zh-CN") or out[HANS]
    out["zh-TW"] = pref("zh-TW") or pref("zh-Hant") or (to_traditional(hans, "zh-TW") if hans else latin)
    out["zh-HK"] = pref("zh-HK") or pref("zh-Hant") or (to_traditional(hans, "zh-HK") if hans else latin)
    return out


def _surname(form: str | None) -> str | None:
    if form and DOT in form:
        tail = form.rsplit(DOT, 1)[1]
        return tail if len(tail) >= 2 else None
    return None
