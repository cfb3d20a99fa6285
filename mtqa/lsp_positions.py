"""Offsets as mtqa counts them (code points of the text) and positions as the Language Server
Protocol counts them (a line and a column in UTF-16 code units: 𠮷 and emoji take two).

Lines end at \\n, \\r\\n or \\r, as the protocol says.
"""
from __future__ import annotations

import re
from bisect import bisect_right

_LINE_END = re.compile(r"\r\n|\r|\n")


class Positions:
    """Converts between code-point offsets of one text and LSP (line, character) positions."""

    def __init__(self, text: str):
        self.text = text
        self.starts = [0] + [m.end() for m in _LINE_END.finditer(text)]

    def position(self, offset: int) -> tuple[int, int]:
        """(line, UTF-16 column) of a code-point offset."""
        line = bisect_right(self.starts, offset) - 1
        start = self.starts[line]
        return line, _utf16_length(self.text[start:offset])

    def offset(self, line: int, character: int) -> int:
        """The code-point offset of an LSP position (clamped to the line, as the protocol asks)."""
        if line >= len(self.starts):
            return len(self.text)
        start = self.starts[line]
        end = self.starts[line + 1] if line + 1 < len(self.starts) else len(self.text)
        units = 0
        for i in range(start, end):
            ch = self.text[i]
            if ch in "\r\n" or units >= character:
                return i
            units += 2 if ord(ch) > 0xFFFF else 1
        return end


def _utf16_length(text: str) -> int:
    """UTF-16 code units of `text`: a character outside the Basic Multilingual Plane takes two."""
    if text.isascii():
        return len(text)
    return len(text) + sum(1 for ch in text if ord(ch) > 0xFFFF)
