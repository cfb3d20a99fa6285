"""`mtqa glossary ...`: validate, look up, edit, import/export, stats, mine and derive glossaries.

Thin: parse options, call `mtqa.glossary.*`, print, exit. Only typer is imported at start-up
(this module loads with every `mtqa` command); everything else is imported by the command.
Exit codes: 0 done/clean, 1 problems found (or an edit refused), 2 bad usage or unreadable input.
"""
from __future__ import annotations

import sys
from typing import List, Optional

import typer

from .cli_common import fail, report_glossary_error

glossary_app = typer.Typer(no_args_is_help=True, help="Glossary maintenance: validate, look up, edit, "
                                                      "import/export, stats, mine, derive.")

GLOSSARY_OPT = typer.Option(None, "--glossary", "-g", help="Glossary files or folders (default: glossaries/).")
DRY_RUN_OPT = typer.Option(False, "--dry-run", help="Print the change as a unified diff; write nothing.")


def _glossary_paths(paths: Optional[List[str]]) -> list:
    """The glossary a reading command uses: `paths`, else the project's, else the bundled one."""
    from pathlib import Path

    from .errors import MtqaError
    from .project import bundled_glossary_path, project_glossary

    if paths:
        missing = [p for p in paths if not Path(p).exists()]
        if missing:
            fail(f"{missing[0]}: no such glossary file or folder")
        return list(paths)
    try:
        return [str(p) for p in project_glossary() or [bundled_glossary_path()]]
    except MtqaError as exc:
        fail(str(exc))


def _load(paths: Optional[List[str]]):
    from .errors import GlossaryError
    from .glossary import load_glossary

    try:
        return load_glossary(*_glossary_paths(paths))
    except GlossaryError as exc:
        report_glossary_error(exc, code=2)


def _choice(value: Optional[str], allowed, what: str) -> None:
    if value is not None and value not in allowed:
        fail(f"unknown {what} {value!r} (expected one of {', '.join(allowed)})")


# ---- validate ---------------------------------------------------------------------
@glossary_app.command("validate")
def glossary_validate(
    paths: List[str] = typer.Argument(None, help="Glossary files or folders (default: glossaries/)."),
    output_format: str = typer.Option("text", "--format", "-f", help="text or json."),
    ignore: Optional[List[str]] = typer.Option(None, help="Skip these checks (G001–G005, comma-separated)."),
    strict: bool = typer.Option(False, "--strict", help="Exit 1 on warnings too."),
) -> None:
    """Check glossary files: the loader's checks plus duplicates, near-duplicates and zh-Hant spellings.

    Every problem names its file and line. Exit 0 clean, 1 problems, 2 usage. Works as a
    pre-commit hook on the glossary files (see docs/glossary-maintenance.md).
    """
    from .glossary.checks import CHECKS, validate_paths

    _choice(output_format, ("text", "json"), "format")
    skip = {c.strip().upper() for v in ignore or [] for c in v.split(",") if c.strip()}
    _choice(next((c for c in skip if c not in CHECKS), None), list(CHECKS), "check")
    glossary, issues = validate_paths(_glossary_paths(paths), frozenset(skip))
    errors = [i for i in issues if i.severity == "error"]
    warnings = [i for i in issues if i.severity == "warning"]
    if output_format == "json":
        import json

        typer.echo(json.dumps([i.as_dict() for i in issues], ensure_ascii=False, indent=2))
    else:
        for issue in issues:
            typer.echo(str(issue))
    if glossary is not None and not errors:
        n_terms = sum(len(c.terms) for c in glossary)
        tail = f" ({len(warnings)} warning(s))" if warnings else ""
        typer.echo(f"OK: {len(glossary)} concepts, {n_terms} terms in {len(glossary.sources)} file(s){tail}.", err=True)
    else:
        typer.echo(f"{len(errors)} error(s), {len(warnings)} warning(s).", err=True)
    raise typer.Exit(1 if errors or (strict and warnings) else 0)


# ---- look-up ---------------------------------------------------------------------------
@glossary_app.command("show")
def glossary_show(
    query: str = typer.Argument(..., help="A concept id, or a form of it (any case, either script)."),
    glossary: Optional[List[str]] = GLOSSARY_OPT,
    output_format: str = typer.Option("text", "--format", "-f", help="text or json."),
) -> None:
    """Show a concept by id or by one of its forms. Exit 1 when nothing matches."""
    from .glossary.lookup import concept_dict, describe, find_concepts

    _choice(output_format, ("text", "json"), "format")
    found = find_concepts(_load(glossary), query)
    if not found:
        typer.echo(f"no concept with id or form {query!r} (try: mtqa glossary search {query!r})", err=True)
        raise typer.Exit(1)
    if output_format == "json":
        import json

        typer.echo(json.dumps([concept_dict(c) for c in found], ensure_ascii=False, indent=2))
    else:
        typer.echo("\n\n".join(describe(c) for c in found))


