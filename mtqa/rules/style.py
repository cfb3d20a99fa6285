"""P001: half-width punctuation between Chinese characters (a house-style rule, off by default)."""
from __future__ import annotations


from ..findings import Applicability, Severity
from .base import LintContext, Rule
from .textutil import CJK, lazy_re

FULL_WIDTH = {",": "，", "?": "？", "!": "！", ":": "：", ";": "；", "(": "（", ")": "）"}
# Half-width punctuation with Chinese on the side that matters (both sides for , ? ! : ;).
HALF = lazy_re(f"(?<=[{CJK}])[,?!:;](?=[{CJK}“‘])|(?<=[{CJK}])\\((?=[{CJK}])|(?<=[{CJK}])\\)")


def check_halfwidth(ctx: LintContext):
    for m in HALF.finditer(ctx.doc.text):
        ch = m.group()
        yield ctx.finding(
            HALFWIDTH, m.start(), m.end(), f"half-width '{ch}' between Chinese characters; use '{FULL_WIDTH[ch]}'",
            suggestion=FULL_WIDTH[ch], applicability=Applicability.SAFE,
        )


HALFWIDTH = Rule(
    code="P001", name="halfwidth-punctuation", severity=Severity.INFO,
    summary="Half-width punctuation between Chinese characters (, ? : ( ) → full width). Off by default.",
    explanation=(
        "Chinese typesetting uses full-width punctuation. Half-width , ? ! : ; between Chinese\n"
        "characters, and brackets around Chinese text, are flagged. Many outlets normalise to\n"
        "half-width on purpose, so this rule is off unless selected (--select P001 or in config)."
    ),
    example="因此,他说 → 因此，他说", check=check_halfwidth, needs_glossary=False, default=False, fix="safe",
)
