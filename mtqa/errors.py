"""Errors that carry a location, so every bad input names its file and line."""
from __future__ import annotations

from dataclasses import dataclass


class MtqaError(Exception):
    """Base class: a user-facing problem (exit code 2), never a crash."""


@dataclass(frozen=True)
class Problem:
    """One located problem in an input file."""

    path: str
    line: int | None
    message: str

    def __str__(self) -> str:
        where = self.path if self.line is None else f"{self.path}:{self.line}"
        return f"{where}: {self.message}"


class InputError(MtqaError):
    """A file that cannot be read or decoded."""


class GlossaryError(MtqaError):
    """A glossary that cannot be loaded; holds every problem found, not just the first."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))
