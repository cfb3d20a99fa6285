"""Shared helpers for the glossary-maintenance tests."""
from __future__ import annotations

import shutil
import textwrap
from pathlib import Path

TESTS = Path(__file__).resolve().parent.parent
ROOT = TESTS.parent
DATA = TESTS / "data"
TBX_DATA = DATA / "tbx"
MINI = DATA / "mini.yaml"
SEEDS = ROOT / "seeds"
GLOSSARIES = ROOT / "glossaries"


def cli(*args: str):
    """Run `mtqa glossary ARGS` in-process; the result has exit_code, stdout, stderr."""
    from typer.testing import CliRunner

    from mtqa.cli import app

    return CliRunner().invoke(app, ["glossary", *map(str, args)])


def write(path: Path, body: str) -> Path:
    path.write_text(textwrap.dedent(body), encoding="utf-8")
    return path


def copy_glossaries(tmp_path: Path, name: str = "g") -> Path:
    """A private copy of the bundled glossary folder (tests edit it)."""
    dest = tmp_path / name
    shutil.copytree(GLOSSARIES, dest)
    return dest


def snapshot(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()}
