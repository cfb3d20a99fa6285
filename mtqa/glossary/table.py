"""Concepts from the rows of a table: a CSV file or the first sheet of a spreadsheet.

Two shapes are read:

- **mtqa's interchange form**: `concept_id,type,lang,term,status,note`, one row per form, then
  optional columns by name — `term_type` (acronym, shortForm, …), `suggest`, `exceptions` and
  `context` (several values separated by ` | `), `window`, `concept_note` — that carry what the
  YAML says beyond the six. A file of the six alone is what other tools rely on.
- **a term list as a team keeps one**: one row per concept, a column per language (`English,
  Chinese`, `source,target`, `en,zh`, `英文,中文`, data/glossary_headers.txt), and optionally id,
  type, status and note columns. Without a status column every form is preferred; with one, it
  is the Chinese form's status.

What other tools write differently is adapted, with a warning naming the line, never refused:
ids (`PERSON_01` → `person_01`), concept types (`company` → `org`, data/concept_types.txt;
anything else is read as `term`), language tags (`zh` by the form's script, `en-US` → `en`).
"""
from __future__ import annotations

import re
from functools import lru_cache

from ..errors import Problem
from .model import CONCEPT_TYPES, LANGS, Concept
from .schema import ID_RE, build_concept

CSV_COLUMNS = ("concept_id", "type", "lang", "term", "status", "note")
EXTRA_COLUMNS = ("term_type", "suggest", "exceptions", "context", "window", "concept_note")
LIST_SEPARATOR = " | "


def concepts_from_table(rows, where: str, problems: list[Problem], warnings: list[Problem] | None = None,
                        header_line: int = 1) -> list[Concept]:
    """Concepts from `rows`, an iterable of (line, cells) whose first item is the header."""
    warnings = warnings if warnings is not None else []
    before = len(warnings)
    concepts = _concepts(rows, where, problems, warnings, header_line)
    # One warning per adaptation: the first line it happens on (an id repeats on every row).
    seen, kept = set(), []
    for w in warnings[before:]:
        if w.message not in seen:
            seen.add(w.message)
            kept.append(w)
    warnings[before:] = kept
    return concepts


def _concepts(rows, where, problems, warnings, header_line) -> list[Concept]:
    rows = iter(rows)
    first = next(rows, None)
    if first is None:
        problems.append(Problem(where, header_line, f"empty table; expected the header {','.join(CSV_COLUMNS)}"))
        return []
    line, header = first
    header = [h.strip() for h in header]
    if tuple(header[: len(CSV_COLUMNS)]) == CSV_COLUMNS:
        return _interchange(header, rows, where, problems, warnings)
    columns = None if header[:1] == ["concept_id"] else _term_list_columns(header)
    if columns is None and header[:1] == ["concept_id"]:  # mtqa's form, with a column missing or moved
        problems.append(Problem(where, line, f"header must start with {','.join(CSV_COLUMNS)}, got {','.join(header)}"))
        return []
    if columns is None:
        known = ", ".join(sorted({h for names in _headers().values() for h in names if h.isascii()}))
        problems.append(Problem(where, line, f"header must start with {','.join(CSV_COLUMNS)} (mtqa's form) or name "
                                             f"a term list's columns (a Chinese one, and an English or id one), got "
                                             f"{','.join(header)}; headers understood: {known}"))
        return []
    return _term_list(columns, rows, where, problems, warnings)


