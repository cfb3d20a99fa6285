"""GitHub Actions workflow commands: one `::error file=…,line=…,col=…::message` per finding,
so the findings show as annotations on the pull request's changed lines."""
from __future__ import annotations

LEVEL = {"error": "error", "warning": "warning", "info": "notice"}


def _data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _property(text: str) -> str:
    return _data(text).replace(":", "%3A").replace(",", "%2C")


def render(results, stream) -> None:
    for doc, findings in results:
        for f in findings:
            end_line, end_col = doc.position(f.end)
            # GitHub takes columns only for an annotation on one line.
            where = f"col={f.column},endColumn={end_col}," if end_line == f.line else ""
            props = (f"file={_property(f.path)},line={f.line},endLine={end_line},{where}"
                     f"title={_property(f'{f.rule} {f.name}')}")
            message = f.message
            if f.suggestion is not None:
                how = f"{f.fix.applicability.value} fix" if f.fix else "no automatic fix"
                message += f"\nsuggestion: {f.suggestion} ({how})"
            stream.write(f"::{LEVEL[f.severity.value]} {props}::{_data(message)}\n")
