"""Edit one glossary YAML file in place with ruamel.yaml's round-trip mode.

Comments, key order, quoting, flow/block style and blank lines of everything not edited
stay as they were: before any edit the file must come back byte for byte from ruamel
(under one of a few indentation settings); a file that does not is refused rather than
reformatted. New concepts and terms are written in the style the file already uses.
"""
from __future__ import annotations

import io
from pathlib import Path

from ..errors import MtqaError
from .model import Concept, Term

# (mapping, sequence, offset) indentations tried, the house style first.
INDENTS = ((2, 4, 2), (2, 2, 0), (4, 4, 2), (2, 4, 0), (4, 6, 4), (4, 4, 0), (4, 2, 0), (2, 3, 1))
TERM_KEY_ORDER = ("term", "lang", "status", "type", "note", "suggest", "fix", "exceptions", "context", "window", "derived")
STATUS_RANK = {"preferred": 0, "admitted": 1, "deprecated": 2}


class EditError(MtqaError):
    """An edit that cannot be made; the file is left untouched."""


def _yaml(indent):
    from ruamel.yaml import YAML

    y = YAML(typ="rt")
    y.preserve_quotes = True
    y.width = 1 << 16
    y.allow_unicode = True
    y.indent(mapping=indent[0], sequence=indent[1], offset=indent[2])
    return y


def _scalar(value: str):
    """A string scalar quoted the house way: plain when that reads back, else double quotes."""
    from ruamel.yaml.scalarstring import DoubleQuotedScalarString

    from .io_yaml_write import quote

    return value if quote(value) == value else DoubleQuotedScalarString(value)


def _flow_list(items: list[str]):
    from ruamel.yaml.comments import CommentedSeq

    seq = CommentedSeq([_scalar(i) for i in items])
    seq.fa.set_flow_style()
    return seq


def _blank_line():
    from ruamel.yaml.error import CommentMark
    from ruamel.yaml.tokens import CommentToken

    return CommentToken("\n", CommentMark(0), None)