@glossary_app.command("search")
def glossary_search(
    query: str = typer.Argument(..., help="Part of an id, form or note; pinyin (yang li kun); a sound-alike; a misspelt Latin name."),
    glossary: Optional[List[str]] = GLOSSARY_OPT,
    limit: int = typer.Option(20, "--limit", "-n", help="At most this many concepts."),
    output_format: str = typer.Option("text", "--format", "-f", help="text or json."),
) -> None:
    """Search concepts by id, form, note, pinyin or fuzzy Latin spelling, best match first. Exit 1 when none."""
    from .glossary.lookup import concept_dict, search

    _choice(output_format, ("text", "json"), "format")
    matches = search(_load(glossary), query, limit)
    if output_format == "json":
        import json

        typer.echo(json.dumps([{**concept_dict(m.concept), "score": m.score, "matched": m.how,
                                "matched_term": m.term.term if m.term else None} for m in matches],
                              ensure_ascii=False, indent=2))
    else:
        for m in matches:
            pref = " / ".join(t.term for t in m.concept.terms if t.status == "preferred")
            hit = f"{m.how}: {m.term.term}" if m.term else m.how
            typer.echo(f"{m.score:>3}  {m.concept.id:<28} {m.concept.type:<8} {pref}   ({hit}; {m.concept.source}:{m.concept.line})")
    if not matches:
        typer.echo(f"nothing matches {query!r}", err=True)
        raise typer.Exit(1)


# ---- edits ------------------------------------------------------------------------------
def _run_edit(paths: Optional[List[str]], dry_run: bool, edit) -> None:
    """Run `edit(editor)` on the project's glossary (never the bundled one), then commit (or show
    the diff); refused edits exit 1, bad requests 2."""
    from pathlib import Path

    from .errors import GlossaryError, InputError
    from .glossary.edit import EditError, EditRefused, Editor, unified_diff

    from .errors import MtqaError
    from .project import glossary_to_edit

    try:
        targets = glossary_to_edit(paths)
    except MtqaError as exc:
        fail(str(exc))
    missing = [p for p in targets if not Path(p).exists()]
    if missing:
        fail(f"{missing[0]}: no such glossary file or folder")
    try:
        editor = Editor(*targets)
        edit(editor)
        changes = editor.commit(dry_run=dry_run)
    except GlossaryError as exc:
        typer.echo("error: the glossary is invalid; fix it first (mtqa glossary validate):", err=True)
        report_glossary_error(exc, code=2)
    except EditRefused as exc:
        typer.echo("error: refused; the glossary would not be valid (nothing was written):", err=True)
        for problem in exc.problems:
            typer.echo(f"  {problem}", err=True)
        raise typer.Exit(1)
    except (EditError, InputError, ValueError) as exc:
        fail(str(exc))
    out_messages = (lambda m: typer.echo(m, err=True)) if dry_run else typer.echo
    for message in editor.messages:
        out_messages(message)
    if dry_run:
        sys.stdout.write(unified_diff(changes))
    elif not changes:
        typer.echo("nothing to change", err=True)


