"""Glossary edits go to the user's project, never to the glossary bundled with mtqa (issue 15 §4),
and `mtqa init` starts a project."""
import shutil

import pytest
from typer.testing import CliRunner

from mtqa import project
from mtqa.cli import app

from glossary_util import GLOSSARIES, snapshot, write

EDITS = [
    ["glossary", "add", "foo", "福", "--type", "term"],
    ["glossary", "add", "yann-lecun", "扬·勒村", "--status", "deprecated"],
    ["glossary", "deprecate", "扬·勒昆", "--concept", "yann-lecun"],
    ["glossary", "prefer", "扬·勒昆", "--concept", "yann-lecun"],
    ["glossary", "derive", "--to", "zh-TW"],
    ["glossary", "import", "{csv}", "--merge"],
]


def mtqa(*args):
    return CliRunner().invoke(app, [str(a) for a in args])


@pytest.fixture()
def outside(tmp_path, monkeypatch):
    """A working folder in no project: no mtqa.toml and no glossaries/ folder above it."""
    work = tmp_path / "work"
    work.mkdir()
    monkeypatch.chdir(work)
    write(tmp_path / "new.csv", "concept_id,type,lang,term,status,note\nfoo,term,zh-Hans,福,preferred,\n")
    return work


@pytest.mark.parametrize("args", EDITS, ids=lambda a: " ".join(a[1:3]))
def test_outside_a_project_an_edit_points_to_init_and_writes_nothing(outside, args):
    before = snapshot(project.bundled_glossary_path())
    result = mtqa(*[a.replace("{csv}", str(outside.parent / "new.csv")) for a in args])
    assert result.exit_code == 2, result.output
    assert "no project glossary here" in result.output and "mtqa init" in result.output
    assert snapshot(project.bundled_glossary_path()) == before
    assert list(outside.iterdir()) == []


@pytest.mark.parametrize("args", EDITS, ids=lambda a: " ".join(a[1:3]))
def test_an_edit_aimed_at_the_installed_package_is_refused(outside, tmp_path, monkeypatch, args):
    """Installed, the bundled glossary is package data in site-packages (simulated here)."""
    package = tmp_path / "site-packages" / "mtqa"
    shutil.copytree(GLOSSARIES, package / "bundled_glossaries")
    monkeypatch.setattr(project, "PACKAGE_DIR", package)
    assert project.bundled_glossary_path() == package / "bundled_glossaries"
    before = snapshot(package / "bundled_glossaries")
    argv = [a.replace("{csv}", str(outside.parent / "new.csv")) for a in args]
    result = mtqa(*argv, "--glossary", package / "bundled_glossaries")
    assert result.exit_code == 2, result.output
    assert "inside the installed mtqa package" in result.output and "mtqa init --copy-bundled" in result.output
    assert snapshot(package / "bundled_glossaries") == before


def test_init_starts_a_project_that_lint_and_the_edits_use(outside):
    result = mtqa("init")
    assert result.exit_code == 0, result.output
    assert sorted(p.relative_to(outside).as_posix() for p in outside.rglob("*") if p.is_file()) == \
           ["glossaries/glossary.yaml", "mtqa.toml"]
    assert mtqa("glossary", "validate").exit_code == 0
    article = write(outside / "a.txt", "杨立坤说，王涛也来了。杨立昆是图灵奖得主。\n")
    result = mtqa("lint", "--format", "json", article)
    assert result.exit_code == 1
    assert '"found": "杨立坤"' in result.output
    assert "王涛" not in result.output.split("[", 1)[1]  # only the project's one concept is known
    # Edits now land in the project's glossary.
    assert mtqa("glossary", "add", "alexandr-wang", "亚历山大·王", "--type", "person").exit_code == 0
    assert mtqa("glossary", "deprecate", "王涛", "-c", "alexandr-wang", "--suggest", "亚历山大·王").exit_code == 0
    assert "王涛" in (outside / "glossaries" / "glossary.yaml").read_text(encoding="utf-8")
    result = mtqa("lint", "--format", "json", article)
    assert result.output.count('"rule": "T001"') == 2


def test_edits_follow_the_glossary_key_of_the_config(outside):
    write(outside / "mtqa.toml", 'glossary = ["terms/"]\n')
    (outside / "terms").mkdir()
    shutil.copyfile(GLOSSARIES / "terms.yaml", outside / "terms" / "t.yaml")
    assert mtqa("glossary", "add", "foo", "福", "--type", "term").exit_code == 0
    assert "福" in (outside / "terms" / "t.yaml").read_text(encoding="utf-8")


def test_init_never_overwrites(outside):
    assert mtqa("init").exit_code == 0
    config = (outside / "mtqa.toml").read_bytes()
    (outside / "mtqa.toml").write_text("# mine\n", encoding="utf-8")
    result = mtqa("init")
    assert result.exit_code == 2 and "already configures mtqa; nothing was written" in result.output
    assert (outside / "mtqa.toml").read_text(encoding="utf-8") == "# mine\n" and config
    # A glossaries/ folder of the user's own stops it too, and no mtqa.toml appears.
    other = outside / "other"
    write_dir = other / "glossaries"
    write_dir.mkdir(parents=True)
    (write_dir / "mine.yaml").write_text("concepts: []\n", encoding="utf-8")
    result = mtqa("init", other)
    assert result.exit_code == 2 and "not empty" in result.output
    assert not (other / "mtqa.toml").exists()
    # So does a pyproject.toml with a [tool.mtqa] table (one without it does not count).
    py = outside / "py"
    py.mkdir()
    write(py / "pyproject.toml", "[tool.mtqa]\nlocale = \"zh-TW\"\n")
    assert mtqa("init", py).exit_code == 2
    write(py / "pyproject.toml", "[project]\nname = \"x\"\n")
    assert mtqa("init", py).exit_code == 0


def test_init_copy_bundled_starts_from_the_bundled_glossary(outside):
    assert mtqa("init", "--copy-bundled").exit_code == 0
    assert snapshot(outside / "glossaries") == snapshot(project.bundled_glossary_path())
    assert mtqa("glossary", "add", "foo", "福", "--type", "term").exit_code == 0
    assert snapshot(outside / "glossaries") != snapshot(project.bundled_glossary_path())
