"""Lint throughput and cold start.

    python benchmarks/bench_lint.py [--mb 10] [--concepts 10000] [--runs 15]

Prints: glossary build time; lint throughput in MB/s (UTF-8 bytes) on a corpus made
from the seeds with the bundled glossary plus synthetic concepts; peak RSS; for reference, the
same terms with `grep -F` and with a bare automaton scan; `mtqa lint` end to end; and the
median wall time of `mtqa lint <one seed>` in a fresh process (cache warm, as in a commit hook
after the first run).
"""
from __future__ import annotations

import argparse
import random
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TRANSLIT = "阿埃艾安奥巴贝本比波布查达德迪蒂杜多恩法菲弗盖格古哈海汉赫华霍基吉加杰卡凯坎科克库拉莱兰劳雷里利林卢鲁罗洛马迈曼梅门米莫穆纳内尼努诺帕佩皮普齐乔切萨塞桑森沙舍斯苏索塔泰坦特托瓦维温沃西希谢休亚扬耶伊因尤约扎泽詹"
LATIN = "abcdefghijklmnopqrstuvwxyz"


def synthetic_concepts(n: int, seed: int = 7):
    from mtqa.glossary.model import Concept, Term

    rng = random.Random(seed)
    concepts = []
    for i in range(n):
        given = "".join(rng.choice(TRANSLIT) for _ in range(rng.randint(2, 3)))
        family = "".join(rng.choice(TRANSLIT) for _ in range(rng.randint(2, 4)))
        wrong = family[:-1] + rng.choice(TRANSLIT)
        latin = " ".join("".join(rng.choice(LATIN) for _ in range(rng.randint(4, 8))).capitalize() for _ in range(2))
        terms = [
            Term(f"{given}·{family}", "zh-Hans", "preferred"),
            Term(latin, "en", "preferred"),
        ]
        if wrong != family:
            terms.append(Term(f"{given}·{wrong}", "zh-Hans", "deprecated", note="synthetic"))
        concepts.append(Concept(id=f"synthetic-{i}", type="person", terms=terms))
    return concepts


def corpus(mb: float) -> list[str]:
    seeds = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))]
    docs, size, i = [], 0, 0
    while size < mb * 1_000_000:
        doc = seeds[i % len(seeds)]
        docs.append(doc)
        size += len(doc.encode("utf-8"))
        i += 1
    return docs


def cli_throughput(docs: list[str], nbytes: int, glossary) -> None:
    """`mtqa lint FOLDER` end to end (read, lint with all default rules, JSON report) with one
    worker process per core and with one, on the same corpus saved as files."""
    import os
    import tempfile

    from mtqa.glossary.io_yaml_write import dump_concepts

    with tempfile.TemporaryDirectory(prefix="mtqa-bench-") as tmp:
        folder = Path(tmp) / "corpus"
        folder.mkdir()
        for i, text in enumerate(docs):
            (folder / f"doc{i:04d}.txt").write_text(text, encoding="utf-8")
        gloss = Path(tmp) / "glossary.yaml"
        gloss.write_text(dump_concepts(list(glossary.concepts)), encoding="utf-8")
        env = dict(os.environ, MTQA_CACHE_DIR=str(Path(tmp) / "cache"))
        base = [sys.executable, "-m", "mtqa", "lint", str(folder), "--isolated", "-g", str(gloss),
                "--format", "json", "-o", str(Path(tmp) / "report.json")]
        subprocess.run(base + ["-j", "1", str(next(folder.iterdir()))], capture_output=True, env=env)  # fill the cache
        cpus = len(os.sched_getaffinity(0))
        for jobs in sorted({1, cpus}):
            t = time.perf_counter()
            subprocess.run(base + ["-j", str(jobs)], capture_output=True, env=env)
            dt = time.perf_counter() - t
            print(f"`mtqa lint` on {len(docs)} files, all default rules, --jobs {jobs}: {dt:.2f} s = {nbytes / 1e6 / dt:.1f} MB/s")


