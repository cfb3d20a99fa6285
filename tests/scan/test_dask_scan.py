"""`--engine dask` on a real LocalCluster gives exactly the local engine's tables.

The cluster has 2 worker processes (processes=True, one thread each) on 127.0.0.1; nothing
else is contacted. The own-cluster path (no --address) runs with processes=False to stay fast.
"""
import pytest

from mtqa.scan.run import scan
from scan_util import (GLOSSARY_RULES, MINI, TEXTS, assert_same_tables, session_cache, tables, write_jsonl,
                       write_parquet)

distributed = pytest.importorskip("distributed")


@pytest.fixture(scope="module")
def cluster(tmp_path_factory):
    import logging

    from distributed import Client, LocalCluster

    options = dict(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1", silence_logs=logging.ERROR,
                   dashboard_address="127.0.0.1:0", worker_dashboard_address="127.0.0.1:0")
    with session_cache(tmp_path_factory), LocalCluster(**options) as c, Client(c) as client:
        yield c, client


def test_dask_on_an_existing_scheduler_equals_the_local_engine_and_builds_once_per_worker(tmp_path, cluster):
    from mtqa.scan.dask_engine import builds_per_worker

    lc, client = cluster
    corpus = write_parquet(tmp_path / "c.parquet", TEXTS * 4, row_group_size=8)
    options = dict(glossary=[MINI], chunk_bytes=150, select=GLOSSARY_RULES)
    local = scan(corpus, tmp_path / "local", workers=1, **options)
    remote = scan(corpus, tmp_path / "dask", engine="dask", address=lc.scheduler_address, **options)
    assert local.chunks == remote.chunks >= 6 and remote.findings == local.findings > 0
    assert_same_tables(tables(tmp_path / "local"), tables(tmp_path / "dask"))
    builds = builds_per_worker(client)
    assert len(builds) == 2 and set(builds.values()) == {1}  # once per worker, not per chunk or document
    # A second scan with the same glossary on the same cluster builds nothing more.
    scan(write_jsonl(tmp_path / "c.jsonl"), tmp_path / "dask2", engine="dask", address=lc.scheduler_address, **options)
    assert set(builds_per_worker(client).values()) == {1}


def test_dask_resumes_what_the_local_engine_started(tmp_path, cluster, monkeypatch):
    import mtqa.scan.local as local
    from mtqa.scan.work import process_chunk

    lc, _ = cluster
    corpus = write_jsonl(tmp_path / "c.jsonl", TEXTS * 3)
    options = dict(glossary=[MINI], chunk_bytes=150, select=GLOSSARY_RULES)
    calls = []

    def stop_after_two(job, spec):
        if len(calls) == 2:
            raise KeyboardInterrupt
        calls.append(spec.index)
        return process_chunk(job, spec)

    monkeypatch.setattr(local, "process_chunk", stop_after_two)
    with pytest.raises(KeyboardInterrupt):
        scan(corpus, tmp_path / "out", workers=1, **options)
    monkeypatch.undo()
    result = scan(corpus, tmp_path / "out", engine="dask", address=lc.scheduler_address, **options)
    assert result.resumed == 2 and result.chunks > 2
    fresh = scan(corpus, tmp_path / "fresh", workers=1, **options)
    assert_same_tables(tables(tmp_path / "out"), tables(tmp_path / "fresh"))
    assert result.findings == fresh.findings


def test_without_an_address_a_local_cluster_is_started(tmp_path):
    corpus = write_jsonl(tmp_path / "c.jsonl")
    options = dict(glossary=[MINI], chunk_bytes=100, select=GLOSSARY_RULES)
    own = scan(corpus, tmp_path / "own", engine="dask", workers=2, cluster_options={"processes": False}, **options)
    scan(corpus, tmp_path / "local", workers=1, **options)
    assert own.chunks > 2
    assert_same_tables(tables(tmp_path / "own"), tables(tmp_path / "local"))


def test_the_own_cluster_runs_its_worker_processes_without_the_stack_profiler():
    # The profiler samples every thread's stack each 10 ms: a fifth of a worker's time on mtqa's tasks.
    import dask

    from mtqa.scan.dask_engine import connect

    client, cluster = connect(None, 1)
    try:
        assert client.run(lambda: dask.config.get("distributed.worker.profile.enabled")) == {
            w: False for w in client.scheduler_info()["workers"]}
    finally:
        client.close()
        cluster.close()
    assert dask.config.get("distributed.worker.profile.enabled") is True  # the caller's setting stays
