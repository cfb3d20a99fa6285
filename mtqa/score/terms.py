"""Terminology metrics against the glossary (definitions and sources: docs/scoring.md).

- term accuracy: of the (segment, concept) pairs found in the reference, the share whose
  hypothesis segment has a preferred or admitted form of that concept (any language or script);
- deprecated-form rate: of the glossary term occurrences in the hypothesis, the share that
  are deprecated forms;
- consistency: of the concepts rendered two or more times in a hypothesis document, the share
  rendered one way throughout it (acronyms, glosses in brackets and quotations in English
  phrases are not renderings; a surname counts as its full name, a Traditional spelling as its
  Simplified one — as for lint's C001).
Counts add up over documents, so the corpus figures are pooled, not averages of averages.
"""
from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, fields


@dataclass
class TermCounts:
    """The counts behind the term metrics; add them to pool documents."""

    ref_terms: int = 0  # (segment, concept) pairs in the reference
    matched_terms: int = 0  # … whose hypothesis segment has an accepted form of the concept
    hyp_terms: int = 0  # glossary term occurrences in the hypothesis
    deprecated_terms: int = 0  # … that are deprecated forms
    repeated_concepts: int = 0  # concepts rendered 2+ times in a hypothesis document
    consistent_concepts: int = 0  # … rendered one way there

    def __add__(self, other: "TermCounts") -> "TermCounts":
        return TermCounts(*(getattr(self, f.name) + getattr(other, f.name) for f in fields(self)))

    @property
    def term_accuracy(self) -> float | None:
        return _percent(self.matched_terms, self.ref_terms)

    @property
    def deprecated_rate(self) -> float | None:
        return _percent(self.deprecated_terms, self.hyp_terms)

    @property
    def term_consistency(self) -> float | None:
        return _percent(self.consistent_concepts, self.repeated_concepts)

    def as_dict(self) -> dict[str, int]:
        return {f.name: getattr(self, f.name) for f in fields(self)}


def _percent(part: int, whole: int) -> float | None:
    return None if whole == 0 else 100.0 * part / whole


def _hits_by_segment(matcher, segments: list[str]) -> list[list]:
    """Glossary hits of a document (matched as one text, so context cues see the whole document), per segment."""
    text = "\n".join(segments)
    starts, pos = [], 0
    for seg in segments:
        starts.append(pos)
        pos += len(seg) + 1
    out: list[list] = [[] for _ in segments]
    if not segments:
        return out
    for hit in matcher.find(text):
        out[bisect_right(starts, hit.start) - 1].append(hit)
    return out


def document_terms(hyp: list[str], ref: list[str], matcher) -> TermCounts:
    """Term counts for one document whose segments are paired by position."""
    counts = TermCounts()
    hyp_hits = _hits_by_segment(matcher, hyp)
    ref_hits = _hits_by_segment(matcher, ref)
    renderings: dict[int, set[str]] = {}
    occurrences: dict[int, int] = {}
    for h_hits, r_hits in zip(hyp_hits, ref_hits):
        wanted = {hit.concept_index for hit in r_hits}
        have = {hit.concept_index for hit in h_hits if hit.term.accepted}
        counts.ref_terms += len(wanted)
        counts.matched_terms += len(wanted & have)
        counts.hyp_terms += len(h_hits)
        counts.deprecated_terms += sum(1 for hit in h_hits if not hit.term.accepted)
        for hit in h_hits:
            if hit.is_rendering and not hit.term.is_short:
                renderings.setdefault(hit.concept_index, set()).add(hit.key)
                occurrences[hit.concept_index] = occurrences.get(hit.concept_index, 0) + 1
    for ci, keys in renderings.items():
        if occurrences[ci] >= 2:
            counts.repeated_concepts += 1
            counts.consistent_concepts += len(keys) == 1
    return counts
