"""`mtqa server`: the time from a change to its diagnostics, as an editor sees it.

    python benchmarks/bench_server.py [--chars 20000] [--changes 20] [--concepts 10000]

Starts `mtqa server` as an editor would (over stdio, with pytest-lsp's client), opens a 20,000-
character article made of the seeds, then types: each change appends a character, and the time
until the diagnostics of that version arrive is measured (the server waits DEBOUNCE seconds of
quiet first; the figures are printed with and without it). Twice: with the bundled glossary, and
with it plus 10,000 synthetic people (written to a temporary CSV glossary with an mtqa.toml).
"""
from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_lint import ROOT, synthetic_concepts  # noqa: E402


def article(chars: int) -> str:
    seeds = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("00[12]_*.txt"))]
    text = ""
    while len(text) < chars:
        text += seeds[len(text) % len(seeds)]
    return text[:chars]


async def measure(folder: Path, text: str, changes: int) -> list[float]:
    from lsprotocol import types
    from pygls.uris import from_fs_path
    from pytest_lsp import LanguageClient, client_capabilities
    from pytest_lsp.client import DEFAULT_CLIENT_FEATURES, register_lsp_features

    client = LanguageClient()
    arrived: dict[int, float] = {}

    def published(ls, params):
        if params.version is not None:
            arrived[params.version] = time.perf_counter()

    register_lsp_features(client, {**DEFAULT_CLIENT_FEATURES, types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS: published})

    await client.start_io(sys.executable, "-m", "mtqa", "server")
    await client.initialize_session(types.InitializeParams(capabilities=client_capabilities("neovim")))
    uri = from_fs_path(str(folder / "article.txt"))
    client.text_document_did_open(types.DidOpenTextDocumentParams(
        text_document=types.TextDocumentItem(uri=uri, language_id="plaintext", version=1, text=text)))
    await wait(lambda: 1 in arrived, 120)  # the first lint loads the glossary
    times = []
    for v in range(2, changes + 2):
        text += "。"
        sent = time.perf_counter()
        client.text_document_did_change(types.DidChangeTextDocumentParams(
            text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=v),
            content_changes=[types.TextDocumentContentChangeWholeDocument(text=text)]))
        await wait(lambda: v in arrived, 60)
        times.append(arrived[v] - sent)
    await client.shutdown_session()
    await client.stop()
    return times


async def wait(predicate, timeout: float) -> None:
    end = time.perf_counter() + timeout
    while not predicate():
        if time.perf_counter() > end:
            raise SystemExit("the server did not answer")
        await asyncio.sleep(0.001)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--chars", type=int, default=20_000)
    ap.add_argument("--changes", type=int, default=20)
    ap.add_argument("--concepts", type=int, default=10_000)
    args = ap.parse_args()

    from mtqa.glossary import load_glossary
    from mtqa.glossary.io_csv import write_csv
    from mtqa.glossary.model import Glossary
    from mtqa.lsp_server import DEBOUNCE

    text = article(args.chars)
    with tempfile.TemporaryDirectory() as tmp:
        bundled = Path(tmp, "bundled")
        bundled.mkdir()
        (bundled / "mtqa.toml").write_text(f'glossary = ["{(ROOT / "glossaries").as_posix()}"]\n', encoding="utf-8")
        big = Path(tmp, "big")
        big.mkdir()
        glossary = Glossary(load_glossary(ROOT / "glossaries").concepts + synthetic_concepts(args.concepts))
        (big / "terms.csv").write_text(write_csv(glossary), encoding="utf-8")
        (big / "mtqa.toml").write_text('glossary = ["terms.csv"]\n', encoding="utf-8")
        for label, folder in (("bundled glossary", bundled), (f"bundled + {args.concepts:,} concepts", big)):
            times = asyncio.run(measure(folder, text, args.changes))
            median = statistics.median(times) * 1000
            print(f"{label}: change → diagnostics on {len(text):,} characters: median {median:.0f} ms, "
                  f"max {max(times) * 1000:.0f} ms over {len(times)} changes "
                  f"({median - DEBOUNCE * 1000:.0f} ms after the {DEBOUNCE * 1000:.0f} ms debounce)")


if __name__ == "__main__":
    main()
