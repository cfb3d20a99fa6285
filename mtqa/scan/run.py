"""`mtqa scan` as a library call: plan the input, resume or start OUTDIR, run an engine, finish.

    from mtqa.scan.run import scan
    result = scan("articles/", "out/", workers=4)          # local processes
    result = scan("corpus.parquet", "out/", engine="dask")  # a LocalCluster, or address="tcp://..."
"""
from __future__ import annotations

import dataclasses
import hashlib
import pickle
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

from .sources import DEFAULT_CHUNK_BYTES, ScanInputError, open_source

ENGINES = ("local", "dask")


@dataclass
class ScanResult:
    outdir: Path
    documents: int
    bytes: int
    chunks: int
    resumed: int  # chunks found done from an earlier, interrupted run
    findings: int
    problems: list[str] = field(default_factory=list)  # documents that could not be scanned
    seconds: float = 0.0
    already_complete: bool = False
    scanned_bytes: int = 0  # text scanned by this run (less than `bytes` when resuming)


def default_workers() -> int:
    import os

    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:
        return os.cpu_count() or 1


def glossary_key(paths) -> tuple[list[str], str]:
    """The glossary files and a key for their content (and this mtqa's version)."""
    from .. import __version__
    from ..glossary.loader import glossary_files
    from ..lint import default_glossary_path

    files = glossary_files(*(paths or [default_glossary_path()]))
    digest = hashlib.sha256(__version__.encode())
    for f in files:
        digest.update(f.name.encode() + b"\0" + f.read_bytes() + b"\0")
    return [str(f) for f in files], digest.hexdigest()[:16]


def scan(input, outdir, *, engine: str = "local", workers: int | None = None, address: str | None = None,
         glossary=None, select=None, ignore=None, locale: str | None = None, fmt: str = "auto",
         text_column: str = "text", id_column: str | None = None, chunk_bytes: int = DEFAULT_CHUNK_BYTES,
         encoding: str | None = None, overwrite: bool = False, progress: bool = False,
         cluster_options: dict | None = None, log=None) -> ScanResult:
    """Scan a corpus into OUTDIR's tables; resumes an interrupted scan of the same input."""
    from .. import __version__
    from ..rules import select_rules
    from .outputs import rule_codes
    from .state import ScanState

    log = log or (lambda msg: print(msg, file=sys.stderr))
    if engine not in ENGINES:
        raise ScanInputError(f"unknown engine {engine!r} (expected local or dask)")
    if workers is not None and workers < 1:
        raise ScanInputError(f"--workers must be at least 1, got {workers}")
    select_rules(select, ignore)  # unknown rule codes fail here, before any work
    started = time.perf_counter()
    root, out = Path(input).resolve(), Path(outdir).resolve()
    if root.is_dir() and (out == root or root in out.parents):
        raise ScanInputError(f"{outdir}: the output folder must not be inside the input folder {input}")
    source = open_source(input, fmt, text_column=text_column, id_column=id_column, chunk_bytes=chunk_bytes,
                         encoding=encoding)
    files, key = glossary_key(list(glossary) if glossary else None)
    settings = {"mtqa": __version__, "source": source.settings(), "glossary": key, "rules": rule_codes(),
                "select": select, "ignore": ignore, "locale": locale}
    state = ScanState.open(outdir, settings, overwrite=overwrite)
    try:
        return _run(state, source, files, key, engine=engine, workers=workers, address=address, select=select,
                    ignore=ignore, locale=locale, progress=progress, cluster_options=cluster_options, log=log,
                    started=started)
    finally:
        state.close()


def _run(state, source, files, key, *, engine, workers, address, select, ignore, locale, progress,
         cluster_options, log, started) -> ScanResult:
    """Scan the chunks not done yet, then write the CSVs and mark the scan complete."""
    from ..lint import get_matcher
    from .outputs import TABLES, part_path
    from .progress import ProgressBar
    from .work import Job

    outdir = state.outdir
    if "input_as_given" in state.manifest:  # resumed: keep the `path` column as the first run wrote it
        source.root = state.manifest["input_as_given"]
    else:
        state.manifest["input_as_given"] = source.root
        state.save()
    done = {i for i in state.done if all(part_path(outdir, t, i).exists() for t in TABLES)}
    result = ScanResult(outdir, source.documents, source.bytes, source.n_chunks, len(done), 0)
    if state.complete and len(done) == source.n_chunks:
        result.already_complete = True
        _add_totals(result, state)
        return result
    if done:
        log(f"resuming: {len(done)} of {source.n_chunks} chunks already done in {outdir}")
    state.done = {i: state.done[i] for i in done}
    matcher = get_matcher(files)
    blob = pickle.dumps(matcher, protocol=pickle.HIGHEST_PROTOCOL)
    job = Job(dataclasses.replace(source, plan=[]), str(outdir), key, select, ignore, locale)
    specs = (s for s in source.chunks() if s.index not in done)  # lazy: a folder is walked as we go
    already = sum(state.done[i].get("documents", 0) for i in done)

    with ProgressBar(source.documents, already, enabled=progress) as bar:
        def on_result(chunk) -> None:
            state.mark_done(chunk.index, {"documents": chunk.documents, "bytes": chunk.bytes,
                                          "findings": chunk.findings, "hits": chunk.hits, "problems": chunk.problems})
            result.scanned_bytes += chunk.bytes
            for problem in chunk.problems:
                log(f"error: {problem}")
            bar.advance(chunk.documents)

        workers = workers or default_workers()
        pending = source.n_chunks - len(done)
        if engine == "local":
            from .local import run_local

            run_local(job, blob, specs, pending, workers, on_result)
        else:
            from .dask_engine import run_dask

            run_dask(job, blob, specs, pending, workers, on_result, address=address, cluster_options=cluster_options)
    _finish(state, result, source)
    result.seconds = time.perf_counter() - started
    return result


def _add_totals(result: ScanResult, state) -> None:
    result.findings = sum(c.get("findings", 0) for c in state.done.values())
    result.problems = [p for i in sorted(state.done) for p in state.done[i].get("problems", [])]


def _finish(state, result: ScanResult, source) -> None:
    from .outputs import TABLES, write_csv

    missing = [i for i in range(source.n_chunks) if i not in state.done]
    if missing:
        raise ScanInputError(f"{state.outdir}: chunks {missing[:5]} were not scanned; run the scan again")
    for table in TABLES:
        write_csv(state.outdir, table)
    _add_totals(result, state)
    duplicates = duplicate_ids(state.outdir)
    if duplicates:
        sample = ", ".join(repr(d) for d in duplicates[:5])
        print(f"warning: {len(duplicates)} document id(s) occur more than once in {source.root} (e.g. {sample}); "
              "their rows cannot be told apart by doc_id", file=sys.stderr)
    state.finish({"documents": source.documents, "bytes": source.bytes, "chunks": source.n_chunks,
                  "findings": result.findings, "problems": len(result.problems),
                  "duplicate_ids": len(duplicates)})


def duplicate_ids(outdir) -> list[str]:
    """Document ids that occur more than once in the summary table."""
    import pyarrow as pa
    import pyarrow.compute as pc

    from .outputs import iter_part_tables

    tables = list(iter_part_tables(outdir, "summary", columns=["doc_id"]))
    if not tables:
        return []
    counts = pc.value_counts(pa.concat_tables(tables).column("doc_id"))
    return [v["values"] for v in counts.to_pylist() if v["counts"] > 1]
