"""SARIF 2.1.0, for GitHub code scanning and other viewers.

One run; the driver lists every rule with its documentation and default level; each
result points at the hit (line and column in Unicode code points, `columnKind` says so)
and carries the fix as a SARIF replacement. Relative paths are relative to %SRCROOT%,
the current folder (a repository's root in CI).
"""
from __future__ import annotations

import json
import os
from pathlib import Path
from urllib.parse import quote

from .. import __version__

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
LEVEL = {"error": "error", "warning": "warning", "info": "note"}
FAMILY = {"T": "terminology", "C": "consistency", "N": "names", "M": "suppression"}


def _uri(path: str) -> dict:
    p = Path(path)
    if p.is_absolute():
        return {"uri": p.as_uri()}
    return {"uri": quote(p.as_posix()), "uriBaseId": "%SRCROOT%"}


def rule_descriptor(rule) -> dict:
    doc = f"{rule.summary}\n\n{rule.explanation}\n\nExample: {rule.example}"
    return {
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": rule.summary},
        "fullDescription": {"text": rule.explanation.replace("\n", " ")},
        "help": {
            "text": doc,
            "markdown": f"{rule.summary}\n\n{rule.explanation.replace(chr(10), ' ')}\n\n"
                        f"**Example:** `{rule.example}`\n\nFix: {rule.fix}. `mtqa explain {rule.code}` says more.",
        },
        "defaultConfiguration": {"level": LEVEL[rule.severity.value], "enabled": rule.default},
        "properties": {"tags": ["translation", FAMILY.get(rule.code[:1], "style")], "fix": rule.fix},
    }


def _region(doc, start: int, end: int) -> dict:
    sl, sc = doc.position(start)
    el, ec = doc.position(end)
    return {"startLine": sl, "startColumn": sc, "endLine": el, "endColumn": ec}


def result(doc, f, rule_index: dict) -> dict:
    region = _region(doc, f.start, f.end)
    region["snippet"] = {"text": f.found}
    out = {
        "ruleId": f.rule,
        "level": LEVEL[f.severity.value],
        "message": {"text": f.message},
        "locations": [{"physicalLocation": {"artifactLocation": _uri(f.path), "region": region}}],
        "properties": {"severity": f.severity.value, "found": f.found, "suggestion": f.suggestion,
                       "concept": f.concept, "fix": None if f.fix is None else f.fix.applicability.value},
    }
    if f.rule in rule_index:
        out["ruleIndex"] = rule_index[f.rule]
    if f.fix is not None:
        out["fixes"] = [{
            "description": {"text": f"Replace '{f.found}' with '{f.suggestion}' ({f.fix.applicability.value} fix)"},
            "artifactChanges": [{
                "artifactLocation": _uri(f.path),
                "replacements": [{"deletedRegion": _region(doc, e.start, e.end), "insertedContent": {"text": e.replacement}}
                                 for e in f.fix.edits],
            }],
        }]
    return out


def sarif_log(results) -> dict:
    """The whole log as one dict (for small runs and tests; `render` streams)."""
    log, index = _log_head(), _rule_index()
    log["runs"][0]["results"] = [result(doc, f, index) for doc, findings in results for f in findings]
    return log


def _rule_index() -> dict:
    from ..config import registry

    return {r.code: i for i, r in enumerate(registry())}


def _log_head() -> dict:
    from ..config import registry

    rules = registry()
    return {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {
                "name": "mtqa",
                "version": __version__,
                "rules": [rule_descriptor(r) for r in rules],
            }},
            "originalUriBaseIds": {"%SRCROOT%": {"uri": Path(os.getcwd()).as_uri() + "/"}},
            "columnKind": "unicodeCodePoints",
            "results": [],
        }],
    }


RESULTS_AT = 6  # the column of `"results": [` in the pretty-printed log


def render(results, stream) -> None:
    """The log with its results streamed in place of the empty list `_log_head` holds."""
    from .json_report import write_array

    text = json.dumps(_log_head(), ensure_ascii=False, indent=2)
    marker = '\n' + ' ' * RESULTS_AT + '"results": []'
    head, tail = text.split(marker)
    stream.write(head + marker[:-2])
    index = _rule_index()
    write_array((result(doc, f, index) for doc, findings in results for f in findings), stream, indent=RESULTS_AT)
    stream.write(tail + "\n")
