"""The glossary data model: concepts with terms per language, each with a TBX status."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterator

STATUSES = ("preferred", "admitted", "deprecated")
LANGS = ("en", "zh-Hans", "zh-Hant", "zh-CN", "zh-TW", "zh-HK")
CHINESE_LANGS = LANGS[1:]
HANT_LANGS = ("zh-Hant", "zh-TW", "zh-HK")
CONCEPT_TYPES = ("person", "org", "product", "model", "codename", "title", "term")
# TBX termType values for forms that are short references, never an inconsistency.
TERM_TYPES = ("fullForm", "acronym", "abbreviation", "shortForm")
SHORT_TERM_TYPES = ("acronym", "abbreviation", "shortForm")
FIX_KINDS = ("safe", "unsafe", "none")


@dataclass
class Term:
    """One written form of a concept, in one language, with its status."""

    term: str
    lang: str
    status: str
    note: str | None = None
    type: str | None = None  # TBX termType: acronym, abbreviation, shortForm, fullForm
    exceptions: list[str] = field(default_factory=list)  # longer words that are fine
    context: list[str] = field(default_factory=list)  # cue words that must be near
    window: int = 0  # characters either side for `context`; 0 = whole document
    suggest: str | None = None  # explicit replacement for a deprecated form
    fix: str | None = None  # override: safe, unsafe or none
    line: int | None = None  # where it was defined, for error messages
    derived: bool = False  # made by `mtqa glossary derive` (OpenCC), not yet reviewed by a person
    type_inferred: bool = False  # `type` was not in the glossary but read from the forms (glossary.infer)

    @property
    def is_short(self) -> bool:
        return self.type in SHORT_TERM_TYPES

    @property
    def accepted(self) -> bool:
        return self.status != "deprecated"


@dataclass
class Concept:
    id: str
    type: str
    terms: list[Term]
    note: str | None = None
    source: str | None = None  # file it was loaded from
    line: int | None = None
    distinct_from: list[str] = field(default_factory=list)  # ids validate must not call near-duplicates

    def preferred(self, lang: str) -> Term | None:
        for t in self.terms:
            if t.lang == lang and t.status == "preferred":
                return t
        return None

    def forms(self, status: str | None = None) -> list[str]:
        return [t.term for t in self.terms if status is None or t.status == status]


@dataclass
class Glossary:
    """An ordered set of concepts; load with `Glossary.load(path)`."""

    concepts: list[Concept]
    sources: list[str] = field(default_factory=list)
    warnings: list = field(default_factory=list)  # errors.Problem: what loading adapted (a type 'company' read as 'org')

    def __post_init__(self) -> None:
        self._by_id = {c.id: c for c in self.concepts}

    def __getstate__(self):
        # Caches (the id index, a compiled matcher that points back here) are rebuilt, not pickled.
        return {"concepts": self.concepts, "sources": self.sources, "warnings": self.warnings}

    def __setstate__(self, state):
        self.__dict__.update(state)
        self.__post_init__()

    def __iter__(self) -> Iterator[Concept]:
        return iter(self.concepts)

    def __len__(self) -> int:
        return len(self.concepts)

    def __getitem__(self, concept_id: str) -> Concept:
        return self._by_id[concept_id]

    def get(self, concept_id: str) -> Concept | None:
        return self._by_id.get(concept_id)

    @classmethod
    def load(cls, *paths) -> "Glossary":
        """Load and validate YAML (or CSV) glossaries from files or folders."""
        from .loader import load_glossary

        return load_glossary(*paths)
