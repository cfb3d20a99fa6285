"""N: names. A Latin name a letter or two away from a glossary name (N001)."""
from __future__ import annotations

import re
from bisect import bisect_right

from ..findings import Applicability, Severity
from ..latin_index import MIN_COMPACT, MIN_SINGLE, QUOTES, LatinIndex, build_index, compact
from .base import LintContext, Rule, concept_label
# Capitalised Latin words (with inner hyphens/apostrophes) separated by single spaces: two or more
# of them, or one of MIN_SINGLE - 1 letters or more (a shorter word alone can be no near miss, and
# most capitalised words in Chinese text are such: AI, Meta, CEO).
# The pattern starts with the capital and looks behind it after: a pattern that starts with a
# character class lets `re` skip ahead to the next capital (twice as fast on Chinese text).
NAME_RUN = re.compile(r"[A-Z](?<![A-Za-z0-9][A-Z])(?:[A-Za-z'’-]*(?: [A-Z][A-Za-z'’-]*)+"
                      rf"|[A-Za-z'’-]{{{MIN_SINGLE - 2},}})(?![A-Za-z0-9])")


def _distance(a: str, b: str, cutoff: int = 2) -> int:
    """Levenshtein distance of two tokens, or cutoff + 1 when it is larger (callers only care up
    to 2). Written out, in a band of width 2·cutoff + 1, because importing rapidfuzz costs 16 ms
    of a commit hook's start-up; the tests check it against rapidfuzz."""
    if abs(len(a) - len(b)) > cutoff:
        return cutoff + 1
    if len(a) < len(b):
        a, b = b, a
    big = cutoff + 1
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        lo, hi = max(1, i - cutoff), min(len(b), i + cutoff)
        current = [big] * (len(b) + 1)
        current[0] = i if i <= cutoff else big
        for j in range(lo, hi + 1):
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != b[j - 1]))
        if min(current) > cutoff:
            return big
        previous = current
    return min(previous[-1], big)


def _swapped(a: str, b: str) -> bool:
    """Whether `b` is `a` with two neighbouring letters swapped (Wie / Wei)."""
    if len(a) != len(b):
        return False
    diff = [i for i, (x, y) in enumerate(zip(a, b)) if x != y]
    return len(diff) == 2 and diff[1] == diff[0] + 1 and a[diff[0]] == b[diff[1]] and a[diff[1]] == b[diff[0]]


def _near(a: str, b: str) -> bool:
    """Two tokens that are plausibly one name misspelt: same initial, 1–2 edits (a swap of two
    neighbouring letters counts as one), mostly shared."""
    if a == b or a[0] != b[0]:
        return False
    d = 1 if _swapped(a, b) else _distance(a, b)
    return d <= 2 and 1 - d / max(len(a), len(b)) >= 0.6


MIN_DROPPED_S = 9  # a name this long that loses its final s is misspelt (Databrick); shorter ones
# may be other words (Thread, the network protocol, beside Threads)


def _near_single(a: str, b: str) -> bool:
    """`a` (from the text) is a misspelling of the glossary name `b`."""
    if a[0] != b[0] or abs(len(a) - len(b)) > 2 or a == b + "s":
        return False  # (a plural of the name is no misspelling: Llamas)
    if b == a + "s":
        return len(b) >= MIN_DROPPED_S
    if _swapped(a, b):
        return True
    d = _distance(a, b)
    return 0 < d <= (1 if max(len(a), len(b)) < 9 else 2)


def latin_index(matcher) -> LatinIndex:
    """The matcher's LatinIndex, built on first use."""
    index = getattr(matcher, "_latin_index", None)
    if index is None:
        index = matcher._latin_index = build_index(matcher.glossary)
    return index


def check_near_miss(ctx: LintContext) -> list:
    """N001's findings (worked out once per document: N004 asks for them too)."""
    return ctx.memo("N001.findings", lambda: list(_near_misses(ctx)))


