"""Static checks that catch real mistakes: undefined names, unused imports, syntax errors (ruff's F and E9)."""
from __future__ import annotations

import shutil
import subprocess
import sys

from conftest import ROOT


def test_pyflakes_checks_pass():
    ruff = shutil.which("ruff") or [sys.executable, "-m", "ruff"]
    cmd = ([ruff] if isinstance(ruff, str) else ruff) + ["check", "--select", "F,E9", "--output-format", "concise",
                                                         "mtqa", "tests", "benchmarks"]
    out = subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT)
    assert out.returncode == 0, out.stdout + out.stderr


def test_the_core_modules_never_import_the_rules():
    """Data flows one way: the rules read the matcher, the sound index and the Latin index, which
    never import a rule (an import cycle matcher → rules was there until issue 18)."""
    import ast

    core = ["matcher.py", "sound_index.py", "latin_index.py", "cache.py", "normalize.py", "phonetics.py",
            "document.py", "findings.py", "words.py", "script.py", "translit.py"]
    for name in core:
        tree = ast.parse((ROOT / "mtqa" / name).read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom):
                target = ("." * node.level) + (node.module or "")
                assert not target.lstrip(".").startswith("rules"), f"mtqa/{name} imports {target}"
            elif isinstance(node, ast.Import):
                assert not any(a.name.startswith("mtqa.rules") for a in node.names), f"mtqa/{name}"
