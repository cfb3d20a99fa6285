"""`mtqa bilingual`: read bilingual files, check every segment, report, choose the exit code (as lint)."""
from __future__ import annotations

import sys
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import MtqaError
from ..findings import Severity

BINARY_FORMATS = ("xlsx",)


@dataclass
class BilingualOptions:
    paths: list[str]
    glossary: list[str] = field(default_factory=list)
    output_format: str = "text"
    output: str | None = None  # write the report here instead of stdout
    select: list[str] | None = None
    ignore: list[str] | None = None
    fail_on: Severity = Severity.ERROR


def run(opts: BilingualOptions, out=None, err=None) -> int:
    """0: nothing at or above `fail_on`; 1: findings at or above it; 2: a file could not be read."""
    from ..lint import get_matcher
    from .checks import check_file, select_b_rules
    from .readers import iter_bilingual_paths, read_bilingual

    out = out or sys.stdout
    err = err or sys.stderr
    if opts.output_format in BINARY_FORMATS and opts.output is None and getattr(out, "isatty", lambda: False)():
        raise MtqaError(f"{opts.output_format} is a binary format: pass --output FILE.{opts.output_format}")
    rules = select_b_rules(opts.select, opts.ignore)
    matcher = get_matcher(opts.glossary or None) if any(r.needs_glossary for r in rules) else None
    paths = list(iter_bilingual_paths(opts.paths))
    if not paths:
        err.write("warning: no bilingual files to check (.tsv, .csv, .po, .xlf, .xliff, .tmx)\n")
    results, had_input_error = [], False
    for path in paths:
        try:
            bfile = read_bilingual(path)
        except MtqaError as exc:
            err.write(f"error: {exc}\n")
            had_input_error = True
            continue
        results.append((bfile, check_file(bfile, matcher, rules)))
    _report(opts, results, out)
    if had_input_error:
        return 2
    worst = max((f.severity.rank for _, fs in results for f in fs), default=-1)
    return 1 if worst >= opts.fail_on.rank else 0


def _report(opts: BilingualOptions, results, out) -> None:
    from ..report import render

    if opts.output is None:
        render(opts.output_format, results, out)
        return
    target = Path(opts.output)
    binary = opts.output_format in BINARY_FORMATS
    encoding = "utf-8-sig" if opts.output_format == "csv" else "utf-8"  # Excel reads CSV with a BOM as UTF-8
    try:
        with (open(target, "wb") if binary else open(target, "w", encoding=encoding, newline="")) as fh:
            render(opts.output_format, results, fh)
    except OSError as exc:
        raise MtqaError(f"{target}: cannot write the report: {exc.strerror}") from None
