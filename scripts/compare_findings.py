"""Findings of two mtqa trees on the same files, compared: the differential test of a change that
must not change what mtqa finds (moving a rule into the compiled core, say).

    git worktree add /tmp/before HEAD~1     # the tree to compare with (pure Python, or built)
    python scripts/compare_findings.py /tmp/before tests/data seeds tests/fuzz/corpus [--glossary G]

Each tree lints the same paths with `python -m mtqa lint --isolated --format json` (this
interpreter, PYTHONPATH set to the tree); findings are compared by path, rule, start, end,
suggestion and the fix's applicability. Prints the counts and every difference; exits 1 when there is one.
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def findings(tree: Path, paths: list[str], glossary: str | None) -> set[tuple]:
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "findings.json"
        cmd = [sys.executable, "-m", "mtqa", "lint", *paths, "--isolated", "--format", "json", "-o", str(out),
               "--select", "ALL", "-j", "2"]
        if glossary:
            cmd += ["-g", glossary]
        env = dict(os.environ, PYTHONPATH=str(tree), MTQA_CACHE_DIR=str(Path(tmp) / "cache"))
        subprocess.run(cmd, env=env, cwd=ROOT, stdout=subprocess.DEVNULL)
        data = json.loads(out.read_text(encoding="utf-8"))
    rows = data["findings"] if isinstance(data, dict) else data
    return {(f["path"], f["rule"], f["start"], f["end"], f.get("suggestion"), f.get("fix")) for f in rows}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("before", type=Path, help="the other mtqa tree (a git worktree)")
    ap.add_argument("paths", nargs="+")
    ap.add_argument("--glossary", "-g")
    args = ap.parse_args()
    old = findings(args.before.resolve(), args.paths, args.glossary)
    new = findings(ROOT, args.paths, args.glossary)
    print(f"before: {len(old)} findings; now: {len(new)}; only before: {len(old - new)}; only now: {len(new - old)}")
    for row in sorted(old - new):
        print("  only before:", *row)
    for row in sorted(new - old):
        print("  only now:   ", *row)
    return 1 if old != new else 0


if __name__ == "__main__":
    sys.exit(main())
