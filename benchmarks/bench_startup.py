"""Cold start of `mtqa lint` on one file, as a commit hook runs it.

    python benchmarks/bench_startup.py [--runs 30] [--lint-args "--ignore N003"] [FILE]

Runs `python -m mtqa lint FILE` (default: seed 000, bundled glossary) in a fresh process
`--runs` times after one warm-up run that fills a fresh glossary cache and writes the
bytecode (PYTHONDONTWRITEBYTECODE is dropped, as an installed package has its .pyc), and prints the median
wall time (and the quartiles), next to a bare `python -c pass` for scale. The budget for a
hook is a median under 250 ms.
"""
from __future__ import annotations

import argparse
import os
import shlex
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BUDGET_MS = 250


def wall_times(cmd: list[str], runs: int, env: dict) -> list[float]:
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=ROOT, env=env)
        times.append((time.perf_counter() - t) * 1000)
    return times


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("file", nargs="?", default=str(next((ROOT / "seeds").glob("000_*.txt"))))
    ap.add_argument("--runs", type=int, default=30)
    ap.add_argument("--lint-args", default="", help="extra options for `mtqa lint`, to see what a rule costs")
    args = ap.parse_args()

    # As on a translator's machine: bytecode cached (an installed package has it), a private
    # glossary cache that the warm-up run fills.
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["MTQA_CACHE_DIR"] = tempfile.mkdtemp(prefix="mtqa-bench-cache-")
    cmd = [sys.executable, "-m", "mtqa", "lint", args.file, *shlex.split(args.lint_args)]
    warm = subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT, env=env)
    if warm.returncode not in (0, 1):
        print(f"`{' '.join(cmd)}` failed (exit {warm.returncode}):\n{warm.stderr}", file=sys.stderr)
        return 2
    times = wall_times(cmd, args.runs, env)
    bare = wall_times([sys.executable, "-c", "pass"], max(5, args.runs // 3), env)
    q1, median, q3 = statistics.quantiles(times, n=4)
    shown = " ".join(["mtqa lint", Path(args.file).name, *shlex.split(args.lint_args)])
    print(f"cold start, `{shown}`: median {median:.0f} ms "
          f"(quartiles {q1:.0f}–{q3:.0f} ms, min {min(times):.0f} ms) over {args.runs} runs; "
          f"bare `python -c pass`: {statistics.median(bare):.0f} ms; budget {BUDGET_MS} ms")
    return 0 if median < BUDGET_MS else 1


if __name__ == "__main__":
    sys.exit(main())
