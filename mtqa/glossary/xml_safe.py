"""Parse untrusted XML with lxml safely: no entity expansion, no DTD loading, no network.

Documents that declare or reference entities are refused outright (billion laughs, XXE):
a termbase never needs them. Malformed XML is reported with its line, never a traceback.
"""
from __future__ import annotations

import re

from ..errors import Problem

XML_NS = "http://www.w3.org/XML/1998/namespace"
_ENTITY_DECL = re.compile(rb"<!ENTITY\s")


def parse_xml(data: bytes, path: str, problems: list[Problem]):
    """The root element of `data`, or None with a located problem in `problems`."""
    from lxml import etree

    start = data.find(b"<!DOCTYPE", 0, 1 << 16)
    subset_end = data.find(b"]>", start) if start >= 0 else -1
    declared = _ENTITY_DECL.search(data, start, subset_end) if start >= 0 and subset_end > start else None
    if declared:
        line = data.count(b"\n", 0, declared.start()) + 1
        problems.append(Problem(path, line, "the document declares XML entities (<!ENTITY ...>); refused: "
                                            "entity expansion is unsafe and a termbase does not need it"))
        return None
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False,
                             dtd_validation=False, remove_blank_text=False)
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as exc:
        message = " ".join(str(exc.msg).split()).replace(" ,", ",")  # libxml2 ends some messages with a newline
        problems.append(Problem(path, exc.lineno or None, f"malformed XML: {message}"))
        return None
    except ValueError as exc:  # e.g. an encoding declaration lxml cannot honour
        problems.append(Problem(path, None, f"cannot parse XML: {exc}"))
        return None
    dtd = root.getroottree().docinfo.internalDTD
    if dtd is not None:
        declared = [e.name for e in dtd.iterentities()]
        if declared:
            problems.append(Problem(path, None, f"the document declares XML entities ({', '.join(declared[:5])}); "
                                                "refused: entity expansion is unsafe and a termbase does not need it"))
            return None
    for node in root.iter(etree.Entity):
        problems.append(Problem(path, node.sourceline, f"entity reference {node.text} is not allowed"))
        return None
    return root


def local_name(el) -> str:
    """The element's name without its namespace ('' for comments and processing instructions)."""
    tag = el.tag
    if not isinstance(tag, str):
        return ""
    return tag.rsplit("}", 1)[-1]


def xml_lang(el) -> str | None:
    return el.get(f"{{{XML_NS}}}lang") or el.get("lang")


def text_of(el) -> str:
    """All text inside `el` (inline markup flattened); whitespace of pretty-printed text collapsed."""
    text = "".join(el.itertext())
    if "\n" in text or "\t" in text or "\r" in text:
        return " ".join(text.split())
    return text.strip()
