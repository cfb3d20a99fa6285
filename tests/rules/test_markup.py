"""Markup left in the text: A011 html-entity (entities decoded; what only looks like one left alone) and A007's
heading and list marks in a plain-text article."""
import pytest

import mtqa


def found(text, path="a.txt"):
    return [(f.found, f.suggestion, f.fix.applicability.value) for f in mtqa.lint_text(text, path=path, select=["A011"])]


@pytest.mark.parametrize("text, expected", [
    ("Meta&nbsp;发布了新模型。", [("&nbsp;", " ", "safe")]),
    ("研发&amp;销售部门。", [("&amp;", "&", "safe")]),
    ("他说&#39;好&#39;。", [("&#39;", "'", "safe"), ("&#39;", "'", "safe")]),
    ("&#x4e2d;国市场。", [("&#x4e2d;", "中", "safe")]),
    ("价格&lt;100元。", [("&lt;", "<", "safe")]),
    ("双重转义&amp;amp;的符号。", [("&amp;amp;", "&", "safe")]),
    ("看不见的&zwnj;字符。", [("&zwnj;", "", "safe")]),
    ("&AMP;大写的也是。", [("&AMP;", "&", "safe")]),
    ("R&&#x4e2d;", [("&#x4e2d;", "中", "safe")]),  # a stray '&' before one
    # the body of an entity whose '&' was lost: unsafe (it may be something else)
    ("第一句#x3002;第二句。", [("#x3002;", "。", "unsafe")]),
    ("他说#39;好#39;。", [("#39;", "'", "unsafe"), ("#39;", "'", "unsafe")]),
])
def test_entities_are_decoded(text, expected):
    assert found(text) == expected


@pytest.mark.parametrize("text", [
    "AT&T与R&D;以及Q&A环节。",  # an ampersand, but no entity
    "&bogus;不是实体。", "&;空的。", "Tom & Jerry;",
    "话题#2024;活动。",  # would be U+07E8: a tag, not a lost entity
    "C#12;和F#7;是版本。",  # glued to a Latin letter
    "一个#号;", "#x;", "#1;",
])
def test_what_only_looks_like_an_entity_is_no_finding(text):
    assert found(text) == []


def test_markdown_files_keep_their_entities_and_urls_are_not_prose():
    assert found("价格&lt;100元，研发&amp;销售。", path="a.md") == []
    assert found("第一句#x3002;第二句。", path="a.md") == [("#x3002;", "。", "unsafe")]  # never Markdown
    assert found("见 https://example.com/?a=1&amp;b=2 的页面。") == []


def test_the_fix_writes_the_character(tmp_path):
    from mtqa.fix import fix_text

    text = "Meta&nbsp;发布了Llama&amp;Code，称&#x4e2d;国市场很大。"
    new, n = fix_text(text, lambda t: mtqa.lint_text(t, select=["A011"]))
    assert (new, n) == ("Meta 发布了Llama&Code，称中国市场很大。", 3)


# ---- A007: heading and list marks in a plain-text article ---------------------------------------
def a007(text, path="a.txt"):
    return [(f.found, f.suggestion) for f in mtqa.lint_text(text, path=path, select=["A007"])]


def test_heading_and_list_marks_in_a_plain_text_article_are_deleted():
    assert a007("## 公司财报\n正文。\n* 要点一\n+ 要点二\n   ### 《标题》\n## Meta发布新模型\n") == [
        ("## ", ""), ("* ", ""), ("+ ", ""), ("   ### ", ""), ("## ", "")]
    from mtqa.fix import fix_text

    new, n = fix_text("## 公司财报\n* 要点一\n", lambda t: mtqa.lint_text(t, path="a.txt", select=["A007"]))
    assert (new, n) == ("公司财报\n要点一\n", 2)


@pytest.mark.parametrize("text", [
    "#话题# 正文\n", "- 破折号开头的一行\n", "*注：数据来自公司。\n", "#1 热门文章\n", "## Earnings call\n",
    "正文里的 ## 标题 不在行首\n", "####### 七个井号不是标题\n", "* * *\n", "## \n中文在下一行\n",
])
def test_what_is_no_heading_or_list_mark(text):
    assert a007(text) == []


def test_a_markdown_file_keeps_its_headings_and_lists():
    assert a007("## 公司财报\n* 要点一\n", path="a.md") == []
