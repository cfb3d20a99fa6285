"""T: terminology. Deprecated renderings (T001) and admitted-but-not-preferred ones (T002)."""
from __future__ import annotations

from ..findings import Applicability, Severity
from ..normalize import DOT, MIDDLE_DOTS, fold

DOTS = DOT + MIDDLE_DOTS
from .base import LintContext, Rule, concept_label


def check_deprecated(ctx: LintContext):
    said: dict = {}  # the same form of the same term says the same thing: work it out once
    text = ctx.doc.text
    surnames: dict[str, bool] = {}
    for hit in ctx.hits_with_status("deprecated"):
        found = text[hit.start:hit.end]
        if hit.concept.type != "person" and _someones_surname(ctx, found, surnames):
            continue  # (a person's deprecated surname after a dot is that person misspelt: 安德鲁·博斯沃斯)
        key = (id(hit.term), hit.concept_index, hit.script, found)
        what = said.get(key)
        if what is None:
            what = said[key] = _deprecated(ctx, hit, found)
        message, suggestion, applicability = what
        yield ctx.finding(DEPRECATED, hit.start, hit.end, message, suggestion=suggestion,
                          concept=hit.concept.id, applicability=applicability)


def _someones_surname(ctx: LintContext, found: str, cache: dict[str, bool]) -> bool:
    """Whether the text names a person whose surname is this deprecated form of a company's or
    product's name (阿米特·梅塔, a judge called Mehta): then 梅塔 alone is that person, not Meta
    mistranslated. Only Chinese forms."""
    got = cache.get(found)
    if got is None:
        text = ctx.doc.text
        dots = ctx.memo("T001.dots", lambda: [dot for dot in DOTS if dot in text])  # (mostly one, or none)
        got = cache[found] = not found.isascii() and any(dot + found in text for dot in dots)
    return got


def _deprecated(ctx: LintContext, hit, found: str):
    """(message, suggestion, applicability) for a deprecated hit."""
    term = hit.term
    suggestion = _replacement(ctx, hit, found)
    message = f"'{found}' is a deprecated rendering of {concept_label(hit.concept)}"
    if term.note:
        message += f": {term.note}"
    if suggestion:
        message += f"; use '{suggestion}'"
    kind = term.fix or "safe"
    if kind == "safe" and len(found) == 1 and not found.isascii():
        # One Chinese character (元 for Meta) is a morpheme of countless words, listed or not
        # (词元, a token): nothing proves it stands alone here, so replacing it is never safe.
        kind = "unsafe"
    elif kind == "safe" and not term.context and ctx.matcher is not None and fold(found) in ctx.matcher.common_keys:
        # An ordinary word (模式, 羊驼) counted as the name because another name stands near it:
        # likely, not proven; the glossary's own context cues would prove it.
        kind = "unsafe"
    applicability = None if kind == "none" or not suggestion or suggestion == found else Applicability(kind)
    return message, suggestion, applicability


def _replacement(ctx: LintContext, hit, found: str) -> str | None:
    term = hit.term
    if term.suggest:
        if ctx.script_of(hit) == "Hant":  # in the text's script, also for a form both scripts write alike (倩文)
            from ..script import to_traditional

            return to_traditional(term.suggest)
        return term.suggest
    if term.lang == "en":  # a misspelt Latin name is fixed with the Latin name
        for status in ("preferred", "admitted"):
            for t in hit.concept.terms:
                if t.lang == "en" and t.status == status and not t.is_short:
                    return t.term
    preferred = ctx.preferred(hit)
    # A surname-only error (博斯沃斯) is fixed with the surname (博斯沃思), not the full name.
    if preferred and hit.concept.type == "person" and DOT in fold(preferred) and DOT not in fold(found):
        short = ctx.preferred(hit, short=True)
        if short and short != preferred and len(short) == len(found):
            return short
    return preferred


def check_admitted(ctx: LintContext):
    for hit in ctx.hits_with_status("admitted"):
        term = hit.term
        if not hit.is_rendering or term.is_short:
            continue
        found = ctx.doc.text[hit.start:hit.end]
        suggestion = ctx.preferred(hit, short=hit.short)
        if not suggestion or fold(suggestion) == fold(found):
            continue
        message = f"'{found}' is admitted for {concept_label(hit.concept)}, but the preferred form is '{suggestion}'"
        if term.note:
            message += f" ({term.note})"
        yield ctx.finding(ADMITTED, hit.start, hit.end, message, suggestion=suggestion,
                          concept=hit.concept.id, applicability=Applicability.UNSAFE)


DEPRECATED = Rule(
    code="T001", name="deprecated-term", severity=Severity.ERROR,
    summary="A glossary name rendered with a form the glossary marks deprecated.",
    explanation=(
        "The glossary lists this form as wrong for the concept (a homophone, a misspelling, a literal\n"
        "translation of a name). The fix replaces it with the preferred form, in the text's own script;\n"
        "a surname-only error gets the preferred surname. Forms that are also ordinary words carry\n"
        "exceptions (美元 is not 元 for Meta) or context cues in the glossary, so they are only flagged\n"
        "where they really stand for the concept."
    ),
    example="王涛和他的团队 → 亚历山大·王和他的团队",
    check=check_deprecated,
)

ADMITTED = Rule(
    code="T002", name="admitted-term", severity=Severity.INFO,
    summary="An admitted but not preferred form; the preferred one is offered as an unsafe fix.",
    explanation=(
        "Admitted forms are acceptable (汪滔 is Alexandr Wang's own Chinese name) but house style prefers\n"
        "another. A gloss in brackets right after the name (亚历山大·王(Alexandr Wang)) is never flagged,\n"
        "nor are acronyms. The fix is applied only with --unsafe-fixes. Off by default (an admitted\n"
        "form is acceptable); turn it on with --extend-select T002 or extend-select = [\"T002\"]."
    ),
    example="汪滔表示 → 亚历山大·王表示",
    # Off by default: an admitted form is acceptable (TBX), so a text that uses one is not wrong;
    # a house that wants only preferred forms turns it on (`--extend-select T002`).
    check=check_admitted, fix="unsafe", default=False,
)