# ---- mtqa's interchange form ------------------------------------------------------------
def _interchange(header, rows, where, problems, warnings) -> list[Concept]:
    extra = {name: header.index(name) for name in EXTRA_COLUMNS if name in header}
    order: list[str] = []
    entries: dict[str, dict] = {}
    for line, row in rows:
        if not any(cell.strip() for cell in row):
            continue
        if len(row) < len(CSV_COLUMNS) - 1:
            problems.append(Problem(where, line, f"expected {len(CSV_COLUMNS)} columns, got {len(row)}"))
            continue
        if len(row) > len(header):
            # more cells than the header names: usually an unquoted comma in a term or note
            problems.append(Problem(where, line, f"expected {len(header)} columns (as in the header), got {len(row)}: "
                                                 "quote a term or note that contains a comma"))
            continue
        row = [cell.strip() for cell in row] + [""] * (len(header) - len(row))
        raw_id, raw_type, lang, term, status, note = row[:6]
        cid = adapt_id(raw_id, where, line, warnings)
        ctype = adapt_type(raw_type, where, line, warnings)
        lang = adapt_lang(lang, term, where, line, warnings)
        if cid not in entries:
            order.append(cid)
            entries[cid] = {"id": (cid, line), "type": (ctype, line), "terms": ([], line)}
        elif entries[cid]["type"][0] != ctype:
            problems.append(Problem(where, line, f"concept {cid!r} has type {raw_type!r} here but "
                                                 f"{entries[cid]['type'][0]!r} above"))
        term_map = {"term": (term, line), "lang": (lang, line), "status": (status, line)}
        if note:
            term_map["note"] = (note, line)
        for name, index in extra.items():
            value = row[index]
            if not value:
                continue
            if name == "concept_note":
                entries[cid].setdefault("note", (value, line))
            elif name in ("exceptions", "context"):
                term_map[name] = ([(v.strip(), line) for v in value.split(LIST_SEPARATOR.strip()) if v.strip()], line)
            else:
                term_map["type" if name == "term_type" else name] = (value, line)
        entries[cid]["terms"][0].append((term_map, line))
    return _build(order, entries, where, problems)


# ---- a term list ----------------------------------------------------------------------------
def _term_list_columns(header: list[str]) -> dict[str, int] | None:
    """What each column of a term list holds, or None when the header is not one."""
    by_name = {}
    for kind, names in _headers().items():
        for name in names:
            by_name[_key(name)] = kind
    columns: dict[str, int] = {}
    for i, h in enumerate(header):
        kind = by_name.get(_key(h))
        if kind is None and h:
            return None
        if kind is not None and kind not in columns:
            columns[kind] = i
    if "zh" not in columns and "zh-Hant" not in columns:
        return None
    if "en" not in columns and "concept_id" not in columns:
        return None
    return columns


def _term_list(columns, rows, where, problems, warnings) -> list[Concept]:
    """Concepts from a term list: one row a form. Rows that share an id, or with no id column
    the same English name, are one concept (a team lists 杨立昆 preferred and 杨立坤 deprecated
    on two rows of Yann LeCun); a row with neither is a concept of its own."""
    order: list[str] = []
    entries: dict[str, dict] = {}
    seen: dict[str, dict] = {}  # the key rows are grouped by → their entry
    forms: dict[str, set] = {}  # entry id → (lang, form) already listed

    def cell(row, kind):
        i = columns.get(kind)
        return row[i].strip() if i is not None and i < len(row) else ""

    for line, row in rows:
        if not any(c.strip() for c in row):
            continue
        en, zh, hant = cell(row, "en"), cell(row, "zh"), cell(row, "zh-Hant")
        given_id = cell(row, "concept_id")
        key = f"id:{given_id}" if given_id else f"en:{en}" if en else None
        ctype = adapt_type(cell(row, "type"), where, line, warnings) if cell(row, "type") else "term"
        status = cell(row, "status") or "preferred"
        note = cell(row, "note")
        entry = seen.get(key) if key else None
        if entry is None:
            cid = adapt_id(given_id or en or zh or hant, where, line, warnings, quiet=not given_id)
            if cid in entries:
                cid = f"{cid}-{line}"
            entry = entries[cid] = {"id": (cid, line), "type": (ctype, line), "terms": ([], line)}
            order.append(cid)
            forms[cid] = set()
            if key:
                seen[key] = entry
            if en:
                entry["terms"][0].append(({"term": (en, line), "lang": ("en", line), "status": ("preferred", line)}, line))
                forms[cid].add(("en", en))
        elif entry["type"][0] != ctype and cell(row, "type"):
            warnings.append(Problem(where, line, f"type {cell(row, 'type')!r} differs from the one of "
                                                 f"{entry['id'][0]!r} above ({entry['type'][0]!r}); kept that one"))
        cid = entry["id"][0]
        for form, lang in ((zh, adapt_lang("zh", zh, where, line, warnings, quiet=True)), (hant, "zh-Hant")):
            if not form:
                continue
            if (lang, form) in forms[cid]:
                warnings.append(Problem(where, line, f"{form!r} is listed above for {cid!r} already; kept once"))
                continue
            forms[cid].add((lang, form))
            term_map = {"term": (form, line), "lang": (lang, line), "status": (status, line)}
            if note:
                term_map["note"] = (note, line)
            entry["terms"][0].append((term_map, line))
    for cid in order:
        terms = [t for t, _line in entries[cid]["terms"][0]]
        if not any(t["status"][0] == "preferred" for t in terms):
            line = entries[cid]["id"][1]
            zh_forms = ", ".join(repr(t["term"][0]) for t in terms)
            warnings.append(Problem(where, line, f"{zh_forms}: no preferred form to suggest"))
    return _build(order, entries, where, problems)


