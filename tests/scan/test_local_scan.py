"""`mtqa scan` on local processes: the tables hold what `mtqa lint` finds, and scans resume."""
import json
import signal
import sys
import time

import pytest

from mtqa.scan.run import scan
from scan_util import (GLOSSARY_RULES, MINI, TEXTS, assert_same_tables, mtqa, popen, run_cli, session_cache,
                       tables, write_folder, write_jsonl)


@pytest.fixture(scope="module")
def matcher(tmp_path_factory):
    from mtqa.lint import get_matcher

    with session_cache(tmp_path_factory):
        return get_matcher([MINI])


def test_tables_hold_every_finding_and_every_glossary_hit(tmp_path, matcher):
    from mtqa.document import Document
    from mtqa.lint import lint_document
    from mtqa.rules import ALL_RULES, select_rules

    corpus = write_jsonl(tmp_path / "c.jsonl")
    result = scan(corpus, tmp_path / "out", workers=1, glossary=[MINI], chunk_bytes=80, select=GLOSSARY_RULES)
    assert result.chunks > 2 and result.documents == len(TEXTS) and not result.problems
    t = tables(tmp_path / "out")
    expected, hits = [], []
    for i, text in enumerate(TEXTS):
        path = f"{corpus}:{i + 1}"
        expected += [{"doc_id": f"d{i}", **f.to_dict()}
                     for f in lint_document(Document(text=text, path=path), matcher, select_rules(GLOSSARY_RULES))]
        hits += [(f"d{i}", h.concept.id, text[h.start:h.end], h.term.term, h.term.status) for h in matcher.find(text)]
    assert t["findings"].to_dict("records") == expected
    assert {"T001", "T002", "C001"} <= set(t["findings"]["rule"])
    assert list(t["renderings"][["doc_id", "concept", "found", "term", "status"]].itertuples(index=False, name=None)) == hits
    summary = t["summary"].set_index("doc_id")
    assert result.findings == len(expected)
    for i, text in enumerate(TEXTS):
        row, mine = summary.loc[f"d{i}"], [f for f in expected if f["doc_id"] == f"d{i}"]
        found = matcher.find(text)
        accepted = sum(h.term.status != "deprecated" for h in found)
        assert row["findings"] == len(mine) and row["hits"] == len(found)
        assert row["errors"] == sum(f["severity"] == "error" for f in mine)
        assert row["infos"] == sum(f["severity"] == "info" for f in mine)
        assert all(row[r.code] == sum(f["rule"] == r.code for f in mine) for r in ALL_RULES)
        if found:
            assert row["term_accuracy"] == pytest.approx(accepted / len(found))
        else:
            assert row["term_accuracy"] != row["term_accuracy"]  # NaN: no glossary hit, no accuracy
    assert summary.loc["d2", "term_accuracy"] == pytest.approx(1 / 3)  # 杨立坤, 博斯沃斯 deprecated; Meta fine
    assert summary.loc["d1", "term_accuracy"] == 1.0


def test_csv_copies_match_the_parquet_tables(tmp_path):
    import pandas as pd

    scan(write_jsonl(tmp_path / "c.jsonl"), tmp_path / "out", workers=1, glossary=[MINI], select=GLOSSARY_RULES)
    t = tables(tmp_path / "out")
    for name, frame in t.items():
        csv = pd.read_csv(tmp_path / "out" / f"{name}.csv", keep_default_na=False, na_values=[""])
        assert list(csv.columns) == list(frame.columns) and len(csv) == len(frame) > 0
        assert csv["doc_id"].astype(str).tolist() == frame["doc_id"].tolist()
    csv = pd.read_csv(tmp_path / "out" / "findings.csv")
    assert csv["message"].tolist() == t["findings"]["message"].tolist()  # commas and quotes survive


def test_two_processes_give_the_same_tables_as_one(tmp_path):
    corpus = write_folder(tmp_path / "corpus", TEXTS * 2)
    one = scan(corpus, tmp_path / "one", workers=1, glossary=[MINI], chunk_bytes=120, select=GLOSSARY_RULES)
    two = scan(corpus, tmp_path / "two", workers=2, glossary=[MINI], chunk_bytes=120, select=GLOSSARY_RULES)
    assert one.chunks == two.chunks >= 4
    assert_same_tables(tables(tmp_path / "one"), tables(tmp_path / "two"))


