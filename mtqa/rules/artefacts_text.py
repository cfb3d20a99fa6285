"""A007–A010: formatting debris. Markdown residue, citation digits, duplicated lines, lost characters."""
from __future__ import annotations

import re

from ..findings import Applicability, Severity
from .artefacts_scrape import spam_lines
from .base import LintContext, Rule
from .textutil import has_cjk, is_cjk, lines

# _强调_ or **强调**: CommonMark does not render emphasis glued to Chinese, so it is residue.
MARKDOWN = re.compile(r"(\*\*|__|_|\*)([^\s*_\n][^\n*_]{0,80}?)\1")
# A footnote number glued after Chinese or a closing quote, before the end of the sentence.
CITATION = re.compile(r"([0-9](?<![0-9][0-9])[0-9]?)(?=[。！？；]|$)", re.M)  # digit first: `re` skips ahead to it
CLOSERS = frozenset("”」』)）")
# A number right after these is a value, not a footnote: 为1。 第1。 三比1。 见图1。
NUMERIC_CONTEXT = set("为是了到第共约达至增降涨跌占比率值数号期版代级排"
                      "图圖表例式章节節页頁条條款项項卷册冊集部届屆次层層楼樓季周週组組段列栏欄区區场場局轮輪关關")
# A bracketed footnote mark left by a scraper (Wikipedia, Baidu Baike): 领先[2][3]。
BRACKET_CITATION = re.compile(r"\[[0-9]{1,3}\]")
LOST_LINE = re.compile(r"^[?？\s]+$")
# Mojibake: 锟斤拷 is U+FFFD written in UTF-8 and read as GBK; â€™, Ã© and ï»¿ are UTF-8 read as
# Windows-1252. The characters 鈥, 锛 and 銆 (UTF-8 quotes and punctuation read as GBK) are all but
# unused in real text: two on a line mark it.
MOJIBAKE_LATIN = re.compile("(?:锟斤拷)+|â€.|Ã[\u0080-\u00bf]|ï»¿")
GBK_SIGNS = "鈥锛銆"


def check_markdown(ctx: LintContext):
    text = ctx.doc.text
    markdown = ctx.doc.path.lower().endswith((".md", ".markdown"))
    spam = spam_lines(ctx)
    for m in MARKDOWN.finditer(text):
        marker, inner = m.group(1), m.group(2)
        start, end = m.span()
        if any(s <= start < e for s, _end, e, _why in spam):
            continue  # inside a spam line: A004 deletes the whole line
        before = text[start - 1] if start else " "
        after = text[end] if end < len(text) else " "
        if before == marker[0] or after == marker[0]:
            continue  # part of a longer run (____ or ***): a rule or a blank to fill in, not emphasis
        if marker[0] == "_" and _word_char(before) and _word_char(after):
            continue  # underscores inside identifiers on both sides (snake_case，例如max_tokens)
        if not (has_cjk(inner) or is_cjk(before) or is_cjk(after)):
            continue  # snake_case_name, __init__, 2 * 3 * 4: no Chinese involved
        if markdown and not _glued(text, start, end):
            continue  # real emphasis in a markdown file
        yield ctx.finding(
            MARKDOWN_RESIDUE, start, end, f"markdown emphasis '{marker}…{marker}' left in the text; keep '{inner}'",
            suggestion=inner, applicability=Applicability.SAFE,
        )


def _word_char(ch: str) -> bool:
    return ch.isascii() and (ch.isalnum() or ch == "_")


def _glued(text: str, start: int, end: int) -> bool:
    """Emphasis markers with a CJK character on the outside: CommonMark renders them literally."""
    before = text[start - 1] if start else " "
    after = text[end] if end < len(text) else " "
    return not before.isspace() or not after.isspace()


def check_citation(ctx: LintContext):
    text = ctx.doc.text
    for m in CITATION.finditer(text):
        start, end = m.span(1)
        if not start or not (is_cjk(text[start - 1]) or text[start - 1] in CLOSERS):
            continue  # footnotes follow Chinese or a closing quote
        if text[start - 1] in NUMERIC_CONTEXT:
            continue  # 比例为1。 — a value, not a footnote
        yield ctx.finding(
            CITATION_MARKER, start, end, f"citation number '{m.group(1)}' glued to the sentence; delete it",
            suggestion="", applicability=Applicability.UNSAFE,
        )
    if "[" not in text:
        return
    marks = {}  # end → start of every [n], to tell a chain [2][3] from a markdown link [text][1]
    for m in BRACKET_CITATION.finditer(text):
        start, end = m.span()
        marks[end] = start
        before = text[start - 1] if start else ""
        if before == "]" and start not in marks:
            continue  # [官方博客][1]: a markdown reference link
        if not before or not (is_cjk(before) or before in CLOSERS or before in "。，、；：！？]"):
            continue  # a footnote mark follows Chinese text or another mark
        if before in NUMERIC_CONTEXT:
            continue  # 返回值为[1], 第[3]章: a value
        yield ctx.finding(
            CITATION_MARKER, start, end, f"footnote mark '{m.group()}' left in the text; delete it",
            suggestion="", applicability=Applicability.UNSAFE,
        )


