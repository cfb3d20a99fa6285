"""Read glossary YAML with line numbers, from libyaml's event stream (PyYAML's C parser: fast, and keeps marks).

Hostile or badly edited files give located problems, never a crash or a hang: the values are
built here from parser events, without recursion, so deep nesting, recursive aliases and alias
bombs ("billion laughs") are refused with their line instead of overflowing the stack or
expanding without end; no tag ever constructs an object (`!!python/...` is refused). Scalars
are the text as written, whatever YAML 1.1 would make of them (`yes`, `on`, `1.0`, `0x1F` stay
text): the schema decides what a field holds. Only a plain `null`, `~` or nothing is no value.
"""
from __future__ import annotations

import re
from pathlib import Path

from ..errors import Problem
from .model import Concept
from .schema import build_concept, show
from .source_text import read_utf8

try:  # libyaml is in every PyYAML wheel; the pure-Python parser is the fallback
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover
    from yaml import SafeLoader as _Loader

MAX_DEPTH = 32  # a glossary nests 6 deep (concepts > concept > terms > term > exceptions > entry)
ALIAS_ALLOWANCE = 100_000  # values aliases may repeat beyond the number the file itself holds
_CORE = "tag:yaml.org,2002:"
_TEXT_TAGS = frozenset((None, "!", *(_CORE + t for t in ("str", "int", "float", "bool", "null", "timestamp"))))
_COLLECTION_TAGS = {"map": frozenset((None, "!", _CORE + "map")), "seq": frozenset((None, "!", _CORE + "seq"))}
_NULLS = frozenset(("", "~", "null", "Null", "NULL"))
# Characters YAML refuses (controls, non-characters), and the ones it reads as line breaks where
# editors do not (NEL, LS, PS): those would shift every line number after them.
_BAD_CHARS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\ufffe\uffff\ud800-\udfff]")
_LINE_BREAKS = {"\x85": "NEXT LINE", "\u2028": "LINE SEPARATOR", "\u2029": "PARAGRAPH SEPARATOR"}


class Node:
    """A parsed YAML value with the 1-based line it starts on.

    `value` is a str or None (tag "str"/"null"), a list of Nodes ("seq"), or a dict of
    key → (key Node, value Node) ("map"); `size` counts the values inside, aliases expanded.
    """

    __slots__ = ("value", "line", "tag", "size")

    def __init__(self, value, line: int, tag: str = "", size: int = 1):
        self.value = value
        self.line = line
        self.tag = tag
        self.size = size


def _show_tag(tag: str) -> str:
    return "!!" + tag[len(_CORE):] if tag.startswith(_CORE) else tag


def _what(node: Node) -> str:
    kinds = {"map": "a mapping", "seq": "a list", "null": "nothing (null)"}
    return kinds[node.tag] if node.tag in kinds else f"the text {show(node.value)}"


def _check_chars(text: str, path: str, problems: list[Problem]) -> bool:
    bad = _BAD_CHARS.search(text)
    if bad is None:
        return True
    ch = bad.group()
    line = text.count("\n", 0, bad.start()) + 1
    more = len(_BAD_CHARS.findall(text)) - 1
    tail = f" (and {more} more such character{'s' if more > 1 else ''} in the file)" if more else ""
    if ch in _LINE_BREAKS:
        message = (f"U+{ord(ch):04X} ({_LINE_BREAKS[ch]}) in the file: YAML reads it as a line break, so every "
                   f"line number after it would be wrong; delete it{tail}")
    else:
        message = f"invalid YAML: control character U+{ord(ch):04X} is not allowed; delete it{tail}"
    problems.append(Problem(path, line, message))
    return False


def parse_yaml(text: str, path: str, problems: list[Problem]) -> Node | None:
    """The root Node of the one YAML document in `text`, or None (nothing there, or problems added)."""
    import yaml

    if not _check_chars(text, path, problems):
        return None
    try:
        return _compose(yaml.parse(text, Loader=_Loader), path, problems)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        message = exc.problem or str(exc)
        if exc.context and exc.context_mark is not None and exc.problem_mark is not None \
                and exc.context_mark.line != exc.problem_mark.line:
            # an unclosed quote or bracket: say where it was opened, not only where the file ended
            message += f" ({exc.context} that starts on line {exc.context_mark.line + 1})"
        elif exc.context:
            message = f"{exc.context}: {message}"
        if mark is not None and _char_at(text, mark) == "\t":
            message = "a tab character: YAML indents with spaces, never tabs"
        problems.append(Problem(path, mark.line + 1 if mark else None, f"invalid YAML: {message}"))
    except yaml.YAMLError as exc:
        problems.append(Problem(path, None, f"invalid YAML: {' '.join(str(exc).split())}"))
    return None


def _char_at(text: str, mark) -> str:
    lines = text.split("\n", mark.line + 1)
    row = lines[mark.line] if mark.line < len(lines) else ""
    return row[mark.column] if mark.column < len(row) else ""


