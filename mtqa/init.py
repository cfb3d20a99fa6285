"""`mtqa init`: start a project — an `mtqa.toml` and a `glossaries/` folder — in a folder.

Like `pre-commit sample-config`: the files are templates (data/init_*) to edit. Nothing is
overwritten; if either would be, nothing is written at all.
"""
from __future__ import annotations

import shutil
from pathlib import Path

from .errors import MtqaError

DATA = Path(__file__).parent / "data"
CONFIG_NAME = "mtqa.toml"
GLOSSARY_DIR = "glossaries"
EXAMPLE_NAME = "glossary.yaml"


def init_project(folder: Path, copy_bundled: bool = False) -> list[Path]:
    """Write the config and the glossary folder into `folder`; return the files written.
    With `copy_bundled`, the glossary folder starts as a copy of mtqa's bundled glossary
    instead of one example concept."""
    from .config import CONFIG_NAMES, read_config_file

    folder = Path(folder)
    if not folder.is_dir():
        raise MtqaError(f"{folder}: no such folder")
    for name in CONFIG_NAMES:
        existing = folder / name
        if existing.is_file() and (name != "pyproject.toml" or read_config_file(existing) is not None):
            raise MtqaError(f"{existing} already configures mtqa; nothing was written")
    glossaries = folder / GLOSSARY_DIR
    if glossaries.exists() and any(glossaries.iterdir()):
        raise MtqaError(f"{glossaries} already exists and is not empty; nothing was written")
    sources = _bundled_files() if copy_bundled else [DATA / "init_glossary.yaml"]
    glossaries.mkdir(exist_ok=True)
    written = []
    for source in sources:
        target = glossaries / (source.name if copy_bundled else EXAMPLE_NAME)
        shutil.copyfile(source, target)
        written.append(target)
    config = folder / CONFIG_NAME
    shutil.copyfile(DATA / "init_mtqa.toml", config)
    written.insert(0, config)
    return written


def _bundled_files() -> list[Path]:
    from .glossary.loader import glossary_files
    from .project import bundled_glossary_path

    return list(glossary_files(bundled_glossary_path()))
