"""Pinyin keys for sound-alike comparison (pypinyin is imported on first use: ~0.3 s)."""
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
