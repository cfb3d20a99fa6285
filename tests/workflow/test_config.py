"""Configuration: discovery like ruff (nearest file wins), `extend`, precedence of the
command line, every key doing what it says, and bad values named with file and key."""
import json
from pathlib import Path

import pytest

from workflow_helpers import BAD, findings, mtqa, project, write

BASE = 'glossary = "glossaries"\nselect = ["T", "C001", "N001"]\n'


def test_config_in_a_parent_folder_applies_and_a_nearer_one_overrides_it(tmp_path):
    project(tmp_path, BASE + 'ignore = ["T001"]\n')
    write(tmp_path / "top.md", BAD)
    write(tmp_path / "news" / "deep" / "a.md", BAD)
    # The root config reaches a file two folders down: T001 is ignored everywhere.
    assert findings("top.md", "news/deep/a.md", cwd=tmp_path) == []
    # A nearer config wins outright (as in ruff): its folder no longer sees the root's ignore.
    write(tmp_path / "news" / "mtqa.toml", 'glossary = "../glossaries"\nselect = ["T001"]\n')
    assert findings("top.md", "news/deep/a.md", cwd=tmp_path) == [
        ("T001", "王涛", 1), ("T001", "倩文", 2)]
    assert all(p.endswith("a.md") for p in _paths("top.md", "news/deep/a.md", cwd=tmp_path))


def _paths(*args, cwd):
    r = mtqa("lint", "--format", "json", *args, cwd=cwd)
    return [d["path"] for d in json.loads(r.stdout)]


def test_extend_inherits_and_the_extending_file_wins(tmp_path):
    project(tmp_path, BASE + 'ignore = ["T001"]\nallow = ["倩文"]\n')
    write(tmp_path / "news" / "mtqa.toml", 'extend = "../mtqa.toml"\nfail-on = "info"\n')
    write(tmp_path / "news" / "a.md", BAD + "汪滔说。\n")
    # ignore and allow come from the base, fail-on from the nearer file: only the T002 info remains, and fails.
    r = mtqa("lint", "news/a.md", "--format", "json", cwd=tmp_path)
    assert [(d["rule"], d["found"]) for d in json.loads(r.stdout)] == [("T002", "汪滔")]
    assert r.returncode == 1
    # A later `select` replaces what the base selected (rule layers, as in ruff).
    write(tmp_path / "news" / "mtqa.toml", 'extend = "../mtqa.toml"\nselect = ["T001"]\n')
    assert findings("news/a.md", cwd=tmp_path) == [("T001", "王涛", 1)]


def test_pyproject_without_tool_mtqa_is_skipped_and_one_folder_has_an_order(tmp_path):
    project(tmp_path, BASE + 'ignore = ["T001"]\n')
    write(tmp_path / "sub" / "pyproject.toml", '[project]\nname = "articles"\n[tool.ruff]\nselect = ["E"]\n')
    write(tmp_path / "sub" / "a.md", BAD)
    assert findings("sub/a.md", cwd=tmp_path) == []  # walked past sub/pyproject.toml to the root config
    # [tool.mtqa] in pyproject.toml counts; .mtqa.toml beats mtqa.toml beats pyproject.toml in one folder.
    write(tmp_path / "sub" / "pyproject.toml", '[tool.mtqa]\nglossary = "../glossaries"\nselect = ["T001"]\n')
    assert [f[1] for f in findings("sub/a.md", cwd=tmp_path)] == ["王涛", "倩文"]
    write(tmp_path / "sub" / "mtqa.toml", 'glossary = "../glossaries"\nselect = ["T002"]\n')
    assert findings("sub/a.md", cwd=tmp_path) == []
    write(tmp_path / "sub" / ".mtqa.toml", 'glossary = "../glossaries"\nselect = ["T001"]\nallow = ["倩文"]\n')
    assert findings("sub/a.md", cwd=tmp_path) == [("T001", "王涛", 1)]


def test_command_line_overrides_the_file(tmp_path):
    project(tmp_path, BASE + 'ignore = ["T001"]\nfail-on = "info"\n')
    write(tmp_path / "a.md", BAD + "汪滔说。\n")
    assert findings("a.md", cwd=tmp_path) == [("T002", "汪滔", 3)]
    # --select on the command line replaces the file's select and ignore.
    assert [f[0] for f in findings("a.md", "--select", "T001", cwd=tmp_path)] == ["T001", "T001"]
    # --ignore adds to the file's choice; --fail-on replaces the file's threshold.
    assert mtqa("lint", "a.md", cwd=tmp_path).returncode == 1  # info fails under the file's fail-on
    assert mtqa("lint", "a.md", "--fail-on", "error", cwd=tmp_path).returncode == 0
    assert findings("a.md", "--ignore", "T002", cwd=tmp_path) == []
    # --glossary replaces the file's glossary.
    write(tmp_path / "other.yaml", "concepts:\n  - id: x\n    type: term\n    terms:\n"
                                   "      - {term: 模型, lang: zh-Hans, status: preferred}\n"
                                   "      - {term: 倩文, lang: zh-Hans, status: deprecated}\n")
    assert findings("a.md", "-g", "other.yaml", "--select", "T", cwd=tmp_path) == [("T001", "倩文", 2)]
    # --isolated reads no config; --config names one for every file.
    assert ("T001", "王涛", 1) in findings("a.md", "--isolated", "-g", "glossaries", "--select", "T", cwd=tmp_path)
    write(tmp_path / "elsewhere" / "strict.toml", 'glossary = "../glossaries"\nselect = ["T001"]\n')
    assert findings("a.md", "--config", "elsewhere/strict.toml", cwd=tmp_path) == [
        ("T001", "王涛", 1), ("T001", "倩文", 2)]


