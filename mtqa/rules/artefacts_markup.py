"""A011: HTML entities left in an article's text by a scraper or an editor's export."""
from __future__ import annotations

import unicodedata

from ..findings import Applicability, Severity
from .base import LintContext, Rule
from .textutil import lazy_re

# An entity, possibly escaped again (&amp;nbsp;): named, decimal or hexadecimal.
ENTITY = lazy_re(r"&(?:amp;)*(#[xX][0-9a-fA-F]{1,6}|#[0-9]{1,7}|[A-Za-z][A-Za-z0-9]{1,31});")
# The body of a numeric entity whose '&' was lost (#x3002;, #39;), not glued to a word or a '&'.
LOST_AMPERSAND = lazy_re(r"(?<![&A-Za-z0-9_])#(x[0-9a-fA-F]{2,6}|[0-9]{2,7});")
MARKDOWN_SUFFIXES = (".md", ".markdown")


def decoded(entity: str) -> str | None:
    """What an entity stands for, unescaped until it stays the same (&amp;amp; → &); a space
    for the spacing ones (&nbsp;, &emsp;) and nothing for the invisible ones (&zwnj;); None when
    it names no character."""
    import html

    text = entity
    for _ in range(8):
        again = html.unescape(text)
        if again == text:
            break
        text = again
    if text == entity or "&" in text and text != "&":
        return None
    if text.isspace():
        return " "
    if all(unicodedata.category(c) == "Cf" for c in text):
        return ""
    if any(unicodedata.category(c) in ("Cc", "Cs", "Cn", "Co") for c in text):
        return None
    return text


def _prose_mark(ch: str) -> bool:
    """A character a lost-& entity plausibly stood for: Chinese, or punctuation of any width."""
    cat = unicodedata.category(ch)
    return "\u4e00" <= ch <= "\u9fff" or cat.startswith("P") or cat in ("Sm", "Sc", "Zs")


def check_entities(ctx: LintContext):
    text = ctx.doc.text
    if "&" in text and not ctx.doc.path.lower().endswith(MARKDOWN_SUFFIXES):  # entities are Markdown syntax
        for m in ENTITY.finditer(text):
            value = decoded(m.group())
            if value is None:
                continue  # AT&T;, &foo;: no entity
            shown = repr(value) if value.strip() == "" else f"'{value}'"
            yield ctx.finding(
                HTML_ENTITY, m.start(), m.end(), f"HTML entity '{m.group()}' left in the text; write {shown}",
                suggestion=value, applicability=Applicability.SAFE,
            )
    if "#" in text and ";" in text:
        for m in LOST_AMPERSAND.finditer(text):
            value = decoded("&" + m.group())
            if value is None or len(value) != 1 or not _prose_mark(value):
                continue  # #2024; may be a tag; only Chinese and punctuation are what such bodies stood for
            yield ctx.finding(
                HTML_ENTITY, m.start(), m.end(),
                f"'{m.group()}' is an HTML entity that lost its '&'; write '{value}'",
                suggestion=value, applicability=Applicability.UNSAFE,
            )


HTML_ENTITY = Rule(
    code="A011", name="html-entity", severity=Severity.WARNING,
    summary="An HTML entity left in the text (&amp;, &nbsp;, &#39;, &#x4e2d;), or its body without the '&' (#x3002;).",
    explanation=(
        "A page's text copied or scraped without decoding keeps its entities. A named or numeric\n"
        "entity (escaped again or not: &amp;amp;) is decoded as the fix, a spacing one (&nbsp;) to a\n"
        "space; in a Markdown file entities are the format's own syntax and are left alone. The body\n"
        "of a numeric entity whose '&' was lost (#x3002;, #39;) is flagged when it stands for Chinese\n"
        "or punctuation (an unsafe fix: #2024; may be a tag). AT&T, R&D and Q&A are no entities."
    ),
    example="Meta&nbsp;发布了Llama&amp;Code → Meta 发布了Llama&Code", check=check_entities, needs_glossary=False,
    fix="safe",
)
