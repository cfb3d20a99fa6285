"""S: script and locale. Foreign-script characters in an article (S001); regional names (S002)."""
from __future__ import annotations

from ..findings import Applicability, Severity
from ..normalize import fold
from .base import LintContext, Rule, concept_label
from .textutil import SpanSet

MAX_GAP = 2  # foreign characters this close together form one run
CONTEXT = 6  # characters of context OpenCC sees on each side


def document_script(ctx: LintContext) -> tuple[str, list[tuple[int, int]]]:
    """The document's main script ("Hant" when Traditional-only characters outnumber
    Simplified-only ones, else "Hans") and the runs (start, end) of the other script's characters,
    those at most MAX_GAP apart joined (the compiled core's scan: core/src/script.rs)."""
    from ..script import script_scanner

    return ctx.memo("S.script", lambda: script_scanner().scan(ctx.doc.text, MAX_GAP))


SEPARATOR = "\U000F8000"  # private use: no phrase of OpenCC's spans it, and it comes back unchanged


def _converted(text: str, runs: list[tuple[int, int]], convert) -> list[str]:
    """Each run converted with CONTEXT characters on each side as OpenCC's context; one OpenCC call
    for all of them (a call per run cost 15 µs, and a Traditional page can have thousands)."""
    windows = [(max(0, start - CONTEXT), min(len(text), end + CONTEXT)) for start, end in runs]
    pieces = [text[lo:hi] for lo, hi in windows]
    converted = None
    if len(pieces) > 1 and SEPARATOR not in text:
        converted = convert(SEPARATOR.join(pieces)).split(SEPARATOR)
        if len(converted) != len(pieces):
            converted = None
    if converted is None:
        converted = [convert(piece) for piece in pieces]
    out = []
    for (start, end), (lo, hi), window, conv in zip(runs, windows, pieces, converted):
        if len(conv) != len(window):  # a phrase changed length: convert the run alone
            conv = window[: start - lo] + convert(text[start:end]) + window[end - lo:]
        out.append(conv[start - lo:end - lo])
    return out


def check_mixed_script(ctx: LintContext):
    from ..script import SIMPLIFIED_TOO, to_simplified, to_traditional

    script, foreign = document_script(ctx)
    if not foreign:
        return
    text = ctx.doc.text
    convert = to_simplified if script == "Hans" else to_traditional
    regional = SpanSet((h.start, h.end) for h in _regional_hits(ctx))
    runs = [(start, end) for start, end in foreign
            if not regional.meets(start, end) and ctx.in_focus(start, end)]  # regional names: S002 suggests the name
    if runs:
        from .artefacts_text import damaged_lines

        damaged = SpanSet(damaged_lines(ctx))  # mojibake (鍘熸爣棰) is A010's: its characters are not the author's
        if damaged:
            runs = [(start, end) for start, end in runs if not damaged.covers(start, end)]
    if runs:
        listed = ctx.glossary_form_spans(exact=True)  # a name as the glossary writes it is never mixed script
        if listed:
            runs = [(start, end) for start, end in runs if not listed.covers(start, end)]
    if script == "Hans":
        runs = [(start, end) for start, end in runs if not set(text[start:end]) <= SIMPLIFIED_TOO]  # 萧乾
    else:
        runs = [(start, end) for start, end in runs if not _in_transliteration(text, start, end)]
    for (start, end), replacement in zip(runs, _converted(text, runs, convert)):
        if replacement == text[start:end]:
            continue  # OpenCC keeps it in this context (乾隆, 皇后): not foreign here
        other = "Traditional" if script == "Hans" else "Simplified"
        yield ctx.finding(
            MIXED_SCRIPT, start, end,
            f"{other} characters '{text[start:end]}' in a {'Simplified' if script == 'Hans' else 'Traditional'} "
            f"article; write '{replacement}'",
            suggestion=replacement,
            applicability=Applicability.SAFE if script == "Hans" else Applicability.UNSAFE,
        )


def _in_transliteration(text: str, start: int, end: int) -> bool:
    """里 between two characters of a transliterated name (弗里德曼) is Traditional too: names
    keep it (裡 is only 'inside')."""
    if text[start:end] != "里" or start == 0 or end >= len(text):
        return False
    from ..script import to_simplified
    from ..translit import TRANSLIT

    return all(c in TRANSLIT for c in to_simplified(text[start - 1] + text[end]))


def article_locale(ctx: LintContext) -> str | None:
    """The article's region: --locale, else zh-CN for a Simplified text, else the one its glossary
    names point to (`inferred_locale`), or None."""
    if ctx.locale:
        return ctx.locale
    if document_script(ctx)[0] == "Hans":
        return "zh-CN"
    return ctx.memo("S002.locale", lambda: inferred_locale(ctx))


REGIONS = ("zh-CN", "zh-TW", "zh-HK")


