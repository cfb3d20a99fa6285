"""Precision and recall per rule on the annotated articles in tests/data/annotated/.

    python benchmarks/eval_rules.py [--dir tests/data/annotated] [--glossary PATH] [--show]

Errors are marked inline as {{text|CODE}}. A finding counts as a true positive when an
annotation of the same rule overlaps it; each annotation matches at most one finding.
"""
from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MARK = re.compile(r"\{\{(.+?)\|([A-Z][0-9]{3}(?:,[A-Z][0-9]{3})*)\}\}", re.S)


def parse(marked: str) -> tuple[str, list[tuple[int, int, str]]]:
    """Strip the marks ({{text|CODE}} or {{text|CODE,CODE}}): (clean text, [(start, end, rule)])."""
    out, gold, pos = [], [], 0
    length = 0
    for m in MARK.finditer(marked):
        out.append(marked[pos:m.start()])
        length += m.start() - pos
        text = m.group(1)
        for rule in m.group(2).split(","):
            gold.append((length, length + len(text), rule))
        out.append(text)
        length += len(text)
        pos = m.end()
    out.append(marked[pos:])
    return "".join(out), gold


def evaluate(folder: Path, glossary=None, show: bool = False, select=None):
    """Findings of the rules a user gets without --select (or `select`) against the marks;
    marks of rules that are not run (T002 is off by default) are counted in `skipped`."""
    import mtqa
    from mtqa.config import selects
    from mtqa.rules import ALL_RULES

    codes = [r.code for r in ALL_RULES if (any(selects(c, r.code, r.name) for c in select) if select else r.default)]
    tp, fp, fn, skipped = Counter(), Counter(), Counter(), Counter()
    misses = []
    for path in sorted(folder.glob("*.txt")):
        text, gold = parse(path.read_text(encoding="utf-8"))
        skipped.update(r for _, _, r in gold if r not in codes)
        gold = [g for g in gold if g[2] in codes]
        findings = mtqa.lint_text(text, glossary=glossary or ROOT / "glossaries", select=codes, path=path.name)
        used = set()
        for f in findings:
            match = next((i for i, (s, e, r) in enumerate(gold)
                          if r == f.rule and i not in used and s < f.end and f.start < e), None)
            if match is None:
                fp[f.rule] += 1
                misses.append(f"FP {path.name}:{f.line}:{f.column} {f.rule} {f.found!r}")
            else:
                used.add(match)
                tp[f.rule] += 1
        for i, (s, e, r) in enumerate(gold):
            if i not in used:
                fn[r] += 1
                misses.append(f"FN {path.name} {r} {text[s:e]!r}")
    rows = []
    for code in sorted(set(tp) | set(fp) | set(fn)):
        p = tp[code] / (tp[code] + fp[code]) if tp[code] + fp[code] else float("nan")
        r = tp[code] / (tp[code] + fn[code]) if tp[code] + fn[code] else float("nan")
        rows.append((code, tp[code], fp[code], fn[code], p, r))
    total = (sum(tp.values()), sum(fp.values()), sum(fn.values()))
    return rows, total, misses, skipped


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--dir", default=str(ROOT / "tests" / "data" / "annotated"))
    ap.add_argument("--glossary", help="glossary file or folder (default: the bundled glossaries/)")
    ap.add_argument("--show", action="store_true", help="list every false positive and false negative")
    ap.add_argument("--select", help="rules to run, comma-separated (default: the rules on by default)")
    args = ap.parse_args()
    select = [c for c in args.select.split(",") if c] if args.select else None
    rows, (tp, fp, fn), misses, skipped = evaluate(Path(args.dir), glossary=Path(args.glossary) if args.glossary else None,
                                                   select=select)
    print(f"{'rule':<6}{'TP':>4}{'FP':>4}{'FN':>4}{'precision':>11}{'recall':>8}")
    for code, t, f, n, p, r in rows:
        print(f"{code:<6}{t:>4}{f:>4}{n:>4}{p:>11.2f}{r:>8.2f}")
    print(f"{'all':<6}{tp:>4}{fp:>4}{fn:>4}{tp / (tp + fp):>11.2f}{tp / (tp + fn):>8.2f}")
    if skipped:
        print("not counted (rules not run; --select to include): "
              + ", ".join(f"{n} {code}" for code, n in sorted(skipped.items())))
    if args.show:
        print("\n".join(misses))
    return 0


if __name__ == "__main__":
    sys.exit(main())
