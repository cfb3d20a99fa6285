"""`mtqa lint`: settle the settings, read files, lint, optionally fix or diff, report, choose the exit code."""
from __future__ import annotations

import difflib
import os
import re
import sys
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

from .document import Document, decode, read_bytes
from .errors import InputError, MtqaError, core_panic_message, is_core_panic
from .findings import Severity

@dataclass
class LintOptions:
    paths: list[str]
    glossary: list[str] = field(default_factory=list)
    output_format: str = "text"
    select: list[str] | None = None
    extend_select: list[str] | None = None
    ignore: list[str] | None = None
    fix: bool = False
    unsafe_fixes: bool = False
    diff: bool = False
    fail_on: Severity | str | None = None  # None: the config's `fail-on`, else error
    locale: str | None = None
    encoding: str | None = None
    config: str | None = None  # use this config file for every path (no discovery)
    isolated: bool = False  # read no config file at all
    output: str | None = None  # write the report here instead of stdout
    report_unused_suppressions: bool = False
    quiet: bool = False
    progress: bool | None = None  # None: on a terminal, for many files
    jobs: int | None = None  # worker processes; None: one per CPU when there are many files
    stdin_filename: str | None = None  # with paths == ["-"]: the file standard input stands for


def resolver_for(opts: LintOptions):
    """A config.Resolver with the command-line options as the top layer."""
    from .config import Resolver, command_line_layer

    extend = list(opts.extend_select or []) + (["M001"] if opts.report_unused_suppressions else [])
    fail_on = opts.fail_on.value if isinstance(opts.fail_on, Severity) else opts.fail_on
    overrides = command_line_layer(glossary=opts.glossary, select=opts.select, extend_select=extend,
                                   ignore=opts.ignore, locale=opts.locale, fail_on=fail_on,
                                   encoding=opts.encoding)
    return Resolver(overrides, config=opts.config, isolated=opts.isolated)


class _Matchers:
    """One compiled glossary per distinct glossary setting (usually just one)."""

    def __init__(self):
        self._by_paths: dict = {}

    def get(self, paths):
        from .lint import get_matcher

        key = tuple(paths) if paths else None
        if key not in self._by_paths:
            self._by_paths[key] = get_matcher(list(key) if key else None)
        return self._by_paths[key]

    def report_adaptations(self, err, quiet: bool = False) -> None:
        """Say, once a run, what loading each glossary adapted (a type 'company' read as 'org')."""
        if quiet:
            return
        from .errors import Problem

        for matcher in self._by_paths.values():
            glossary = getattr(matcher, "glossary", None)
            for w in getattr(glossary, "warnings", ()):
                err.write(f"warning: {Problem(_shown_path(w.path), w.line, w.message)}\n")

    def build_automata(self) -> None:
        """Build every automaton now, so that forked workers inherit it instead of each building
        its own (0.6 s for a 10,000-concept glossary)."""
        for matcher in self._by_paths.values():
            if matcher is not None:
                matcher.scanner  # noqa: B018


def _shown_path(path: str) -> str:
    """A path as the user would type it: relative to the working folder when inside it."""
    try:
        return os.path.relpath(path) if not os.path.relpath(path).startswith("..") else path
    except ValueError:  # another drive (Windows)
        return path


@dataclass
class _Outcome:
    """What the exit code depends on, gathered while results stream to the report."""

    input_error: bool = False
    failing: bool = False
    fixed: int = 0
    diffs: bool = False


