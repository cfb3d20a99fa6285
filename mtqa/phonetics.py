"""Pinyin for sound-alike comparison.

Two tools: `pinyin_key` (pypinyin on a short string, phrase-aware; ~0.3 s to import) for
glossary maintenance, and `SoundCoder`, which maps every character of a text to a
private-use character standing for its toneless syllable (a table lookup, built once from
pypinyin's dictionary and cached on disk). A coded text has the text's length, so an
automaton over coded glossary names finds every span that *sounds* like a name.
"""
from __future__ import annotations

from functools import lru_cache


@lru_cache(maxsize=65536)
def syllables(text: str) -> tuple[str, ...]:
    """Toneless pinyin syllables of the Chinese characters in `text`; other characters are dropped.

    Heteronyms take pypinyin's most common reading (its phrase dictionary picks the reading
    in context when `text` is a word). Traditional characters read like their Simplified forms.
    """
    from pypinyin import Style, lazy_pinyin

    return tuple(s for s, ch in zip(lazy_pinyin(text, style=Style.NORMAL, errors=lambda x: [""] * len(x)), text)
                 if s and "\u3400" <= ch <= "\u9fff")


def pinyin_key(text: str) -> str:
    """Syllables joined by spaces: 杨立坤 and 杨立昆 both give 'yang li kun'."""
    return " ".join(syllables(text))


PUA = 0xF0000  # supplementary private use area: never in real text
# Sound classes for the fuzzy level: what speakers of many dialects (and ASR) do not tell apart.
_FUZZY_INITIALS = (("zh", "z"), ("ch", "c"), ("sh", "s"), ("n", "l"))
_FUZZY_FINALS = (("ang", "an"), ("eng", "en"), ("ing", "in"))


def toneless(reading: str) -> str:
    """zhí → zhi, lǜ → lv."""
    import unicodedata

    plain = "".join(c for c in unicodedata.normalize("NFD", reading) if not unicodedata.combining(c))
    return plain.replace("ü", "v").lower()


def syllable_table() -> dict[int, str]:
    """Code point → toneless syllable (pypinyin's first reading), cached on disk."""


    return {cp: readings[0] for cp, readings in reading_table().items()}


def reading_table() -> dict[int, tuple[str, ...]]:
    """Code point → its toneless syllables, commonest first (pypinyin's dictionary)."""
    return _tables()[0]


def syllable_ids() -> dict[str, int]:
    """Every toneless syllable → a stable number (sorted order), so codes agree across processes."""
    return _tables()[1]


def reading_lines() -> str:
    """The reading table as text for the compiled core: `<code point> <syllable>,…` per line."""
    return _tables()[2]


@lru_cache(maxsize=1)
def _tables() -> tuple[dict[int, tuple[str, ...]], dict[str, int], str]:
    """Cached on disk with marshal: ~30 ms to load, against ~0.3 s to import pypinyin."""
    import marshal
    import os

    from .cache import cache_dir, write_bytes_cache

    path = cache_dir() / "readings-v6.marshal"
    if not os.environ.get("MTQA_NO_CACHE"):
        try:
            return marshal.loads(path.read_bytes())
        except (OSError, EOFError, ValueError, TypeError):
            pass
    from pypinyin import pinyin_dict

    table = {}
    for cp, readings in pinyin_dict.pinyin_dict.items():
        if not (0x3400 <= cp <= 0x9FFF or 0xF900 <= cp <= 0xFAFF):
            continue  # names are written in the basic and extension-A blocks; half the table, half the load time
        syls = []
        for r in readings.split(","):
            t = toneless(r)
            if t and t not in syls:
                syls.append(t)
        if syls:
            table[cp] = tuple(syls)
    ids = {syl: i for i, syl in enumerate(sorted({s for syls in table.values() for s in syls}))}
    lines = "".join(f"{cp} {','.join(syls)}\n" for cp, syls in sorted(table.items()))
    write_bytes_cache(path.name, marshal.dumps((table, ids, lines)))
    return table, ids, lines


def fuzzy(syllable: str) -> str:
    """The sound class of a syllable: zh/z, ch/c, sh/s, n/l and -ang/-an, -eng/-en, -ing/-in merged."""
    for a, b in _FUZZY_INITIALS:
        if syllable.startswith(a):
            syllable = b + syllable[len(a):]
            break
    for a, b in _FUZZY_FINALS:
        if syllable.endswith(a):
            return syllable[: -len(a)] + b
    return syllable


class SoundCoder:
    """Code text so that characters that sound alike become the same character.

    Codes are computed per character on first use: a commit-hook run codes a few dozen
    characters, not the 42,000 of the dictionary.
    """

    def __init__(self, level: str = "exact"):
        if level not in ("exact", "fuzzy"):
            raise ValueError(f"sound-alike level must be exact or fuzzy, not {level!r}")
        self.level = level
        self._codes: dict[str, tuple[str, ...]] = {}
        self._memo: dict = {}

    def codes(self, ch: str) -> tuple[str, ...]:
        """The codes of a character, one per reading (commonest first); itself when it has none."""
        got = self._codes.get(ch)
        if got is None:
            readings = reading_table().get(ord(ch))
            if not readings:
                got = (ch,)
            else:
                ids = syllable_ids()
                out = []
                for syl in readings:
                    key = fuzzy(syl) if self.level == "fuzzy" else syl
                    code = chr(PUA + ids.get(key, ids[syl]))
                    if code not in out:
                        out.append(code)
                got = tuple(out)
            self._codes[ch] = got
        return got

    def core(self, names=(), known=()):
        """The compiled core's coder of this level (core/src/sound.rs), with coded `names` and
        `known` names for its span checks; the caller keeps it (`SoundIndex.sounds`)."""
        from ._core import Sounds

        ids = syllable_ids()
        return Sounds(reading_lines(), sorted(ids, key=ids.get), self.level, list(names), list(known))

    def encode(self, text: str) -> str:
        """Same length as `text`: Chinese characters become their (commonest) sound; the rest stays."""
        return "".join(self.codes(c)[0] for c in text)

    def encode_all(self, text: str, limit: int = 16) -> list[str]:
        """Every coding of a short `text` over the readings of its heteronyms (柏: bai, bo), at most `limit`."""
        key = (text, limit)
        got = self._memo.get(key)
        if got is None:
            if len(self._memo) > 200_000:
                self._memo.clear()
            codings = [""]
            for ch in text:
                codings = [c + o for c in codings for o in self.codes(ch)][:limit]
            got = self._memo[key] = codings
        return got

    def __getstate__(self):
        return {"level": self.level}

    def __setstate__(self, state):
        self.__init__(state["level"])
