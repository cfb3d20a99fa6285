"""A001–A002: debris machine translation leaves in Latin text.

A001: a lone lowercase Latin fragment glued to Chinese where a word was cut (痛点f, 营销ac).
A002: a Latin word split by inserted Chinese (Theor 的普通合伙人y Ventures = Theory Ventures).
"""
from __future__ import annotations

import re

from ..findings import Applicability, Severity
from .base import LintContext, Rule
from .textutil import WIDE, is_cjk, lazy_re

# 1–3 lowercase letters right after a Chinese character, then a space, Chinese, or punctuation.
# 1-3 lowercase letters standing alone between non-letters; the rule checks Chinese comes right before.
# Starts with the letter, looks behind after it: `re` then skips ahead to the next letter instead
# of trying the look-behind at every character of Chinese text (twice as fast).
FRAGMENT = re.compile(r"([a-z](?<![A-Za-z0-9][a-z])[a-z]{0,2})(?![A-Za-z0-9])")
LATIN_NEXT = re.compile(r"[ \t]+[A-Za-z0-9]")
AFTER_FRAGMENT = frozenset(" \t\r\n，。、；：！？,.;:!?”’）)")
# Short lowercase words that are real when glued to Chinese (用app下单, 他的id, 对比vs).
KNOWN_SHORT = frozenset("""
    ai app apps api id ip ok pc tv vs vr ar xr ui ux qq wifi web pdf ppt excel doc txt cpu gpu npu
    tpu ssd usb led lcd oled hd sd gps nfc sim esim pro max mini plus lite air etc vip ceo cto cfo
    coo cpo ipo pe vc b2b b2c o2o ok ko km kg mg ml cm mm nm gb mb kb tb hz ghz mhz mah kwh
    h5 js css html url www com cn net org io dev app pay
    npm pip git bug sql llm rag gpt sdk ide cli gui ios apk exe iso svg png jpg gif mp3 mp4 csv xml json
    fps dpi ram rom nas vpn dns seo ppm bps kbps gbps log bot
""".split())
# A word cut by a Chinese insertion: its head (a capitalised word ending abruptly), a space, a short
# Chinese run, then the rest of the word glued to the run: "Theor 的普通合伙人y Ventures",
# "Anysc 的工程师ale 团队". An optional capitalised word after the tail continues the name.
# (The pattern starts with its capital and looks behind after it, so `re` skips ahead to capitals.)
SPLIT = lazy_re(
    f"([A-Z](?<![A-Za-z][A-Z])(?:[a-z]+[A-Z])?[a-z]{{1,}}) ([{WIDE}][^\\sA-Za-z]{{0,18}}?[{WIDE}])([a-z]{{1,6}})(?![A-Za-z0-9])"
    f"(?: ([A-Z][A-Za-z]+))?"
)


# A name cut between two words: "Future of 的非营利组织Life Institute", "Goldman 的分析师Sachs".
SPLIT_BETWEEN = lazy_re(
    f"([A-Z](?<![A-Za-z][A-Z])[A-Za-z]+(?: [A-Za-z]+){{0,3}}) ([{WIDE}][^\\sA-Za-z]{{0,18}}?[{WIDE}])([A-Z][A-Za-z]+(?: [A-Z][A-Za-z]+){{0,3}})"
)
# A capitalised word and a space right before a head: the head is a later word of a name.
AFTER_NAME_WORD = lazy_re(r"[A-Z][a-z]+ \Z")
# An insertion ending in one of these governs the Latin after it (用ls, 输入y, 和vim): not a cut word's tail.
TAKES_OBJECT = frozenset("用在把对给向从和与及或为是让按输入跑装叫称")
FUNCTION_WORDS = frozenset("of the and for de du la le van von der den da di al el".split())


def _glossary_word_pairs(matcher) -> frozenset[tuple[str, str]]:
    """Adjacent word pairs of the glossary's Latin names ("goldman", "sachs"), once per matcher."""
    if matcher is None:
        return frozenset()
    pairs = getattr(matcher, "_latin_word_pairs", None)
    if pairs is None:
        forms = getattr(getattr(matcher, "_latin_index", None), "all_forms", ())
        pairs = frozenset(p for f in forms for p in zip(f.split(), f.split()[1:]))
        matcher._latin_word_pairs = pairs
    return pairs


