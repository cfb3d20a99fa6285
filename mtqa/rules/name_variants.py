"""N003: a foreign name the glossary does not know, rendered two ways in one document.

Evidence that two renderings are one name: the same Latin original in brackets
(阿莫迪(Dario Amodei) … 阿莫代(Amodei)); the same toneless pinyin (皮诺 / 皮瑙 are not,
皮诺 / 匹诺 are); or, for names of three syllables or more, all syllables equal but one
whose initial is the same (阿莫迪 / 阿莫代) or l/r (克雷斯 / 克瑞斯), or from four syllables a
confusable initial (苏茨克弗 / 苏茨克维). Variants are looked for at name positions and, one character off a
rendering, anywhere in the text. Full names are compared with full names and
surnames with surnames; a surname after its full name is the same rendering.
"""
from __future__ import annotations

from collections import Counter

from ..findings import Applicability, Severity
from ..normalize import DOT
from ..script import to_simplified
from .base import LintContext, Rule
from .textutil import Groups, occurrences
from .name_spans import (dotted_names, glossed_pairs, leading_name, name_groups, near_syllables,
                         one_char_variants, syllables, trailing_name, without_title)


def _renderings(folded: str, index) -> tuple[dict[str, bool], dict[str, str]]:
    """Candidate renderings → is_surname, and rendering → Latin original where glossed."""
    names: dict[str, bool] = {}
    latin: dict[str, str] = {}

    def known(name: str) -> bool:
        return known_name(name, index)

    for _s, _e, parts in dotted_names(folded):
        surname = leading_name(parts[-1])
        if len(surname) >= 2 and not known(surname) and not _starts_with_glossary_name(surname, index):
            names.setdefault(surname, True)
            given = parts[0]
            # The full name too (萨提亚·纳德拉 / 萨蒂亚·纳德拉 differ in the given name), when the run
            # before the dot is the given name alone: after Latin text or punctuation, not after a
            # word (董事比尔·阿克曼 would make 事比尔 a given name).
            if 2 <= len(given) <= 4 and not (_s > 0 and "\u4e00" <= folded[_s - 1] <= "\u9fff"):
                full = DOT.join([given, *parts[1:-1], surname])
                if not known(full):
                    names.setdefault(full, False)
    for s, e, original in glossed_pairs(folded):
        name = folded[s:e]
        name = leading_name(name.rsplit(DOT, 1)[1]) if DOT in name else without_title(trailing_name(name))
        if len(name) >= 2 and not known(name):
            names.setdefault(name, True)
            latin.setdefault(name, original.split()[-1])
    return names, latin


def _starts_with_glossary_name(name: str, index) -> bool:
    """扎克伯格正 (from 馬克·扎克伯格正在): a glossary name with the next word's first character, not
    a rendering of its own (the boundary fell in the wrong place)."""
    forms, head = index.glossary_forms, name[:-1]
    return len(head) >= 3 and (head in forms or to_simplified(head) in forms)


def known_name(name: str, index) -> bool:
    """A glossary form (either script) or an ordinary dictionary word."""
    plain = to_simplified(name)
    return name in index.glossary_forms or plain in index.glossary_forms or plain in index.common_words


def _relatives(a: str, b: str) -> bool:
    """Two full names with one surname whose short given names differ (特里·恩赖特 and his wife's
    niece 迪尔德丽·恩赖特 in one story): two people, as a different given name of two characters
    or fewer is too short to tell a misspelling from another person."""
    if DOT not in a or DOT not in b:
        return False
    ga, gb = a.split(DOT, 1)[0], b.split(DOT, 1)[0]
    return ga != gb and min(len(ga), len(gb)) <= 2


def _inserted(folded: str, s: int, e: int, name: str) -> bool:
    """Whether folded[s:e] is the tail (or head) of `name` with a character inserted, rather than
    another rendering of it: 尔特曼 in 奥尔特曼 next to 奥特曼. Its own first (last) character then
    stands just outside the span, and the rendering to compare is the longer run."""
    return ((s > 0 and folded[s - 1] == name[0] and folded.startswith(name[1:], s + 1))
            or (e < len(folded) and folded[e] == name[-1] and folded.startswith(name[:-1], s)))


def check_unlisted_variants(ctx: LintContext):
    """N003: people's renderings (`check_name_variants`), then organisations' and places'
    (`org_variants.org_variants`) where they do not overlap a person's finding."""
    people = list(check_name_variants(ctx))
    yield from people
    from .org_variants import org_variants

    for start, end, found, keep, counts in org_variants(ctx):
        if any(f.start < end and start < f.end for f in people) or not ctx.in_focus(start, end):
            continue
        summary = ", ".join(f"{m} ×{n}" for m, n in counts.items())
        yield ctx.finding(NAME_VARIANTS, start, end,
                          f"one name rendered {len(counts)} ways in this document ({summary}); use '{keep}' throughout",
                          suggestion=keep, applicability=Applicability.UNSAFE)


