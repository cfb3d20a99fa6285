"""The wheel ships every subpackage and the bundled glossary."""
import tomllib

from conftest import ROOT


def test_every_subpackage_is_listed_in_pyproject():
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]
    listed = set(config["packages"])
    found = {".".join(p.parent.relative_to(ROOT).parts) for p in (ROOT / "mtqa").rglob("__init__.py")}
    assert found <= listed, f"add {sorted(found - listed)} to [tool.setuptools] packages"
    assert config["package-dir"]["mtqa.bundled_glossaries"] == "glossaries"
    assert list((ROOT / "glossaries").glob("*.yaml"))


def test_seeds_are_the_shared_ones_unchanged():
    shared = ROOT.parent / "shared" / "seeds"
    if not shared.is_dir():
        import pytest

        pytest.skip("../shared/seeds is not beside this checkout")
    ours = sorted(p.name for p in (ROOT / "seeds").glob("*.txt"))
    assert ours == sorted(p.name for p in shared.glob("*.txt"))
    for name in ours:
        assert (ROOT / "seeds" / name).read_bytes() == (shared / name).read_bytes()


def test_readme_lists_every_rule():
    from mtqa.rules import ALL_RULES

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for rule in ALL_RULES:
        assert f"| {rule.code} | {rule.name} |" in readme, f"README's rule table lacks {rule.code}"


def test_non_python_package_files_are_package_data():
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]
    data = config["package-data"]
    for path in (ROOT / "mtqa").rglob("*"):
        if path.is_file() and path.suffix not in (".py", ".pyc", ".typed") and "__pycache__" not in path.parts:
            package = ".".join(path.parent.relative_to(ROOT).parts)
            assert f"*{path.suffix}" in data.get(package, []), f"{path} is not in [tool.setuptools.package-data]"
