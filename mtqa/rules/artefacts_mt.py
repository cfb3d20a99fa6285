"""A001–A002: debris machine translation leaves in Latin text.

A001: a lone lowercase Latin fragment glued to Chinese where a word was cut (痛点f, 营销ac).
A002: a Latin word split by inserted Chinese (Theor 的普通合伙人y Ventures = Theory Ventures).
"""
from __future__ import annotations

import re

from ..findings import Applicability, Severity
from .base import LintContext, Rule
from .textutil import CJK

# 1–3 lowercase letters right after a Chinese character, then a space, Chinese, or punctuation.
FRAGMENT = re.compile(f"(?<=[{CJK}])([a-z]{{1,3}})(?=[\\s{CJK}，。、；：！？,.;:!?”’）)]|$)")
# Short lowercase words that are real when glued to Chinese (用app下单, 他的id, 对比vs).
KNOWN_SHORT = frozenset("""
    ai app apps api id ip ok pc tv vs vr ar xr ui ux qq wifi web pdf ppt excel doc txt cpu gpu npu
    tpu ssd usb led lcd oled hd sd gps nfc sim esim pro max mini plus lite air etc vip ceo cto cfo
    coo cpo ipo pe vc b2b b2c o2o ok ko km kg mg ml cm mm nm gb mb kb tb hz ghz mhz mah kwh
    h5 js css html url www com cn net org io dev app pay
""".split())
# Word(s), Chinese insertion, then the cut-off tail glued to it and a capitalised word.
SPLIT = re.compile(f"\\b([A-Z][a-z]{{2,}}) ([{CJK}][^\\sA-Za-z]{{0,18}}?[{CJK}])([a-z]{{1,3}}) ([A-Z][A-Za-z]+)")


def _splits(ctx: LintContext) -> list:
    return ctx.memo("A002.splits", lambda: list(SPLIT.finditer(ctx.doc.text)))


def check_stray_fragment(ctx: LintContext):
    text = ctx.doc.text
    split_tails = {m.start(3) for m in _splits(ctx)}  # A002 reports those, with a better fix
    for m in FRAGMENT.finditer(text):
        frag = m.group(1)
        start, end = m.span(1)
        if frag in KNOWN_SHORT or start in split_tails:
            continue
        yield ctx.finding(
            STRAY_FRAGMENT, start, end,
            f"stray Latin fragment '{frag}' glued to Chinese: debris of a cut word; delete it",
            suggestion="", applicability=Applicability.UNSAFE,
        )


def check_split_word(ctx: LintContext):
    for m in _splits(ctx):
        head, middle, tail, next_word = m.groups()
        word = head + tail
        suggestion = f"{word} {next_word}{'' if middle.startswith(' ') else ' '}{middle}"
        yield ctx.finding(
            SPLIT_WORD, m.start(), m.end(),
            f"Latin name split by inserted Chinese: '{head} … {tail} {next_word}' reads '{word} {next_word}'",
            suggestion=suggestion, applicability=Applicability.UNSAFE,
        )


STRAY_FRAGMENT = Rule(
    code="A001", name="stray-latin-fragment", severity=Severity.WARNING,
    summary="A lone lowercase Latin fragment glued to Chinese where a word was cut (痛点f, 营销ac).",
    explanation=(
        "Machine translation sometimes leaves the end of a cut English word behind. One to three\n"
        "lowercase letters right after a Chinese character, followed by a space, Chinese or punctuation,\n"
        "are flagged unless they form a common short token (app, id, vs, ai, kg…). Capitalised or\n"
        "longer tokens (AI芯片, GPU集群, iPhone, gpt-oss) and tokens after digits (5G, 3nm) never match."
    ),
    example="痛点f 老部门 → 痛点 老部门", check=check_stray_fragment, needs_glossary=False, fix="unsafe",
)

SPLIT_WORD = Rule(
    code="A002", name="split-latin-word", severity=Severity.WARNING,
    summary="A Latin word split in two by inserted Chinese (Theor 的普通合伙人y Ventures).",
    explanation=(
        "When machine translation inserts a Chinese phrase inside a name, the name's last letters end\n"
        "up glued after the phrase. A capitalised word, a short Chinese insertion, one to three lowercase\n"
        "letters glued to it and another capitalised word are read as one name and rebuilt."
    ),
    example="Theor 的普通合伙人y Ventures → Theory Ventures 的普通合伙人",
    check=check_split_word, needs_glossary=False, fix="unsafe",
)
