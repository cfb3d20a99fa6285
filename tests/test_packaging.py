"""The wheel ships every subpackage and the bundled glossary."""
import tomllib

from conftest import ROOT


def test_the_wheel_holds_every_module_data_file_the_core_and_the_bundled_glossary(tmp_path):
    """The wheel as `pip install .` builds it (maturin): every file of the package, the compiled
    core, and glossaries/ as mtqa/bundled_glossaries/ (a symbolic link in the source tree)."""
    import os
    import subprocess
    import sys
    import zipfile

    link = ROOT / "mtqa" / "bundled_glossaries"
    assert link.is_symlink() and os.readlink(link) == "../glossaries"
    env = dict(os.environ, CARGO_NET_OFFLINE="true")
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q", "-w", str(tmp_path),
                    str(ROOT)], check=True, env=env)
    wheel = next(tmp_path.glob("mtqa-*.whl"))
    names = set(zipfile.ZipFile(wheel).namelist())
    assert any(n.startswith("mtqa/_core.") and n.endswith((".so", ".pyd")) for n in names)
    for path in (ROOT / "mtqa").rglob("*"):
        rel = path.relative_to(ROOT).as_posix()
        if path.is_file() and "__pycache__" not in path.parts and not path.name.startswith("_core."):
            assert rel in names, f"{rel} is not in the wheel"
    glossaries = sorted(p.name for p in (ROOT / "glossaries").glob("*.yaml"))
    assert glossaries and all(f"mtqa/bundled_glossaries/{g}" in names for g in glossaries)
    assert not any(n.startswith(("glossaries/", "core/", "tests/")) for n in names)


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


def test_lint_needs_no_optional_dependency_and_the_extras_cover_the_rest():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    core = " ".join(project["dependencies"])
    extras = project["optional-dependencies"]
    for heavy in ("dask", "pyarrow", "translate-toolkit", "pygls"):
        assert heavy not in core  # a pre-commit hook installs the core only
    for required in ("sacrebleu", "opencc", "jieba", "pandas", "typer"):
        assert required in core
    assert set(extras["all"]) == set(extras["scan"]) | set(extras["bilingual"]) | set(extras["server"])
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
