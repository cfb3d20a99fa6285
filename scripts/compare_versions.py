"""Which installed releases differ from a constraints file (for `MTQA_DEPS=latest bash scripts/test.sh`).

    pip list --format=freeze | python scripts/compare_versions.py constraints/test.txt

Prints `pinned: name==x` / `latest: name==y` for each package whose version differs or that only
one side has, names compared as PEP 503 normalizes them; pip and setuptools, which come with a
virtual environment, are left out.
"""
from __future__ import annotations

import re
import sys

UNPINNED = {"pip", "setuptools"}


def versions(lines) -> dict[str, tuple[str, str]]:
    """normalized name -> (name as written, version) of every `name==version` line."""
    out = {}
    for line in lines:
        line = line.split("#", 1)[0].strip()
        if "==" in line:
            name, version = (part.strip() for part in line.split("==", 1))
            out[re.sub(r"[-_.]+", "-", name).lower()] = (name, version)
    return out


def main() -> None:
    with open(sys.argv[1], encoding="utf-8") as fh:
        pinned = versions(fh)
    installed = versions(sys.stdin)
    changed = False
    for key in sorted(set(pinned) | set(installed)):
        if key in UNPINNED or pinned.get(key, (0, None))[1] == installed.get(key, (0, None))[1]:
            continue
        changed = True
        if key in pinned:
            print(f"  pinned: {pinned[key][0]}=={pinned[key][1]}")
        if key in installed:
            print(f"  latest: {installed[key][0]}=={installed[key][1]}")
    if not changed:
        print("  (the same versions as the constraints file)")


if __name__ == "__main__":
    main()
