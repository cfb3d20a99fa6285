"""N002: a name written with other characters that sound like a glossary name (杨立坤 ~ 杨立昆)."""
from __future__ import annotations

from ..findings import Applicability, Severity
from ..normalize import DOT, fold
from .base import LintContext, Rule, concept_label
from .name_spans import name_groups, near_sound, one_char_variants


def find_variants(ctx: LintContext) -> dict[str, tuple]:
    """Unlisted strings of the document that sound like a glossary name: text → (concept, term,
    surname, the name it is one character off when it only sounds close to it, else None)."""

    def compute():
        from ..script import to_simplified

        index = getattr(ctx.matcher, "_sound_index", None)
        if index is None or not index.keys:
            return {}
        text = ctx.doc.text
        folded = fold(text)
        coder = index.coder()
        found: dict[str, tuple] = {}
        for group in name_groups(ctx, folded):
            for s, e in group:
                piece = folded[s:e]
                if piece in found:
                    break
                entries = next((index.keys[c] for c in coder.encode_all(piece) if c in index.keys), None)
                if not entries:
                    continue
                plain = to_simplified(piece)
                if plain in index.glossary_forms or plain in index.common_words or piece in index.glossary_forms:
                    break  # the name itself (in either script), or an ordinary word that sounds like it
                ci, ti, surname = entries[0]
                if len(piece.replace("·", "")) <= 2 and not _concept_present(index, ci, folded, piece):
                    break  # two syllables match too much by chance: the concept must be in the text
                found[piece] = (ci, ti, surname, None)
                break
        # Anywhere in the text: one character off a name the text mentions, with the same sound.
        present = {}
        variants = ctx.matcher.term_variants if ctx.doc.script == "Hant" else {}
        for ci in ctx.concepts:
            for name, ti, surname in index.names.get(ci, ()):
                present.setdefault(name, (ci, ti, surname, None))
                # and in Traditional, for a Traditional text (龐若明 beside 龐若鳴)
                hant = fold(variants.get((ci, ti), {}).get("Hant") or "")
                if surname and DOT in hant:
                    hant = hant.rsplit(DOT, 1)[1]
                if len(hant) == len(name) and hant != name:
                    present.setdefault(hant, (ci, ti, surname, None))
        for variant, name in one_char_variants(folded, present).items():
            plain = to_simplified(variant)
            if variant in found or plain in index.glossary_forms or plain in index.common_words:
                continue
            if set(coder.encode_all(variant)) & set(coder.encode_all(name)):
                found[variant] = present[name]
            elif name in folded and near_sound(variant, name) and not _inside_a_name(variant, present):
                found[variant] = present[name][:3] + (name,)  # 阿尔特曼 beside 奥尔特曼, 扎克伯克 beside 扎克伯格
        return found

    return ctx.memo("N002.variants", compute)


def _inside_a_name(piece: str, names) -> bool:
    """尔特曼 is part of 奥尔特曼, not a variant of 阿特曼 (Taiwan's Altman)."""
    return any(piece in name and piece != name for name in names)


def _concept_present(index, ci: int, folded: str, piece: str) -> bool:
    return any(cue in folded for cue in index.concept_cues.get(ci, ()) if cue != piece)


def check_sound_alike(ctx: LintContext):
    variants = find_variants(ctx)
    if not variants:
        return
    text = ctx.doc.text
    folded = fold(text)
    glossary = ctx.matcher.glossary
    spans = []
    for piece, entry in variants.items():
        i = folded.find(piece)
        while i != -1:
            spans.append((i, i + len(piece), entry))
            i = folded.find(piece, i + len(piece))
    # A listed deprecated form inside the span (博斯沃斯 in 安德鲁·博斯沃斯) is T001's, with its own fix.
    taken: list[tuple[int, int]] = [(h.start, h.end) for h in ctx.hits if h.term.status == "deprecated"]
    listed = len(taken)
    for start, end, _entry in sorted(spans, key=lambda s: (s[0] - s[1], s[0])):
        if any(s < end and start < e for s, e in taken):
            continue  # the surname inside a full name already reported
        taken.append((start, end))
    for start, end, (ci, ti, surname, close_to) in sorted((s for s in spans if (s[0], s[1]) in set(taken[listed:])),
                                                          key=lambda s: s[0]):
        concept = glossary.concepts[ci]
        heard = concept.terms[ti].term
        if surname:
            heard = heard.replace("・", "·").rsplit("·", 1)[-1]
        suggestion = ctx.matcher.preferred_form(ci, ctx.doc.script, ctx.locale, short=surname)
        found = text[start:end]
        how = (f"is one character off '{close_to}', which this text also writes, and sounds close to it"
               if close_to else f"sounds like '{heard}'")
        yield ctx.finding(
            SOUND_ALIKE, start, end,
            f"'{found}' {how} ({concept_label(concept)}) but is not a form the glossary lists; "
            f"use '{suggestion}'",
            suggestion=suggestion, concept=concept.id, applicability=Applicability.UNSAFE,
        )


SOUND_ALIKE = Rule(
    code="N002", name="sound-alike-name", severity=Severity.WARNING,
    summary="A name written with characters that sound like a glossary name but are not listed (杨立坤 ~ 杨立昆).",
    explanation=(
        "Transliterations and dictated names pick up homophones. Where a name stands (a dotted 名·姓,\n"
        "the Chinese before a bracketed Latin name, after a title, before 表示/说/称), the span's\n"
        "toneless pinyin is compared with the glossary's names; a match that is not itself a glossary\n"
        "form is flagged, and every other occurrence of the same string with it; anywhere in the text, a\n"
        "string one character off a name the text mentions is flagged too when it sounds the same, or\n"
        "close: the changed syllable keeps its initial (阿尔特曼 beside 奥尔特曼), or from four syllables\n"
        "swaps it for a confusable one (扎克伯克 beside 扎克伯格). Ordinary words that\n"
        "sound alike (前文 ~ 千问) are skipped using jieba's dictionary, and a two-syllable match only\n"
        "counts when the concept is mentioned elsewhere in the text. Exact syllables by default; tones\n"
        "are ignored. The fix is unsafe: the span may name someone else."
    ),
    example="首席科学家杨立坤表示 → 首席科学家杨立昆表示", check=check_sound_alike, fix="unsafe",
)
