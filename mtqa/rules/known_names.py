"""N005: a foreign name written with characters that sound like a name the language already knows
(奥巴玛 for 奥巴马), though the glossary does not list it. The knowledge is jieba's dictionary: its
entries tagged as names, of characters of transliteration (sound_index.known_names)."""
from __future__ import annotations

from ..findings import Applicability, Severity
from ..normalize import DOT
from .base import LintContext, Rule
from .name_spans import name_groups

GLOSS_OPENERS = "(（"


def _transliteration(folded: str, s: int, e: int, plain: str) -> bool:
    """Whether the span reads as a transliterated name, where a homophone is a misspelling: next to
    a middle dot or before a bracketed gloss, or made of characters of transliteration but one
    (a three-character span that starts with a Chinese surname is a Chinese name: 王涛 and 汪涛
    are two people)."""
    from ..translit import TRANSLIT
    from ..words import surnames

    after = folded[e] if e < len(folded) else ""
    if (s > 0 and folded[s - 1] == DOT) or (after and (after == DOT or after in GLOSS_OPENERS)):
        return True
    if sum(c not in TRANSLIT for c in plain) > 1:
        return False
    return not (len(plain) == 3 and plain[0] in surnames())


def known_name_spans(ctx: LintContext) -> dict[str, str]:
    """Strings at name positions that sound like a known name but are written otherwise: text → name."""
    from ..script import to_simplified
    from .soundalike import find_variants

    index = getattr(ctx.matcher, "_sound_index", None)
    if index is None or not getattr(index, "known", None):
        return {}
    folded = ctx.folded
    coder = index.coder()
    listed = find_variants(ctx)  # N002's: a glossary name's sound comes first
    found: dict[str, str] = {}
    present: dict[str, None] = {}  # known names the text writes where a name stands
    sounds = index.sounds()
    groups = name_groups(ctx, folded)
    for group, starts in zip(groups, sounds.known_starts(folded, groups)):
        starts = set(starts)  # the spans whose first two characters may start a known name
        for j, (s, e) in enumerate(group):
            if e - s < 3:
                continue
            piece = folded[s:e]
            if piece in found or piece in listed:
                break
            if j not in starts:
                continue
            plain = to_simplified(piece)
            name = index.known.get(sounds.encode(plain))
            if name is None:
                continue
            if plain == name:
                present[name] = None
                break  # the name itself
            if plain in index.known_homophones or plain in index.glossary_forms:
                break  # a word that sounds like it
            if _transliteration(folded, s, e, plain) and _evidence(folded, s, e, plain, name):
                found[piece] = name
            break
    # Anywhere in the text: one character off a known name the text writes where a name stands,
    # with the same sound (默克尔说……默克耳认为). (Known names are found at name positions, not by
    # an automaton over all nine thousand: building that cost 12 ms of every commit hook.)
    if ctx.focus is not None:
        present.update(_present_everywhere(ctx, folded, index, coder))
    if present:
        from .name_spans import one_char_variants
        from .soundalike import reads_alike

        for variant, name in one_char_variants(folded, present, ctx.focus).items():
            plain = to_simplified(variant)
            if variant in found or variant in listed or plain == name or plain in index.known_homophones:
                continue
            if plain in index.glossary_forms or not reads_alike(plain, name, coder):
                continue
            found[variant] = name
    return found


def _present_everywhere(ctx, folded: str, index, coder) -> dict[str, None]:
    """The known names at every name position, focus or not (a re-lint is focused on the fixed
    spans, but the known name a variant there varies may stand anywhere)."""
    from ..script import to_simplified
    from .name_spans import all_name_groups

    def compute():
        out: dict[str, None] = {}
        sounds = index.sounds()
        groups = all_name_groups(ctx, folded)
        for group, starts in zip(groups, sounds.known_starts(folded, groups)):
            for j in starts:
                s, e = group[j]
                if e - s >= 3:
                    plain = to_simplified(folded[s:e])
                    if index.known.get(sounds.encode(plain)) == plain:
                        out[plain] = None
        return out

    return ctx.memo("N005.present", compute)


