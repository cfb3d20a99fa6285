"""Read glossary YAML with line numbers (PyYAML's C composer: fast, and keeps marks)."""
from __future__ import annotations

from pathlib import Path

from ..errors import Problem
from .model import Concept, Term
from .schema import build_concept

try:  # libyaml is in every PyYAML wheel; the pure-Python loader is the fallback
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover
    from yaml import SafeLoader as _Loader


class Node:
    """A parsed YAML value with the 1-based line it starts on."""

    __slots__ = ("value", "line", "tag")

    def __init__(self, value, line: int, tag: str = ""):
        self.value = value
        self.line = line
        self.tag = tag


def _convert(node, path: str, problems: list[Problem]) -> Node:
    import yaml

    line = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        out: dict[str, tuple[Node, Node]] = {}
        for key_node, value_node in node.value:
            key = _convert(key_node, path, problems)
            if not isinstance(key.value, str):
                problems.append(Problem(path, key.line, f"mapping key must be a string, got {key.value!r}"))
                continue
            if key.value in out:
                problems.append(Problem(path, key.line, f"duplicate key {key.value!r}"))
                continue
            out[key.value] = (key, _convert(value_node, path, problems))
        return Node(out, line, "map")
    if isinstance(node, yaml.SequenceNode):
        return Node([_convert(n, path, problems) for n in node.value], line, "seq")
    tag = node.tag.rsplit(":", 1)[-1]
    raw = node.value
    if tag == "int":
        try:
            return Node(int(raw.replace("_", ""), 0), line, "int")
        except ValueError:
            pass
    if tag == "null" and node.style is None:
        return Node(None, line, "null")
    return Node(raw, line, "str" if tag in ("str", "int", "float", "bool", "null") else tag)


def parse_yaml(text: str, path: str, problems: list[Problem]) -> Node | None:
    import yaml

    try:
        node = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        problems.append(Problem(path, line, f"invalid YAML: {exc.problem or exc}"))
        return None
    except yaml.YAMLError as exc:
        problems.append(Problem(path, None, f"invalid YAML: {exc}"))
        return None
    if node is None:
        return None
    return _convert(node, path, problems)


def read_yaml_glossary(path: Path, problems: list[Problem]) -> list[Concept]:
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as exc:
        problems.append(Problem(str(path), None, f"not UTF-8 (byte {exc.start})"))
        return []
    except OSError as exc:
        problems.append(Problem(str(path), None, f"cannot read: {exc.strerror}"))
        return []
    root = parse_yaml(text, str(path), problems)
    if root is None:
        return []
    if root.tag != "map" or "concepts" not in root.value:
        problems.append(Problem(str(path), root.line, "expected a mapping with a 'concepts' list at the top"))
        return []
    seq = root.value["concepts"][1]
    if seq.tag != "seq":
        problems.append(Problem(str(path), seq.line, "'concepts' must be a list"))
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
