"""Import and export in every interchange format: which reader or writer a file needs."""
from __future__ import annotations

from pathlib import Path

from ..errors import Problem
from .model import Concept

FORMATS = ("csv", "xlsx", "tbx", "yaml")
_SUFFIXES = {".csv": "csv", ".xlsx": "xlsx", ".tbx": "tbx", ".xml": "tbx", ".yaml": "yaml", ".yml": "yaml"}


def format_of(path: str, explicit: str | None = None) -> str:
    """The format named by `explicit`, else by the file's suffix; ValueError when neither says."""
    if explicit:
        fmt = explicit.lower()
        if fmt not in FORMATS:
            raise ValueError(f"unknown format {explicit!r} (expected one of {', '.join(FORMATS)})")
        return fmt
    fmt = _SUFFIXES.get(Path(path).suffix.lower())
    if fmt is None:
        raise ValueError(f"{path}: cannot tell the format from the suffix; pass --format ({', '.join(FORMATS)})")
    return fmt


def read_concepts(path: str, fmt: str, problems: list[Problem], warnings: list[Problem],
                  default_type: str = "term") -> list[Concept]:
    """Concepts from one file (schema-checked per concept; cross-concept checks are the caller's)."""
    p = Path(path)
    if fmt == "csv":
        from .io_csv import read_csv_glossary

        return read_csv_glossary(p, problems, warnings)
    if fmt == "xlsx":
        from .io_xlsx import read_xlsx

        return read_xlsx(p, problems, warnings)
    if fmt == "tbx":
        from .io_tbx_read import read_tbx

        return read_tbx(p, problems, warnings, default_type)
    from .io_yaml import read_yaml_glossary

    return read_yaml_glossary(p, problems)


def write_concepts(concepts: list[Concept], fmt: str, tbx_version: int = 3, description: str = "",
                   extra: bool = False) -> bytes:
    """`extra`: in CSV and XLSX, the columns after the six that carry term types, suggestions,
    exceptions, context cues, windows and concept notes."""
    if fmt == "csv":
        from .io_csv import write_csv
        from .model import Glossary

        return write_csv(Glossary(concepts), extra).encode("utf-8")
    if fmt == "xlsx":
        from .io_xlsx import write_xlsx

        return write_xlsx(concepts, extra)
    if fmt == "tbx":
        from .io_tbx_write import write_tbx

        return write_tbx(concepts, tbx_version, description or "Exported by mtqa")
    from .io_yaml_write import dump_concepts

    return dump_concepts(concepts, header=description or None).encode("utf-8")
