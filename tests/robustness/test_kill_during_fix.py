"""A fix killed at any moment leaves the file as it was or fully fixed: never truncated or mixed."""
import os
import signal
import subprocess
import sys
import time

import pytest

from conftest import DATA

ARTICLE = "Meta的新贵王涛加入了。阿里的倩文模型很强,杨立坤也这么说。\n" * 40 + "正文段落,没有错误。\n" * 40


def _start(path, cache):
    env = dict(os.environ, MTQA_CACHE_DIR=str(cache))
    return subprocess.Popen(
        [sys.executable, "-m", "mtqa", "lint", str(path), "--fix", "-g", str(DATA / "mini.yaml"), "--select", "T001"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)


@pytest.fixture(scope="module")
def run(tmp_path_factory):
    """(original, fixed, seconds a complete fix takes) for a ~0.3 MB article."""
    tmp = tmp_path_factory.mktemp("kill")
    original = ARTICLE * 60
    path = tmp / "whole.txt"
    path.write_text(original, encoding="utf-8")
    _start(path, tmp / "cache").wait()  # warm the glossary cache
    path.write_text(original, encoding="utf-8")
    t = time.perf_counter()
    assert _start(path, tmp / "cache").wait() == 0
    return original, path.read_text(encoding="utf-8"), time.perf_counter() - t, tmp / "cache"


@pytest.mark.parametrize("fraction", [0.3, 0.7, 0.9, 0.97, 1.0, 1.03])
def test_sigkill_during_fix(tmp_path, run, fraction):
    original, fixed, seconds, cache = run
    assert fixed != original and "王涛" not in fixed
    path = tmp_path / "big.txt"
    path.write_text(original, encoding="utf-8")
    proc = _start(path, cache)
    time.sleep(seconds * fraction)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    assert path.read_text(encoding="utf-8") in (original, fixed)  # never truncated, never half fixed
