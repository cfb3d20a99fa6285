"""Output formats: SARIF (validated against the official schema), GitHub annotations, the
CSV/xlsx QA spreadsheet (re-read with pandas), the text report, `rules`/`explain`, progress."""
import io
import json
import os
import subprocess
import sys

import pytest

from conftest import DATA, ROOT
from workflow_helpers import mtqa, project, write

SCHEMA = DATA / "sarif" / "sarif-schema-2.1.0.json"
CONFIG = 'glossary = "glossaries"\nselect = ["T", "C001", "N001"]\n'
TEXT = "前言。Meta的新贵王涛加入了。\n阿里的Qwen模型和倩文。\n"


@pytest.fixture()
def proj(tmp_path):
    project(tmp_path, CONFIG)
    write(tmp_path / "news" / "a.md", TEXT)
    write(tmp_path / "clean.md", "亚历山大·王加入了。\n")
    return tmp_path


def test_sarif_is_valid_and_points_at_the_hits(proj):
    import jsonschema

    r = mtqa("lint", "news/a.md", "clean.md", "--format", "sarif", cwd=proj)
    assert r.returncode == 1, r.stderr
    log = json.loads(r.stdout)
    jsonschema.Draft4Validator(json.loads(SCHEMA.read_text(encoding="utf-8"))).validate(log)
    run = log["runs"][0]
    assert log["version"] == "2.1.0" and run["columnKind"] == "unicodeCodePoints"
    rules = run["tool"]["driver"]["rules"]
    from mtqa.config import registry

    assert [r["id"] for r in rules] == [r.code for r in registry()]  # every rule, metadata from the registry
    t001 = rules[[r["id"] for r in rules].index("T001")]
    assert t001["name"] == "deprecated-term" and t001["defaultConfiguration"]["level"] == "error"
    assert "王涛" in t001["help"]["text"]  # the example
    results = run["results"]
    assert [(x["ruleId"], x["level"]) for x in results] == [("T001", "error"), ("T002", "note"), ("T001", "error")]
    first = results[0]
    assert rules[first["ruleIndex"]]["id"] == "T001"
    loc = first["locations"][0]["physicalLocation"]
    assert loc["artifactLocation"] == {"uri": "news/a.md", "uriBaseId": "%SRCROOT%"}
    assert loc["region"] == {"startLine": 1, "startColumn": 11, "endLine": 1, "endColumn": 13, "snippet": {"text": "王涛"}}
    assert run["originalUriBaseIds"]["%SRCROOT%"]["uri"] == proj.as_uri() + "/"
    change = first["fixes"][0]["artifactChanges"][0]["replacements"][0]
    assert change["insertedContent"]["text"] == "亚历山大·王"
    assert change["deletedRegion"]["startColumn"] == 11 and change["deletedRegion"]["endColumn"] == 13


