"""The Dask engine: the same chunks as the local engine, as tasks on a Dask cluster.

Without an address a `LocalCluster` (processes, one thread each, no worker profiler) is started
on loopback.
The pickled matcher travels once per worker, in a worker plugin that installs it and
builds the automaton when the worker joins; tasks look it up by the glossary's key.
Each task reads its own chunk (a Parquet row-group slice, a JSONL byte range, a list of
files) and writes its own Parquet parts, so workers and the client must see the input
and OUTDIR at the same paths (one machine, or a shared file system). At most two chunks
per worker are in flight, so the client's memory does not grow with the corpus.
"""
from __future__ import annotations

from typing import Callable, Iterator

from distributed.diagnostics.plugin import WorkerPlugin

from .sources import ChunkSpec, ScanInputError
from .work import ChunkResult, Job, install_matcher, process_chunk

IN_FLIGHT_PER_WORKER = 2


class MatcherPlugin(WorkerPlugin):
    """Installs one compiled glossary on every worker, current and future."""

    def __init__(self, key: str, blob: bytes):
        self.key = key
        self.blob = blob

    def setup(self, worker) -> None:
        install_matcher(self.key, self.blob)


def builds_per_worker(client) -> dict[str, int]:
    """How many automata each worker process has built (for tests and diagnostics)."""
    return client.run(_builds)


def _builds() -> int:
    from . import work

    return work.BUILDS


def connect(address: str | None, workers: int, cluster_options: dict | None = None):
    """(client, cluster or None): a client of the scheduler at `address`, or of a new LocalCluster."""
    import logging

    from distributed import Client, LocalCluster

    if address:
        try:
            return Client(address, timeout="15s"), None
        except (OSError, TimeoutError, ValueError) as exc:
            raise ScanInputError(f"cannot connect to the Dask scheduler at {address}: {exc}") from None
    options = {"n_workers": workers, "threads_per_worker": 1, "processes": True, "silence_logs": logging.ERROR,
               "dashboard_address": "127.0.0.1:0", "worker_dashboard_address": "127.0.0.1:0"}  # loopback only
    options.update(cluster_options or {})
    if options["processes"]:
        options.setdefault("host", "127.0.0.1")  # (in-process workers talk without sockets)
    import dask

    # Without the workers' statistical profiler (a stack sample of every thread each 10 ms, for a
    # dashboard page nobody opens here): it cost a fifth of a worker's time on mtqa's tasks.
    with dask.config.set({"distributed.worker.profile.enabled": False}):
        cluster = LocalCluster(**options)
    return Client(cluster), cluster


def run_dask(job: Job, blob: bytes, specs: Iterator[ChunkSpec], pending: int, workers: int,
             on_result: Callable[[ChunkResult], None], address: str | None = None,
             cluster_options: dict | None = None) -> None:
    """Scan every spec on the cluster; call `on_result` here as each chunk finishes."""
    import uuid

    from distributed import as_completed

    run = uuid.uuid4().hex[:8]  # task keys unique to this run, on a cluster others may share
    client, cluster = connect(address, max(1, min(workers, pending)), cluster_options)
    try:
        client.register_plugin(MatcherPlugin(job.key, blob), name=f"mtqa-matcher-{job.key}")
        n_workers = max(1, len(client.scheduler_info().get("workers", {})))
        window = n_workers * IN_FLIGHT_PER_WORKER
        specs = iter(specs)
        queue = as_completed()
        for spec in specs:
            queue.add(client.submit(process_chunk, job, spec, pure=False, key=f"mtqa-chunk-{run}-{spec.index}"))
            if queue.count() >= window:
                break
        for future in queue:
            result = future.result()
            future.release()
            on_result(result)
            nxt = next(specs, None)
            if nxt is not None:
                queue.add(client.submit(process_chunk, job, nxt, pure=False,
                                        key=f"mtqa-chunk-{run}-{nxt.index}"))
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
