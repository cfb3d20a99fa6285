"""`mtqa lint` and friends as a user runs them: exit codes, formats, fixes, errors."""
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import DATA, ROOT

MINI = str(DATA / "mini.yaml")


def mtqa(*args, cwd=None, env_extra=None):
    env = dict(os.environ)
    env.update(env_extra or {})
    return subprocess.run([sys.executable, "-m", "mtqa", *args], capture_output=True, text=True,
                          cwd=cwd or ROOT, env=env)


@pytest.fixture()
def article(tmp_path):
    p = tmp_path / "a.txt"
    p.write_text("Meta的新贵王涛加入了。\n阿里的Qwen模型和倩文。\n美元与元宇宙。\n", encoding="utf-8")
    return p


def test_text_output_is_ruff_like_and_exit_1_on_errors(article):
    r = mtqa("lint", str(article), "-g", MINI)
    assert r.returncode == 1, r.stderr
    assert f"{article}:1:8: T001 [error] '王涛'" in r.stdout
    assert "suggestion: 亚历山大·王  (safe fix)" in r.stdout
    assert f"{article}:2:11: T001" in r.stdout
    assert "Found 2 findings" in r.stdout  # T002 (Qwen, an admitted form) is off by default


def test_json_has_the_documented_keys_and_offsets(article):
    r = mtqa("lint", str(article), "-g", MINI, "--format", "json")
    data = json.loads(r.stdout)
    text = article.read_text(encoding="utf-8")
    keys = {"path", "line", "column", "start", "end", "rule", "name", "severity", "message", "found", "suggestion", "concept"}
    assert data and all(keys <= set(d) for d in data)
    assert all(text[d["start"]:d["end"]] == d["found"] for d in data)
    assert [(d["rule"], d["found"], d["line"]) for d in data] == [("T001", "王涛", 1), ("T001", "倩文", 2)]
    r = mtqa("lint", str(article), "-g", MINI, "--format", "json", "--extend-select", "T002")
    assert [(d["rule"], d["found"], d["line"]) for d in json.loads(r.stdout)] == [
        ("T001", "王涛", 1), ("T002", "Qwen", 2), ("T001", "倩文", 2)]


def test_select_ignore_and_fail_on(article):
    assert mtqa("lint", str(article), "-g", MINI, "--ignore", "T001").returncode == 0
    r = mtqa("lint", str(article), "-g", MINI, "--select", "T002", "--fail-on", "info", "--format", "json")
    assert r.returncode == 1 and {d["rule"] for d in json.loads(r.stdout)} == {"T002"}
    assert mtqa("lint", str(article), "-g", MINI, "--select", "T002").returncode == 0
    r = mtqa("lint", str(article), "-g", MINI, "--select", "X999")
    assert r.returncode == 2 and "unknown rule code 'X999'" in r.stderr


def test_clean_file_exits_0(tmp_path):
    p = tmp_path / "ok.md"
    p.write_text("亚历山大·王(Alexandr Wang)加入Meta。\n", encoding="utf-8")
    r = mtqa("lint", str(p), "-g", MINI)
    assert r.returncode == 0 and "All checks passed." in r.stdout


def test_fix_rewrites_only_reported_spans_and_diff_writes_nothing(article):
    before = article.read_bytes()
    r = mtqa("lint", str(article), "-g", MINI, "--diff")
    assert r.returncode == 1 and "-Meta的新贵王涛加入了。" in r.stdout and "+Meta的新贵亚历山大·王加入了。" in r.stdout
    assert article.read_bytes() == before
    r = mtqa("lint", str(article), "-g", MINI, "--fix")
    assert r.returncode == 0, r.stdout + r.stderr  # only the info finding remains
    assert article.read_text(encoding="utf-8") == "Meta的新贵亚历山大·王加入了。\n阿里的Qwen模型和通义千问。\n美元与元宇宙。\n"
    assert "2 fixed" in r.stdout
    again = article.read_bytes()
    mtqa("lint", str(article), "-g", MINI, "--fix")
    assert article.read_bytes() == again


def test_unsafe_fixes_need_the_flag(article):
    mtqa("lint", str(article), "-g", MINI, "--fix", "--unsafe-fixes")
    assert "阿里的通义千问模型和通义千问" in article.read_text(encoding="utf-8")


def test_bad_inputs_exit_2_with_the_file_named(tmp_path):
    missing = tmp_path / "missing.txt"
    r = mtqa("lint", str(missing), "-g", MINI)
    assert r.returncode == 2 and f"{missing}: no such file" in r.stderr
    binary = tmp_path / "b.txt"
    binary.write_bytes(b"\x00\x01\x02binary")
    r = mtqa("lint", str(binary), "-g", MINI)
    assert r.returncode == 2 and "binary" in r.stderr
    bad = tmp_path / "bad.yaml"
    bad.write_text("concepts:\n  - id: a\n    type: term\n    terms:\n      - {term: x, lang: en, status: nope}\n")
    r = mtqa("lint", str(missing), "-g", str(bad))
    assert r.returncode == 2 and f"{bad}:5: unknown status 'nope'" in r.stderr
    r = mtqa("lint", str(missing), "--format", "yaml", "-g", MINI)
    assert r.returncode == 2 and "unknown format" in r.stderr