def _splits(ctx: LintContext) -> list:
    """(match, name, span end) of every split Latin name: a cut word (A001 defers to its tail) or a cut phrase."""

    def compute():
        text = ctx.doc.text
        found = []
        lowered = None
        index = getattr(ctx.matcher, "_latin_index", None)
        known = index.all_forms if index is not None else frozenset()
        for m in SPLIT.finditer(text):
            head, middle, tail, follower = m.groups()
            if tail in KNOWN_SHORT:
                continue  # a real token glued to Chinese (的用户app)
            if len(head) == 2 and not AFTER_NAME_WORD.search(text, max(0, m.start() - 30), m.start()):
                continue  # a two-letter head only as the last word of a name cut short (Blue Ow … l)
            if head.lower() in known:
                continue  # a whole glossary name (Meta 的工程师a): the tail is A001's stray fragment
            if follower and (len(tail) <= 3 or tail[0] in "aeiouy"):
                # Head, insertion, tail and a capitalised word after it: the cut runs through a name.
                # A longer tail starts with a vowel, as the rest of a cut word mostly does (Interconn …
                # ected, Anthrop … ic); lowercase tokens mostly do not (的模型llama Guard).
                found.append((m, f"{head}{tail} {follower}", m.end()))
                continue
            if not all(is_cjk(c) for c in middle):
                continue  # punctuation or digits between: two clauses, not one phrase inserted in a word
            if middle[-1] in TAKES_OBJECT:
                continue  # 在 Linux 下用ls 命令: the Latin is the object of 用, not the rest of Linux
            if len(tail) <= 3:
                # What A001 calls the debris of a cut word, and the cut word right before the insertion.
                if not _is_fragment(text, m.start(3), m.end(3)):
                    continue
            else:
                # A longer tail can be a real lowercase word (Python 的库numpy): only when the whole
                # word is written elsewhere in the document (Interconn … ected beside Interconnected).
                if lowered is None:
                    lowered = text.lower()
                end = m.end(3)
                if (head + tail).lower() not in lowered or not (end >= len(text) or text[end] in AFTER_FRAGMENT):
                    continue
            found.append((m, head + tail, m.end(3)))
        pairs = _glossary_word_pairs(ctx.matcher)
        for m in SPLIT_BETWEEN.finditer(text):
            head, tail = m.group(1), m.group(3)
            last, first = head.split()[-1].lower(), tail.split()[0].lower()
            if last in FUNCTION_WORDS or (last, first) in pairs:
                found.append((m, f"{head} {tail}", m.end()))
        return found

    return ctx.memo("A002.splits", compute)


def _split_tails(ctx: LintContext) -> set[int]:
    """Start of the tail of every cut word that A002 reports (A001 leaves those to A002)."""
    return ctx.memo("A002.tails", lambda: {m.start(3) for m, _name, _end in _splits(ctx) if m.re.pattern == SPLIT.pattern})


def _is_fragment(text: str, start: int, end: int) -> bool:
    """Whether the lowercase letters text[start:end] are the debris of a cut word (A001's test)."""
    n = len(text)
    frag = text[start:end]
    if not start or not is_cjk(text[start - 1]) or (end < n and not (text[end] in AFTER_FRAGMENT or is_cjk(text[end]))):
        return False  # a fragment is glued to Chinese on the left, and ends the word on the right
    if frag in KNOWN_SHORT:
        return False
    if len(frag) == 1 and end < n and is_cjk(text[end]):
        return False  # a letter prefixed to a word (e签宝, k线, t恤), not the tail of a cut one
    if end < n and text[end] in " \t" and LATIN_NEXT.match(text, end):
        return False  # the first word of a Latin phrase (用pip install安装)
    return True


