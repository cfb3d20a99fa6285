"""A form that is mentioned, not used: 又译X, （台湾称X）, 误作“X”, X一词.

Translators' prose names the wrong or foreign rendering on purpose ("Meta, 又译元, …"); that
is no error and no second rendering. The cue words are data (data/mention_cues.txt); a cue
counts right before the form or right after it, with quotes or brackets between.
"""
from __future__ import annotations

import re
from functools import lru_cache

QUOTES = "“”\"'‘’「」『』《》〈〉（）()\\s"
REACH = 12  # characters looked at on each side of a form


@lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern, re.Pattern, frozenset, frozenset]:
    """The before and after patterns, and the characters a before-cue ends with and an
    after-cue starts with (a cheap test that rules out almost every hit)."""
    from .data import sections as read_sections

    sections = read_sections("mention_cues.txt")

    def alternation(words):
        return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))

    before = re.compile(f"(?:{alternation(sections['before'])})[{QUOTES}]*$")
    after = re.compile(f"^[{QUOTES}]*(?:{alternation(sections['after'])})")
    return before, after, frozenset(w[-1] for w in sections["before"]), frozenset(w[0] for w in sections["after"])


_QUOTE_CHARS = frozenset("“”\"'‘’「」『』《》〈〉（）() \t\u3000")


def is_mention(text: str, start: int, end: int) -> bool:
    """Is text[start:end] mentioned (a cue word right before or after it) rather than used?"""
    before, after, last_chars, first_chars = _patterns()
    i = start - 1
    while i >= 0 and text[i] in _QUOTE_CHARS:
        i -= 1
    if i >= 0 and text[i] in last_chars and before.search(text, max(0, start - REACH), start):
        return True
    j, n = end, len(text)
    while j < n and text[j] in _QUOTE_CHARS:
        j += 1
    return j < n and text[j] in first_chars and bool(after.match(text[end:end + REACH]))
