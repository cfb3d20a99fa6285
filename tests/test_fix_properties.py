"""Safe fixes, as properties over every text we have: the annotated sets, the seeds and the fuzz
corpus, with the bundled glossary and with its flat six-column CSV export.

1. Safe means only the error changes: every character a safe fix changes lies inside a span
   the gold file marks as an error (annotated sets).
2. A fix converges: a second lint of the fixed text reports nothing at or around the fixed
   spans that the first did not (every finding there matches, by rule and place, a finding of
   the first lint that was not fixed).
"""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

from conftest import DATA, GLOSSARIES, ROOT, SEEDS

sys.path.insert(0, str(ROOT / "benchmarks"))
from eval_rules import parse  # noqa: E402

ANNOTATED = sorted(p for d in sorted(DATA.glob("annotated*")) for p in d.glob("*.txt"))
OTHERS = sorted(SEEDS.glob("*.txt")) + sorted((ROOT / "tests" / "fuzz" / "corpus" / "document").glob("*"))


@pytest.fixture(scope="module", params=["bundled", "flat-csv"])
def glossary(request, tmp_path_factory):
    from mtqa.glossary import load_glossary
    from mtqa.glossary.io_csv import write_csv

    if request.param == "bundled":
        return load_glossary(GLOSSARIES)
    flat = tmp_path_factory.mktemp("flat") / "glossary.csv"
    flat.write_text(write_csv(load_glossary(GLOSSARIES)), encoding="utf-8")
    assert flat.read_text(encoding="utf-8").splitlines()[0] == "concept_id,type,lang,term,status,note"
    return load_glossary(flat)


def _text(path: Path) -> tuple[str, list | None]:
    raw = path.read_bytes()
    try:
        decoded = raw.decode("utf-8")
    except UnicodeDecodeError:
        return "", None
    return parse(decoded) if path in ANNOTATED else (decoded, None)


def _lint(text: str, glossary, name: str):
    import mtqa
    from mtqa.rules import ALL_RULES

    return mtqa.lint_text(text, glossary=glossary, path=name, select=[r.code for r in ALL_RULES if r.default])


def _safe_edits(findings):
    from mtqa.fix import fixable

    return [(e, f) for f in fixable(findings) for e in f.fix.edits]


def fix_once(text: str, glossary, name: str):
    """(findings, fixed text, [(edit, finding)] applied)."""
    from mtqa.fix import apply_edits

    findings = _lint(text, glossary, name)
    pairs = _safe_edits(findings)
    owner = {e: f for e, f in pairs}
    fixed, applied = apply_edits(text, [e for e, _ in pairs])
    return findings, fixed, [(e, owner[e]) for e in applied]


def outside_gold(text: str, gold, glossary, name: str) -> list[str]:
    _, _, applied = fix_once(text, glossary, name)
    return [f"{name}: {f.rule} {text[max(0, e.start - 6):e.end + 6]!r} → {e.replacement!r}"
            for e, f in applied if not any(s <= e.start and e.end <= end for s, end, _ in gold)]


def new_after_fix(text: str, glossary, name: str) -> list[str]:
    findings, fixed, applied = fix_once(text, glossary, name)
    if not applied:
        return []
    done = {id(f) for _, f in applied}
    standing = [f for f in findings if id(f) not in done]
    # new offsets → old ones
    marks, delta = [], 0
    for e, _ in applied:
        marks.append((e.start + delta, e.start + delta + len(e.replacement), e))
        delta += len(e.replacement) - (e.end - e.start)

    def back(x):
        old = x
        for s, end, e in marks:
            if x >= end:
                old = e.end + x - end
            elif x >= s:
                old = e.start
        return old

    return [f"{name}: {g.rule} {g.found!r} after the fix" for g in _lint(fixed, glossary, name)
            if any(s <= g.end and g.start <= end for s, end, _ in marks)  # at or around a fixed span
            and not any(f.rule == g.rule and f.start <= back(g.end) and back(g.start) <= f.end for f in standing)]


# With the flat six-column glossary, forms that are ordinary words (模式, 羊驼, 双子座, 劈柴) or part
# of another name (克劳德·香农) lose the context cues and exceptions the YAML gives them. It was 19
# changed spans outside gold before issue 16's mechanisms (words, names nearby, dotted names, an
# unsafe fix for an ordinary word); with the bundled glossary it is 0, and now with the flat too.
FLAT_OUTSIDE_GOLD = 0


def test_safe_fixes_change_only_what_gold_marks(glossary, request):
    outside = []
    for path in ANNOTATED:
        text, gold = _text(path)
        outside += outside_gold(text, gold, glossary, path.name)
    if "flat" in request.node.callspec.id:
        assert len(outside) <= FLAT_OUTSIDE_GOLD, outside
    else:
        assert outside == []


@pytest.mark.parametrize("group", ["annotated", "seeds-and-fuzz"])
def test_a_second_lint_after_the_fix_reports_nothing_new(glossary, group):
    new = []
    for path in ANNOTATED if group == "annotated" else OTHERS:
        text, _ = _text(path)
        if text:
            new += new_after_fix(text, glossary, path.name)
    assert new == []


def test_the_checks_see_damage_and_non_convergence(monkeypatch):
    """A fix that reaches past the gold span, and one whose result is flagged again, are caught."""
    from mtqa.findings import Applicability, Edit, Finding, Fix

    def finding(start, end, text, replacement):
        return Finding(path="x", line=1, column=start + 1, start=start, end=end, rule="T001", name="deprecated-term",
                       severity="error", message="m", found=text[start:end],
                       fix=Fix((Edit(start, end, replacement),), Applicability.SAFE))

    module = sys.modules[__name__]
    monkeypatch.setattr(module, "_lint", lambda text, g, name: [finding(0, 3, text, "亚历山大·王")] if text.startswith("王涛说")
                        else [finding(0, 2, text, "X")])
    assert outside_gold("王涛说话", [(0, 2, "T001")], None, "a.txt") == ["a.txt: T001 '王涛说话' → '亚历山大·王'"]
    assert new_after_fix("王涛说话", None, "a.txt") == ["a.txt: T001 '亚历' after the fix"]
