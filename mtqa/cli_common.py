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


from .cli_lint import codes  # noqa: E402,F401  (re-exported for the other commands)


def run_or_exit(action) -> int:
    """Run `action()` and return its exit code; a user-facing error is printed and gives 2."""
    from .errors import GlossaryError, MtqaError

    try:
        return action()
    except GlossaryError as exc:
        typer.echo("error: invalid glossary:", err=True)
        for p in exc.problems:
            typer.echo(f"  {p}", err=True)
    except (MtqaError, ValueError) as exc:
        typer.echo(f"error: {exc}", err=True)
    return 2


def show_settings(opts, output_format: str = "text") -> int:
    """`mtqa config`: the effective settings for opts.paths[0], each with where it comes from."""
    import json
    from pathlib import Path

    from .errors import MtqaError
    from .lint import default_glossary_path
    from .run_lint import resolver_for

    target = Path(opts.paths[0])
    resolver = resolver_for(opts)
    settings = resolver.for_folder(target) if target.is_dir() else resolver.for_file(target)
    described = settings.describe(None if target.is_dir() else target)
    if described["glossary"][0] is None:
        try:
            described["glossary"] = ([str(default_glossary_path())], described["glossary"][1])
        except MtqaError as exc:
            described["glossary"] = ([], [str(exc)])
    files = settings.config_files
    if output_format == "json":
        data = {"path": str(target), "config_files": files,
                "settings": {k: {"value": v, "from": src} for k, (v, src) in described.items()}}
        if not target.is_dir():
            data["excluded"] = settings.excluded(target)
        typer.echo(json.dumps(data, ensure_ascii=False, indent=2))
        return 0
    typer.echo(f"# Settings for {target}")
    if files:
        chain = files[-1] + "".join(f" (extends {f})" for f in reversed(files[:-1]))
        typer.echo(f"# config file: {chain}")
    else:
        typer.echo("# config file: none found (defaults)")
    if not target.is_dir() and settings.excluded(target):
        typer.echo("# this file is excluded: `mtqa lint` skips it")
    for key, (value, src) in described.items():
        typer.echo(f"\n# from: {', '.join(src)}\n{key} = {json.dumps(value, ensure_ascii=False)}")
    return 0
