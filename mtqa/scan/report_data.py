"""What the HTML report shows, gathered from a scan folder or by linting article paths.

Counts (by rule, severity, document, concept, and every rendering of every concept) cover
the whole scan and are aggregated one Parquet part at a time. Only the documents shown in
full (those with the most findings, up to `max_documents`) have their text read back,
from the scan's own input, chunk by chunk.
"""
from __future__ import annotations

import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from .sources import ScanInputError

DEFAULT_MAX_DOCUMENTS = 200


@dataclass
class DocumentView:
    doc_id: str
    path: str
    text: str | None
    findings: list[dict]  # the lint JSON fields
    term_accuracy: float | None = None
    note: str | None = None  # why the text is missing or not highlighted


@dataclass
class ReportData:
    title: str
    source: str
    documents_total: int = 0
    findings_total: int = 0
    hits_total: int = 0
    accepted_total: int = 0
    by_severity: Counter = field(default_factory=Counter)
    by_rule: Counter = field(default_factory=Counter)  # rule code → findings
    rule_names: dict[str, str] = field(default_factory=dict)
    rule_severity: dict[str, str] = field(default_factory=dict)
    by_concept: Counter = field(default_factory=Counter)  # concept → findings
    by_document: list[dict] = field(default_factory=list)  # doc_id, path, findings, per-severity counts
    renderings: dict[str, Counter] = field(default_factory=dict)  # concept → (term, status) → hits
    documents: list[DocumentView] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)  # articles that could not be read
    generated: str = field(default_factory=lambda: time.strftime("%Y-%m-%d %H:%M"))

    @property
    def term_accuracy(self) -> float | None:
        return self.accepted_total / self.hits_total if self.hits_total else None


def _document_row(doc_id, path, findings, errors, warnings, infos, accuracy, order) -> dict:
    return {"doc_id": doc_id, "path": path, "findings": findings, "errors": errors, "warnings": warnings,
            "infos": infos, "term_accuracy": accuracy, "order": order}


def from_paths(paths, glossary=None, select=None, ignore=None, locale=None,
               max_documents: int = DEFAULT_MAX_DOCUMENTS, title: str | None = None) -> ReportData:
    """Lint articles now (files or folders) and gather everything the report shows."""
    from ..document import read_document
    from ..errors import MtqaError
    from ..lint import get_matcher, iter_files, lint_document
    from ..rules import select_rules

    matcher = get_matcher(glossary)
    rules = select_rules(select, ignore)
    data = ReportData(title or "mtqa report", ", ".join(str(p) for p in paths))
    views = []
    for order, f in enumerate(iter_files(paths)):
        try:
            doc = read_document(f)
        except MtqaError as exc:
            data.problems.append(str(exc))
            continue
        findings = [x.to_dict() for x in lint_document(doc, matcher, rules, locale)]
        hits = matcher.find(doc.text)
        accepted = sum(1 for h in hits if h.term.status != "deprecated")
        for h in hits:
            data.renderings.setdefault(h.concept.id, Counter())[(h.term.term, h.term.status)] += 1
        data.hits_total += len(hits)
        data.accepted_total += accepted
        _count_findings(data, findings)
        sev = Counter(x["severity"] for x in findings)
        data.by_document.append(_document_row(str(f), str(f), len(findings), sev["error"], sev["warning"],
                                              sev["info"], accepted / len(hits) if hits else None, order))
        views.append(DocumentView(str(f), str(f), doc.text, findings, data.by_document[-1]["term_accuracy"]))
    if not views:
        raise ScanInputError(data.problems[0] if data.problems else
                             f"{data.source}: no articles (.txt, .md, .markdown) found")
    data.documents_total = len(views)
    chosen = {r["doc_id"] for r in _top(data.by_document, max_documents)}
    data.documents = [v for v in views if v.doc_id in chosen]
    _finish(data)
    return data


def _count_findings(data: ReportData, findings: list[dict]) -> None:
    for x in findings:
        data.findings_total += 1
        data.by_severity[x["severity"]] += 1
        data.by_rule[x["rule"]] += 1
        data.rule_names.setdefault(x["rule"], x["name"])
        if x.get("concept"):
            data.by_concept[x["concept"]] += 1


def _top(rows: list[dict], n: int) -> list[dict]:
    """The `n` documents with the most findings (errors first), in input order among equals."""
    return sorted(rows, key=lambda r: (-r["findings"], -r["errors"], r["order"]))[:n]


