"""`mtqa score` (MT quality: sacrebleu and term metrics) and `mtqa bilingual` (source/target checks).

Imported at start-up of every `mtqa` command: only typer at the top; the work is imported inside
the commands. `register(app)` adds both commands to the main app.
"""
from __future__ import annotations

from typing import List, Optional

import typer

from .cli_common import codes, fail, run_or_exit

GLOSSARY = typer.Option(None, "--glossary", "-g", help="Glossary file or folder (default: the project's glossaries/).")
OUTPUT = typer.Option(None, "--output", "-o", help="Write the report to this file instead of stdout.")


def score(
    hyp: str = typer.Option(..., "--hyp", help="Hypothesis (MT output): a file, or a folder of documents."),
    ref: str = typer.Option(..., "--ref", help="Reference: a file, or a folder with the same file names."),
    glossary: Optional[List[str]] = GLOSSARY,
    output_format: str = typer.Option("text", "--format", "-f", help="text, csv or json."),
    output: Optional[str] = OUTPUT,
    fixed: bool = typer.Option(False, "--fixed", help="Also score the hypothesis after mtqa's safe fixes."),
    width: int = typer.Option(1, "--width", "-w", min=0, max=10, help="Decimals, as sacrebleu's -w (default 1)."),
) -> None:
    """Score MT output against references: BLEU (zh), chrF, chrF++, TER and glossary term metrics.

    Documents pair by file name, segments by line. Exit 0, or 2 on unreadable or unpaired input.
    """
    from .score.table import FORMATS

    if output_format not in FORMATS:
        fail(f"unknown format {output_format!r} (expected one of {', '.join(FORMATS)})")

    def action() -> int:
        from .score.run import score_paths, write_report

        report = score_paths(hyp, ref, glossary=glossary or None, fixed=fixed)
        write_report(report, output_format, output, width)
        return 0

    raise typer.Exit(run_or_exit(action))


def bilingual(
    paths: List[str] = typer.Argument(..., help="TSV/CSV (source, target), PO, XLIFF 1.2/2.0 or TMX files, or folders."),
    glossary: Optional[List[str]] = GLOSSARY,
    output_format: str = typer.Option("text", "--format", "-f", help="An output format of `mtqa lint`: text, concise, json, sarif, github, csv, xlsx."),
    output: Optional[str] = OUTPUT,
    select: Optional[List[str]] = typer.Option(None, help="Only these rule codes or prefixes (B001, B00…), comma-separated."),
    ignore: Optional[List[str]] = typer.Option(None, help="Skip these rule codes or prefixes."),
    fail_on: str = typer.Option("error", "--fail-on", help="Exit 1 when a finding is at least this severe: error, warning or info."),
) -> None:
    """Check English→Chinese segments against their source: key terms, numbers, names, empty targets.

    B001 key term, B002 number, B003 Latin name, B004 untranslated, B005 empty target.
    Findings, formats and exit codes as `mtqa lint`; nothing is written.
    """
    from .report import FORMATS

    if output_format not in FORMATS:
        fail(f"unknown format {output_format!r} (expected one of {', '.join(FORMATS)})")

    def action() -> int:
        from .bilingual.run import BilingualOptions, run
        from .findings import Severity

        opts = BilingualOptions(paths=paths, glossary=glossary or [], output_format=output_format, output=output,
                                select=codes(select), ignore=codes(ignore), fail_on=Severity.parse(fail_on))
        return run(opts)

    raise typer.Exit(run_or_exit(action))


def register(app: typer.Typer) -> None:
    """Add `score` and `bilingual` to the main `mtqa` app."""
    app.command("score")(score)
    app.command("bilingual")(bilingual)