@glossary_app.command("add")
def glossary_add(
    concept_id: str = typer.Argument(..., help="The concept to add to (created when new: give --type)."),
    term: str = typer.Argument(..., help="The form, as written."),
    lang: Optional[str] = typer.Option(None, help="en, zh-Hans, zh-Hant, zh-CN, zh-TW, zh-HK (default: guessed from the script)."),
    status: Optional[str] = typer.Option(None, help="preferred, admitted or deprecated (default: preferred for a new concept, else admitted)."),
    term_type: Optional[str] = typer.Option(None, "--term-type", help="acronym, abbreviation, shortForm or fullForm."),
    note: Optional[str] = typer.Option(None, help="Why (shown in lint messages)."),
    suggest: Optional[str] = typer.Option(None, help="For a deprecated form: the replacement to suggest."),
    concept_type: Optional[str] = typer.Option(None, "--type", help="For a new concept: person, org, product, model, codename, title or term."),
    concept_note: Optional[str] = typer.Option(None, "--concept-note", help="For a new concept: what it is."),
    file: Optional[str] = typer.Option(None, "--file", help="For a new concept: the YAML file it goes in (default: the file with most concepts of its type)."),
    glossary: Optional[List[str]] = GLOSSARY_OPT,
    dry_run: bool = DRY_RUN_OPT,
) -> None:
    """Add a form to a concept, or a new concept, editing the YAML in place (comments and layout kept)."""
    from .glossary.model import CONCEPT_TYPES, LANGS, STATUSES, TERM_TYPES

    _choice(lang, LANGS, "lang")
    _choice(status, STATUSES, "status")
    _choice(term_type, TERM_TYPES, "term type")
    _choice(concept_type, CONCEPT_TYPES, "concept type")

    def edit(editor):
        from dataclasses import replace

        from .glossary.edit import guess_lang
        from .glossary.model import Concept, Term

        new = Term(term.strip(), lang or guess_lang(term), status or "admitted", note=note, type=term_type, suggest=suggest)
        if editor.glossary.get(concept_id) is not None:
            if concept_type or concept_note or file:
                fail(f"concept {concept_id!r} exists; --type, --concept-note and --file are for new concepts")
            editor.add_term(concept_id, new)
        else:
            if not concept_type:
                fail(f"no concept {concept_id!r}: to create it, give its --type ({', '.join(CONCEPT_TYPES)})")
            first = replace(new, status=status or "preferred")
            editor.add_concept(Concept(concept_id, concept_type, [first], note=concept_note), file)

    _run_edit(glossary, dry_run, edit)


@glossary_app.command("deprecate")
def glossary_deprecate(
    term: str = typer.Argument(..., help="The form to deprecate (added to --concept when it is not in the glossary)."),
    concept: Optional[str] = typer.Option(None, "--concept", "-c", help="The concept (needed when the form is new or ambiguous)."),
    lang: Optional[str] = typer.Option(None, help="The form's language, when ambiguous or new."),
    note: Optional[str] = typer.Option(None, help="Why it is wrong (shown in lint messages)."),
    suggest: Optional[str] = typer.Option(None, help="The replacement to suggest."),
    prefer: Optional[str] = typer.Option(None, "--prefer", help="First make this form preferred (to deprecate the preferred one)."),
    glossary: Optional[List[str]] = GLOSSARY_OPT,
    dry_run: bool = DRY_RUN_OPT,
) -> None:
    """Mark a form deprecated, in place. A preferred form needs --prefer OTHER."""
    from .glossary.model import LANGS

    _choice(lang, LANGS, "lang")

    def edit(editor):
        if prefer:
            found = editor.find_term(term, concept, lang)
            editor.prefer(prefer, concept or (found[0][0].id if len(found) == 1 else None), lang)
        editor.deprecate(term, concept, lang, note=note, suggest=suggest)

    _run_edit(glossary, dry_run, edit)


@glossary_app.command("prefer")
def glossary_prefer(
    term: str = typer.Argument(..., help="The form to make preferred (added to --concept when it is not in the glossary)."),
    concept: Optional[str] = typer.Option(None, "--concept", "-c", help="The concept (needed when the form is new or ambiguous)."),
    lang: Optional[str] = typer.Option(None, help="The form's language, when ambiguous or new."),
    glossary: Optional[List[str]] = GLOSSARY_OPT,
    dry_run: bool = DRY_RUN_OPT,
) -> None:
    """Make a form the preferred one of its language; the previous preferred form becomes admitted."""
    from .glossary.model import LANGS

    _choice(lang, LANGS, "lang")
    _run_edit(glossary, dry_run, lambda editor: editor.prefer(term, concept, lang))


# ---- import / export ----------------------------------------------------------------------
def _report_warnings(warnings) -> None:
    for w in warnings:
        typer.echo(f"warning: {w}", err=True)