def references(docs: list[str], nbytes: int, glossary) -> None:
    """What the same patterns cost without mtqa, in the same run: `grep -F` over the corpus saved as
    files (every term of the glossary a fixed string), and a bare automaton scan in this process
    (ahocorasick_rs, the crate mtqa's matcher and core use, leftmost-longest, on the folded text)."""
    import os
    import shutil
    import tempfile

    import ahocorasick_rs

    from mtqa.normalize import fold

    terms = sorted({fold(t.term) for c in glossary.concepts for t in c.terms})
    automaton = ahocorasick_rs.AhoCorasick(terms, matchkind=ahocorasick_rs.MatchKind.LeftmostLongest)
    t = time.perf_counter()
    found = sum(len(automaton.find_matches_as_indexes(fold(text))) for text in docs)
    dt = time.perf_counter() - t
    print(f"reference, bare automaton over the {len(terms)} terms (fold + scan, no rules): {dt:.2f} s = "
          f"{nbytes / 1e6 / dt:.1f} MB/s ({found} matches)")
    grep = shutil.which("grep")
    if grep is None:
        print("reference, grep -F: no grep on this machine")
        return
    with tempfile.TemporaryDirectory(prefix="mtqa-bench-") as tmp:
        folder = Path(tmp) / "corpus"
        folder.mkdir()
        for i, text in enumerate(docs):
            (folder / f"doc{i:04d}.txt").write_text(text, encoding="utf-8")
        patterns = Path(tmp) / "patterns.txt"
        patterns.write_text("\n".join(t for t in terms if "\n" not in t) + "\n", encoding="utf-8")
        env = dict(os.environ, LC_ALL="C")  # bytes: GNU grep's fast path for many fixed strings
        t = time.perf_counter()
        subprocess.run([grep, "-F", "-c", "-r", "-f", str(patterns), str(folder)], stdout=subprocess.DEVNULL, env=env)
        dt = time.perf_counter() - t
        print(f"reference, LC_ALL=C grep -F -c with the same terms over the same files: {dt:.2f} s = "
              f"{nbytes / 1e6 / dt:.1f} MB/s")


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--mb", type=float, default=10)
    ap.add_argument("--concepts", type=int, default=10_000)
    ap.add_argument("--runs", type=int, default=15)
    args = ap.parse_args()

    from mtqa.document import Document
    from mtqa.glossary import load_glossary
    from mtqa.glossary.model import Glossary
    from mtqa.lint import lint_document
    from mtqa.matcher import Matcher
    from mtqa.rules import select_rules

    real = load_glossary(ROOT / "glossaries")
    glossary = Glossary(real.concepts + synthetic_concepts(args.concepts))
    t = time.perf_counter()
    matcher = Matcher.build(glossary)
    matcher.scanner  # noqa: B018 - built on first use: part of the build, not of the first lint
    build = time.perf_counter() - t
    print(f"glossary: {len(glossary)} concepts, {sum(len(c.terms) for c in glossary)} terms; automaton built in {build:.2f} s")

    docs = corpus(args.mb)
    nbytes = sum(len(d.encode("utf-8")) for d in docs)
    for label, rules in (("glossary rules of issue 2 (T001, T002, C001, N001)", select_rules(["T001", "T002", "C001", "N001"])),
                         ("glossary rules with sound-alikes (T, C, N)", select_rules(["T", "C", "N"])),
                         ("all default rules", select_rules())):
        findings = 0
        t = time.perf_counter()
        for i, text in enumerate(docs):
            findings += len(lint_document(Document(text=text, path=f"doc{i}"), matcher, rules))
        dt = time.perf_counter() - t
        print(f"lint, {label}: {nbytes / 1e6:.1f} MB in {len(docs)} documents, {dt:.2f} s = {nbytes / 1e6 / dt:.1f} MB/s ({findings} findings)")
    print(f"peak RSS: {peak_rss_mb():.0f} MB")
    references(docs, nbytes, glossary)
    cli_throughput(docs, nbytes, glossary)

    one = next((ROOT / "seeds").glob("000_*.txt"))
    cmd = [sys.executable, "-m", "mtqa", "lint", str(one)]
    subprocess.run(cmd, capture_output=True, cwd=ROOT)  # fill the glossary cache
    times = []
    for _ in range(args.runs):
        t = time.perf_counter()
        subprocess.run(cmd, capture_output=True, cwd=ROOT)
        times.append(time.perf_counter() - t)
    base = []
    for _ in range(5):
        t = time.perf_counter()
        subprocess.run([sys.executable, "-c", "pass"], capture_output=True)
        base.append(time.perf_counter() - t)
    print(f"cold start, `mtqa lint {one.name}` (bundled glossary, cache warm): median {statistics.median(times) * 1000:.0f} ms "
          f"over {args.runs} runs (bare `python -c pass`: {statistics.median(base) * 1000:.0f} ms)")


if __name__ == "__main__":
    main()
