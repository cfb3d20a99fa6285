"""Where names stand in Chinese text: the candidate spans the sound-alike rules look at.

Pinyin is computed only for these short spans, never for the whole text:
- dotted names (名·姓) and their parts;
- the Chinese right before a bracketed Latin name (杨立昆(Yann LeCun));
- the characters right after a title (首席科学家杨立坤, CEO 王涛) or right before a speech
  verb or honorific (王涛表示, 王涛先生);
- a speaker's label opening a line of a transcript (兰伯特：).
"""
from __future__ import annotations

import re
from functools import lru_cache

from ..data import sections
from ..translit import TRANSLIT
from ..normalize import DOT, fold
from .textutil import lazy_re

TITLES = (
    "先生 女士 博士 教授 科学家 研究员 分析师 发言人 负责人 主管 总裁 总监 经理 主席 董事长 创始人 合伙人 "
    "首席执行官 首席技术官 首席产品官 首席运营官 首席财务官 首席营收官 首席AI官 首席人工智能官 执行官 "
    "CEO CTO CFO COO CPO 记者 作者 总统 部长 议员 参议员 院长 主任 工程师 高管 导师 创办人 校友 学者 专家 "
    "發言人 負責人 總裁 總監 經理 董事長 創始人 合夥人 首席執行官 首席技術官 執行長 技術長 記者 總統 議員 參議員 "
    "工程師 高管 導師 創辦人 研究員 分析師 科學家"
).split()
CUES_AFTER = (
    "表示 说 说道 称 认为 指出 透露 回忆 强调 写道 补充 解释 坦言 承认 宣布 警告 先生 女士 教授 博士 "
    "领导 带领 主导 负责 创立 创办 离开 加入 等人 回应 否认 直言 提到 呼吁 声称 告诉 批评 建议 预计 "
    "回應 否認 提到 呼籲 聲稱 批評 建議 預計 "
    "說 說道 稱 認為 回憶 強調 寫道 補充 解釋 承認 宣佈 領導 帶領 負責 創立 創辦 離開"
).split()
ADVERBS = "又|也|还|則|则|就|都|曾|已|再|将|將|随后|隨後|后来|後來|共同|一起|一同|均|亦"
CONJUNCTIONS = frozenset("和与及、與")

ADVERBS = tuple(ADVERBS.split("|"))
_ADVERB_1 = frozenset(a for a in ADVERBS if len(a) == 1)
_ADVERB_2 = frozenset(a for a in ADVERBS if len(a) == 2)
_HAN = "\u4e00-\u9fff\u3400-\u4dbf"  # what _is_cjk accepts
# Runs of Chinese characters found with `re` instead of a character at a time in Python.
# (\\Z, not $: $ also matches before a final line break, and a run must end exactly at `endpos`.)
_HAN_BEFORE_8 = lazy_re(f"[{_HAN}]{{1,8}}\\Z")
_HAN_AFTER_6 = lazy_re(f"[{_HAN}]{{0,6}}")
_HAN_OR_DOT_BEFORE_12 = lazy_re(f"[{_HAN}{DOT}]{{1,12}}\\Z")
_HAN_OR_HYPHEN_10 = lazy_re(f"[{_HAN}\\-]{{0,10}}")
GLOSS_LATIN = lazy_re(r"\s*([A-Za-z][A-Za-z.'’\- ]{0,39}?)\s*[,，)）]")  # folded text is lower case
_MARKERS = None  # an automaton over titles (the name follows) and cues (the name precedes)


def _markers():
    global _MARKERS
    if _MARKERS is None:
        import ahocorasick_rs

        words = [fold(w) for w in TITLES] + [fold(w) for w in CUES_AFTER]
        kinds = ["title"] * len(TITLES) + ["cue"] * len(CUES_AFTER)
        _MARKERS = (ahocorasick_rs.AhoCorasick(words, matchkind=ahocorasick_rs.MatchKind.LeftmostLongest), kinds)
    return _MARKERS


