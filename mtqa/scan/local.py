"""The local engine: chunks on a pool of processes, a bounded number in flight.

Each process gets the pickled matcher once (the pool's initializer) and reads its chunks
itself, so the main process only hands out chunk specs and collects counts: memory is a
few chunks per worker whatever the corpus size. With one worker everything runs in this
process. Processes are started with `spawn`, which is safe whatever threads the caller has.
"""
from __future__ import annotations

from typing import Callable, Iterator

from .sources import ChunkSpec
from .work import ChunkResult, Job, install_matcher, process_chunk

IN_FLIGHT_PER_WORKER = 2


def _init_worker(key: str, blob: bytes) -> None:
    """Pool initializer: Ctrl-C is the main process's business; then install the glossary."""
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)
    install_matcher(key, blob)


def _stop(pool) -> None:
    """Cancel what is queued and end the workers now: unfinished chunks are not journaled."""
    processes = list((getattr(pool, "_processes", None) or {}).values())  # (shutdown forgets them)
    pool.shutdown(wait=False, cancel_futures=True)
    for process in processes:
        process.terminate()


def run_local(job: Job, blob: bytes, specs: Iterator[ChunkSpec], pending: int, workers: int,
              on_result: Callable[[ChunkResult], None]) -> None:
    """Scan every spec; call `on_result` in this process as each chunk finishes."""
    workers = max(1, min(workers, pending))
    if workers == 1:
        install_matcher(job.key, blob)
        for spec in specs:
            on_result(process_chunk(job, spec))
        return
    import multiprocessing
    from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait
    from concurrent.futures.process import BrokenProcessPool

    from ..errors import MtqaError

    pool = ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("spawn"),
                               initializer=_init_worker, initargs=(job.key, blob))
    running: set = set()
    try:
        for spec in specs:
            running.add(pool.submit(process_chunk, job, spec))
            if len(running) >= workers * IN_FLIGHT_PER_WORKER:
                finished, running = wait(running, return_when=FIRST_COMPLETED)
                for fut in finished:
                    on_result(fut.result())
        while running:
            finished, running = wait(running, return_when=FIRST_COMPLETED)
            for fut in finished:
                on_result(fut.result())
    except BrokenProcessPool as exc:
        _stop(pool)
        raise MtqaError(f"a worker process died ({exc}); when calling mtqa.scan from a script, guard it with "
                        "`if __name__ == '__main__':`, or use one worker") from None
    except BaseException:
        _stop(pool)
        raise
    pool.shutdown(wait=True)
