"""Where a project's glossary is, and which glossary is the one bundled with mtqa.

The bundled glossary is read-only: it lives inside the installed package (site-packages),
where an edit would be lost on the next upgrade and would change mtqa for every project on
the machine. Commands that edit a glossary ask `glossary_to_edit`, which never answers with it.
"""
from __future__ import annotations

from pathlib import Path

from .errors import MtqaError

PACKAGE_DIR = Path(__file__).resolve().parent


def bundled_glossary_path() -> Path:
    """The glossary shipped with mtqa: package data when installed, `glossaries/` in a source tree."""
    for candidate in (PACKAGE_DIR / "bundled_glossaries", PACKAGE_DIR.parent / "glossaries"):
        if candidate.is_dir():
            return candidate
    raise MtqaError("no glossary found: pass --glossary PATH, or run `mtqa init` to start one")


def nearest_glossaries_folder(start: Path | None = None) -> Path | None:
    """The nearest `glossaries/` folder holding YAML files at or above `start` (default: cwd)."""
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        candidate = folder / "glossaries"
        if candidate.is_dir() and any(candidate.glob("*.y*ml")):
            return candidate
    return None


def project_glossary(start: Path | None = None) -> list[Path] | None:
    """The glossary of the project `start` (default: cwd) is in: the `glossary` key of its
    config file, else the nearest `glossaries/` folder; None outside any project."""
    from .config import Resolver

    folder = (start or Path.cwd()).resolve()
    configured = Resolver().for_folder(folder).glossary
    if configured:
        return list(configured)
    nearest = nearest_glossaries_folder(folder)
    return [nearest] if nearest else None


def is_installed_bundle(path: Path) -> bool:
    """Is `path` inside the installed mtqa package (the bundled glossary in site-packages)?"""
    return Path(path).resolve().is_relative_to(PACKAGE_DIR)


def glossary_to_edit(paths: list[str] | None) -> list[str]:
    """The glossary an edit may write to: `paths`, else the project's. Raises MtqaError, saying
    what to do, rather than return the bundled glossary."""
    if paths:
        for p in paths:
            if is_installed_bundle(Path(p)):
                raise MtqaError(f"{p} is inside the installed mtqa package, where its bundled glossary lives; "
                                f"mtqa never edits it (an upgrade would undo the edit). Run `mtqa init "
                                f"--copy-bundled` to start a project glossary from it, then edit that")
        return list(paths)
    found = project_glossary()
    if found is None:
        raise MtqaError(f"no project glossary here: no `glossary` key in an mtqa.toml and no glossaries/ folder "
                        f"in {Path.cwd()} or above it. mtqa will not edit the glossary bundled with it. Run "
                        f"`mtqa init` to start a project (mtqa.toml and glossaries/), or pass --glossary PATH")
    return [str(p) for p in found]
