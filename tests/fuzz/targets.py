"""Fuzz targets: each takes bytes and must either succeed or raise mtqa's own user-facing errors.

Run a coverage-guided session with atheris (see run_fuzz.py); test_fuzz_corpus.py replays the
kept corpus of interesting inputs on every test run.
"""
from __future__ import annotations

import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
_STATE: dict = {}


def _matcher():
    if "matcher" not in _STATE:
        from mtqa.glossary import load_glossary
        from mtqa.matcher import Matcher

        _STATE["matcher"] = Matcher.build(load_glossary(ROOT / "tests" / "data" / "mini.yaml"))
    return _STATE["matcher"]


def document(data: bytes) -> None:
    """Decoding any bytes: text or InputError, never another exception."""
    from mtqa.document import decode
    from mtqa.errors import InputError

    from mtqa.document import write_back

    try:
        text, used = decode(data, "fuzz.txt")
    except InputError:
        return
    assert write_back(data, text, text, used) == data  # nothing changed, not a byte differs


def lint(data: bytes) -> None:
    """Linting any text: findings with exact spans; fixing is stable."""
    from mtqa.document import Document
    from mtqa.fix import fix_text, fixable
    from mtqa.lint import lint_document
    from mtqa.rules import ALL_RULES

    text = data.decode("utf-8", errors="replace")
    matcher = _matcher()

    def run(t):
        return lint_document(Document(text=t, path="fuzz.txt"), matcher, ALL_RULES)

    for f in run(text):
        assert f.found == text[f.start:f.end]
    fixed, _ = fix_text(text, run)
    assert fixable(run(fixed)) == []


def _load(suffix: str, data: bytes) -> None:
    from mtqa.errors import GlossaryError
    from mtqa.glossary import load_glossary

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"g{suffix}"
        path.write_bytes(data)
        try:
            load_glossary(path)
        except GlossaryError as exc:
            assert exc.problems and all(p.path for p in exc.problems)


def glossary_yaml(data: bytes) -> None:
    _load(".yaml", data)


def glossary_csv(data: bytes) -> None:
    _load(".csv", data)


def glossary_tbx(data: bytes) -> None:
    """TBX import: concepts, or problems that each name the file."""
    from mtqa.glossary.io_tbx_read import parse_tbx

    problems, warnings = [], []
    parse_tbx(data, "fuzz.tbx", problems, warnings)
    assert all(p.path == "fuzz.tbx" for p in problems + warnings)


TARGETS = {"document": document, "lint": lint, "glossary_yaml": glossary_yaml,
           "glossary_csv": glossary_csv, "glossary_tbx": glossary_tbx}