@glossary_app.command("import")
def glossary_import(
    source: str = typer.Argument(..., help="A CSV (concept_id,type,lang,term,status,note), XLSX or TBX (v2 or v3) file."),
    output: Optional[str] = typer.Option(None, "--output", "-o", help="The YAML glossary file to write."),
    input_format: Optional[str] = typer.Option(None, "--format", help="csv, xlsx, tbx or yaml (default: from the suffix)."),
    default_type: str = typer.Option("term", "--type", help="TBX: the concept type when subjectField is not an mtqa type."),
    force: bool = typer.Option(False, "--force", help="Overwrite an existing --output file."),
    merge: bool = typer.Option(False, "--merge", help="Merge into the glossary (-g) in place instead of writing a new file."),
    file: Optional[str] = typer.Option(None, "--file", help="With --merge: the YAML file new concepts go in."),
    glossary: Optional[List[str]] = GLOSSARY_OPT,
    dry_run: bool = DRY_RUN_OPT,
) -> None:
    """Import a glossary from CSV, XLSX or TBX into YAML (a new file, or --merge into the glossary)."""
    from pathlib import Path

    from .fix import write_atomic
    from .glossary.checks import check_concepts_extra
    from .glossary.interchange import format_of, read_concepts
    from .glossary.io_yaml_write import dump_concepts
    from .glossary.model import CONCEPT_TYPES
    from .glossary.validate import check_concepts

    _choice(default_type, CONCEPT_TYPES, "concept type")
    if not Path(source).is_file():
        fail(f"{source}: no such file")
    if merge == bool(output):
        fail("give either --output FILE.yaml (a new glossary file) or --merge (into the glossary)")
    try:
        fmt = format_of(source, input_format)
    except ValueError as exc:
        fail(str(exc))
    problems, warnings = [], []
    concepts = read_concepts(source, fmt, problems, warnings, default_type)
    if not problems and not merge:  # merged rows may extend concepts: the merged glossary is checked instead
        problems.extend(check_concepts(concepts))
    _report_warnings(warnings)
    if problems:
        from .errors import GlossaryError

        report_glossary_error(GlossaryError(problems), code=2)
    if merge:
        _run_edit(glossary, dry_run, lambda editor: editor.merge(concepts, file))
        return
    if Path(output).suffix.lower() not in (".yaml", ".yml"):
        fail(f"{output}: import writes a YAML glossary (.yaml); to convert to {Path(output).suffix}, use export")
    if Path(output).exists() and not force:
        fail(f"{output} exists; pass --force to overwrite it, or --merge to merge into the glossary")
    for issue in check_concepts_extra(concepts):
        typer.echo(f"warning: {issue}", err=True)
    text = dump_concepts(concepts, header=f"Imported from {Path(source).name} by `mtqa glossary import`.")
    if dry_run:
        sys.stdout.write(text)
        return
    write_atomic(output, text.encode("utf-8"))
    typer.echo(f"Wrote {len(concepts)} concepts to {output}.")


@glossary_app.command("export")
def glossary_export(
    paths: List[str] = typer.Argument(None, help="Glossary files or folders (default: glossaries/)."),
    output: str = typer.Option("-", "--output", "-o", help="The file to write ('-' for stdout)."),
    output_format: Optional[str] = typer.Option(None, "--format", help="csv, xlsx or tbx (default: from the suffix; csv for stdout)."),
    tbx_version: int = typer.Option(3, "--tbx-version", help="3: TBX-Basic (ISO 30042:2019); 2: martif, as translate-toolkit and Weblate read it."),
    extra_columns: bool = typer.Option(False, "--extra-columns",
                                       help="CSV/XLSX: after the six stable columns, add term_type, suggest, exceptions, "
                                            "context, window and concept_note (what the YAML says beyond the six)."),
) -> None:
    """Write the glossary as CSV (the stable interchange form), XLSX or TBX."""
    from pathlib import Path

    from .fix import write_atomic
    from .glossary.interchange import format_of, write_concepts

    try:
        fmt = format_of(output, output_format) if (output_format or output != "-") else "csv"
    except ValueError as exc:
        fail(str(exc))
    if tbx_version not in (2, 3):
        fail(f"unknown TBX version {tbx_version} (expected 2 or 3)")
    if fmt == "xlsx" and output == "-":
        fail("XLSX is binary: give --output FILE.xlsx")
    g = _load(paths)
    names = ", ".join(Path(s).name for s in g.sources)
    if extra_columns and fmt not in ("csv", "xlsx"):
        fail("--extra-columns is for CSV and XLSX")
    data = write_concepts(g.concepts, fmt, tbx_version, f"Exported by mtqa from {names}", extra=extra_columns)
    if output == "-":
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
    else:
        write_atomic(output, data)
        typer.echo(f"Wrote {sum(len(c.terms) for c in g)} terms of {len(g)} concepts to {output}.", err=True)


# ---- corpus tools ------------------------------------------------------------------------------
def _corpus_files(corpus: List[str]) -> list:
    from pathlib import Path

    from .lint import iter_files

    for c in corpus:
        if not Path(c).exists():
            fail(f"{c}: no such file or folder")
    files = list(iter_files(corpus))
    if not files:
        fail(f"no .txt, .md or .markdown files in {', '.join(corpus)}")
    return files


def _write_or_print(output: Optional[str], text: str) -> None:
    if output and output != "-":
        from .fix import write_atomic

        write_atomic(output, text.encode("utf-8"))
        typer.echo(f"Wrote {output}.", err=True)
    else:
        sys.stdout.write(text)