def test_an_interrupted_scan_resumes_with_the_chunks_it_had_not_finished(tmp_path, monkeypatch):
    import mtqa.scan.local as local
    from mtqa.scan.work import process_chunk

    corpus = write_jsonl(tmp_path / "c.jsonl", TEXTS * 2)
    options = dict(workers=1, glossary=[MINI], chunk_bytes=100, select=GLOSSARY_RULES)
    seen = []

    def interrupted(job, spec):
        if len(seen) == 3:
            raise KeyboardInterrupt
        seen.append(spec.index)
        return process_chunk(job, spec)

    monkeypatch.setattr(local, "process_chunk", interrupted)
    with pytest.raises(KeyboardInterrupt):
        scan(corpus, tmp_path / "out", **options)
    assert not (tmp_path / "out" / "findings.csv").exists()
    with open(tmp_path / "out" / "chunks.done", "a", encoding="utf-8") as fh:
        fh.write('{"chunk": 3, "documents"')  # a line torn by a kill: that chunk is redone
    redone = []

    def counting(job, spec):
        redone.append(spec.index)
        return process_chunk(job, spec)

    monkeypatch.setattr(local, "process_chunk", counting)
    result = scan(corpus, tmp_path / "out", **options)
    assert seen == [0, 1, 2] and redone == list(range(3, result.chunks)) and result.resumed == 3
    fresh = scan(corpus, tmp_path / "fresh", **options)
    assert_same_tables(tables(tmp_path / "out"), tables(tmp_path / "fresh"))
    assert result.findings == fresh.findings


def test_ctrl_c_stops_the_command_and_running_it_again_resumes(tmp_path):
    corpus = write_folder(tmp_path / "corpus", TEXTS * 5)
    out = tmp_path / "out"
    args = ["scan", corpus, "-o", out, "-g", MINI, "--chunk-size", "100", "-j", "1", "--select", "T,C,N"]
    proc = popen(*args)
    journal = out / "chunks.done"
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and proc.poll() is None:
        if journal.exists() and journal.read_text(encoding="utf-8").count("\n") >= 2:
            break
        time.sleep(0.01)
    proc.send_signal(signal.SIGINT)
    _, err = proc.communicate(timeout=60)
    if proc.returncode == 0:
        pytest.fail("the scan finished before it could be interrupted; make the corpus larger")
    assert proc.returncode == 130 and "run the same command again to resume" in err and "Traceback" not in err
    done_before = journal.read_text(encoding="utf-8").count("\n")
    r = mtqa(*args)
    assert r.returncode == 0, r.stderr
    assert f"resuming: {done_before} of" in r.stderr and "from the interrupted run" in r.stdout
    scan(corpus, tmp_path / "fresh", workers=1, glossary=[MINI], chunk_bytes=100, select=GLOSSARY_RULES)
    assert_same_tables(tables(out), tables(tmp_path / "fresh"))


def test_outdir_rules_complete_other_settings_foreign_folders_overwrite(tmp_path):
    corpus = write_jsonl(tmp_path / "c.jsonl")
    out = tmp_path / "out"
    args = ["scan", corpus, "-o", out, "-g", MINI, "-j", "1"]
    assert run_cli(*args).returncode == 0
    r = run_cli(*args)
    assert r.returncode == 0 and "already holds a complete scan" in r.stdout
    r = run_cli(*args, "--select", "T001")
    assert r.returncode == 2 and "holds a scan with other settings (another --select)" in r.stderr
    r = run_cli(*args, "--select", "T001", "--overwrite")
    assert r.returncode == 0, r.stderr
    assert set(tables(out)["findings"]["rule"]) == {"T001"}
    (tmp_path / "c.jsonl").write_text('{"id": 1, "text": "王涛"}\n', encoding="utf-8")
    r = run_cli(*args, "--select", "T001")
    assert r.returncode == 2 and "(the input changed)" in r.stderr
    r = run_cli("scan", tmp_path, "-o", tmp_path / "inside", "-g", MINI)
    assert r.returncode == 2 and "must not be inside the input folder" in r.stderr
    foreign = tmp_path / "foreign"
    foreign.mkdir()
    (foreign / "keep.txt").write_text("mine")
    r = run_cli("scan", corpus, "-o", foreign, "-g", MINI, "-j", "1")
    assert r.returncode == 2 and "not empty and not a scan folder" in r.stderr
    assert (foreign / "keep.txt").read_text() == "mine"


