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
Matching is leftmost-longest (the Rust `ahocorasick-rs` automaton; pyahocorasick scans CJK
text at ~20 MB/s because of the root's fan-out, this one at 60–100 MB/s): 王 inside
亚历山大·王 is no hit, nor is 元 inside the exception 元宇宙.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from typing import NamedTuple

from .glossary.model import CHINESE_LANGS, HANT_LANGS, Concept, Glossary, Term
from .normalize import ASCII_DOT_VARIANT, DOT, MIDDLE_DOTS, fold, is_latin_term, is_latin_word_char
from .script import HANS, HANT

TERM, SHORT, EXCEPTION = 0, 1, 2
# A bracket opening right after a name starts its gloss: 亚历山大·王(Alexandr Wang), “Avocado”(牛油果),
# FAIR(Fundamental AI Research,基础人工智能研究). Everything of the same concept inside is the gloss.
GLOSS_QUOTES = "”\"’'」』》"
GLOSS_CLOSE = re.compile(r"[)）]")
MAX_GLOSS = 120
# Latin words next to a Latin hit: two or more mean the hit sits inside an English phrase or title.
LATIN_LEFT = re.compile(r"(?:[A-Za-z0-9][A-Za-z0-9'’.&-]* )+$")
LATIN_RIGHT = re.compile(r"(?: [A-Za-z0-9][A-Za-z0-9'’.&-]*)+")
REGIONS = ("zh-CN", "zh-TW", "zh-HK")
REGION_BITS = {"zh-CN": 1, "zh-TW": 2, "zh-HK": 4}  # as glossary_scan.rs numbers them


class Form(NamedTuple):
    """One entry of the automaton: which term of which concept, and how it was derived.

    A named tuple, not a slotted dataclass: a 10,000-concept glossary has 70,000 of them, and
    unpickling slotted dataclasses one `__setstate__` at a time took a second."""

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
    key: str  # the rendering this hit counts as: script variants and surnames fold into their term
    gloss: bool = False  # stands in brackets right after another hit of the same concept
    in_english: bool = False  # a Latin form inside a longer English phrase or name (a title, Apple Intelligence)

    @property
    def is_rendering(self) -> bool:
        """Whether this hit is the text's own rendering of the concept (not a gloss or a quotation)."""
        return not (self.gloss or self.in_english)


class Scan:
    """What `Matcher.scan` found: the hits rules may report, the concepts the text names, and,
    asked of the compiled core's scan (`_core.GlossaryScan`, which keeps the raw matches), the
    spans of every accepted Latin hit, reported or not (N001 skips them), and of every accepted
    form (`accepted_matches`)."""

    __slots__ = ("hits", "concepts", "_core", "_latin_spans")

    def __init__(self, hits: list[Hit], concepts: frozenset = frozenset(), core=None):
        self.hits = hits
        self.concepts = concepts  # indexes of the concepts the text names with a listed term
        self._core = core
        self._latin_spans = None

    def _ask(self, question: str) -> list[tuple[int, int, int]]:
        return getattr(self._core, question)() if self._core is not None else []

    def matches(self) -> list[tuple[int, int, int]]:
        """(pattern, start, end) of every raw match."""
        return self._ask("matches")

    def latin_matches(self) -> list[tuple[int, int, int]]:
        """(pattern, start, end) of the accepted Latin matches on word boundaries, outside addresses."""
        return self._ask("latin")

    def accepted_matches(self) -> list[tuple[int, int, int]]:
        """(pattern, start, end) of the matches of accepted terms."""
        return self._ask("accepted")

    @property
    def latin_spans(self) -> list[tuple[int, int]]:
        if self._latin_spans is None:
            self._latin_spans = [(s, e) for _, s, e in self.latin_matches()]
        return self._latin_spans

    def latin_spans_in(self, lo: int, hi: int) -> list[tuple[int, int]]:
        """The accepted Latin spans that overlap [lo, hi) (found by bisection: they are sorted
        and do not overlap, so their ends are sorted too)."""
        spans = self.latin_spans
        if not spans:
            return []
        i = bisect_right(spans, lo, key=_end)
        j = i
        while j < len(spans) and spans[j][0] < hi:
            j += 1
        return spans[i:j]


EVIDENCE_WINDOW = 10  # characters either side in which another name makes an ordinary word a name
DOTS = DOT + MIDDLE_DOTS  # every spelling of the middle dot


def _in_dotted_name(text: str, start: int, end: int) -> bool:
    """Is text[start:end] one part of a dotted personal name (克劳德·香农, 约翰·克劳德)?"""
    after = end + 1 < len(text) and text[end] in DOTS and "\u4e00" <= text[end + 1] <= "\u9fff"
    before = start >= 2 and text[start - 1] in DOTS and "\u4e00" <= text[start - 2] <= "\u9fff"
    return after or before


def _stands_alone(text: str, start: int, end: int, containers: frozenset) -> bool:
    from .words import stands_alone

    return stands_alone(text, start, end, containers)


def _word_keys(keys, entries, concepts, to_simplified) -> dict:
    """`word_keys`: the patterns whose hits need mtqa.words.stands_alone — Chinese, one or two
    characters, a deprecated form with neither exceptions nor context, and contained in a longer
    dictionary word — and `word_containers`, those longer words. (An accepted form inside a
    longer word, 苹果 in 苹果公司, still names its concept.)"""
    from .words import containing_words

    short = {}
    for key, forms in zip(keys, entries):
        if len(key) > 2 or not all("\u4e00" <= c <= "\u9fff" for c in key):
            continue
        terms = [concepts[f.concept].terms[f.term] for f in forms if f.kind != EXCEPTION]
        if any(t.status == "deprecated" and not t.exceptions and not t.context for t in terms):
            short[key] = to_simplified(key)
    if not short:
        return {"word_keys": frozenset(), "word_containers": frozenset()}
    containers = containing_words(set(short.values()))
    inside = {c for word in containers for c in word} | {word[i:i + 2] for word in containers for i in range(len(word) - 1)}
    return {"word_keys": frozenset(k for k, simple in short.items() if simple in inside),
            "word_containers": containers}


def _common_keys(keys, entries, concepts, to_simplified) -> frozenset:
    """Deprecated Chinese patterns of two or more characters, with no context cues or exceptions,
    that are ordinary dictionary words (mtqa.words.ordinary_words)."""
    from .words import ordinary_words

    candidates = {}
    for key, forms in zip(keys, entries):
        if len(key) < 2 or not all("\u4e00" <= c <= "\u9fff" for c in key):
            continue
        f = forms[0]
        if f.kind != TERM:
            continue
        term = concepts[f.concept].terms[f.term]
        if term.status == "deprecated" and not term.exceptions and not term.context:
            candidates[key] = to_simplified(key)
    if not candidates:
        return frozenset()
    ordinary = ordinary_words(set(candidates.values()))
    return frozenset(k for k, simple in candidates.items() if simple in ordinary)


def _end(span: tuple[int, int]) -> int:
    return span[1]


def _start(hit: Hit) -> int:
    return hit.start


def _inside(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    """Whether [start, end) lies inside one of the sorted, disjoint `spans`."""
    i = bisect_right(spans, (start, float("inf"))) - 1
    return i >= 0 and spans[i][0] <= start and end <= spans[i][1]


@dataclass
class Matcher:
    glossary: Glossary
    keys: list[str]  # folded patterns, in automaton order
    entries: list[tuple[Form, ...]]  # what each pattern stands for
    preferred: list[dict[str, str | None]]  # per concept: {'Hans', 'Hant', 'zh-CN', 'zh-TW', 'zh-HK'} → form
    preferred_short: list[dict[str, str | None]]
    term_variants: dict[tuple[int, int], dict[str, str]] = field(default_factory=dict)
    # Short deprecated Chinese patterns (元) a longer dictionary word contains: a hit counts only where
    # it stands as a word of its own (mtqa.words), unless the glossary gives exceptions or context.
    word_keys: frozenset = field(default_factory=frozenset)
    word_containers: frozenset = field(default_factory=frozenset)  # the dictionary words containing them
    # Deprecated Chinese forms that are ordinary words (模式, 羊驼, 双子座): without context cues in
    # the glossary, a hit counts only near another concept's name (EVIDENCE_WINDOW).
    common_keys: frozenset = field(default_factory=frozenset)
    _regex_cache: dict = field(default_factory=dict, repr=False)

    # ---- building -------------------------------------------------------
    @classmethod
    def build(cls, glossary: Glossary) -> "Matcher":
        from .script import to_simplified, to_traditional

        table: dict[str, dict[Form, None]] = {}  # key → forms in insertion order (a dict: O(1) dedup)

        def add(text: str, form: Form) -> None:
            key = fold(text)
            if key:
                table.setdefault(key, {})[form] = None

        preferred, preferred_short, variants = [], [], {}
        for ci, concept in enumerate(glossary.concepts):
            for ti, term in enumerate(concept.terms):
                spellings = _spellings(term, to_simplified, to_traditional)
                variants[(ci, ti)] = spellings
                latin = is_latin_term(term.term)
                for script, text in _distinct_scripts(spellings):
                    form = Form(ci, ti, TERM, script, "", _latin_edge(text[0]), _latin_edge(text[-1]))
                    add(text, form)
                    if DOT in fold(text):  # 亚历山大.王 is the same name (ASCII periods are not folded)
                        add(fold(text).replace(DOT, ASCII_DOT_VARIANT), form)
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
        keys, entries = [], []
        concepts = glossary.concepts

        def ranked(forms, key: str) -> tuple[Form, ...]:
            # A term beats an exception and a derived surname. Within one concept, a term written as
            # the key beats another term's spelling in the other script (創辦人 is Taiwan's preferred
            # title, not admitted 创办人 in Traditional), unless `glossary derive` wrote it (that
            # spelling is its source term's); otherwise the glossary's order stands.
            order = {}
            for f in forms:
                order.setdefault(f.concept, len(order))

            def rank(f: Form) -> tuple[int, int, bool]:
                own = f.kind == TERM and own_keys.get((f.concept, f.term)) == key
                return f.kind, order[f.concept], not own

            return tuple(sorted(forms, key=rank)) if len(forms) > 1 else tuple(forms)

        own_keys = {(ci, ti): fold(t.term) for ci, c in enumerate(concepts) for ti, t in enumerate(c.terms)
                    if not getattr(t, "derived", False)}
        for key, forms in table.items():
            explicit = any(f.kind == TERM for f in forms)  # an explicit term beats a derived surname
            keys.append(key)
            entries.append(ranked([f for f in forms if f.kind != SHORT or not explicit], key))
        matcher = cls(glossary, keys, entries, preferred, preferred_short, variants,
                      **_word_keys(keys, entries, concepts, to_simplified),
                      common_keys=_common_keys(keys, entries, concepts, to_simplified))
        matcher._cues = {  # context cues in both scripts, folded
            (ci, ti): tuple(sorted({fold(v) for c in t.context for v in (c, to_traditional(c), to_simplified(c))}))
            for ci, c in enumerate(glossary.concepts) for ti, t in enumerate(c.terms) if t.context
        }
        from .latin_index import build_index
        from .sound_index import build_sound_index

        matcher._latin_index = build_index(glossary)  # pickled with the matcher
        matcher._sound_index = build_sound_index(glossary, variants)
        return matcher

    def __post_init__(self) -> None:
        self._scanner = None
        concepts = self.glossary.concepts
        self._term_keys = {(ci, ti): fold(t.term) for ci, c in enumerate(concepts) for ti, t in enumerate(c.terms)}
        # Per pattern, precomputed: the hit it makes (None: needs the slow path), and the row of flags
        # the core's scanner decides with (glossary_scan.rs `Pattern`, in its order): fast; loud
        # (always worth reporting: a non-preferred or regional form, or the slow path); the form's
        # Latin edges; its concept is no person; an accepted Latin form; the regions (bits) with a
        # preferred form of its concept; a regional form itself (輝達, zh-TW: S002 needs every concept
        # with a regional form then); the (concept, rendering key) pairs it stands for, acronyms aside
        # (AI beside 人工智能 is never an inconsistency); the concepts it stands for; those of its
        # explicit terms; those of which it is an accepted term.
        region_bits = [sum(bit for r, bit in REGION_BITS.items() if c.preferred(r)) for c in concepts]
        key_ids: dict[str, int] = {}
        self._fast, self._core_rows, self._key_ids = [], [], key_ids
        word_keys = self.word_keys
        for key, forms in zip(self.keys, self.entries):
            f = forms[0]
            term = concepts[f.concept].terms[f.term] if f.kind != EXCEPTION else None
            simple = (term is not None and not term.exceptions and not term.context and len(forms) == 1
                      and key not in word_keys and key not in self.common_keys)
            self._fast.append((concepts[f.concept], term, f.kind == SHORT, f.script, f.concept,
                               self._term_keys[(f.concept, f.term)], f.latin_start, f.latin_end) if simple else None)
            rendering = [(g.concept, key_ids.setdefault(self._term_keys[(g.concept, g.term)], len(key_ids)))
                         for g in forms if g.kind != EXCEPTION and not concepts[g.concept].terms[g.term].is_short]
            self._core_rows.append((
                simple,
                not simple or term.status != "preferred" or term.lang in REGIONS,
                f.latin_start, f.latin_end,
                concepts[f.concept].type != "person",
                term is not None and term.accepted and (f.latin_start or f.latin_end),
                region_bits[f.concept],
                any(g.kind == TERM and concepts[g.concept].terms[g.term].lang in REGIONS for g in forms),
                rendering,
                list({g.concept: None for g in forms if g.kind != EXCEPTION}),
                sorted({g.concept for g in forms if g.kind == TERM}),
                [g.concept for g in forms if g.kind == TERM and concepts[g.concept].terms[g.term].accepted],
            ))

    @property
    def scanner(self):
        """The compiled core's scanner (core/src/glossary_scan.rs): the automaton over `keys` and
        the per-pattern rows of `__post_init__`. Built on first use: it does not pickle."""
        if self._scanner is None:
            from ._core import GlossaryScanner

            self._scanner = GlossaryScanner(self.keys, self._core_rows, MIDDLE_DOTS + DOT)
        return self._scanner

    def _key_id(self, key: str) -> int:
        """The core's number for a rendering key (one no pattern renders gets a number of its own)."""
        ids = self._key_ids
        return ids.setdefault(key, len(ids))

    _PICKLED = ("glossary", "keys", "entries", "preferred", "preferred_short", "term_variants", "word_keys", "word_containers", "common_keys",
                "_latin_index",
                "_sound_index", "_cues")
    # The per-pattern tables of __post_init__ are pickled too: recomputing them took 1.4 s for a
    # 10,000-concept glossary, loading them takes a fraction of that.
    _DERIVED = ("_term_keys", "_fast", "_core_rows", "_key_ids")

    def __getstate__(self):
        # The compiled data and its derived tables; the core's scanner, which does not pickle, is
        # rebuilt on first use.
        return {k: self.__dict__[k] for k in self._PICKLED + self._DERIVED if k in self.__dict__}

    def __setstate__(self, state):
        self.__dict__.update(state)
        self._regex_cache = {}
        if all(k in state for k in self._DERIVED):
            self._scanner = None
        else:
            self.__post_init__()

    # ---- matching -------------------------------------------------------
    def find(self, text: str) -> list[Hit]:
        """All glossary hits in `text`, leftmost-longest, sorted by position."""
        return self.scan(text, all_hits=True).hits

    def scan(self, text: str, all_hits: bool = False, locale: str | None = None,
             not_prose: list | None = None, folded: str | None = None) -> "Scan":
        """Hits a rule may report on, plus the spans of every accepted Latin hit.

        Unless `all_hits`, a preferred-form hit is only returned when its concept shows up
        in two or more forms in `text` (acronyms aside), or has a form of the region `locale`
        names: the others can never be reported.
        Deciding that from the set of distinct patterns found, before any per-hit work,
        is what keeps linting fast on text dense with names.
        Nothing inside the spans `not_prose` (default: the URLs and e-mail addresses; see
        mtqa.prose) is a hit. `folded`: `fold(text)`, when the caller has it already.
        """
        if folded is None:
            folded = fold(text)
        if not_prose is None:
            from .prose import url_spans as _urls

            not_prose = _urls(text)
        url_spans = not_prose or None
        core = self.scanner.scan(text, folded, list(not_prose) if url_spans else [])
        if not len(core):
            return Scan([])
        # Patterns with exceptions or context cues first (few): whether 模式 really stands for a
        # model here decides whether the concept is seen in two forms.
        slow = core.slow()
        slow_hits = self._slow_path(text, folded, slow, core) if slow else []
        if url_spans and slow_hits:
            slow_hits = [h for h in slow_hits if not _inside(url_spans, h.start, h.end)]
        # The core keeps a preferred form's hits only where they can be reported (see
        # glossary_scan.rs `select`) and checks Latin word edges, dotted names and addresses.
        key_id = self._key_id
        fast = self._fast
        hits: list[Hit] = []
        for pid, start, end in core.select([(h.concept_index, key_id(h.key), h.term.is_short) for h in slow_hits],
                                           all_hits, locale):
            f = fast[pid]
            hits.append(Hit(start, end, f[0], f[1], f[2], f[3], f[4], f[5]))
        if slow_hits:
            hits.extend(slow_hits)
            hits.sort(key=_start)
        if hits:
            from .mention import is_mention

            # 又译元, （台湾称輝達）, 误作“倩文”: a form that is mentioned, not used, is no hit
            hits = [h for h in hits if h.term.status == "preferred" or not is_mention(text, h.start, h.end)]
        if hits:
            _mark_glosses(hits, text)
            _mark_english(hits, text)
        # (a derived surname alone does not count)
        return Scan(hits, frozenset(core.explicit_concepts()), core)

    def _slow_path(self, text, folded, slow, core) -> list[Hit]:
        """Patterns with exceptions, context cues or several meanings, short forms that must stand
        as words, ordinary words that need a name nearby, and Chinese names of things (never part
        of a person's dotted name)."""
        n = len(text)
        concepts = self.glossary.concepts
        cue_cache: dict[tuple[int, int], bool] = {}
        out: list[Hit] = []
        for pid, start, end in slow:
            forms = self.entries[pid]
            if len(forms) > 1 and forms[1].kind == TERM:
                # Case is meaning: of DeepSeek (preferred) and Deepseek (deprecated), the one written wins.
                written = text[start:end]
                forms = sorted(forms, key=lambda f: (f.kind, concepts[f.concept].terms[f.term].term != written
                                                     if f.kind == TERM else True))
            for form in forms:
                if form.kind == EXCEPTION:
                    break  # an exception word (美元) covers the whole span: nothing here
                if form.latin_start and start > 0 and is_latin_word_char(text[start - 1]):
                    continue
                if form.latin_end and end < n and is_latin_word_char(text[end]):
                    continue
                concept = concepts[form.concept]
                term = concept.terms[form.term]
                if term.exceptions and self._excepted(text, start, end, term):
                    continue
                if term.context and not self._has_context(folded, start, end, form, term, cue_cache):
                    continue
                if concept.type != "person" and not form.latin_start and _in_dotted_name(text, start, end):
                    continue  # 克劳德·香农 is a person, not Claude the model
                if not term.exceptions and not term.context:
                    key = self.keys[pid]
                    if key in self.word_keys and not _stands_alone(text, start, end, self.word_containers):
                        continue  # 元 inside 美元 or after a numeral: a piece of another word
                    if key in self.common_keys and not core.near_other(start, end, form.concept, EVIDENCE_WINDOW):
                        continue  # 一只羊驼: the animal, in a text not about the model here
                out.append(Hit(start, end, concept, term, form.kind == SHORT, form.script, form.concept,
                               self._term_keys[(form.concept, form.term)]))
                break
        return out

    def _excepted(self, text, start, end, term) -> bool:
        """A regex exception (`re:` entries, e.g. amounts before 元) covering the hit."""
        for exc in term.exceptions:
            if exc.startswith("re:"):
                rx = self._regex_cache.get(exc)
                if rx is None:
                    rx = self._regex_cache[exc] = re.compile(exc[3:])
                for m in rx.finditer(text, max(0, start - 24), min(len(text), end + 24)):
                    if m.start() <= start and end <= m.end():
                        return True
        return False

    def _has_context(self, folded, start, end, form, term, cache) -> bool:
        key = (form.concept, form.term)
        cues = self._cues.get(key) or tuple(fold(c) for c in term.context)
        if term.window <= 0:
            if key not in cache:
                cache[key] = any(cue in folded for cue in cues)
            return cache[key]
        lo, hi = max(0, start - term.window), end + term.window
        window = folded[lo:start] + "\x00" + folded[end:hi]
        return any(cue in window for cue in cues)

    # ---- suggestions ----------------------------------------------------
    def preferred_form(self, concept_index: int, script: str, locale: str | None = None, short: bool = False) -> str | None:
        """The form to suggest in a text of `script` (or of `locale`, when given)."""
        key = locale if locale in REGIONS else script
        if short:
            form = self.preferred_short[concept_index].get(key)
            if form:
                return form
        return self.preferred[concept_index].get(key)


# A bracket opening right after a name in the other script: 庞若明(Ruoming Pang), “Avocado”(牛油果).


def _mark_glosses(hits: list[Hit], text: str) -> None:
    """Flag hits inside a bracket that opens right after a non-gloss hit of the same concept, and
    Latin (Chinese) hits that open a bracket right after Chinese (Latin) text: the name they gloss
    may be one the glossary does not know, or a misspelling of it."""
    anchors: dict[int, tuple[int, int]] = {}  # concept → (bracket content start, end)
    for hit in hits:
        span = anchors.get(hit.concept_index)
        if span is not None and span[0] <= hit.start and hit.end <= span[1]:
            hit.gloss = True
            continue
        if hit.start and text[hit.start - 1] in "(（ " and _glosses_other_script(text, hit):
            hit.gloss = True
            continue
        ahead = text[hit.end:hit.end + 6]
        opened = _gloss_open(text, hit.end) if ("(" in ahead or "（" in ahead) else None
        if opened is not None:
            close = GLOSS_CLOSE.search(text, opened, opened + MAX_GLOSS)
            anchors[hit.concept_index] = (opened, close.start() if close else opened + MAX_GLOSS)
        else:
            anchors.pop(hit.concept_index, None)


def _gloss_open(text: str, i: int) -> int | None:
    """Where a bracket's content starts when one opens at `i` after up to four Chinese characters
    or a closing quote (王涛(Alexandr Wang), 高盛集团(Goldman Sachs), “Avocado”(牛油果)), else None.
    Plain code, not a regex: a class over the CJK block costs 4 ms to compile at every start."""
    n, j = len(text), i
    while j < n and j - i < 4 and "\u4e00" <= text[j] <= "\u9fff":
        j += 1
    if j == i and j < n and text[j] in GLOSS_QUOTES:
        j += 1
    while j < n and text[j].isspace():
        j += 1
    return j + 1 if j < n and text[j] in "(（" else None


def _glosses_other_script(text: str, hit: Hit) -> bool:
    """Whether the hit opens a bracket (within 4 characters) right after text in the other script."""
    before = text[max(0, hit.start - 4):hit.start].rstrip()
    if not before or before[-1] not in "(（":
        return False
    before = before[:-1].rstrip()
    if not before:
        return False
    last = before[-1]
    if not ("\u4e00" <= last <= "\u9fff" or last in "”」』》" or last.isascii() and (last.isalnum() or last in "\"'")):
        return False
    return is_latin_word_char(text[hit.start]) != last.isascii()


# A capitalised word right after a Latin hit: the hit is part of a longer name (Apple Intelligence).
NEXT_NAME = re.compile(r" [A-Z][A-Za-z]+")


def _mark_english(hits: list[Hit], text: str) -> None:
    n = len(text)
    for hit in hits:
        start, end = hit.start, hit.end
        if not (start > 1 and text[start - 1] == " ") and not (end < n - 1 and text[end] == " "):
            continue  # an English phrase needs a space next to the hit
        if not is_latin_word_char(text[start]) and not is_latin_word_char(text[end - 1]):
            continue
        left = LATIN_LEFT.search(text, max(0, hit.start - 80), hit.start)
        right = LATIN_RIGHT.match(text, hit.end, hit.end + 80)
        words = (left.group().count(" ") if left else 0) + (right.group().count(" ") if right else 0)
        hit.in_english = words >= 2 or (not left and NEXT_NAME.match(text, hit.end) is not None)


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
    latin = pref("en")
    if hans is None and latin is None:
        for t in concept.terms:  # a concept whose only preferred form is regional
            if t.status == "preferred" and t.lang in CHINESE_LANGS:
                hans, hant = to_simplified(t.term), to_traditional(t.term)
                break
    # (With a Latin preferred form, that is the form outside the region: Facebook, and 臉書 in zh-TW;
    # 脸书 stays admitted instead of becoming the Simplified spelling of Taiwan's form.)
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
