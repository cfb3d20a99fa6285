"""BLEU, chrF, chrF++ and TER through sacrebleu, configured for Chinese, with their signatures.

- BLEU with sacrebleu's `zh` tokenizer (each Chinese character a token; the default `13a`
  sees an unsegmented Chinese sentence as one word and scores it near 0);
- chrF (character 6-grams, β = 2) and chrF++ (plus word 1–2-grams);
- TER with tercom normalisation and Asian-character support (`--ter-normalized
  --ter-asian-support`): without them a Chinese sentence is again one word, and TER is 100
  for any difference.
The numbers equal what the `sacrebleu` command prints for the same files with `COMMANDS`.
"""
from __future__ import annotations

from dataclasses import dataclass

METRICS = ("bleu", "chrf", "chrf++", "ter")
COMMANDS = (
    "sacrebleu REF -i HYP -tok zh -m bleu chrf ter --ter-normalized --ter-asian-support",
    "sacrebleu REF -i HYP -m chrf --chrf-word-order 2",
)


@dataclass(frozen=True)
class MetricScore:
    name: str  # sacrebleu's display name: BLEU, chrF2, chrF2++, TER
    score: float
    verbose: str  # sacrebleu's one-line summary (BLEU's n-gram precisions and brevity penalty)


def make_metrics() -> dict:
    """Fresh sacrebleu metric objects, by our key."""
    from sacrebleu.metrics import BLEU, CHRF, TER

    return {
        "bleu": BLEU(tokenize="zh"),
        "chrf": CHRF(),
        "chrf++": CHRF(word_order=2),
        "ter": TER(normalized=True, asian_support=True),
    }


def corpus_scores(hyps: list[str], refs: list[str], metrics: dict | None = None) -> dict[str, MetricScore] | None:
    """Corpus-level scores of `hyps` against `refs` (one reference each); None for no segment."""
    if len(hyps) != len(refs):
        raise ValueError(f"{len(hyps)} hypotheses but {len(refs)} references")
    if not hyps:
        return None
    metrics = metrics or make_metrics()
    out = {}
    for key, metric in metrics.items():
        s = metric.corpus_score(hyps, [refs])
        out[key] = MetricScore(s.name, s.score, s.format(width=2))
    return out


def signatures() -> dict[str, str]:
    """sacrebleu's signature of each metric: `nrefs:1|case:mixed|eff:no|tok:zh|smooth:exp|version:2.6.0`.

    A signature depends on the configuration and the number of references (always one here), not on
    the data; sacrebleu only fills it in after scoring, hence the one-segment corpus.
    """
    out = {}
    for key, metric in make_metrics().items():
        metric.corpus_score(["x"], [["x"]])
        out[key] = metric.get_signature().format()
    return out


def display_names() -> dict[str, str]:
    return {"bleu": "BLEU", "chrf": "chrF2", "chrf++": "chrF2++", "ter": "TER"}
