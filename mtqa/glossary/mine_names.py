"""Find names in Chinese text, for `mine`: "中文(Latin)" pairs, dotted transliterations, jieba names.

Where a Chinese name starts is the hard part (首席技术官安德鲁·博斯沃思: the name starts at 安).
Two kinds of evidence decide it, and the start must satisfy both:
- jieba's word boundaries (宣布埃隆·马斯克 → 宣布 | 埃隆), and
- for dotted foreign names, the characters Chinese uses to transliterate foreign sounds
  (Xinhua's name-transliteration tables): 官 or 的 never begin 安德鲁 or 扬;
- for undotted names, jieba's part-of-speech tags: the trailing words that are proper nouns
  (nr, ns, nt, nz…) or unknown to its dictionary, optionally followed by an organisation
  suffix (集团, 航空, 实验室…); a common word (部门) is never a name.
All functions take Simplified text (callers convert) and return offsets into it.
"""
from __future__ import annotations

import re
from functools import lru_cache

from ..translit import TRANSLIT
from ..words import surnames  # shared with the sound-alike rules

DOTS = "·・•‧･．⋅∙"
HAN = r"\u4e00-\u9fff"
# Dotted names: 克里斯·考克斯, 艾哈迈德·阿尔-达赫勒 (a run that ends right before the match is trimmed later).
DOTTED = re.compile(rf"[{HAN}\-]{{1,12}}(?:[{DOTS}][{HAN}\-]{{1,12}})+")
ORG_SUFFIXES = frozenset("公司 集团 银行 大学 学院 实验室 研究院 研究所 基金会 航空 资本 科技 控股 基金 协会 委员会 "
                         "工作室 事务所 证券 保险 传媒 电信 汽车 半导体 智能".split())
# The commonest Chinese surnames: a rare three-character dictionary "name" must start with one
# (李开复) or be a transliteration (克里斯); 双刃剑, which jieba's dictionary tags nr, is neither.
SURNAMES = surnames()
PROPER_TAGS = frozenset({"nr", "nrt", "nrfg", "ns", "nt", "nz", "eng"})
PERSON_TAGS = frozenset({"nr", "nrt", "nrfg"})
ORG_TAGS = frozenset({"nt"})
# A Latin name as written in a bracket or before one: words of letters, digits and . & ' -
LATIN_WORD = r"[A-Za-z0-9À-ÖØ-öø-ÿ][A-Za-z0-9À-ÖØ-öø-ÿ.&'’\-]*"
LATIN_NAME = re.compile(rf"{LATIN_WORD}(?: {LATIN_WORD}){{0,5}}")
ORG_WORDS = frozenset("inc inc. corp corp. corporation ltd ltd. llc co. company group labs lab laboratory "
                      "university institute foundation airways airlines bank capital ventures partners holdings "
                      "technologies systems association agency".split())


RARE_WORD = 50  # jieba dictionary frequency under which a word is no everyday word
OOV = "oov"  # the tag of a word jieba's dictionary does not know (found by its HMM: often a name)


@lru_cache(maxsize=1)
def _jieba():
    """jieba with its dictionary's part-of-speech tags (posseg's per-word HMM is ~50× slower)."""
    import jieba
    import jieba.posseg

    jieba.setLogLevel(60)  # no "Building prefix dict" chatter on stderr
    jieba.initialize()
    return jieba, jieba.posseg.dt.word_tag_tab


def segment(text: str) -> list[tuple[int, int, str, str]]:
    """(start, end, word, tag) for every jieba word of `text`; `tag` is the dictionary's, or OOV."""
    jieba, tags = _jieba()
    freq = jieba.dt.FREQ
    out, pos = [], 0
    for word in jieba.cut(text, HMM=True):
        tag = tags.get(word) if freq.get(word, 0) > 0 else None
        out.append((pos, pos + len(word), word, tag or (OOV if re.match(rf"[{HAN}]", word) else "x")))
        pos += len(word)
    return out


