"""Where names stand in Chinese text: the candidate spans the sound-alike rules look at.

Pinyin is computed only for these short spans, never for the whole text:
- dotted names (名·姓) and their parts;
- the Chinese right before a bracketed Latin name (杨立昆(Yann LeCun));
- the characters right after a title (首席科学家杨立坤, CEO 王涛) or right before a speech
  verb or honorific (王涛表示, 王涛先生);
- a speaker's label opening a line of a transcript (兰伯特：).
"""
from __future__ import annotations

from functools import lru_cache

from ..data import sections
from ..translit import TRANSLIT
from ..normalize import DOT, fold
from ..sound_index import by_outer_pair


def _words(section: str) -> list[str]:
    return [w for line in sections("name_cues.txt")[section] for w in line.split()]


TITLES = tuple(_words("titles"))  # a name follows
CUES_AFTER = tuple(_words("cues"))  # a name precedes
ADVERBS = tuple(_words("adverbs"))  # may stand between a name and its cue
CONJUNCTIONS = frozenset(_words("conjunctions"))  # join names that share a cue
_SPANS = None  # the compiled core's NameSpans, built on first use


def _spans():
    global _SPANS
    if _SPANS is None:
        from .._core import NameSpans

        _SPANS = NameSpans([fold(w) for w in TITLES], [fold(w) for w in CUES_AFTER], list(ADVERBS),
                           "".join(sorted(CONJUNCTIONS)))
    return _SPANS


