"""Bilingual files → segments (source, target, where the target is): TSV/CSV here, PO,
XLIFF 1.2/2.0 and TMX through translate-toolkit.

A `BilingualFile` is a `Document` over the decoded file text, so findings on it carry real
file coordinates and every reporter (text snippets, SARIF regions, spreadsheets) works.
`Segment.offset` is where the target's text starts in that text (the msgstr string, the
<target> or <seg> content, the cell), or where it would go when there is no target;
`Segment.line` is that offset's line. Every problem is an `InputError` naming the file, and
the line when there is one.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Iterator

from ..document import Document
from ..errors import InputError

TABLE_SUFFIXES = {".tsv": "\t", ".tab": "\t", ".csv": ","}
PO_SUFFIXES = (".po", ".pot")
XLIFF_SUFFIXES = (".xlf", ".xliff", ".xlif")
TMX_SUFFIXES = (".tmx",)
SUFFIXES = (*TABLE_SUFFIXES, *PO_SUFFIXES, *XLIFF_SUFFIXES, *TMX_SUFFIXES)
_SOURCE_HEADERS = {"source", "src", "source text", "source_text", "original", "english", "en"}
_TARGET_HEADERS = {"target", "tgt", "target text", "target_text", "translation", "chinese", "zh"}
_LANG_CODE = re.compile(r"^[a-z]{2,3}(?:[-_][a-z0-9]{2,8})*$")


@dataclass(frozen=True, slots=True)
class Segment:
    """One source/target pair and where its target sits in the file."""

    source: str
    target: str
    line: int  # 1-based line of `offset`
    offset: int  # 0-based character offset of the target's text in the decoded file
    id: str | None = None


@dataclass
class BilingualFile(Document):
    """A bilingual file: its decoded text (a Document, for the reporters) and its segments."""

    segments: list[Segment] = field(default_factory=list)
    format: str = ""

    def at_line(self, line: int, column: int = 0) -> tuple[int, int]:
        """(line, offset) of a 1-based line and 0-based column, clamped to the text."""
        starts = self.line_starts
        line = max(1, min(line, len(starts)))
        return line, min(len(self.text), starts[line - 1] + column)


def iter_bilingual_paths(paths: Iterable) -> Iterator[Path]:
    """Files named by `paths`; folders are walked for the supported suffixes (hidden ones skipped)."""
    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            for f in sorted(p.rglob("*")):
                rel = f.relative_to(p).parts
                if f.is_file() and f.suffix.lower() in SUFFIXES and not any(x.startswith(".") for x in rel):
                    yield f
        else:
            yield p


def read_bilingual(path: str | Path) -> BilingualFile:
    """Read a TSV/CSV, PO, XLIFF or TMX file into segments."""
    from ..document import decode, read_bytes

    p = Path(path)
    suffix = p.suffix.lower()
    if suffix not in SUFFIXES:
        raise InputError(f"{p}: unsupported file type {suffix or '(no suffix)'!r}; "
                         f"expected one of {', '.join(SUFFIXES)}")
    data = read_bytes(p)
    if suffix in TABLE_SUFFIXES:
        text, encoding = decode(data, str(p))
        kind = "csv" if suffix == ".csv" else "tsv"
    else:  # translate-toolkit decodes these itself (PO charset, XML declaration); the text is for locations
        try:
            text, encoding = decode(data, str(p))
        except InputError:
            text, encoding = data.decode("utf-8", errors="replace"), "utf-8"
        kind = "po" if suffix in PO_SUFFIXES else "xliff" if suffix in XLIFF_SUFFIXES else "tmx"
        from ..extras import require

        require("translate", f"reading {kind.upper()} files ({p})")
    bfile = BilingualFile(text=text, path=str(p), encoding=encoding, format=kind)
    reader = {"csv": read_table, "tsv": read_table, "po": read_po, "xliff": read_xliff, "tmx": read_tmx}[kind]
    bfile.segments = reader(data, bfile)
    return bfile


def _segment(bfile: BilingualFile, source: str, target: str, offset: int, uid: str | None = None) -> Segment:
    return Segment(source, target, bfile.position(offset)[0], offset, uid)


# ---- TSV / CSV -------------------------------------------------------------------
def read_table(data: bytes, bfile: BilingualFile) -> list[Segment]:
    """Two columns, source then target; an optional header row (source/target, en/zh…) is skipped.

    TSV has no quoting (a quote is text); CSV follows RFC 4180, so a cell may be quoted and span lines.
    """
    tsv = bfile.format == "tsv"
    rows = _tsv_rows(bfile) if tsv else _csv_rows(bfile)
    segments: list[Segment] = []
    first = True
    for line, cells, target_offset in rows:
        if not any(c.strip() for c in cells):
            continue
        if first:
            first = False
            if _is_header(cells):
                continue
        if len(cells) != 2:
            raise InputError(f"{bfile.path}:{line}: expected 2 columns (source, target), found {len(cells)}")
        segments.append(_segment(bfile, cells[0], cells[1], target_offset))
    return segments


def _tsv_rows(bfile: BilingualFile) -> Iterator[tuple[int, list[str], int]]:
    starts = bfile.line_starts
    for number, line in enumerate(bfile.text.split("\n"), 1):
        line = line.rstrip("\r")
        if line:
            cells = line.split("\t")
            yield number, cells, starts[number - 1] + len(cells[0]) + 1


def _csv_rows(bfile: BilingualFile) -> Iterator[tuple[int, list[str], int]]:
    import csv
    import io

    reader = csv.reader(io.StringIO(bfile.text, newline=""), strict=True)
    start = 1
    while True:
        try:
            cells = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            raise InputError(f"{bfile.path}:{reader.line_num}: invalid CSV: {exc}") from None
        yield start, cells, _second_cell(bfile.text, bfile.at_line(start)[1])
        start = reader.line_num + 1


def _second_cell(text: str, pos: int) -> int:
    """Offset of the second cell's text in a CSV record starting at `pos` (after its opening quote)."""
    n = len(text)
    if pos < n and text[pos] == '"':
        pos += 1
        while pos < n:
            if text[pos] == '"':
                if pos + 1 < n and text[pos + 1] == '"':
                    pos += 2
                    continue
                pos += 1
                break
            pos += 1
    while pos < n and text[pos] not in ",\n":
        pos += 1
    pos += 1  # the comma
    return pos + 1 if pos < n and text[pos] == '"' else min(pos, n)


