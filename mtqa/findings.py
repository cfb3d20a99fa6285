"""Findings and fixes: what a rule reports and how it can be repaired.

Modelled on ruff's diagnostics: a `Fix` is a set of `Edit`s with an
`Applicability` that says whether `--fix` may apply it unasked.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum
from typing import NamedTuple


class Severity(str, Enum):
    """How bad a finding is; ordered info < warning < error."""

    INFO = "info"
    WARNING = "warning"
    ERROR = "error"

    @property
    def rank(self) -> int:
        return _SEVERITY_RANK[self]

    @classmethod
    def parse(cls, value: str) -> "Severity":
        try:
            return cls(value.lower())
        except ValueError:
            raise ValueError(f"unknown severity {value!r} (expected error, warning or info)") from None


_SEVERITY_RANK = {Severity.INFO: 0, Severity.WARNING: 1, Severity.ERROR: 2}


class Applicability(str, Enum):
    """Whether a fix is applied by `--fix` (safe) or only with `--unsafe-fixes`."""

    SAFE = "safe"
    UNSAFE = "unsafe"


class Edit(NamedTuple):
    """Replace text[start:end] with `replacement` (0-based character offsets).

    Edits and fixes are named tuples, immutable like frozen dataclasses and four times cheaper to
    make: a document with thousands of findings makes thousands of them."""

    start: int
    end: int
    replacement: str


class Fix(NamedTuple):
    edits: tuple[Edit, ...]
    applicability: Applicability = Applicability.SAFE

    @classmethod
    def replace(cls, start: int, end: int, text: str, applicability: Applicability) -> "Fix":
        return cls((Edit(start, end, text),), applicability)


@dataclass(slots=True)
class Finding:
    """One problem found in one document."""

    path: str
    line: int
    column: int
    start: int
    end: int
    rule: str
    name: str
    severity: Severity
    message: str
    found: str
    suggestion: str | None = None
    concept: str | None = None
    fix: Fix | None = field(default=None, compare=False)

    @property
    def fixable(self) -> bool:
        return self.fix is not None

    def __reduce__(self):
        # As plain values: a slotted dataclass pickles through dataclasses' Python-level
        # __getstate__/__setstate__, and enums and named tuples through Python-level reducers;
        # --jobs workers send back thousands of findings per file.
        fix = self.fix
        if fix is not None:
            fix = (fix.applicability._value_, tuple(tuple(e) for e in fix.edits))
        return (_restore, (self.path, self.line, self.column, self.start, self.end, self.rule, self.name,
                           self.severity._value_, self.message, self.found, self.suggestion, self.concept, fix))

    def to_dict(self) -> dict:
        """The stable JSON form (keys documented in the README)."""
        return {
            "path": self.path,
            "line": self.line,
            "column": self.column,
            "start": self.start,
            "end": self.end,
            "rule": self.rule,
            "name": self.name,
            "severity": self.severity._value_,  # _value_: no enum descriptor call (a million findings)
            "message": self.message,
            "found": self.found,
            "suggestion": self.suggestion,
            "concept": self.concept,
            "fix": None if self.fix is None else self.fix.applicability._value_,
        }


_SEVERITIES = {s.value: s for s in Severity}
_APPLICABILITIES = {a.value: a for a in Applicability}


def _restore(path, line, column, start, end, rule, name, severity, message, found, suggestion, concept, fix):
    """Unpickle a Finding (see Finding.__reduce__)."""
    if fix is not None:
        fix = Fix(tuple(Edit(*e) for e in fix[1]), _APPLICABILITIES[fix[0]])
    return Finding(path, line, column, start, end, rule, name, _SEVERITIES[severity], message, found,
                   suggestion, concept, fix)