def _near_misses(ctx: LintContext):
    m = ctx.matcher
    index = latin_index(m)
    if not index.forms:
        return
    text = ctx.doc.text
    covered = None  # built on first need: most runs are glossary names as they stand
    by_token, singles, all_forms, compacts = index.by_token, index.singles, index.all_forms, index.compact
    for run in NAME_RUN.finditer(text):
        if not ctx.in_focus(*run.span()):
            continue
        group = run.group()
        folded = group.lower()  # fold() of ASCII letters, apostrophes and spaces
        if folded in all_forms:
            continue  # the run is a glossary name
        if covered is None:
            covered = _Coverage(ctx)
        rs, rend = run.span()
        if not covered.gaps(rs, rend):
            continue  # every word of the run is a glossary name already
        words = group.split(" ")
        tokens = folded.split(" ")
        offsets, pos = [], rs
        for w in words:
            offsets.append((pos, pos + len(w)))
            pos += len(w) + 1
        k = len(words)
        for n in range(min(4, k), 0, -1):
            for i in range(k - n + 1):
                toks = tuple(tokens[i:i + n])
                plain = " ".join(toks).strip(QUOTES)  # ‘Vibes’, Goldman Sachs' analysts: quoted, not spaced
                if n > 1 or "-" in plain or (len(plain) >= MIN_COMPACT and plain not in all_forms):
                    # (one word too: HuggingFace for Hugging Face)
                    spaced = compacts.get(compact(plain))
                    start, end = offsets[i][0], offsets[i + n - 1][1]
                    # (A part may be a glossary name of its own: AI in 'Open AI'.)
                    if spaced is not None and plain not in all_forms and covered.gaps(start, end):
                        concept = m.glossary.concepts[spaced[0]]
                        correct = concept.terms[spaced[1]].term
                        found = text[start:end]
                        covered.add(start, end)
                        yield ctx.finding(
                            NEAR_MISS, start, end,
                            f"'{found}' is written '{correct}' ({concept_label(concept)}): the same letters, spaced "
                            f"or hyphenated otherwise",
                            suggestion=correct, concept=concept.id, applicability=Applicability.UNSAFE,
                        )
                        continue
                if n == 1:
                    if len(toks[0]) < MIN_SINGLE - 1 or toks[0][0] not in singles:
                        continue
                elif not any((n, p, t) in by_token for p, t in enumerate(toks)):
                    continue
                start, end = offsets[i][0], offsets[i + n - 1][1]
                if covered.any(start, end) or " ".join(toks) in all_forms:
                    continue
                match = _lookup(index, toks)
                if match is None:
                    continue
                ci, ti = match
                concept = m.glossary.concepts[ci]
                correct = concept.terms[ti].term
                found = text[start:end]
                covered.add(start, end)
                yield ctx.finding(
                    NEAR_MISS, start, end,
                    f"'{found}' looks like a misspelling of '{correct}' ({concept_label(concept)})",
                    suggestion=correct, concept=concept.id, applicability=Applicability.UNSAFE,
                )


class _Coverage:
    """Which characters lie inside a glossary hit or an accepted Latin hit, asked run by run.

    Both span lists are sorted and free of overlaps (the automaton's leftmost-longest matches),
    so the spans meeting a run are found by bisection; only runs that are not glossary names
    as they stand get here, a few per document."""

    def __init__(self, ctx: LintContext):
        self._ctx = ctx
        self._lists = []
        spans = [(h.start, h.end) for h in ctx.hits]
        if spans:
            self._lists.append((spans, [e for _, e in spans]))
        self._added: list[tuple[int, int]] = []

    def _mask(self, start: int, end: int) -> bytearray:
        mask = bytearray(end - start)
        for s, e in self._ctx.latin_spans_in(start, end):
            lo, hi = max(s, start), min(e, end)
            mask[lo - start:hi - start] = b"\x01" * (hi - lo)
        for spans, ends in self._lists:
            i = bisect_right(ends, start)
            while i < len(spans) and spans[i][0] < end:
                s, e = spans[i]
                lo, hi = max(s, start), min(e, end)
                mask[lo - start:hi - start] = b"\x01" * (hi - lo)
                i += 1
        for s, e in self._added:
            if s < end and start < e:
                lo, hi = max(s, start), min(e, end)
                mask[lo - start:hi - start] = b"\x01" * (hi - lo)
        return mask

    def gaps(self, start: int, end: int) -> bool:
        """Whether some character of [start, end) is covered by no hit."""
        return self._mask(start, end).find(0) != -1

    def any(self, start: int, end: int) -> bool:
        """Whether some character of [start, end) is covered."""
        return self._mask(start, end).find(1) != -1

    def add(self, start: int, end: int) -> None:
        self._added.append((start, end))


def _lookup(index: LatinIndex, tokens: tuple[str, ...]):
    n = len(tokens)
    if n == 1:
        tok = tokens[0]
        if len(tok) < MIN_SINGLE - 1:
            return None
        for key in index.singles.get(tok[0], ()):
            if _near_single(tok, index.forms[key][0]):
                return key
        return None
    candidates = set()
    for pos, tok in enumerate(tokens):
        candidates.update(index.by_token.get((n, pos, tok), ()))
    for key in sorted(candidates):
        form = index.forms[key]
        diff = [(a, b) for a, b in zip(tokens, form) if a != b]
        if len(diff) == 1 and _near(*diff[0]):
            return key
    return None


NEAR_MISS = Rule(
    code="N001", name="misspelt-name", severity=Severity.WARNING,
    summary="A Latin name one or two letters away from a glossary name (Alexander Wang, Tomasz Tungs), or spaced otherwise (Open AI).",
    explanation=(
        "Names copied by hand or through speech recognition pick up small errors. A run of capitalised\n"
        "Latin words is compared with the glossary's Latin names of the same length in words: all words\n"
        "but one must be equal and the odd one must share its first letter and differ by at most two\n"
        "edits (and keep 60% of its letters). A single-word name must be 6+ letters and one edit away\n"
        "(two from 9 letters; a swap of two neighbouring letters is one edit); a plural 's' is not a\n"
        "misspelling, a dropped final 's' is from 9 letters (Databrick). Words that spell a glossary\n"
        "name of five letters or more once spaces and hyphens are dropped (Open AI, Chat-GPT, You Tube,\n"
        "HuggingFace) are\n"
        "flagged too. The fix is unsafe: a near name may belong to someone else."
    ),
    example="Tomasz Tungs 表示 → Tomasz Tunguz 表示",
    check=check_near_miss, fix="unsafe",
)
