"""A very big file, and a file with a million findings: time and peak memory of `mtqa lint`.

    python benchmarks/bench_big_file.py [--mb 200] [--findings 1000000] [--fix]

Builds a file of `--mb` megabytes from the seeds (blank lines between copies) and a file of
`--findings` lines that each hold one deprecated term, lints each in a fresh process (bundled
glossary, JSON report to a file), and prints the wall time and the process's peak resident
memory (VmHWM). With `--fix`, also fixes a copy of the big file in place.
"""
from __future__ import annotations

import argparse
import tempfile
from pathlib import Path

from peak import run_mtqa

ROOT = Path(__file__).resolve().parent.parent

def run(args: list[str]) -> tuple[float, float, int]:
    proc, wall, hwm = run_mtqa(args, cwd=ROOT)
    if proc.returncode not in (0, 1):
        raise SystemExit(f"mtqa failed (exit {proc.returncode}):\n{proc.stderr[-2000:]}")
    return wall, hwm, proc.returncode


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--mb", type=float, default=200)
    ap.add_argument("--findings", type=int, default=1_000_000)
    ap.add_argument("--fix", action="store_true")
    args = ap.parse_args()
    seeds = [p.read_text(encoding="utf-8") + "\n\n" for p in sorted((ROOT / "seeds").glob("*.txt"))]
    with tempfile.TemporaryDirectory(prefix="mtqa-big-") as tmp:
        big = Path(tmp) / "big.txt"
        size, i = 0, 0
        with big.open("w", encoding="utf-8") as fh:
            while size < args.mb * 1e6:
                fh.write(seeds[i % len(seeds)])
                size += len(seeds[i % len(seeds)].encode("utf-8"))
                i += 1
        many = Path(tmp) / "many.txt"
        many.write_text("王涛\n" * args.findings, encoding="utf-8")
        report = str(Path(tmp) / "report.json")
        run(["lint", str(ROOT / "seeds"), "--format", "json", "-o", report])  # fill the glossary cache
        dt, hwm, code = run(["lint", str(big), "--format", "json", "-o", report])
        n = Path(report).read_text(encoding="utf-8").count('\n    "rule": ')
        print(f"lint {size / 1e6:.0f} MB file ({i} seed copies): {dt:.1f} s = {size / 1e6 / dt:.2f} MB/s, "
              f"peak RSS {hwm:.0f} MiB, {n} findings, exit {code}")
        dt, hwm, code = run(["lint", str(many), "--format", "json", "-o", report])
        n = Path(report).read_text(encoding="utf-8").count('\n    "rule": ')
        print(f"lint a file with {n} findings ({many.stat().st_size / 1e6:.0f} MB): {dt:.1f} s, peak RSS {hwm:.0f} MiB")
        if args.fix:
            dt, hwm, code = run(["lint", str(big), "--fix", "--format", "json", "-o", report])
            print(f"--fix on the {size / 1e6:.0f} MB file: {dt:.1f} s, peak RSS {hwm:.0f} MiB, exit {code}")


if __name__ == "__main__":
    main()
