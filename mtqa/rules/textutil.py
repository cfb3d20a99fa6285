"""Small text helpers shared by the artefact rules."""
from __future__ import annotations

import re
from typing import Iterator

CJK = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
CJK_CHAR = re.compile(f"[{CJK}]")


def is_cjk(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff" or "\u3400" <= ch <= "\u4dbf" or "\uf900" <= ch <= "\ufaff"


def lines(text: str) -> Iterator[tuple[int, int, int]]:
    """(start, end, next_start) of every line: text[start:end] without its line break."""
    pos, n = 0, len(text)
    while pos < n:
        nl = text.find("\n", pos)
        if nl == -1:
            yield pos, n, n
            return
        end = nl - 1 if nl > pos and text[nl - 1] == "\r" else nl
        yield pos, end, nl + 1
        pos = nl + 1


def cjk_share(s: str) -> float:
    if not s:
        return 0.0
    return len(CJK_CHAR.findall(s)) / len(s)
