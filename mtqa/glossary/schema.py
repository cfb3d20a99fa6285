"""Turn parsed glossary entries into Concepts, checking every field and naming its line."""
from __future__ import annotations

import re

from ..errors import Problem
from .model import CONCEPT_TYPES, FIX_KINDS, LANGS, STATUSES, TERM_TYPES, Concept, Term

ID_RE = re.compile(r"^[a-z0-9][a-z0-9._-]*$")
CONCEPT_KEYS = {"id", "type", "note", "terms", "distinct_from"}
TERM_KEYS = {"term", "lang", "status", "note", "type", "exceptions", "context", "window", "suggest", "fix", "derived"}
BOOLEAN_WORDS = {"true": True, "yes": True, "on": True, "false": False, "no": False, "off": False}

# A parsed value is (value, line); maps are dict[str, (value, line)], lists are [(value, line)].
Pair = tuple


def _str(pair: Pair | None, what: str, path: str, problems: list[Problem], required: bool = True) -> str | None:
    if pair is None:
        return None
    value, line = pair
    if value is None and not required:
        return None
    if not isinstance(value, str) or (required and not value.strip()):
        problems.append(Problem(path, line, f"{what} must be a non-empty string, got {value!r}"))
        return None
    return value


def _choice(pair: Pair | None, what: str, allowed, path: str, problems: list[Problem], line: int) -> str | None:
    if pair is None:
        problems.append(Problem(path, line, f"missing {what} (one of {', '.join(allowed)})"))
        return None
    value, vline = pair
    if value not in allowed:
        problems.append(Problem(path, vline, f"unknown {what} {value!r} (expected one of {', '.join(allowed)})"))
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
        if not isinstance(item, str) or not item:
            problems.append(Problem(path, iline, f"{what} entries must be non-empty strings, got {item!r}"))
        elif item.startswith("re:"):
            try:
                re.compile(item[3:])
            except re.error as exc:
                problems.append(Problem(path, iline, f"bad regex in {what}: {exc}"))
            else:
                out.append(item)
        else:
            out.append(item)
    return out


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
    text = _str(mapping.get("term"), "term", path, problems)
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
        if not isinstance(value, int) or isinstance(value, bool) or value < 0:
            problems.append(Problem(path, wline, f"window must be a whole number of characters ≥ 0, got {value!r}"))
        else:
            window = value
    suggest = _str(mapping.get("suggest"), "suggest", path, problems, required=False)
    derived = False
    if "derived" in mapping:
        value, dline = mapping["derived"]
        flag = value if isinstance(value, bool) else BOOLEAN_WORDS.get(str(value).lower())
        if flag is None:
            problems.append(Problem(path, dline, f"derived must be true or false, got {value!r}"))
        else:
            derived = flag
    exceptions = _str_list(mapping.get("exceptions"), "exceptions", path, problems)
    context = _str_list(mapping.get("context"), "context", path, problems)
    if text is not None and text != text.strip():
        problems.append(Problem(path, line, f"term {text!r} has leading or trailing spaces"))
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
