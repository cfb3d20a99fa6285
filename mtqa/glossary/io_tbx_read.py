"""Read TBX termbases into concepts: TBX v3 (ISO 30042:2019, `tbx`/`conceptEntry`/`langSec`/`termSec`)
and TBX v2 (`martif`/`termEntry`/`langSet`/`tig`|`ntig`, as Trados, Weblate and translate-toolkit write it).

What maps to what:
- entry id → concept id (lower-cased, other characters → `-`; `_` that escapes a leading digit dropped);
- `descrip type="subjectField"` → concept type when it is one of mtqa's types, else `default_type`;
- concept-level `note` (else the `definition`) → concept note; term-level `note` → term note, except
  mtqa's hint notes (`mtqa exceptions: 美元 | 单元`, see glossary.hints), which set those fields;
- `termNote type="administrativeStatus"` (or `normativeAuthorization`) → status: preferred/standardized →
  preferred; admitted/legal/regulated → admitted; deprecated/superseded/obsolete/forbidden → deprecated;
- `termNote type="termType"` → term type when mtqa knows it; `admin type="source"` saying
  "mtqa derive" → a derived term;
- a term with no status: the first such term of a language with no preferred term becomes
  preferred, the others admitted.
Only English and Chinese terms are kept (mtqa glossaries hold nothing else); what is left out
is reported as a warning with its line, and so is a concept left with no preferred term.
"""
from __future__ import annotations

import re
from pathlib import Path

from ..errors import Problem
from ..normalize import fold
from .hints import apply_hint, read_hint
from .model import CONCEPT_TYPES, TERM_TYPES, Concept, Term
from .schema import ID_RE, char_problem, show
from .xml_safe import local_name, parse_xml, text_of, xml_lang

DERIVED_MARK = "mtqa derive"
_STATUS = {
    "preferredtermadmnsts": "preferred", "preferred": "preferred", "preferredterm": "preferred",
    "standardizedtermadmnsts": "preferred", "standardized": "preferred",
    "admittedtermadmnsts": "admitted", "admitted": "admitted", "admittedterm": "admitted",
    "legaltermadmnsts": "admitted", "regulatedtermadmnsts": "admitted",
    "deprecatedtermadmnsts": "deprecated", "deprecated": "deprecated", "deprecatedterm": "deprecated",
    "supersededtermadmnsts": "deprecated", "superseded": "deprecated", "supersededterm": "deprecated",
    "obsolete": "deprecated", "forbidden": "deprecated", "notrecommended": "deprecated",
}
_STATUS_TYPES = ("administrativeStatus", "normativeAuthorization")
_TERM_TYPES = {t.lower(): t for t in TERM_TYPES}
_ENTRY = ("conceptEntry", "termEntry")
_LANG = ("langSec", "langSet")
_UNIT = ("termSec", "tig", "ntig")


def map_lang(tag: str | None) -> str | None:
    """mtqa's language for an xml:lang value, or None for a language mtqa glossaries do not hold."""
    if not tag:
        return None
    t = tag.strip().replace("_", "-").lower()
    if t == "en" or t.startswith("en-"):
        return "en"
    if t in ("zh", "zh-hans", "zh-sg", "zh-my") or t.startswith("zh-hans-"):
        return "zh-Hans"
    if t in ("zh-hant", "zh-mo") or t.startswith("zh-hant-") and t not in ("zh-hant-tw", "zh-hant-hk"):
        return "zh-Hant"
    return {"zh-cn": "zh-CN", "zh-tw": "zh-TW", "zh-hk": "zh-HK", "zh-hant-tw": "zh-TW", "zh-hant-hk": "zh-HK"}.get(t)


def concept_id_from(raw: str | None) -> str | None:
    """A valid mtqa id from a TBX entry id, or None when nothing usable is left."""
    if not raw:
        return None
    if raw.startswith("_"):
        raw = raw[1:]
    cid = re.sub(r"[^a-z0-9._-]+", "-", raw.strip().lower()).strip("-._")
    return cid if cid and ID_RE.match(cid) else None


