"""Text output like ruff: `path:line:col: CODE message`, the suggestion, then a summary."""
from __future__ import annotations

from collections import Counter


def render(results, stream, fixed: int = 0) -> None:
    counts: Counter = Counter()
    by_rule: Counter = Counter()
    fixable = 0
    for _doc, findings in results:
        for f in findings:
            stream.write(f"{f.path}:{f.line}:{f.column}: {f.rule} [{f.severity.value}] {f.message}\n")
            if f.suggestion is not None:
                how = f"{f.fix.applicability.value} fix" if f.fix else "no automatic fix"
                stream.write(f"    suggestion: {f.suggestion}  ({how})\n")
            counts[f.severity.value] += 1
            by_rule[f.rule] += 1
            fixable += f.fix is not None and f.fix.applicability.value == "safe"
    total = sum(counts.values())
    if total == 0:
        stream.write("All checks passed." + (f" ({fixed} fixed)" if fixed else "") + "\n")
        return
    parts = ", ".join(f"{counts[s]} {s}" for s in ("error", "warning", "info") if counts[s])
    rules = ", ".join(f"{code} ×{n}" for code, n in sorted(by_rule.items()))
    stream.write(f"Found {total} finding{'s' if total != 1 else ''} ({parts}; {rules})")
    if fixed:
        stream.write(f", {fixed} fixed")
    stream.write(".\n")
    if fixable:
        stream.write(f"{fixable} fixable with --fix.\n")