def _is_cjk(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff" or "\u3400" <= ch <= "\u4dbf"


is_cjk = _is_cjk


def candidate_groups(folded: str) -> list[list[tuple[int, int]]]:
    """Groups of alternative (start, end) spans where one name may stand, longest first.

    A rule takes the first span of a group that names something and moves to the next group.
    """
    groups = []
    n = len(folded)
    automaton, kinds = _markers()
    for index, start, end in automaton.find_matches_as_indexes(folded):
        if kinds[index] == "title":  # the name begins right after the title
            s = end + 1 if end < n and folded[end] == " " else end
            e = _HAN_AFTER_6.match(folded, s).end()
            if e - s >= 2:
                groups.append([(s, s + k) for k in range(e - s, 1, -1)])
        else:  # the name ends right before the cue, an adverb may come between
            e = start
            for _ in range(2):  # up to two adverbs (将共同领导)
                if e > 1 and folded[e - 2:e] in _ADVERB_2:
                    e -= 2
                elif e and folded[e - 1] in _ADVERB_1:
                    e -= 1
            s = _han_run_start(folded, e)
            if e - s >= 2:
                groups.append([(e - k, e) for k in range(e - s, 1, -1)])
                # Names joined by 和/与/、 share the cue (汪涛和弗里德曼将共同领导): the one before it too.
                run = folded[s:e]
                for i, ch in enumerate(run):
                    if ch in CONJUNCTIONS and i >= 2:
                        groups.append([(s + i - k, s + i) for k in range(i, 1, -1)])
    for s, e, _latin in glossed(folded):  # the name ends right before the bracket
        groups.append([(e - k, e) for k in range(e - s, 1, -1)])
    for s, e in _speaker_labels(folded):  # a speaker label: 兰伯特：……
        groups.append([(e - k, e) for k in range(e - s, 1, -1)])
    for start, end, parts in dotted_names(folded):
        first_end = start + len(parts[0])
        last_start = end - len(parts[-1])
        given = range(min(len(parts[0]), 6), 0, -1)
        surname = range(min(len(parts[-1]), 8), 0, -1)
        full = [(first_end - g, last_start + k) for g in given for k in surname]
        full.sort(key=lambda se: se[0] - se[1])
        groups.append(full)
        groups.append([(last_start, last_start + k) for k in surname if k >= 2])
    return groups


def _speaker_labels(folded: str):
    """(start, end) of a speaker's name opening a line of a transcript, before a colon (兰伯特：,
    马克·扎克伯格:). Found from the colons with string methods: a regex with a class over the
    Chinese block costs 3 ms to compile, a tenth of a commit hook's budget."""
    for colon in ("：", ":"):
        i = folded.find(colon)
        while i != -1:
            line_start = folded.rfind("\n", 0, i) + 1
            if i - line_start <= 16:
                label = folded[line_start:i].strip(" \t\u3000")
                if 2 <= len(label) <= 12 and all(_is_cjk(c) or c == DOT for c in label):
                    end = folded.rfind(label, line_start, i + 1) + len(label)
                    yield end - len(label), end
            i = folded.find(colon, i + 1)


def name_groups(ctx, folded: str) -> list:
    """candidate_groups, computed once per document and shared by N002 and N003."""
    def compute():
        groups = candidate_groups(folded)
        if ctx.focus is not None:
            groups = [g for g in groups if g and ctx.in_focus(min(s for s, _ in g), max(e for _, e in g))]
        return groups

    return ctx.memo("names.groups", compute)


def _han_run_start(folded: str, end: int) -> int:
    """Where the run of up to 8 Chinese characters ending at `end` starts (`end` if none)."""
    m = _HAN_BEFORE_8.search(folded, max(0, end - 8), end)
    return m.start() if m else end


def dotted_names(folded: str):
    """(start, end, parts) of every 名·姓 run: Chinese characters joined by middle dots."""
    return _dotted_names(folded)


@lru_cache(maxsize=1)
def _dotted_names(folded: str) -> tuple:
    # Cached for the document at hand: N002 and N003 both ask, each with its own folded copy.
    return tuple(_find_dotted_names(folded))


def _find_dotted_names(folded: str):
    i = folded.find(DOT)
    n = len(folded)
    while i != -1:
        s = _han_run_start(folded, i)
        e = i
        while True:  # 名·名·姓: follow every dot of the chain
            j = _HAN_OR_HYPHEN_10.match(folded, e + 1).end()
            if j == e + 1:
                break
            e = j
            if e < n and folded[e] == DOT:
                continue
            break
        if s < i and e > i + 1:
            yield s, e, tuple(folded[s:e].split(DOT))  # a tuple: the result is cached and shared
        i = folded.find(DOT, max(e, i + 1))


def glossed(folded: str):
    """(start, end, latin) for every Chinese run (up to 12 characters, dots allowed) followed by a
    bracketed Latin name: 杨立昆(yann lecun). Anchored on the brackets, so it costs little."""
    return _glossed(folded)


@lru_cache(maxsize=1)
def _glossed(folded: str) -> tuple:
    return tuple(_find_glossed(folded))


def _find_glossed(folded: str):
    n = len(folded)
    for bracket in ("(", "（"):
        i = folded.find(bracket)
        while i != -1:
            m = GLOSS_LATIN.match(folded, i + 1)
            if m:
                e = i
                while e > 0 and folded[e - 1] == " ":
                    e -= 1
                run = _HAN_OR_DOT_BEFORE_12.search(folded, max(0, e - 12), e)
                s = run.start() if run else e
                if e - s >= 2:
                    yield s, e, m.group(1).strip()
            i = folded.find(bracket, i + 1) if i + 1 < n else -1


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


@lru_cache(maxsize=65536)
def _anchors(name: str) -> tuple[tuple[str, int, int], ...]:
    """(anchor, changed position, anchor's offset in the name) for each character of `name`:
    the longer side of the name around that character, when it has two characters or more."""
    out = []
    for i in range(len(name)):
        left, right = name[:i], name[i + 1:]
        anchor, offset = (left, 0) if len(left) >= len(right) else (right, i + 1)
        if len(anchor) >= 2:
            out.append((anchor, i, offset))
    return tuple(out)


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


@lru_cache(maxsize=64)
def by_outer_pair(names: tuple[str, ...]) -> dict:
    """Three-character names by their outer pair (英达 → [英伟达]), and under "\x00" a pattern of
    their first characters."""
    by_ends: dict = {}
    for name in names:
        by_ends.setdefault(name[0] + name[2], []).append(name)
    by_ends["\x00"] = re.compile(f"[{re.escape(''.join(sorted({x[0] for x in names})))}]")
    return by_ends


def one_char_variants(folded: str, names, where=None) -> dict[str, str]:
    """Strings of `folded` that differ from one of `names` (three characters or more) in exactly one
    Chinese character: variant → the name it varies. One automaton pass over the text, anchored on
    the parts of each name left and right of the changed character. `where(start, end)`, if given,
    says which places to look at."""
    import ahocorasick_rs

    anchors, meta, middles = [], [], []
    for name in names:
        if len(name) < 3:
            continue
        for anchor, i, offset in _anchors(name):
            anchors.append(anchor)
            meta.append((name, i, offset))
        if len(name) == 3:  # its middle has one character on each side: no anchor of two
            middles.append(name)
    if not anchors:
        return {}
    automaton = ahocorasick_rs.AhoCorasick(anchors)
    found: dict[str, str] = {}
    n = len(folded)
    matches = automaton.find_matches_as_indexes(folded, overlapping=True)
    if middles:  # 英维达 for 英伟达: the two outer characters with one between
        for name, start in middle_candidates(folded, middles):
            matches.append((len(meta), start, start))
            meta.append((name, 1, 0))
    for index, start, _end in matches:
        name, i, offset = meta[index]
        s = start - offset
        e = s + len(name)
        if s < 0 or e > n or (where is not None and not where(s, e)):
            continue
        candidate = folded[s:e]
        if candidate == name or candidate in names or not _is_cjk(candidate[i]):
            continue
        if candidate[:i] == name[:i] and candidate[i + 1:] == name[i + 1:]:
            if (i == 0 and s and folded[s - 1] == name[0]) or (i == len(name) - 1 and e < n and folded[e] == name[-1]):
                continue  # a character inserted next to the name's own (奥尔特曼 around 奥特曼), not a changed one
            if e < n and _is_cjk(folded[e]) and (
                    folded[e] not in AFTER_NAME and folded[e] not in _CUE_STARTS if i == len(name) - 1
                    else folded[e] in TRANSLIT and folded[e] not in AFTER_NAME):
                # The name goes on (阿莫代伊 beside 阿莫迪, 布罗特比 beside 布朗特): longer, not one off. After a
                # changed last character, anything but a word that may follow a name (兰德利回应) says so;
                # after another, only a transliteration's character does (阿尔特曼显然 is a name and a word).
                continue
            if i > 0 and s and folded[s - 1] in TRANSLIT:
                continue  # it starts earlier: 克伯格 of 扎克伯格 is no 克莱格 with one character changed
            found.setdefault(candidate, name)
    return found


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