def test_sarif_of_a_clean_run_and_odd_paths_is_valid(tmp_path):
    import jsonschema

    project(tmp_path, CONFIG)
    write(tmp_path / "新 闻" / "文章 1.md", "王涛\n")
    write(tmp_path / "ok.md", "没有问题\n")
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    for args in (["ok.md"], ["新 闻/文章 1.md"], [str(tmp_path / "新 闻" / "文章 1.md")]):
        log = json.loads(mtqa("lint", *args, "--format", "sarif", cwd=tmp_path).stdout)
        jsonschema.Draft4Validator(schema, format_checker=jsonschema.FormatChecker()).validate(log)
    uris = [res["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for res in log["runs"][0]["results"]]
    assert uris == [(tmp_path / "新 闻" / "文章 1.md").as_uri()]
    log = json.loads(mtqa("lint", "新 闻/文章 1.md", "--format", "sarif", cwd=tmp_path).stdout)
    assert log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == \
        "%E6%96%B0%20%E9%97%BB/%E6%96%87%E7%AB%A0%201.md"


def test_github_annotations(proj):
    write(proj / "b,c.md", "第一行\n王涛: 倩文\n")
    r = mtqa("lint", "news/a.md", "b,c.md", "--format", "github", cwd=proj)
    assert r.returncode == 1
    lines = r.stdout.splitlines()
    assert lines[0].startswith("::error file=news/a.md,line=1,endLine=1,col=11,endColumn=13,title=T001 deprecated-term::"
                               "'王涛' is a deprecated rendering")
    assert lines[0].endswith("%0Asuggestion: 亚历山大·王 (safe fix)")
    assert lines[1].startswith("::notice file=news/a.md,line=2,endLine=2,col=4,endColumn=8,title=T002 admitted-term::")
    assert lines[3].startswith("::error file=b%2Cc.md,line=2,endLine=2,col=1,endColumn=3,")  # property escaping
    assert len(lines) == 5 and all(line.startswith("::") for line in lines)


def test_csv_spreadsheet_reads_back_with_pandas(proj):
    import pandas as pd

    r = mtqa("lint", "news/a.md", "--format", "csv", cwd=proj)
    assert r.returncode == 1
    frame = pd.read_csv(io.StringIO(r.stdout), keep_default_na=False)
    assert list(frame.columns) == ["path", "line", "column", "rule", "name", "severity", "found", "suggestion",
                                   "fix", "message", "context", "status"]
    assert frame["rule"].tolist() == ["T001", "T002", "T001"]
    assert frame["found"].tolist() == ["王涛", "Qwen", "倩文"]
    assert frame["suggestion"].tolist() == ["亚历山大·王", "通义千问", "通义千问"]
    assert frame["context"].tolist()[0] == "前言。Meta的新贵«王涛»加入了。"
    assert set(frame["status"]) == {""}
    # --output writes a file Excel opens as UTF-8 (with a byte-order mark); pandas reads it the same.
    out = proj / "qa.csv"
    assert mtqa("lint", "news/a.md", "--format", "csv", "-o", str(out), cwd=proj).returncode == 1
    assert out.read_bytes().startswith(b"\xef\xbb\xbf")
    again = pd.read_csv(out, encoding="utf-8-sig", keep_default_na=False)
    assert again.equals(frame)


def test_xlsx_spreadsheet_reads_back_with_pandas(proj):
    import openpyxl
    import pandas as pd

    write(proj / "formula.md", "=SUM(A1) 王涛\n")
    out = proj / "qa.xlsx"
    r = mtqa("lint", "news/a.md", "formula.md", "--format", "xlsx", "--output", str(out), cwd=proj)
    assert r.returncode == 1 and r.stdout == "", r.stderr
    frame = pd.read_excel(out, sheet_name="QA")
    assert frame["rule"].tolist() == ["T001", "T002", "T001", "T001"]
    assert frame["path"].tolist()[-1] == "formula.md" and frame["line"].tolist() == [1, 2, 2, 1]
    assert frame["context"].tolist()[-1] == "=SUM(A1) «王涛»"  # stays text, not a formula
    assert frame["status"].isna().all()
    sheet = openpyxl.load_workbook(out)["QA"]
    assert sheet.freeze_panes == "A2" and sheet.auto_filter.ref == "A1:L5"
    assert str(sheet.data_validations.dataValidation[0].sqref) == "L2:L5"  # the status drop-down
    # Without --output, xlsx goes to stdout when that is not a terminal (a pipe, a redirect).
    r = subprocess.run([sys.executable, "-m", "mtqa", "lint", "news/a.md", "--format", "xlsx"], cwd=proj,
                       capture_output=True, env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert r.stdout.startswith(b"PK") and pd.read_excel(io.BytesIO(r.stdout))["found"].tolist() == ["王涛", "Qwen", "倩文"]


def test_xlsx_refuses_a_terminal():
    from mtqa.errors import MtqaError
    from mtqa.run_lint import LintOptions, run

    class Terminal(io.StringIO):
        def isatty(self):
            return True

    with pytest.raises(MtqaError, match="binary format: pass --output"):
        run(LintOptions(paths=["x.md"], output_format="xlsx"), out=Terminal(), err=io.StringIO())


def test_text_report_underlines_the_hit_and_summarises(proj):
    r = mtqa("lint", "news/a.md", "clean.md", cwd=proj)
    lines = r.stdout.splitlines()
    assert lines[0].startswith("news/a.md:1:11: T001 [error] '王涛'")
    assert lines[1] == " 1 | 前言。Meta的新贵王涛加入了。"
    # 前言。 and 的新贵 are two columns a character: the carets sit under 王涛, two per character.
    assert lines[2] == "   | " + " " * 16 + "^^^^"
    assert lines[3] == "   = suggestion: 亚历山大·王  (safe fix)"
    summary = r.stdout[r.stdout.index("Found"):]
    assert summary.splitlines()[0] == "Found 3 findings (2 errors, 1 info) in 1 of 2 files."
    assert "  T001  deprecated-term     2 × error    2 fixable\n" in summary
    assert "  T002  admitted-term       1 × info     1 with --unsafe-fixes\n" in summary
    assert "2 fixable with --fix (1 more with --unsafe-fixes)." in summary
    assert "\x1b[" not in r.stdout  # not a terminal: no colour
    coloured = mtqa("lint", "news/a.md", cwd=proj, env_extra={"FORCE_COLOR": "1"}).stdout
    assert "\x1b[1;31mT001\x1b[0m" in coloured and "\x1b[31m^^^^\x1b[0m" in coloured
    assert "\x1b[" not in mtqa("lint", "news/a.md", cwd=proj, env_extra={"FORCE_COLOR": "1", "NO_COLOR": "1"}).stdout
    quiet = mtqa("lint", "clean.md", "-q", cwd=proj)
    assert quiet.returncode == 0 and quiet.stdout == ""


def test_long_lines_are_clipped_around_the_hit():
    from mtqa.document import Document
    from mtqa.findings import Finding, Severity
    from mtqa.report.text import cell_width, snippet

    line = "很" * 100 + "王涛" + "好" * 100
    doc = Document(text=line + "\n", path="a.md")
    f = Finding("a.md", 1, 101, 100, 102, "T001", "deprecated-term", Severity.ERROR, "m", "王涛")
    shown, carets = snippet(doc, f)
    assert shown.startswith(" 1 | …很") and shown.endswith("好…") and "王涛" in shown
    assert cell_width(shown) < 100
    assert carets.index("^") == cell_width(shown[:shown.index("王涛")])  # still under the hit
    assert cell_width("ａb王\u0301") == 5  # full-width 2, ASCII 1, wide 2, combining 0


def test_rules_and_explain_cover_every_rule():
    from mtqa.config import registry

    r = mtqa("rules", cwd=ROOT)
    assert r.returncode == 0
    for rule in registry():
        assert any(line.startswith(f"{rule.code} ") and rule.name in line for line in r.stdout.splitlines())
    assert "M001  unused-suppression" in r.stdout and " off " in r.stdout.splitlines()[-2]
    from typer.testing import CliRunner

    from mtqa.cli import app

    for rule in registry():  # in-process: one subprocess per rule would be slow
        r = CliRunner().invoke(app, ["explain", rule.code.lower()])
        assert r.exit_code == 0 and rule.name in r.output and f"Example: {rule.example}" in r.output
    r = mtqa("explain", "unused-suppression", cwd=ROOT)
    assert "off by default: turn it on with --extend-select M001" in r.stdout
    assert mtqa("explain", "Z9", cwd=ROOT).returncode == 2


def test_progress_bar_only_on_a_terminal(tmp_path):
    from mtqa.progress import Progress

    class Terminal(io.StringIO):
        def isatty(self):
            return True

    term = Terminal()
    p = Progress(3, term, delay=0)
    for name in ("a.md", "b.md", "c.md"):
        p.advance(name)
    p.close()
    drawn = term.getvalue()
    assert "3/3 c.md" in drawn and drawn.endswith("\r\x1b[2K")
    quick = Terminal()
    p = Progress(3, quick, delay=60)  # a run shorter than the delay never draws
    p.advance("a.md")
    p.close()
    assert quick.getvalue() == ""
    # Through the CLI, stderr is a pipe here: nothing but the report.
    project(tmp_path, CONFIG)
    for i in range(12):
        write(tmp_path / f"a{i}.md", "王涛\n")
    r = mtqa("lint", ".", cwd=tmp_path)
    assert r.stderr == "" and r.returncode == 1


def test_forced_progress_through_run(tmp_path):
    from mtqa.run_lint import LintOptions, run

    class Terminal(io.StringIO):
        def isatty(self):
            return True

    project(tmp_path, CONFIG)
    for i in range(3):
        write(tmp_path / f"a{i}.md", "好\n")
    err = Terminal()
    run(LintOptions(paths=[str(tmp_path)], progress=True, config=str(tmp_path / "mtqa.toml")), out=io.StringIO(), err=err)
    assert "3/3" in err.getvalue()


def _imported(args, cwd):
    r = subprocess.run([sys.executable, "-X", "importtime", "-m", "mtqa", *args], cwd=cwd,
                       capture_output=True, text=True, env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert r.returncode in (0, 1), r.stderr[-2000:]
    return {line.split("|")[-1].strip() for line in r.stderr.splitlines() if line.startswith("import time:")}


def test_lint_with_text_output_imports_no_heavy_module(proj):
    heavy = {"pandas", "openpyxl", "jsonschema", "rich", "jieba", "sacrebleu"}
    _imported(["lint", "news/a.md"], proj)  # the first run compiles this glossary (cache miss)
    imported = _imported(["lint", "news/a.md"], proj)
    assert "mtqa.config" in imported and "mtqa.report.text" in imported
    assert not heavy & imported
    assert "pandas" in _imported(["lint", "news/a.md", "-f", "xlsx", "-o", "qa.xlsx"], proj)  # the check can fail
    # A pyproject.toml without [tool.mtqa] (this repository's) is not even parsed.
    seed = next((ROOT / "seeds").glob("000_*.txt"))
    assert "tomllib" not in _imported(["lint", str(seed)], ROOT)


def test_one_name_for_one_thing_in_json_csv_and_xlsx(proj):
    """The file is `path` everywhere (it was `path` in JSON and `file` in CSV), and every field
    the spreadsheet shares with JSON has the JSON key's name."""
    import json

    import pandas as pd

    keys = set(json.loads(mtqa("lint", "news/a.md", "--format", "json", cwd=proj).stdout)[0])
    columns = list(pd.read_csv(io.StringIO(mtqa("lint", "news/a.md", "--format", "csv", cwd=proj).stdout)).columns)
    out = proj / "qa.xlsx"
    mtqa("lint", "news/a.md", "--format", "xlsx", "--output", str(out), cwd=proj)
    assert list(pd.read_excel(out, sheet_name="QA").columns) == columns
    assert "path" in keys and "path" in columns and "file" not in columns
    assert set(columns) - {"context", "status"} <= keys
