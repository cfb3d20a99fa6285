"""Write concepts as TBX: v3 TBX-Basic (ISO 30042:2019, DCA style) or v2 (`martif`, TBX 2008).

v3 is valid against the official core structure (TBXcoreStructV03.rng) and uses only TBX-Basic
data categories: `subjectField` (mtqa's concept type), `note`, `administrativeStatus`,
`termType` and `admin type="source"` (marks derived terms). Terms keep their order within
each language; a concept's languages come in the order they first appear.

v2 is what translate-toolkit, Weblate and older Trados read: `termEntry`/`langSet`/`tig`.
Those readers take the first term of a language as *the* term, so the preferred form comes first.

mtqa's matching hints (exceptions, context cues, window, suggest, fix), for which TBX has no
place, travel as term notes of their own (`mtqa exceptions: 美元 | 单元`, see glossary.hints).
"""
from __future__ import annotations

import re

from .hints import hint_notes
from .io_tbx_read import DERIVED_MARK
from .model import Concept

TBX_NS = "urn:iso:std:iso:30042:ed-2"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
STATUS_OUT = {"preferred": "preferredTerm-admn-sts", "admitted": "admittedTerm-admn-sts",
              "deprecated": "deprecatedTerm-admn-sts"}
RNG_HREF = "https://raw.githubusercontent.com/LTAC-Global/TBX_Core_RNG/master/TBXcoreStructV03.rng"
_NCNAME_START = re.compile(r"^[A-Za-z_]")


def xml_id(concept_id: str) -> str:
    """A concept id as an xsd:ID (NCName): ids starting with a digit get a leading '_'."""
    return concept_id if _NCNAME_START.match(concept_id) else f"_{concept_id}"


def _by_lang(concept: Concept, preferred_first: bool):
    langs: list[str] = []
    for t in concept.terms:
        if t.lang not in langs:
            langs.append(t.lang)
    for lang in langs:
        terms = [t for t in concept.terms if t.lang == lang]
        if preferred_first:
            terms.sort(key=lambda t: t.status != "preferred")  # stable: the rest keep their order
        yield lang, terms


def _term_details(parent, t, E) -> None:
    parent.append(E("termNote", STATUS_OUT[t.status], type="administrativeStatus"))
    if t.type and not t.type_inferred:
        parent.append(E("termNote", t.type, type="termType"))
    if t.derived:
        parent.append(E("admin", f"{DERIVED_MARK} (OpenCC); review before use", type="source"))
    if t.note:
        parent.append(E("note", t.note))
    for hint in hint_notes(t):
        parent.append(E("note", hint))


def _header(E, name: str, description: str):
    """tbxHeader (v3) or martifHeader (v2): a fileDesc whose sourceDesc says where the file comes from."""
    return E(name, E("fileDesc", E("sourceDesc", E("p", description))))


def write_tbx(concepts: list[Concept], version: int = 3, description: str = "Exported by mtqa") -> bytes:
    """The concepts as a TBX document (UTF-8 bytes)."""
    from lxml import etree

    if version == 3:
        E = _maker(TBX_NS)
        root = E("tbx", type="TBX-Basic", style="dca")
        root.set(XML_LANG, "en")
        root.append(_header(E, "tbxHeader", description))
        text = E("text")
        root.append(text)
        entry_name, lang_name, unit_name = "conceptEntry", "langSec", "termSec"
    elif version == 2:
        E = _maker(None)
        root = E("martif", type="TBX")
        root.set(XML_LANG, "en")
        root.append(_header(E, "martifHeader", description))
        text = E("text")
        root.append(text)
        entry_name, lang_name, unit_name = "termEntry", "langSet", "tig"
    else:
        raise ValueError(f"unknown TBX version {version!r} (expected 2 or 3)")
    if concepts:  # v3 requires at least one conceptEntry in a body
        body = E("body")
        text.append(body)
        for c in concepts:
            entry = E(entry_name, id=xml_id(c.id))
            entry.append(E("descrip", c.type, type="subjectField"))
            if c.note:
                entry.append(E("note", c.note))
            for lang, terms in _by_lang(c, preferred_first=version == 2):
                sec = E(lang_name)
                sec.set(XML_LANG, lang)
                for t in terms:
                    unit = E(unit_name, E("term", t.term))
                    _term_details(unit, t, E)
                    sec.append(unit)
                entry.append(sec)
            body.append(entry)
    tree = etree.ElementTree(root)
    if version == 3:
        root.addprevious(etree.PI("xml-model", f'href="{RNG_HREF}" type="application/xml" '
                                               'schematypens="http://relaxng.org/ns/structure/1.0"'))
        return etree.tostring(tree, xml_declaration=True, encoding="UTF-8", pretty_print=True)
    return etree.tostring(tree, xml_declaration=True, encoding="UTF-8", pretty_print=True,
                          doctype='<!DOCTYPE martif SYSTEM "TBXcoreStructV02.dtd">')


def _maker(namespace: str | None):
    from lxml import etree

    def E(tag: str, *children, **attrs):
        el = etree.Element(f"{{{namespace}}}{tag}" if namespace else tag,
                           nsmap={None: namespace} if namespace and tag in ("tbx",) else None)
        for k, v in attrs.items():
            el.set(k, v)
        for child in children:
            if isinstance(child, str):
                el.text = child
            else:
                el.append(child)
        return el

    return E
