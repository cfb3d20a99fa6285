"""T003: a glossary Latin name in a casing the glossary does not list (Openai, Chatgpt, Iphone,
Deepseek for DeepSeek; OPENai).

Matching is case-insensitive, so every casing is a hit; this rule reports the ones no form of
the concept spells. Not reported: all capitals (a headline, OPENAI), a name after `@` or `#`
(a handle or a tag) or touching `/ _ . - :` (an identifier: meta-llama/Llama-3), a form that
starts in lower case (iPhone) written with a capital at a sentence start, and the lower, Title
or capitalised case of a name whose own casing is one of those (meta for Meta).
"""
from __future__ import annotations

from ..findings import Applicability, Severity
from .base import LintContext, Rule, concept_label

SENTENCE_ENDS = "。！？!?.\n\r\t \u3000“”\"「」『』《》（）()【】：:；;，,、"
HANDLE_MARKS = "@#＠＃"
IDENTIFIER_MARKS = "/\\_.-:=~$`"


def _plain(form: str) -> bool:
    """Is the casing of `form` one a writer could derive (all lower, Title Case, a capital first
    letter, all capitals)? Then only an unusual casing is an error; OpenAI, ChatGPT, iPhone,
    DeepSeek carry their case, and any other is wrong."""
    return form in (form.lower(), form.title(), form.capitalize(), form.upper())


def check_casing(ctx: LintContext):
    matcher = ctx.matcher
    if matcher is None:
        return
    scan = ctx._scan_result()
    text = ctx.doc.text
    concepts = matcher.glossary.concepts
    spans = set(scan.latin_spans)  # accepted Latin hits on word boundaries, outside addresses
    if not spans:
        return
    said: dict[tuple[int, str], tuple | None] = {}
    for pid, start, end in scan.latin_matches():
        written = text[start:end]
        if not written.isascii() or written.isupper() or (start and text[start - 1] in HANDLE_MARKS):
            continue
        if (start and text[start - 1] in IDENTIFIER_MARKS) or (end < len(text) and text[end] in IDENTIFIER_MARKS):
            continue  # meta-llama/Llama-3, openai.com, gpu_count: an identifier, not prose
        key = (pid, written)
        if key not in said:
            said[key] = _verdict(matcher.entries[pid], concepts, written)
        verdict = said[key]
        if verdict is None:
            continue
        concept, listed = verdict
        if _plain(listed) and written in (listed.lower(), listed.title(), listed.capitalize()):
            continue  # Meta / meta, superintelligence / Superintelligence: the case says nothing here
        if listed[0].islower() and written[0].isupper() and written[1:] == listed[1:] and _sentence_start(text, start):
            continue
        yield ctx.finding(CASING, start, end,
                          f"'{written}' is not how {concept_label(concept)} is written; the glossary spells it '{listed}'",
                          suggestion=listed, concept=concept.id, applicability=Applicability.SAFE)


def _verdict(forms, concepts, written: str):
    """(concept, the casing to write) when no listed form of the pattern is spelt `written`."""
    from ..matcher import TERM

    terms = [(concepts[f.concept], concepts[f.concept].terms[f.term]) for f in forms if f.kind == TERM]
    if not terms or any(t.term == written for _, t in terms):
        return None
    accepted = [(c, t) for c, t in terms if t.accepted] or terms
    concept, term = min(accepted, key=lambda ct: {"preferred": 0, "admitted": 1}.get(ct[1].status, 2))
    return concept, term.term


def _sentence_start(text: str, start: int) -> bool:
    i = start - 1
    while i >= 0 and text[i] in " \t\u3000“\"「『《（(【":
        i -= 1
    return i < 0 or text[i] in SENTENCE_ENDS


CASING = Rule(
    code="T003", name="name-casing", severity=Severity.WARNING,
    summary="A glossary Latin name in a casing the glossary does not list (Openai, Chatgpt, Deepseek).",
    explanation=(
        "Latin names are matched whatever their case, and their casing is part of the name: OpenAI,\n"
        "ChatGPT, DeepSeek, iPhone. A casing no form of the concept spells is reported with the\n"
        "glossary's spelling as a safe fix. All capitals (a headline), a handle or tag after @ or #,\n"
        "and a capital first letter at a sentence start (IPhone) are left alone. A casing the\n"
        "glossary lists as deprecated is T001 instead."
    ),
    example="Openai发布了新模型 → OpenAI发布了新模型",
    check=check_casing,
)