def check_duplicate_line(ctx: LintContext):
    text = ctx.doc.text
    seen: dict[str, int] = {}
    for start, end, nxt in lines(text):
        line = text[start:end].strip()
        if len(line) < 6:
            continue
        if line in seen:
            first = ctx.doc.position(seen[line])[0]
            yield ctx.finding(
                DUPLICATE_LINE, start, nxt, f"this line repeats line {first} word for word; delete the copy",
                suggestion="", applicability=Applicability.UNSAFE,
            )
        else:
            seen[line] = start


def check_lost_characters(ctx: LintContext):
    text = ctx.doc.text
    for start, end, nxt in lines(text):
        line = text[start:end]
        if line.strip() and LOST_LINE.match(line):
            yield ctx.finding(
                LOST_CHARACTERS, start, end,
                "a line of only '?': characters were lost in an encoding conversion (a separator or symbol)",
            )
    latin_mojibake = "锟斤拷" in text or "â€" in text or "Ã" in text or "ï»¿" in text  # str search: fast
    for m in MOJIBAKE_LATIN.finditer(text) if latin_mojibake else ():
        yield ctx.finding(LOST_CHARACTERS, m.start(), m.end(),
                          f"mojibake '{m.group()}': text was decoded with the wrong encoding (UTF-8 read as GBK or Windows-1252)")
    if any(c in text for c in GBK_SIGNS):  # UTF-8 punctuation read as GBK: 鈥 for “ ” ‘ ’, 锛 and 銆 for ，。
        for start, end, _nxt in lines(text):
            line = text[start:end]
            if sum(line.count(c) for c in GBK_SIGNS) >= 2:
                yield ctx.finding(LOST_CHARACTERS, start, end,
                                  "mojibake: this line is UTF-8 text read as GBK (鈥, 锛 and 銆 stand for quotes and punctuation)")
    i = text.find("\ufffd")
    while i != -1:
        j = i
        while j < len(text) and text[j] == "\ufffd":
            j += 1
        yield ctx.finding(LOST_CHARACTERS, i, j, "U+FFFD replacement character: text was lost in an encoding conversion")
        i = text.find("\ufffd", j)


MARKDOWN_RESIDUE = Rule(
    code="A007", name="markdown-residue", severity=Severity.WARNING,
    summary="Markdown emphasis markers left in the text (_143亿美元_, **重点**).",
    explanation=(
        "Text copied from a markdown source keeps its emphasis markers. Underscores or asterisks around\n"
        "a span containing Chinese are flagged; in a .md file only when they are glued to the\n"
        "surrounding text, where CommonMark would not render them. The fix keeps the words."
    ),
    example="斥资_143亿美元_巨资 → 斥资143亿美元巨资", check=check_markdown, needs_glossary=False, fix="safe",
)

CITATION_MARKER = Rule(
    code="A008", name="citation-marker", severity=Severity.WARNING,
    summary="A footnote number glued to the end of a sentence (行动1。), or a bracketed footnote mark ([1]).",
    explanation=(
        "Articles rewritten from sources with numbered references keep the numbers. One or two digits\n"
        "right after Chinese or a closing quote and right before 。！？； or the end of a line are\n"
        "flagged, unless the character before them makes the digits a value (为1。, 第1。, 见图1。, 2025年).\n"
        "So are bracketed marks such as [1] right after Chinese or punctuation, as scraped from wikis."
    ),
    example="“挖角”行动1。 → “挖角”行动。", check=check_citation, needs_glossary=False, fix="unsafe",
)

DUPLICATE_LINE = Rule(
    code="A009", name="duplicate-line", severity=Severity.WARNING,
    summary="A line that repeats an earlier line word for word (a duplicated title).",
    explanation=(
        "Scrapers and copy-paste duplicate titles and profile cards. A line of six or more characters\n"
        "that equals an earlier one is flagged; deleting it is offered as an unsafe fix."
    ),
    example="标题\\n\\n标题\\n正文 → 标题\\n\\n正文", check=check_duplicate_line, needs_glossary=False, fix="unsafe",
)

LOST_CHARACTERS = Rule(
    code="A010", name="encoding-loss", severity=Severity.WARNING,
    summary="Characters lost in an encoding conversion: lines of only '?', U+FFFD, mojibake (锟斤拷, â€™, 鈥).",
    explanation=(
        "A character the target encoding could not hold becomes '?' or U+FFFD. A line that is only\n"
        "question marks (a separator such as ◆ that was lost) and every U+FFFD are flagged. So is text\n"
        "decoded with the wrong encoding: 锟斤拷 (U+FFFD in UTF-8 read as GBK), â€™ and Ã© (UTF-8 read\n"
        "as Windows-1252), and lines with two or more of 鈥, 锛, 銆 (UTF-8 punctuation read as GBK).\n"
        "The lost text cannot be recovered automatically."
    ),
    example="?", check=check_lost_characters, needs_glossary=False, fix="none",
)
