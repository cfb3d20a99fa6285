"""The least work a lint must do before any rule runs: fold, and the compiled core's scan.

    python benchmarks/bench_floor.py [--mb 10] [--concepts 10000]

On bench_lint's corpus and glossary, prints ms/MB for folding the text (Python), the core's
Aho-Corasick pass, and the core's selection of the matches rules may report on; and how many
matches per MB there are, and how many of them the scan keeps. See docs/performance.md.
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_lint import ROOT, corpus, synthetic_concepts  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--mb", type=float, default=10)
    ap.add_argument("--concepts", type=int, default=10_000)
    args = ap.parse_args()

    from mtqa.glossary import load_glossary
    from mtqa.glossary.model import Glossary
    from mtqa.matcher import Matcher
    from mtqa.normalize import fold

    glossary = Glossary(load_glossary(ROOT / "glossaries").concepts + synthetic_concepts(args.concepts))
    matcher = Matcher.build(glossary)
    scanner = matcher.scanner
    docs = corpus(args.mb)
    mb = sum(len(d.encode("utf-8")) for d in docs) / 1e6
    for _ in range(3):
        t0 = time.perf_counter()
        folded = [fold(d) for d in docs]
        t1 = time.perf_counter()
        matches = [scanner.scan(d, f, []) for d, f in zip(docs, folded)]
        t2 = time.perf_counter()
        _kept = [ms.select([], False, None) for ms in matches]
        t3 = time.perf_counter()
        print(f"fold {(t1 - t0) / mb * 1000:.1f} ms/MB, Aho-Corasick {(t2 - t1) / mb * 1000:.1f} ms/MB, "
              f"selection {(t3 - t2) / mb * 1000:.1f} ms/MB: {(t3 - t0) / mb * 1000:.1f} ms/MB "
              f"of the 50 that 20 MB/s allows")
    raw = sum(len(ms) for ms in matches)
    kept = sum(len(matcher.scan(d).hits) for d in docs)
    print(f"{raw / mb:,.0f} matches per MB; the scan keeps {kept / mb:,.0f} per MB ({kept / raw:.0%})")


if __name__ == "__main__":
    main()
