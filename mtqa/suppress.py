"""Suppressions: inline directives that switch rules off, and the project's allow-list.

A directive is a comment line of its own, so it never shows in the published text:

    Markdown (.md, .markdown): an HTML comment alone on its line, outside code blocks
        <!-- mtqa: disable-next-line T001 -- 王涛 here is the footballer -->
        <!-- mtqa: disable C001 -->   …   <!-- mtqa: enable C001 -->
    Plain text (every other file): a line that starts with `# mtqa:`
        # mtqa: disable-next-line T001

`disable-next-line` covers the next line that is not itself a directive; `disable` runs
to the matching `enable` (or the end of the file). Codes are rule codes, prefixes (T) or
names, separated by commas or spaces; none means every rule. Text after ` -- ` is a reason.
A directive in the middle of a line of prose is just text and does nothing.

M001 (unused-suppression, off unless selected) reports a directive that suppresses
nothing; M002 (invalid-suppression) reports an unknown verb or rule code.
"""
from __future__ import annotations

import re

from .findings import Finding, Severity
from .normalize import fold
from .prose import is_markdown
from .rules.base import Rule

VERBS = ("disable-next-line", "disable", "enable")
# Compiled on first use: most documents hold no directive at all.
_MARKDOWN = r"^ {0,3}(<!--[ \t]*mtqa:(.*?)-->)[ \t]*\r?$"
_TEXT = r"^[ \t]*(#[ \t]*mtqa:(.*?))[ \t]*\r?$"
_REASON = r"\s--(?:\s|$)"


def _nothing(ctx):
    return ()


UNUSED_SUPPRESSION = Rule(
    code="M001", name="unused-suppression", severity=Severity.WARNING,
    summary="An mtqa directive that suppresses nothing (reported when asked).",
    explanation=(
        "A `disable` or `disable-next-line` directive whose rules report nothing where it applies, or an\n"
        "`enable` with no `disable` to close. Left behind after the text was fixed, such a directive would\n"
        "silently hide the next real error on that line. Like ruff's unused-noqa, it is only reported when\n"
        "asked: `--report-unused-suppressions`, or `extend-select = [\"M001\"]` in the config."
    ),
    example="<!-- mtqa: disable-next-line T001 --> above a line with no T001 finding → delete the directive",
    check=_nothing, needs_glossary=False, default=False, fix="none",
)

INVALID_SUPPRESSION = Rule(
    code="M002", name="invalid-suppression", severity=Severity.WARNING,
    summary="An mtqa directive with an unknown verb or rule code.",
    explanation=(
        "A comment line that starts like an mtqa directive but cannot be understood: the verb is not\n"
        "disable-next-line, disable or enable, or a code names no rule. The directive (or the unknown code)\n"
        "is ignored, so whatever it meant to suppress is still reported."
    ),
    example="<!-- mtqa: disabel T001 --> → <!-- mtqa: disable T001 -->",
    check=_nothing, needs_glossary=False, fix="none",
)

META_RULES = (UNUSED_SUPPRESSION, INVALID_SUPPRESSION)


class Directive:
    """One directive line. (Plain classes here: dataclasses cost start-up time in a commit hook.)"""

    __slots__ = ("line", "start", "end", "verb", "codes", "used", "closed_something")

    def __init__(self, line: int, start: int, end: int, verb: str, codes: tuple[str, ...] = ()):
        self.line = line
        self.start, self.end = start, end  # the comment's span in the text (for M001/M002)
        self.verb = verb
        self.codes = codes  # () means every rule
        self.used: set[str] = set()  # codes ("*" for every rule) that suppressed something
        self.closed_something = False  # for `enable`


class Region:
    """Lines `first`..`last` (1-based, inclusive) where `code` ("*": every rule) is off."""

    __slots__ = ("code", "first", "last", "directive")

    def __init__(self, code: str, first: int, last: int, directive: Directive):
        self.code, self.first, self.last, self.directive = code, first, last, directive


def _fenced_lines(doc) -> list[tuple[int, int]]:
    """Line ranges of fenced code blocks (where a comment is shown, not hidden)."""
    from .prose import fenced_blocks

    return [(doc.position(start)[0], doc.position(max(start, end - 1))[0]) for start, end in fenced_blocks(doc.text)]


def parse(doc, known_rules) -> tuple[list[Directive], list[tuple[Directive, str]]]:
    """The directives in `doc`, and (directive, problem) pairs for the invalid ones."""
    if "mtqa:" not in doc.text:
        return [], []
    markdown = is_markdown(doc.path)
    fenced = _fenced_lines(doc) if markdown else []
    from .config import selects

    directives, problems = [], []
    for m in re.finditer(_MARKDOWN if markdown else _TEXT, doc.text, re.M):
        line = doc.position(m.start(1))[0]
        if any(a <= line <= b for a, b in fenced):
            continue
        body = re.split(_REASON, m.group(2), maxsplit=1)[0]
        tokens = body.replace(",", " ").split()
        d = Directive(line, m.start(1), m.end(1), tokens[0].lower() if tokens else "")
        if d.verb not in VERBS:
            problems.append((d, f"unknown mtqa directive {d.verb!r} (expected disable-next-line, disable or enable)"
                             if d.verb else "empty mtqa directive (expected disable-next-line, disable or enable)"))
            directives.append(d)  # a line to skip over for disable-next-line, nothing more
            continue
        codes = []
        for code in tokens[1:]:
            if code.upper() != "ALL" and not any(selects(code, r.code, r.name) for r in known_rules):
                problems.append((d, f"unknown rule code {code!r} in mtqa directive; `mtqa rules` lists them"))
            else:
                codes.append(code)
        if tokens[1:] and not codes:
            d.verb = "invalid"  # only unknown codes: suppress nothing rather than everything
        d.codes = tuple(codes)
        directives.append(d)
    return directives, problems