def test_per_file_ignores_severity_and_locale(tmp_path):
    project(tmp_path, BASE + '[per-file-ignores]\n"legacy/**" = ["T001"]\n"*.draft.md" = ["T"]\n'
                             '[severity]\nT002 = "error"\n')
    for name in ("legacy/old.md", "news/legacy/x.md", "new.md", "b.draft.md"):
        write(tmp_path / name, "王涛和汪滔。\n")
    got = {p: [d["rule"] + ":" + d["severity"] for d in json.loads(
        mtqa("lint", p, "--format", "json", cwd=tmp_path).stdout)] for p in
        ("legacy/old.md", "news/legacy/x.md", "new.md", "b.draft.md")}
    assert got["legacy/old.md"] == ["T002:error"]  # T001 ignored under legacy/, T002 raised to error
    assert got["news/legacy/x.md"] == ["T001:error", "T002:error"]  # anchored glob: only the top legacy/
    assert got["new.md"] == ["T001:error", "T002:error"]
    assert got["b.draft.md"] == []  # a name glob matches at any depth, a prefix ignores a family
    assert mtqa("lint", "legacy/old.md", cwd=tmp_path).returncode == 1  # the raised T002 now fails


def test_include_and_exclude(tmp_path):
    project(tmp_path, BASE + 'include = ["*.md", "*.text"]\nexclude = ["drafts", "news/2023/**"]\n')
    for name in ("a.md", "b.txt", "c.text", "drafts/d.md", "news/2023/e.md", "news/2024/f.md",
                 "news/drafts/g.md", ".hidden/h.md"):
        write(tmp_path / name, "王涛\n")
    r = mtqa("lint", ".", "--format", "json", cwd=tmp_path)
    assert sorted(Path(d["path"]).as_posix() for d in json.loads(r.stdout)) == ["a.md", "c.text", "news/2024/f.md"]
    # An excluded file is skipped even when named (pre-commit names every staged file) ...
    r = mtqa("lint", "drafts/d.md", "--format", "json", cwd=tmp_path)
    assert json.loads(r.stdout) == [] and r.returncode == 0 and "no files to check" in r.stderr
    # ... but a file named explicitly is linted whatever its suffix.
    assert findings("b.txt", cwd=tmp_path) == [("T001", "王涛", 1)]


def test_locale_from_the_config_reaches_the_rules(tmp_path):
    project(tmp_path, BASE + 'locale = "zh-TW"\n')
    write(tmp_path / "a.md", "馬克·祖克柏說。\n")
    r = mtqa("config", "a.md", "--format", "json", cwd=tmp_path)
    assert json.loads(r.stdout)["settings"]["locale"]["value"] == "zh-TW"
    r = mtqa("config", "a.md", "--format", "json", "--locale", "zh-HK", cwd=tmp_path)
    assert json.loads(r.stdout)["settings"]["locale"] == {"value": "zh-HK", "from": ["command line"]}


