"""S003: a word of the other region's vocabulary (软体 in a mainland article, 軟件 in a Taiwan one),
and an article that writes one word both regions' ways.

The pairs are OpenCC's mainland/Taiwan phrase tables, kept where the Taiwan form is no mainland
word (data/regional_words.txt, written by scripts/build_regional_words.py).
"""
from __future__ import annotations

from functools import lru_cache

from ..findings import Applicability, Severity
from .base import LintContext, Rule

MAINLAND, TAIWAN = 0, 1
REGION_SIDE = {"zh-CN": MAINLAND, "zh-TW": TAIWAN}  # zh-HK has its own words: only consistency
COLUMNS = {"Hans": (0, 3), "Hant": (1, 2)}  # the file's columns of each side, per script
SIDE_NAMES = ("mainland", "Taiwan")
# One other-region word alone is no evidence: many are ordinary words of both (线上, 拨出, 贴上: the
# People's Daily of 1998 writes each, about once a day). An article that writes the other region's
# words writes several (a text converted from Taiwan's Traditional has one every few hundred
# characters), so they are reported when at least MIN_WORDS distinct ones come at least one per
# CHARS_PER_WORD characters. Measured: the People's Daily (5.4 MB) has at most 3 in a day's 20,000
# characters; the converted articles of our blind sets have 5–11 in 1,500.
MIN_WORDS = 2
CHARS_PER_WORD = 2000


@lru_cache(maxsize=1)
def regional_words() -> tuple[tuple[tuple[str, ...], ...], tuple[tuple[str, ...], ...]]:
    """([pairs], [same]) of data/regional_words.txt: rows of (mainland Hans, mainland Hant, Taiwan
    Hant, Taiwan Hans)."""
    from ..data import sections

    got = sections("regional_words.txt")
    return tuple(tuple(r.split("\t")) for r in got["pairs"]), tuple(tuple(r.split("\t")) for r in got["same"])


@lru_cache(maxsize=2)
def _automaton(script: str):
    """(automaton, entries) over both sides' forms in `script`: entries[k] is (pair, side), or None
    for a word the same in both regions that holds a regional form (方程式 holds 程式)."""
    import ahocorasick_rs

    pairs, same = regional_words()
    m, t = COLUMNS[script]
    entries: dict[str, tuple[int, int] | None] = {}
    for row in same:
        entries[row[m]] = entries[row[t]] = None
    for i, row in enumerate(pairs):
        entries.setdefault(row[m], (i, MAINLAND))
        entries.setdefault(row[t], (i, TAIWAN))
    keys = list(entries)
    automaton = ahocorasick_rs.AhoCorasick(keys, matchkind=ahocorasick_rs.MatchKind.LeftmostLongest)
    return automaton, [entries[k] for k in keys]


def _regional_hits(ctx: LintContext, script: str, expected: int | None) -> dict[int, list[list[tuple[int, int]]]]:
    """pair → [mainland spans, Taiwan spans] of the pairs the text writes as words of their own;
    nothing when the other side of `expected` (a region's side, or None) cannot make the evidence."""
    from ..words import is_segment

    text = ctx.doc.text
    automaton, entries = _automaton(script)
    raw: dict[int, list[list[tuple[int, int]]]] = {}
    for k, start, end in automaton.find_matches_as_indexes(text):
        entry = entries[k]
        if entry is not None:  # (None: the same in both regions)
            raw.setdefault(entry[0], [[], []])[entry[1]].append((start, end))
    if expected is not None and not _enough(raw, expected, len(text)):
        return {}  # (before asking the segmenter: most articles stop here)
    forms = ctx.glossary_form_spans() if ctx.matcher is not None else None
    found: dict[int, list[list[tuple[int, int]]]] = {}
    for pair, sides in raw.items():
        for side, spans in enumerate(sides):
            for start, end in spans:
                if forms is not None and forms.covers(start, end):
                    continue  # part of a glossary name (S002's)
                if not is_segment(text, start, end):
                    continue  # part of a longer word (查德 in 理查德, 尼日 in 尼日利亚)
                found.setdefault(pair, [[], []])[side].append((start, end))
    if expected is not None and not _enough(found, expected, len(text)):
        return {}
    return found


def _enough(found, expected: int, length: int) -> bool:
    """Whether the other region's words are evidence enough (see MIN_WORDS)."""
    foreign = sum(1 for sides in found.values() if sides[1 - expected])
    return foreign >= max(MIN_WORDS, length / CHARS_PER_WORD)


def check_regional_word(ctx: LintContext):
    from .locale import article_locale, document_script

    script = document_script(ctx)[0]
    locale = article_locale(ctx) if ctx.matcher is not None or ctx.locale or script == "Hans" else None
    expected = REGION_SIDE.get(locale) if locale else None
    found = _regional_hits(ctx, script, expected)
    if not found:
        return
    pairs, _ = regional_words()
    columns = COLUMNS[script]
    text = ctx.doc.text
    out = []
    for pair, sides in found.items():
        if expected is not None:
            wrong = 1 - expected
            if not sides[wrong]:
                continue
            why = f"is the {SIDE_NAMES[wrong]} word; a {locale} article writes"
        elif sides[MAINLAND] and sides[TAIWAN]:
            # No region to go by: the article itself says which it writes most (ties: its first).
            counts = (len(sides[MAINLAND]), len(sides[TAIWAN]))
            keep = MAINLAND if counts[0] > counts[1] or (counts[0] == counts[1] and sides[0][0] < sides[1][0]) else TAIWAN
            wrong = 1 - keep
            why = f"is the {SIDE_NAMES[wrong]} word for what this article also writes"
        else:
            continue
        right = pairs[pair][columns[1 - wrong]]
        for start, end in sides[wrong]:
            if ctx.in_focus(start, end):
                out.append(ctx.finding(
                    REGIONAL_WORD, start, end, f"'{text[start:end]}' {why} '{right}'",
                    suggestion=right, applicability=Applicability.UNSAFE,
                ))
    yield from sorted(out, key=lambda f: f.start)


REGIONAL_WORD = Rule(
    code="S003", name="regional-word", severity=Severity.WARNING,
    summary="A word of the other region's vocabulary (软体 in a mainland article → 软件), or one word written both ways.",
    explanation=(
        "Mainland China and Taiwan name many things differently: 软件 / 軟體, 服务器 / 伺服器, 打印机 /\n"
        "印表機, 意大利 / 義大利, 奔驰 / 賓士. The pairs are OpenCC's phrase tables, kept where the\n"
        "Taiwan form is no mainland word (建立, 资料, 影片 are ordinary mainland words and are left out).\n"
        "A Simplified article counts as mainland (unless --locale says otherwise), so Taiwan words in it\n"
        "are flagged even when their characters were converted (软体, 程式设计师); a Traditional article is\n"
        "checked against the region S002 infers from its glossary names, or zh-TW with --locale. One such\n"
        "word alone is no evidence (线上 and 拨出 are ordinary mainland words too): an article must write\n"
        "two different ones, and one per 2,000 characters. Without\n"
        "a region (zh-HK, or nothing to infer from), an article that writes one word both ways is flagged\n"
        "where it writes the rarer one. A form inside a longer word (查德 in 理查德) is none. The fix\n"
        "is unsafe: a word may be meant in the other sense."
    ),
    example="这款软体支持 Windows → 这款软件支持 Windows", check=check_regional_word, needs_glossary=False,
    fix="unsafe",
)
