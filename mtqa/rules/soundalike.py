"""N002: a name written with other characters that sound like a glossary name (杨立坤 ~ 杨立昆)."""
from __future__ import annotations

from ..findings import Applicability, Severity
from ..normalize import DOT, fold
from .base import LintContext, Rule, concept_label
from .name_spans import is_cjk
from .name_spans import name_groups, near_sound, one_char_variants


def find_variants(ctx: LintContext) -> dict[str, tuple]:
    """Unlisted strings of the document that sound like a glossary name: text → (concept, term,
    surname, the name it is one character off when it only sounds close to it, else None)."""

    def compute():
        from ..script import to_simplified

        index = getattr(ctx.matcher, "_sound_index", None)
        if index is None or not index.keys:
            return {}
        folded = ctx.folded
        coder = index.coder()
        found: dict[str, tuple] = {}
        # The core keeps, per group, the spans whose first two characters can read as a name's
        # first two and one of whose codings is a name's (the first such coding): a span it drops
        # is never one already found, so nothing below is decided differently.
        for candidates in index.sounds().name_candidates(folded, name_groups(ctx, folded)):
            for s, e, coding in candidates:
                piece = folded[s:e]
                if piece in found:
                    break
                entries = index.keys[coding]
                if not entries:
                    continue
                plain = to_simplified(piece)
                if plain in index.glossary_forms or plain in index.common_words or piece in index.glossary_forms:
                    break  # the name itself (in either script), or an ordinary word that sounds like it
                entry = next((x for x in entries if reads_alike(plain, _name_of(index, *x), coder)), None)
                if entry is None:
                    continue  # alike only through rare readings (还可以 read fu-ge-si is no 弗格斯)
                ci, ti, surname = entry
                if len(piece.replace("·", "")) <= 2 and not _concept_present(index, ci, folded, piece):
                    break  # two syllables match too much by chance: the concept must be in the text
                found[piece] = (ci, ti, surname, None)
                break
        # Anywhere in the text: a company's or product's name of three syllables or more by sound,
        # written half or more as the name (英维达 for 英伟达), ...
        for s, e, entry in _sounded_anywhere(folded, index, coder, ctx.in_focus):
            found.setdefault(folded[s:e], entry)
        # ... a two-character one the text mentions, with one character written otherwise but read
        # the same (千文 beside Qwen's 千问, 雷鹏 for 雷朋), ...
        for s, e, entry in _two_character_names(folded, index, coder, ctx.concepts, ctx.in_focus):
            found.setdefault(folded[s:e], entry)
        # ... and one character off a name the text mentions, with the same or a close sound.
        present = {}
        variants = ctx.matcher.term_variants if ctx.doc.script == "Hant" else {}
        for ci in ctx.concepts:
            for name, ti, surname in index.names.get(ci, ()):
                # in Traditional, for a Traditional text (龐若明 beside 龐若鳴)
                hant = fold(variants.get((ci, ti), {}).get("Hant") or "")
                if surname and DOT in hant:
                    hant = hant.rsplit(DOT, 1)[1]
                present.setdefault(hant if len(hant) == len(name) else name, (ci, ti, surname, None))
        for variant, name in one_char_variants(folded, present, ctx.focus).items():
            plain = to_simplified(variant)
            if variant in found or plain in index.glossary_forms or plain in index.common_words:
                continue
            if reads_alike(plain, to_simplified(name), coder):
                found[variant] = present[name]
            elif name in folded and near_sound(variant, name) and not _inside_a_name(variant, present):
                found[variant] = present[name][:3] + (name,)  # 阿尔特曼 beside 奥尔特曼, 扎克伯克 beside 扎克伯格
        return found

    return ctx.memo("N002.variants", compute)


