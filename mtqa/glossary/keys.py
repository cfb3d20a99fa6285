"""Comparison keys for glossary forms: when two written forms count as the same, or as near-duplicates.

- `form_key`: the same form whatever the case, width, middle dot or Chinese script (楊立昆 = 杨立昆).
- `latin_key`: a Latin name up to case and spacing (`Open AI` = `OpenAI` = `open-ai`).
- `sound_key`: how a Chinese form sounds: toneless pinyin of the Han characters, other
  characters kept (so `Meta超级智能实验室` and `谷歌超级智能实验室` differ), dots and spaces dropped.

Keys that need OpenCC or pypinyin are computed in batches (`form_keys`) because one call
over many strings is much faster than many calls.
"""
from __future__ import annotations

import re
from functools import lru_cache

from ..normalize import fold

HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
_SPACING = re.compile(r"[\s\-_‐‑–—]+")
_SOUND_DROP = re.compile(r"[\s·\-_.,'’‐‑–—]+")


def has_han(text: str) -> bool:
    return HAN.search(text) is not None


def latin_key(text: str) -> str:
    """`text` folded, without spaces or hyphens: `Open AI` and `OpenAI` give `openai`."""
    return _SPACING.sub("", fold(text))


def form_keys(texts: list[str]) -> list[str]:
    """`fold` of each text in Simplified script (one OpenCC call for all of them)."""
    from ..script import to_simplified

    if not texts:
        return []
    need = [i for i, t in enumerate(texts) if has_han(t)]
    out = [fold(t) for t in texts]
    if need:
        joined = "\n".join(texts[i].replace("\n", " ") for i in need)
        converted = to_simplified(joined).split("\n")
        if len(converted) == len(need):
            for i, s in zip(need, converted):
                out[i] = fold(s)
        else:  # pragma: no cover - OpenCC never merges lines, but never trust a length
            for i in need:
                out[i] = fold(to_simplified(texts[i]))
    return out


def form_key(text: str) -> str:
    return form_keys([text])[0]


def sound_key(text: str) -> str:
    """Toneless pinyin of the Han characters, other characters folded; '' when there is no Han.

    Each character takes its commonest reading (looked up once per character), so the key of a
    name does not depend on the words around it, and 100,000 names take a fraction of a second.
    """
    if not has_han(text):
        return ""
    out, latin = [], []
    for ch in fold(text):
        if HAN.match(ch):
            if latin:
                out.append("".join(latin))
                latin = []
            out.append(_reading(ch))
        elif _SOUND_DROP.match(ch):
            if latin:
                out.append("".join(latin))
                latin = []
        else:
            latin.append(ch)
    if latin:
        out.append("".join(latin))
    return " ".join(p for p in out if p)


@lru_cache(maxsize=None)
def _reading(ch: str) -> str:
    from pypinyin import Style, lazy_pinyin

    return lazy_pinyin(ch, style=Style.NORMAL)[0]


def slug(text: str) -> str:
    """An id-shaped slug (lowercase ASCII, digits, '-') for a Latin or Chinese form."""
    import unicodedata

    if has_han(text):
        text = sound_key(text)
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    out = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    return out or "concept"
