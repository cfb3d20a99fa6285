"""`mtqa score`: pair documents, score them (sacrebleu and the glossary), optionally after fixing."""
from __future__ import annotations

from dataclasses import dataclass

from ..errors import InputError
from .metrics import METRICS, MetricScore, corpus_scores, make_metrics, signatures
from .pairing import DocumentPair, pair_paths
from .terms import TermCounts, document_terms

CORPUS = "(corpus)"


@dataclass
class Scores:
    """One scored text (a document or the corpus), as written or after mtqa's safe fixes."""

    segments: int
    metrics: dict[str, MetricScore] | None  # None when there is no segment
    terms: TermCounts
    fixes: int | None = None  # edits applied (only for the fixed variant)

    def value(self, key: str) -> float | None:
        if key in METRICS:
            return None if self.metrics is None else self.metrics[key].score
        return getattr(self.terms, key)


@dataclass
class DocumentScores:
    name: str
    hyp_path: str
    ref_path: str
    hyp: Scores
    fixed: Scores | None = None


@dataclass
class ScoreReport:
    documents: list[DocumentScores]
    corpus: Scores
    corpus_fixed: Scores | None
    signatures: dict[str, str]
    glossary: str = ""


def fix_segments(segments: list[str], matcher, path: str) -> tuple[list[str], int]:
    """The hypothesis after mtqa's safe fixes (the document linted as one text), and the edits made."""
    from ..fix import fix_text
    from ..lint import lint_text

    if not segments:
        return [], 0
    text = "\n".join(segments)
    fixed, edits = fix_text(text, lambda t: lint_text(t, glossary=matcher, path=path), unsafe=False)
    lines = fixed.split("\n")
    if len(lines) != len(segments):  # no glossary form holds a newline; guard all the same
        raise InputError(f"{path}: fixing changed the number of lines; cannot score the fixed text")
    return [line.rstrip() for line in lines], edits


def _scores(hyp: list[str], ref: list[str], matcher, metrics: dict, fixes: int | None = None) -> Scores:
    return Scores(len(hyp), corpus_scores(hyp, ref, metrics), document_terms(hyp, ref, matcher), fixes)


def score_pairs(pairs: list[DocumentPair], matcher, fixed: bool = False) -> ScoreReport:
    """Score every document and the corpus (all segments, documents in the order given)."""
    metrics = make_metrics()
    docs: list[DocumentScores] = []
    all_hyp, all_ref, all_fixed = [], [], []
    terms, terms_fixed, total_fixes = TermCounts(), TermCounts(), 0
    for pair in pairs:
        doc = DocumentScores(pair.name, pair.hyp_path, pair.ref_path, _scores(pair.hyp, pair.ref, matcher, metrics))
        all_hyp += pair.hyp
        all_ref += pair.ref
        terms += doc.hyp.terms
        if fixed:
            fixed_hyp, edits = fix_segments(pair.hyp, matcher, pair.hyp_path)
            doc.fixed = _scores(fixed_hyp, pair.ref, matcher, metrics, fixes=edits)
            all_fixed += fixed_hyp
            terms_fixed += doc.fixed.terms
            total_fixes += edits
        docs.append(doc)
    corpus = Scores(len(all_hyp), corpus_scores(all_hyp, all_ref, metrics), terms)
    corpus_fixed = None
    if fixed:
        corpus_fixed = Scores(len(all_fixed), corpus_scores(all_fixed, all_ref, metrics), terms_fixed, total_fixes)
    return ScoreReport(docs, corpus, corpus_fixed, signatures())


def score_paths(hyp, ref, glossary=None, fixed: bool = False) -> ScoreReport:
    """Library entry point: `hyp` and `ref` are two files or two folders; `glossary` as for lint."""
    from ..lint import default_glossary_path, get_matcher

    pairs = pair_paths(hyp, ref)
    matcher = get_matcher(glossary)
    report = score_pairs(pairs, matcher, fixed=fixed)
    if glossary is None:
        report.glossary = str(default_glossary_path())
    elif isinstance(glossary, (list, tuple)):
        report.glossary = ", ".join(str(g) for g in glossary)
    else:
        report.glossary = str(glossary)
    return report


def write_report(report: ScoreReport, fmt: str, output: str | None = None, width: int = 1, out=None) -> None:
    """Render `report` to `output` (a file) or `out` (default stdout)."""
    import sys
    from pathlib import Path

    from ..errors import MtqaError
    from .table import render

    if output is None:
        render(fmt, report, out or sys.stdout, width=width)
        return
    encoding = "utf-8-sig" if fmt == "csv" else "utf-8"  # Excel reads CSV with a BOM as UTF-8
    try:
        with open(Path(output), "w", encoding=encoding, newline="") as fh:
            render(fmt, report, fh, width=width)
    except OSError as exc:
        raise MtqaError(f"{output}: cannot write the report: {exc.strerror}") from None