def _sounded_anywhere(folded: str, index, coder, wanted):
    """(start, end, entry) of every unlisted string that reads like a glossary name (of a company,
    product or model: people are looked for where names stand) of three characters or more and
    keeps half its characters or more, the changed ones being no function
    words: 英维达 for 英伟达, 扎克柏格 for 扎克伯格. Found by the characters kept (one automaton pass
    over the name's neighbouring pairs, and the outer pair of three-character names), then read.
    同意前文 sounds like 通义千问 but keeps none of it; 英为达 changes 伟 for the function word 为.
    Only spans `wanted(start, end)` accepts are read (a re-lint wants those meeting its focus)."""
    from ..script import to_simplified
    from .name_spans import STOP, middle_candidates

    automaton, anchors, threes, ends = index.long_names()
    n = len(folded)
    candidates = [(name, entry, start - offset) for k, start, _end in
                  automaton.find_matches_as_indexes(folded, overlapping=True)
                  for name, entry, offset in anchors[k]]
    if threes:
        candidates += [(name, threes[name], start) for name, start in middle_candidates(folded, ends)]
    seen = set()
    for name, entry, s in candidates:
        e = s + len(name)
        if s < 0 or e > n or (s, name) in seen or not wanted(s, e):
            continue
        seen.add((s, name))
        piece = folded[s:e]
        if piece == name or 2 * sum(a != b for a, b in zip(piece, name)) > len(name):
            continue
        plain = to_simplified(piece)
        if plain == name or plain in index.glossary_forms or plain in index.common_words:
            continue
        changed = [c for c, d in zip(plain, name) if c != d]
        if 2 * len(changed) > len(name) or any(c in STOP or not is_cjk(c) for c in changed):
            continue
        if reads_alike(plain, name, coder):  # (伯 read mo is rare: 达摩克利斯 holds no 伯克利)
            yield s, e, entry + (None,)


def _two_character_names(folded: str, index, coder, concepts, wanted):
    """(start, end, entry) where a company's or product's two-character name whose concept the text
    names is written with one character changed for another of the same commonest reading, the
    result being no glossary form and no dictionary word (前文 is one: not 千问). Only spans
    `wanted(start, end)` accepts are read."""
    from ..script import to_simplified
    from .name_spans import STOP

    codes = coder.codes
    for ci in concepts:
        if ci in index.persons:
            continue
        for name, ti, surname in index.names.get(ci, ()):
            if len(name) != 2 or not all(is_cjk(c) for c in name):
                continue
            for keep, change in ((0, 1), (1, 0)):
                i = folded.find(name[keep])
                while i != -1:
                    s = i - keep
                    piece = folded[s:s + 2] if s >= 0 else ""
                    if (len(piece) == 2 and piece != name and is_cjk(piece[change]) and piece[change] not in STOP
                            and wanted(s, s + 2)):
                        plain = to_simplified(piece)
                        if (plain != name and codes(plain[change])[0] == codes(name[change])[0]
                                and plain not in index.glossary_forms and plain not in index.common_words):
                            yield s, s + 2, (ci, ti, surname, None)
                    i = folded.find(name[keep], i + 1)


def _name_of(index, ci: int, ti: int, surname: bool) -> str:
    return next((n for n, t, sur in index.names.get(ci, ()) if t == ti and sur == surname), "")


def reads_alike(text: str, name: str, coder) -> bool:
    """Whether `text` (Simplified) reads as `name` character by character: each changed character's
    commonest reading is one of the name character's two commonest (柏 bai for 伯 bo/bai, 胜 sheng
    for 晟 cheng/sheng). Coding every reading of both sides matched rare ones: 还 fu, 可 ge, 以 si
    made 还可以 a 弗格斯, and 伯 mo put a 伯克利 in 达摩克利斯."""
    if len(text) != len(name):
        return False
    codes = coder.codes
    for t, n in zip(text, name):
        if t != n and codes(t)[0] not in codes(n)[:2]:
            return False
    return True


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
    folded = ctx.folded
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
    listed_forms = ctx.glossary_form_spans()
    for start, end, _entry in sorted(spans, key=lambda s: (s[0] - s[1], s[0])):
        if any(s < end and start < e for s, e in taken):
            continue  # the surname inside a full name already reported
        if listed_forms.covers(start, end):
            continue  # part of a glossary form as it stands (杨立坤 of a product 杨立坤机器人)
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
