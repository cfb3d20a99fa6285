"""How often the legacy-encoding guess is right, by text length.

    python benchmarks/bench_encoding_guess.py

Every line of the seeds and annotated sets (marks stripped), cut to N characters, is stored
as GB18030 (as written and in Traditional) and as Big5, then guessed. Printed per N: right,
uncertain (a warning is printed), wrong while certain (a silent misread: the figure to keep
at 0), and, as the reference, the rate of "the first codec that decodes" (GB18030).
"""
from __future__ import annotations

import glob
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
MARK = re.compile(r"\{\{(.+?)\|[A-Z][0-9]{3}(?:,[A-Z][0-9]{3})*\}\}", re.S)


def lines() -> list[str]:
    files = glob.glob(str(ROOT / "seeds" / "*.txt")) + glob.glob(str(ROOT / "tests" / "data" / "annotated*" / "*.txt"))
    out = []
    for f in files:
        text = MARK.sub(r"\1", Path(f).read_text(encoding="utf-8"))
        out.extend(line.strip() for line in text.splitlines() if len(line.strip()) >= 2)
    return out


def samples(n: int):
    from mtqa.script import to_traditional

    for line in lines():
        frag = line[:n]
        trad = to_traditional(frag)
        for text, encoding in ((frag, "gb18030"), (trad, "gb18030"), (trad, "big5")):
            try:
                data = text.encode(encoding)
                data.decode("utf-8")
                continue
            except UnicodeEncodeError:
                continue
            except UnicodeDecodeError:
                yield data, encoding


def main() -> None:
    from mtqa.encoding_guess import guess_legacy

    print(f"{'chars':>5} {'files':>6} {'right':>7} {'uncertain':>9} {'misread':>7} {'first-that-decodes':>18} {'µs/guess':>8}")
    for n in (1, 2, 3, 4, 6, 8, 12, 20, 40):
        right = uncertain = misread = first = total = 0
        t = time.perf_counter()
        for data, encoding in samples(n):
            total += 1
            guess = guess_legacy(data)
            if guess is not None and guess.encoding == encoding:
                right += 1
            elif guess is not None and not guess.uncertain:
                misread += 1
            uncertain += bool(guess and guess.uncertain)
            first += encoding == "gb18030"  # GB18030 decodes every Big5 byte string here
        us = (time.perf_counter() - t) / max(total, 1) * 1e6
        print(f"{n:>5} {total:>6} {right / total:>7.2%} {uncertain / total:>9.2%} {misread:>7} {first / total:>18.2%} {us:>8.0f}")


if __name__ == "__main__":
    main()