def frequency(word: str) -> int:
    jieba, _ = _jieba()
    return jieba.dt.FREQ.get(word, 0)


def is_translit(text: str) -> bool:
    return bool(text) and all(ch in TRANSLIT for ch in text)


def plausible_latin_name(text: str) -> bool:
    """A name, not a phrase, pinyin or a lower-case word: ≤ 6 words, a capital letter or digit."""
    return (LATIN_NAME.fullmatch(text) is not None and any(c.isupper() or c.isdigit() for c in text)
            and any(c.isalpha() for c in text) and len(text) <= 60)


def _boundaries(words) -> set[int]:
    """Where a name may start: jieba word starts, and anywhere inside a word jieba only guessed (OOV)."""
    out = set()
    for s, e, _, tag in words:
        out.update(range(s, e) if tag == OOV else (s,))
        out.add(e)
    return out


def _translit_start(part: str, boundaries: set[int], offset: int, longest: int = 6) -> int | None:
    """Start (in `part`) of the longest suffix of transliteration characters that begins on a word boundary."""
    best = None
    for k in range(1, min(longest, len(part)) + 1):
        start = len(part) - k
        if part[start] not in TRANSLIT:
            break
        if offset + start in boundaries:
            best = start
    return best


def dotted_name_before(text: str, end: int) -> tuple[int, int] | None:
    """The dotted foreign name that ends at `end` (克里斯·考克斯 in 首席产品官克里斯·考克斯), or None."""
    start = end
    while start > 0 and (re.match(rf"[{HAN}\-{DOTS}]", text[start - 1])) and end - start < 40:
        start -= 1
    run = text[start:end]
    if not any(d in run for d in DOTS):
        return None
    first_dot = min(run.index(d) for d in DOTS if d in run)
    head = run[:first_dot]
    parts = re.split(f"[{DOTS}]", run[first_dot + 1:])
    if not head or not all(parts):
        return None
    if not (is_translit(parts[-1]) or len(parts[-1]) <= 2):
        return None  # 沃兹尼亚克和维珍航空: the dotted name ended earlier
    k = _translit_start(head, _boundaries(segment(head)), 0)
    if k is None:
        return None
    return start + k, end


def dotted_names(text: str) -> list[tuple[int, int]]:
    """Every dotted foreign name in `text`, trimmed at both ends to jieba words of transliteration characters."""
    out = []
    for m in DOTTED.finditer(text):
        run = m.group()
        parts = re.split(f"[{DOTS}]", run)
        first, last = parts[0], parts[-1]
        k = _translit_start(first, _boundaries(segment(first)), 0)
        if k is None:
            continue
        tail_words = segment(last)
        keep = 0
        for s, e, w, _ in tail_words:
            if is_translit(w):
                keep = e
            else:
                break
        if keep == 0 and tail_words and len(tail_words[0][2]) <= 2:
            keep = tail_words[0][1]  # a Chinese surname as the last part: 亚历山大·王
        if keep == 0:
            continue
        start = m.start() + k
        end = m.end() - (len(last) - keep)
        if end - start >= 3:
            out.append((start, end))
    return out