class Carry:
    """What a big file's section hands to the next (sections are linted one at a time): the
    `disable` regions still open at its end, and a `disable-next-line` on its last line.
    `apply_directives` reads the state and records the next one; `advance` moves on to it,
    once the section's text is final (a fix re-lints a section several times)."""

    def __init__(self):
        self.opened: dict[str, tuple[str, Directive]] = {}
        self.next_line: tuple[tuple[str, Directive], ...] = ()
        self._next: tuple[dict, tuple] = ({}, ())

    def __bool__(self) -> bool:
        return bool(self.opened or self.next_line)

    def advance(self) -> None:
        self.opened, self.next_line = self._next
        self._next = ({}, ())


def regions(directives: list[Directive], first_line: int, last_line: int, carry: Carry | None = None) -> list[Region]:
    """The line ranges each directive covers, code by code (lines numbered like the document's
    `position`; with `carry`, regions opened in earlier sections of a big file continue here,
    and those still open at `last_line` are recorded for the next)."""
    out: list[Region] = []
    directive_lines = {d.line for d in directives}
    opened: dict[str, tuple[int, Directive, str]] = {}
    pending: list[tuple[str, Directive]] = []
    if carry:
        opened = {key: (first_line, d, c) for key, (c, d) in carry.opened.items()}
        target = first_line
        while target in directive_lines:
            target += 1
        out.extend(Region(c, target, target, d) for c, d in carry.next_line)
    for d in directives:
        codes = d.codes or ("*",)
        if d.verb == "disable-next-line":
            target = d.line + 1
            while target in directive_lines:
                target += 1
            if target > last_line:
                pending.extend((c, d) for c in codes)
            out.extend(Region(c, target, target, d) for c in codes)
        elif d.verb == "disable":
            for c in codes:
                opened.setdefault(c.lower(), (d.line + 1, d, c))
        elif d.verb == "enable":
            for key in ([c.lower() for c in d.codes] if d.codes else list(opened)):
                if key in opened:
                    first, source, c = opened.pop(key)
                    out.append(Region(c, first, d.line - 1, source))
                    d.closed_something = True
    out.extend(Region(c, first, last_line, source) for first, source, c in opened.values())
    if carry is not None:
        carry._next = ({key: (c, source) for key, (_first, source, c) in opened.items()}, tuple(pending))
    return out


def apply_directives(doc, findings: list[Finding], enabled: set[str], carry: Carry | None = None) -> list[Finding]:
    """Drop the findings the directives in `doc` (and those `carry` brings from earlier sections)
    suppress; add M001/M002 findings if enabled."""
    if "mtqa:" not in doc.text and not carry:
        if carry is not None:
            carry._next = ({}, ())
        return findings
    from .config import registry, selects

    directives, problems = parse(doc, registry())
    if not directives and not carry:
        if carry is not None:
            carry._next = ({}, ())
        return findings
    # A text ending in a line break has no last line of its own: that line begins the next section.
    last_line = doc.last_line - (1 if doc.text.endswith("\n") and doc.last_line > doc.first_line else 0)
    spans = regions(directives, doc.first_line, last_line, carry)
    kept = []
    for f in findings:
        if any(d.start <= f.start < d.end for d in directives):
            continue  # inside the directive's own comment (its reason, say): not published text
        covering = [r for r in spans if r.first <= f.line <= r.last and (r.code == "*" or selects(r.code, f.rule, f.name))]
        for r in covering:
            r.directive.used.add(r.code)
        if not covering:
            kept.append(f)
    if INVALID_SUPPRESSION.code in enabled:
        kept.extend(_finding(doc, INVALID_SUPPRESSION, d, message) for d, message in problems)
    if UNUSED_SUPPRESSION.code in enabled:
        still_open = set()  # may suppress something in the next section: not judged here
        if carry is not None:
            still_open = {id(d) for _c, d in carry._next[0].values()} | {id(d) for _c, d in carry._next[1]}
        kept.extend(_finding(doc, UNUSED_SUPPRESSION, d, msg) for d in directives
                    if id(d) not in still_open and (msg := _unused(d, spans)))
    return kept


def _unused(d: Directive, spans: list[Region]) -> str | None:
    if d.verb == "enable":
        return None if d.closed_something else "`enable` has no `disable` above it to close"
    if d.verb not in ("disable", "disable-next-line"):
        return None
    unused = [c for c in (d.codes or ("*",)) if c not in d.used]
    if not unused:
        return None
    mine = [r for r in spans if r.directive is d]
    where = (f"line {mine[0].first}" if mine and mine[0].first == mine[0].last else
             f"lines {mine[0].first}–{mine[0].last}" if mine and mine[0].first <= mine[0].last else "no line")
    what = "no finding" if unused == ["*"] else "no " + ", ".join(unused) + " finding"
    return f"unused suppression: {what} to suppress on {where}"


def _finding(doc, rule: Rule, d: Directive, message: str) -> Finding:
    line, column = doc.position(d.start)
    return Finding(path=doc.path, line=line, column=column, start=d.start, end=d.end, rule=rule.code,
                   name=rule.name, severity=rule.severity, message=message, found=doc.text[d.start:d.end])


# ----------------------------------------------------------------------------- allow-list


def allowed(forms) -> frozenset[str]:
    """The allow-list, folded like the matcher folds (case, width, middle dots)."""
    return frozenset(fold(f) for f in forms)


def is_allowed(text: str, forms: frozenset[str]) -> bool:
    return bool(forms) and fold(text) in forms
