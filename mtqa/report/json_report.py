"""JSON: a list of findings with the stable keys documented in the README."""
from __future__ import annotations

import json


def render(results, stream) -> None:
    findings = [f.to_dict() for _, fs in results for f in fs]
    json.dump(findings, stream, ensure_ascii=False, indent=2)
    stream.write("\n")
