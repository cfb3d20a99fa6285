"""`mtqa scan` (a whole corpus, locally or on Dask) and `mtqa report` (one HTML file).

Imported at the start of every `mtqa` command: only typer at the top, the rest inside.
"""
from __future__ import annotations

from typing import List, Optional

import typer

SIZE_UNITS = {"": 1, "b": 1, "k": 10**3, "kb": 10**3, "m": 10**6, "mb": 10**6, "g": 10**9, "gb": 10**9,
              "kib": 2**10, "mib": 2**20, "gib": 2**30}


def parse_size(value: str) -> int:
    """'4MB', '512KB', '1.5MiB' or a number of bytes."""
    import re

    m = re.fullmatch(r"\s*([0-9]*\.?[0-9]+)\s*([A-Za-z]*)\s*", value)
    unit = m.group(2).lower() if m else None
    if not m or unit not in SIZE_UNITS or float(m.group(1)) * SIZE_UNITS[unit] < 1:
        raise ValueError(f"invalid size {value!r} (expected e.g. 4MB, 512KB or a number of bytes)")
    return int(float(m.group(1)) * SIZE_UNITS[unit])


from .cli_lint import codes as _codes  # noqa: E402


def scan(
    input: str = typer.Argument(..., help="A folder of articles, a .jsonl file or a .parquet file (or folder of them)."),
    output: str = typer.Option(..., "--output", "-o", help="Output folder: findings, summary and renderings tables."),
    engine: str = typer.Option("local", "--engine", help="local (processes on this machine) or dask."),
    address: Optional[str] = typer.Option(None, "--address", help="With --engine dask: a running scheduler, e.g. tcp://host:8786 (default: start a LocalCluster)."),
    workers: Optional[int] = typer.Option(None, "--workers", "-j", help="Worker processes (default: every core)."),
    glossary: Optional[List[str]] = typer.Option(None, "--glossary", "-g", help="Glossary file or folder (default: the project's glossaries/)."),
    select: Optional[List[str]] = typer.Option(None, help="Only these rule codes or prefixes (comma-separated)."),
    ignore: Optional[List[str]] = typer.Option(None, help="Skip these rule codes or prefixes."),
    locale: Optional[str] = typer.Option(None, help="zh-CN, zh-TW or zh-HK: expect that region's forms."),
    input_format: str = typer.Option("auto", "--format", help="auto, files, jsonl or parquet."),
    text_column: str = typer.Option("text", "--text-column", help="JSONL field or Parquet column holding the text."),
    id_column: Optional[str] = typer.Option(None, "--id-column", help="Field or column holding document ids (default: 'id' if present, else the position)."),
    chunk_size: str = typer.Option("4MB", "--chunk-size", help="Text per chunk: the unit of work, of memory per worker and of resuming."),
    encoding: Optional[str] = typer.Option(None, help="Force the encoding of article files (default: detect)."),
    overwrite: bool = typer.Option(False, "--overwrite", help="Replace an earlier scan in OUTPUT instead of resuming it."),
    progress: Optional[bool] = typer.Option(None, "--progress/--no-progress", help="Show a progress bar (default: when stderr is a terminal)."),
) -> None:
    """Scan a corpus into Parquet and CSV tables; an interrupted scan resumes where it stopped."""
    import sys

    from .cli_common import fail, report_glossary_error
    from .errors import GlossaryError, MtqaError

    if locale is not None and locale not in ("zh-CN", "zh-TW", "zh-HK"):
        fail(f"unknown locale {locale!r} (expected zh-CN, zh-TW or zh-HK)")
    if address and engine != "dask":
        fail("--address needs --engine dask")
    try:
        chunk_bytes = parse_size(chunk_size)
    except ValueError as exc:
        fail(f"--chunk-size: {exc}")
    from .extras import require

    try:
        require("pyarrow", "mtqa scan")
        if engine == "dask":
            require("distributed", "mtqa scan --engine dask")
            require("dask", "mtqa scan --engine dask")
        from .scan.run import scan as run_scan

        result = run_scan(input, output, engine=engine, workers=workers, address=address, glossary=glossary,
                          select=_codes(select), ignore=_codes(ignore), locale=locale, fmt=input_format,
                          text_column=text_column, id_column=id_column, chunk_bytes=chunk_bytes,
                          encoding=encoding, overwrite=overwrite,
                          progress=sys.stderr.isatty() if progress is None else progress)
    except GlossaryError as exc:
        report_glossary_error(exc)
    except (MtqaError, ValueError) as exc:
        fail(str(exc))
    except OSError as exc:  # a full disk, a folder we may not write to
        fail(f"{exc.filename or output}: {exc.strerror or exc}")
    except KeyboardInterrupt:
        typer.echo(f"interrupted: run the same command again to resume the scan in {output}", err=True)
        raise typer.Exit(130)
    mb = result.bytes / 1e6
    if result.already_complete:
        typer.echo(f"{output} already holds a complete scan of {input} ({result.documents:,} documents, "
                   f"{result.findings:,} findings); pass --overwrite to scan again.")
    else:
        rate = f", {result.scanned_bytes / 1e6 / result.seconds:.2f} MB/s" if result.seconds > 0 else ""
        resumed = f" ({result.resumed} of {result.chunks} chunks from the interrupted run)" if result.resumed else ""
        chunks = f"{result.chunks} chunk{'s' if result.chunks != 1 else ''}"
        typer.echo(f"Scanned {result.documents:,} documents ({mb:.1f} MB) in {chunks}{resumed}: "
                   f"{result.findings:,} findings in {result.seconds:.1f} s{rate}.")
        typer.echo(f"Tables in {output}: findings/, summary/, renderings/ (Parquet) and "
                   "findings.csv, summary.csv, renderings.csv.")
    if result.problems:
        typer.echo(f"error: {len(result.problems)} document(s) could not be scanned (see the problem column "
                   "of the summary table)", err=True)
        raise typer.Exit(2)


