"""converge: the re-lint of a fixed text is focused on the fixed spans, and a finding counts
against a fix exactly when it shares a character with the fix's new text or touches it."""
from __future__ import annotations

from mtqa.converge import _Shift, demote_unstable
from mtqa.findings import Applicability, Edit, Finding, Fix


def test_the_focus_is_each_fixed_span_with_one_character_either_side():
    # "ab王涛cd" -> "ab亚历山大·王cd"; a deletion of "x" in "..x.." leaves a point.
    shift = _Shift([Edit(2, 4, "亚历山大·王"), Edit(9, 10, "")])
    focus = shift.around(20)
    assert focus.spans == [(1, 9), (12, 14)]
    assert focus.meets(0, 2) and focus.meets(8, 9)  # ends at the new text / starts right after it
    assert not focus.meets(0, 1) and not focus.meets(9, 12)
    # Every finding `touching` counts meets the focus, and nothing else near it does.
    for lo in range(0, 15):
        for hi in range(lo + 1, 16):
            assert bool(shift.touching(lo, hi - 1)) <= focus.meets(lo, hi), (lo, hi)


def _finding(start, end, rule="T001", fix="x"):
    return Finding(path="t", line=1, column=start + 1, start=start, end=end, rule=rule, name="n",
                   severity="error", message="m", found="", suggestion=fix,
                   fix=Fix.replace(start, end, fix, Applicability.SAFE))


def test_a_fix_flagged_again_at_its_edge_is_demoted_and_the_focus_reaches_it():
    text = "甲乙丙丁"
    first = _finding(1, 2, fix="戊")
    seen = []

    def relint(new_text, focus):
        seen.append(focus.spans)
        assert new_text == "甲戊丙丁"
        return [_finding(2, 3, rule="A001")]  # starts where the fix's new text ends: touches it

    demote_unstable(text, [first], relint)
    assert seen == [[(0, 3)]]
    assert first.fix.applicability is Applicability.UNSAFE


def test_a_finding_away_from_the_fix_does_not_demote_it():
    first = _finding(0, 1, fix="戊")
    demote_unstable("甲乙丙丁", [first], lambda new_text, focus: [_finding(3, 4, rule="A001")])
    assert first.fix.applicability is Applicability.SAFE
