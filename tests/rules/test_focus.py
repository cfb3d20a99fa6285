"""A focused lint (what converge runs on a fixed text) finds, where it is focused, exactly what a
full lint finds there; and the spans it asks about are answered right (SpanSet)."""
from __future__ import annotations

import random
import sys

import pytest

from conftest import DATA, GLOSSARIES, ROOT, SEEDS

sys.path.insert(0, str(ROOT / "benchmarks"))
from eval_rules import parse  # noqa: E402

TEXTS = sorted(p for d in sorted(DATA.glob("annotated*")) for p in d.glob("*.txt")) + sorted(SEEDS.glob("*.txt"))


def test_spanset_meets_and_covers_with_overlapping_spans_in_any_order():
    from mtqa.rules.textutil import SpanSet

    spans = SpanSet([(10, 20), (0, 3), (12, 40), (50, 51)])
    assert spans.meets(2, 5) and spans.meets(39, 45) and spans.meets(50, 51)
    assert not spans.meets(3, 10) and not spans.meets(40, 50) and not spans.meets(51, 60)
    assert spans.covers(12, 40) and spans.covers(0, 3) and spans.covers(15, 19)
    assert not spans.covers(5, 12) and not spans.covers(30, 45) and not spans.covers(2, 4)
    assert not SpanSet([]) and not SpanSet([]).meets(0, 10) and not SpanSet([]).covers(0, 1)
    rng = random.Random(5)
    for _ in range(200):  # against the walk it replaces
        raw = [(s, s + rng.randint(1, 9)) for s in (rng.randint(0, 60) for _ in range(rng.randint(0, 8)))]
        got = SpanSet(raw)
        for lo in range(0, 70, 3):
            hi = lo + rng.randint(1, 12)
            assert got.meets(lo, hi) == any(s < hi and lo < e for s, e in raw)
            assert got.covers(lo, hi) == any(s <= lo and hi <= e for s, e in raw)


@pytest.fixture(scope="module")
def setup():
    from mtqa.glossary import load_glossary
    from mtqa.lint import get_matcher
    from mtqa.rules import select_rules

    return get_matcher(load_glossary(GLOSSARIES)), select_rules(None, None)


@pytest.mark.parametrize("path", TEXTS, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_a_focused_lint_finds_there_what_a_full_lint_finds(path, setup):
    from mtqa.document import Document
    from mtqa.lint import lint_document
    from mtqa.rules.textutil import SpanSet, lines

    matcher, rules = setup
    raw = path.read_text(encoding="utf-8")
    text = parse(raw)[0] if "annotated" in path.parent.name else raw
    doc_lines = [(s, nxt) for s, _e, nxt in lines(text)]
    focus = SpanSet(doc_lines[::3])  # every third line, as the lines of fixes would be
    assert focus

    def there(findings):
        return sorted((f.rule, f.start, f.end, f.suggestion) for f in findings if focus.meets(f.start, max(f.end, f.start + 1)))

    full = lint_document(Document(text=text, path=path.name), matcher, rules, converge=False)
    focused = lint_document(Document(text=text, path=path.name), matcher, rules, converge=False, focus=focus)
    assert there(focused) == there(full)