def run(opts: LintOptions, out=None, err=None, stdin: bytes | None = None) -> int:
    """Lint `opts.paths` (["-"]: `stdin`, else the process's standard input) and return the exit code."""
    out = out or sys.stdout
    err = err or sys.stderr
    if opts.output_format == "xlsx" and opts.output is None and not opts.diff and _is_terminal(out):
        raise MtqaError(f"{opts.output_format} is a binary format: pass --output FILE.{opts.output_format}")
    if opts.paths == ["-"]:
        from .stdin import run_stdin

        return run_stdin(opts, out, err, stdin)
    from .lint import iter_files

    resolver = resolver_for(opts)
    files = list(iter_files(opts.paths, resolver=resolver))
    plan = [(path, resolver.for_file(path)) for path in files]
    matchers = _Matchers()
    for _, settings in plan:  # every config and glossary error before any file is touched
        matchers.get(settings.glossary)
    matchers.report_adaptations(err, opts.quiet)
    if not files:
        err.write("warning: no files to check (nothing matched, or everything is excluded)\n")
    outcome = _Outcome()
    results = _results(opts, plan, matchers, outcome, out, err)
    if opts.diff:
        for _ in results:  # the diffs are written as each file is done
            pass
    else:
        _report(opts, results, out, lambda: outcome.fixed, lambda: outcome.input_error)
    if outcome.input_error:
        return 2
    if opts.diff:
        return 1 if outcome.diffs else 0
    return 1 if outcome.failing else 0


def _results(opts: LintOptions, plan, matchers, outcome: _Outcome, out, err):
    """(document, findings) for each file — or for each section of a big file — in order,
    recording in `outcome` what decides the exit code. Input errors go to `err` and the
    run goes on with the next file. Small files are linted by `--jobs` worker processes
    when there are many; big files stream through this process section by section."""
    from .sections import is_big

    global _JOB
    progress = _progress(opts, len(plan), err, out)
    big = [is_big(path) for path, _ in plan]
    small = [i for i, b in enumerate(big) if not b]
    jobs = _jobs(opts, len(small))
    _JOB = (opts, plan, matchers)
    pool = None
    try:
        if jobs > 1:
            import multiprocessing
            from concurrent.futures import ProcessPoolExecutor

            # Forked workers inherit the loaded glossary; a worker that dies breaks the pool (an
            # error), where multiprocessing.Pool would wait for its task for ever.
            matchers.build_automata()
            pool = ProcessPoolExecutor(jobs, mp_context=multiprocessing.get_context("fork"), initializer=_worker_init)
            done = _in_order(pool, small, jobs)
        else:
            done = map(_lint_small, small)
        for i, (path, settings) in enumerate(plan):
            if progress:
                progress.advance(str(path))
            threshold = settings.fail_on.rank
            if big[i]:
                try:
                    for doc, findings in _big_file(path, _linter(matchers, settings, path), opts, settings.encoding,
                                                   outcome, out):
                        outcome.failing = outcome.failing or any(f.severity.rank >= threshold for f in findings)
                        yield doc, findings
                except (MtqaError, OSError) as exc:
                    err.write(f"error: {exc}\n")
                    outcome.input_error = True
                except BaseException as exc:
                    if not is_core_panic(exc):
                        raise
                    err.write(f"error: {core_panic_message(path, exc)}\n")
                    outcome.input_error = True
                continue
            result = next(done)
            for note in result.notes:
                err.write(f"warning: {note}\n")
            if result.error:
                err.write(f"error: {result.error}\n")
                outcome.input_error = True
            if result.diff:
                out.write(result.diff)
                outcome.diffs = True
            outcome.fixed += result.fixed
            for doc, findings in result.results:
                outcome.failing = outcome.failing or any(f.severity.rank >= threshold for f in findings)
                yield doc, findings
    finally:
        _JOB = None
        if pool is not None:
            workers = list((getattr(pool, "_processes", None) or {}).values())
            for proc in workers:
                proc.terminate()  # Ctrl-C or an error: do not let workers finish the corpus
            for proc in workers:
                proc.join(timeout=2)
            # No future is ever cancelled: the executor marks the pending ones broken, where
            # Python 3.11 would print an InvalidStateError from its thread for cancelled ones.
            pool.shutdown(wait=False)
        if progress:
            progress.close()


_JOB = None  # (opts, plan, matchers) of the running lint, for _lint_small in forked workers


def _worker_init() -> None:
    import os
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    # Die with the parent (Linux): a worker forked just as Ctrl-C arrived may never be
    # registered for termination, and would otherwise wait for work for ever.
    try:
        import ctypes

        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass
    if os.getppid() == 1:  # the parent is already gone
        os._exit(1)


