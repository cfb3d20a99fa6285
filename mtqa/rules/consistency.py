"""C: consistency. One concept rendered several ways in one document (C001)."""
from __future__ import annotations

from collections import Counter
from copy import copy

from ..findings import Applicability, Severity
from ..glossary.model import HANT_LANGS
from ..normalize import DOT, fold
from .base import LintContext, Rule, concept_label

SCRIPT_LANGS = {"Hans": ("zh-Hans", "zh-CN"), "Hant": HANT_LANGS + ("zh-Hans",)}


def check_inconsistent(ctx: LintContext):
    first_key: dict[int, str] = {}
    several: set[int] = set()
    for hit in ctx.hits:  # cheap pass: which concepts have two or more keys at all
        key = first_key.setdefault(hit.concept_index, hit.key)
        if key != hit.key:
            several.add(hit.concept_index)
    by_concept: dict[int, list] = {}
    for hit in ctx.hits:
        if hit.concept_index in several and hit.is_rendering and not hit.term.is_short:
            by_concept.setdefault(hit.concept_index, []).append(hit)
    for ci, hits in list(by_concept.items()):
        hits = by_concept[ci] = _surnames_follow_their_name(ctx, hits)
        counts = Counter(h.key for h in hits)
        if len(counts) < 2:
            continue
        expected = _expected(ctx, hits, counts)
        if expected is None:
            continue
        summary = ", ".join(f"{_display(ctx, h)} ×{counts[h.key]}" for h in _first_of_each(hits))
        target = next(h for h in hits if h.key == expected)
        for hit in hits:
            if hit.key == expected or hit.term.status == "deprecated":
                continue  # deprecated forms are T001 errors already
            suggestion = _suggestion(ctx, target, hit)
            message = (f"{concept_label(hit.concept)} is rendered {len(counts)} ways in this document "
                       f"({summary}); use '{suggestion}' throughout")
            yield ctx.finding(INCONSISTENT, hit.start, hit.end, message, suggestion=suggestion,
                              concept=hit.concept.id, applicability=Applicability.UNSAFE)


def _surnames_follow_their_name(ctx: LintContext, hits: list) -> list:
    """A surname alone (馬斯克) counts as the full name the text writes with it (伊隆·馬斯克, Taiwan's
    form), not as the glossary term it was derived from first (埃隆·马斯克): otherwise a text that
    names someone once in full and then by surname reads as two renderings."""
    if not any(h.short for h in hits):
        return hits
    text = ctx.doc.text
    full: dict[str, set[str]] = {}
    for h in hits:
        if not h.short:
            written = fold(text[h.start:h.end])
            if DOT in written:
                full.setdefault(written.rsplit(DOT, 1)[1], set()).add(h.key)
    out = []
    for h in hits:
        if h.short:
            keys = full.get(fold(text[h.start:h.end]))
            if keys is not None and len(keys) == 1 and h.key not in keys:
                h = copy(h)
                h.key = next(iter(keys))
        out.append(h)
    return out


def _expected(ctx: LintContext, hits, counts: Counter) -> str | None:
    """The rendering to keep: the commonest preferred form the document uses (ties: the form for the
    text's script, then the first); with no preferred form present, the commonest accepted one."""
    accepted = [h for h in hits if h.term.status != "deprecated"]
    if not accepted:
        return None
    preferred = [h for h in accepted if h.term.status == "preferred"]
    pool = preferred or accepted
    best = max(counts[h.key] for h in pool)
    tied = [h for h in pool if counts[h.key] == best]
    if len({h.key for h in tied}) > 1:
        langs = SCRIPT_LANGS[ctx.doc.script]
        tied = [h for h in tied if h.term.lang in langs] or tied
    return tied[0].key


def _first_of_each(hits):
    seen = set()
    for h in hits:
        if h.key not in seen:
            seen.add(h.key)
            yield h


def _display(ctx: LintContext, hit) -> str:
    return hit.term.term if not hit.short else ctx.doc.text[hit.start:hit.end]


def _suggestion(ctx: LintContext, target, hit) -> str:
    """The kept rendering as it should read at `hit`: same script, surname for a surname."""
    text = ctx.doc.text[target.start:target.end]
    if target.short and not hit.short:
        text = target.term.term
        if ctx.script_of(hit) == "Hant":
            from ..script import to_traditional

            text = to_traditional(text)
    elif hit.short and not target.short:
        from ..matcher import _surname
        from ..normalize import fold

        surname = _surname(fold(text))
        if surname:
            text = text[len(text) - len(surname):]
    return text


INCONSISTENT = Rule(
    code="C001", name="inconsistent-rendering", severity=Severity.WARNING,
    summary="One concept rendered with different forms in one document.",
    explanation=(
        "A reader should meet one name for one thing. When a document uses several accepted forms of a\n"
        "concept (鳄梨 / 牛油果 / Avocado; Google / 谷歌), every form other than the one to keep is flagged:\n"
        "the commonest preferred form the document uses, otherwise the commonest accepted one. A gloss in brackets on first\n"
        "mention (杨立昆(Yann LeCun), “Avocado”(牛油果)) is the normal convention and never counts, nor do\n"
        "acronyms; a surname after the full name (扎克伯格 after 马克·扎克伯格) is the same rendering."
    ),
    example="代号“牛油果”的模型 … Avocado 的训练 → 代号“Avocado”的模型 … Avocado 的训练",
    check=check_inconsistent, fix="unsafe",
)