def inferred_locale(ctx: LintContext) -> str | None:
    """A Traditional text's region, from the glossary names it writes. Each concept with a regional
    form votes for every region whose form the text uses (輝達: zh-TW; 行政總裁: zh-HK; 英偉達: zh-CN
    and zh-HK, which has no name of its own for Nvidia). The region with the most votes wins, then
    the one with most votes of its own; a tie between zh-CN and zh-HK with no votes of their own
    goes to zh-CN (their forms agree on every name the text writes). Fewer than two votes, or any
    other tie: None, and S002 says nothing."""
    from ..script import to_simplified

    matcher, votes, own = ctx.matcher, {r: set() for r in REGIONS}, {r: set() for r in REGIONS}
    seen: set[tuple[int, str]] = set()
    text = ctx.doc.text
    # Each concept's regional forms, Simplified and folded, kept on the matcher across documents.
    forms = matcher.__dict__.setdefault("_regional_forms", {})
    for hit in ctx.hits:
        term = hit.term
        if (not hit.is_rendering or term.status == "deprecated" or term.lang == "en" or term.is_short
                or not any(hit.concept.preferred(r) for r in REGIONS)):
            continue
        raw = text[hit.start:hit.end]
        if (hit.concept_index, raw) in seen:
            continue  # a name's every mention votes alike
        seen.add((hit.concept_index, raw))
        written = to_simplified(fold(raw))
        key = (hit.concept_index, hit.short)
        expected = forms.get(key)
        if expected is None:
            expected = forms[key] = [to_simplified(fold(matcher.preferred_form(hit.concept_index, "Hant", r, short=hit.short)
                                                        or "")) for r in REGIONS]
        fits = [r for r, form in zip(REGIONS, expected) if form == written]
        for r in fits:
            votes[r].add(hit.concept_index)
            if len(fits) == 1:
                own[r].add(hit.concept_index)
    ranked = sorted(REGIONS, key=lambda r: (len(votes[r]), len(own[r]), r == "zh-CN"), reverse=True)
    best, second = ranked[0], ranked[1]
    if len(votes[best]) < 2:
        return None
    if (len(votes[best]), len(own[best])) == (len(votes[second]), len(own[second])):
        if {best, second} != {"zh-CN", "zh-HK"} or own[best]:
            return None  # (the text is as much one region's as the other's)
        return "zh-CN"
    return best


def _regional_hits(ctx: LintContext) -> list:
    """Hits whose form is not the one the locale expects, with that form: [(hit, expected)]."""

    def compute():
        locale = article_locale(ctx)
        if locale is None:
            return []
        from ..script import to_traditional

        hant = document_script(ctx)[0] == "Hant"
        out = []
        for hit in ctx.hits:
            term = hit.term
            if term.status == "deprecated" or term.lang == "en" or hit.gloss:
                continue
            explicit = hit.concept.preferred(locale)
            foreign_region = term.lang in ("zh-CN", "zh-TW", "zh-HK") and term.lang != locale
            if not foreign_region and (explicit is None or explicit is term or locale == "zh-CN"):
                continue
            expected = ctx.matcher.preferred_form(hit.concept_index, "Hans", locale, short=hit.short)
            if expected and locale == "zh-CN" and hant:
                expected = to_traditional(expected)  # a mainland text in Traditional characters
            if expected and fold(expected) != fold(ctx.doc.text[hit.start:hit.end]):
                out.append((hit, expected))
        return out

    pairs = ctx.memo("S002.pairs", compute)
    return [h for h, _ in pairs]


def check_regional_form(ctx: LintContext):
    locale = article_locale(ctx)
    _regional_hits(ctx)
    for hit, expected in ctx.memo("S002.pairs", list):
        found = ctx.doc.text[hit.start:hit.end]
        yield ctx.finding(
            REGIONAL_FORM, hit.start, hit.end,
            f"'{found}' is not the {locale} form of {concept_label(hit.concept)}; in {locale} write '{expected}'",
            suggestion=expected, concept=hit.concept.id, applicability=Applicability.SAFE,
        )


MIXED_SCRIPT = Rule(
    code="S001", name="mixed-script", severity=Severity.WARNING,
    summary="Traditional characters in a Simplified article, or the reverse; one finding per run.",
    explanation=(
        "The article's script is the one most of its script-specific characters belong to (OpenCC's\n"
        "tables). Runs of the other script are flagged with their conversion, which OpenCC makes with a\n"
        "few characters of context, so a character kept in that context (乾隆, 皇后, 征服) is not flagged.\n"
        "Traditional → Simplified is a safe fix; Simplified → Traditional is one-to-many (里 → 裡/裏), so unsafe.\n"
        "Regional names are left to S002, and lines of mojibake to A010."
    ),
    example="这是一个測試 → 这是一个测试", check=check_mixed_script, needs_glossary=False, fix="safe",
)

REGIONAL_FORM = Rule(
    code="S002", name="regional-form", severity=Severity.WARNING,
    summary="A glossary name in another region's form (扎克伯格 in a zh-TW article → 祖克柏).",
    explanation=(
        "With --locale zh-CN, zh-TW or zh-HK, a concept with a regional form is expected in that form:\n"
        "輝達 in a zh-CN article is 英伟达, and 馬克·扎克伯格 in a zh-TW article is 馬克·祖克柏. Without\n"
        "--locale, a Simplified article counts as zh-CN, and a Traditional one as the region its glossary\n"
        "names point to: each concept votes for its form's region (輝達: zh-TW), or for zh-CN when the text\n"
        "passes over a Taiwan or Hong Kong form (扎克伯格); a region needs two votes and twice any other's."
    ),
    example="(zh-TW) 扎克伯格表示 → 祖克柏表示", check=check_regional_form, fix="safe",
)