def _compose(events, path: str, problems: list[Problem]) -> Node | None:
    """Build Nodes from parser events, iteratively (no recursion: depth is checked, not trusted)."""
    from yaml.events import (AliasEvent, DocumentStartEvent, MappingEndEvent, MappingStartEvent, ScalarEvent,
                             SequenceEndEvent, SequenceStartEvent)

    stack: list[list] = []  # [collection Node, pending key Node or None, anchor or None]
    anchors: dict[str, Node] = {}
    open_anchors: set[str] = set()
    root = None
    n_nodes = repeated = documents = 0
    bad_tags = False
    for ev in events:
        kind = ev.__class__
        if kind is ScalarEvent:
            line = ev.start_mark.line + 1
            tag = ev.tag
            if tag not in _TEXT_TAGS:
                problems.append(Problem(path, line, f"unsupported YAML tag {_show_tag(tag)}: a glossary holds only "
                                                    "text, lists and mappings"))
                bad_tags = True
            if (ev.implicit[0] and ev.value in _NULLS) or tag == _CORE + "null":
                node = Node(None, line, "null")
            else:
                node = Node(ev.value, line, "str")
            n_nodes += 1
            if ev.anchor is not None:
                anchors[ev.anchor] = node
        elif kind is MappingStartEvent or kind is SequenceStartEvent:
            line = ev.start_mark.line + 1
            if len(stack) >= MAX_DEPTH:
                problems.append(Problem(path, line, f"YAML nested more than {MAX_DEPTH} levels deep; refused "
                                                    "(a glossary needs 6)"))
                return None
            tag = "map" if kind is MappingStartEvent else "seq"
            if ev.tag not in _COLLECTION_TAGS[tag]:
                problems.append(Problem(path, line, f"unsupported YAML tag {_show_tag(ev.tag)}: a glossary holds "
                                                    "only text, lists and mappings"))
                bad_tags = True
            n_nodes += 1
            stack.append([Node({} if tag == "map" else [], line, tag), None, ev.anchor])
            if ev.anchor is not None:
                open_anchors.add(ev.anchor)
            continue
        elif kind is MappingEndEvent or kind is SequenceEndEvent:
            node, _, anchor = stack.pop()
            if anchor is not None:
                anchors[anchor] = node
                open_anchors.discard(anchor)
        elif kind is AliasEvent:
            line = ev.start_mark.line + 1
            node = anchors.get(ev.anchor)
            if node is None:
                why = "refers to a value that contains it (a recursive alias)" if ev.anchor in open_anchors \
                    else "has no anchor &" + ev.anchor + " before it"
                problems.append(Problem(path, line, f"invalid YAML: alias *{ev.anchor} {why}"))
                return None
            repeated += node.size
            if repeated > ALIAS_ALLOWANCE + n_nodes:
                # "billion laughs": nested aliases that repeat a few values into billions
                problems.append(Problem(path, line, f"YAML aliases expand to more than {repeated:,} repeated values "
                                                    f"(the file itself holds {n_nodes:,}); refused as an alias bomb: "
                                                    f"*{ev.anchor} here alone stands for {node.size:,}"))
                return None
        elif kind is DocumentStartEvent:
            documents += 1
            if documents > 1:
                problems.append(Problem(path, ev.start_mark.line + 1, "a second YAML document (after ---): "
                                                                      "a glossary file holds one"))
                return None
            continue
        else:  # stream and document ends
            continue
        if not stack:
            root = node
            continue
        frame = stack[-1]
        parent = frame[0]
        parent.size += node.size
        if parent.tag == "seq":
            parent.value.append(node)
        elif frame[1] is None:
            frame[1] = node
        else:
            _set_item(parent, frame[1], node, path, problems)
            frame[1] = None
    return None if bad_tags else root


def _set_item(mapping: Node, key: Node, value: Node, path: str, problems: list[Problem]) -> None:
    if key.tag != "str":
        problems.append(Problem(path, key.line, f"mapping key must be a plain string, got {_what(key)}"))
        return
    name = key.value
    if name == "<<":
        problems.append(Problem(path, key.line, "YAML merge keys (<<) are not supported: write the keys out"))
        return
    first = mapping.value.get(name)
    if first is not None:
        problems.append(Problem(path, key.line, f"duplicate key {name!r} (first on line {first[0].line})"))
        return
    mapping.value[name] = (key, value)


def read_yaml_glossary(path: Path, problems: list[Problem]) -> list[Concept]:
    text = read_utf8(path, problems)
    if text is None:
        return []
    n_before = len(problems)
    root = parse_yaml(text, str(path), problems)
    if root is None:
        if len(problems) == n_before:
            problems.append(Problem(str(path), 1, "the file is empty (or only comments): expected 'concepts:' "
                                                  "with a list of concepts"))
        return []
    if root.tag != "map" or "concepts" not in root.value:
        got = f"got {_what(root)}" if root.tag != "map" else \
            f"got the keys {', '.join(repr(k) for k in root.value) or 'none'}"
        problems.append(Problem(str(path), root.line, f"expected a mapping with a 'concepts' list at the top, {got}"))
        return []
    seq = root.value["concepts"][1]
    if seq.tag != "seq":
        problems.append(Problem(str(path), seq.line, f"'concepts' must be a list, got {_what(seq)}"))
        return []
    concepts = []
    for item in seq.value:
        concept = build_concept(_plain(item), str(path), problems)
        if concept is not None:
            concepts.append(concept)
    return concepts


def _plain(node: Node):
    """Turn Node trees into (value, line) pairs the schema builder understands."""
    if node.tag == "map":
        return {k: _plain(v) for k, (_, v) in node.value.items()}, node.line
    if node.tag == "seq":
        return [_plain(n) for n in node.value], node.line
    return node.value, node.line
