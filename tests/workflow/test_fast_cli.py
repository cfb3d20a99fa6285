"""`mtqa lint` parses its command line without typer (start-up speed); it must accept exactly
what the typer command accepts and do the same thing."""
from __future__ import annotations

import subprocess
import sys

import pytest

from conftest import GLOSSARIES, ROOT, seed
from mtqa.cli_lint import OPTIONS, parse


def test_the_fast_parser_knows_every_option_of_the_typer_command():
    import typer.main

    from mtqa.cli import lint

    app = typer.Typer(add_completion=False)
    app.command()(lint)
    command = typer.main.get_command(app)
    typer_options = {}
    for p in command.params:
        if p.param_type_name == "option":
            kind = "flag" if p.is_flag else ("multi" if p.multiple else "value")
            typer_options[p.name] = (tuple(sorted(p.opts)), kind)
    fast = {dest: (tuple(sorted(flags)), kind) for flags, dest, kind in OPTIONS}
    assert fast == typer_options


@pytest.mark.parametrize("args,expected", [
    (["a.txt"], {"paths": ["a.txt"], "output_format": "text", "fix": False, "glossary": None}),
    (["a.txt", "-f", "json", "b.md"], {"paths": ["a.txt", "b.md"], "output_format": "json"}),
    (["--format=sarif", "a.txt", "--select", "T001,T002", "--select", "C"],
     {"output_format": "sarif", "select": ["T001,T002", "C"]}),
    (["-g", "x.yaml", "-g", "y.yaml", "--fix", "-q", "a.txt"], {"glossary": ["x.yaml", "y.yaml"], "fix": True, "quiet": True}),
])
def test_fast_parse(args, expected):
    got = parse(args)
    assert got is not None
    for key, value in expected.items():
        assert got[key] == value


@pytest.mark.parametrize("args", [
    [], ["--help"], ["a.txt", "-h"], ["a.txt", "--bogus"], ["a.txt", "--form", "json"],  # no abbreviations
    ["a.txt", "--format"], ["--", "--odd-name.txt"], ["-1"],  # argparse would take -1 for a path
])
def test_what_the_fast_parser_leaves_to_typer(args):
    assert parse(args) is None


def test_fast_path_and_typer_path_give_the_same_report(tmp_path):
    from typer.testing import CliRunner

    from mtqa.cli import app

    target = seed("000")
    args = ["lint", str(target), "--isolated", "-g", str(GLOSSARIES), "--format", "json", "--select", "T,C"]
    fast = subprocess.run([sys.executable, "-m", "mtqa", *args], capture_output=True, text=True, cwd=ROOT)
    slow = CliRunner().invoke(app, args)
    assert fast.returncode == slow.exit_code == 1
    assert fast.stdout == slow.stdout
    assert '"rule": "T001"' in fast.stdout


def test_fast_path_does_not_import_typer(tmp_path):
    code = ("import sys, runpy\n"
            f"sys.argv = ['mtqa', 'lint', {str(seed('001'))!r}, '--isolated', '-q']\n"
            "try:\n    runpy.run_module('mtqa', run_name='__main__')\nexcept SystemExit:\n    pass\n"
            "print(sorted(m for m in sys.modules if m.split('.')[0] in ('typer', 'click', 'pandas', 'jieba', 'sacrebleu')))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert out.stdout.strip().splitlines()[-1] == "[]", out.stderr


def test_usage_errors_still_come_from_typer():
    out = subprocess.run([sys.executable, "-m", "mtqa", "lint", "a.txt", "--bogus"], capture_output=True, text=True, cwd=ROOT)
    assert out.returncode == 2
    assert "No such option" in out.stderr and "--bogus" in out.stderr


def test_a_closed_pipe_ends_quietly():
    proc = subprocess.Popen([sys.executable, "-m", "mtqa", "lint", str(seed("003")), "--isolated"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=ROOT)
    proc.stdout.read(10)
    proc.stdout.close()
    err = proc.stderr.read().decode()
    assert proc.wait() == 1
    assert "Traceback" not in err
