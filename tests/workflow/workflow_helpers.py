"""Shared by the workflow tests: run the real CLI in a project folder built on the fly."""
import json
import os
import subprocess
import sys
from pathlib import Path

from conftest import DATA, ROOT

MINI = DATA / "mini.yaml"
BAD = "Meta的新贵王涛加入了。\n阿里的倩文模型。\n"  # two T001 findings with the mini glossary


def mtqa(*args, cwd, env_extra=None):
    env = dict(os.environ)
    env["PYTHONPATH"] = str(ROOT) + os.pathsep + env.get("PYTHONPATH", "")
    env.pop("FORCE_COLOR", None)
    env.update(env_extra or {})
    return subprocess.run([sys.executable, "-m", "mtqa", *args], capture_output=True, text=True, cwd=cwd, env=env)


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def findings(*args, cwd):
    """(rule, found, line) of every finding `mtqa lint --format json ARGS` reports."""
    r = mtqa("lint", "--format", "json", *args, cwd=cwd)
    assert r.returncode in (0, 1), r.stderr
    return [(d["rule"], d["found"], d["line"]) for d in json.loads(r.stdout)]


def project(tmp_path: Path, config: str | None = None, name: str = "mtqa.toml") -> Path:
    """A project folder with the mini glossary in glossaries/ and, if given, a config file."""
    # A link, not a copy: the compiled-glossary cache is keyed by the resolved path, so every
    # test project shares one compiled mini glossary instead of building its own.
    (tmp_path / "glossaries").mkdir(parents=True, exist_ok=True)
    (tmp_path / "glossaries" / "mini.yaml").symlink_to(MINI)
    if config is not None:
        write(tmp_path / name, config)
    return tmp_path
