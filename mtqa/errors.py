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


def is_core_panic(exc: BaseException) -> bool:
    """A panic in the compiled core (mtqa._core), which PyO3 raises as a PanicException (a
    BaseException, like KeyboardInterrupt, so no `except Exception` catches it by accident)."""
    return type(exc).__name__ == "PanicException"


def core_panic_message(path, exc: BaseException) -> str:
    return (f"{path}: mtqa's compiled core failed on this file ({exc}); nothing was written to it. "
            "Please report this with the file")
