"""Where lint time goes: the glossary scan and each rule, in seconds per MB.

    python benchmarks/bench_rules.py [--mb 2] [--concepts 10000] [--rules N002,N003]

Same corpus and glossary as bench_lint.py (the seeds; the bundled glossary plus synthetic
people). The scan (Matcher.scan: automaton, filtering, gloss marking) is timed once; each
rule is then timed alone on fresh per-document contexts that reuse the scan, best of two.
Work rules share through `LintContext.memo` (N002 and N003 share the name spans, for
example) is counted in each rule that needs it, so the column adds up to more than a full
lint costs.
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_lint import ROOT, corpus, synthetic_concepts  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--mb", type=float, default=2)
    ap.add_argument("--concepts", type=int, default=10_000)
    ap.add_argument("--rules", default=None, help="comma-separated codes (default: every default rule)")
    args = ap.parse_args()

    from mtqa.document import Document
    from mtqa.glossary import load_glossary
    from mtqa.glossary.model import Glossary
    from mtqa.matcher import Matcher
    from mtqa.rules import select_rules
    from mtqa.rules.base import LintContext

    real = load_glossary(ROOT / "glossaries")
    matcher = Matcher.build(Glossary(real.concepts + synthetic_concepts(args.concepts)))
    matcher.scanner  # noqa: B018 - built on first use: not part of the scan's time
    docs = corpus(args.mb)
    mb = sum(len(d.encode("utf-8")) for d in docs) / 1e6

    def contexts():
        return [LintContext(doc=Document(text=t, path=f"d{i}"), matcher=matcher) for i, t in enumerate(docs)]

    scan = float("inf")
    for _ in range(3):
        scanned = contexts()
        t = time.perf_counter()
        for c in scanned:
            c.hits  # noqa: B018 (runs the scan)
        scan = min(scan, time.perf_counter() - t)
    print(f"{'scan':<6} {scan / mb:6.3f} s/MB")
    total = scan
    for rule in select_rules(args.rules.split(",") if args.rules else None):
        best, count = float("inf"), 0
        for _ in range(2):
            fresh = contexts()
            for c, done in zip(fresh, scanned):
                c._hits, c._latin_spans, c._concepts = done._hits, done._latin_spans, done._concepts
                c._scanned = done._scanned  # the scan itself (N001 asks it for Latin spans)
            t = time.perf_counter()
            count = sum(1 for c in fresh for _ in rule.check(c))
            best = min(best, time.perf_counter() - t)
        total += best
        print(f"{rule.code:<6} {best / mb:6.3f} s/MB  {count:>6} findings")
    print(f"{'sum':<6} {total / mb:6.3f} s/MB = {mb / total:.2f} MB/s (shared work counted once per rule)")


if __name__ == "__main__":
    main()
