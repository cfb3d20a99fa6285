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
    import os

    from .cache import read_text_cache, write_text_cache

    return {cp: readings[0] for cp, readings in reading_table().items()}


@lru_cache(maxsize=1)
def reading_table() -> dict[int, tuple[str, ...]]:
    """Code point → its toneless syllables, commonest first (pypinyin's dictionary), cached on disk."""
    import os

    from .cache import read_text_cache, write_text_cache

    name = "syllables-v2.tsv"
    cached = None if os.environ.get("MTQA_NO_CACHE") else read_text_cache(name)
    if cached:
        return {int(cp): tuple(syls.split(",")) for cp, syls in (line.split("\t") for line in cached.splitlines())}
    from pypinyin import pinyin_dict

    table = {}
    for cp, readings in pinyin_dict.pinyin_dict.items():
        syls = []
        for r in readings.split(","):
            t = toneless(r)
            if t and t not in syls:
                syls.append(t)
        if syls:
            table[cp] = tuple(syls)
    write_text_cache(name, "\n".join(f"{cp}\t{','.join(s)}" for cp, s in table.items()))
    return table


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
    """Translate text so that characters that sound alike become the same character."""

    def __init__(self, level: str = "exact"):
        if level not in ("exact", "fuzzy"):
            raise ValueError(f"sound-alike level must be exact or fuzzy, not {level!r}")
        self.level = level
        ids: dict[str, int] = {}
        self.table, self.alternatives = {}, {}
        for cp, syls in reading_table().items():
            codes = []
            for syl in syls:
                code = chr(PUA + ids.setdefault(fuzzy(syl) if level == "fuzzy" else syl, len(ids)))
                if code not in codes:
                    codes.append(code)
            self.table[cp] = codes[0]
            if len(codes) > 1:
                self.alternatives[chr(cp)] = codes

    def encode(self, text: str) -> str:
        """Same length as `text`: Chinese characters become their (commonest) sound; the rest stays."""
        return text.translate(self.table)

    def encode_all(self, text: str, limit: int = 16) -> list[str]:
        """Every coding of a short `text` over the readings of its heteronyms (柏: bai, bo), at most `limit`."""
        memo = self.__dict__.setdefault("_memo", {})
        key = (text, limit)
        if key not in memo:
            if len(memo) > 200_000:
                memo.clear()
            memo[key] = self._encode_all(text, limit)
        return memo[key]

    def _encode_all(self, text: str, limit: int) -> list[str]:
        codings = [""]
        for ch in text:
            options = self.alternatives.get(ch) or [self.table.get(ord(ch), ch)]
            codings = [c + o for c in codings for o in options][:limit]
        return codings

    def __getstate__(self):
        return {"level": self.level}

    def __setstate__(self, state):
        self.__init__(state["level"])
