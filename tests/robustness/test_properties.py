"""Properties of lint and fix on arbitrary text (hypothesis)."""
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import mtqa
from mtqa.fix import apply_edits, fix_text, fixable
from mtqa.rules import ALL_RULES

ALL_CODES = [r.code for r in ALL_RULES]
FRAGMENTS = [
    "王涛", "汪滔", "亚历山大·王", "Alexandr Wang", "Alexander Wang", "杨立坤", "楊立昆", "倩文", "千问", "通义千问",
    "Meta", "元", "美元", "元宇宙", "梅塔", "鳄梨", "牛油果", "Avocado", "代号", "谷歌", "Google", "輝達", "英伟达",
    "Reality Lab", "Reality Labs", "Tomasz Tungs", "博斯沃斯", "马克·扎克伯格", "扎克伯格", "MSL", "(", ")", "（", "）",
    "“", "”", "·", "・", ".", ",", "。", "\n", "\r\n", " ", "_", "**", "1", "2025年", "表示", "说", "首席科学家",
    "執(zhí)行官", "痛点f ", "Theor 的普通合伙人y Ventures", "https://example.com/a", "?", "\ufffd", "發表回复",
    "精品国产", "国产精品", "蜘蛛池", "达里奥·阿莫迪(Dario Amodei)", "阿莫代说", "İ", "\u00a0", "\t", "𠀀", "\u200b",
]
texts = st.one_of(
    st.text(max_size=200),
    st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=5)), max_size=40).map("".join),
)
SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def lint(text):
    return mtqa.lint_text(text, glossary=_G, select=ALL_CODES)


@pytest.fixture(autouse=True, scope="module")
def _glossary(mini):
    global _G
    _G = mini


@SETTINGS
@given(texts)
def test_lint_never_raises_and_spans_are_exact(text):
    for f in lint(text):
        assert 0 <= f.start <= f.end <= len(text)
        assert f.found == text[f.start:f.end]
        assert f.line >= 1 and f.column >= 1


@SETTINGS
@given(texts)
def test_fix_is_stable_idempotent_and_touches_only_reported_spans(text):
    fixed, _ = fix_text(text, lint)
    assert fixable(lint(fixed)) == []  # nothing safe is left to fix
    assert fix_text(fixed, lint)[0] == fixed  # idempotent
    # One pass of edits changes exactly the reported spans and nothing between them.
    findings = fixable(lint(text))
    once, applied = apply_edits(text, [e for f in findings for e in f.fix.edits])
    pos, rebuilt = 0, []
    for e in sorted(applied, key=lambda e: e.start):
        rebuilt.append(text[pos:e.start])
        rebuilt.append(e.replacement)
        pos = e.end
    rebuilt.append(text[pos:])
    assert "".join(rebuilt) == once