def _finish(data: ReportData) -> None:
    from ..rules import RULES

    for code in data.by_rule:
        rule = RULES.get(code)
        if rule is not None:
            data.rule_names[code] = rule.name
            data.rule_severity[code] = rule.severity.value
    data.by_document = _top(data.by_document, len(data.by_document))


def is_scan_folder(path) -> Path | None:
    """The scan folder named by `path` (the folder, a table folder or a file in it), else None."""
    from .state import MANIFEST

    p = Path(path)
    for candidate in (p, p.parent, p.parent.parent):
        if (candidate / MANIFEST).is_file():
            return candidate
    return None


def from_scan(outdir, max_documents: int = DEFAULT_MAX_DOCUMENTS, title: str | None = None) -> ReportData:
    """Aggregate a finished scan's tables and read back the text of the documents shown."""
    import json

    from .outputs import iter_part_tables
    from .state import MANIFEST

    outdir = Path(outdir)
    manifest = json.loads((outdir / MANIFEST).read_text(encoding="utf-8"))
    if manifest.get("status") != "complete":
        raise ScanInputError(f"{outdir}: the scan is not complete; run `mtqa scan` again to finish it")
    source_settings = manifest["settings"]["source"]
    data = ReportData(title or f"mtqa scan of {Path(source_settings['input']).name}", source_settings["input"])
    cap = max(max_documents, 0)
    rows: list[dict] = []
    for table in iter_part_tables(outdir, "summary"):
        for r in table.to_pylist():
            data.documents_total += 1
            data.hits_total += r["hits"]
            data.accepted_total += r["accepted_hits"]
            rows.append(_document_row(r["doc_id"], r["path"], r["findings"], r["errors"], r["warnings"],
                                      r["infos"], r["term_accuracy"], (r["chunk"], r["position"])))
            rows[-1]["problem"] = r["problem"]
        if len(rows) > 4 * cap + 1000:  # keep memory bounded: only the top documents matter
            rows = _top(rows, cap + 1000)
    data.by_document = rows
    for table in iter_part_tables(outdir, "findings", columns=["rule", "name", "severity", "concept"]):
        _count_findings(data, table.to_pylist())
    for table in iter_part_tables(outdir, "renderings", columns=["concept", "term", "status"]):
        for r in table.group_by(["concept", "term", "status"]).aggregate([([], "count_all")]).to_pylist():
            data.renderings.setdefault(r["concept"], Counter())[(r["term"], r["status"])] += r["count_all"]
    _finish(data)
    data.documents = _read_documents(outdir, source_settings, _top(data.by_document, cap))
    return data


def _read_documents(outdir: Path, settings: dict, chosen: list[dict]) -> list[DocumentView]:
    """The chosen documents with their findings and (when the input is unchanged) their text."""
    import pyarrow.parquet as pq

    from .outputs import part_path
    from .sources import open_source, read_chunk

    views = {r["order"]: DocumentView(r["doc_id"], r["path"], None, [], r["term_accuracy"], r.get("problem"))
             for r in chosen}
    chunks = sorted({order[0] for order in views})
    for chunk in chunks:
        table = pq.read_table(part_path(outdir, "findings", chunk))
        wanted = {v.doc_id: v for (c, _), v in views.items() if c == chunk}
        for row in table.to_pylist():
            view = wanted.get(row.pop("doc_id"))
            if view is not None:
                view.findings.append(row)
    note = None
    try:
        source = open_source(settings["input"], settings["kind"], text_column=settings["text_column"],
                             id_column=settings["id_column"], chunk_bytes=settings["chunk_bytes"],
                             encoding=settings["encoding"])
        if source.fingerprint != settings["fingerprint"]:
            note = "the input changed after the scan: text not shown"
    except ScanInputError as exc:
        source, note = None, f"the input cannot be read any more ({exc}): text not shown"
    if note is None:
        specs = {s.index: s for s in source.chunks() if s.index in set(chunks)}
        for chunk in chunks:
            for position, record in enumerate(read_chunk(source, specs[chunk])):
                view = views.get((chunk, position))
                if view is not None and record.text is not None:
                    view.text = record.text
    for view in views.values():
        if note and not view.note:
            view.note = note
    return [views[r["order"]] for r in chosen]
