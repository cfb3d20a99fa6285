"""Precision: well-translated articles written for the purpose get no finding at all.

Each file in tests/data/clean mixes what detectors must leave alone: unlisted names with their
glosses, Latin tokens glued to Chinese (M4芯片, pip install, e签宝), identifiers with underscores,
numbers before full stops, a Taiwan article in Traditional Chinese, the fruit 牛油果 and 元 as money.
"""
import pytest

from conftest import DATA, lint

CLEAN = sorted((DATA / "clean").glob("*.*"))


def test_there_are_clean_articles():
    assert len(CLEAN) >= 5


@pytest.mark.parametrize("path", CLEAN, ids=lambda p: p.name)
def test_a_clean_article_has_no_finding(bundled, path):
    import mtqa

    text = path.read_text(encoding="utf-8")
    findings = mtqa.lint_text(text, glossary=bundled, path=str(path))
    assert [(f.rule, f.found) for f in findings] == []
    if "Traditional" in path.stem or "traditional" in path.stem:
        assert lint(text, bundled, locale="zh-TW") == []