def _before_number():
    """One lowercase letter between Chinese and a number with a unit of data/numerals.txt [units]."""
    global _BEFORE_NUMBER
    if _BEFORE_NUMBER is None:
        from ..data import sections

        units = re.escape("".join(sections("numerals.txt")["units"]))
        _BEFORE_NUMBER = re.compile(rf"[a-z](?<![A-Za-z0-9][a-z])(?=[0-9]+(?:\.[0-9]+)?[{units}])")
    return _BEFORE_NUMBER


_BEFORE_NUMBER = None


def check_stray_fragment(ctx: LintContext):
    text = ctx.doc.text
    for m in _before_number().finditer(text):
        start = m.start()
        if start and is_cjk(text[start - 1]):
            yield ctx.finding(
                STRAY_FRAGMENT, start, start + 1,
                f"stray Latin letter '{m.group()}' glued between Chinese and a number: debris; delete it",
                suggestion="", applicability=Applicability.UNSAFE,
            )
    split_tails = _split_tails(ctx)  # A002 reports those, with a better fix
    for m in FRAGMENT.finditer(text):
        start, end = m.span(1)
        if not start or not is_cjk(text[start - 1]):
            continue  # most matches: short English words (a, of, the) after a space
        if start in split_tails or not _is_fragment(text, start, end):
            continue
        frag = m.group(1)
        yield ctx.finding(
            STRAY_FRAGMENT, start, end,
            f"stray Latin fragment '{frag}' glued to Chinese: debris of a cut word; delete it",
            suggestion="", applicability=Applicability.UNSAFE,
        )


def check_split_word(ctx: LintContext):
    for m, name, end in _splits(ctx):
        middle = m.group(2)
        yield ctx.finding(
            SPLIT_WORD, m.start(), end,
            f"Latin name split by inserted Chinese: it reads '{name}'",
            suggestion=f"{name} {middle}", applicability=Applicability.UNSAFE,
        )


STRAY_FRAGMENT = Rule(
    code="A001", name="stray-latin-fragment", severity=Severity.WARNING,
    summary="A lone lowercase Latin fragment glued to Chinese where a word was cut (痛点f, 营销ac), or a stray letter before a number (执行a2024年).",
    explanation=(
        "Machine translation sometimes leaves the end of a cut English word behind. One to three\n"
        "lowercase letters right after a Chinese character, followed by a space, Chinese or punctuation,\n"
        "are flagged unless they form a common short token (app, id, vs, ai, kg…). Capitalised or\n"
        "longer tokens (AI芯片, GPU集群, iPhone, gpt-oss) and tokens after digits (5G, 3nm) never match.\n"
        "So is one lowercase letter between Chinese and a number with a unit of time, money or count\n"
        "(执行a2024年, 营收b30亿元); a model name there goes on with other words (o3模型, m4芯片, v2版本)."
    ),
    example="痛点f 老部门 → 痛点 老部门", check=check_stray_fragment, needs_glossary=False, fix="unsafe",
)

SPLIT_WORD = Rule(
    code="A002", name="split-latin-word", severity=Severity.WARNING,
    summary="A Latin name split in two by inserted Chinese (Theor 的普通合伙人y Ventures).",
    explanation=(
        "When machine translation inserts a Chinese phrase inside a name, the rest of the name ends up\n"
        "glued after the phrase. Flagged: a capitalised word, a space, a short Chinese insertion and the\n"
        "rest of the word glued to it, when that rest is followed by another capitalised word (Theor …\n"
        "y Ventures, Interconn … ected Capital), or is a fragment A001 would flag (Anysc 的工程师ale 团队,\n"
        "Brookfi 旗下基础设施基金eld 的融资; A001 then leaves it to A002), or is a longer word whose joined\n"
        "form the document writes elsewhere. Also flagged: words cut apart where the first part ends in\n"
        "a function word (Future of … Life Institute) or the two parts make a glossary name (Goldman …\n"
        "Sachs). Latin glued to Chinese alone is normal (Meta 的工程师和 OpenAI 的研究员, 用 Python 的库numpy)."
    ),
    example="Theor 的普通合伙人y Ventures → Theory Ventures 的普通合伙人",
    check=check_split_word, needs_glossary=False, fix="unsafe",
)
