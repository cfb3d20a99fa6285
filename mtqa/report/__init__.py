"""Reporters: one module per output format, all behind `render`."""
from __future__ import annotations

FORMATS = ("text", "json")


def render(fmt: str, results, out, fixed: int = 0) -> None:
    """Write `results` — a list of (Document, [Finding]) — to `out` in format `fmt`."""
    if fmt == "json":
        from . import json_report

        json_report.render(results, out)
    elif fmt == "text":
        from . import text

        text.render(results, out, fixed=fixed)
    else:
        raise ValueError(f"unknown format {fmt!r} (expected one of {', '.join(FORMATS)})")