def _is_header(cells: list[str]) -> bool:
    if len(cells) != 2:
        return False
    a, b = (c.strip().lower() for c in cells)
    if a in _SOURCE_HEADERS and b in _TARGET_HEADERS:
        return True
    return bool(_LANG_CODE.match(a) and _LANG_CODE.match(b) and a != b and a[:2] == "en")


# ---- PO ----------------------------------------------------------------------------
def read_po(data: bytes, bfile: BilingualFile) -> list[Segment]:
    """Every non-header, non-obsolete entry; plural entries give one segment per msgstr[n]."""
    from translate.storage import pypo
    from translate.storage.poparser import PoParseError

    path = bfile.path
    try:
        store = pypo.pofile.parsestring(data)
    except PoParseError as exc:
        message = str(exc)
        said = re.search(r" on line (\d+): (.*)$", message, re.S)
        line = int(said.group(1)) if said else getattr(getattr(exc, "parse_state", None), "lineno", None)
        if said:
            message = f"{message[:said.start()]}: {_clip(said.group(2).strip())}"
        where = f"{path}:{line}" if line else path
        raise InputError(f"{where}: invalid PO file: {message}") from None
    except (ValueError, UnicodeError, LookupError) as exc:
        raise InputError(f"{path}: invalid PO file: {exc}") from None
    offsets = _po_msgstr_offsets(bfile)
    segments: list[Segment] = []
    entries = [u for u in store.units if not u.isobsolete()]
    for index, unit in enumerate(entries):
        if unit.isheader():
            continue
        offset = offsets[index] if index < len(offsets) else 0
        if unit.hasplural():
            sources = [str(s) for s in unit.source.strings]
            targets = [str(t) for t in (unit.target.strings if unit.target is not None else [""])] or [""]
            for i, target in enumerate(targets):
                source = sources[-1] if len(targets) == 1 else sources[min(i, len(sources) - 1)]
                segments.append(_segment(bfile, source, target, offset, f"{_id(unit)}[{i}]"))
        else:
            segments.append(_segment(bfile, str(unit.source), str(unit.target or ""), offset, _id(unit)))
    return segments


def _id(unit) -> str | None:
    """The unit's id, with translate-toolkit's context separator made readable."""
    uid = unit.getid()
    return uid.replace("\x04", "::") if uid else None


def _po_msgstr_offsets(bfile: BilingualFile) -> list[int]:
    """Where each entry's first msgstr string starts (or its msgid, without msgstr), in file order."""
    lines = bfile.text.split("\n")
    starts = bfile.line_starts
    found: list[int] = []
    pending: tuple[bool, int] | None = None  # (msgstr seen, offset)
    for i, raw in enumerate(lines):
        line = raw.lstrip()
        indent = len(raw) - len(line)
        if line.startswith("#"):
            continue  # comments, obsolete (#~) and previous (#|) entries
        if line.startswith(("msgid ", "msgid\t")):
            if pending is not None:
                found.append(pending[1])
            pending = (False, starts[i] + indent)
        elif line.startswith("msgstr") and pending is not None and not pending[0]:
            pending = (True, _po_string_start(lines, starts, i))
    if pending is not None:
        found.append(pending[1])
    return found


