"""S003 regional-word: mainland and Taiwan vocabulary (OpenCC's phrase tables, data/regional_words.txt)."""
import pytest

import mtqa


def found(text, **kw):
    return [(f.found, f.suggestion) for f in mtqa.lint_text(text, select=["S003"], **kw)]


def test_taiwan_words_in_a_simplified_article_are_flagged_with_the_mainland_word():
    # characters converted, words not: a Taiwan text put through a script converter
    text = "这款软体可以在伺服器上执行，也支援印表机。"
    assert found(text) == [("软体", "软件"), ("伺服器", "服务器"), ("印表机", "打印机")]
    [f, *_] = mtqa.lint_text(text, select=["S003"])
    assert f.rule == "S003" and f.fix.applicability.value == "unsafe" and "zh-CN" in f.message


def test_mainland_words_in_a_taiwan_article_are_flagged_with_the_taiwan_word():
    text = "這款軟件可以在服務器上運行，也支持打印機。"
    assert found(text, locale="zh-TW") == [("軟件", "軟體"), ("服務器", "伺服器"), ("打印機", "印表機")]
    assert found("这款软件可以在服务器上运行，也支持打印机。") == []  # a mainland article, mainland words


def test_without_a_region_an_article_that_writes_both_is_flagged_where_it_writes_the_rarer():
    assert found("這款軟件很好。那款軟體也好。第三款軟件。", locale="zh-HK") == [("軟體", "軟件")]
    assert found("這款軟件很好。第三款軟件。", locale="zh-HK") == []  # one way only: Hong Kong's own


@pytest.mark.parametrize("text", [
    # two words of both regions' use in a long article: too few to tell a Taiwan text
    "我们开展线上活动。" + "今天天气很好，我们去公园散步。" * 300 + "政府拨出专款。",
    "我们开展线上活动。",
    "理查德访问尼日利亚，研究方程式和软体动物。",  # 查德, 尼日, 程式, 软体 inside longer words
])
def test_ordinary_and_longer_words_stay_silent(text):
    assert found(text) == []


def test_one_word_alone_is_no_evidence_but_two_are():
    assert found("这款软体很好用。") == []
    assert found("这款软体很好用，伺服器也快。") == [("软体", "软件"), ("伺服器", "服务器")]


def test_the_table_has_four_columns_that_agree_with_each_other():
    from mtqa.rules.regional_words import regional_words
    from mtqa.script import to_simplified

    pairs, same = regional_words()
    assert len(pairs) > 500 and len(same) > 20
    for row in pairs + same:
        assert len(row) == 4 and all(row), row
        assert to_simplified(row[1]) == row[0] and to_simplified(row[2]) == row[3], row
    assert all(p[0] != p[3] for p in pairs)
