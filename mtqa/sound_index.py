"""What N002/N003 compare against: glossary names by sound, and the ordinary words that share a sound.

Built with the matcher (and cached with it): coding every accepted Chinese name and reading
jieba's dictionary once costs about a second; per document only short candidate spans are coded.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from .normalize import DOT, fold

NAME_TYPES = ("person", "org", "product", "model", "codename")
MIN_SYLLABLES = 2
MAX_SYLLABLES = 8
MIN_ANYWHERE = 3  # names this long are looked for by sound anywhere in a text, not only where names stand
MAX_ANYWHERE = 5
MAX_PER_ANCHOR = 8  # names a pair of characters may anchor for that search


@dataclass
class SoundIndex:
    level: str  # exact or fuzzy
    keys: dict[str, list[tuple[int, int, bool]]]  # coded name → [(concept, term, is_surname)]
    glossary_forms: set[str]  # every Chinese glossary form, folded, both scripts
    common_words: set[str]  # dictionary words that sound like a glossary name (前文 ~ 千问)
    concept_cues: dict[int, tuple[str, ...]] = field(default_factory=dict)  # concept → folded forms, any language
    names: dict[int, list[tuple[str, int, bool]]] = field(default_factory=dict)  # concept → (name, term, surname)
    persons: frozenset[int] = frozenset()  # concepts that are people
    # Foreign names jieba's dictionary knows (see `known_names`): coded → the name, and the
    # dictionary words that share a name's sound (no misspelling of it).
    known: dict[str, str] = field(default_factory=dict)
    known_homophones: frozenset[str] = frozenset()

    def coder(self):
        from .phonetics import SoundCoder

        coder = getattr(self, "_coder", None)
        if coder is None:
            coder = self._coder = SoundCoder(self.level)
        return coder

    def sounds(self):
        """The compiled core's coder with this index's coded names and known names (built on
        first use: it does not pickle)."""
        got = getattr(self, "_sounds", None)
        if got is None:
            got = self._sounds = self.coder().core(self.keys, self.known)
        return got

    def long_names(self):
        """(automaton, anchors, three-character names, their outer pairs) for finding names of
        companies, products and models of three characters or more anywhere in a text by the
        characters they keep: the automaton holds every pair of neighbouring characters of each
        undotted name, `anchors[k]` says (name, entry, offset) for its k-th pattern. Built on first
        use (the Rust automaton does not pickle)."""
        got = getattr(self, "_long_names", None)
        if got is None:
            import ahocorasick_rs

            patterns: dict[str, list] = {}
            threes = {}
            for ci, names in self.names.items():
                if ci in self.persons:
                    continue  # people are named where names stand (titles, 表示, 名·姓), and are many
                for name, ti, surname in names:
                    if not MIN_ANYWHERE <= len(name) <= MAX_ANYWHERE or not all("\u4e00" <= c <= "\u9fff" for c in name):
                        continue  # (longer names are made of words: 超级智能实验室 would anchor on every 智能)
                    for i in range(len(name) - 1):
                        patterns.setdefault(name[i:i + 2], []).append((name, (ci, ti, surname), i))
                    if len(name) == 3:
                        threes.setdefault(name, (ci, ti, surname))
            # A pair shared by many names (斯特, 克斯 in a glossary of thousands of transliterations) is
            # no anchor: each of its mentions would make a candidate of every one of them.
            patterns = {k: v for k, v in patterns.items() if len(v) <= MAX_PER_ANCHOR}
            keys = list(patterns) or ["\x00\x00"]
            automaton = ahocorasick_rs.AhoCorasick(keys)
            ends = by_outer_pair(tuple(threes)) if threes else None
            got = self._long_names = (automaton, [patterns.get(k, []) for k in keys], threes, ends)
        return got

    def __getstate__(self):
        state = dict(self.__dict__)
        state.pop("_coder", None)
        state.pop("_sounds", None)
        state.pop("_long_names", None)
        return state


@lru_cache(maxsize=64)
def by_outer_pair(names: tuple[str, ...]) -> dict:
    """Three-character names by their outer pair (英达 → [英伟达]), and under "\x00" a pattern of
    their first characters."""
    by_ends: dict = {}
    for name in names:
        by_ends.setdefault(name[0] + name[2], []).append(name)
    by_ends["\x00"] = re.compile(f"[{re.escape(''.join(sorted({x[0] for x in names})))}]")
    return by_ends


def build_sound_index(glossary, term_variants: dict, level: str = "exact") -> SoundIndex:
    from .phonetics import SoundCoder
    from .script import to_simplified

    coder = SoundCoder(level)
    keys: dict[str, list] = {}
    forms: set[str] = set()
    cues: dict[int, tuple[str, ...]] = {}
    names: dict[int, list] = {}
    for ci, concept in enumerate(glossary.concepts):
        cue = set()
        for ti, term in enumerate(concept.terms):
            for text in set(term_variants.get((ci, ti), {}).values()) | {term.term}:
                f = fold(text)
                cue.add(f)
                if any("\u4e00" <= c <= "\u9fff" for c in f):
                    forms.add(f)
                    forms.add(to_simplified(f))
            if concept.type not in NAME_TYPES or not term.accepted or term.lang == "en":
                continue
            name = fold(to_simplified(term.term))
            _add(keys, coder, name, (ci, ti, False))
            names.setdefault(ci, []).append((name, ti, False))
            if concept.type == "person" and DOT in name:
                surname = name.rsplit(DOT, 1)[1]
                forms.add(surname)
                if len(surname) >= 3:  # two-character surnames sound like too many words
                    _add(keys, coder, surname, (ci, ti, True))
                    names[ci].append((surname, ti, True))
        cues[ci] = tuple(sorted(cue))
    keys = {coded: list(bucket) for coded, bucket in keys.items()}
    by_sound = dictionary_by_sound(coder)
    # dictionary words that sound like a glossary name but are not one (前文 ~ 千问)
    common = {word for key in keys for word in by_sound.get(key, ()) if word not in forms}
    persons = frozenset(ci for ci, c in enumerate(glossary.concepts) if c.type == "person")
    known, homophones = known_names(coder, keys, forms, by_sound)
    return SoundIndex(level, keys, forms, common, cues, names, persons, known, homophones)


NAME_TAGS = ("nr", "nrt", "ns", "nt", "nz")
KNOWN_LENGTHS = (3, 6)  # a two-character name sounds like too many others


def known_names(coder, glossary_keys: dict, glossary_forms: set[str],
                by_sound: dict[str, list[str]]) -> tuple[dict[str, str], frozenset[str]]:
    """Foreign names the language already knows, from jieba's dictionary: entries tagged as names
    (NAME_TAGS), of three to six characters, all of them characters of transliteration
    (translit.TRANSLIT); a three-character person's name that starts with a Chinese surname is a
    Chinese name (丁佩华) and is left out, as are the glossary's names. Returns (the coding of each
    name's commonest reading → the name, keeping only codings that one name has; the dictionary
    words that share a name's coding, in any reading)."""
    from .translit import TRANSLIT
    from .words import jieba_tagged, surnames

    family = surnames()
    lo, hi = KNOWN_LENGTHS
    by_code: dict[str, set[str]] = {}
    for word, _freq, tag in jieba_tagged():
        if tag not in NAME_TAGS or not lo <= len(word) <= hi or word in glossary_forms:
            continue
        if not all(c in TRANSLIT for c in word) or (tag == "nr" and len(word) == 3 and word[0] in family):
            continue
        coded = coder.encode(word)  # its commonest reading: rare ones made 伯克尔 a 默克尔 (伯 mo)
        if coded not in glossary_keys:  # (a glossary name's sound is N002's)
            by_code.setdefault(coded, set()).add(word)
    known = {coded: next(iter(names)) for coded, names in by_code.items() if len(names) == 1}
    names = set(known.values())
    homophones = frozenset(w for coded in known for w in by_sound.get(coded, ()) if w not in names)
    return known, homophones


