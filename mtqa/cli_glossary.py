"""`mtqa glossary ...`: validate, import and export glossaries."""
from __future__ import annotations

import sys
from typing import List

import typer

from .cli_common import report_glossary_error

glossary_app = typer.Typer(no_args_is_help=True, help="Glossary maintenance: validate, import, export.")


@glossary_app.command("validate")
def glossary_validate(paths: List[str] = typer.Argument(None, help="Glossary files or folders (default: glossaries/).")) -> None:
    """Check glossary files; every problem is reported with file and line."""
    from .errors import GlossaryError
    from .glossary import load_glossary
    from .lint import default_glossary_path

    try:
        g = load_glossary(*(paths or [default_glossary_path()]))
    except GlossaryError as exc:
        report_glossary_error(exc, code=1)
    n_terms = sum(len(c.terms) for c in g)
    typer.echo(f"OK: {len(g)} concepts, {n_terms} terms in {len(g.sources)} file(s).")


@glossary_app.command("import")
def glossary_import(
    source: str = typer.Argument(..., help="A CSV file with header concept_id,type,lang,term,status,note."),
    output: str = typer.Option(..., "--output", "-o", help="The YAML glossary file to write."),
) -> None:
    """Convert the flat CSV interchange form to a YAML glossary file."""
    from pathlib import Path

    from .errors import GlossaryError
    from .fix import write_atomic
    from .glossary import load_glossary
    from .glossary.io_yaml_write import dump_concepts

    try:
        g = load_glossary(source)
    except GlossaryError as exc:
        report_glossary_error(exc)
    text = dump_concepts(g.concepts, header=f"Imported from {Path(source).name} by `mtqa glossary import`.")
    write_atomic(output, text.encode("utf-8"))
    typer.echo(f"Wrote {len(g)} concepts to {output}.")


@glossary_app.command("export")
def glossary_export(
    paths: List[str] = typer.Argument(None, help="Glossary files or folders (default: glossaries/)."),
    output: str = typer.Option("-", "--output", "-o", help="The CSV file to write ('-' for stdout)."),
) -> None:
    """Write the glossary as the flat CSV interchange form."""
    from .errors import GlossaryError
    from .fix import write_atomic
    from .glossary import load_glossary
    from .glossary.io_csv import write_csv
    from .lint import default_glossary_path

    try:
        g = load_glossary(*(paths or [default_glossary_path()]))
    except GlossaryError as exc:
        report_glossary_error(exc)
    data = write_csv(g)
    if output == "-":
        sys.stdout.write(data)
    else:
        write_atomic(output, data.encode("utf-8"))
        typer.echo(f"Wrote {sum(len(c.terms) for c in g)} terms of {len(g)} concepts to {output}.", err=True)
