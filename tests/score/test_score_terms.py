"""Term accuracy, deprecated-form rate and consistency on small hand-checked examples (mini glossary)."""
import pytest

from mtqa.score.terms import TermCounts, document_terms


@pytest.fixture(scope="module")
def matcher(mini):
    from mtqa.lint import get_matcher

    return get_matcher(mini)


def test_hand_checked_document(matcher):
    hyp = ["王涛加入了Meta。", "阿里的千问和通义千问。", "亚历山大·王说。"]
    ref = ["亚历山大·王加入了Meta。", "阿里的通义千问。", "汪滔说。"]
    c = document_terms(hyp, ref, matcher)
    # reference: {alexandr-wang, meta}, {qwen}, {alexandr-wang} → 4 pairs; the hypothesis has an
    # accepted form for meta (1), qwen (2: 千问 is admitted) and alexandr-wang (3) but not in segment 1.
    assert (c.ref_terms, c.matched_terms) == (4, 3)
    # hypothesis hits: 王涛 Meta | 千问 通义千问 | 亚历山大·王 → 1 deprecated of 5
    assert (c.hyp_terms, c.deprecated_terms) == (5, 1)
    # rendered 2+ times: alexandr-wang (王涛, 亚历山大·王) and qwen (千问, 通义千问): neither one way
    assert (c.repeated_concepts, c.consistent_concepts) == (2, 0)
    assert (c.term_accuracy, c.deprecated_rate, c.term_consistency) == (75.0, 20.0, 0.0)


def test_perfect_hypothesis(matcher):
    seg = ["亚历山大·王加入了Meta。", "亚历山大·王表示支持。"]
    c = document_terms(seg, seg, matcher)
    assert (c.term_accuracy, c.deprecated_rate, c.term_consistency) == (100.0, 0.0, 100.0)


def test_admitted_and_latin_forms_count_as_matches(matcher):
    c = document_terms(["汪滔来了。", "Alexandr Wang来了。"], ["亚历山大·王来了。", "亚历山大·王来了。"], matcher)
    assert (c.ref_terms, c.matched_terms, c.deprecated_terms) == (2, 2, 0)
    assert (c.repeated_concepts, c.consistent_concepts) == (1, 0)  # two renderings of one person


def test_a_term_in_another_segment_does_not_count(matcher):
    c = document_terms(["他来了。", "亚历山大·王说。"], ["亚历山大·王来了。", "他说。"], matcher)
    assert (c.ref_terms, c.matched_terms) == (1, 0)


def test_surname_after_full_name_and_gloss_keep_consistency(matcher):
    """扎克伯格 after 马克·扎克伯格 is the same rendering; a bracketed gloss is not a rendering."""
    hyp = ["马克·扎克伯格(Mark Zuckerberg)表示。", "扎克伯格补充说。"]
    c = document_terms(hyp, hyp, matcher)
    assert (c.repeated_concepts, c.consistent_concepts) == (1, 1)
    assert c.term_consistency == 100.0


def test_traditional_spelling_counts_as_the_same_rendering(matcher):
    c = document_terms(["杨立昆说。", "楊立昆說。"], ["杨立昆说。", "杨立昆说。"], matcher)
    assert (c.matched_terms, c.repeated_concepts, c.consistent_concepts) == (2, 1, 1)


def test_ordinary_words_are_not_terms(matcher):
    """美元 and 元宇宙 are exceptions of Meta's deprecated 元; no concept in either side."""
    c = document_terms(["花了143亿美元做元宇宙。"], ["花了143亿美元做元宇宙。"], matcher)
    assert c == TermCounts()
    assert (c.term_accuracy, c.deprecated_rate, c.term_consistency) == (None, None, None)


def test_counts_pool_over_documents():
    a = TermCounts(4, 3, 5, 1, 2, 0)
    b = TermCounts(1, 1, 3, 0, 1, 1)
    total = a + b
    assert total == TermCounts(5, 4, 8, 1, 3, 1)
    assert total.term_accuracy == 80.0  # pooled 4/5, not the mean of 75 and 100