@glossary_app.command("stats")
def glossary_stats(
    corpus: List[str] = typer.Argument(..., help="Article files or folders (.txt, .md)."),
    glossary: Optional[List[str]] = GLOSSARY_OPT,
    output_format: str = typer.Option("text", "--format", "-f", help="text, csv or json."),
    by: str = typer.Option("term", "--by", help="term: one row per form; concept: one row per concept."),
    unused: bool = typer.Option(False, "--unused", help="Only concepts that never occur."),
    output: Optional[str] = typer.Option(None, "--output", "-o", help="Write to this file instead of stdout."),
) -> None:
    """How often each form of each concept occurs in a corpus: which renderings writers use, which concepts never occur."""
    from .errors import GlossaryError, MtqaError
    from .glossary.stats import render, stats_frame

    _choice(output_format, ("text", "csv", "json"), "format")
    _choice(by, ("term", "concept"), "--by")
    files = _corpus_files(corpus)
    try:
        from .lint import get_matcher

        matcher = get_matcher(_glossary_paths(glossary))
        frame = stats_frame(matcher.glossary, files, by=by, unused_only=unused, matcher=matcher)
    except GlossaryError as exc:
        report_glossary_error(exc, code=2)
    except MtqaError as exc:
        fail(str(exc))
    _write_or_print(output, render(frame, output_format))


@glossary_app.command("mine")
def glossary_mine(
    corpus: List[str] = typer.Argument(None, help="Article files or folders to mine (.txt, .md)."),
    glossary: Optional[List[str]] = GLOSSARY_OPT,
    output: Optional[str] = typer.Option(None, "--output", "-o", help="The candidates CSV to write (default: stdout)."),
    top: Optional[int] = typer.Option(None, "--top", help="Only the best N candidate concepts."),
    min_count: int = typer.Option(2, "--min-count", help="How often a name without other evidence must occur."),
    apply: Optional[str] = typer.Option(None, "--apply", help="Merge this reviewed candidates CSV into the glossary instead."),
    file: Optional[str] = typer.Option(None, "--file", help="With --apply: the YAML file new concepts go in (default: by type)."),
    dry_run: bool = DRY_RUN_OPT,
) -> None:
    """Propose glossary entries from articles (CSV for review), or --apply a reviewed CSV."""
    from .errors import GlossaryError, MtqaError

    if apply:
        if corpus:
            fail("--apply merges a reviewed CSV; give no corpus with it")
        from pathlib import Path

        from .glossary.mine import read_reviewed

        if not Path(apply).is_file():
            fail(f"{apply}: no such file")
        problems: list = []
        concepts = read_reviewed(Path(apply), problems)
        if problems:
            report_glossary_error(GlossaryError(problems), code=2)
        _run_edit(glossary, dry_run, lambda editor: editor.merge(concepts, file))
        return
    if not corpus:
        fail("give a corpus (files or folders) to mine, or --apply FILE.csv")
    files = _corpus_files(corpus)
    from .glossary.mine import load_corpus, mine, write_candidates

    g = _load(glossary)
    try:
        docs = load_corpus(files)
    except MtqaError as exc:
        fail(str(exc))
    candidates = mine(g, docs, min_count=min_count)
    _write_or_print(output, write_candidates(candidates, top))
    typer.echo(f"{min(len(candidates), top or len(candidates))} candidate concept(s) from {len(docs)} file(s).", err=True)


@glossary_app.command("derive")
def glossary_derive(
    to: str = typer.Option(..., "--to", help="zh-Hant, zh-TW or zh-HK."),
    glossary: Optional[List[str]] = GLOSSARY_OPT,
    list_only: bool = typer.Option(False, "--list", help="List the derived forms still awaiting review; change nothing."),
    dry_run: bool = DRY_RUN_OPT,
) -> None:
    """Fill missing Traditional forms through OpenCC, marked `derived: true` for review."""
    from .glossary.derive import TARGETS, derive, pending_review

    _choice(to, list(TARGETS), "--to")
    if list_only:
        for c, t in pending_review(_load(glossary)):
            if t.lang == to:
                typer.echo(f"{c.source}:{t.line}: {c.id}: {t.term} ({t.lang}, {t.status})")
        return

    def edit(editor):
        n = derive(editor, to)
        editor.messages[:] = [f"derived {n} {to} form(s) marked `derived: true`; review them, then delete the marker "
                              f"(mtqa glossary derive --to {to} --list shows them)" if n else f"no concept lacks {to} forms"]

    _run_edit(glossary, dry_run, edit)
