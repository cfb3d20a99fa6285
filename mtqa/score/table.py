"""Score reports as a pandas table, and that table as text, CSV or JSON.

One row per document and variant (`hyp`, and `fixed` with --fixed), then the corpus rows.
Every score is rounded to `width` decimals as sacrebleu prints it (`-w`, default 1), so the
numbers read the same as the `sacrebleu` command's. Term metrics are percentages too.
"""
from __future__ import annotations

import json

from .metrics import COMMANDS, METRICS, display_names
from .run import CORPUS, ScoreReport, Scores
from .terms import TermCounts

FORMATS = ("text", "csv", "json")
TERM_METRICS = ("term_accuracy", "deprecated_rate", "term_consistency")
SCORE_COLUMNS = (*METRICS, *TERM_METRICS)
COUNT_COLUMNS = tuple(TermCounts().as_dict())
COLUMNS = ("document", "variant", "segments", *SCORE_COLUMNS, *COUNT_COLUMNS, "fixes")
TEXT_HEADERS = {"document": "document", "variant": "variant", "segments": "segs", "bleu": "BLEU", "chrf": "chrF",
                "chrf++": "chrF++", "ter": "TER", "term_accuracy": "term acc", "deprecated_rate": "deprecated",
                "term_consistency": "consistency", "fixes": "fixes"}


def _round(value: float | None, width: int) -> float | None:
    return None if value is None else round(value, width)


def _row(document: str, variant: str, s: Scores, width: int) -> dict:
    row = {"document": document, "variant": variant, "segments": s.segments}
    row.update({k: _round(s.value(k), width) for k in SCORE_COLUMNS})
    row.update(s.terms.as_dict())
    row["fixes"] = s.fixes
    return row


def to_frame(report: ScoreReport, width: int = 1):
    """The report as a pandas DataFrame with `COLUMNS`; missing values are NaN/None."""
    import pandas as pd

    rows = []
    for doc in report.documents:
        rows.append(_row(doc.name, "hyp", doc.hyp, width))
        if doc.fixed is not None:
            rows.append(_row(doc.name, "fixed", doc.fixed, width))
    rows.append(_row(CORPUS, "hyp", report.corpus, width))
    if report.corpus_fixed is not None:
        rows.append(_row(CORPUS, "fixed", report.corpus_fixed, width))
    frame = pd.DataFrame(rows, columns=list(COLUMNS))
    frame["fixes"] = frame["fixes"].astype("Int64")
    return frame


def render(fmt: str, report: ScoreReport, out, width: int = 1) -> None:
    if fmt == "json":
        render_json(report, out, width)
    elif fmt == "csv":
        to_frame(report, width).to_csv(out, index=False, lineterminator="\n")
    elif fmt == "text":
        render_text(report, out, width)
    else:
        raise ValueError(f"unknown format {fmt!r} (expected {', '.join(FORMATS)})")


def _scores_dict(s: Scores, width: int) -> dict:
    d = {k: _round(s.value(k), width) for k in SCORE_COLUMNS}
    d["segments"] = s.segments
    d["term_counts"] = s.terms.as_dict()
    if s.fixes is not None:
        d["fixes"] = s.fixes
    return d


def to_json(report: ScoreReport, width: int = 1) -> dict:
    """Corpus-level scores and signatures first, then one entry per document."""
    data = _scores_dict(report.corpus, width)
    data["signatures"] = dict(report.signatures)
    data["reproduce"] = list(COMMANDS)
    data["glossary"] = report.glossary
    if report.corpus_fixed is not None:
        data["fixed"] = _scores_dict(report.corpus_fixed, width)
    documents = []
    for doc in report.documents:
        entry = {"document": doc.name, "hyp": doc.hyp_path, "ref": doc.ref_path, **_scores_dict(doc.hyp, width)}
        if doc.fixed is not None:
            entry["fixed"] = _scores_dict(doc.fixed, width)
        documents.append(entry)
    data["documents"] = documents
    return data


def render_json(report: ScoreReport, out, width: int = 1) -> None:
    json.dump(to_json(report, width), out, ensure_ascii=False, indent=2)
    out.write("\n")


def render_text(report: ScoreReport, out, width: int = 1) -> None:
    import pandas as pd

    frame = to_frame(report, width)
    shown = ["document", "variant", "segments", *SCORE_COLUMNS]
    if report.corpus_fixed is not None:
        shown.append("fixes")
    else:
        frame = frame.drop(columns=["variant"])
        shown.remove("variant")
    table = frame[shown].copy()
    for col in SCORE_COLUMNS:
        table[col] = ["-" if pd.isna(v) else f"{v:.{width}f}" for v in table[col]]
    if "fixes" in table:
        table["fixes"] = ["" if pd.isna(v) else str(int(v)) for v in table["fixes"]]
    out.write(_aligned(table, left=("document", "variant")))
    if report.corpus_fixed is not None:
        out.write(_gain_line(report.corpus, report.corpus_fixed, width))
    out.write("\nBLEU, chrF, chrF++: higher is better; TER and deprecated: lower is better; "
              "term metrics are percentages (docs/scoring.md).\n")
    c = report.corpus.terms
    out.write(f"Terms ({report.glossary or 'glossary'}): {c.matched_terms}/{c.ref_terms} reference terms matched, "
              f"{c.deprecated_terms}/{c.hyp_terms} hypothesis terms deprecated, "
              f"{c.consistent_concepts}/{c.repeated_concepts} repeated concepts consistent.\n")
    out.write("Signatures:\n")
    names = display_names()
    for key, sig in report.signatures.items():
        out.write(f"  {names[key]:<8} {sig}\n")
    out.write("Reproduce (documents concatenated in the order above):\n")
    for command in COMMANDS:
        out.write(f"  {command}\n")


def _aligned(table, left=()) -> str:
    """A plain text table: text columns left-aligned, numbers right-aligned, two spaces apart."""
    columns = list(table.columns)
    cells = [[TEXT_HEADERS.get(c, c) for c in columns]] + [[str(v) for v in row] for row in table.itertuples(index=False)]
    widths = [max(_cells(row[i]) for row in cells) for i in range(len(columns))]
    lines = []
    for row in cells:
        parts = [v + " " * (w - _cells(v)) if c in left else " " * (w - _cells(v)) + v
                 for v, w, c in zip(row, widths, columns)]
        lines.append("  ".join(parts).rstrip())
    return "\n".join(lines) + "\n"


def _cells(text: str) -> int:
    """Terminal columns: wide (Chinese) characters take two."""
    import unicodedata

    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _gain_line(before: Scores, after: Scores, width: int) -> str:
    parts = []
    for key in SCORE_COLUMNS:
        a, b = before.value(key), after.value(key)
        if a is None or b is None:
            continue
        parts.append(f"{TEXT_HEADERS[key]} {round(b, width) - round(a, width):+.{width}f}")
    return f"Gain from {after.fixes} safe fix(es): " + ", ".join(parts) + "\n"
