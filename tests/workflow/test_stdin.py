"""`mtqa lint -` reads standard input, as ruff and black do (issue 15 §5): for editors and pipes."""
import json
import os
import subprocess
import sys

import pytest

from conftest import ROOT
from workflow_helpers import BAD, MINI, write


def lint_stdin(data: bytes, *args, cwd):
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    return subprocess.run([sys.executable, "-m", "mtqa", "lint", *args, "-"], input=data, capture_output=True,
                          cwd=cwd, env=env)


@pytest.fixture()
def project(tmp_path):
    write(tmp_path / "glossaries" / "mini.yaml", MINI.read_text(encoding="utf-8"))
    write(tmp_path / "mtqa.toml", 'exclude = ["drafts"]\n\n[per-file-ignores]\n"legacy/**" = ["T001"]\n')
    return tmp_path


def test_findings_on_standard_input_are_those_of_the_same_file(project):
    write(project / "a.txt", BAD)
    r = lint_stdin(BAD.encode(), "--format", "json", cwd=project)
    on_file = subprocess.run([sys.executable, "-m", "mtqa", "lint", "--format", "json", "a.txt"], capture_output=True,
                             cwd=project, env=dict(os.environ, PYTHONPATH=str(ROOT)))
    assert r.returncode == on_file.returncode == 1
    stdin, file = json.loads(r.stdout), json.loads(on_file.stdout)
    assert [f["path"] for f in stdin] == ["-", "-"]
    assert [{**f, "path": "a.txt"} for f in stdin] == file


def test_stdin_filename_names_the_report_and_chooses_config_and_type(project):
    r = lint_stdin(BAD.encode(), "--stdin-filename", "news/wang.txt", "--format", "json", cwd=project)
    assert r.returncode == 1 and {f["path"] for f in json.loads(r.stdout)} == {"news/wang.txt"}
    # per-file-ignores of that path apply
    r = lint_stdin(BAD.encode(), "--stdin-filename", "legacy/old.txt", "--format", "json", cwd=project)
    assert r.returncode == 0 and json.loads(r.stdout) == []
    # as Markdown, inline code is not prose; as plain text it is
    text = "名字 `王涛` 在代码里。\n".encode()
    assert json.loads(lint_stdin(text, "--stdin-filename", "a.md", "--format", "json", cwd=project).stdout) == []
    assert len(json.loads(lint_stdin(text, "--stdin-filename", "a.txt", "--format", "json", cwd=project).stdout)) == 1


def test_fix_writes_the_fixed_text_to_stdout_and_the_report_to_stderr(project):
    r = lint_stdin(BAD.encode(), "--fix", cwd=project)
    assert r.returncode == 0
    assert r.stdout.decode() == BAD.replace("王涛", "亚历山大·王").replace("倩文", "通义千问")
    assert b"(2 fixed)" in r.stderr
    clean = "一切正常。\n".encode()
    r = lint_stdin(clean, "--fix", cwd=project)
    assert (r.returncode, r.stdout) == (0, clean)


def test_fix_keeps_the_inputs_encoding_bom_and_line_endings(project):
    big5 = "第一行\r\n王濤說\r\n".encode("big5")
    r = lint_stdin(big5, "--fix", cwd=project)
    assert r.stdout == "第一行\r\n亞歷山大·王說\r\n".encode("big5")
    bom = b"\xef\xbb\xbf" + "王涛说\n".encode()
    assert lint_stdin(bom, "--fix", cwd=project).stdout == b"\xef\xbb\xbf" + "亚历山大·王说\n".encode()


def test_unreadable_input_comes_back_unchanged(project):
    junk = b"\x89PNG\r\n\x1a\n\x00\x00\x00"
    r = lint_stdin(junk, "--fix", "--stdin-filename", "img.txt", cwd=project)
    assert r.returncode == 2 and r.stdout == junk
    assert r.stderr.decode().startswith("error: img.txt: looks like a binary file")


def test_an_excluded_stdin_filename_is_passed_through(project):
    r = lint_stdin(BAD.encode(), "--fix", "--stdin-filename", "drafts/a.txt", cwd=project)
    assert (r.returncode, r.stdout) == (0, BAD.encode())
    assert b"No file was checked" in r.stderr


def test_diff_of_standard_input(project):
    r = lint_stdin(BAD.encode(), "--diff", "--stdin-filename", "a.txt", cwd=project)
    assert r.returncode == 1
    assert r.stdout.decode().splitlines()[:2] == ["--- a/a.txt", "+++ b/a.txt"]


@pytest.mark.parametrize("args, message", [
    (["a.txt", "-"], "'-' (standard input) cannot be combined with other paths"),
    (["--stdin-filename", "x.txt", "a.txt"], "--stdin-filename is for reading standard input"),
])
def test_misuse_is_a_clear_error(project, args, message):
    write(project / "a.txt", BAD)
    r = subprocess.run([sys.executable, "-m", "mtqa", "lint", *args], input=b"", capture_output=True, cwd=project,
                       env=dict(os.environ, PYTHONPATH=str(ROOT)))
    assert r.returncode == 2 and r.stderr.decode().startswith(f"error: {message}")
