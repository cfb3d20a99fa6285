"""Load glossaries from files and folders (YAML or the flat CSV), validated."""
from __future__ import annotations

from pathlib import Path

from ..errors import GlossaryError, Problem
from .model import Glossary
from .validate import check_concepts

GLOSSARY_SUFFIXES = (".yaml", ".yml", ".csv")
IMPORT_ONLY_SUFFIXES = (".tbx", ".xml", ".xlsx")  # interchange formats: `mtqa glossary import` turns them into YAML


def glossary_files(*paths) -> list[Path]:
    """The glossary files named by `paths`, folders expanded (sorted, stable)."""
    files: list[Path] = []
    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            files.extend(sorted(f for f in p.rglob("*") if f.suffix.lower() in GLOSSARY_SUFFIXES and f.is_file()))
        elif p.suffix.lower() in IMPORT_ONLY_SUFFIXES and p.exists():
            # read as YAML it would only give a puzzling syntax error
            raise GlossaryError([Problem(str(p), None, f"mtqa reads glossaries from YAML or CSV; import this "
                                                       f"{p.suffix.lower()[1:].upper()} file first: mtqa glossary "
                                                       f"import {p} -o glossaries/{p.stem}.yaml")])
        elif p.is_file():
            files.append(p)
        elif p.exists():  # a FIFO or a device would block or never end
            raise GlossaryError([Problem(str(p), None, "not a regular file (a pipe, socket or device); "
                                                       "give a glossary file or folder")])
        else:
            raise GlossaryError([Problem(str(p), None, "no such glossary file or folder")])
    return files


def load_glossary(*paths) -> Glossary:
    files = glossary_files(*paths)
    problems: list[Problem] = []
    warnings: list[Problem] = []
    concepts = []
    for f in files:
        if f.suffix.lower() == ".csv":
            from .io_csv import read_csv_glossary

            concepts.extend(read_csv_glossary(f, problems, warnings))
        else:
            from .io_yaml import read_yaml_glossary

            concepts.extend(read_yaml_glossary(f, problems))
    problems.extend(check_concepts(concepts))
    if problems:
        raise GlossaryError(problems)
    from .infer import infer_types

    said = list({str(w): w for w in warnings}.values())
    return infer_types(Glossary(concepts, sources=[str(f) for f in files], warnings=said))
