"""Does a short glossary form stand as a word of its own where it was found?

A one- or two-character Chinese form is also a piece of many words: 元 for Meta sits inside
美元, 多元化, 单元, 元首 and 元宇宙. A glossary from another tool lists no exceptions, so the
words themselves decide: jieba's dictionary (plus data/words.txt, the words of today's news it
lacks) segments the text around the hit, and the hit counts only when it is a token of its own.
A one-character form right after a numeral (data/numerals.txt) is a unit: 5元, 三元, 亿元; one
inside a Chinese personal name (a surname of data/surnames.txt before it) is part of the name:
张德元, 李元栋.

Only forms some longer dictionary word contains need this; those words (`containing_words`) are
computed when a glossary is compiled, and the segmenter (jieba-rs, through rjieba) is loaded only
when one of them is written around a hit (美元 around 元), to tell which way the text is cut.
"""
from __future__ import annotations

import os
from functools import lru_cache

WINDOW = 8  # characters either side of the hit that are segmented with it
DEFAULT_FREQ = 1000


@lru_cache(maxsize=1)
def lexicon() -> tuple[tuple[str, int], ...]:
    """(word, frequency) of data/words.txt."""
    from .data import lines

    out = []
    for line in (x.strip() for x in lines("words.txt")):
        word, _, freq = line.partition(" ")
        out.append((word, int(freq) if freq.strip() else DEFAULT_FREQ))
    return tuple(out)


@lru_cache(maxsize=1)
def numerals() -> frozenset[str]:
    from .data import sections

    return frozenset("".join(sections("numerals.txt")["numerals"]))


@lru_cache(maxsize=1)
def approximators() -> frozenset[str]:
    from .data import sections

    return frozenset("".join(sections("numerals.txt")["approximate"]))


@lru_cache(maxsize=1)
def surnames() -> frozenset[str]:
    from .data import lines

    return frozenset("".join(x.strip() for x in lines("surnames.txt")))


@lru_cache(maxsize=1)
def function_characters() -> frozenset[str]:
    from .data import sections

    return frozenset("".join(sections("function_characters.txt")["function"]))


def after_numeral(text: str, start: int) -> bool:
    """Is text[start] a unit after a numeral: 5元, 亿元, and with a word of approximation
    between them, 百余元?"""
    before = text[start - 1] if start > 0 else ""
    if before in numerals():
        return True
    return before in approximators() and start > 1 and text[start - 2] in numerals()


def in_personal_name(text: str, start: int) -> bool:
    """Is the one character text[start] part of a Chinese personal name: the last of three after
    a surname and a given-name character (张德元, 熊承元), the middle of three after a surname with
    the name ending there (李元栋、), or the given name of two standing between punctuation
    (、王元、)? Surnames are data/surnames.txt; a function word or a numeral is no given-name
    character (周二元, 和元合作 stay hits)."""
    def han(i):
        return 0 <= i < len(text) and "\u4e00" <= text[i] <= "\u9fff"

    def given(i):
        return han(i) and text[i] not in function_characters() and text[i] not in numerals()

    def surname(i):
        return han(i) and _simplified(text[i]) in surnames()

    if surname(start - 2) and given(start - 1):
        return True
    if surname(start - 1) and given(start + 1) and not han(start + 2):
        return True
    return surname(start - 1) and not han(start - 2) and not han(start + 1)


def jieba_dictionary_path() -> str:
    """jieba's dictionary file (dict.txt: word, frequency, tag a line), without importing jieba's
    segmenter."""
    from importlib.util import find_spec

    return os.path.join(os.path.dirname(find_spec("jieba").origin), "dict.txt")


def jieba_entries():
    """(word, frequency) of every entry of jieba's dictionary."""
    for word, freq, _tag in jieba_tagged():
        yield word, freq


