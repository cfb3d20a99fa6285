"""`mtqa lint --jobs N`: worker processes give the same report, exit code and fixes as one process."""
from __future__ import annotations

import io

import pytest

from conftest import GLOSSARIES, SEEDS
from mtqa.run_lint import LintOptions, run


@pytest.fixture
def folder(tmp_path):
    seeds = sorted(SEEDS.glob("*.txt"))
    for i in range(20):
        (tmp_path / f"a{i:02d}.txt").write_bytes(seeds[i % len(seeds)].read_bytes())
    (tmp_path / "a05.txt").write_bytes(b"not\x00text\x00")  # an unreadable file in the middle
    return tmp_path


def lint(folder, **kw):
    out, err = io.StringIO(), io.StringIO()
    code = run(LintOptions(paths=[str(folder)], glossary=[str(GLOSSARIES)], isolated=True, **kw), out, err)
    return code, out.getvalue(), err.getvalue()


@pytest.mark.parametrize("fmt", ["json", "text"])
def test_workers_report_what_one_process_reports(folder, fmt):
    one = lint(folder, output_format=fmt, jobs=1)
    two = lint(folder, output_format=fmt, jobs=2)
    assert one == two
    assert one[0] == 2  # the unreadable file
    assert "a05.txt" in one[2] and one[1].count("a19.txt") > 0


def test_workers_fix_what_one_process_fixes(folder, tmp_path_factory):
    import shutil

    other = tmp_path_factory.mktemp("other")
    for f in folder.iterdir():
        shutil.copy2(f, other / f.name)
    one = lint(folder, fix=True, jobs=1, output_format="json")
    two = lint(other, fix=True, jobs=2, output_format="json")
    assert one[0] == two[0] == 2
    assert one[1].replace(str(folder), "X") == two[1].replace(str(other), "X")
    for f in folder.iterdir():
        assert f.read_bytes() == (other / f.name).read_bytes()
    assert "王涛" not in (folder / "a00.txt").read_text(encoding="utf-8")


def test_diff_with_workers_is_in_file_order(folder):
    code, out, _ = lint(folder, diff=True, jobs=2)
    names = [line.split("/")[-1] for line in out.splitlines() if line.startswith("--- a/")]
    assert names == sorted(names) and len(names) >= 10


def test_auto_jobs_stays_single_for_few_files():
    from mtqa.run_lint import _jobs

    assert _jobs(LintOptions(paths=[]), 3) == 1
    assert _jobs(LintOptions(paths=[], jobs=4), 3) == 3
    assert _jobs(LintOptions(paths=[], jobs=2), 100) == 2


def test_a_worker_that_dies_is_an_error_not_a_hang(folder):
    import subprocess
    import sys

    from conftest import ROOT

    code = f"""
import io, os, sys
import mtqa.run_lint as rl
real = rl._lint_small
def dying(i):
    if i == 7:
        os._exit(9)  # as the out-of-memory killer would
    return real(i)
rl._lint_small = dying
from mtqa.errors import MtqaError
try:
    rl.run(rl.LintOptions(paths=[{str(folder)!r}], glossary=[{str(GLOSSARIES)!r}], isolated=True, jobs=2,
                          output_format="json"), io.StringIO(), io.StringIO())
except MtqaError as exc:
    print("error:", exc)
"""
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300, cwd=ROOT)
    assert "error: a worker process died" in out.stdout, out.stderr


def _session_processes(sid: int) -> list[int]:
    import os

    pids = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                if os.getsid(int(entry)) == sid:
                    pids.append(int(entry))
            except OSError:  # gone meanwhile
                pass
    return pids


def test_ctrl_c_stops_every_process_quietly(tmp_path):
    """Ctrl-C as a terminal sends it: SIGINT to the whole process group, while the run is
    provably in the middle (it has written findings, and it blocks on a full pipe because
    nobody reads the rest). A fixed sleep raced: a fast machine finished the run first."""
    import os
    import signal
    import subprocess
    import sys
    import time

    from conftest import ROOT

    seeds = sorted(SEEDS.glob("*.txt"))
    for i in range(400):
        (tmp_path / f"a{i:03d}.txt").write_bytes(seeds[i % len(seeds)].read_bytes())
    proc = subprocess.Popen([sys.executable, "-m", "mtqa", "lint", str(tmp_path), "-j", "2", "--isolated",
                             "-g", str(GLOSSARIES), "--format", "json"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=ROOT, start_new_session=True)
    assert proc.stdout.read(1) == b"["  # findings stream: the workers are running
    time.sleep(0.5)  # let the pipe fill (the report is megabytes); the run cannot end meanwhile
    assert proc.poll() is None
    os.killpg(proc.pid, signal.SIGINT)
    deadline = time.monotonic() + 60
    while proc.poll() is None and time.monotonic() < deadline:
        proc.stdout.read(1 << 16)  # drain, as a terminal would, so that nothing waits on the pipe
    err = proc.stderr.read().decode()
    assert proc.returncode == 130, err
    assert "Traceback" not in err and "interrupted" in err
    while _session_processes(proc.pid) and time.monotonic() < deadline:  # workers die with the parent
        time.sleep(0.05)
    assert _session_processes(proc.pid) == []


def test_no_progress_bar_over_findings_streaming_to_the_same_terminal():
    from mtqa.run_lint import _progress

    class Tty:
        def isatty(self):
            return True

        def write(self, s):
            pass

    assert _progress(LintOptions(paths=[]), 10, Tty(), Tty()) is None  # findings stream to the terminal
    assert _progress(LintOptions(paths=[], output="r.json"), 10, Tty(), Tty()) is not None
    assert _progress(LintOptions(paths=[]), 10, Tty(), io.StringIO()) is not None  # report piped elsewhere


def test_an_interrupted_run_leaves_the_previous_report_whole(tmp_path):
    from mtqa.document import Document
    from mtqa.lint import lint_text
    from mtqa.report import write

    report = tmp_path / "report.json"
    report.write_text("the previous report\n", encoding="utf-8")
    doc = Document(text="王涛加入了梅塔。", path="a.txt")

    def results():
        yield doc, lint_text(doc.text, GLOSSARIES)
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        write("json", results(), output=str(report))
    assert report.read_text(encoding="utf-8") == "the previous report\n"
    assert [p.name for p in tmp_path.iterdir()] == ["report.json"]
    write("json", iter([(doc, lint_text(doc.text, GLOSSARIES))]), output=str(report))
    assert '"rule": "T001"' in report.read_text(encoding="utf-8")
