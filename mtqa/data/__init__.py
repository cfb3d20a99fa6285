"""Data files the rules and the readers load: word lists, costs, cue words (see each file's header).

Every file is UTF-8; `#` starts a comment line; `[name]` lines, where a file has them, open a section.
"""
from __future__ import annotations

from pathlib import Path

HERE = Path(__file__).resolve().parent


def lines(name: str) -> list[str]:
    """The non-empty, non-comment lines of data file `name`, stripped of the line break only."""
    with open(HERE / name, encoding="utf-8") as f:
        return [line.rstrip("\n") for line in f if line.strip() and not line.startswith("#")]


def sections(name: str) -> dict[str, list[str]]:
    """`[section]` → its lines (stripped), for a data file made of sections."""
    out: dict[str, list[str]] = {}
    current: list[str] | None = None
    for line in lines(name):
        line = line.strip()
        if line.startswith("[") and line.endswith("]"):
            current = out.setdefault(line[1:-1], [])
        elif current is not None:
            current.append(line)
    return out
