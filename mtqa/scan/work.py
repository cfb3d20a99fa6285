"""What a worker does with one chunk: read, lint, find every glossary hit, write the parts.

Both engines run `process_chunk`. The compiled matcher is installed once per worker
process (`install_matcher`, from a process-pool initializer or a Dask worker plugin) and
looked up by the glossary's key, so the automaton is built once per worker, never per
document or per chunk.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from .sources import ChunkSpec, Source

_MATCHERS: dict[str, object] = {}
BUILDS = 0  # automata built in this process (the tests check it stays one per worker)


def install_matcher(key: str, blob: bytes) -> None:
    """Unpickle the matcher and build its automaton, unless this process already has it."""
    global BUILDS
    if key in _MATCHERS:
        return
    from ..cache import unpickle_quietly

    matcher = unpickle_quietly(blob)
    matcher.scanner  # noqa: B018 - build the Rust automaton now, once
    _MATCHERS[key] = matcher
    BUILDS += 1


def matcher_for(key: str):
    try:
        return _MATCHERS[key]
    except KeyError:
        raise RuntimeError(f"glossary {key} was not installed in this worker") from None


@dataclass
class Job:
    """Everything a worker needs besides the chunk spec (small: sent with every chunk)."""

    source: Source  # without its plan
    outdir: str
    key: str
    select: list[str] | None = None
    ignore: list[str] | None = None
    locale: str | None = None


@dataclass
class ChunkResult:
    index: int
    documents: int = 0
    bytes: int = 0  # UTF-8 bytes of text scanned
    findings: int = 0
    hits: int = 0
    problems: list[str] = field(default_factory=list)


def process_chunk(job: Job, spec: ChunkSpec) -> ChunkResult:
    """Scan one chunk and write its three parts; return counts and per-document problems."""
    from ..document import Document
    from ..lint import lint_document
    from ..rules import select_rules
    from .outputs import FINDING_COLUMNS, RENDERING_COLUMNS, summary_columns, write_part
    from .sources import read_chunk

    matcher = matcher_for(job.key)
    rules = select_rules(job.select, job.ignore)
    findings = {name: [] for name, _ in FINDING_COLUMNS}
    renderings = {name: [] for name, _ in RENDERING_COLUMNS}
    summary = {name: [] for name, _ in summary_columns()}
    result = ChunkResult(spec.index)
    for position, record in enumerate(read_chunk(job.source, spec)):
        result.documents += 1
        if record.text is None:
            result.problems.append(record.error)
            _summarize(summary, record, spec.index, position, [], [], record.error)
            continue
        result.bytes += len(record.text.encode("utf-8", "surrogatepass"))
        doc_findings = lint_document(Document(text=record.text, path=record.path), matcher, rules, job.locale)
        hits = matcher.find(record.text)
        for f in doc_findings:
            row = f.to_dict()
            findings["doc_id"].append(record.doc_id)
            for name, _ in FINDING_COLUMNS[1:]:
                findings[name].append(row[name])
        text = record.text
        for h in hits:
            for name, value in (("doc_id", record.doc_id), ("concept", h.concept.id), ("found", text[h.start:h.end]),
                                ("term", h.term.term), ("lang", h.term.lang), ("status", h.term.status),
                                ("start", h.start), ("end", h.end), ("rendering", h.is_rendering)):
                renderings[name].append(value)
        _summarize(summary, record, spec.index, position, doc_findings, hits, None)
        result.findings += len(doc_findings)
        result.hits += len(hits)
    for table, columns in (("findings", findings), ("renderings", renderings), ("summary", summary)):
        write_part(job.outdir, table, spec.index, columns)
    return result


def _summarize(summary: dict, record, chunk: int, position: int, findings, hits, problem) -> None:
    from .outputs import rule_codes, term_accuracy

    accepted = sum(1 for h in hits if h.term.status != "deprecated")
    severities = {"error": 0, "warning": 0, "info": 0}
    rules = dict.fromkeys(rule_codes(), 0)
    for f in findings:
        severities[f.severity.value] += 1
        rules[f.rule] = rules.get(f.rule, 0) + 1
    row = {"doc_id": record.doc_id, "path": record.path, "chunk": chunk, "position": position,
           "chars": len(record.text or ""), "hits": len(hits), "accepted_hits": accepted,
           "deprecated_hits": len(hits) - accepted, "term_accuracy": term_accuracy(accepted, len(hits)),
           "findings": len(findings), "errors": severities["error"], "warnings": severities["warning"],
           "infos": severities["info"], "problem": problem, **rules}
    for name, values in summary.items():
        values.append(row[name])
