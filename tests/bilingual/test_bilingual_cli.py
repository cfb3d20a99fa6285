"""`mtqa bilingual` as a user runs it: lint's finding model, formats and exit codes."""
import json
import subprocess
import sys

import pytest

from conftest import DATA, ROOT

BI = DATA / "bilingual"
MINI = str(DATA / "mini.yaml")
RUNNER = ("import typer; from mtqa.cli_score import register; "
          "app = typer.Typer(); register(app); app(prog_name='mtqa')")


def mtqa(*args, cwd=ROOT):
    return subprocess.run([sys.executable, "-c", RUNNER, "bilingual", *args], capture_output=True, text=True, cwd=cwd)


def test_text_output_and_exit_1_on_errors():
    r = mtqa(str(BI / "news.tsv"), "-g", MINI)
    assert r.returncode == 1, r.stderr
    assert f"{BI / 'news.tsv'}:2:34: B001 [error] the source's 'Alexandr Wang' is rendered '王涛'" in r.stdout
    assert "suggestion: 亚历山大·王" in r.stdout


def test_json_has_lint_keys_and_file_offsets():
    r = mtqa(str(BI / "news.tsv"), "-g", MINI, "--format", "json")
    data = json.loads(r.stdout)
    text = (BI / "news.tsv").read_text(encoding="utf-8")
    keys = {"path", "line", "column", "start", "end", "rule", "name", "severity", "message", "found", "suggestion",
            "concept", "fix"}
    assert [(d["rule"], d["found"], d["line"]) for d in data] == [("B001", "王涛", 2)]
    assert all(keys <= set(d) and text[d["start"]:d["end"]] == d["found"] and d["fix"] is None for d in data)


def test_clean_file_exits_0():
    r = mtqa(str(BI / "clean.tsv"), "-g", MINI)
    assert r.returncode == 0 and "All checks passed" in r.stdout


def test_fail_on_select_and_ignore(tmp_path):
    p = tmp_path / "w.tsv"
    p.write_text("Yann LeCun spoke.\t他发言了。\n", encoding="utf-8")  # a warning only
    assert mtqa(str(p), "-g", MINI).returncode == 0
    assert mtqa(str(p), "-g", MINI, "--fail-on", "warning").returncode == 1
    assert mtqa(str(BI / "news.tsv"), "-g", MINI, "--ignore", "B001").returncode == 0
    r = mtqa(str(BI / "news.tsv"), "-g", MINI, "--select", "B002,B003")
    assert r.returncode == 0 and "B001" not in r.stdout
    r = mtqa(str(BI / "news.tsv"), "-g", MINI, "--select", "X9")
    assert r.returncode == 2 and "unknown bilingual rule 'X9'" in r.stderr


def test_folders_mix_formats_and_a_bad_file_gives_2(tmp_path):
    (tmp_path / "a.tsv").write_text("Meta hired Alexandr Wang.\tMeta聘请了王涛。\n", encoding="utf-8")
    (tmp_path / "b.po").write_text('msgid "Qwen is strong."\nmsgstr "倩文很强。"\n', encoding="utf-8")
    (tmp_path / "c.tmx").write_text("<tmx><body><tu>", encoding="utf-8")
    r = mtqa(str(tmp_path), "-g", MINI, "--format", "json")
    assert r.returncode == 2
    assert "c.tmx:1: not well-formed XML" in r.stderr and "Traceback" not in r.stderr
    found = [(d["path"].rsplit("/", 1)[1], d["line"], d["found"]) for d in json.loads(r.stdout)]
    assert found == [("a.tsv", 1, "王涛"), ("b.po", 2, "倩文")]


@pytest.mark.parametrize("args, message", [
    (["nope.po"], "nope.po: no such file"),
    (["x.tsv", "--format", "yaml"], "unknown format 'yaml'"),
    (["x.tsv", "--fail-on", "fatal"], "unknown severity 'fatal'"),
])
def test_usage_errors_exit_2(args, message, tmp_path):
    (tmp_path / "x.tsv").write_text("a b\t甲乙\n", encoding="utf-8")
    r = mtqa(*args, "-g", MINI, cwd=tmp_path)
    assert r.returncode == 2 and message in r.stderr and "Traceback" not in r.stderr


def test_every_report_format_renders_bilingual_findings(tmp_path):
    from mtqa.report import FORMATS

    for fmt in FORMATS:
        out = tmp_path / f"report.{fmt}"
        r = mtqa(str(BI / "news.tsv"), "-g", MINI, "--format", fmt, "--output", str(out))
        assert r.returncode == 1, (fmt, r.stderr)
        assert "Traceback" not in r.stderr and out.stat().st_size > 0
        if fmt not in ("xlsx",):
            assert "王涛" in out.read_text(encoding="utf-8-sig"), fmt


def test_registered_in_the_main_cli():
    from mtqa.cli import app

    names = {c.name or c.callback.__name__ for c in app.registered_commands}
    if "bilingual" not in names:
        pytest.skip("mtqa/cli.py does not call mtqa.cli_score.register(app) yet")
    r = subprocess.run([sys.executable, "-m", "mtqa", "bilingual", str(BI / "news.tsv"), "-g", MINI],
                       capture_output=True, text=True, cwd=ROOT)
    assert r.returncode == 1 and "B001" in r.stdout
