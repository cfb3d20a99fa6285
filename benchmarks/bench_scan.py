"""`mtqa scan` throughput and peak memory: local engine and Dask, 1 and 2 workers.

    python benchmarks/bench_scan.py [--mb 100] [--workers 1 2] [--engines local dask]
                                    [--format parquet|jsonl|files] [--select T,C,N]

Builds a corpus of at least --mb MB of UTF-8 text from the seed articles (each copy with its
own id) in a temporary folder, then scans it once per engine and worker count, each run in a
fresh process with the bundled glossary (compiled once beforehand, as the cache would have it).
Prints, per run: wall time, throughput in MB/s of text, and peak memory: the largest sum of
the RSS of the scan's whole process tree (client, local workers or Dask scheduler, nannies and
workers), sampled every 50 ms, and the peak RSS of the main process alone.
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def build_corpus(folder: Path, mb: float, fmt: str) -> tuple[Path, int, int]:
    """Seeds repeated until `mb` MB of text: (input path, documents, bytes)."""
    seeds = [(p.stem, p.read_text(encoding="utf-8")) for p in sorted((ROOT / "seeds").glob("*.txt"))]
    ids, texts, size = [], [], 0
    while size < mb * 1_000_000:
        stem, text = seeds[len(texts) % len(seeds)]
        ids.append(f"{stem}-{len(texts):06d}")
        texts.append(text)
        size += len(text.encode("utf-8"))
    if fmt == "parquet":
        import pyarrow as pa
        import pyarrow.parquet as pq

        path = folder / "corpus.parquet"
        pq.write_table(pa.table({"id": ids, "text": texts}), path, row_group_size=500, compression="zstd")
    elif fmt == "jsonl":
        path = folder / "corpus.jsonl"
        with open(path, "w", encoding="utf-8") as fh:
            for i, t in zip(ids, texts):
                fh.write(json.dumps({"id": i, "text": t}, ensure_ascii=False) + "\n")
    else:
        path = folder / "corpus"
        for i, t in zip(ids, texts):
            sub = path / i[-3:]
            sub.mkdir(parents=True, exist_ok=True)
            (sub / f"{i}.txt").write_text(t, encoding="utf-8")
    return path, len(texts), size


def tree_rss(proc) -> int:
    import psutil

    total = 0
    for p in [proc, *proc.children(recursive=True)]:
        try:
            total += p.memory_info().rss
        except psutil.Error:
            pass
    return total


def measure(cmd: list[str]) -> tuple[dict, int, int]:
    """Run `cmd`; return its JSON result, peak tree RSS and peak main-process RSS (bytes)."""
    import psutil

    child = subprocess.Popen(cmd, stdout=subprocess.PIPE, text=True)
    proc = psutil.Process(child.pid)
    peak = {"tree": 0, "main": 0}
    done = threading.Event()

    def sample() -> None:
        while not done.is_set():
            try:
                peak["tree"] = max(peak["tree"], tree_rss(proc))
                peak["main"] = max(peak["main"], proc.memory_info().rss)
            except psutil.Error:
                pass
            time.sleep(0.05)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    out, _ = child.communicate()
    done.set()
    sampler.join()
    if child.returncode != 0:
        raise SystemExit(f"run failed ({child.returncode}): {' '.join(cmd)}")
    return json.loads(out.strip().splitlines()[-1]), peak["tree"], peak["main"]


def child_run(args) -> None:
    from mtqa.scan.run import scan

    select = args.select.split(",") if args.select else None
    result = scan(args.input, args.out, engine=args.engine, workers=args.workers, glossary=[ROOT / "glossaries"],
                  select=select)
    print(json.dumps({"seconds": result.seconds, "documents": result.documents, "bytes": result.scanned_bytes,
                      "findings": result.findings, "chunks": result.chunks}))


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--mb", type=float, default=100)
    ap.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    ap.add_argument("--engines", nargs="+", default=["local", "dask"], choices=["local", "dask"])
    ap.add_argument("--format", default="parquet", choices=["parquet", "jsonl", "files"])
    ap.add_argument("--select", default=None, help="rule codes, e.g. T,C,N (default: the default rules)")
    ap.add_argument("--child", nargs=4, metavar=("ENGINE", "WORKERS", "INPUT", "OUT"), help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        args.engine, workers, args.input, args.out = args.child
        args.workers = int(workers)
        child_run(args)
        return

    from mtqa.lint import get_matcher

    get_matcher([ROOT / "glossaries"])  # compile the glossary into the cache once
    with tempfile.TemporaryDirectory(prefix="mtqa-bench-") as tmp:
        tmp = Path(tmp)
        t = time.perf_counter()
        corpus, docs, size = build_corpus(tmp, args.mb, args.format)
        print(f"corpus: {docs:,} documents, {size / 1e6:.1f} MB of text ({args.format}), "
              f"built in {time.perf_counter() - t:.1f} s; rules: {args.select or 'default'}")
        print(f"{'engine':<7}{'workers':>8}{'seconds':>9}{'MB/s':>8}{'speed-up':>10}"
              f"{'peak RSS, all processes':>25}{'peak RSS, main':>16}{'findings':>10}")
        for engine in args.engines:
            base = None
            for n in args.workers:
                out = tmp / f"out-{engine}-{n}"
                cmd = [sys.executable, __file__, "--child", engine, str(n), str(corpus), str(out)]
                if args.select:
                    cmd += ["--select", args.select]
                t = time.perf_counter()
                res, tree, main_rss = measure(cmd)
                wall = time.perf_counter() - t
                rate = res["bytes"] / 1e6 / res["seconds"]
                base = base or rate
                print(f"{engine:<7}{n:>8}{res['seconds']:>9.1f}{rate:>8.2f}{rate / base:>9.2f}x"
                      f"{tree / 2**20:>21.0f} MiB{main_rss / 2**20:>12.0f} MiB{res['findings']:>10,}"
                      f"   (process wall time {wall:.1f} s, {res['chunks']} chunks)", flush=True)


if __name__ == "__main__":
    main()