def check_name_variants(ctx: LintContext):
    index = getattr(ctx.matcher, "_sound_index", None)
    if index is None:
        return
    folded = ctx.folded
    names, latin = _renderings(folded, index)
    if not names:
        return
    sounds = {n: syllables(n) for n in names}
    tried: set[str] = set()  # a name's spans recur at each mention: look at each piece once
    # A variant may stand alone at a name position (阿莫代又说): add what sounds near a rendering.
    by_length: dict[int, list[str]] = {}
    for n in names:
        by_length.setdefault(len(n), []).append(n)
    for group in name_groups(ctx, folded):
        for s, e in group:
            if e - s < 3 or e - s not in by_length:
                continue
            piece = folded[s:e]
            if piece in names or piece in tried:
                continue
            tried.add(piece)
            if known_name(piece, index):
                continue
            sound = syllables(piece)
            if any(near_syllables(sound, sounds[n]) and not _inserted(folded, s, e, n) for n in by_length[e - s]):
                names[piece] = True
                sounds[piece] = sound
                break
    # ... or anywhere, one character off a rendering (阿尔特曼 / 奥尔特曼).
    for variant, name in one_char_variants(folded, {n: None for n in names}, ctx.focus).items():
        if variant in names or known_name(variant, index):
            continue
        sound = syllables(variant)
        if near_syllables(sound, sounds[name]):
            names[variant] = True
            sounds[variant] = sound
    ordered = list(names)
    joined = Groups(ordered)
    for i, a in enumerate(ordered):
        for b in ordered[i + 1:]:
            if to_simplified(a) == to_simplified(b):
                joined.join(a, b)  # the same name in two scripts: S001's business
            elif (a in latin and latin.get(a) == latin.get(b)) or (
                    near_syllables(sounds[a], sounds[b]) and not _relatives(a, b)):
                joined.join(a, b)
    # Where each rendering stands, leaving out the places inside a glossary form as it is written
    # (阿莫代 of an org 阿莫代实验室 is the glossary's name there, not a rendering of the person's).
    listed_forms = ctx.glossary_form_spans()
    at = {n: [i for i in occurrences(folded, n) if not listed_forms.covers(i, i + len(n))] for n in ordered}
    spans = []  # (start, end, message, suggestion)
    kept_surnames: set[str] = set()  # a full name's rendering follows its surname's (no crossed fixes)
    for members in sorted(joined.groups(), key=lambda ms: DOT in ms[0]):  # surnames first
        members = [m for m in members if at[m]]
        distinct = {to_simplified(m) for m in members}
        if len(distinct) < 2:
            continue
        counts = Counter({m: len(at[m]) for m in members})
        keep = max(members, key=lambda m: (m.rsplit(DOT, 1)[-1] in kept_surnames, counts[m], -folded.find(m)))
        if DOT not in keep:
            kept_surnames.add(keep)
        summary = ", ".join(f"{m} ×{counts[m]}" for m in members)
        for other in members:
            if to_simplified(other) == to_simplified(keep):
                continue
            for i in at[other]:
                spans.append((i, i + len(other), f"one name rendered {len(distinct)} ways in this document "
                                                 f"({summary}); use '{keep}' throughout", keep))
    # A full name and its surname may both be variants (皮诺契特 in 奥古斯托·皮诺契特): report the longer.
    taken: list[tuple[int, int]] = []
    for start, end, message, keep in sorted(spans, key=lambda x: (x[0] - x[1], x[0])):
        if any(s < end and start < e for s, e in taken):
            continue
        taken.append((start, end))
    chosen = set(taken)
    for start, end, message, keep in sorted(spans):
        if (start, end) in chosen:
            chosen.discard((start, end))
            yield ctx.finding(NAME_VARIANTS, start, end, message, suggestion=keep, applicability=Applicability.UNSAFE)


NAME_VARIANTS = Rule(
    code="N003", name="inconsistent-unlisted-name", severity=Severity.WARNING,
    summary="A name the glossary does not know, rendered two ways in one document (阿莫迪 / 阿莫代).",
    explanation=(
        "Renderings are dotted names (名·姓) and their surnames, and the Chinese glossed by a bracketed\n"
        "Latin name. Two of them are one name when they gloss the same Latin surname, sound the same\n"
        "(toneless pinyin), or, from three syllables, differ in one syllable with the same initial\n"
        "(萨提亚·纳德拉 / 萨蒂亚·纳德拉) or l/r (克雷斯 / 克瑞斯), or from four a confusable one (f/w, b/p,\n"
        "d/t, g/k: 苏茨克维 / 苏茨克弗). A span that runs on into the next word (阿莫代 of 阿莫代伊, or\n"
        "a glossary name plus one character) is no rendering. The commonest rendering is suggested for\n"
        "the others. Glossary names are left to C001 and N002.\n"
        "Organisations and places too: two mentions ending in the same word (交易所, 研究所, 大学, 州: see\n"
        "data/name_cues.txt) whose names differ in one character that sounds the same (纳斯达克 /\n"
        "纳斯达客) or in a conjunction (技术与信息 / 技术和信息), unless both are words the dictionary\n"
        "knows (山西大学 / 陕西师范大学 name two universities)."
    ),
    example="达里奥·阿莫迪(Dario Amodei)说……阿莫代认为 → 阿莫迪认为", check=check_unlisted_variants, fix="unsafe",
)
