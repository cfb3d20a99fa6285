"""Which legacy encoding a file without a BOM that is not UTF-8 is in: GB18030 or Big5.

Both decode most byte strings, so validity says little: a three-character Big5 name reads as
valid, wrong GB18030. Each candidate decoding is scored as text instead — the sum of the
characters' costs (data/hanzi_costs.txt, data/text_marks.txt: -log2 of how often each occurs),
and, when that leaves the two close, a bonus for each pair of characters that begins or
continues a dictionary word (jieba's). A guess whose margin is still small is `uncertain`, and
the caller says which encoding it assumed.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

CANDIDATES = ("gb18030", "big5")
FOREIGN = 26.0  # a non-ASCII character in neither data file (kana, Cyrillic, box drawing)
UNASSIGNED = 3 * FOREIGN  # private use or unassigned: no real text has them
WORD_PAIR_BONUS = 6.0  # bits credited per adjacent pair found in a dictionary word
CLEAR_MARGIN = 7.0  # bits (~1:128) between the best two decodings for a guess to be certain
IMPLAUSIBLE = 18.0  # mean bits per non-ASCII character above which no decoding is text
IMPLAUSIBLE_AFTER = 8  # ... judged only with at least this many non-ASCII characters
NAMES = {"gb18030": "GB18030", "big5": "Big5"}


@dataclass(frozen=True)
class Guess:
    encoding: str  # the codec to decode with
    text: str
    uncertain: bool = False
    runner_up: str | None = None  # the other plausible encoding, when uncertain


def guess_legacy(data: bytes) -> Guess | None:
    """The likeliest of CANDIDATES for `data`, or None when no candidate reads as text."""
    scored = []
    for name in CANDIDATES:
        try:
            text = data.decode(name)
        except UnicodeDecodeError:
            continue
        scored.append([text_cost(text), name, text])
    if not scored:
        return None
    scored.sort()
    if len(scored) > 1 and scored[1][0] - scored[0][0] < CLEAR_MARGIN:
        for entry in scored:
            entry[0] -= WORD_PAIR_BONUS * word_pairs_in(entry[2])
        scored.sort()
    cost, name, text = scored[0]
    wide = sum(1 for c in text if not c.isascii())
    if wide >= IMPLAUSIBLE_AFTER and cost / wide > IMPLAUSIBLE:
        return None
    if len(scored) > 1 and scored[1][0] - cost < CLEAR_MARGIN:
        return Guess(name, text, uncertain=True, runner_up=scored[1][1])
    return Guess(name, text)


def text_cost(text: str) -> float:
    """Bits needed for the non-ASCII characters of `text` under a character model of Chinese."""
    costs = _costs()
    total = 0.0
    for c in text:
        if c.isascii():
            continue
        cost = costs.get(c)
        if cost is None:
            cost = _unlisted(c)
        total += cost
    return total


def _unlisted(c: str) -> float:
    import unicodedata

    return UNASSIGNED if unicodedata.category(c) in ("Co", "Cn") else FOREIGN


def word_pairs_in(text: str) -> int:
    """Adjacent character pairs of `text` (in Simplified form) that occur inside a word of
    jieba's dictionary."""
    from .script import to_simplified

    simple = to_simplified(text)
    pairs = _dictionary_pairs()
    return sum(1 for i in range(len(simple) - 1) if simple[i:i + 2] in pairs)


@lru_cache(maxsize=1)
def _costs() -> dict[str, float]:
    from .data import lines

    out: dict[str, float] = {}
    for name in ("hanzi_costs.txt", "text_marks.txt"):
        for line in lines(name):
            cost, chars = line.split("\t", 1)
            for c in chars:
                out.setdefault(c, float(cost))
    return out


@lru_cache(maxsize=1)
def _dictionary_pairs() -> frozenset[str]:
    from .words import jieba_entries

    pairs = set()
    for word, _ in jieba_entries():
        pairs.update(word[i:i + 2] for i in range(len(word) - 1))
    return frozenset(pairs)


def describe(guess: Guess, path: str) -> str:
    """The note for an uncertain guess: what was assumed and how to choose another."""
    other = guess.runner_up or ""
    return (f"{path}: guessed the encoding {NAMES.get(guess.encoding, guess.encoding)} "
            f"({NAMES.get(other, other)} is almost as likely for so short a text); if the "
            f"findings look wrong, pass --encoding {other} or set encoding = \"{other}\" in mtqa.toml")

