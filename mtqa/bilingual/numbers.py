"""Numbers in English and Chinese text, as exact values, so 14.3 billion = 143亿.

English: digits with thousands commas and decimals, magnitude words and abbreviations
(billion, bn, $2B, $500m, 10k), spelled-out numbers (six hundred, a billion), month names.
Chinese: digits with 万/亿/千/百 (1.5万亿, 100多万, 1亿2000万), Chinese numerals (六百, 两千五,
一点五亿, 百分之二十五) and digit-by-digit years (二〇二五年).

Every number carries two flags that make the comparison quiet where it must be:
- `required` (source side): a number written with digits, or a spelled-out one of 100 or more,
  must show up in the target. Small spelled-out numbers (two), ordinals (first), month names and
  numbers glued to Latin letters (GPT-4, Q3, FY2025, 5nm) only *excuse* target numbers.
- `countable` (target side): only numbers written with digits and not part of an identifier can be
  "extra" in the target; Chinese numerals are everywhere in ordinary words (一些, 统一, 三星), so they
  only ever satisfy a source number.
Signs are ignored (fell 5% = 下降5%); a year is a number like any other (2025 = 2025年).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

# Full-width digits, letters and signs to ASCII (length-preserving, case kept: 5M is not 5m).
_WIDTH = {c: c - 0xFEE0 for c in range(0xFF01, 0xFF5F)} | {0xA0: 0x20, 0x3000: 0x20}
# URLs, e-mail addresses and versions (1.2.3) are not numbers to compare.
_SKIP = re.compile(r"(?:https?|ftp)://\S+|www\.\S+|[\w.%+-]+@[\w-]+(?:\.[\w-]+)+|\d+(?:\.\d+){2,}")

# ---- English -------------------------------------------------------------------
_CURRENCY = r"(?:US\$|HK\$|NT\$|A\$|C\$|S\$|RMB ?|CNY ?|USD ?|EUR ?|[$€£¥￥])"
_DIGITS = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+"
_WORD_MAG = {"hundred": 10**2, "thousand": 10**3, "million": 10**6, "billion": 10**9, "trillion": 10**12,
             "mn": 10**6, "mln": 10**6, "bn": 10**9, "tn": 10**12, "trn": 10**12}
# Single letters: k/K always, M and B uppercase (or with a currency), m and b only with a currency.
_LETTER_MAG = {"k": 10**3, "K": 10**3, "M": 10**6, "B": 10**9, "m": 10**6, "b": 10**9}
_NUMBER = re.compile(
    rf"(?P<cur>{_CURRENCY})?(?P<num>{_DIGITS})"
    r"(?:(?P<sp>[ \u00a0]?)(?P<mag>(?i:hundred|thousand|million|billion|trillion|mln|mn|bn|trn|tn))(?![A-Za-z])"
    r"|(?P<letter>[kKMBmb])(?![A-Za-z]))?"
)

_UNITS = {w: i for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
    "sixteen seventeen eighteen nineteen".split())}
_TENS = {w: 10 * i for i, w in enumerate("_ _ twenty thirty forty fifty sixty seventy eighty ninety".split()) if w != "_"}
_SCALES = {"hundred": 100, "thousand": 10**3, "million": 10**6, "billion": 10**9, "trillion": 10**12}
_NUMBER_WORD = "|".join(sorted([*_UNITS, *_TENS, *_SCALES, "a", "an", "and", "dozen"], key=len, reverse=True))
_WORDS = re.compile(rf"(?<![A-Za-z])(?:{_NUMBER_WORD})(?:[ -](?:{_NUMBER_WORD}))*(?![A-Za-z])", re.IGNORECASE)
_ORDINALS = {w: i + 1 for i, w in enumerate("first second third fourth fifth sixth seventh eighth ninth tenth".split())}
_ORDINAL = re.compile(r"(?<![A-Za-z])(" + "|".join(_ORDINALS) + r")(?![A-Za-z])", re.IGNORECASE)
_MONTHS = {m: i + 1 for i, m in enumerate(
    "January February March April May June July August September October November December".split())}
_MONTH_ABBR = {m[:3]: n for m, n in _MONTHS.items()} | {"Sept": 9}
_MONTH = re.compile(r"(?<![A-Za-z])(" + "|".join([*_MONTHS, *_MONTH_ABBR]) + r")(?![a-z])")

# ---- Chinese -------------------------------------------------------------------
_CN_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_CN_UNITS = {"十": 10, "百": 100, "千": 1000}
_CN_BIG = {"万": 10**4, "亿": 10**8}
_CN_MAG = {**_CN_UNITS, **_CN_BIG}
_D = "零〇一二两三四五六七八九"
_ZH_DIGITS = re.compile(
    rf"(?P<num>{_DIGITS})(?P<more>[多余])?"
    r"(?: ?(?P<cnmag>[十百千万亿]+)"
    r"|[ \u00a0]?(?P<mag>(?i:hundred|thousand|million|billion|trillion|mln|mn|bn|trn|tn))(?![A-Za-z])"
    r"|(?P<letter>[kKMB])(?![A-Za-z]))?"
)
_ZH_PERCENT = re.compile(rf"百分之(?P<n>[{_D}十百千]+(?:点[{_D}]+)?|{_DIGITS})")
_ZH_YEAR = re.compile(rf"[{_D}]{{2,4}}(?=年)")
_ZH_NUMERAL = re.compile(rf"[{_D}十][{_D}十百千万亿]*(?:点[{_D}]+[万亿]*)?")


@dataclass(frozen=True, slots=True)
class Number:
    """A number found in text: its exact value and where it was written."""

    value: Decimal
    start: int
    end: int
    text: str
    required: bool = True  # source side: must appear in the target
    countable: bool = True  # target side: may be reported as extra


@dataclass(frozen=True, slots=True)
class NumberDiff:
    missing: list[Number]  # source numbers with no equal value in the target
    extra: list[Number]  # target numbers (digits) with no equal value in the source

    def __bool__(self) -> bool:
        return bool(self.missing or self.extra)


def _dec(text: str) -> Decimal:
    return Decimal(text.replace(",", ""))


def _masked(text: str) -> str:
    """`text` with full-width characters made ASCII and URLs and version strings blanked out."""
    out = text.translate(_WIDTH)
    if "." in out or "@" in out:
        out = _SKIP.sub(lambda m: " " * len(m.group()), out)
    return out


def _glued(text: str, start: int, end: int) -> bool:
    """Digits that belong to an identifier: GPT-4, H100, Q3, FY2025, 5nm, 1990s, 4o."""
    before = text[start - 1] if start else ""
    if before.isascii() and before.isalpha():
        return True
    if before in "-_." and start >= 2 and text[start - 2].isascii() and text[start - 2].isalpha():
        return True
    after = text[end] if end < len(text) else ""
    return after.isascii() and after.isalpha()


class _Found:
    """Numbers found so far, and which characters they already cover (a later pattern skips those)."""

    def __init__(self, length: int):
        self.numbers: list[Number] = []
        self.taken = bytearray(length)

    def add(self, n: Number) -> None:
        self.numbers.append(n)
        self.taken[n.start:n.end] = b"\x01" * (n.end - n.start)

    def free(self, start: int, end: int) -> bool:
        return self.taken.find(1, start, end) == -1

    def in_order(self) -> list[Number]:
        return sorted(self.numbers, key=lambda n: n.start)


# ---- English -------------------------------------------------------------------
def english_numbers(text: str) -> list[Number]:
    """Every number in an English text, with its value."""
    t = _masked(text)
    found = _Found(len(t))
    add, free = found.add, found.free

    for m in _NUMBER.finditer(t):
        num_start = m.start("num")
        if num_start >= 2 and t[num_start - 1] == "." and t[num_start - 2].isdigit():
            continue  # the tail of a dotted identifier the version mask missed
        value = _dec(m.group("num"))
        start, end = m.span()
        mag, letter = m.group("mag"), m.group("letter")
        if letter and not (m.group("cur") or letter in "kKMB"):
            letter, end = None, m.end("num")  # 5m is five metres unless it is money
        if mag:
            value *= _WORD_MAG[mag.lower()]
        elif letter:
            value *= _LETTER_MAG[letter]
        glued = not (mag or letter) and _glued(t, num_start, end)
        add(Number(value, start, end, text[start:end], required=not glued))
    for m in _WORDS.finditer(t):
        if not free(m.start(), m.end()):
            continue
        for start, end in _word_phrases(t, m.start(), m.end()):
            parsed = _parse_english_words(t[start:end])
            if parsed is not None:
                value, has_scale = parsed
                add(Number(Decimal(value), start, end, text[start:end], required=value >= 100 or has_scale))
    for rx, table in ((_ORDINAL, _ORDINALS), (_MONTH, {**_MONTHS, **_MONTH_ABBR})):
        for m in rx.finditer(t):
            if free(m.start(), m.end()):
                key = m.group(1) if table is not _ORDINALS else m.group(1).lower()
                add(Number(Decimal(table[key]), m.start(), m.end(), text[m.start():m.end()], required=False))
    return found.in_order()


_AND = re.compile(r"(?<![A-Za-z])and(?![A-Za-z])", re.IGNORECASE)


def _word_phrases(t: str, start: int, end: int):
    """Split a run of number words at an 'and' that joins two numbers (two and three), not one
    inside a number (two hundred and five)."""
    spans = []
    for m in _AND.finditer(t, start, end):
        before = t[start:m.start()].split()
        if before and before[-1].lower().strip("-") not in _SCALES:
            spans.append((start, m.start()))
            start = m.end()
    spans.append((start, end))
    for a, b in spans:
        while a < b and t[a] in " -":
            a += 1
        while b > a and t[b - 1] in " -":
            b -= 1
        if a < b:
            yield a, b


def _parse_english_words(phrase: str) -> tuple[int, bool] | None:
    """'six hundred' → (600, True); 'twenty-five' → (25, False); 'a' alone, 'and' alone → None."""
    words = [w for w in re.split(r"[ -]", phrase.lower()) if w]
    while words and words[0] == "and":
        words.pop(0)
    while words and words[-1] in ("and", "a", "an"):
        words.pop()
    if not words:
        return None
    total, current, has_scale, seen_number = 0, 0, False, False
    for i, w in enumerate(words):
        if w in ("a", "an"):
            nxt = words[i + 1] if i + 1 < len(words) else ""
            if nxt not in _SCALES and nxt != "dozen":
                return None if not seen_number else (total + current, has_scale)
            current = max(current, 1)
            continue
        if w == "and":
            continue
        if w in _UNITS:
            current += _UNITS[w]
        elif w in _TENS:
            current += _TENS[w]
        elif w == "dozen":
            current = (current or 1) * 12
        elif w == "hundred":
            current = (current or 1) * 100
            has_scale = True
        else:
            total += (current or 1) * _SCALES[w]
            current = 0
            has_scale = True
        seen_number = True
    if not seen_number:
        return None
    return total + current, has_scale


# ---- Chinese -------------------------------------------------------------------
def chinese_numbers(text: str) -> list[Number]:
    """Every number in a Chinese text, with its value; adjacent parts are joined (1亿2000万)."""
    t = _masked(text)
    found = _Found(len(t))
    add, free = found.add, found.free

    for m in _ZH_PERCENT.finditer(t):
        value = _chinese_or_digits(m.group("n"))
        if value is not None:
            add(Number(value, m.start(), m.end(), text[m.start():m.end()], countable=False))
    digit_parts: list[tuple[Number, int]] = []  # (number, its smallest magnitude unit)
    for m in _ZH_DIGITS.finditer(t):
        if not free(m.start(), m.end()):
            continue
        value = _dec(m.group("num"))
        unit = 1
        end = m.end()
        if m.group("cnmag"):
            mag = m.group("cnmag")
            for ch in mag:
                unit *= _CN_MAG[ch]
            value *= unit
        elif m.group("mag"):
            value *= _WORD_MAG[m.group("mag").lower()]
        elif m.group("letter"):
            value *= _LETTER_MAG[m.group("letter")]
        else:
            end = m.end("num")
        glued = not (m.group("cnmag") or m.group("mag") or m.group("letter")) and _glued(t, m.start(), end)
        digit_parts.append((Number(value, m.start(), end, text[m.start():end], countable=not glued), unit))
    for n in _join_parts(digit_parts, text):
        add(n)
    for m in _ZH_YEAR.finditer(t):
        if free(m.start(), m.end()):
            value = Decimal("".join(str(_CN_DIGITS[c]) for c in m.group()))
            add(Number(value, m.start(), m.end(), text[m.start():m.end()], countable=False))
    for m in _ZH_NUMERAL.finditer(t):
        if not free(m.start(), m.end()):
            continue
        value = parse_chinese_numeral(m.group())
        if value is not None:
            add(Number(value, m.start(), m.end(), text[m.start():m.end()], countable=False))
    return found.in_order()


def _join_parts(parts: list[tuple[Number, int]], text: str) -> list[Number]:
    """1亿2000万 → one number: a part right after a 亿/万 part and smaller than its unit is added to it."""
    out: list[Number] = []
    prev_unit = 0
    for n, unit in parts:
        if out and prev_unit >= 10**4 and out[-1].end == n.start and n.value < prev_unit:
            head = out.pop()
            n = Number(head.value + n.value, head.start, n.end, text[head.start:n.end], countable=head.countable)
        out.append(n)
        prev_unit = unit
    return out


def _chinese_or_digits(s: str) -> Decimal | None:
    try:
        return _dec(s)
    except InvalidOperation:
        return parse_chinese_numeral(s)


def parse_chinese_numeral(s: str) -> Decimal | None:
    """六百 → 600, 一千二百三十四 → 1234, 两千五 → 2500, 三亿五千万 → 350000000, 一点五亿 → 150000000."""
    if "点" in s:
        whole, _, rest = s.partition("点")
        digits = "".join(str(_CN_DIGITS[c]) for c in rest if c in _CN_DIGITS)
        mags = rest[len(digits):]
        base = _parse_int(whole) if whole else 0
        if base is None or not digits:
            return None
        value = Decimal(f"{base}.{digits}")
        for ch in mags:
            value *= _CN_BIG[ch]
        return value
    n = _parse_int(s)
    return None if n is None else Decimal(n)


def _parse_int(s: str) -> int | None:
    if not s:
        return None
    if "亿" in s:
        i = s.rindex("亿")
        left = _parse_int(s[:i]) if s[:i] else 1
        right = _parse_below(s[i + 1:], 10**8)
        return None if left is None or right is None else left * 10**8 + right
    if "万" in s:
        i = s.index("万")
        left = _parse_small(s[:i]) if s[:i] else 1
        right = _parse_below(s[i + 1:], 10**4)
        return None if left is None or right is None else left * 10**4 + right
    return _parse_small(s)


def _parse_below(s: str, unit: int) -> int | None:
    """What follows 亿 or 万; a lone digit is shorthand for the next unit down (一万五 = 15000)."""
    if not s:
        return 0
    if len(s) == 1 and s in _CN_DIGITS:
        return _CN_DIGITS[s] * unit // 10
    rest = s.lstrip("零〇")
    return _parse_int(rest) if rest else 0


def _parse_small(s: str) -> int | None:
    """Below 10,000: 三百零五, 十五, 两千五 (shorthand), 九九 (digit by digit)."""
    if not s:
        return 0
    if all(c in _CN_DIGITS for c in s):
        return int("".join(str(_CN_DIGITS[c]) for c in s))
    total, number, last_unit = 0, None, None
    for c in s:
        if c in _CN_DIGITS:
            if number is not None and _CN_DIGITS[c] != 0:
                return None  # 三四百 (an estimate) or garbage
            number = _CN_DIGITS[c] if _CN_DIGITS[c] != 0 else None
            if c in "零〇":
                last_unit = None
        elif c in _CN_UNITS:
            unit = _CN_UNITS[c]
            if last_unit is not None and unit >= last_unit:
                return None
            total += (number if number is not None else 1) * unit
            number, last_unit = None, unit
        else:
            return None
    if number is not None:
        total += number * (last_unit // 10 if last_unit and last_unit > 10 else 1)
    return total


# ---- comparison ------------------------------------------------------------------
def compare_numbers(source: str, target: str) -> NumberDiff:
    """Source numbers missing from the target, and target numbers that match nothing in the source."""
    src = english_numbers(source)
    tgt = chinese_numbers(target)
    target_values = {n.value for n in tgt}
    source_values = {n.value for n in src}
    missing, seen = [], set()
    for n in src:
        if n.required and n.value not in target_values and n.value not in seen:
            missing.append(n)
            seen.add(n.value)
    extra, seen = [], set()
    for n in tgt:
        if n.countable and n.value not in source_values and n.value not in seen:
            extra.append(n)
            seen.add(n.value)
    return NumberDiff(missing, extra)


def format_chinese(value: Decimal) -> str:
    """A value the way Chinese news writes it: 143亿, 1.43亿, 1.5万亿, 30万, 600."""
    value = abs(value)
    for unit, name in ((Decimal(10**12), "万亿"), (Decimal(10**8), "亿"), (Decimal(10**4), "万")):
        if value >= unit:
            return f"{_plain(value / unit)}{name}"
    return _plain(value)


def format_value(value: Decimal) -> str:
    """14300000000 → '14,300,000,000'; 2.5 → '2.5'."""
    plain = _plain(value)
    whole, dot, frac = plain.partition(".")
    return f"{int(whole):,}{dot}{frac}"


def _plain(value: Decimal) -> str:
    text = format(value.normalize(), "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text
