"""Load glossaries from files and folders (YAML or the flat CSV), validated."""
from __future__ import annotations

from pathlib import Path

from ..errors import GlossaryError, Problem
from .model import Glossary
from .validate import check_concepts

GLOSSARY_SUFFIXES = (".yaml", ".yml", ".csv")


def glossary_files(*paths) -> list[Path]:
    """The glossary files named by `paths`, folders expanded (sorted, stable)."""
    files: list[Path] = []
    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            files.extend(sorted(f for f in p.rglob("*") if f.suffix.lower() in GLOSSARY_SUFFIXES and f.is_file()))
        elif p.exists():
            files.append(p)
        else:
            raise GlossaryError([Problem(str(p), None, "no such glossary file or folder")])
    return files


def load_glossary(*paths) -> Glossary:
    files = glossary_files(*paths)
    problems: list[Problem] = []
    concepts = []
    for f in files:
        if f.suffix.lower() == ".csv":
            from .io_csv import read_csv_glossary

            concepts.extend(read_csv_glossary(f, problems))
        else:
            from .io_yaml import read_yaml_glossary

            concepts.extend(read_yaml_glossary(f, problems))
    problems.extend(check_concepts(concepts))
    if problems:
        raise GlossaryError(problems)
    return Glossary(concepts, sources=[str(f) for f in files])
