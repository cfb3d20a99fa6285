"""Bilingual checks (family B): compare each segment's English source with its Chinese target.

B001 key term mismatch, B002 number mismatch, B003 Latin name missing or misspelt,
B004 untranslated segment, B005 empty target. Findings are ordinary `mtqa.findings.Finding`s
located in the file as lint's are: `start`/`end` are offsets into the decoded file text,
`found == text[start:end]`, `line`/`column` point at the hit inside the segment's target.
A problem with no place in the target (a missing number or name, an empty target) is
reported where the target starts, with `found` empty; so is a hit the file spells with
escapes (`&amp;`, `\"`) that cannot be found literally. No fix: these checks write nothing.
"""
from __future__ import annotations

import re
from typing import Callable, Iterable

from ..findings import Finding, Severity
from ..rules.base import Rule, concept_label
from .readers import BilingualFile, Segment

_LATIN = re.compile(r"[A-Za-z]")
_LOWER_WORD = re.compile(r"(?<![A-Za-z])[a-z]{2,}(?![A-Za-z])")
_SPACES = re.compile(r"\s+")


class SegmentContext:
    """One segment being checked: the file, the segment, the glossary matcher (or None)."""

    def __init__(self, doc: BilingualFile, segment: Segment, matcher=None):
        self.doc = doc
        self.segment = segment
        self.matcher = matcher
        self._target_hits = None
        self._source_hits = None

    @property
    def source(self) -> str:
        return self.segment.source

    @property
    def target(self) -> str:
        return self.segment.target

    @property
    def source_hits(self) -> list:
        if self._source_hits is None:
            self._source_hits = self.matcher.find(self.source) if self.matcher is not None else []
        return self._source_hits

    @property
    def target_hits(self) -> list:
        if self._target_hits is None:
            self._target_hits = self.matcher.find(self.target) if self.matcher is not None else []
        return self._target_hits

    def file_span(self, start: int, end: int) -> tuple[int, int]:
        """Where target[start:end] is in the file: the same offsets from the target's start when the
        file spells the target as is, else the matching occurrence searched from there, else nothing."""
        text, base, target = self.doc.text, self.segment.offset, self.target
        found = target[start:end]
        if not found:
            return base, base
        if text[base + start:base + end] == found:
            return base + start, base + end
        pos, limit = base - 1, base + 4 * len(target) + 256
        for _ in range(target[:start].count(found) + 1):
            pos = text.find(found, pos + 1, limit)
            if pos == -1:
                return base, base
        return pos, pos + len(found)

    def finding(self, rule: Rule, start: int, end: int, message: str, *, suggestion: str | None = None,
                concept: str | None = None, severity: Severity | None = None) -> Finding:
        """A finding on target[start:end], located in the file."""
        fstart, fend = self.file_span(start, end)
        line, column = self.doc.position(fstart)
        return Finding(path=self.doc.path, line=line, column=column, start=fstart, end=fend, rule=rule.code,
                       name=rule.name, severity=severity or rule.severity, message=message,
                       found=self.doc.text[fstart:fend], suggestion=suggestion, concept=concept)


# ---- B005 / B004 ---------------------------------------------------------------------
def check_empty(ctx: SegmentContext) -> Iterable[Finding]:
    if ctx.source.strip() and not ctx.target.strip():
        yield ctx.finding(EMPTY, 0, len(ctx.target), f"empty target for the source '{_short(ctx.source)}'")


def is_untranslated(source: str, target: str) -> bool:
    """The target repeats a source that has English words to translate (not a bare name or code)."""
    same = _SPACES.sub(" ", source.strip()).casefold() == _SPACES.sub(" ", target.strip()).casefold()
    return same and bool(_LOWER_WORD.search(source))


def check_untranslated(ctx: SegmentContext) -> Iterable[Finding]:
    if ctx.target.strip() and is_untranslated(ctx.source, ctx.target):
        start = len(ctx.target) - len(ctx.target.lstrip())
        end = len(ctx.target.rstrip())
        yield ctx.finding(UNTRANSLATED, start, end, "the target is the untranslated source text")