def test_folders_are_walked_for_txt_and_md(tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "a.md").write_text("倩文", encoding="utf-8")
    (tmp_path / "b.txt").write_text("倩文", encoding="utf-8")
    (tmp_path / "c.json").write_text("倩文", encoding="utf-8")
    r = mtqa("lint", str(tmp_path), "-g", MINI, "--format", "json")
    assert sorted(os.path.basename(d["path"]) for d in json.loads(r.stdout)) == ["a.md", "b.txt"]


def test_rules_and_explain():
    r = mtqa("rules")
    assert r.returncode == 0 and all(code in r.stdout for code in ("T001", "T002", "C001", "N001"))
    r = mtqa("explain", "t001")
    assert r.returncode == 0 and "deprecated-term" in r.stdout and "Example:" in r.stdout
    assert mtqa("explain", "Z9").returncode == 2


def test_glossary_import_export_round_trip(tmp_path):
    csv_path = tmp_path / "g.csv"
    r = mtqa("glossary", "export", MINI, "-o", str(csv_path))
    assert r.returncode == 0, r.stderr
    assert csv_path.read_text(encoding="utf-8").startswith("concept_id,type,lang,term,status,note\n")
    yaml_path = tmp_path / "g.yaml"
    r = mtqa("glossary", "import", str(csv_path), "-o", str(yaml_path))
    assert r.returncode == 0, r.stderr
    again = tmp_path / "again.csv"
    mtqa("glossary", "export", str(yaml_path), "-o", str(again))
    assert again.read_text(encoding="utf-8") == csv_path.read_text(encoding="utf-8")
    assert mtqa("glossary", "validate", str(yaml_path)).returncode == 0


def test_python_m_and_console_script_agree():
    # the console script pip installed beside this interpreter (a venv's bin/ need not be on PATH)
    script = Path(sys.executable).with_name("mtqa")
    r = subprocess.run([str(script), "rules"], capture_output=True, text=True)
    assert r.returncode == 0 and r.stdout == mtqa("rules").stdout


@pytest.mark.parametrize("flag", ["--version", "-V"])
def test_version(flag):
    import tomllib

    from mtqa import __version__

    expected = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["version"]
    r = mtqa(flag)
    assert r.returncode == 0 and r.stdout == f"mtqa {expected}\n" and __version__ == expected


def test_all_checks_passed_only_when_a_file_was_checked_and_nothing_failed(tmp_path):
    (tmp_path / "empty").mkdir()
    r = mtqa("lint", str(tmp_path / "empty"), "--isolated")
    assert r.returncode == 0 and "All checks passed" not in r.stdout and "No file was checked." in r.stdout
    ok = tmp_path / "ok.txt"
    ok.write_text("这是一篇没有问题的文章。\n", encoding="utf-8")
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"a\x00b")
    r = mtqa("lint", str(ok), str(bad), "--isolated")
    assert r.returncode == 2 and "All checks passed" not in r.stdout and str(bad) in r.stderr
    r = mtqa("lint", str(ok), "--isolated")
    assert r.returncode == 0 and r.stdout == "All checks passed.\n"


def test_readme_states_the_bundled_glossary_size():
    import re

    from conftest import GLOSSARIES
    from mtqa.glossary import load_glossary

    stated = re.search(r"the bundled one\s+has (\d+) concepts", (ROOT / "README.md").read_text(encoding="utf-8"))
    assert stated and int(stated.group(1)) == len(load_glossary(GLOSSARIES).concepts)


def test_lint_says_what_loading_a_users_glossary_adapted_every_run_and_not_with_quiet(tmp_path):
    (tmp_path / "team.csv").write_text("English,Chinese,Status,Type\nYann LeCun,杨立昆,preferred,People\n"
                                       "Yann LeCun,杨立坤,deprecated,People\n", encoding="utf-8")
    (tmp_path / "a.txt").write_text("首席科学家杨立坤表示。\n", encoding="utf-8")
    env = {"MTQA_CACHE_DIR": str(tmp_path / "cache")}
    for _ in range(2):  # the second run reads the compiled glossary from the cache
        r = mtqa("lint", "a.txt", "-g", "team.csv", "--isolated", cwd=tmp_path, env_extra=env)
        assert r.returncode == 1 and "T001" in r.stdout and "'杨立昆'" in r.stdout
        assert r.stderr.splitlines() == ["warning: team.csv:2: concept type 'People' read as 'person'"]
    r = mtqa("lint", "a.txt", "-g", "team.csv", "--isolated", "-q", cwd=tmp_path, env_extra=env)
    assert r.returncode == 1 and r.stderr == ""
