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


def test_lint_needs_no_optional_dependency_and_the_extras_cover_the_rest():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    core = " ".join(project["dependencies"])
    extras = project["optional-dependencies"]
    for heavy in ("dask", "pyarrow", "translate-toolkit"):
        assert heavy not in core  # a pre-commit hook installs the core only
    for required in ("sacrebleu", "opencc", "jieba", "pandas", "typer"):
        assert required in core
    assert set(extras["all"]) == set(extras["scan"]) | set(extras["bilingual"])
    assert set(extras["all"]) <= set(extras["test"])  # the tests exercise every command


def test_a_missing_optional_package_is_a_clear_error(monkeypatch, tmp_path):
    import sys

    from typer.testing import CliRunner

    from mtqa.cli import app

    for name in ("pyarrow", "distributed", "translate"):
        monkeypatch.setitem(sys.modules, name, None)  # find_spec raises for a None entry…
    import importlib.util

    real = importlib.util.find_spec
    monkeypatch.setattr(importlib.util, "find_spec",  # …so answer "not installed" as it would
                        lambda name, *a: None if name in ("pyarrow", "distributed", "translate") else real(name, *a))
    (tmp_path / "a.txt").write_text("王涛加入了梅塔。\n", encoding="utf-8")
    (tmp_path / "b.po").write_text('msgid "Hello"\nmsgstr "你好"\n', encoding="utf-8")
    scan = CliRunner().invoke(app, ["scan", str(tmp_path / "a.txt"), "-o", str(tmp_path / "out")])
    assert scan.exit_code == 2
    assert "mtqa scan needs pyarrow, which is not installed: pip install 'mtqa[scan]'" in scan.output
    bilingual = CliRunner().invoke(app, ["bilingual", str(tmp_path / "b.po")])
    assert "needs translate-toolkit, which is not installed: pip install 'mtqa[bilingual]'" in bilingual.output
    from mtqa.lint import lint_text

    assert [f.rule for f in lint_text("王涛加入了梅塔。")][:1] == ["T001"]  # lint does not care