# ---- B001 -----------------------------------------------------------------------------
def source_concepts(source: str, hits: list) -> dict[int, object]:
    """Glossary concepts named in an English source, from its glossary `hits`: concept index → first hit.

    A capitalised glossary name met in lower case is the ordinary word (apple, meta), not the name.
    """
    from ..normalize import is_latin_term

    out: dict[int, object] = {}
    for hit in hits:
        found = source[hit.start:hit.end]
        if not is_latin_term(found):
            continue
        term = hit.term.term
        if term[:1].isupper() and found[:1].islower():
            continue
        out.setdefault(hit.concept_index, hit)
    return out


def check_key_terms(ctx: SegmentContext) -> Iterable[Finding]:
    from ..script import detect_script

    concepts = source_concepts(ctx.source, ctx.source_hits)
    if not concepts:
        return
    accepted: dict[int, list] = {}
    deprecated: dict[int, list] = {}
    for hit in ctx.target_hits:
        (accepted if hit.term.accepted else deprecated).setdefault(hit.concept_index, []).append(hit)
    script = detect_script(ctx.target)
    for ci, src_hit in concepts.items():
        yield from _check_concept(ctx, src_hit, accepted.get(ci, []), deprecated.get(ci, []),
                                  ctx.matcher.preferred_form(ci, script))


def _check_concept(ctx: SegmentContext, src_hit, accepted: list, deprecated: list, preferred: str | None):
    """One glossary concept of the source against its hits in the target."""
    from .names import near_miss

    concept = src_hit.concept
    said = ctx.source[src_hit.start:src_hit.end]
    for hit in deprecated:  # 王涛 for Alexandr Wang: an error, even beside an accepted form
        found = ctx.target[hit.start:hit.end]
        message = f"the source's '{said}' is rendered '{found}', a deprecated form of {concept_label(concept)}"
        if hit.term.note:
            message += f": {hit.term.note}"
        yield ctx.finding(KEY_TERM, hit.start, hit.end, message + (f"; use '{preferred}'" if preferred else ""),
                          suggestion=preferred, concept=concept.id)
    if accepted:
        hit = _wrong_case(ctx.target, accepted) if not deprecated else None
        if hit is not None:  # OpenAi for OpenAI: the matcher ignores case, a reader does not
            yield ctx.finding(LATIN_NAME, hit.start, hit.end,
                              f"'{ctx.target[hit.start:hit.end]}' differs in case from '{hit.term.term}' "
                              f"(the source has '{said}')", suggestion=hit.term.term, concept=concept.id)
        return
    if deprecated:
        return
    misspelt = _misspelt_latin(concept, ctx.target, near_miss)
    if misspelt is not None:  # Tomasz Tungs for Tomasz Tunguz, not in the glossary as deprecated
        start, end, correct = misspelt
        yield ctx.finding(LATIN_NAME, start, end,
                          f"'{ctx.target[start:end]}' looks like a misspelling of '{correct}' (the source has '{said}')",
                          suggestion=correct, concept=concept.id)
        return
    label = concept_label(concept)
    named = f"'{said}'" if label == said else f"'{said}' ({label})"
    yield ctx.finding(KEY_TERM, 0, 0,
                      f"the source's {named} has no accepted rendering in the target; "
                      f"expected {' / '.join(_accepted_forms(concept))}",
                      suggestion=preferred, concept=concept.id, severity=Severity.WARNING)


def _wrong_case(target: str, hits: list):
    """The first hit when every accepted hit of a concept is a Latin form written in another case (OpenAi)."""
    latin = [h for h in hits if _LATIN.search(h.term.term)]
    if not latin or len(latin) != len(hits):
        return None
    if any(target[h.start:h.end] == h.term.term for h in latin):
        return None
    odd = [h for h in latin if target[h.start:h.end].lower() == h.term.term.lower()]
    return odd[0] if odd else None


def _accepted_forms(concept, limit: int = 4) -> list[str]:
    forms = [t.term for t in sorted(concept.terms, key=lambda t: t.status != "preferred") if t.accepted]
    out = list(dict.fromkeys(forms))
    return out[:limit] + (["…"] if len(out) > limit else [])


def _misspelt_latin(concept, target: str, near_miss: Callable):
    from ..normalize import is_latin_term

    for term in concept.terms:
        if term.accepted and not term.is_short and is_latin_term(term.term) and len(term.term) >= 5:
            span = near_miss(term.term, target)
            if span is not None:
                return span[0], span[1], term.term
    return None