def test_unreadable_documents_are_reported_and_the_rest_is_scanned(tmp_path):
    corpus = write_folder(tmp_path / "corpus", TEXTS[:3])
    (corpus / "bad.txt").write_bytes(b"\x00\x00binary")
    r = run_cli("scan", corpus, "-o", tmp_path / "out", "-g", MINI, "-j", "1")
    assert r.returncode == 2 and "Traceback" not in r.stderr
    assert f"error: {corpus / 'bad.txt'}: looks like a binary file" in r.stderr
    summary = tables(tmp_path / "out")["summary"].set_index("doc_id")
    assert "binary" in summary.loc["bad.txt", "problem"] and summary["problem"].isna().sum() == 3
    assert json.loads((tmp_path / "out" / "scan.json").read_text())["totals"]["problems"] == 1


@pytest.mark.parametrize("args, message", [
    (["--chunk-size", "lots"], "--chunk-size: invalid size 'lots'"),
    (["--engine", "spark"], "unknown engine 'spark'"),
    (["--address", "tcp://127.0.0.1:1"], "--address needs --engine dask"),
    (["--select", "X999"], "unknown rule code 'X999'"),
    (["--workers", "0"], "--workers must be at least 1"),
])
def test_bad_options_exit_2_with_a_message(tmp_path, args, message):
    corpus = write_jsonl(tmp_path / "c.jsonl")
    r = run_cli("scan", corpus, "-o", tmp_path / "out", "-g", MINI, *args)
    assert r.returncode == 2 and message in r.stderr and "Traceback" not in r.stderr


def test_bad_input_exits_2_naming_file_and_line(tmp_path):
    corpus = tmp_path / "c.jsonl"
    corpus.write_text('{"text": "王涛"}\n{"text": 5}\n', encoding="utf-8")
    r = run_cli("scan", corpus, "-o", tmp_path / "out", "-g", MINI, "-j", "1")
    assert r.returncode == 2 and f"{corpus}:2: field 'text' is a number, expected a string" in r.stderr and "Traceback" not in r.stderr
    r = run_cli("scan", tmp_path / "nothing.jsonl", "-o", tmp_path / "out2", "-g", MINI)
    assert r.returncode == 2 and "nothing.jsonl: no such file or folder" in r.stderr
    r = run_cli("scan", write_jsonl(tmp_path / "ok.jsonl"), "-o", tmp_path / "out3", "-g", tmp_path / "no-glossary.yaml",
                "-j", "1")
    assert r.returncode == 2 and "no-glossary.yaml: no such glossary file or folder" in r.stderr


def test_duplicate_ids_are_warned_about(tmp_path):
    corpus = tmp_path / "c.jsonl"
    corpus.write_text('{"id": "a", "text": "王涛"}\n{"id": "a", "text": "倩文"}\n', encoding="utf-8")
    r = run_cli("scan", corpus, "-o", tmp_path / "out", "-g", MINI, "-j", "1")
    assert r.returncode == 0 and "1 document id(s) occur more than once" in r.stderr and "'a'" in r.stderr


def test_progress_bar_counts_documents(tmp_path):
    corpus = write_jsonl(tmp_path / "c.jsonl")
    r = run_cli("scan", corpus, "-o", tmp_path / "out", "-g", MINI, "-j", "1", "--progress", "--select", "T")
    assert r.returncode == 0 and f"{len(TEXTS)}/{len(TEXTS)} documents" in r.stderr
    r = run_cli("scan", corpus, "-o", tmp_path / "out2", "-g", MINI, "-j", "1", "--select", "T")
    assert r.returncode == 0 and "documents" not in r.stderr  # not a terminal: no bar unless asked


def test_size_parsing():
    from mtqa.cli_scan import parse_size

    assert parse_size("4MB") == 4_000_000 and parse_size("512KB") == 512_000
    assert parse_size("1.5MiB") == 1_572_864 and parse_size("100") == 100
    for bad in ("", "0", "4 parsecs", "-1MB"):
        with pytest.raises(ValueError):
            parse_size(bad)


def test_the_cli_module_imports_nothing_heavy():
    import subprocess

    code = ("import sys, mtqa.cli_scan\n"
            "print(sorted(m for m in ('pandas', 'pyarrow', 'dask', 'distributed', 'matplotlib', 'rich')"
            " if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"
