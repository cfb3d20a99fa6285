"""Small text helpers shared by the artefact rules."""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from typing import Iterator

CJK = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
# Beyond Latin-1: a cheap stand-in for CJK inside regexes (a class over CJK's ranges costs 3-5 ms to
# compile, this one 0.2 ms); rules confirm the characters that matter with is_cjk.
WIDE = "^\\x00-\\xff"


class lazy_re:
    """A regex compiled on first use: a rule that never runs (or never needs it) never pays for it."""

    def __init__(self, pattern: str, flags: int = 0):
        self._args = (pattern, flags)
        self._rx = None

    def __getattr__(self, name):
        if self._rx is None:
            self._rx = re.compile(*self._args)
        return getattr(self._rx, name)


CJK_CHAR = lazy_re(f"[{CJK}]")


def is_cjk(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff" or "\u3400" <= ch <= "\u4dbf" or "\uf900" <= ch <= "\ufaff"


def occurrences(text: str, piece: str) -> list[int]:
    """Start of every occurrence of `piece` in `text`, left to right, not overlapping."""
    out, i = [], text.find(piece)
    while i != -1:
        out.append(i)
        i = text.find(piece, i + len(piece))
    return out


class Groups:
    """Union-find over strings: which were joined, each group in the order its members came."""

    def __init__(self, items=()):
        self.parent = {x: x for x in items}

    def root(self, x: str) -> str:
        parent = self.parent
        parent.setdefault(x, x)
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    def join(self, a: str, b: str) -> None:
        """Put `b`'s group into `a`'s."""
        self.parent[self.root(b)] = self.root(a)

    def groups(self) -> list[list[str]]:
        out: dict[str, list[str]] = {}
        for x in list(self.parent):
            out.setdefault(self.root(x), []).append(x)
        return list(out.values())


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
    return sum(1 for c in s if is_cjk(c)) / len(s)


def has_cjk(s: str) -> bool:
    return any(is_cjk(c) for c in s)


class SpanSet:
    """Spans (start, end), in any order and possibly overlapping, asked by bisection whether
    one of them meets or covers a range: O(log n) a question instead of a walk over all."""

    def __init__(self, spans):
        ordered = sorted(spans)
        self.spans = ordered  # sorted (start, end) pairs
        self._starts = [s for s, _ in ordered]
        self._reach = []  # the furthest end among the spans up to each index
        reach = -1
        for _, e in ordered:
            reach = max(reach, e)
            self._reach.append(reach)

    def __bool__(self) -> bool:
        return bool(self._starts)

    def meets(self, start: int, end: int) -> bool:
        """Whether some span shares a character with [start, end)."""
        i = bisect_left(self._starts, end)
        return i > 0 and self._reach[i - 1] > start

    def covers(self, start: int, end: int) -> bool:
        """Whether one span holds all of [start, end)."""
        i = bisect_right(self._starts, start)
        return i > 0 and self._reach[i - 1] >= end
