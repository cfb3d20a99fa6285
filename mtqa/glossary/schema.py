"""Turn parsed glossary entries into Concepts, checking every field and naming its line."""
from __future__ import annotations

import re
import unicodedata

from ..errors import Problem
from .model import CONCEPT_TYPES, FIX_KINDS, LANGS, STATUSES, TERM_TYPES, Concept, Term

ID_RE = re.compile(r"^[a-z0-9][a-z0-9._-]*$")
CONCEPT_KEYS = {"id", "type", "note", "terms", "distinct_from"}
TERM_KEYS = {"term", "lang", "status", "note", "type", "exceptions", "context", "window", "suggest", "fix", "derived"}
BOOLEAN_WORDS = {"true": True, "yes": True, "on": True, "false": False, "no": False, "off": False}

WINDOW_RE = re.compile(r"[0-9]{1,9}")  # YAML scalars arrive as the text written; a window is digits
# Characters no glossary text may hold: control characters (an escape sequence in a note would reach the
# terminal); a note may break lines and hold tabs. Forms (terms, suggestions, exceptions, cues) are one line
# of visible text: no tab, line break or line separator either.
_CONTROL_RE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_FORM_CONTROL_RE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029]")

# A parsed value is (value, line); maps are dict[str, (value, line)], lists are [(value, line)].
Pair = tuple


def _bare(value):
    """A parsed value without its line numbers, for messages."""
    if isinstance(value, dict):
        return {k: _bare(v[0]) for k, v in value.items()}
    if isinstance(value, list):
        return [_bare(v[0]) for v in value]
    return value


def show(value, limit: int = 80) -> str:
    """repr() of a parsed value for a message, line numbers dropped and long values cut."""
    if value is None:
        return "nothing"
    text = repr(_bare(value))
    return text if len(text) <= limit else text[: limit - 1] + "…"


def char_problem(text: str, form: bool) -> str | None:
    """Why `text` may not be in a glossary (None when it may): a control character; in a form
    (something matched against or written into articles) also a tab or line break, an invisible format character
    (zero-width space or joiner, BOM, bidi marks, soft hyphen) or U+FFFD, the mark of an encoding loss."""
    bad = (_FORM_CONTROL_RE if form else _CONTROL_RE).search(text)
    if bad is not None:
        ch = bad.group()
        return f"U+{ord(ch):04X} ({unicodedata.name(ch)})" if ch in "\u2028\u2029" else f"control character U+{ord(ch):04X}"
    if not form:
        return None
    if "\ufffd" in text:
        return "U+FFFD (REPLACEMENT CHARACTER), the mark of a character lost in an encoding conversion"
    if not text.isprintable():  # fast path: printable text has no format character
        for ch in text:
            if unicodedata.category(ch) == "Cf":
                return f"U+{ord(ch):04X} ({unicodedata.name(ch, 'format character')}), an invisible character"
    return None


def _str(pair: Pair | None, what: str, path: str, problems: list[Problem], required: bool = True,
         form: bool = False) -> str | None:
    if pair is None:
        return None
    value, line = pair
    if value is None and not required:
        return None
    if not isinstance(value, str) or (required and not value.strip()):
        problems.append(Problem(path, line, f"{what} must be a non-empty string, got {show(value)}"))
        return None
    why = char_problem(value, form)
    if why is not None:
        problems.append(Problem(path, line, f"{what} {show(value)} contains {why}; delete it"))
        return None
    return value


def _choice(pair: Pair | None, what: str, allowed, path: str, problems: list[Problem], line: int) -> str | None:
    if pair is None:
        problems.append(Problem(path, line, f"missing {what} (one of {', '.join(allowed)})"))
        return None
    value, vline = pair
    if value not in allowed:
        problems.append(Problem(path, vline, f"unknown {what} {show(value)} (expected one of {', '.join(allowed)})"))
        return None
    return value


def _str_list(pair: Pair | None, what: str, path: str, problems: list[Problem]) -> list[str]:
    if pair is None:
        return []
    value, line = pair
    if not isinstance(value, list):
        problems.append(Problem(path, line, f"{what} must be a list of strings"))
        return []
    out = []
    for item, iline in value:
        why = char_problem(item, form=True) if isinstance(item, str) else None
        if not isinstance(item, str) or not item:
            problems.append(Problem(path, iline, f"{what} entries must be non-empty strings, got {show(item)}"))
        elif why is not None:
            problems.append(Problem(path, iline, f"{what} entry {show(item)} contains {why}; delete it"))
        elif item.startswith("re:"):
            try:
                re.compile(item[3:])
            except re.error as exc:
                problems.append(Problem(path, iline, f"bad regex in {what}: {exc}"))
            else:
                if _nested_repeat(item[3:]):
                    problems.append(Problem(path, iline, f"regex in {what} {show(item)} repeats a group that itself "
                                                         "repeats without bound, like (x+)+: it can take exponential "
                                                         "time on some texts; rewrite it without the nesting"))
                else:
                    out.append(item)
        else:
            out.append(item)
    return out


