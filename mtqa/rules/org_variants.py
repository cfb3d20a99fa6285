"""N003, for organisations and places: one name before a word such as 交易所, 研究所 or 州
(data/name_cues.txt, [organisations]) rendered two ways in one document: 纳斯达克交易所 / 纳斯达客交易所
(a character swapped for one that sounds the same), 技术与信息研究所 / 技术和信息研究所 (和 for 与).

Two mentions with the same ending word are compared from that word backwards: equal characters,
then one pair that differs, then at least one equal character again. The differing pair must sound
the same (toneless, commonest reading) or be two conjunctions, and must not stand inside a word the
dictionary knows in both mentions (山西大学 and 陕西师范大学 are two universities, however alike
山西 and 陕西 sound).
"""
from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

from .textutil import Groups, is_cjk, occurrences


MIN_NAME = 3  # characters before the ending word: shorter names match each other by chance
MAX_NAME = 12


@lru_cache(maxsize=1)
def _endings():
    """(a pattern of every ending word, the place words among them)."""
    from .name_spans import _words

    places = frozenset(_words("places"))
    words = sorted(set(_words("organisations")) | places, key=len, reverse=True)
    return re.compile("|".join(map(re.escape, words))), places


def _mentions(folded: str) -> dict[str, list[tuple[int, str]]]:
    """ending word → [(its start, the run of Chinese characters before it, up to MAX_NAME)]."""
    endings, _ = _endings()
    out: dict[str, list[tuple[int, str]]] = {}
    for m in endings.finditer(folded):
        s = m.start()
        lo = s
        while lo > 0 and s - lo < MAX_NAME and is_cjk(folded[lo - 1]):
            lo -= 1
        run = folded[lo:s]
        last = None
        for last in endings.finditer(run):
            pass
        if last is not None:
            run = run[last.end():]  # a name ends at the ending word before it (A公司和B公司: B)
        if len(run) >= MIN_NAME:
            out.setdefault(m.group(), []).append((s, run))
    return out


def _aligned(a: str, b: str, alike) -> int:
    """The length of the stretch, from the right, over which `a` and `b` agree but for one pair of
    characters that `alike` accepts, with an equal character left of that pair; 0 if none."""
    mismatch = None
    n = 0
    for x, y in zip(reversed(a), reversed(b)):
        if x != y:
            if mismatch is not None or not alike(x, y):
                break
            mismatch = n
        n += 1
    if mismatch is None or n <= mismatch + 1:
        return 0
    return n


def org_variants(ctx) -> list[tuple[int, int, str, str, dict[str, int]]]:
    """(start, end, found, keep, every rendering's count) for each mention of an organisation's or place's name that this
    document also renders another way more often."""
    from ..words import function_characters, tokenizer
    from .name_spans import CONJUNCTIONS, syllables

    folded = ctx.folded
    mentions = _mentions(folded)
    if not mentions:
        return []
    stop = function_characters()

    _, places = _endings()

    def alike(x: str, y: str, ending: str) -> bool:
        if x in CONJUNCTIONS and y in CONJUNCTIONS:
            return ending not in places  # 与 / 和 inside an institute's name (between places: a list)
        return x not in stop and y not in stop and is_cjk(x) and is_cjk(y) and syllables(x) == syllables(y)

    def word_at(name: str, i: int) -> tuple[int, int]:
        """The (start, end) of the segmenter's word that holds name[i]."""
        pos = 0
        for token in tokenizer().cut(name, False):
            if pos <= i < pos + len(token):
                return pos, pos + len(token)
            pos += len(token)
        return i, i + 1

    def compare(a: str, b: str, ending: str) -> list[tuple[str, str]]:
        n = _aligned(a, b, lambda x, y: alike(x, y, ending))
        if n < MIN_NAME:
            return []
        x, y = a[-n:], b[-n:]
        # strip the function words both start with (在纳斯达克 / 在纳斯达客, not 中 of 中国)
        k = 0
        while k < n and x[k] == y[k] and x[k] in stop and word_at(x, k) == (k, k + 1):
            k += 1
        x, y = x[k:], y[k:]
        if len(x) < MIN_NAME:
            return []
        at = next(j for j, (p, q) in enumerate(zip(x, y)) if p != q)
        if x[at] not in CONJUNCTIONS:
            wx, wy = word_at(x + ending, at), word_at(y + ending, at)
            if wx == wy and wx[1] - wx[0] > 1:
                return []  # two words the dictionary knows, in the same place (山西 / 陕西)
        return [(x + ending, y + ending)]

    pairs = []
    for ending, found in mentions.items():
        runs = list(dict.fromkeys(run for _, run in found))
        # Two renderings agree in their last character or, if that is the one that differs, in the
        # one before it: only runs that share one of those are compared (not every pair of a
        # long document's hundreds of 公司).
        buckets: dict[tuple[int, str], list[str]] = {}
        for run in runs:
            buckets.setdefault((1, run[-1]), []).append(run)
            buckets.setdefault((2, run[-2]), []).append(run)
        compared = set()
        for bucket in buckets.values():
            for i, a in enumerate(bucket):
                for b in bucket[i + 1:]:
                    if (a, b) in compared:
                        continue
                    compared.add((a, b))
                    pairs.extend(compare(a, b, ending))
    if not pairs:
        return []
    joined = Groups()
    for x, y in pairs:
        joined.join(x, y)
    listed = ctx.glossary_form_spans() if ctx.matcher is not None else None
    out = []
    for members in joined.groups():
        at = {m: [i for i in occurrences(folded, m) if listed is None or not listed.covers(i, i + len(m))]
              for m in members}
        counts = Counter({m: len(v) for m, v in at.items() if v})
        if len(counts) < 2:
            continue
        keep = max(counts, key=lambda m: (counts[m], -folded.find(m)))
        for other in counts:
            if other != keep:
                for i in at[other]:
                    out.append((i, i + len(other), other, keep, dict(counts)))
    kept: list = []
    for item in sorted(out, key=lambda f: (f[0] - f[1], f[0])):  # the longest of overlapping ones
        if not any(k[0] < item[1] and item[0] < k[1] for k in kept):
            kept.append(item)
    return sorted(kept)