def report(
    inputs: List[str] = typer.Argument(..., help="A scan's output folder, or article files and folders to lint now."),
    output: str = typer.Option(..., "--output", "-o", help="The HTML file to write."),
    glossary: Optional[List[str]] = typer.Option(None, "--glossary", "-g", help="For articles: glossary file or folder."),
    select: Optional[List[str]] = typer.Option(None, help="For articles: only these rule codes or prefixes."),
    ignore: Optional[List[str]] = typer.Option(None, help="For articles: skip these rule codes or prefixes."),
    max_documents: int = typer.Option(200, "--max-documents", help="Show at most this many documents in full (the ones with most findings)."),
    title: Optional[str] = typer.Option(None, "--title", help="The report's title."),
) -> None:
    """Write one self-contained HTML report (no network needed) of a scan or of articles."""
    from .cli_common import fail, report_glossary_error
    from .errors import GlossaryError, MtqaError

    if max_documents < 0:
        fail("--max-documents must be 0 or more")
    from .report import html
    from .scan import report_data

    try:
        scans = [report_data.is_scan_folder(p) for p in inputs]
        if any(scans):
            if len(inputs) != 1:
                fail("give one scan folder, or article files and folders, not both")
            from .extras import require

            require("pyarrow", "mtqa report on a scan folder")
            data = report_data.from_scan(scans[0], max_documents=max_documents, title=title)
        else:
            data = report_data.from_paths(inputs, glossary=glossary or None, select=_codes(select),
                                          ignore=_codes(ignore), max_documents=max_documents, title=title)
        html.write(data, output)
    except GlossaryError as exc:
        report_glossary_error(exc)
    except (MtqaError, ValueError) as exc:
        fail(str(exc))
    except OSError as exc:
        fail(f"{exc.filename or output}: {exc.strerror}")
    typer.echo(f"Wrote {output}: {data.documents_total:,} documents, {data.findings_total:,} findings "
               f"({len(data.documents)} documents shown in full).")
    for problem in data.problems:
        typer.echo(f"error: {problem}", err=True)
    if data.problems:
        raise typer.Exit(2)


def register(app: typer.Typer) -> None:
    """Add `scan` and `report` to the main command line."""
    app.command("scan")(scan)
    app.command("report")(report)