def _evidence(folded: str, s: int, e: int, plain: str, name: str) -> bool:
    """Whether writing `plain` for the known `name` is a slip rather than another rendering. Names
    have many renderings (科莱特 / 克莱特, 哈希娜 / 哈西娜, 弗利德里希 / 弗里德里希 all stand in the
    People's Daily): a slip puts a character no transliteration uses for one that it does (默克儿,
    巴菲忒), or the article writes the known rendering too. The span must also be the whole name:
    not ending in a function word (莱尔的), nor cut out of a longer transliteration (及利亚 of
    阿尔及利亚)."""
    from ..translit import TRANSLIT
    from ..words import function_characters

    if plain[-1] in function_characters() or plain[0] in function_characters():
        return False
    from .name_spans import TITLES

    before = folded[s - 1] if s > 0 else ""
    after = folded[e] if e < len(folded) else ""
    after_title = any(folded.endswith(t, 0, s) for t in TITLES)  # (总理默克儿: 理 ends the title)
    if (before and before != DOT and before in TRANSLIT and not after_title) or (
            after and after != DOT and after in TRANSLIT):
        return False  # the name starts earlier or goes on
    changed = [c for c, k in zip(plain, name) if c != k]
    return all(c not in TRANSLIT for c in changed) or name in folded


def check_known_name(ctx: LintContext):
    found = known_name_spans(ctx)
    if not found:
        return
    from ..script import to_traditional

    text = ctx.doc.text
    folded = ctx.folded
    listed_forms = ctx.glossary_form_spans()
    hant = ctx.doc.script == "Hant"
    out = []
    for piece, name in found.items():
        suggestion = to_traditional(name) if hant else name
        i = folded.find(piece)
        while i != -1:
            end = i + len(piece)
            if ctx.in_focus(i, end) and not listed_forms.covers(i, end):
                out.append(ctx.finding(
                    KNOWN_NAME, i, end,
                    f"'{text[i:end]}' sounds like '{suggestion}', a name the dictionary knows, but is written "
                    f"otherwise; use '{suggestion}'?",
                    suggestion=suggestion, applicability=Applicability.UNSAFE,
                ))
            i = folded.find(piece, end)
    yield from sorted(out, key=lambda f: f.start)


KNOWN_NAME = Rule(
    code="N005", name="sound-alike-known-name", severity=Severity.WARNING,
    summary="A foreign name written with characters that sound like a name the dictionary knows (奥巴玛 ~ 奥巴马).",
    explanation=(
        "jieba's dictionary knows some ten thousand foreign names: its entries tagged as names, of three\n"
        "to six characters of transliteration (a three-character person's name starting with a Chinese\n"
        "surname is a Chinese name, and is left out). Where a name stands (as for N002), a span that reads\n"
        "exactly like one of them (toneless, each character's commonest reading) but is written otherwise\n"
        "is flagged with the known name, when the span is a transliteration (next to a middle dot, before\n"
        "a bracketed gloss, or of characters of transliteration but one) and the change is a slip: a\n"
        "character no transliteration uses for one that it does (默克儿), or the article also writes the\n"
        "known rendering. Names have many renderings (科莱特 / 克莱特). Chinese names are full of\n"
        "legitimate homophones (王涛, 汪涛) and stay silent, as do dictionary words that sound like a name,\n"
        "names whose sound two known names share, and glossary names (N002's). Anywhere in the text, a\n"
        "string one character off a known name the text writes where a name stands, with the same sound,\n"
        "is flagged too (默克尔说……默克耳认为). The fix is unsafe."
    ),
    example="巴拉克·奥巴玛表示 → 巴拉克·奥巴马表示", check=check_known_name, fix="unsafe",
)