def _build(order, entries, where, problems) -> list[Concept]:
    concepts = []
    for cid in order:
        mapping = entries[cid]
        concept = build_concept((mapping, mapping["id"][1]), where, problems)
        if concept is not None:
            concepts.append(concept)
    return concepts


# ---- adapting other tools' values --------------------------------------------------------------
def adapt_id(raw: str, where: str, line: int, warnings: list[Problem], quiet: bool = False) -> str:
    """An id mtqa accepts: lowercase ASCII letters, digits, '-', '_', '.'; Chinese in pinyin."""
    if ID_RE.match(raw) or not raw:
        return raw
    text = raw
    if not text.isascii():
        from pypinyin import lazy_pinyin

        text = "-".join(lazy_pinyin(text))
    cid = re.sub(r"[^a-z0-9._-]+", "-", text.lower()).strip("-._") or f"row-{line}"
    if not quiet:
        warnings.append(Problem(where, line, f"id {raw!r} read as {cid!r} (ids are lowercase letters, digits, "
                                             "'-', '_' and '.')"))
    return cid


def adapt_type(raw: str, where: str, line: int, warnings: list[Problem]) -> str:
    if raw in CONCEPT_TYPES:
        return raw
    mapped = _types().get(raw.strip().lower())
    if mapped:
        warnings.append(Problem(where, line, f"concept type {raw!r} read as {mapped!r}"))
        return mapped
    warnings.append(Problem(where, line, f"concept type {raw!r} is not one of mtqa's ({', '.join(CONCEPT_TYPES)}); "
                                         "read as 'term'"))
    return "term"


def adapt_lang(raw: str, term: str, where: str, line: int, warnings: list[Problem], quiet: bool = False) -> str:
    if raw in LANGS:
        return raw
    low = raw.strip().lower().replace("_", "-")
    if low.startswith("en"):
        lang = "en"
    elif low in ("zh", "zho", "chi", "chinese", "中文", "zh-sg", "zh-my"):
        from .edit import guess_lang

        lang = guess_lang(term) if term else "zh-Hans"
    else:
        return raw  # unknown: the schema check names it
    if not quiet:
        warnings.append(Problem(where, line, f"language {raw!r} read as {lang!r}"))
    return lang


def _key(header: str) -> str:
    return re.sub(r"[\s_]+", "", header.strip().lower())


@lru_cache(maxsize=1)
def _headers() -> dict[str, tuple[str, ...]]:
    from ..data import sections

    return {k: tuple(v) for k, v in sections("glossary_headers.txt").items()}


@lru_cache(maxsize=1)
def _types() -> dict[str, str]:
    from ..data import lines

    out = {}
    for line in lines("concept_types.txt"):
        mtqa_type, _, others = line.partition(":")
        for other in others.split(","):
            if other.strip():
                out[other.strip().lower()] = mtqa_type.strip()
    return out
