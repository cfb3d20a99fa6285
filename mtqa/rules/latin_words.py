"""N004 and A012: Latin words checked against how common English words and names are.

The frequencies are wordfreq's (data/latin_words.txt, written by scripts/build_latin_words.py),
looked up by the compiled core (core/src/latin_words.rs), which also works out the typing slips
(data/typing.txt) that could have turned a common word into a rare token.
"""
from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

from ..findings import Applicability, Severity
from .base import LintContext, Rule

# Thresholds, chosen on the capitalised tokens of all our texts (seeds, annotated and blind sets,
# People's Daily: 373 distinct ones). A token is rare when the list does not have it (Zipf < 2.0,
# under once in a hundred million words: Zuckerburg 1.4, Jonh 1.1, but also real names such as
# Gurman 1.5 or Chesky 1.7). Its suggestion must be seen at least once in a million words
# (Zipf 3.0: Zuckerberg 3.3, Nvidia 3.3, Microsoft 4.4), a thousand times the token or more.
COMMON = 3.0
# A split word: its pieces joined are common (as above) and commoner than either piece, and one
# piece is no word at all (Zipf < 2.5: 'tional' 1.7, 'gle' 2.1; 'goo' 3.4 is a word).
NO_WORD = 2.5
TOKEN = re.compile(r"[A-Z][a-z]{3,}")  # starts with a character class: `re` skips ahead to capitals
WORD = re.compile(r"[A-Za-z]+")
NOT_AROUND = frozenset("0123456789_@#/\\")  # a handle, hashtag, path or identifier, not a word
SLIPS = {
    "swapped": "two neighbouring letters swapped",
    "replaced": "one letter replaced by a neighbouring key's or a like-sounding vowel",
    "dropped": "one letter left out",
    "added": "one letter added",
}


@lru_cache(maxsize=1)
def latin_words():
    """The compiled core's LatinWords over data/latin_words.txt and data/typing.txt (read once)."""
    from .._core import LatinWords
    from ..data import HERE, sections

    typing = sections("typing.txt")
    rows = []
    for line in typing["keyboard"]:
        letters, offset = line.split()
        rows.append((letters, float(offset)))
    list_text = (HERE / "latin_words.txt").read_text(encoding="utf-8")
    return LatinWords(list_text, rows, "".join(typing["vowels"]))


def _glossary_tokens(matcher) -> frozenset[str]:
    """Every word of the glossary's Latin forms, lower case (a glossary name is never a slip)."""
    got = getattr(matcher, "_latin_tokens", None)
    if got is None:
        from .names import latin_index

        got = frozenset(w for form in latin_index(matcher).all_forms for w in re.findall(r"[a-z]+", form))
        matcher._latin_tokens = got
    return got


