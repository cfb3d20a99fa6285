"""Write concepts as glossary YAML in the house style: one term per line, flow mappings."""
from __future__ import annotations

import json
import re

from .model import Concept

_PLAIN = re.compile(r"^[^\s\-?:,\[\]{}#&*!|>'\"%@`][^,\[\]{}#]*$")


def quote(value: str) -> str:
    """A YAML scalar for `value`: plain when that reads back as the same string."""
    import yaml

    if _PLAIN.match(value) and ": " not in value and not value.endswith((" ", ":")):
        try:
            if yaml.safe_load(f"{{k: {value}}}") == {"k": value}:
                return value
        except yaml.YAMLError:
            pass
    return json.dumps(value, ensure_ascii=False)


def _term_line(t) -> str:
    parts = [f"term: {quote(t.term)}", f"lang: {t.lang}", f"status: {t.status}"]
    if t.type and not t.type_inferred:
        parts.append(f"type: {t.type}")
    if t.note:
        parts.append(f"note: {quote(t.note)}")
    if t.suggest:
        parts.append(f"suggest: {quote(t.suggest)}")
    if t.fix:
        parts.append(f"fix: {t.fix}")
    if t.exceptions:
        parts.append("exceptions: [" + ", ".join(quote(e) for e in t.exceptions) + "]")
    if t.context:
        parts.append("context: [" + ", ".join(quote(e) for e in t.context) + "]")
    if t.window:
        parts.append(f"window: {t.window}")
    if t.derived:
        parts.append("derived: true")
    return "      - {" + ", ".join(parts) + "}"


def dump_concepts(concepts: list[Concept], header: str | None = None) -> str:
    lines = []
    if header:
        lines.extend(f"# {h}".rstrip() for h in header.splitlines())
    lines.append("concepts:")
    for c in concepts:
        lines.append(f"  - id: {quote(c.id)}")
        lines.append(f"    type: {c.type}")
        if c.note:
            lines.append(f"    note: {quote(c.note)}")
        if c.distinct_from:
            lines.append("    distinct_from: [" + ", ".join(quote(d) for d in c.distinct_from) + "]")
        lines.append("    terms:")
        lines.extend(_term_line(t) for t in c.terms)
    return "\n".join(lines) + "\n"
