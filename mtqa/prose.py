"""Which parts of a document are prose: the spans that are not (code, addresses, markup) are
never a finding and never changed by a fix.

Plain text: URLs and e-mail addresses. Markdown (.md, .markdown) also: front matter keys,
fenced code blocks, inline code, link and image targets, reference definitions, autolinks,
HTML tags with their attributes, HTML comments, and the content of <code>, <pre>, <script>
and <style> elements. Link *text*, image alt text, headings and front matter values are
prose. Indented code blocks are not recognised: a Chinese article indents paragraphs too.
"""
from __future__ import annotations

import re

MARKDOWN_SUFFIXES = (".md", ".markdown")

# A URL's host is ASCII; its path may hold other characters (an IRI: https://zh.wikipedia.org/wiki/杨立昆,
# …/新闻/王涛/1, ?q=王涛), but a run of them counts only where it starts a path segment or a value:
# after an ASCII word character, as in https://example.com/a.html梅塔, Chinese prose starts again.
_STOP = "\\s<>\"'`，。、；：！？（）【】「」『』《》“”‘’"
_URL = (r"(?:(?:https?|ftp)://|www\.)[A-Za-z0-9.-]+(?::[0-9]+)?"
        r"(?:[/?#](?:[A-Za-z0-9._~:/?#\[\]@!$&*+,;=%()-]|(?<=[/=?#&+_-])[^\x00-\x7f" + _STOP + r"]+)*)?"
        r"|[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+")
_TRAILING = ".,;:!?*_~"  # sentence punctuation and emphasis marks after an address are not part of it

# Compiled on first use (_compiled): a plain-text commit hook never needs the Markdown ones.
_PATTERNS = dict(
    fence=(r"^ {0,3}(`{3,}|~{3,})(.*)$", re.M),
    front_matter=(r"\A(---|\+\+\+)[ \t]*\r?\n(.*?)^\1[ \t]*\r?$", re.S | re.M),
    front_key=(r"^[ \t]*(?:- )?[ \t]*[^\s:#=][^:=\n]*?[ \t]*[:=]", re.M),
    inline=(
    r"(?P<code>(?<!`)(?P<ticks>`+)(?!`)(?:(?!\n[ \t]*\n).)+?(?<!`)(?P=ticks)(?!`))"  # `code`, ``co`de``
    r"|(?P<element><(?P<el>code|pre|script|style)\b[^>]*>.*?</(?P=el)\s*>)"  # <code>…</code>
    r"|(?P<comment><!--.*?-->)"
    r"|(?P<autolink><(?:[A-Za-z][A-Za-z0-9+.-]{1,31}:[^\s<>]*|[^\s<>@]+@[^\s<>@]+)>)"
    r"|(?P<tag></?[A-Za-z][A-Za-z0-9-]*(?:\s+(?:[^<>\"']|\"[^\"]*\"|'[^']*')*)?/?>)"
    r"|\]\((?P<target>[^()\s]*(?:\([^()\s]*\)[^()\s]*)*(?:\s+(?:\"[^\"]*\"|'[^']*'|\([^()]*\)))?\s*)\)"  # ](url "t")
    r"|(?P<definition>^ {0,3}\[(?!\^)[^\]\n]+\]:[ \t]*(?:<[^>\n]*>|[!-~]+)[^\n]*)",  # [id]: https://… "title"
    re.S | re.M | re.I),
    url=(_URL, 0),
)
_compiled: dict = {}


def _re(name: str):
    rx = _compiled.get(name)
    if rx is None:
        rx = _compiled[name] = re.compile(*_PATTERNS[name])
    return rx


def is_markdown(path: str) -> bool:
    return path.lower().endswith(MARKDOWN_SUFFIXES)


