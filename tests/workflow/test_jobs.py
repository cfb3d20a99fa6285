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