def _bounded(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] stands as a word: no letter, digit or handle mark glued to it, and
    not the first label of a domain (Micorsoft.com)."""
    before = text[start - 1] if start else " "
    after = text[end] if end < len(text) else " "
    if before.isascii() and (before.isalpha() or before in NOT_AROUND or before in "-'’."):
        return False
    if after.isascii() and (after.isalpha() or after in NOT_AROUND):
        return False
    return not (after == "." and end + 1 < len(text) and text[end + 1].isascii() and text[end + 1].isalpha())


def check_latin_misspelling(ctx: LintContext):
    text = ctx.doc.text
    found = [(m.start(), m.end(), m.group()) for m in TOKEN.finditer(text)]
    if not found:
        return
    known = _glossary_tokens(ctx.matcher) if ctx.matcher is not None else frozenset()
    written = Counter(t for _, _, t in found)
    words = None
    slips: dict[str, tuple] = {}  # token → (suggestion, slip), for the rare tokens a slip explains
    for token in written:
        lower = token.lower()
        if lower in known:
            continue  # a glossary name
        words = words or latin_words()
        if words.zipf(lower) is not None:
            continue  # a word or name the list knows
        best = words.best_slip(lower, COMMON)
        if best is not None:
            slips[token] = (best[0][0].upper() + best[0][1:], best[1])
    if not slips:
        return
    places = {t: [(s, e) for s, e, u in found if u == t and _bounded(text, s, e)] for t in slips}
    taken = None
    out = []
    for token, (right, slip) in slips.items():
        if len(places[token]) > 1 and right not in written:
            continue  # written so more than once, never otherwise: meant (Groq, Qwen)
        if slip == "replaced" and right not in written:
            continue  # a replaced letter is too often another name (Gurman, German): only
            # beside the word itself (Zuckerburg in a text that writes Zuckerberg)
        for start, end in places[token]:
            if not ctx.in_focus(start, end):
                continue
            if taken is None:
                from .names import check_near_miss

                taken = [(f.start, f.end) for f in check_near_miss(ctx)] if ctx.matcher is not None else []
            if any(s < end and start < e for s, e in taken):
                continue  # N001's: a misspelt glossary name, with the glossary's form as its fix
            out.append(ctx.finding(
                LATIN_MISSPELLING, start, end,
                f"'{token}' is rare in English while '{right}', {SLIPS[slip]}, is common: a misspelling?",
                suggestion=right, applicability=Applicability.UNSAFE,
            ))
    yield from sorted(out, key=lambda f: f.start)


def check_spaced_word(ctx: LintContext):
    text = ctx.doc.text
    if " " not in text:
        return
    runs = [m for m in WORD.finditer(text)]
    words = None
    for a, b in zip(runs, runs[1:]):
        if b.start() != a.end() + 1 or text[a.end()] != " ":
            continue
        first, second = a.group(), b.group()
        if len(first) < 2 or len(second) < 2 or not second.islower() or not first[1:].islower():
            continue  # (a capitalised second piece is a word of its own: Hong Kong, Open AI)
        if not ctx.in_focus(a.start(), b.end()):
            continue
        if not (_bounded(text, a.start(), a.end()) and _bounded(text, b.start(), b.end())):
            continue
        words = words or latin_words()
        joined = words.zipf((first + second).lower())
        if joined is None or joined < COMMON:
            continue
        pieces = [words.zipf(first.lower()) or 0.0, words.zipf(second.lower()) or 0.0]
        if min(pieces) >= NO_WORD or joined <= max(pieces):
            continue  # two words (in deed, Face book) or a piece commoner than the whole
        right = first + second
        yield ctx.finding(
            SPACED_WORD, a.start(), b.end(),
            f"'{first} {second}' is the word '{right}' broken by a space ('{first if pieces[0] < NO_WORD else second}' "
            f"is no word)",
            suggestion=right, applicability=Applicability.UNSAFE,
        )


LATIN_MISSPELLING = Rule(
    code="N004", name="latin-misspelling", severity=Severity.WARNING,
    summary="A capitalised Latin word that is rare while a typing slip of a common name or word (Micorsoft, Jonh).",
    explanation=(
        "A capitalised Latin token of four letters or more that English text almost never writes\n"
        "(wordfreq: under once in a hundred million words) is compared with the words one typing slip\n"
        "away: two neighbouring letters swapped, or, from five letters, one letter replaced by a\n"
        "neighbouring key's or a vowel by a vowel, left out or added. The first letter is never the\n"
        "slip and a replaced, left-out or added letter is never the last (Qwen is no Owen, Groq no\n"
        "grow). When such a word is seen once in a million words or more (Microsoft, John, Zuckerberg),\n"
        "the token is flagged with it as an unsafe suggestion. Silent: glossary names (N001 reports their\n"
        "misspellings), words the list knows, and a token the text writes more than once and never the\n"
        "other way (a name it means). Real rare names one slip from a common word can still be flagged:\n"
        "allow them in the config or list them in the glossary."
    ),
    example="Micorsoft 宣布 → Microsoft 宣布", check=check_latin_misspelling, needs_glossary=False, fix="unsafe",
)

SPACED_WORD = Rule(
    code="A012", name="word-broken-by-space", severity=Severity.WARNING,
    summary="A Latin word broken by a space into pieces that are not both words (Interna tional, Goo gle).",
    explanation=(
        "OCR, PDF extraction and line-wrapped copy break words apart. Two Latin pieces separated by one\n"
        "space, the second in lower case, are flagged when joined they make a common word (wordfreq: once\n"
        "in a million words or more) that is commoner than either piece, and one piece is no word\n"
        "(under Zipf 2.5). Two real words stay silent (in deed, Face book), and so does a capitalised\n"
        "second piece (Hong Kong, Open AI). The fix joins them."
    ),
    example="Interna tional 公司 → International 公司", check=check_spaced_word, needs_glossary=False, fix="unsafe",
)
