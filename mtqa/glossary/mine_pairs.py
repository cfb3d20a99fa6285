"""Bracket pairs for `mine`: "中文译名(Latin Name)" and "Latin Name(中文译名)" in a corpus document."""
from __future__ import annotations

import re
from dataclasses import dataclass

from .mine_corpus import Doc

CLOSE_QUOTES = "”\"’'」』》"


@dataclass
class Pair:
    zh: str  # Simplified
    latin: str
    kind: str  # person, org, other (from the Chinese side)
    doc: Doc
    zh_start: int  # where the Chinese form starts in the text


def find_pairs(doc: Doc) -> list[Pair]:
    from .mine_names import (LATIN_NAME, LATIN_WORD, ORG_WORDS, dotted_name_before, plausible_latin_name,
                             undotted_name_before)

    out = []
    s = doc.simp
    for m in re.finditer(r"[(（]", s):
        p = m.start()
        close = re.compile(r"[)）]").search(s, p + 1, p + 120)
        if close is None:
            continue
        inside = s[p + 1:close.start()]
        q = p - 1 if p > 0 and s[p - 1] == " " else p
        # 中文(Latin Name[, more]) — the Latin name runs to a separator or the bracket's end
        latin_m = LATIN_NAME.match(inside.strip())
        if latin_m and q > 0 and re.match(r"[\u4e00-\u9fff]", s[q - 1]):
            rest = inside.strip()[latin_m.end():]
            latin = latin_m.group().strip()
            if (not rest or rest[0] in ",，、;；:：") and plausible_latin_name(latin):
                span = dotted_name_before(s, q)
                kind = "person" if span else None
                if span is None:
                    found = undotted_name_before(s, q)
                    if found:
                        span, kind = found[:2], found[2]
                if span and any(w.lower() in ORG_WORDS for w in latin.split()):
                    kind = "org"
                if span:
                    out.append(Pair(s[span[0]:span[1]], latin, kind, doc, span[0]))
            continue
        # Latin Name(中文译名) — the whole bracket is the Chinese form
        zh = inside.strip()
        if re.fullmatch(r"[\u4e00-\u9fff·・•‧\-]{2,15}", zh):
            before = s[max(0, q - 90):q].rstrip(CLOSE_QUOTES).rstrip()
            latin_run = re.search(rf"(?:{LATIN_WORD} )*{LATIN_WORD}$", before)
            if not latin_run:
                continue
            words = latin_run.group().split(" ")
            n_parts = len(re.split("[·・•‧]", zh))
            if n_parts > 1:
                words = words[-n_parts:]
            while words and not any(c.isupper() or c.isdigit() for c in words[0]):
                words = words[1:]
            latin = " ".join(words[-6:])
            if latin and plausible_latin_name(latin):
                kind = "person" if n_parts > 1 else "other"
                out.append(Pair(zh, latin, kind, doc, p + 1 + inside.index(zh)))
    return out
