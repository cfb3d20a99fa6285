"""The corpus `mine` reads: articles with pinyin notes removed, a Simplified twin, and evidence lookups."""
from __future__ import annotations

import re
from dataclasses import dataclass

from .keys import has_han

# Pinyin written after a character, as some machine output does: 執(zhí)行官.
PINYIN_NOTE = re.compile(r"(?<=[\u4e00-\u9fff])[(（][a-zü]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ][a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]*[)）]")


@dataclass
class Doc:
    path: str
    text: str  # pinyin notes removed, original script
    simp: str  # the same text in Simplified characters, offset for offset


def simplified_aligned(text: str) -> str:
    """`text` in Simplified characters with the same length (character by character when phrases would shift it)."""
    from ..script import to_simplified

    simp = to_simplified(text)
    if len(simp) == len(text):
        return simp
    chars = sorted(set(text))
    mapped = to_simplified("\n".join(chars)).split("\n")
    table = {c: m for c, m in zip(chars, mapped) if len(m) == 1}
    return "".join(table.get(c, c) for c in text)


def load_corpus(paths) -> list[Doc]:
    from ..document import read_document
    from ..lint import iter_files

    docs = []
    for f in iter_files(paths):
        text = PINYIN_NOTE.sub("", read_document(f).text)
        docs.append(Doc(str(f), text, simplified_aligned(text)))
    return docs


def occurrences(docs: list[Doc], term: str) -> list[tuple[Doc, int]]:
    """(doc, offset) of every occurrence of `term`: Chinese in the Simplified text, Latin on word boundaries."""
    out = []
    if has_han(term):
        for d in docs:
            i = d.simp.find(term)
            while i >= 0:
                out.append((d, i))
                i = d.simp.find(term, i + len(term))
    else:
        rx = re.compile(rf"(?<![A-Za-z0-9]){re.escape(term)}(?![A-Za-z0-9])", re.IGNORECASE)
        for d in docs:
            out.extend((d, m.start()) for m in rx.finditer(d.text))
    return out


def context(doc: Doc, start: int, length: int, width: int = 14) -> str:
    a, b = max(0, start - width), min(len(doc.text), start + length + width)
    snippet = doc.text[a:start] + "【" + doc.text[start:start + length] + "】" + doc.text[start + length:b]
    return ("…" if a else "") + " ".join(snippet.split()) + ("…" if b < len(doc.text) else "")
