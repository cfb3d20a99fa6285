from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).resolve().parent / "data"
SEEDS = ROOT / "seeds"
GLOSSARIES = ROOT / "glossaries"


@pytest.fixture(autouse=True)
def _isolated_cache(tmp_path_factory, monkeypatch):
    """Never touch the user's cache; share one cache per test session."""
    monkeypatch.setenv("MTQA_CACHE_DIR", str(tmp_path_factory.getbasetemp() / "cache"))


@pytest.fixture(scope="session")
def mini():
    from mtqa.glossary import load_glossary

    return load_glossary(DATA / "mini.yaml")


@pytest.fixture(scope="session")
def bundled():
    from mtqa.glossary import load_glossary

    return load_glossary(GLOSSARIES)


def seed(prefix: str) -> Path:
    return next(SEEDS.glob(f"{prefix}_*.txt"))


def lint(text, glossary, **kw):
    import mtqa

    return mtqa.lint_text(text, glossary=glossary, **kw)


def by_rule(findings, rule):
    return [(f.found, f.suggestion) for f in findings if f.rule == rule]