def read_tbx(path: Path, problems: list[Problem], warnings: list[Problem] | None = None,
             default_type: str = "term") -> list[Concept]:
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        problems.append(Problem(str(path), None, f"cannot read: {exc.strerror}"))
        return []
    return parse_tbx(data, str(path), problems, warnings if warnings is not None else [], default_type)


def parse_tbx(data: bytes, path: str, problems: list[Problem], warnings: list[Problem],
              default_type: str = "term") -> list[Concept]:
    root = parse_xml(data, path, problems)
    if root is None:
        return []
    if local_name(root) not in ("tbx", "martif"):
        problems.append(Problem(path, root.sourceline, f"not a TBX file: the root element is <{local_name(root)}>, "
                                                       "expected <tbx> (TBX v3) or <martif> (TBX v2)"))
        return []
    body = next((el for el in root.iter() if local_name(el) == "body"), None)
    if body is None:
        warnings.append(Problem(path, root.sourceline, "no <body>: the termbase is empty"))
        return []
    concepts: list[Concept] = []
    used_ids: set[str] = set()
    skipped_langs: dict[str, int] = {}
    n_before = len(problems)
    for index, entry in enumerate(el for el in body if local_name(el) in _ENTRY):
        concept = _read_entry(entry, index, path, problems, warnings, skipped_langs, used_ids, default_type)
        if concept is not None:
            concepts.append(concept)
    if len(problems) > n_before:
        return []
    empty = skipped_langs.pop("entries with no English or Chinese term", 0)
    if skipped_langs:
        langs = ", ".join(f"{n} {lang}" for lang, n in sorted(skipped_langs.items()))
        warnings.append(Problem(path, None, f"left out terms in languages mtqa glossaries do not hold: {langs}"))
    if empty:
        warnings.append(Problem(path, None, f"left out {empty} entr{'y' if empty == 1 else 'ies'} with no English or Chinese term"))
    return concepts


def _children(el, names):
    return [c for c in el if local_name(c) in names]


def _read_entry(entry, index, path, problems, warnings, skipped_langs, used_ids, default_type) -> Concept | None:
    line = entry.sourceline
    raw_id = entry.get("id")
    cid = concept_id_from(raw_id)
    units: list[tuple[str, object]] = []  # (mtqa lang, unit element)
    for sec in _children(entry, _LANG):
        tag = xml_lang(sec)
        lang = map_lang(tag)
        sec_units = _children(sec, _UNIT)
        if lang is None:
            key = tag or "(no xml:lang)"
            skipped_langs[key] = skipped_langs.get(key, 0) + len(sec_units)
            continue
        units.extend((lang, u) for u in sec_units)
    terms: list[Term] = []
    explicit: list[bool] = []
    seen: set[tuple[str, str]] = set()
    for lang, unit in units:
        term, has_status = _read_unit(unit, lang, path, problems)
        if term is None:
            continue
        key = (lang, fold(term.term))
        if key in seen:
            warnings.append(Problem(path, term.line, f"{term.term!r} ({lang}) is listed twice in entry "
                                                     f"{raw_id or index + 1}; kept once"))
            continue
        seen.add(key)
        terms.append(term)
        explicit.append(has_status)
    if not terms:
        skipped_langs["entries with no English or Chinese term"] = skipped_langs.get("entries with no English or Chinese term", 0) + 1
        return None
    _settle_statuses(terms, explicit)
    if not any(t.status == "preferred" for t in terms):
        forms = ", ".join(f"{t.term!r} ({t.lang}, {t.status})" for t in terms)
        warnings.append(Problem(path, line, f"entry {raw_id or index + 1} left out: an mtqa concept needs a preferred "
                                            f"form and its English/Chinese terms are {forms}"))
        return None
    if cid is None:
        en = next((t.term for t in terms if t.lang == "en"), None)
        from .keys import slug

        cid = slug(en or terms[0].term)
    base, n = cid, 2
    while cid in used_ids:
        cid, n = f"{base}-{n}", n + 1
    used_ids.add(cid)
    ctype, note = _concept_info(entry, default_type)
    return Concept(id=cid, type=ctype, terms=terms, note=note, source=path, line=line)