def _in_order(pool, small: list[int], jobs: int):
    """The _FileResults of `small` (plan indexes), in order, from `pool`: chunks of files are
    submitted a few at a time ahead of what the report has taken, which bounds memory."""
    from collections import deque
    from concurrent.futures.process import BrokenProcessPool

    size = max(1, min(16, len(small) // (8 * jobs)))
    chunks = iter([small[i:i + size] for i in range(0, len(small), size)])
    ahead: deque = deque()
    while True:
        while len(ahead) < 4 * jobs:
            chunk = next(chunks, None)
            if chunk is None:
                break
            ahead.append(pool.submit(_lint_chunk, chunk))
        if not ahead:
            return
        try:
            results = ahead.popleft().result()
        except BrokenProcessPool:
            raise MtqaError("a worker process died (killed, or out of memory?); run again with --jobs 1") from None
        yield from results


def _lint_chunk(indexes: list[int]) -> list:
    return [_lint_small(i) for i in indexes]


def _jobs(opts: LintOptions, n_small: int) -> int:
    """Worker processes: --jobs, else one per CPU when there are enough files to share."""
    import os

    import multiprocessing

    if "fork" not in multiprocessing.get_all_start_methods():
        return 1  # workers rely on inheriting the loaded glossary
    if opts.jobs is not None:
        return max(1, min(opts.jobs, n_small))
    if n_small < 16:
        return 1
    try:
        cpus = len(os.sched_getaffinity(0))
    except AttributeError:
        cpus = os.cpu_count() or 1
    return max(1, min(cpus, n_small // 8))


def _linter(matchers, settings, path):
    from .lint import lint_document
    from .suppress import allowed

    return partial(lint_document, matcher=matchers.get(settings.glossary), rules=settings.rules_for(path),
                   locale=settings.locale, allow=allowed(settings.allow), severities=settings.severities())


@dataclass
class _FileResult:
    """What linting one small file produced (built in a worker process or in this one)."""

    results: list = field(default_factory=list)  # [(Document, [Finding])]
    notes: list = field(default_factory=list)  # warnings that do not stop the file (an encoding guessed)
    error: str | None = None
    diff: str | None = None
    fixed: int = 0


def _lint_small(index: int) -> _FileResult:
    opts, plan, matchers = _JOB
    path, settings = plan[index]
    result = _FileResult()
    try:
        _small_file(path, _linter(matchers, settings, path), opts, settings.encoding, result)
    except (MtqaError, OSError) as exc:
        result.error = str(exc)
    except BaseException as exc:
        if not is_core_panic(exc):
            raise
        result.error = core_panic_message(path, exc)
    return result


def _small_file(path: Path, lint, opts: LintOptions, forced: str | None, result: _FileResult) -> None:
    """A file read whole (in the encoding `forced`, else detected): lint it, or fix it and lint the result."""
    raw = read_bytes(path)
    text, encoding = decode(raw, str(path), forced, result.notes)
    doc = Document(text=text, path=str(path), encoding=encoding)
    if opts.fix or opts.diff:
        from .document import write_back
        from .fix import fix_text, write_atomic

        new_text, n = fix_text(text, _relint(lint, doc), unsafe=opts.unsafe_fixes)
        if n and new_text != text:
            if opts.diff:
                result.diff = _diff(path, text, new_text)
                return
            try:
                data = write_back(raw, text, new_text, encoding, str(path))
            except InputError as exc:  # the file stays as it was, and is reported as it is
                result.error = str(exc)
            else:
                write_atomic(path, data, expected=raw)
                result.fixed += n
                doc = Document(text=new_text, path=str(path), encoding=encoding)
    result.results.append((doc, lint(doc)))


def _big_file(path: Path, lint, opts: LintOptions, forced: str | None, outcome: _Outcome, out):
    """A file over `sections.STREAM_BYTES`, read, linted and fixed one section at a time:
    memory stays bounded by the section size however large the file is. Suppression
    directives carry from each section to the next."""
    from .sections import iter_sections
    from .suppress import Carry

    carry = Carry()
    lint = partial(lint, carry=carry)
    sections = iter_sections(path, forced)
    if not (opts.fix or opts.diff):
        for section in sections:
            findings = section.to_file(lint(section.doc))
            carry.advance()
            yield section, findings
        return
    import os

    from .fix import atomic_writer

    before = os.stat(path)
    if opts.diff:
        yield from _big_file_fixes(path, lint, carry, opts, outcome, out, sections, sink=None)
        return
    with atomic_writer(path, unchanged_since=before) as sink:
        yield from _big_file_fixes(path, lint, carry, opts, outcome, out, sections, sink=sink)


def _big_file_fixes(path, lint, carry, opts, outcome, out, sections, sink):
    """Fix each section; write it to `sink` (the new file) or, without one, print its diff."""
    from .document import BOMS, write_back
    from .fix import fix_text
    from .sections import Cursor

    fixed, cursor, header = 0, Cursor(), True
    for section in sections:
        doc = section.doc
        encoding = doc.encoding.removesuffix("+bom")
        if sink is not None and cursor.chars == 0 and doc.encoding.endswith("+bom"):
            sink.write(next(b for b, name in BOMS if name == encoding))
        new_text, n = fix_text(doc.text, _relint(lint, doc), unsafe=opts.unsafe_fixes)
        if n and new_text != doc.text:
            fixed += n
            if sink is None:
                out.write(_diff(path, doc.text, new_text, doc.first_line - 1, cursor.lines, header))
                outcome.diffs, header = True, False
        if sink is not None:
            sink.write(write_back(section.raw, doc.text, new_text, encoding, str(path), doc.first_line)
                       if new_text != doc.text else section.raw)
            placed = cursor.place(cursor.document(new_text, doc.path, doc.encoding))
            findings = placed.to_file(lint(placed.doc))
            carry.advance()
            yield placed, findings
        else:
            carry.advance()  # fix_text's last lint was of the final text
        cursor.advance(new_text)
    if sink is not None:
        outcome.fixed += fixed
        if not fixed:
            sink.cancel()  # nothing changed: leave the file (and its mtime) alone


def _relint(lint, doc: Document):
    def relint(t: str):
        return lint(Document(text=t, path=doc.path, encoding=doc.encoding, first_line=doc.first_line,
                             first_column=doc.first_column))

    return relint


def _diff(path: Path, text: str, new_text: str, old_line: int = 0, new_line: int = 0, header: bool = True) -> str:
    """A unified diff; for a section of a big file, hunks are numbered from the lines before
    it (`old_line`, `new_line`) and the ---/+++ header is left to the first section."""
    from .document import _lines

    # Split at "\n" only: splitlines also splits at \x0c or U+2028, which patch would not.
    lines = list(difflib.unified_diff(_lines(text, "\n"), _lines(new_text, "\n"),
                                      fromfile=f"a/{path}", tofile=f"b/{path}"))
    if not header:
        lines = lines[2:]
    if old_line or new_line:
        shift = lambda m: (f"@@ -{int(m[1]) + old_line}{m[2] or ''} "  # noqa: E731
                           f"+{int(m[3]) + new_line}{m[4] or ''} @@")
        lines = [re.sub(HUNK, shift, x, count=1) if x.startswith("@@") else x for x in lines]
    out = "".join(lines)
    return out if out.endswith("\n") else out + "\n"


HUNK = r"^@@ -(\d+)(,\d+)? \+(\d+)(,\d+)? @@"  # compiled when a diff needs it


def _is_terminal(stream) -> bool:
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty())


def _progress(opts: LintOptions, total: int, err, out=None):
    """A progress bar on a terminal's stderr, unless the report itself streams to that terminal."""
    reporting_here = out is not None and opts.output is None and not opts.diff and _is_terminal(out)
    show = opts.progress if opts.progress is not None else _is_terminal(err) and not reporting_here
    if not show or total < 2:
        return None
    from .progress import Progress

    return Progress(total, err, delay=0.0 if opts.progress else 0.5)


def _report(opts: LintOptions, results, out, fixed, errors) -> None:
    from .report import write

    write(opts.output_format, results, output=opts.output, out=out, fixed=fixed, quiet=opts.quiet, errors=errors)
