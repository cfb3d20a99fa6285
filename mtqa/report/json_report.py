"""JSON: a list of findings with the stable keys documented in the README.

Written one finding at a time (the same text `json.dump(list, indent=2)` gives), so a
million findings never sit in memory as one list.
"""
from __future__ import annotations

import json

BATCH = 1000  # findings per call of the C encoder: fast, and a section's worth never sits in memory at once


def render(results, stream) -> None:
    write_flat_batches(_batches(results), stream)
    stream.write("\n")


def _batches(results):
    for _, findings in results:
        findings = findings if isinstance(findings, list) else list(findings)
        for i in range(0, len(findings), BATCH):
            yield [f.to_dict() for f in findings[i:i + BATCH]]


def write_flat_batches(batches, stream) -> None:
    """What write_array(items, indent=0, flat=True) writes, for items given in lists (up to
    BATCH of a document's findings): each list is one call of the C encoder, not one per finding."""
    pad = "  "
    sep = ",\n" + pad + "  "
    encode = json.JSONEncoder(ensure_ascii=False, separators=(sep, ": ")).encode
    between = "}" + sep + "{"  # only between two items: a value never starts with '{' (flat) and a
    # string never holds a raw line break (the encoder escapes it)
    joined = "\n" + pad + "},\n" + pad + "{\n" + pad + "  "
    first = True
    for batch in batches:
        if not batch:
            continue
        body = encode(batch)[2:-2].replace(between, joined)  # drop '[{' and '}]'
        stream.write(("[\n" if first else ",\n") + pad + "{\n" + pad + "  " + body + "\n" + pad + "}")
        first = False
    stream.write("[]" if first else "\n]")


def write_array(items, stream, indent: int, flat: bool = False) -> None:
    """Write `items` as a JSON array whose `[` is at column `indent`, pretty-printed with
    2-space steps like json.dump(indent=2) would at that depth. `flat`: every item is a
    non-empty dict of scalars, which the C encoder can pretty-print ten times faster."""
    pad = " " * (indent + 2)
    encode_flat = json.JSONEncoder(ensure_ascii=False, separators=(",\n" + pad + "  ", ": ")).encode
    first = True
    for item in items:
        if flat:  # the C encoder with newline separators writes what indent=2 would
            body = "{\n" + pad + "  " + encode_flat(item)[1:-1] + "\n" + pad + "}"
        else:
            body = json.dumps(item, ensure_ascii=False, indent=2).replace("\n", "\n" + pad)
        stream.write(("[\n" if first else ",\n") + pad + body)
        first = False
    stream.write("[]" if first else "\n" + " " * indent + "]")