def _add(keys, coder, name: str, entry) -> None:
    chinese = "".join(c for c in name if c != DOT)
    if not (MIN_SYLLABLES <= len(chinese) <= MAX_SYLLABLES) or not all("\u4e00" <= c <= "\u9fff" for c in chinese):
        return
    for coded in coder.encode_all(name):
        bucket = keys.setdefault(coded, {})  # a dict keeps the order and makes the duplicate check O(1)
        bucket[entry] = None


def dictionary_by_sound(coder) -> dict[str, list[str]]:
    """jieba's dictionary words (2–8 characters) by every sound coding of each (at most 4).

    It does not depend on the glossary, so it is computed once (~4 s) and cached on disk
    (~0.3 s to load): after a glossary edit, rebuilding the matcher no longer reads the
    dictionary. The cache name carries the coder level and the dictionary file's stamp.
    """
    import marshal
    import os

    from .cache import cache_dir, write_bytes_cache
    from .words import jieba_dictionary_path, jieba_entries

    path = jieba_dictionary_path()
    st = os.stat(path)
    here = os.path.dirname(os.path.abspath(__file__))
    code = "-".join(str(os.stat(os.path.join(here, f)).st_mtime_ns) for f in ("phonetics.py", "sound_index.py"))
    name = f"dict-sounds-{coder.level}-{st.st_size}-{st.st_mtime_ns}-{code}.marshal"
    use_cache = not os.environ.get("MTQA_NO_CACHE")
    if use_cache:
        try:
            return marshal.loads((cache_dir() / name).read_bytes())
        except (OSError, EOFError, ValueError, TypeError):
            pass
    out: dict[str, list[str]] = {}
    for word, _ in jieba_entries():
        if MIN_SYLLABLES <= len(word) <= MAX_SYLLABLES:
            for coded in coder.encode_all(word, 4):
                out.setdefault(coded, []).append(word)
    if use_cache:
        write_bytes_cache(name, marshal.dumps(out))
        for stale in cache_dir().glob(f"dict-sounds-{coder.level}-*.marshal"):  # 20 MB each: keep one
            if stale.name != name:
                try:
                    stale.unlink()
                except OSError:
                    pass
    return out
