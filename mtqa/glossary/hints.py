"""mtqa's matching hints as TBX term notes, where every TBX reader keeps them.

TBX has places for a term's status, type and notes, none for `exceptions`, `context`, `window`,
`suggest` or `fix`. Each of these travels as a note of its own, `mtqa exceptions: 美元 | 单元`
(lists joined with " | ", as in the CSV's extra columns); reading one back restores the field,
and a tool that knows nothing of mtqa shows it as a plain note.
"""
from __future__ import annotations

import re

from .model import FIX_KINDS, Term
from .table import LIST_SEPARATOR as SEPARATOR

FIELDS = ("suggest", "exceptions", "context", "window", "fix")
LISTS = ("exceptions", "context")
_HINT = re.compile(r"^mtqa (suggest|exceptions|context|window|fix): (.*)$", re.S)


def hint_notes(term: Term) -> list[str]:
    """The notes that carry `term`'s hints (none for a term without any)."""
    out = []
    for name in FIELDS:
        value = getattr(term, name)
        if name in LISTS:
            value = SEPARATOR.join(value)
        elif name == "window":
            value = str(value) if value else ""
        if value:
            out.append(f"mtqa {name}: {value}")
    return out


def read_hint(note: str) -> tuple[str, str] | None:
    """(field, value) when `note` is one of mtqa's hint notes, else None."""
    m = _HINT.match(note.strip())
    return (m.group(1), m.group(2).strip()) if m else None


def apply_hint(term: Term, name: str, value: str) -> str | None:
    """Set the hint on `term`; the reason when `value` cannot be one."""
    if name in LISTS:
        setattr(term, name, [v.strip() for v in value.split(SEPARATOR.strip()) if v.strip()])
    elif name == "window":
        if not value.isdigit():
            return f"'mtqa window' must be a whole number of characters, got {value!r}"
        term.window = int(value)
    elif name == "fix":
        if value not in FIX_KINDS:
            return f"'mtqa fix' must be one of {', '.join(FIX_KINDS)}, got {value!r}"
        term.fix = value
    else:
        term.suggest = value or None
    return None