def _read_unit(unit, lang: str, path: str, problems: list[Problem]) -> tuple[Term | None, bool]:
    term_el = next((el for el in unit.iter() if local_name(el) == "term"), None)
    if term_el is None:
        problems.append(Problem(path, unit.sourceline, f"<{local_name(unit)}> has no <term>"))
        return None, False
    text = text_of(term_el)
    if not text:
        return None, False
    why = char_problem(text, form=True)
    if why is not None:  # what the YAML loader would refuse after the import
        problems.append(Problem(path, term_el.sourceline, f"term {show(text)} contains {why}; delete it"))
        return None, False
    status, ttype, derived, notes, hints = None, None, False, [], []
    for el in unit.iter():
        name = local_name(el)
        parent = el.getparent()
        if parent is not None and local_name(parent) == "transacGrp":
            continue
        kind = el.get("type") or ""
        if name == "termNote" and kind in _STATUS_TYPES:
            value = text_of(el)
            status = _STATUS.get(re.sub(r"[^a-z]", "", value.lower()))
            if status is None:
                problems.append(Problem(path, el.sourceline, f"unknown administrative status {value!r} for {text!r} "
                                                             "(expected preferred, admitted, deprecated or superseded)"))
                return None, False
        elif name == "termNote" and kind == "termType":
            ttype = _TERM_TYPES.get(text_of(el).lower())
        elif name == "admin" and kind == "source" and text_of(el).startswith(DERIVED_MARK):
            derived = True
        elif name == "note" and text_of(el):
            hint = read_hint(text_of(el))
            if hint is None:
                notes.append(text_of(el))
            else:
                hints.append((hint, el.sourceline))
    term = Term(term=text, lang=lang, status=status or "admitted", note="; ".join(notes) or None, type=ttype,
                line=term_el.sourceline, derived=derived)
    for (name, value), line in hints:
        why = apply_hint(term, name, value)
        if why is not None:
            problems.append(Problem(path, line, f"{why} for {text!r}"))
            return None, False
    return term, status is not None


def _settle_statuses(terms: list[Term], explicit: list[bool]) -> None:
    """A language with no preferred term: its first unmarked term becomes preferred."""
    langs = []
    for t in terms:
        if t.lang not in langs:
            langs.append(t.lang)
    for lang in langs:
        idx = [i for i, t in enumerate(terms) if t.lang == lang]
        if any(terms[i].status == "preferred" and explicit[i] for i in idx):
            continue
        first = next((i for i in idx if not explicit[i]), None)
        if first is not None:
            terms[first].status = "preferred"


def _concept_info(entry, default_type: str) -> tuple[str, str | None]:
    ctype, notes, definition = None, [], None
    for el in entry:
        name = local_name(el)
        if name in _LANG:
            continue
        holders = [el] if name != "descripGrp" else [c for c in el if local_name(c) == "descrip"]
        for h in holders:
            kind = h.get("type") or ""
            if local_name(h) == "descrip" and kind == "subjectField" and ctype is None:
                value = text_of(h).lower()
                ctype = value if value in CONCEPT_TYPES else None
            elif local_name(h) == "descrip" and kind == "definition" and definition is None:
                definition = text_of(h) or None
        if name == "note" and text_of(el):
            notes.append(text_of(el))
    if definition is None:  # TBX-Basic also allows the definition at language level
        for sec in _children(entry, _LANG):
            for el in sec.iter():
                if local_name(el) == "descrip" and el.get("type") == "definition" and text_of(el):
                    definition = text_of(el)
                    break
            if definition:
                break
    return ctype or default_type, "; ".join(notes) or definition
