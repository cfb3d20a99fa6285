"""Replay every kept fuzz input through its target: each crash found once stays fixed."""
import sys
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import targets  # noqa: E402

CASES = [(name, p) for name in targets.TARGETS for p in sorted((HERE / "corpus" / name).glob("*")) if p.is_file()]


@pytest.mark.parametrize("name, path", CASES, ids=[f"{n}/{p.name[:12]}" for n, p in CASES])
def test_corpus_input(name, path):
    targets.TARGETS[name](path.read_bytes())


def test_the_corpus_is_not_empty():
    assert len(CASES) >= 20
