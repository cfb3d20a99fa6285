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
