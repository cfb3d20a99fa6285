"""The rule registry. Codes are stable: T terminology, C consistency, N names, S script,
A artefacts (machine translation, scraping, formatting), P punctuation style."""
from __future__ import annotations

from .artefacts_markup import HTML_ENTITY
from .artefacts_mt import SPLIT_WORD, STRAY_FRAGMENT
from .artefacts_scrape import BOILERPLATE_LINE, CAPTION_RESIDUE, PINYIN_ANNOTATION, SPAM
from .artefacts_text import CITATION_MARKER, DUPLICATE_LINE, LOST_CHARACTERS, MARKDOWN_RESIDUE
from .base import LintContext, Rule
from .casing import CASING
from .consistency import INCONSISTENT
from .locale import MIXED_SCRIPT, REGIONAL_FORM
from .known_names import KNOWN_NAME
from .latin_words import LATIN_MISSPELLING, SPACED_WORD
from .names import NEAR_MISS
from .regional_words import REGIONAL_WORD
from .name_variants import NAME_VARIANTS
from .soundalike import SOUND_ALIKE
from .style import HALFWIDTH
from .terminology import ADMITTED, DEPRECATED

ALL_RULES: tuple[Rule, ...] = (
    DEPRECATED, ADMITTED, CASING, INCONSISTENT, NEAR_MISS, SOUND_ALIKE, NAME_VARIANTS, LATIN_MISSPELLING, KNOWN_NAME, MIXED_SCRIPT, REGIONAL_FORM, REGIONAL_WORD,
    STRAY_FRAGMENT, SPLIT_WORD, PINYIN_ANNOTATION, SPAM, BOILERPLATE_LINE, CAPTION_RESIDUE,
    MARKDOWN_RESIDUE, CITATION_MARKER, DUPLICATE_LINE, LOST_CHARACTERS, HTML_ENTITY, SPACED_WORD,
    HALFWIDTH,
)
RULES: dict[str, Rule] = {r.code: r for r in ALL_RULES}


def select_rules(select=None, ignore=None) -> list[Rule]:
    """Rules enabled by `select`/`ignore` code lists; a prefix (T, T00) selects a family."""

    def matches(rule: Rule, codes) -> bool:
        return any(rule.code.startswith(c.strip().upper()) or c.strip().lower() in ("all", rule.name) for c in codes)

    for codes in (select or [], ignore or []):
        for code in codes:
            c = code.strip()
            if c and c.upper() != "ALL" and not any(r.code.startswith(c.upper()) or r.name == c for r in ALL_RULES):
                raise ValueError(f"unknown rule code {code!r}; `mtqa rules` lists them")
    rules = [r for r in ALL_RULES if (matches(r, select) if select else r.default)]
    if ignore:
        rules = [r for r in rules if not matches(r, ignore)]
    return rules


__all__ = ["ALL_RULES", "RULES", "LintContext", "Rule", "select_rules"]