def _is_cjk(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff" or "\u3400" <= ch <= "\u4dbf"


is_cjk = _is_cjk


def candidate_groups(folded: str) -> list[list[tuple[int, int]]]:
    """Groups of alternative (start, end) spans where one name may stand, longest first (found by
    the compiled core: core/src/name_spans.rs).

    A rule takes the first span of a group that names something and moves to the next group.
    """
    return _spans().candidate_groups(folded)


def all_name_groups(ctx, folded: str) -> list:
    """candidate_groups of the whole document, focus or not, computed once per document."""
    return ctx.memo("names.groups.all", lambda: candidate_groups(folded))


def name_groups(ctx, folded: str) -> list:
    """candidate_groups that meet the focus, computed once per document and shared by N002, N003
    and N005."""
    def compute():
        groups = all_name_groups(ctx, folded)
        if ctx.focus is not None:
            groups = [g for g in groups if g and ctx.in_focus(min(s for s, _ in g), max(e for _, e in g))]
        return groups

    return ctx.memo("names.groups", compute)


def dotted_names(folded: str):
    """(start, end, parts) of every 名·姓 run: Chinese characters joined by middle dots."""
    return _dotted_names(folded)


@lru_cache(maxsize=1)
def _dotted_names(folded: str) -> tuple:
    # Cached for the document at hand: N002 and N003 both ask, each with its own folded copy.
    return tuple((s, e, tuple(parts)) for s, e, parts in _spans().dotted_names(folded))


def glossed(folded: str):
    """(start, end, latin) for every Chinese run (up to 12 characters, dots allowed) followed by a
    bracketed Latin name: 杨立昆(yann lecun)."""
    return _glossed(folded)


@lru_cache(maxsize=1)
def _glossed(folded: str) -> tuple:
    return tuple(_spans().glossed(folded))


def glossed_pairs(folded: str):
    """(start, end, latin) of Chinese names glossed by a Latin name in brackets."""
    for s, e, latin in glossed(folded):
        zh = folded[s:e]
        if DOT in zh or len(zh) <= 8:
            yield s, e, latin.lower()


# Where a name ends in running text (阿莫代又说 → 阿莫代): function words, verbs of saying, particles.
STOP = frozenset("".join(line for part in sections("function_characters.txt").values() for line in part))


# What may follow a name besides STOP: the first characters of time words and verbs that start a
# sentence's predicate (阿莫代周二表示, 扎克伯哥今年, 阿莫代首次). Transliterations seldom use them, but
# STOP, which also cuts names apart, leaves out the few they do use (本, 加, 可).
_CUE_STARTS = frozenset(c[0] for c in CUES_AFTER)
AFTER_NAME = STOP | frozenset("周今昨明近早首随正仍便均刚应通领带发接出参离创负担成有亦皆此週隨領帶發參離創負擔"
                              "多当去一日目常总始同几當總幾")  # 多年前, 当时, 去年, 一直, 日前, 目前, 常说, 总是, 始终


_TITLES_LONGEST_FIRST = tuple(sorted((t for t in TITLES if not t.isascii()), key=len, reverse=True))


def without_title(run: str) -> str:
    """分析师巴特尔 → 巴特尔: a title before a name is no part of it."""
    for title in _TITLES_LONGEST_FIRST:
        if run.startswith(title) and len(run) - len(title) >= 2:
            return run[len(title):]
    return run


def leading_name(part: str, max_len: int = 8) -> str:
    """The start of `part` up to the first function word or verb (阿莫代又说 → 阿莫代)."""
    n = 0
    while n < min(len(part), max_len) and part[n] not in STOP:
        n += 1
    return part[:n]


def trailing_name(part: str, max_len: int = 8) -> str:
    """The end of `part` back to the last function word or verb (表示阿尔特曼 → 阿尔特曼)."""
    n = 0
    while n < min(len(part), max_len) and part[-1 - n] not in STOP:
        n += 1
    return part[len(part) - n:]


def middle_candidates(folded: str, names) -> list[tuple[str, int]]:
    """(name, start) wherever a three-character name's outer characters stand with one other
    character between: 英维达 for 英伟达. `re` finds the first characters (a class it skips along),
    a dict keyed by the outer pair does the rest: a look-ahead or an alternation of the names made
    `re` try every position, and a loop over names sharing a first character was slow with
    thousands of names."""
    by_ends = by_outer_pair(tuple(names)) if not isinstance(names, dict) else names
    out = []
    n = len(folded)
    for m in by_ends["\x00"].finditer(folded):
        i = m.start()
        if i + 2 < n:
            for name in by_ends.get(folded[i] + folded[i + 2], ()):
                if folded[i + 1] != name[1] and _is_cjk(folded[i + 1]):
                    out.append((name, i))
    return out


def one_char_variants(folded: str, names, focus=None) -> dict[str, str]:
    """Strings of `folded` that differ from one of `names` (three characters or more) in exactly one
    Chinese character: variant → the name it varies (found by the compiled core, core/src/variants.rs,
    anchored on the parts of each name left and right of the changed character, and on the outer
    pair of a three-character name: 英维达 for 英伟达). Not a variant: a character inserted next to
    the name's own (奥尔特曼 around 奥特曼); a name that goes on (阿莫代伊 beside 阿莫迪: after a
    changed last character anything but a word that may follow a name says so, after another only
    a transliteration's character does); one that starts earlier (克伯格 of 扎克伯格). `focus` (a
    textutil.SpanSet), if given, says which places to look at."""
    return dict(_variants().one_char_variants(folded, list(names), None if focus is None else focus.spans))


_VARIANTS = None


def _variants():
    global _VARIANTS
    if _VARIANTS is None:
        from .._core import Variants

        _VARIANTS = Variants("".join(sorted(AFTER_NAME)), "".join(sorted(_CUE_STARTS)), "".join(sorted(TRANSLIT)))
    return _VARIANTS


# Initials that transliterations of one sound swap (v → 弗 fu / 维 wei, p/b, t/d, k/g).
CONFUSABLE = [set("fw"), set("bp"), set("dt"), set("gk")]
LR = set("lr")  # English r is 雷, 瑞, 里 or 莱 by turns: confusable from three syllables (克雷斯 / 克瑞斯)


def _initial(syllable: str) -> str:
    for two in ("zh", "ch", "sh"):
        if syllable.startswith(two):
            return two
    return syllable[:1] if syllable[:1] not in "aeiouv" else ""


def near_syllables(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """Same syllables, or (three syllables or more) all but one, whose initials agree or are l/r;
    from four syllables the initials may also be another confusable pair (苏茨克弗 / 苏茨克维)."""
    if a == b:
        return True
    if len(a) != len(b) or len(a) < 3:
        return False
    diff = [(x, y) for x, y in zip(a, b) if x != y]
    if len(diff) != 1:
        return False
    x, y = _initial(diff[0][0]), _initial(diff[0][1])
    return x == y or {x, y} == LR or (len(a) >= 4 and any({x, y} <= pair for pair in CONFUSABLE))


@lru_cache(maxsize=65536)
def syllables(piece: str) -> tuple[str, ...]:
    """Toneless pinyin of `piece`, one syllable per character (a heteronym's first reading)."""
    readings, to_simplified = _reading_tools()
    return tuple(readings.get(ord(c), (c,))[0] for c in to_simplified(piece))


@lru_cache(maxsize=1)
def _reading_tools():
    from ..phonetics import reading_table
    from ..script import to_simplified

    return reading_table(), to_simplified


def near_sound(a: str, b: str) -> bool:
    """Whether two renderings sound the same or close (see `near_syllables`)."""
    return near_syllables(syllables(a), syllables(b))
