"""The lint engine: documents in, findings out (no I/O besides reading)."""
from __future__ import annotations

import os
from pathlib import Path
from typing import Iterable, Iterator

from .document import Document, read_document
from .findings import Finding

DEFAULT_SUFFIXES = (".txt", ".md", ".markdown")


def default_glossary_path(start: Path | None = None) -> Path:
    """The nearest `glossaries/` folder above `start` (the project's), else the bundled one."""
    from .project import bundled_glossary_path, nearest_glossaries_folder

    return nearest_glossaries_folder(start) or bundled_glossary_path()


def get_matcher(glossary=None):
    """A Matcher from a Glossary, a Matcher, a path (or list of paths), or None (the default glossary)."""
    from .glossary.model import Glossary
    from .matcher import Matcher

    if isinstance(glossary, Matcher):
        return glossary
    if isinstance(glossary, Glossary):
        cached = getattr(glossary, "_matcher", None)
        if cached is None:
            cached = glossary._matcher = Matcher.build(glossary)
        return cached
    from .cache import load_matcher

    if glossary is None:
        paths = [default_glossary_path()]
    elif isinstance(glossary, (str, Path)):
        paths = [glossary]
    else:
        paths = list(glossary)
    return load_matcher(paths)


def lint_document(doc: Document, matcher, rules, locale: str | None = None, *,
                  allow: frozenset[str] = frozenset(), severities: dict | None = None,
                  carry=None, converge: bool = True, focus=None) -> list[Finding]:
    """Findings in `doc`: run `rules`, then honour the allow-list (folded forms, see
    `suppress.allowed`), the document's own mtqa directives (and, for a section of a big file,
    those a `suppress.Carry` brings from the sections before) and any severity overrides.
    With `converge`, a safe fix whose result would be flagged again is made unsafe
    (`converge.demote_unstable`: the fixed text is linted once more). A `focus`
    (`rules.textutil.SpanSet`) lets rules skip candidates that meet none of its spans."""
    from .prose import keep_to_prose
    from .rules.base import LintContext
    from .suppress import apply_directives, is_allowed

    ctx = LintContext(doc=doc, matcher=matcher, locale=locale, focus=focus)
    if allow and matcher is not None:  # an allowed form is no rendering at all (nor a C001 variant)
        scan = matcher.scan(doc.text, locale=locale, not_prose=doc.not_prose, folded=ctx.folded)
        text = doc.text
        ctx._scanned, ctx._concepts = scan, scan.concepts
        ctx._hits = [h for h in scan.hits if not is_allowed(text[h.start:h.end], allow)]
    findings: list[Finding] = []
    for rule in rules:
        if rule.needs_glossary and matcher is None:
            continue
        findings.extend(rule.check(ctx))
    if allow:
        findings = [f for f in findings if not is_allowed(f.found, allow)]
    if doc.not_prose:
        findings = keep_to_prose(findings, doc.not_prose)
    findings = apply_directives(doc, findings, {r.code for r in rules}, carry)
    if severities:
        for f in findings:
            f.severity = severities.get(f.rule, f.severity)
    findings.sort(key=lambda f: (f.start, f.end, f.rule))
    if converge and any(f.fix is not None and f.fix.applicability == "safe" for f in findings):
        from .converge import demote_unstable

        def relint(text: str, focus) -> list[Finding]:
            again = Document(text=text, path=doc.path, first_line=doc.first_line, first_column=doc.first_column)
            return lint_document(again, matcher, rules, locale, allow=allow, severities=severities, carry=carry,
                                 converge=False, focus=focus)

        demote_unstable(doc.text, findings, relint)
    return findings


def lint_text(text: str, glossary=None, *, path: str = "<text>", select=None, ignore=None,
              locale: str | None = None) -> list[Finding]:
    """Lint one string. `glossary`: a Glossary, a path, or None for the default glossary."""
    from .rules import select_rules

    return lint_document(Document(text=text, path=path), get_matcher(glossary),
                         select_rules(select, ignore), locale=locale)


def iter_files(paths: Iterable, suffixes=DEFAULT_SUFFIXES, resolver=None) -> Iterator[Path]:
    """Files named by `paths`; folders are walked for `suffixes` (hidden folders skipped).

    With a `config.Resolver`, each folder's settings decide instead: `include` picks the files
    a walk finds, `exclude` drops files and whole folders, even files named explicitly.
    """
    for raw in paths:
        p = Path(raw)
        if not p.is_dir():
            # Named explicitly: linted whatever its suffix (read errors are reported), unless excluded.
            if resolver is None or not resolver.for_file(p).excluded(p):
                yield p
            continue
        found = []
        for folder, dirs, files in os.walk(p):
            here = Path(folder)
            settings = resolver.for_folder(here) if resolver is not None else None
            dirs[:] = [d for d in dirs if not d.startswith(".")
                       and (settings is None or not settings.excluded(here / d))]
            for name in files:
                f = here / name
                if name.startswith("."):
                    continue
                if settings is None:
                    if f.suffix.lower() in suffixes:
                        found.append(f)
                elif settings.included(f) and not settings.excluded(f):
                    found.append(f)
        yield from sorted(found)


def lint_paths(paths: Iterable, glossary=None, *, select=None, ignore=None, locale=None,
               encoding=None) -> Iterator[tuple[Document, list[Finding]]]:
    from .rules import select_rules

    matcher = get_matcher(glossary)
    rules = select_rules(select, ignore)
    for f in iter_files(paths):
        doc = read_document(f, encoding=encoding)
        yield doc, lint_document(doc, matcher, rules, locale=locale)