def jieba_tagged():
    """(word, frequency, part-of-speech tag) of every entry of jieba's dictionary: the one reader of
    that file. Tags: nr person, nrt transliterated name, ns place, nt organisation, nz other proper
    noun, n noun, … (often wrong for names: 莫斯科 is nr, 奥巴马 ns)."""
    with open(jieba_dictionary_path(), encoding="utf-8") as f:
        for line in f:
            word, freq, tag = (line.split() + ["", ""])[:3]
            yield word, int(freq), tag


def dictionary_words():
    """Every word of jieba's dictionary, then of data/words.txt."""
    for word, _ in jieba_entries():
        yield word
    for word, _ in lexicon():
        yield word


COMMON_FREQ = 3  # a form at least this frequent in jieba's dictionary is an ordinary word


def ordinary_words(forms) -> frozenset[str]:
    """The `forms` (Simplified) that are words of the dictionary in their own right: 模式, 羊驼,
    双子座, 劈柴. A deprecated glossary form that is one is a mistranslation only where the text
    is about the concept (see matcher: near another glossary name)."""
    wanted = set(forms)
    found = {w for w, freq in lexicon() if w in wanted and freq >= COMMON_FREQ}
    found.update(w for w, freq in jieba_entries() if w in wanted and freq >= COMMON_FREQ)
    return frozenset(found)


MAX_WORD = 8  # longer dictionary words are not looked for around a hit


def containing_words(forms) -> frozenset[str]:
    """The dictionary words (up to MAX_WORD characters) that contain one of `forms` (one or two
    characters each, Simplified) and are longer than it: 美元 and 多元化 for 元."""
    ones = {f for f in forms if len(f) == 1}
    twos = {f for f in forms if len(f) == 2}
    found: set[str] = set()
    for word in dictionary_words():
        n = len(word)
        if n < 2 or n > MAX_WORD:
            continue
        if (ones and any(c in ones for c in word)) or (
                twos and n > 2 and any(word[i:i + 2] in twos for i in range(n - 1))):
            found.add(word)
    return frozenset(found)


@lru_cache(maxsize=1)
def tokenizer():
    """jieba's segmenter with data/words.txt added, as jieba-rs (rjieba): the same cuts as jieba's
    own (checked on 276,000 windows of news), ready in 0.1 s where jieba takes 0.5 s to load."""
    import rjieba  # (importing it builds its default segmenter: a second one would cost as much again)

    for word, freq in lexicon():
        rjieba.add_word(word, freq, None)
    return rjieba


def stands_alone(text: str, start: int, end: int, containers: frozenset[str]) -> bool:
    """Is text[start:end] a word of its own in `text`: not a unit after a numeral, and not a piece
    of a longer word? `containers` are the dictionary words that contain the form: when none of
    them is written around the hit, it stands alone without asking the segmenter."""
    if end - start == 1 and (after_numeral(text, start) or in_personal_name(text, start)):
        return False
    lo, hi = max(0, start - WINDOW), min(len(text), end + WINDOW)
    window = _simplified(text[lo:hi])
    s, e = start - lo, end - lo
    if not any(window[i:j] in containers for i in range(max(0, e - MAX_WORD), s + 1)
               for j in range(max(e, i + 2), min(len(window), i + MAX_WORD) + 1) if (i, j) != (s, e)):
        return True
    return is_segment(text, start, end)


def is_segment(text: str, start: int, end: int) -> bool:
    """Whether the segmenter cuts text[start:end] out as one word or more, with no word running
    across either end (查德 in 理查德 is none, nor 尼日 in 尼日利亚), reading a window around it."""
    lo, hi = max(0, start - WINDOW), min(len(text), end + WINDOW)
    window = _simplified(text[lo:hi])
    pos, bounds = lo, {lo}
    for token in tokenizer().cut(window, False):
        pos += len(token)
        bounds.add(pos)
    return start in bounds and end in bounds


def _simplified(s: str) -> str:
    """`s` in Simplified characters (jieba's dictionary is Simplified), one for one."""
    from .script import to_simplified

    out = to_simplified(s)
    return out if len(out) == len(s) else s