# ---- B002 -----------------------------------------------------------------------------
def check_numbers(ctx: SegmentContext) -> Iterable[Finding]:
    from .numbers import compare_numbers, format_chinese, format_value

    diff = compare_numbers(ctx.source, ctx.target)
    if not diff:
        return
    missing, extra = list(diff.missing), list(diff.extra)
    if len(missing) == len(extra):  # pair them: 1.43亿 where the source says $14.3bn
        for want, got in zip(missing, extra):
            yield ctx.finding(
                NUMBERS, got.start, got.end,
                f"'{got.text}' ({format_value(got.value)}) does not match the source's "
                f"'{want.text}' ({format_value(want.value)})", suggestion=format_chinese(want.value))
        return
    for want in missing:
        yield ctx.finding(NUMBERS, 0, 0, f"the source's '{want.text}' ({format_value(want.value)}) is not in the target",
                          suggestion=format_chinese(want.value))
    for got in extra:
        yield ctx.finding(NUMBERS, got.start, got.end,
                          f"'{got.text}' ({format_value(got.value)}) in the target matches no number in the source")


# ---- B003 -----------------------------------------------------------------------------
def check_latin_names(ctx: SegmentContext) -> Iterable[Finding]:
    from .names import PERSON, STRONG, find_exact, latin_names, near_miss

    source = ctx.source
    covered = bytearray(len(source))
    for hit in ctx.source_hits:
        covered[hit.start:hit.end] = b"\x01" * (hit.end - hit.start)
    target_covered = bytearray(len(ctx.target))
    for hit in ctx.target_hits:
        target_covered[hit.start:hit.end] = b"\x01" * (hit.end - hit.start)
    seen: set[str] = set()
    for name in latin_names(source, covered):
        if name.text in seen:
            continue
        seen.add(name.text)
        if find_exact(name.text, ctx.target) != -1:
            continue
        span = near_miss(name.text, ctx.target)
        if span is not None and target_covered.find(1, span[0], span[1]) == -1:
            start, end = span
            found = ctx.target[start:end]
            how = "differs in case from" if found.lower() == name.text.lower() else "looks like a misspelling of"
            yield ctx.finding(LATIN_NAME, start, end, f"'{found}' {how} the source's '{name.text}'",
                              suggestion=name.text)
        elif name.kind == STRONG:
            yield ctx.finding(LATIN_NAME, 0, 0, f"the source's '{name.text}' does not appear in the target")
        elif name.kind == PERSON and not _LATIN.search(ctx.target):
            pass  # an all-Chinese target has transliterated it, or the glossary should say how
        elif name.kind == PERSON:
            yield ctx.finding(LATIN_NAME, 0, 0,
                              f"the source's '{name.text}' does not appear in the target "
                              f"(if it was transliterated, add it to the glossary)", severity=Severity.INFO)


def _short(text: str, width: int = 60) -> str:
    text = _SPACES.sub(" ", text.strip())
    return text if len(text) <= width else text[: width - 1] + "…"