def _nested_repeat(pattern: str) -> bool:
    """Whether a regex nests an unbounded repeat inside another ((a+)+, (a*b*)*): the classic catastrophic
    backtracking, which would hang linting (linting runs `re:` exceptions around every hit)."""
    try:
        from re import _parser as sre_parse  # Python 3.11+
    except ImportError:  # pragma: no cover
        import sre_parse

    def walk(sub, in_unbounded: bool) -> bool:
        for op, av in sub:
            name = str(op)
            if name in ("MAX_REPEAT", "MIN_REPEAT"):
                unbounded = av[1] == sre_parse.MAXREPEAT
                if (unbounded and in_unbounded) or walk(av[2], in_unbounded or unbounded):
                    return True
            elif name == "SUBPATTERN" and walk(av[-1], in_unbounded):
                return True
            elif name == "BRANCH" and any(walk(b, in_unbounded) for b in av[1]):
                return True
            elif name in ("ASSERT", "ASSERT_NOT") and walk(av[1], in_unbounded):
                return True
            elif name == "GROUPREF_EXISTS" and any(walk(b, in_unbounded) for b in av[1:] if b is not None):
                return True
            # atomic groups and possessive repeats never backtrack into themselves: nothing to check
        return False

    return walk(sre_parse.parse(pattern), False)


def _unknown_keys(mapping: dict, allowed: set[str], what: str, path: str, problems: list[Problem]) -> None:
    for key, (_, line) in mapping.items():
        if key not in allowed:
            problems.append(Problem(path, line, f"unknown {what} key {key!r} (allowed: {', '.join(sorted(allowed))})"))


def build_term(pair: Pair, path: str, problems: list[Problem]) -> Term | None:
    mapping, line = pair
    if not isinstance(mapping, dict):
        problems.append(Problem(path, line, "a term must be a mapping with term, lang and status"))
        return None
    n_before = len(problems)
    _unknown_keys(mapping, TERM_KEYS, "term", path, problems)
    if "term" not in mapping:
        problems.append(Problem(path, line, "term entry has no 'term'"))
    text = _str(mapping.get("term"), "term", path, problems, form=True)
    lang = _choice(mapping.get("lang"), "lang", LANGS, path, problems, line)
    status = _choice(mapping.get("status"), "status", STATUSES, path, problems, line)
    note = _str(mapping.get("note"), "note", path, problems, required=False)
    ttype = None
    if "type" in mapping:
        ttype = _choice(mapping["type"], "term type", TERM_TYPES, path, problems, line)
    fix = None
    if "fix" in mapping:
        fix = _choice(mapping["fix"], "fix", FIX_KINDS, path, problems, line)
    window = 0
    if "window" in mapping:
        value, wline = mapping["window"]
        if isinstance(value, str) and WINDOW_RE.fullmatch(value):
            value = int(value)
        if not isinstance(value, int) or isinstance(value, bool) or value < 0:
            problems.append(Problem(path, wline, f"window must be a whole number of characters ≥ 0, got {show(value)}"))
        else:
            window = value
    suggest = _str(mapping.get("suggest"), "suggest", path, problems, required=False, form=True)
    derived = False
    if "derived" in mapping:
        value, dline = mapping["derived"]
        flag = value if isinstance(value, bool) else BOOLEAN_WORDS.get(str(value).lower())
        if flag is None:
            problems.append(Problem(path, dline, f"derived must be true or false, got {show(value)}"))
        else:
            derived = flag
    exceptions = _str_list(mapping.get("exceptions"), "exceptions", path, problems)
    context = _str_list(mapping.get("context"), "context", path, problems)
    if text is not None and text != text.strip():
        problems.append(Problem(path, line, f"term {show(text)} has leading or trailing spaces"))
    if len(problems) > n_before:
        return None
    return Term(
        term=text, lang=lang, status=status, note=note, type=ttype, exceptions=exceptions,
        context=context, window=window, suggest=suggest, fix=fix, line=line, derived=derived,
    )


def build_concept(pair: Pair, path: str, problems: list[Problem]) -> Concept | None:
    mapping, line = pair
    if not isinstance(mapping, dict):
        problems.append(Problem(path, line, "a concept must be a mapping with id, type and terms"))
        return None
    n_before = len(problems)
    _unknown_keys(mapping, CONCEPT_KEYS, "concept", path, problems)
    cid = _str(mapping.get("id"), "id", path, problems)
    if "id" not in mapping:
        problems.append(Problem(path, line, "concept has no 'id'"))
    elif cid is not None and not ID_RE.match(cid):
        problems.append(Problem(path, mapping["id"][1], f"id {cid!r} must be lowercase letters, digits, '-', '_' or '.'"))
    ctype = _choice(mapping.get("type"), "concept type", CONCEPT_TYPES, path, problems, line)
    note = _str(mapping.get("note"), "note", path, problems, required=False)
    distinct_from = _str_list(mapping.get("distinct_from"), "distinct_from", path, problems)
    terms: list[Term] = []
    if "terms" not in mapping:
        problems.append(Problem(path, line, f"concept {cid!r} has no 'terms'"))
    else:
        value, tline = mapping["terms"]
        if not isinstance(value, list):
            problems.append(Problem(path, tline, "'terms' must be a list"))
        else:
            for item in value:
                term = build_term(item, path, problems)
                if term is not None:
                    terms.append(term)
    if len(problems) > n_before:
        return None
    return Concept(id=cid, type=ctype, terms=terms, note=note, source=path, line=line,
                   distinct_from=distinct_from)