class YamlFile:
    """A glossary file loaded for editing: `concepts` is the ruamel list of concept mappings."""

    def __init__(self, path: Path, original: bytes, text: str, yaml, data, bom: bool, crlf: bool):
        self.path = path
        self.original = original
        self.source_text = text
        self._yaml = yaml
        self.data = data
        self._bom = bom
        self._crlf = crlf
        self.concepts = data["concepts"]
        self.changed = False
        self.blank_separated = self._blank_separated()
        self.flow_terms = self._flow_terms()

    @classmethod
    def load(cls, path) -> "YamlFile":
        from ruamel.yaml.error import YAMLError

        p = Path(path)
        if p.suffix.lower() not in (".yaml", ".yml"):
            raise EditError(f"{p}: only YAML glossary files can be edited in place (import CSV, XLSX or TBX first)")
        try:
            original = p.read_bytes()
        except OSError as exc:
            raise EditError(f"{p}: cannot read: {exc.strerror}") from None
        bom = original.startswith(b"\xef\xbb\xbf")
        try:
            text = original.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise EditError(f"{p}: not UTF-8 (byte {exc.start})") from None
        crlf = "\r\n" in text
        plain = text.replace("\r\n", "\n") if crlf else text
        last_error = None
        for indent in INDENTS:
            y = _yaml(indent)
            try:
                data = y.load(plain)
            except YAMLError as exc:
                mark = getattr(exc, "problem_mark", None)
                where = f"{p}:{mark.line + 1}" if mark else str(p)
                raise EditError(f"{where}: invalid YAML: {getattr(exc, 'problem', None) or exc}") from None
            if not isinstance(data, dict) or not isinstance(data.get("concepts"), list):
                raise EditError(f"{p}: expected a mapping with a 'concepts' list at the top")
            out = io.StringIO()
            y.dump(data, out)
            if out.getvalue() == plain:
                return cls(p, original, text, y, data, bom, crlf)
            last_error = indent
        raise EditError(f"{p}: cannot edit in place without reformatting it (ruamel.yaml does not write it back "
                        f"byte for byte; last indentation tried {last_error}); edit it by hand")

    # ---- reading --------------------------------------------------------
    def dump(self) -> str:
        out = io.StringIO()
        self._yaml.dump(self.data, out)
        text = out.getvalue()
        if self._crlf:
            text = text.replace("\n", "\r\n")
        return text

    def encoded(self) -> bytes:
        return (b"\xef\xbb\xbf" if self._bom else b"") + self.dump().encode("utf-8")

    def index_of(self, concept_id: str) -> int | None:
        for i, c in enumerate(self.concepts):
            if isinstance(c, dict) and c.get("id") == concept_id:
                return i
        return None

    def _concept(self, concept_id: str):
        i = self.index_of(concept_id)
        if i is None:
            raise EditError(f"{self.path}: no concept {concept_id!r} in this file")
        return self.concepts[i]

    def _flow_terms(self) -> bool:
        """Whether the file writes terms as one-line flow mappings (the house style)."""
        for c in self.concepts:
            terms = c.get("terms") if isinstance(c, dict) else None
            if terms:
                first = terms[0]
                return bool(getattr(first, "fa", None) and first.fa.flow_style())
        return True

    def _blank_separated(self) -> bool:
        """Whether concepts are separated by blank lines (judged from the source text)."""
        lines = self.source_text.replace("\r\n", "\n").split("\n")
        starts = [c.lc.line for c in self.concepts[1:] if getattr(getattr(c, "lc", None), "line", None) is not None]
        if not starts:
            return True
        blank = sum(1 for s in starts if s > 0 and not lines[s - 1].strip())
        return blank * 2 >= len(starts)

    # ---- building nodes -------------------------------------------------
    def term_node(self, term: Term):
        from ruamel.yaml.comments import CommentedMap

        m = CommentedMap()
        for key, value in _term_items(term):
            m[key] = value
        if self.flow_terms:
            m.fa.set_flow_style()
        return m

    def concept_node(self, concept: Concept):
        from ruamel.yaml.comments import CommentedMap, CommentedSeq

        m = CommentedMap()
        m["id"] = _scalar(concept.id)
        m["type"] = concept.type
        if concept.note:
            m["note"] = _scalar(concept.note)
        if concept.distinct_from:
            m["distinct_from"] = _flow_list(concept.distinct_from)
        m["terms"] = CommentedSeq([self.term_node(t) for t in concept.terms])
        return m

    # ---- edits ----------------------------------------------------------
    def insert_concept(self, concept: Concept) -> int:
        """Insert `concept` in id order when the file is sorted by id, else at the end."""
        if self.index_of(concept.id) is not None:
            raise EditError(f"{self.path}: concept {concept.id!r} already exists")
        ids = [c.get("id") for c in self.concepts if isinstance(c, dict)]
        sorted_file = all(isinstance(i, str) for i in ids) and ids == sorted(ids)
        n = len(self.concepts)
        index = next((i for i, cid in enumerate(ids) if cid > concept.id), n) if sorted_file else n
        separated = self.blank_separated and n > 0
        node = self.concept_node(concept)
        self.concepts.insert(index, node)
        if separated:
            if index < n:  # the blank line after the previous concept stays; this one needs its own
                terms = node["terms"]
                terms.ca.comment = [None, None]
                terms.ca.end = [_blank_line()]
            else:  # appended: a blank line before it
                self.concepts.ca.items[index] = [None, [_blank_line()], None, None]
        self.changed = True
        return index

    def add_term(self, concept_id: str, term: Term, after: int | None = None) -> int:
        """Add `term` to a concept: after term index `after`, else after the last term of no worse status."""
        node = self._concept(concept_id)
        terms = node["terms"]
        if after is None:
            rank = STATUS_RANK[term.status]
            after = -1
            for i, t in enumerate(terms):
                if STATUS_RANK.get(t.get("status"), 2) <= rank:
                    after = i
        terms.insert(after + 1, self.term_node(term))
        self.changed = True
        return after + 1

    def set_term_key(self, concept_id: str, index: int, key: str, value) -> None:
        """Set (or with value None, remove) one key of a term, keeping the house key order."""
        t = self._concept(concept_id)["terms"][index]
        if value is None:
            if key in t:
                del t[key]
                self.changed = True
            return
        value = _scalar(value) if isinstance(value, str) else value
        if key in t:
            t[key] = value
        else:
            rank = TERM_KEY_ORDER.index(key) if key in TERM_KEY_ORDER else len(TERM_KEY_ORDER)
            pos = sum(1 for k in t if (TERM_KEY_ORDER.index(k) if k in TERM_KEY_ORDER else len(TERM_KEY_ORDER)) <= rank)
            t.insert(pos, key, value)
        self.changed = True


def _term_items(term: Term):
    yield "term", _scalar(term.term)
    yield "lang", term.lang
    yield "status", term.status
    if term.type and not term.type_inferred:
        yield "type", term.type
    if term.note:
        yield "note", _scalar(term.note)
    if term.suggest:
        yield "suggest", _scalar(term.suggest)
    if term.fix:
        yield "fix", term.fix
    if term.exceptions:
        yield "exceptions", _flow_list(term.exceptions)
    if term.context:
        yield "context", _flow_list(term.context)
    if term.window:
        yield "window", term.window
    if term.derived:
        yield "derived", True