def test_mtqa_config_shows_the_effective_settings_and_their_source(tmp_path):
    project(tmp_path, BASE + 'ignore = ["T002"]\nallow = ["王涛"]\n[per-file-ignores]\n"old/*" = ["C"]\n')
    write(tmp_path / "old" / "a.md", "x")
    r = mtqa("config", "old/a.md", "--format", "json", "--extend-select", "M001", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    data = json.loads(r.stdout)
    assert data["config_files"] == [str(tmp_path / "mtqa.toml")]
    s = data["settings"]
    assert s["glossary"]["value"] == [str(tmp_path / "glossaries")]
    assert "T001" in s["rules"]["value"] and "M001" in s["rules"]["value"]
    assert "T002" not in s["rules"]["value"] and "C001" not in s["rules"]["value"]  # per-file ignore applied
    assert s["rules"]["from"] == [str(tmp_path / "mtqa.toml"), "command line", "per-file-ignores"]
    assert s["allow"] == {"value": ["王涛"], "from": [str(tmp_path / "mtqa.toml")]}
    assert s["fail-on"] == {"value": "error", "from": ["default"]}
    text = mtqa("config", "old/a.md", cwd=tmp_path).stdout
    assert f"# config file: {tmp_path / 'mtqa.toml'}" in text and 'allow = ["王涛"]' in text


@pytest.mark.parametrize("body, key, expected", [
    ('selct = ["T"]', "selct", "unknown key (did you mean 'select'?)"),
    ('select = ["X9"]', "select", "unknown rule code 'X9'"),
    ('select = "T001"\nignore = 3', "ignore", "expected a list of non-empty strings, got an integer (3)"),
    ('fail-on = "loud"', "fail-on", "expected one of \"error\", \"warning\", \"info\", got 'loud'"),
    ('locale = "zh-XX"', "locale", "expected one of zh-CN, zh-TW, zh-HK"),
    ('glossary = "nope/"', "glossary", "'nope/' does not exist"),
    ('[severity]\nT002 = "loud"', "severity.T002", "expected one of"),
    ('[severity]\nQ9 = "info"', "severity.Q9", "unknown rule code"),
    ('[per-file-ignores]\n"a/*" = ["Q1"]', "per-file-ignores.'a/*'", "unknown rule code 'Q1'"),
    ('extend = "missing.toml"', "extend", "no such config file"),
    ('allow = [1]', "allow", "expected a list of non-empty strings"),
])
def test_bad_config_names_the_file_and_the_key(tmp_path, body, key, expected):
    cfg = write(tmp_path / "sub" / "mtqa.toml", body + "\n")
    write(tmp_path / "sub" / "a.md", "王涛\n")
    r = mtqa("lint", "sub/a.md", cwd=tmp_path)
    assert r.returncode == 2
    assert f"error: {cfg}: {key}: " in r.stderr and expected in r.stderr, r.stderr
    assert "Traceback" not in r.stderr


def test_bad_toml_and_bad_pyproject_table(tmp_path):
    cfg = write(tmp_path / "mtqa.toml", 'select = ["T"]\nfail-on = = "info"\n')
    write(tmp_path / "a.md", "x")
    r = mtqa("lint", "a.md", cwd=tmp_path)
    assert r.returncode == 2 and f"error: {cfg}: invalid TOML:" in r.stderr and "line 2" in r.stderr
    cfg.unlink()
    py = write(tmp_path / "pyproject.toml", '[tool]\nmtqa = "T001"\n')
    r = mtqa("lint", "a.md", cwd=tmp_path)
    assert r.returncode == 2 and f"error: {py}: tool.mtqa: expected a table" in r.stderr
    write(tmp_path / "pyproject.toml", '[tool.mtqa]\nfail_on = "info"\n')
    r = mtqa("lint", "a.md", cwd=tmp_path)
    assert r.returncode == 2 and "tool.mtqa.fail_on: unknown key (did you mean 'fail-on'?)" in r.stderr


def test_bad_command_line_values_name_the_option(tmp_path):
    write(tmp_path / "a.md", "x")
    for args, expected in ((["--select", "X999"], "--select: unknown rule code 'X999'"),
                           (["--locale", "xx"], "--locale: expected one of zh-CN"),
                           (["--fail-on", "loud"], "--fail-on: expected one of"),
                           (["-g", "nope"], "--glossary: 'nope' does not exist")):
        r = mtqa("lint", "a.md", *args, "--isolated", cwd=tmp_path)
        assert r.returncode == 2 and f"error: {expected}" in r.stderr, r.stderr


def test_globs():
    from mtqa.config import Glob

    root = Path("/p")
    assert Glob("drafts", root).matches(Path("/p/news/drafts/a.md"))
    assert not Glob("drafts", root).matches(Path("/p/news/drafts.md"))
    assert Glob("news/*.md", root).matches(Path("/p/news/a.md"))
    assert not Glob("news/*.md", root).matches(Path("/p/news/2024/a.md"))  # * stays in one folder
    assert Glob("news/**/*.md", root).matches(Path("/p/news/a.md"))
    assert Glob("news/**/*.md", root).matches(Path("/p/news/2024/01/a.md"))
    assert not Glob("news/**", root).matches(Path("/p/other/news/a.md"))  # anchored at the config's folder
    assert Glob("/news/", root).matches(Path("/p/news/a.md"))
    assert Glob("*.draft.md", root).matches(Path("/p/x/y.draft.md"))
    assert Glob("[ab].md", root).matches(Path("/p/a.md")) and not Glob("[!ab].md", root).matches(Path("/p/a.md"))
    assert not Glob("*.md", root).matches(Path("/p/x.md/readme.txt"), folders=False)


def test_extend_chains_that_cannot_load(tmp_path):
    write(tmp_path / "a.md", "x")
    a = write(tmp_path / "mtqa.toml", 'extend = "base.toml"\n')
    b = write(tmp_path / "base.toml", 'extend = "mtqa.toml"\n')
    r = mtqa("lint", "a.md", cwd=tmp_path)
    assert r.returncode == 2 and f"error: {b}: extend: a cycle of `extend` comes back to {a}" in r.stderr
    write(tmp_path / "base.toml", 'select = ["T"]\n')
    assert mtqa("lint", "a.md", cwd=tmp_path).returncode == 0  # the same chain, once it ends
    r = mtqa("lint", "a.md", "--config", "nope.toml", cwd=tmp_path)
    assert r.returncode == 2 and f"error: {tmp_path / 'nope.toml'}: no such config file" in r.stderr
