"""Nothing inside code, addresses or markup is a finding or a fix (mtqa.prose)."""
import pytest

from conftest import GLOSSARIES
from mtqa.prose import not_prose, url_spans


def t001(text, path):
    import mtqa

    return [(f.found, text[:f.start].count("\n") + 1) for f in
            mtqa.lint_text(text, glossary=GLOSSARIES, path=path, select=["T001"])]


def masked(text, path="a.md"):
    return [text[a:b] for a, b in not_prose(text, path)]


@pytest.mark.parametrize("text", [
    "见 https://example.com/新闻/王涛/1 。",
    "见 https://zh.wikipedia.org/wiki/王涛",
    "搜 https://example.com/search?q=王涛&page=2 。",
    "联系 wang.tao@example.com 。",
])
def test_a_name_inside_a_url_or_address_is_no_finding_in_plain_text(text):
    assert t001(text, "a.txt") == []


@pytest.mark.parametrize("text", [
    "```\n王涛 = load()\n```\n",
    "~~~~python\nname = '王涛'\n~~~~\n",
    "调用 `王涛()` 即可。",
    "调用 ``a`王涛`` 即可。",
    "[主页](https://example.com/王涛)",
    '[主页](https://example.com/a "王涛的主页")',
    "![图](img/王涛.png)",
    "[主页][1]\n\n[1]: https://example.com/王涛",
    "<https://example.com/王涛>",
    '<a href="https://example.com/王涛" title="王涛">主页</a>',
    "<code>王涛</code>",
    "<!-- 王涛 -->",
    "---\n王涛: yes\n---\n正文。\n",
])
def test_a_name_in_markdown_code_or_markup_is_no_finding(text):
    assert t001(text, "a.md") == []


@pytest.mark.parametrize("text, line", [
    ("见 https://example.com/a.html王涛说", 1),  # glued after an ASCII path: prose again
    ("访问https://example.com王涛说", 1),
    ("`code`王涛说", 1),  # next to inline code, not inside
    ("[王涛的主页](https://example.com)", 1),  # link text is prose
    ("![王涛在台上](a.png)", 1),  # so is alt text
    ("---\ntitle: 王涛的故事\n---\n", 2),  # a front matter value is prose
    ("一个 ` 反引号，王涛说", 1),  # an unclosed backtick opens no code
    ("正文[^1]。\n\n[^1]: 王涛说过。\n", 3),  # a footnote is prose, not a link definition
    ("# 王涛\n", 1),
    ("a < b，王涛 > c", 1),  # a comparison, not a tag
    ("```\ncode\n```\n王涛说", 4),  # after a closed block
    ("example.com 的王涛", 1),  # a bare domain name is no URL
])
def test_prose_next_to_code_or_addresses_is_still_checked(text, line):
    assert t001(text, "a.md") == [("王涛", line)]


def test_the_same_markup_is_prose_in_a_plain_text_file():
    assert t001("调用 `王涛()`。\n<code>王涛</code>\n", "a.txt") == [("王涛", 1), ("王涛", 2)]


def test_what_is_masked():
    text = "---\ntitle: 标题\n---\n见 [文](https://a.com/x \"t\") 与 `c` 和 <b class=\"k\">粗</b>。"
    assert masked(text) == ["---\ntitle:", "---", 'https://a.com/x "t"', "`c`", '<b class="k">', "</b>"]


@pytest.mark.parametrize("text, urls", [
    ("见(https://en.wikipedia.org/wiki/Python_(language))。", ["https://en.wikipedia.org/wiki/Python_(language)"]),
    ("见 https://a.com/x.", ["https://a.com/x"]),
    ("见https://a.com/x，然后", ["https://a.com/x"]),
    ("见 www.example.com/路径/页 。", ["www.example.com/路径/页"]),
    ("没有网址", []),
])
def test_url_edges(text, urls):
    assert [text[a:b] for a, b in url_spans(text)] == urls


def test_a_line_deletion_that_holds_a_url_keeps_its_fix():
    import mtqa

    text = "正文第一段。\n\n本文来源：https://example.com/a.html\n"
    found = [f for f in mtqa.lint_text(text, glossary=GLOSSARIES, path="a.txt", select=["A005"])]
    assert [f.rule for f in found] == ["A005"] and found[0].fix is not None


def test_fix_leaves_code_and_links_byte_for_byte(tmp_path):
    import subprocess
    import sys

    from conftest import ROOT

    body = ("---\nauthor: 王涛\n---\n# 王涛的新书\n\n见 [王涛](https://example.com/王涛/) 和 `王涛.run()`。\n\n"
            "```\n王涛 = 1\n```\n\n<a href=\"/王涛\">王涛</a> 联系 wang@example.com\n")
    path = tmp_path / "a.md"
    path.write_text(body, encoding="utf-8")
    r = subprocess.run([sys.executable, "-m", "mtqa", "lint", str(path), "--fix", "--isolated", "-g", str(GLOSSARIES),
                        "--select", "T001"], capture_output=True, text=True, cwd=ROOT)
    assert r.returncode == 0, r.stdout + r.stderr
    assert path.read_text(encoding="utf-8") == body.replace("author: 王涛", "author: 亚历山大·王").replace(
        "# 王涛的新书", "# 亚历山大·王的新书").replace("[王涛]", "[亚历山大·王]").replace(">王涛</a>", ">亚历山大·王</a>")
