"""Character folding shared by the glossary and the matcher.

Folding never changes the length of a string, so offsets found in folded text are
offsets in the original: Latin letters are lower-cased, full-width letters and digits
become half-width, every spelling of the name-separating middle dot becomes `·`, and
no-break spaces become spaces.
"""
from __future__ import annotations

import re

MIDDLE_DOTS = "·・•‧･．‧⋅∙"  # folded to DOT; the ASCII period is matched by a term variant instead
DOT = "·"
ASCII_DOT_VARIANT = "."  # 亚历山大.王: the matcher adds this spelling of every dotted term
_TABLE = {ord(c): DOT for c in MIDDLE_DOTS if c != DOT}
_TABLE.update({0xA0: " ", 0x202F: " "})
# Full-width letters and digits (ＯｐｅｎＡＩ); full-width punctuation is ordinary Chinese and stays.
for lo, hi in ((0xFF10, 0xFF1A), (0xFF21, 0xFF3B), (0xFF41, 0xFF5B)):
    _TABLE.update({c: c - 0xFEE0 for c in range(lo, hi)})
_CHARS = {chr(k): chr(v) if isinstance(v, int) else v for k, v in _TABLE.items()}
_SPECIAL = re.compile("[" + re.escape("".join(chr(c) for c in _TABLE)) + "]")


def fold(text: str) -> str:
    """Case- and punctuation-fold `text` without changing its length."""
    lowered = text.lower()
    if len(lowered) != len(text):  # a few letters (İ) lower-case to two characters
        lowered = "".join(c.lower() if len(c.lower()) == 1 else c for c in text)
    if _SPECIAL.search(lowered):
        # Only the special characters, found by `re`: `translate` with a dict raises and catches a
        # KeyError for every character not in it (40 ms/MB on a page with full-width digits).
        lowered = _SPECIAL.sub(_fold_one, lowered)
    return lowered


def _fold_one(m: re.Match) -> str:
    return _CHARS[m.group()]


def is_latin_word_char(ch: str) -> bool:
    """Characters that continue a Latin word: ASCII letters and digits."""
    return ch.isascii() and ch.isalnum()


def is_latin_term(term: str) -> bool:
    return any(c.isascii() and c.isalpha() for c in term)
