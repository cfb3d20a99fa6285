"""`mtqa score` as a user runs it: formats, --fixed, exit codes and errors (no traceback)."""
import csv
import io
import json
import subprocess
import sys

import pytest

from conftest import DATA, ROOT

SCORE = DATA / "score"
MINI = str(DATA / "mini.yaml")
RUNNER = ("import typer; from mtqa.cli_score import register; "
          "app = typer.Typer(); register(app); app(prog_name='mtqa')")


def mtqa(*args):
    return subprocess.run([sys.executable, "-c", RUNNER, *args], capture_output=True, text=True, cwd=ROOT)


def score(*args):
    return mtqa("score", "--hyp", str(SCORE / "hyp"), "--ref", str(SCORE / "ref"), "-g", MINI, *args)


def test_json_has_corpus_keys_first_then_documents():
    r = score("--format", "json")
    assert r.returncode == 0, r.stderr
    data = json.loads(r.stdout)
    keys = list(data)
    assert keys[:7] == ["bleu", "chrf", "chrf++", "ter", "term_accuracy", "deprecated_rate", "term_consistency"]
    assert keys[-1] == "documents" and "signatures" in keys
    assert set(data["signatures"]) == {"bleu", "chrf", "chrf++", "ter"}
    assert [d["document"] for d in data["documents"]] == ["001_meta.txt", "002_chips.txt"]
    assert data["segments"] == sum(d["segments"] for d in data["documents"]) == 10
    assert all(isinstance(data[k], float) for k in ("bleu", "chrf", "ter"))
    assert "fixed" not in data


def test_json_term_counts_are_pooled(tmp_path):
    data = json.loads(score("--format", "json").stdout)
    docs = data["documents"]
    for key in data["term_counts"]:
        assert data["term_counts"][key] == sum(d["term_counts"][key] for d in docs)
    c = data["term_counts"]
    assert data["term_accuracy"] == round(100 * c["matched_terms"] / c["ref_terms"], 1)


def test_fixed_shows_the_gain_in_the_same_table():
    r = score("--format", "csv", "--fixed")
    assert r.returncode == 0, r.stderr
    rows = list(csv.DictReader(io.StringIO(r.stdout)))
    assert [(row["document"], row["variant"]) for row in rows] == [
        ("001_meta.txt", "hyp"), ("001_meta.txt", "fixed"), ("002_chips.txt", "hyp"), ("002_chips.txt", "fixed"),
        ("(corpus)", "hyp"), ("(corpus)", "fixed")]
    hyp, fixed = rows[-2], rows[-1]
    assert int(fixed["fixes"]) > 0 and hyp["fixes"] == ""
    assert float(fixed["bleu"]) > float(hyp["bleu"])
    assert float(fixed["deprecated_rate"]) < float(hyp["deprecated_rate"])
    assert float(fixed["term_accuracy"]) > float(hyp["term_accuracy"])
    text = score("--fixed").stdout
    assert "Gain from" in text and "fixed" in text


def test_fixed_only_applies_safe_fixes(tmp_path):
    """汪滔 is admitted (unsafe fix): --fixed leaves it; 王涛 is deprecated (safe): replaced."""
    (tmp_path / "h.txt").write_text("王涛说。\n汪滔说。\n", encoding="utf-8")
    (tmp_path / "r.txt").write_text("亚历山大·王说。\n亚历山大·王说。\n", encoding="utf-8")
    from mtqa.score.run import score_paths

    report = score_paths(tmp_path / "h.txt", tmp_path / "r.txt", glossary=MINI, fixed=True)
    doc = report.documents[0]
    assert doc.fixed.fixes == 1
    assert doc.hyp.terms.deprecated_terms == 1 and doc.fixed.terms.deprecated_terms == 0
    assert doc.fixed.terms.matched_terms == 2 and doc.hyp.terms.matched_terms == 1


def test_text_table_lists_documents_signatures_and_commands():
    r = score()
    assert r.returncode == 0, r.stderr
    out = r.stdout
    assert "001_meta.txt" in out and "(corpus)" in out
    assert "BLEU     nrefs:1|case:mixed|eff:no|tok:zh|smooth:exp" in out
    assert "sacrebleu REF -i HYP -tok zh -m bleu chrf ter --ter-normalized --ter-asian-support" in out


