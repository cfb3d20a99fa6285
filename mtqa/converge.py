"""A safe fix converges: the text it writes is not flagged again.

`demote_unstable` applies a document's safe fixes, lints the result once (focused on the lines
the fixes changed: what touches a fix is found there; the rest of the text still informs
document-wide rules such as C001), and turns every safe
fix whose result another finding now covers or touches into an unsafe one (a fix that writes an
admitted form T002 reports, or a name C001 then counts as a second rendering). Findings that were
already there before the fix (a duplicate line around a fixed name) do not count against it.
"""
from __future__ import annotations

from bisect import bisect_right

from .findings import Applicability, Fix

MAX_ROUNDS = 3


def demote_unstable(text: str, findings: list, relint) -> None:
    """Make unsafe, in place, the safe fixes among `findings` (of `text`) whose result
    `relint(new_text, focus) -> findings` flags again (`focus`: a SpanSet of the lines that
    hold the fixed spans)."""
    from .fix import apply_edits

    safe = [f for f in findings if f.fix is not None and f.fix.applicability is Applicability.SAFE]
    for _ in range(MAX_ROUNDS):
        if not safe:
            return
        owner = {}
        for f in safe:
            for e in f.fix.edits:
                owner.setdefault(e, f)
        new_text, applied = apply_edits(text, list(owner))
        if not applied:
            return
        shift = _Shift(applied)
        fixed = {id(owner[e]) for e in applied}
        standing = [f for f in findings if id(f) not in fixed]  # what the fix leaves as it was
        bad: set[int] = set()
        for g in relint(new_text, shift.lines(new_text)):
            touching = shift.touching(g.start, g.end)
            if not touching:
                continue
            lo, hi = shift.back(g.start), shift.back(g.end)
            if any(f.rule == g.rule and f.start <= hi and lo <= f.end for f in standing):
                continue
            bad.update(id(owner[e]) for e in touching)
        if not bad:
            return
        for f in safe:
            if id(f) in bad:
                f.fix = Fix(f.fix.edits, Applicability.UNSAFE)
        safe = [f for f in safe if id(f) not in bad]


class _Shift:
    """Offsets between a text and the text with `edits` (sorted, disjoint) applied."""

    def __init__(self, edits):
        self.edits = edits
        self.new_starts, self.new_ends = [], []
        delta = 0
        for e in edits:
            start = e.start + delta
            self.new_starts.append(start)
            self.new_ends.append(start + len(e.replacement))
            delta += len(e.replacement) - (e.end - e.start)

    def lines(self, text: str):
        """The lines of the new `text` that hold an edit's new text, as a SpanSet."""
        from .rules.textutil import SpanSet

        spans = []
        for start, end in zip(self.new_starts, self.new_ends):
            lo = text.rfind("\n", 0, start) + 1
            hi = text.find("\n", end)
            spans.append((lo, len(text) if hi == -1 else hi + 1))
        return SpanSet(spans)

    def touching(self, lo: int, hi: int) -> list:
        """The edits whose new text shares a character with [lo, hi] or touches it."""
        out = []
        i = bisect_right(self.new_starts, hi) - 1
        while i >= 0 and self.new_ends[i] >= lo:
            out.append(self.edits[i])
            i -= 1
        return out

    def back(self, offset: int) -> int:
        """The old offset of a new one (the start of an edit for a point inside its new text)."""
        i = bisect_right(self.new_starts, offset) - 1
        if i < 0:
            return offset
        e = self.edits[i]
        if offset < self.new_ends[i]:
            return e.start
        return e.end + offset - self.new_ends[i]
