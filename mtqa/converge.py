"""A safe fix converges: the text it writes is not flagged again.

`demote_unstable` applies a document's safe fixes, lints the result once (focused on the fixed
spans and the character either side: only a finding that touches a fix counts, so rules skip
candidates elsewhere; the rest of the text still informs document-wide rules such as C001), and
turns every safe
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
    `relint(new_text, focus) -> findings` flags again (`focus`: a SpanSet of the fixed spans,
    see `_Shift.around`)."""
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
        for g in relint(new_text, shift.around(len(new_text))):
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

    def around(self, size: int):
        """Every edit's new text with one character either side (in a new text of `size`
        characters), as a SpanSet: a finding meets it exactly when it shares a character with the
        new text or touches it (what `touching` counts)."""
        from .rules.textutil import SpanSet

        return SpanSet([(max(0, s - 1), min(size, e + 1)) for s, e in zip(self.new_starts, self.new_ends)])

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
