"""Helpers shared by the CLI modules."""
from __future__ import annotations

import typer


def fail(message: str) -> None:
    """Report a usage or input problem and exit 2."""
    typer.echo(f"error: {message}", err=True)
    raise typer.Exit(2)


def report_glossary_error(exc, code: int = 2) -> None:
    """Print every located glossary problem, then exit."""
    for problem in exc.problems:
        typer.echo(str(problem), err=True)
    typer.echo(f"{len(exc.problems)} problem(s).", err=True)
    raise typer.Exit(code)