def _po_string_start(lines: list[str], starts: list[int], i: int) -> int:
    """The first character inside the quotes of the msgstr on line `i`; past an empty `""` opening line."""
    raw = lines[i]
    q = raw.find('"')
    if q == -1:
        return starts[i]
    rest = raw[q:].rstrip()
    if rest == '""' and i + 1 < len(lines) and lines[i + 1].lstrip().startswith('"'):
        nxt = lines[i + 1]
        return starts[i + 1] + nxt.find('"') + 1
    return starts[i] + q + 1


# ---- XLIFF -------------------------------------------------------------------------
_XLIFF2 = re.compile(rb"urn:oasis:names:tc:xliff:document:2\.|<xliff[^>]*\sversion\s*=\s*[\"']2\.")


def read_xliff(data: bytes, bfile: BilingualFile) -> list[Segment]:
    """XLIFF 1.2 (trans-unit) or 2.0 (segment), told apart by namespace or version."""
    from translate.storage import xliff, xliff2

    version2 = bool(_XLIFF2.search(data[:4096]))
    store_class = xliff2.Xliff2File if version2 else xliff.xlifffile
    store = _parse_xml_store(store_class, data, bfile.path, "xliff", "XLIFF 2.0" if version2 else "XLIFF 1.2")
    segments: list[Segment] = []
    for unit in store.units:
        if not unit.istranslatable() or unit.source is None:
            continue
        element = unit.xmlelement
        target = element.find("{*}target")
        if target is None:
            target = element.find("target")
        offset = _content_offset(bfile, target) if target is not None else _tag_offset(bfile, element)
        segments.append(_segment(bfile, str(unit.source), str(unit.target or ""), offset, _id(unit)))
    return segments


# ---- TMX ---------------------------------------------------------------------------
def read_tmx(data: bytes, bfile: BilingualFile) -> list[Segment]:
    """Each <tu>: the English variant is the source, the Chinese one the target (else srclang, then order)."""
    from translate.misc.xml_helpers import getXMLlang
    from translate.storage import tmx

    store = _parse_xml_store(tmx.tmxfile, data, bfile.path, "tmx", "TMX")
    srclang = (store.sourcelanguage or "en").lower()
    segments: list[Segment] = []
    for unit in store.units:
        nodes = [(str(getXMLlang(n) or "").lower(), n) for n in unit.getlanguageNodes()]
        if not nodes:
            continue
        source = next((n for lang, n in nodes if lang.startswith("en")), None)
        if source is None:
            source = next((n for lang, n in nodes if lang == srclang), nodes[0][1])
        target = next((n for lang, n in nodes if lang.startswith("zh") and n is not source), None)
        if target is None:
            target = next((n for lang, n in nodes if n is not source), None)
        if target is not None:
            seg = target.find("{*}seg")
            seg = seg if seg is not None else target.find("seg")
            offset = _content_offset(bfile, seg if seg is not None else target)
            target_text = unit.getNodeText(target) or ""
        else:
            offset, target_text = _tag_offset(bfile, unit.xmlelement), ""
        segments.append(_segment(bfile, unit.getNodeText(source) or "", target_text, offset, _id(unit)))
    return segments


def _tag_offset(bfile: BilingualFile, element) -> int:
    """Offset of `<tag` for an lxml element (lxml gives its line; the column is searched)."""
    from lxml import etree

    name = etree.QName(element).localname
    _, start = bfile.at_line(element.sourceline or 1)
    m = re.compile(rf"<(?:[\w.-]+:)?{re.escape(name)}\b").search(bfile.text, start)
    return m.start() if m else start


def _content_offset(bfile: BilingualFile, element) -> int:
    """Offset of the first character inside an element (after its start tag)."""
    start = _tag_offset(bfile, element)
    close = bfile.text.find(">", start)
    return start if close == -1 else close + 1


def _parse_xml_store(store_class, data: bytes, path: str, root: str, kind: str):
    """Parse with translate-toolkit; turn its errors into located InputErrors."""
    from lxml import etree

    try:
        return store_class.parsestring(data)
    except etree.XMLSyntaxError as exc:
        line = exc.lineno or (exc.position[0] if exc.position else None)
        message = re.sub(r"\s*\(<string>, line \d+\)$", "", exc.msg or str(exc))
        raise InputError(f"{path}:{line}: not well-formed XML: {message}") from None
    except Exception as exc:  # translate-toolkit raises StopIteration, AssertionError… on foreign XML
        found = _root_tag(data)
        if found is not None and found != root:
            raise InputError(f"{path}:1: not a {kind} file: the root element is <{found}>, expected <{root}>") from None
        if root == "xliff" and b"<file" not in data:
            raise InputError(f"{path}: not a usable {kind} file: it has no <file> element") from None
        raise InputError(f"{path}: cannot read as {kind}: {str(exc) or type(exc).__name__}") from None


def _clip(text: str, width: int = 60) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def _root_tag(data: bytes) -> str | None:
    import io

    from lxml import etree

    try:
        for _event, element in etree.iterparse(io.BytesIO(data), events=("start",)):
            return etree.QName(element).localname
    except etree.XMLSyntaxError:
        return None
    return None
