"""`mtqa server` in a real editor: headless Neovim (Debian's 0.7, or later) with its built-in LSP client.

The pytest-lsp tests (test_server.py) cover the protocol case by case; this one shows that an editor's
own client, with its own UTF-16 arithmetic and its own workspace-edit code, gets the finding on the
right characters and applies the quick fix to the right span. `.ci/run` installs Neovim from Debian.
"""
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

pytest.importorskip("pygls")
NVIM = shutil.which("nvim")
pytestmark = pytest.mark.skipif(NVIM is None, reason="Neovim is not installed (.ci/run installs it)")
SCRIPT = Path(__file__).parent / "editors" / "neovim_check.lua"


def test_neovim_shows_the_finding_on_the_right_characters_and_applies_the_quick_fix(tmp_path):
    article = tmp_path / "article.txt"
    article.write_text("𠮷😀王涛表示，阿里的模型很强。\n", encoding="utf-8")
    out = tmp_path / "seen.json"
    env = dict(os.environ, MTQA_NVIM_OUT=str(out),
               MTQA_NVIM_CMD=json.dumps([sys.executable, "-m", "mtqa", "server"]))
    subprocess.run([NVIM, "--headless", "--clean", "-c", f"luafile {SCRIPT}", str(article)],
                   cwd=tmp_path, env=env, timeout=120, check=True,
                   stdin=subprocess.DEVNULL, capture_output=True)
    seen = json.loads(out.read_text(encoding="utf-8"))
    assert seen.get("error") is None, seen["error"]
    [finding] = seen["diagnostics"]
    assert finding["code"] == "T001"
    # 𠮷 and 😀 are two UTF-16 code units each: 王涛 starts at unit 4.
    assert finding["range"] == {"start": {"line": 0, "character": 4}, "end": {"line": 0, "character": 6}}
    assert seen["actions"][0] == "T001: '王涛' → '亚历山大·王' (safe fix)"
    assert "mtqa: fix all safe findings in this file" in seen["actions"]
    assert "alexandr-wang" in seen["hover"]["value"]
    # Neovim applied the edit itself; only the reported span changed.
    assert seen["lines"] == ["𠮷😀亚历山大·王表示，阿里的模型很强。"]
