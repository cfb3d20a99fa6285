"""Text output like ruff: `path:line:col: CODE [severity] message`, the line with the hit
underlined (Chinese characters count two columns), the suggestion, then a summary by rule
and severity. Colour when writing to a terminal (NO_COLOR / FORCE_COLOR are honoured)."""
from __future__ import annotations

import os
import unicodedata
from collections import Counter
from functools import lru_cache

CONTEXT_CELLS = 36  # terminal columns of context shown on each side of a hit
SEVERITY_COLOUR = {"error": "31", "warning": "33", "info": "36"}


def use_colour(stream) -> bool:
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR", "0") not in ("", "0") or os.environ.get("CLICOLOR_FORCE", "0") not in ("", "0"):
        return True
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty()) and os.environ.get("TERM") != "dumb"


@lru_cache(maxsize=None)
def _char_width(ch: str) -> int:
    if ch.isascii():
        return 1
    if unicodedata.combining(ch):
        return 0
    return 2 if unicodedata.east_asian_width(ch) in "WF" else 1


def cell_width(text: str) -> int:
    """Terminal columns `text` takes: wide and full-width characters 2, combining marks 0."""
    return sum(map(_char_width, text))


def _clip(chars, cells: int):
    """The leading `chars` that fit in `cells` columns, and whether some were cut."""
    out, used = [], 0
    for ch in chars:
        used += _char_width(ch)
        if used > cells:
            return out, True
        out.append(ch)
    return out, False


def _clip_left(text: str, cells: int) -> str:
    """The end of `text` that fits in `cells` columns, with … if cut."""
    kept, cut = _clip(reversed(text), cells)
    return "…" + "".join(reversed(kept[:-1])) if cut else text


def _clip_right(text: str, cells: int) -> str:
    kept, cut = _clip(text, cells)
    return "".join(kept[:-1]) + "…" if cut else text


class _Paint:
    def __init__(self, on: bool):
        self.on = on

    def __call__(self, text: str, code: str) -> str:
        return f"\x1b[{code}m{text}\x1b[0m" if self.on and text else text


def _line_column(doc, line: int) -> int:
    """The column `doc.line_text(line)` starts at (not 1 only inside a big file's very long line)."""
    start = getattr(doc, "line_text_column", None)
    return start(line) if start else 1


def snippet(doc, f, paint=None) -> list[str]:
    """The finding's line, clipped around the hit, and a row of carets under the hit."""
    paint = paint or _Paint(False)
    line = doc.line_text(f.line).replace("\t", " ")
    col = f.column - _line_column(doc, f.line)
    hit = _clip_right(line[col:col + (f.end - f.start)], 2 * CONTEXT_CELLS)
    before = _clip_left(line[:col], CONTEXT_CELLS)
    after = _clip_right(line[col + len(hit):], CONTEXT_CELLS)
    number = str(f.line)
    pad = " " * len(number)
    colour = SEVERITY_COLOUR.get(f.severity.value, "1")
    bar = paint("|", "34")
    return [
        f" {paint(number, '34')} {bar} {before}{paint(hit, '1')}{after}",
        f" {pad} {bar} {' ' * cell_width(before)}{paint('^' * max(1, cell_width(hit)), colour)}",
    ]


def render(results, stream, fixed=0, full: bool = True, quiet: bool = False, errors=None) -> None:
    """Write each finding as it comes (`results` is read once, so a generator streams),
    then the summary. `fixed` may be a callable, read after the last result; so is `errors`,
    true when some input could not be checked (then nothing "passed")."""
    paint = _Paint(use_colour(stream))
    tally = Tally()
    for doc, findings in results:
        tally.add(doc.path, findings)
        for f in findings:
            colour = SEVERITY_COLOUR.get(f.severity.value, "1")
            where = paint(f"{f.path}:{f.line}:{f.column}:", "1")
            stream.write(f"{where} {paint(f.rule, '1;' + colour)} [{paint(f.severity.value, colour)}] {f.message}\n")
            if full:
                stream.write("\n".join(snippet(doc, f, paint)) + "\n")
            if f.suggestion is not None:
                how = f"{f.fix.applicability.value} fix" if f.fix else "no automatic fix"
                lead = f" {' ' * len(str(f.line))} = " if full else "    "
                shown = paint(f.suggestion, "32") if f.suggestion else "(delete)"
                stream.write(f"{lead}suggestion: {shown}  ({how})\n")
            if full:
                stream.write("\n")
    if not quiet:
        tally.write(stream, fixed() if callable(fixed) else fixed, bool(errors()) if callable(errors) else bool(errors))


class Tally:
    """Counts for the summary, kept while findings stream past."""

    def __init__(self):
        self.by_severity: Counter = Counter()
        self.rows: dict = {}
        self.paths: set = set()
        self.paths_with: set = set()

    def add(self, path: str, findings) -> None:
        """One file's findings (or one section's: a big file comes in several parts)."""
        self.paths.add(path)
        if findings:
            self.paths_with.add(path)
        for f in findings:
            self.by_severity[f.severity.value] += 1
            row = self.rows.setdefault((f.rule, f.name, f.severity.value), Counter())
            row["n"] += 1
            if f.fix is not None:
                row[f.fix.applicability.value] += 1

    def write(self, stream, fixed: int = 0, errors: bool = False) -> None:
        """Counts by severity, then one row per rule and severity, then what --fix would do.
        "All checks passed." only when at least one file was checked, nothing was found and
        nothing failed to be read."""
        rows, by_severity = self.rows, self.by_severity
        total = sum(by_severity.values())
        done = f" ({fixed} fixed)" if fixed else ""
        if total == 0:
            n = len(self.paths)
            if errors:
                stream.write(f"No findings in the {n} file{'s' if n != 1 else ''} checked{done}, but some input "
                             "could not be checked (see the errors above).\n" if n else
                             "No file was checked: see the errors above.\n")
            elif n == 0:
                stream.write("No file was checked.\n")
            else:
                stream.write(f"All checks passed.{done}\n")
            return
        plural = lambda n, word: f"{n} {word}{'s' if n != 1 and word != 'info' else ''}"  # noqa: E731
        severities = ", ".join(plural(by_severity[s], s) for s in ("error", "warning", "info") if by_severity[s])
        stream.write(f"Found {plural(total, 'finding')} ({severities}) in {len(self.paths_with)} of "
                     f"{plural(len(self.paths), 'file')}{done}.\n")
        width = max(len(name) for _, name, _ in rows)
        for (code, name, severity), row in sorted(rows.items()):
            fixes = []
            if row["safe"]:
                fixes.append(f"{row['safe']} fixable")
            if row["unsafe"]:
                fixes.append(f"{row['unsafe']} with --unsafe-fixes")
            stream.write(f"  {code:<5} {name:<{width}}  {row['n']:>4} × {severity:<8} {', '.join(fixes)}".rstrip() + "\n")
        safe = sum(r["safe"] for r in rows.values())
        unsafe = sum(r["unsafe"] for r in rows.values())
        if safe or unsafe:
            more = f" ({unsafe} more with --unsafe-fixes)" if unsafe else ""
            stream.write(f"{safe} fixable with --fix{more}.\n")