def undotted_name_before(text: str, end: int, limit: int = 24) -> tuple[int, int, str] | None:
    """(start, end, kind) of the proper noun ending at `end` (杨立昆 in 科学家杨立昆), kind person/org/other."""
    start = end
    while start > 0 and re.match(rf"[{HAN}]", text[start - 1]) and end - start < limit:
        start -= 1
    if start == end:
        return None
    words = segment(text[start:end])
    taken, proper, guessed, kinds = [], False, True, set()
    if len(words) >= 2 and len(words[-1][2]) == 1 and words[-1][3] in ("n", "ng") and words[-2][3] == OOV:
        s0, e0 = words[-2][0], words[-1][1]  # 台积 + 电: one character completes a word jieba did not know
        words = words[:-2] + [(s0, e0, text[start + s0:start + e0], OOV)]
    for s, e, w, tag in reversed(words):
        if not taken and w in ORG_SUFFIXES:
            taken.append((s, e))
            kinds.add("org")
            continue
        if tag in PROPER_TAGS or tag == OOV:
            taken.append((s, e))
            proper = True
            guessed = guessed and tag == OOV
            kind = (oov_kind(w) or "other") if tag == OOV else None
            kinds.add(kind or ("person" if tag in PERSON_TAGS else "org" if tag in ORG_TAGS else "other"))
            continue
        if proper and guessed and len(w) >= 2 and frequency(w) < RARE_WORD and (tag or "")[:1] == "n":
            taken.append((s, e))  # a rare noun completes a name jieba did not know: 通义 + 千问
        break
    if not proper:
        return None
    s = min(a for a, _ in taken)
    name = text[start + s:end]
    if not 2 <= len(name) <= 12:
        return None
    kind = "org" if "org" in kinds else ("person" if kinds == {"person"} else "other")
    return start + s, end, kind


@lru_cache(maxsize=65536)
def oov_kind(word: str) -> str | None:
    """person/org for a word jieba does not know when its tagger, on the word alone, calls every piece
    a name (王涛 nr, 博斯 nr + 沃思 nr); None for the rest (高管 n, 这一 r + m, 还会 d + v)."""
    import jieba.posseg

    _jieba()
    tags = [p.flag for p in jieba.posseg.cut(word)]
    if tags and all(t in PERSON_TAGS for t in tags):
        return "person"
    if tags and all(t in PROPER_TAGS for t in tags):
        return "org" if any(t in ORG_TAGS for t in tags) else "other"
    return None


def jieba_names(text: str, words=None, rare: int = 100) -> list[tuple[int, int, str]]:
    """(start, end, kind) of words that look like names: words unknown to jieba's dictionary that its
    tagger calls names (王涛, 乔尔), and rare dictionary words of three or more characters tagged
    person (nr) or organisation (nt). Common words the dictionary mis-tags as names (道德, 令人,
    青少年: frequent) and ordinary new words (高管, 财报) are left out."""
    out = []
    for s, e, w, tag in words if words is not None else segment(text):
        if e - s < 2 or not re.fullmatch(rf"[{HAN}]+", w):
            continue
        if tag == OOV:
            kind = oov_kind(w)
            if kind:
                out.append((s, e, kind))
        elif e - s >= 3 and frequency(w) < rare and tag in ORG_TAGS:
            out.append((s, e, "org"))
        elif e - s >= 3 and frequency(w) < rare and tag in PERSON_TAGS and (is_translit(w) or w[0] in SURNAMES):
            out.append((s, e, "person"))
    return out


def syllables_aligned(text: str) -> list[str]:
    """One toneless pinyin syllable per character of `text` ('' for anything that is not Han);
    each character's commonest reading, as in `keys.sound_key`."""
    from .keys import _reading

    return [_reading(ch) if re.match(rf"[{HAN}]", ch) else "" for ch in text]


def homophones(text: str, targets: dict[tuple[str, ...], str], words) -> list[tuple[int, int, str]]:
    """(start, end, target) for every other spelling of a target with the same pinyin: it must be whole
    jieba words at both ends and keep at least half of the target's characters in place
    (杨立坤 for 杨立昆, 博斯沃斯 for 博斯沃思; not 离开父 in 离开父母 for 李开复)."""
    if not targets:
        return []
    syl = syllables_aligned(text)
    starts = {s for s, _, _, _ in words}
    ends = {e for _, e, _, _ in words}
    lengths = sorted({len(k) for k in targets})
    firsts = {k[0] for k in targets}
    out = []
    for i, first in enumerate(syl):
        if first not in firsts or i not in starts:
            continue
        for n in lengths:
            target = targets.get(tuple(syl[i:i + n]))
            if target is None or i + n not in ends:
                continue
            form = text[i:i + n]
            same = sum(a == b for a, b in zip(form, target))
            if form != target and same * 2 >= n:
                out.append((i, i + n, target))
    return out