def test_width_changes_the_decimals():
    data = json.loads(score("--format", "json", "-w", "3").stdout)
    assert any(len(str(data[k]).split(".")[1]) == 3 for k in ("bleu", "chrf", "ter"))


@pytest.mark.parametrize("args, message", [
    (["--hyp", "nope", "--ref", str(SCORE / "ref")], "nope: no such file or folder (--hyp)"),
    (["--hyp", str(SCORE / "hyp" / "001_meta.txt"), "--ref", str(SCORE / "ref" / "002_chips.txt")],
     "segments are paired by line"),
    (["--hyp", str(SCORE / "hyp"), "--ref", str(SCORE / "ref" / "001_meta.txt")], "give two files or two folders"),
    (["--hyp", str(SCORE / "hyp"), "--ref", str(SCORE / "ref"), "--format", "xml"], "unknown format 'xml'"),
    (["--hyp", str(SCORE / "hyp"), "--ref", str(SCORE / "ref"), "-g", str(DATA / "nope.yaml")], "nope.yaml"),
])
def test_bad_input_exits_2_with_a_clear_error(args, message):
    r = mtqa("score", *args)
    assert r.returncode == 2
    assert message in r.stderr and "Traceback" not in r.stderr
    assert r.stdout == ""


def test_invalid_glossary_exits_2_naming_the_line(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("concepts:\n  - id: x\n    type: person\n    terms:\n      - {term: 甲, lang: xx, status: preferred}\n",
                   encoding="utf-8")
    r = score("-g", str(bad))
    assert r.returncode == 2 and f"{bad}:5" in r.stderr and "Traceback" not in r.stderr


def test_registered_in_the_main_cli():
    from mtqa.cli import app

    names = {c.name or c.callback.__name__ for c in app.registered_commands}
    if "score" not in names:
        pytest.skip("mtqa/cli.py does not call mtqa.cli_score.register(app) yet")
    r = subprocess.run([sys.executable, "-m", "mtqa", "score", "--help"], capture_output=True, text=True, cwd=ROOT)
    assert r.returncode == 0 and "--fixed" in r.stdout


def test_cli_module_imports_nothing_heavy():
    """mtqa/cli_score.py is imported by every `mtqa` command: typer only at its top."""
    code = ("import sys, mtqa.cli_score; "
            "print(sorted(m for m in ('pandas', 'sacrebleu', 'translate', 'lxml', 'rapidfuzz') if m in sys.modules))")
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert r.stdout.strip() == "[]", r.stdout + r.stderr


def test_report_can_be_written_to_a_file(tmp_path):
    out = tmp_path / "scores.csv"
    r = score("--format", "csv", "--output", str(out))
    assert r.returncode == 0 and r.stdout == ""
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8-sig"))))
    assert rows[-1]["document"] == "(corpus)"
    r = score("--output", str(tmp_path / "missing" / "x.txt"))
    assert r.returncode == 2 and "cannot write the report" in r.stderr


def test_empty_documents_have_no_scores_and_do_not_break_fixing(tmp_path):
    from mtqa.score.run import score_paths
    from mtqa.score.table import to_json

    for side, line in (("h", "王涛说。\n"), ("r", "亚历山大·王说。\n")):
        (tmp_path / side).mkdir()
        (tmp_path / side / "empty.txt").write_text("", encoding="utf-8")
        (tmp_path / side / "a.txt").write_text(line, encoding="utf-8")
    data = to_json(score_paths(tmp_path / "h", tmp_path / "r", glossary=MINI, fixed=True))
    empty = data["documents"][1]
    assert empty["document"] == "empty.txt" and empty["segments"] == 0
    assert empty["bleu"] is None and empty["term_accuracy"] is None and empty["fixed"]["fixes"] == 0
    assert data["segments"] == 1 and data["fixed"]["fixes"] == 1 and data["fixed"]["term_accuracy"] == 100.0
