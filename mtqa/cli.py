"""The `mtqa` command line (typer). Thin: parse options, call the library."""
from __future__ import annotations

import sys
from typing import List, Optional

import typer

from .cli_glossary import glossary_app

app = typer.Typer(no_args_is_help=True, add_completion=False,
                  help="Find and fix translation errors in Chinese articles.")
app.add_typer(glossary_app, name="glossary")


def _codes(values: Optional[List[str]]) -> Optional[List[str]]:
    if not values:
        return None
    return [c.strip() for v in values for c in v.split(",") if c.strip()]


from .cli_common import fail as _fail


@app.command()
def lint(
    paths: List[str] = typer.Argument(..., help="Files or folders (.txt, .md) to check."),
    glossary: Optional[List[str]] = typer.Option(None, "--glossary", "-g", help="Glossary file or folder (default: the project's glossaries/)."),
    output_format: str = typer.Option("text", "--format", "-f", help="text or json."),
    select: Optional[List[str]] = typer.Option(None, help="Only these rule codes or prefixes (comma-separated)."),
    ignore: Optional[List[str]] = typer.Option(None, help="Skip these rule codes or prefixes."),
    fix: bool = typer.Option(False, "--fix", help="Apply safe fixes in place."),
    unsafe_fixes: bool = typer.Option(False, "--unsafe-fixes", help="With --fix or --diff, apply unsafe fixes too."),
    diff: bool = typer.Option(False, "--diff", help="Print the fixes as a unified diff; write nothing."),
    fail_on: str = typer.Option("error", "--fail-on", help="Exit 1 when a finding is at least this severe: error, warning or info."),
    locale: Optional[str] = typer.Option(None, help="zh-CN, zh-TW or zh-HK: expect that region's forms."),
    encoding: Optional[str] = typer.Option(None, help="Force the input encoding (default: detect)."),
) -> None:
    """Check articles against the glossary; with --fix, repair what is safe to repair."""
    from .errors import GlossaryError, MtqaError
    from .findings import Severity
    from .run_lint import LintOptions, run

    if output_format not in ("text", "json"):
        _fail(f"unknown format {output_format!r} (expected text or json)")
    if locale is not None and locale not in ("zh-CN", "zh-TW", "zh-HK"):
        _fail(f"unknown locale {locale!r} (expected zh-CN, zh-TW or zh-HK)")
    try:
        threshold = Severity.parse(fail_on)
        opts = LintOptions(paths=paths, glossary=glossary or [], output_format=output_format,
                           select=_codes(select), ignore=_codes(ignore), fix=fix,
                           unsafe_fixes=unsafe_fixes, diff=diff, fail_on=threshold, locale=locale,
                           encoding=encoding)
        code = run(opts)
    except GlossaryError as exc:
        typer.echo("error: invalid glossary:", err=True)
        for p in exc.problems:
            typer.echo(f"  {p}", err=True)
        raise typer.Exit(2)
    except (MtqaError, ValueError) as exc:
        _fail(str(exc))
    raise typer.Exit(code)


@app.command()
def rules(output_format: str = typer.Option("text", "--format", "-f", help="text or json.")) -> None:
    """List every rule with its code, name, default severity and fix."""
    from .rules import ALL_RULES

    if output_format == "json":
        import json

        typer.echo(json.dumps([{"code": r.code, "name": r.name, "severity": r.severity.value,
                                "fix": r.fix, "default": r.default, "summary": r.summary} for r in ALL_RULES],
                              ensure_ascii=False, indent=2))
        return
    for r in ALL_RULES:
        typer.echo(f"{r.code}  {r.name:<24} {r.severity.value:<8} {r.fix:<7} {r.summary}")


@app.command()
def explain(code: str = typer.Argument(..., help="A rule code such as T001.")) -> None:
    """Explain one rule, with an example."""
    from .rules import RULES

    rule = RULES.get(code.upper())
    if rule is None:
        _fail(f"unknown rule {code!r}; `mtqa rules` lists them")
    typer.echo(f"{rule.code} {rule.name} ({rule.severity.value}, {rule.fix} fix)\n")
    typer.echo(rule.summary + "\n")
    typer.echo(rule.explanation + "\n")
    typer.echo(f"Example: {rule.example}")


def main() -> None:
    app(prog_name="mtqa")


if __name__ == "__main__":
    main()
