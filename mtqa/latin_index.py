"""Accepted Latin glossary forms, blocked by token, for the near-miss search of N001 (and the
Latin rules that skip glossary names): built with the matcher and pickled with it."""
from __future__ import annotations

from dataclasses import dataclass

from .normalize import fold, is_latin_term

MIN_SINGLE = 6  # a one-word name must be this long before a near miss counts


@dataclass
class LatinIndex:
    """Accepted Latin glossary forms, blocked by token for cheap near-miss search."""

    by_token: dict[tuple[int, int, str], list[tuple[int, int]]]  # (n tokens, position, token) → forms
    singles: dict[str, list[tuple[int, int]]]  # first letter → one-word forms
    forms: dict[tuple[int, int], tuple[str, ...]]  # (concept, term) → folded tokens
    all_forms: set[str]  # every folded Latin form, deprecated ones too
    compact: dict[str, tuple[int, int]]  # accepted form's letters and digits only (openai) → (concept, term)


MIN_COMPACT = 5  # shorter names written apart are too often other words (AI, Meta)
QUOTES = "'’‘"


def compact(text: str) -> str:
    """Letters and digits only, lower case: 'Open AI', 'Open-AI' and 'OpenAI' are all 'openai'."""
    return "".join(c for c in text.lower() if c.isalnum())


def build_index(glossary) -> LatinIndex:
    by_token, singles, forms, all_forms, compacts = {}, {}, {}, set(), {}
    for ci, concept in enumerate(glossary.concepts):
        for ti, term in enumerate(concept.terms):
            if not is_latin_term(term.term):
                continue
            folded = fold(term.term)
            all_forms.add(folded)
            if term.status == "deprecated" or not term.term[:1].isupper():
                continue  # (lower-case terms are words, spaced and hyphenated every way: open source)
            key = compact(term.term)
            if len(key) >= MIN_COMPACT and key.isascii():
                compacts.setdefault(key, (ci, ti))
            if term.is_short:
                continue
            tokens = tuple(folded.split())
            forms[(ci, ti)] = tokens
            if len(tokens) == 1:
                if len(tokens[0]) >= MIN_SINGLE:
                    singles.setdefault(tokens[0][0], []).append((ci, ti))
            else:
                for pos, tok in enumerate(tokens):
                    by_token.setdefault((len(tokens), pos, tok), []).append((ci, ti))
    return LatinIndex(by_token, singles, forms, all_forms, compacts)
