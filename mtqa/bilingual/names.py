"""Latin names in an English source, and where (or whether) they appear in a Chinese target.

A name is a run of name-like tokens separated by single spaces, as Xbench's CamelCase,
ALL-UPPERCASE and alphanumeric checks see them, plus runs of capitalised words:
- CamelCase (OpenAI, LeCun, iPhone), ALL CAPS of two letters or more (GPU, MSL),
  letters with digits (GPT-4o, H100): written as is in Chinese text, so missing is a warning
  (but not measures and dates that start with a digit or are quarter codes: 70B, 5nm, Q3, FY2025);
- two or more capitalised words (Tomasz Tunguz, Reality Labs): often kept in Latin, but a person
  may be transliterated, so missing is only information;
- a single capitalised word (Revenue at the start of a sentence, Chinese, Llama) is never
  reported missing, only misspelt.
Capitalised function words, days and months break runs (The, In, Monday); a number or a common
acronym continues a run and makes it a product or company name (Llama 4, Scale AI), but a common
acronym alone or first (AI, CEO Mark Zuckerberg) is left out: Chinese text translates it.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

TOKEN = re.compile(r"[A-Za-z0-9]*[A-Za-z][A-Za-z0-9]*(?:[-'’&.+][A-Za-z0-9]+)*\+*|\d+(?:\.\d+)?")
CAMEL = re.compile(r"[a-z][A-Z]")
# Acronyms that Chinese text normally translates (AI → 人工智能); never reported missing.
COMMON_ACRONYMS = frozenset("AI CEO CFO CTO COO CMO US USA UK EU UN IPO GDP PC TV OK AM PM U.S U.K U.N E.U".split())
STOPWORDS = frozenset("""
A An The In On At For But And Or Nor So Yet Of To From By With Without As After Before When While If
This That These Those It Its He She They We You I His Her Their Our Your My Me Him Them Us
According Last Next Earlier Later Meanwhile However Also Some Many Most All Both Each Every Other Such
What Which Who Whom Whose Why How Now Then There Here Still Even Only Just Since Until Though Although
Mr Ms Mrs Dr Sir Inc Ltd Co Corp
About Around Approximately Nearly Almost Roughly Over Under Up Down More Less Fewer Than Another Top
Chapter Figure Section Table Page Step Phase Round Part Number No Year Day Week Month Quarter Level
Monday Tuesday Wednesday Thursday Friday Saturday Sunday
January February March April May June July August September October November December
""".split())
STRONG, PERSON, WORD = "strong", "multiword", "word"


@dataclass(frozen=True, slots=True)
class Name:
    text: str
    start: int
    end: int
    kind: str  # STRONG, PERSON (two+ capitalised words) or WORD (one capitalised word)
    words: int


# Dates and measures written with letters: translated, not names (Q3 → 第三季度, 70B → 700亿).
DATE_CODE = re.compile(r"^(?:Q[1-4]|H[12]|[FC]Y\d{2,4})$")


def _token_kind(tok: str) -> str | None:
    first = tok[0]
    if first.isdigit():
        return "num" if tok.replace(".", "").isdigit() else None  # 4, 3.5 | 70B, 5nm, 1990s: measures
    if first.islower():
        return "camel" if CAMEL.search(tok) else None  # iPhone, xAI | ordinary words
    if DATE_CODE.match(tok):
        return None
    if not tok.isalpha() and any(c.isdigit() for c in tok):
        return "alnum"
    if tok.isupper():
        if sum(c.isalpha() for c in tok) < 2:
            return None
        return "common" if tok in COMMON_ACRONYMS else "caps"
    if CAMEL.search(tok):
        return "camel"
    return "cap" if tok not in STOPWORDS else None


def _sentence_start(text: str, start: int) -> bool:
    before = text[:start].rstrip()
    return not before or before[-1] in ".!?:;\"“‘'(「《\n"


def latin_names(text: str, covered: bytearray | None = None) -> list[Name]:
    """Names in `text`, skipping tokens inside `covered` spans (glossary hits)."""
    names: list[Name] = []
    run: list[tuple[re.Match, str]] = []

    def flush() -> None:
        if run:
            kinds = {k for _, k in run}
            start = run[0][0].start()
            if "num" in kinds or "common" in kinds:  # Llama 4, Scale AI: a product or company name
                kinds = (kinds - {"num", "common"}) | {"caps"}
            end = run[-1][0].end()
            words = sum(1 for _, k in run if k != "num")
            if kinds & {"alnum", "camel", "caps"}:
                kind = STRONG
            elif words >= 2:
                kind = PERSON
            elif kinds == {"cap"} and not _sentence_start(text, start):
                kind = WORD
            else:
                kind = None
            if kind is not None:
                names.append(Name(text[start:end], start, end, kind, words))
        run.clear()

    for m in TOKEN.finditer(text):
        tok = m.group()
        if covered is not None and covered.find(1, m.start(), m.end()) != -1:
            flush()
            continue
        kind = _token_kind(tok)
        before = text[m.start() - 1] if m.start() else ""
        if before.isascii() and before.isalnum():
            kind = None  # inside a word the regex split (rare: a 'x' between tokens)
        joined = bool(run) and text[run[-1][0].end():m.start()] == " "
        if kind is None or (kind in ("num", "common") and not joined):
            flush()
            continue
        if run and not joined:
            flush()
        run.append((m, kind))
    flush()
    return names


def find_exact(name: str, text: str) -> int:
    """Where `name` appears in `text` on Latin word boundaries (case-sensitive), or -1."""
    for m in re.finditer(re.escape(name), text):
        s, e = m.span()
        if (s == 0 or not _word_char(text[s - 1])) and (e == len(text) or not _word_char(text[e])):
            return s
    return -1


def _word_char(ch: str) -> bool:
    return ch.isascii() and ch.isalnum()


def near_miss(name: str, text: str) -> tuple[int, int] | None:
    """The span of a run of Latin words in `text` that is `name` misspelt: the same words but for case,
    or all words equal but one, which keeps its first letter, is one or two edits away (one for
    short words) and keeps 60% of its letters."""
    words = name.split(" ")
    n = len(words)
    if len(name) < 4:
        return None
    tokens = [m for m in TOKEN.finditer(text) if any(c.isalpha() for c in m.group())]
    for i in range(len(tokens) - n + 1):
        group = tokens[i:i + n]
        if any(text[a.end():b.start()] != " " for a, b in zip(group, group[1:])):
            continue
        candidate = [m.group() for m in group]
        if candidate == words:
            continue
        span = group[0].start(), group[-1].end()
        if [w.lower() for w in candidate] == [w.lower() for w in words]:
            return span
        diff = [(a.lower(), b.lower()) for a, b in zip(candidate, words) if a.lower() != b.lower()]
        if len(diff) == 1 and _near_word(*diff[0]):
            return span
    return None


def _near_word(a: str, b: str) -> bool:
    from rapidfuzz.distance import Levenshtein

    if a[0] != b[0] or min(len(a), len(b)) < 3:
        return False
    d = Levenshtein.distance(a, b)
    return d <= (1 if max(len(a), len(b)) < 5 else 2) and 1 - d / max(len(a), len(b)) >= 0.6