def url_spans(text: str, lo: int = 0, hi: int | None = None) -> list[tuple[int, int]]:
    """Spans of the URLs and e-mail addresses in text[lo:hi]."""
    if "://" not in text and "www." not in text and "@" not in text:
        return []
    spans = []
    for m in _re("url").finditer(text, lo, len(text) if hi is None else hi):
        start, end = m.span()
        while end > start and text[end - 1] in _TRAILING:
            end -= 1
        if text[end - 1] == ")" and text.count("(", start, end) < text.count(")", start, end):
            end -= 1  # (见 https://example.com/a) — the bracket is the sentence's
        spans.append((start, end))
    return spans


def not_prose(text: str, path: str = "") -> list[tuple[int, int]]:
    """Sorted, disjoint spans of `text` that are not prose (see the module's docstring)."""
    if not is_markdown(path):
        return url_spans(text)
    spans = fenced_blocks(text)
    m = _re("front_matter").match(text) if text.startswith(("---", "+++")) else None
    if m:
        spans.append((m.start(), m.start(2)))
        spans.extend(k.span() for k in _re("front_key").finditer(text, m.start(2), m.end(2)))
        spans.append((m.end(2), m.end()))
    spans.sort()
    inline = []
    pos = 0
    for start, end in spans + [(len(text), len(text))]:  # the stretches between code blocks
        inline.extend(_inline_spans(text, pos, start))
        pos = max(pos, end)
    return _merge(spans + inline)


def fenced_blocks(text: str) -> list[tuple[int, int]]:
    """Spans of the fenced code blocks, fences included (an unclosed one runs to the end)."""
    if "```" not in text and "~~~" not in text:
        return []
    blocks, opened = [], None
    for m in _re("fence").finditer(text):
        fence, rest = m.group(1), m.group(2)
        if opened is None:
            if not (fence[0] == "`" and "`" in rest):
                opened = (fence[0], len(fence), m.start())
        elif fence[0] == opened[0] and len(fence) >= opened[1] and not rest.strip():
            blocks.append((opened[2], m.end()))
            opened = None
    if opened is not None:
        blocks.append((opened[2], len(text)))
    return blocks


def _inline_spans(text: str, lo: int, hi: int) -> list[tuple[int, int]]:
    spans = []
    pos = lo
    if any(c in text[lo:hi] for c in "`<]["):
        for m in _re("inline").finditer(text, lo, hi):
            kind = m.lastgroup
            start, end = m.span("target") if kind == "target" else m.span(kind)
            spans.extend(url_spans(text, pos, m.start()))
            spans.append((start, end))
            pos = m.end()
    spans.extend(url_spans(text, pos, hi))
    return spans


def _merge(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for start, end in sorted(s for s in spans if s[1] > s[0]):
        if out and start <= out[-1][1]:
            if end > out[-1][1]:
                out[-1] = (out[-1][0], end)
        else:
            out.append((start, end))
    return out


def keep_to_prose(findings: list, spans: list[tuple[int, int]]) -> list:
    """Drop the findings that reach into a span that is not prose without covering it whole (a
    name in a URL or in code); of those that cover one (a boilerplate line with its link), drop
    a fix that would change what the span holds, unless it deletes the span whole."""
    from bisect import bisect_right

    starts = [s for s, _ in spans]
    kept = []
    for f in findings:
        touched = _overlapping(spans, starts, f.start, f.end, bisect_right)
        if not touched:
            kept.append(f)
            continue
        if any(s < f.start or e > f.end for s, e in touched):
            continue  # inside, or across an edge
        if f.fix is not None:
            for edit in f.fix.edits:
                hit = _overlapping(spans, starts, edit.start, edit.end, bisect_right)
                if hit and (edit.replacement or any(s < edit.start or e > edit.end for s, e in hit)):
                    f.fix = None
                    break
        kept.append(f)
    return kept


def _overlapping(spans, starts, lo: int, hi: int, bisect_right) -> list[tuple[int, int]]:
    """The spans that share a character with [lo, hi), or that hold the point lo == hi."""
    out = []
    i = bisect_right(starts, max(lo, hi - 1) if hi > lo else lo) - 1
    while i >= 0 and spans[i][1] > lo:
        s, e = spans[i]
        if (s < hi and lo < e) or (lo == hi and s < lo < e):
            out.append(spans[i])
        i -= 1
    return out