# ---- the rules ------------------------------------------------------------------------
KEY_TERM = Rule(
    code="B001", name="key-term-mismatch", severity=Severity.ERROR,
    summary="A glossary concept in the source is missing from the target or rendered with a deprecated form.",
    explanation=(
        "The source names a glossary concept in English (Alexandr Wang, Qwen). The target must contain one\n"
        "of its accepted forms, preferred or admitted, in any script (亚历山大·王, 汪滔, Alexandr Wang).\n"
        "A deprecated form there (王涛) is an error; no accepted form at all is a warning (a pronoun may\n"
        "stand for the name). A capitalised name met in lower case (apple, meta) is the ordinary word.\n"
        "Like Xbench's and CheckMate's key term mismatch, driven by the glossary."
    ),
    example="Meta hired Alexandr Wang. → Meta聘请了王涛。 (B001: use 亚历山大·王)",
    check=check_key_terms, fix="none",
)
NUMBERS = Rule(
    code="B002", name="number-mismatch", severity=Severity.ERROR,
    summary="A number in the source has no equal value in the target, or the target has one the source lacks.",
    explanation=(
        "Numbers are compared by value, understanding Chinese magnitudes: $14.3bn = 143亿美元,\n"
        "$2 billion = 20亿美元, 600 = 六百, 150 million = 1.5亿 = 1亿5000万; 1.43 billion ≠ 143亿.\n"
        "A year is a number like any other (2025 = 2025年 = 二〇二五年). Digits glued to letters (GPT-4, H100,\n"
        "Q3), small spelled-out numbers (two) and month names only excuse target numbers; Chinese numerals\n"
        "in the target (一些, 三星) are never reported as extra. Signs are ignored (fell 5% = 下降5%)."
    ),
    example="Revenue was $14.3 billion. → 营收为1.43亿美元。 (B002: 143亿)",
    check=check_numbers, needs_glossary=False, fix="none",
)
LATIN_NAME = Rule(
    code="B003", name="latin-name-mismatch", severity=Severity.WARNING,
    summary="A Latin name in the source is missing from the target or misspelt there.",
    explanation=(
        "Names written in Latin letters — CamelCase (OpenAI), capitals (GPU), letters with digits\n"
        "(GPT-4o, H100), a name with a version (Llama 4), runs of capitalised words (Tomasz Tunguz) —\n"
        "are looked for in the target exactly. One that differs in case or by one or two letters is\n"
        "misspelt (warning); a CamelCase, capitals or alphanumeric name that is absent is a warning;\n"
        "an absent run of capitalised words is information only, since a person may be transliterated\n"
        "(and is not reported when the target has no Latin text at all). Glossary names are B001's."
    ),
    example="Tomasz Tunguz said → Tomasz Tungs表示 (B003: Tomasz Tunguz)",
    check=check_latin_names, needs_glossary=False, fix="none",
)
UNTRANSLATED = Rule(
    code="B004", name="untranslated-segment", severity=Severity.ERROR,
    summary="The target is the source text, untranslated.",
    explanation=(
        "The target equals the source (ignoring case and runs of spaces) and the source has ordinary\n"
        "English words to translate. A segment that is only a name or a code (OpenAI, GPT-4o, Scale AI)\n"
        "may rightly be copied, and is not reported."
    ),
    example="Qwen is strong. → Qwen is strong.",
    check=check_untranslated, needs_glossary=False, fix="none",
)
EMPTY = Rule(
    code="B005", name="empty-target", severity=Severity.ERROR,
    summary="The source has text and the target is empty.",
    explanation="A segment left untranslated: its target is missing, empty or only spaces.",
    example='msgid "Qwen is strong" / msgstr ""',
    check=check_empty, needs_glossary=False, fix="none",
)

B_RULES: tuple[Rule, ...] = (KEY_TERM, NUMBERS, LATIN_NAME, UNTRANSLATED, EMPTY)
RULES: dict[str, Rule] = {r.code: r for r in B_RULES}


def select_b_rules(select=None, ignore=None) -> list[Rule]:
    """B rules enabled by code lists; a prefix (B, B00) selects several, a name one (number-mismatch)."""

    def matches(rule: Rule, code: str) -> bool:
        c = code.strip()
        return c.upper() == "ALL" or rule.code.startswith(c.upper()) or c.lower() == rule.name

    for code in [*(select or []), *(ignore or [])]:
        if code.strip() and not any(matches(r, code) for r in B_RULES):
            raise ValueError(f"unknown bilingual rule {code!r} (expected B001–B005 or a prefix)")
    rules = [r for r in B_RULES if not select or any(matches(r, c) for c in select)]
    return [r for r in rules if not any(matches(r, c) for c in (ignore or []))]


def check_segment(doc: BilingualFile, segment: Segment, matcher=None, rules: Iterable[Rule] = B_RULES) -> list[Finding]:
    """Every finding for one segment. An empty or untranslated target gets only that finding."""
    if not segment.source.strip():
        return []
    ctx = SegmentContext(doc, segment, matcher)
    rules = list(rules)
    if not segment.target.strip():
        return list(check_empty(ctx)) if EMPTY in rules else []
    if is_untranslated(segment.source, segment.target):
        return list(check_untranslated(ctx)) if UNTRANSLATED in rules else []
    codes = {r.code for r in rules}
    findings: list[Finding] = []
    for rule in rules:
        if rule in (EMPTY, UNTRANSLATED) or (rule.needs_glossary and matcher is None):
            continue
        findings.extend(f for f in rule.check(ctx) if f.rule in codes)  # B001 may report a B003
    findings.sort(key=lambda f: (f.start, f.end, f.rule))
    return findings


def check_file(bfile: BilingualFile, matcher=None, rules: Iterable[Rule] = B_RULES) -> list[Finding]:
    """Every finding in a bilingual file, in segment order."""
    rules = list(rules)
    out: list[Finding] = []
    for segment in bfile.segments:
        out.extend(check_segment(bfile, segment, matcher, rules))
    return out
