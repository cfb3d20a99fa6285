"""`mtqa server`: a language server over stdio (pygls), for any LSP client.

- Diagnostics for .txt, .md and .markdown documents on open, on save, and on change after
  DEBOUNCE seconds of quiet; a newer change cancels the pending lint, and a result is published
  only for the version it was made from, so 200 keystrokes queue nothing.
- Code actions: each finding's fix as a quick fix (its applicability in the title), and "fix all
  safe findings" as a source action, whose edit gives the text `mtqa lint --fix` writes.
- Hover: the rule's explanation over a finding, and the concept over any glossary form.
- Settings as `mtqa lint` finds them for each document's path (mtqa.toml / pyproject.toml from
  its folder upwards); a change to a config or glossary file (watched, or saved in the editor)
  reloads them. A bad glossary or config becomes one diagnostic naming its file and line; the
  last good glossary keeps serving.

Offsets: mtqa counts code points, LSP counts UTF-16 units (`lsp_positions`).
"""
from __future__ import annotations

import asyncio
import logging
from pathlib import Path

from .lint import DEFAULT_SUFFIXES
from .lsp_positions import Positions

DEBOUNCE = 0.03  # seconds of quiet after a change before it is linted (a keystroke is answered in under 100 ms)
RELOAD_SUFFIXES = (".toml", ".yaml", ".yml", ".csv", ".tsv", ".tbx", ".xlsx", ".xml")
WATCHED = ("**/mtqa.toml", "**/.mtqa.toml", "**/pyproject.toml", "**/glossaries/**",
           "**/*.{yaml,yml,csv,tsv,tbx,xlsx}")


class _Linted:
    """One document's last lint: what code actions and hovers read."""

    def __init__(self, version, text, findings, lint, path: str):
        self.version, self.text, self.findings, self.lint, self.path = version, text, findings, lint, path
        self.positions = Positions(text)
        self._fix_all = False  # not worked out yet (None: nothing to fix)

    def fix_all(self):
        """The fix-all edit, worked out on first request (it re-lints the text until it is stable)."""
        if self._fix_all is False:
            self._fix_all = fix_all_edit(self)
        return self._fix_all


class MtqaState:
    """Settings, compiled glossaries and the documents' last results, shared by the features."""

    def __init__(self):
        self.reload()
        self.linted: dict[str, _Linted] = {}
        self.pending: dict[str, asyncio.Task] = {}
        self.last_good: dict = {}  # glossary setting → its last matcher that loaded
        self.shown_errors: set[str] = set()
        self.lock = asyncio.Lock()

    def reload(self) -> None:
        """Forget every config and compiled glossary: the next lint reads them again."""
        from .run_lint import LintOptions, _Matchers, resolver_for

        self.resolver = resolver_for(LintOptions(paths=[]))
        self.matchers = _Matchers()

    def lint(self, uri: str, text: str):
        """(findings, lint function, error message or None) for a document as `mtqa lint` would."""
        from functools import partial

        from .document import Document
        from .errors import MtqaError, core_panic_message, is_core_panic
        from .lint import default_glossary_path, lint_document
        from .suppress import allowed

        path = _path(uri)
        error = None
        try:
            settings = self.resolver.for_file(path)
            if settings.excluded(path):
                return [], None, None
            # Without a configured glossary, the project's is the nearest glossaries/ folder above
            # the document (not above wherever the editor started the server), else the bundled one.
            key = tuple(settings.glossary) if settings.glossary else (default_glossary_path(path.parent),)
            try:
                matcher = self.matchers.get(list(key))
                self.last_good[key] = matcher
            except MtqaError as exc:
                if key not in self.last_good:
                    raise
                error = f"{exc} (the last glossary that loaded is still used)"
                matcher = self.last_good[key]
            lint = partial(lint_document, matcher=matcher, rules=settings.rules_for(path), locale=settings.locale,
                           allow=allowed(settings.allow), severities=settings.severities())
            return lint(Document(text=text, path=str(path))), lint, error
        except MtqaError as exc:
            return [], None, str(exc)
        except BaseException as exc:  # a panic in the compiled core: an error, not a dead server
            if not is_core_panic(exc):
                raise
            return [], None, core_panic_message(path, exc)


def _path(uri: str) -> Path:
    from pygls.uris import to_fs_path

    return Path(to_fs_path(uri) or uri)


def _wanted(uri: str) -> bool:
    return uri.lower().endswith(DEFAULT_SUFFIXES)


def diagnostics(findings, positions: Positions, error: str | None = None):
    """LSP diagnostics for `findings`, and one for a settings error (at the top of the document)."""
    from lsprotocol import types

    from .rules import RULES

    severity = {"error": types.DiagnosticSeverity.Error, "warning": types.DiagnosticSeverity.Warning,
                "info": types.DiagnosticSeverity.Information}
    out = []
    if error:
        out.append(types.Diagnostic(range=_range(positions, 0, 0), message=f"mtqa: {error}", source="mtqa",
                                    severity=types.DiagnosticSeverity.Error))
    for f in findings:
        rule = RULES.get(f.rule)
        out.append(types.Diagnostic(
            range=_range(positions, f.start, f.end), message=f.message, source="mtqa", code=f.rule,
            severity=severity.get(f.severity.value, types.DiagnosticSeverity.Warning),
            data={"rule": f.rule, "name": rule.name if rule else f.name},
        ))
    return out


def _range(positions: Positions, start: int, end: int):
    from lsprotocol import types

    sl, sc = positions.position(start)
    el, ec = positions.position(end)
    return types.Range(start=types.Position(line=sl, character=sc), end=types.Position(line=el, character=ec))


def code_actions(uri: str, linted: _Linted, lo: int, hi: int, resolve: bool = False):
    """Quick fixes of the findings meeting [lo, hi], then the source action that fixes all safe ones
    (with `resolve`, its edit is left for codeAction/resolve: editors ask for actions at every move
    of the cursor, and working out the fixed text re-lints it)."""
    from lsprotocol import types

    from .findings import Applicability

    actions = []
    for f in linted.findings:
        if f.fix is None or not (f.start <= hi and lo <= f.end):
            continue
        safe = f.fix.applicability is Applicability.SAFE
        edits = [types.TextEdit(range=_range(linted.positions, e.start, e.end), new_text=e.replacement)
                 for e in f.fix.edits]
        shown = f.suggestion if f.suggestion else "(delete)"
        actions.append(types.CodeAction(
            title=f"{f.rule}: '{f.found}' → '{shown}' ({'safe' if safe else 'unsafe'} fix)",
            kind=types.CodeActionKind.QuickFix, is_preferred=safe,
            diagnostics=diagnostics([f], linted.positions),
            edit=types.WorkspaceEdit(changes={uri: edits}),
        ))
    title = "mtqa: fix all safe findings in this file"
    if not any(f.fix is not None and f.fix.applicability is Applicability.SAFE for f in linted.findings):
        return actions
    if resolve:
        actions.append(types.CodeAction(title=title, kind=types.CodeActionKind.SourceFixAll,
                                        data={"uri": uri, "version": linted.version}))
        return actions
    fixed = linted.fix_all()
    if fixed is not None:
        actions.append(types.CodeAction(title=title, kind=types.CodeActionKind.SourceFixAll,
                                        edit=types.WorkspaceEdit(changes={uri: [fixed]})))
    return actions


def fix_all_edit(linted: _Linted):
    """One TextEdit that turns the text into what `mtqa lint --fix` writes, or None if nothing changes."""
    from lsprotocol import types

    from .document import Document
    from .fix import fix_text

    if linted.lint is None:
        return None
    text = linted.text
    new_text, n = fix_text(text, lambda t: linted.lint(Document(text=t, path=linted.path)), unsafe=False)
    if not n or new_text == text:
        return None
    head = 0  # the changed middle only: the shared start and end stay untouched
    limit = min(len(text), len(new_text))
    while head < limit and text[head] == new_text[head]:
        head += 1
    tail = 0
    while tail < limit - head and text[-1 - tail] == new_text[-1 - tail]:
        tail += 1
    return types.TextEdit(range=_range(linted.positions, head, len(text) - tail),
                          new_text=new_text[head:len(new_text) - tail])


def hover_text(linted: _Linted, offset: int, matcher) -> str | None:
    """Markdown for what stands at `offset`: the findings there and the glossary concept."""
    from .rules import RULES

    parts = []
    for f in linted.findings:
        if f.start <= offset < f.end:
            rule = RULES.get(f.rule)
            parts.append(f"**{f.rule}** `{f.name}`: {f.message}")
            if rule is not None:
                parts.append(rule.explanation.replace("\n", " "))
    concept = _concept_at(linted.text, offset, matcher)
    if concept is not None:
        parts.append(_describe(concept, linted.text, offset, matcher))
    return "\n\n".join(parts) if parts else None


def _concept_at(text: str, offset: int, matcher):
    if matcher is None:
        return None
    from .matcher import TERM

    scan = matcher.scan(text)
    for pid, start, end in scan.matches():
        if start <= offset < end:
            for form in matcher.entries[pid]:
                if form.kind == TERM:
                    return matcher.glossary.concepts[form.concept], form.term, start, end
    return None


def _describe(found, text: str, offset: int, matcher) -> str:
    concept, ti, start, end = found
    term = concept.terms[ti]
    lines = [f"**{concept.id}** ({concept.type}): '{text[start:end]}' is {term.status} ({term.lang})"]
    for t in concept.terms:
        if t.status == "preferred":
            lines.append(f"- preferred, {t.lang}: {t.term}")
    if term.note:
        lines.append(f"note: {term.note}")
    if concept.note:
        lines.append(f"note: {concept.note}")
    return "\n".join(lines)


def make_server():
    """The pygls server with mtqa's features."""
    from lsprotocol import types
    from pygls.lsp.server import LanguageServer

    from .entry import version

    server = LanguageServer("mtqa", version())
    state = MtqaState()

    async def lint_and_publish(uri: str, delay: float = 0.0) -> None:
        if delay:
            await asyncio.sleep(delay)
        doc = server.workspace.get_text_document(uri)
        version, text = doc.version, doc.source
        async with state.lock:
            findings, lint, error = await asyncio.get_running_loop().run_in_executor(None, state.lint, uri, text)
        if uri not in server.workspace.text_documents:
            return  # closed meanwhile
        current = server.workspace.get_text_document(uri)
        if current.version != version or current.source != text:
            return  # a newer change will publish its own
        linted = state.linted[uri] = _Linted(version, text, findings, lint, str(_path(uri)))
        if error and error not in state.shown_errors:
            state.shown_errors.add(error)
            server.window_show_message(types.ShowMessageParams(type=types.MessageType.Error, message=f"mtqa: {error}"))
        server.text_document_publish_diagnostics(types.PublishDiagnosticsParams(
            uri=uri, version=version, diagnostics=diagnostics(findings, linted.positions, error)))

    def schedule(uri: str, delay: float) -> None:
        old = state.pending.pop(uri, None)
        if old is not None:
            old.cancel()
        state.pending[uri] = asyncio.ensure_future(lint_and_publish(uri, delay))

    async def relint_all() -> None:
        state.reload()
        state.shown_errors.clear()
        for uri in list(state.linted):
            schedule(uri, 0.0)

    @server.feature(types.INITIALIZED)
    async def initialized(ls, params):
        caps = ls.client_capabilities.workspace
        watch = getattr(caps, "did_change_watched_files", None) if caps else None
        if watch is not None and watch.dynamic_registration:
            options = types.DidChangeWatchedFilesRegistrationOptions(
                watchers=[types.FileSystemWatcher(glob_pattern=g) for g in WATCHED])
            try:
                await ls.client_register_capability_async(types.RegistrationParams(registrations=[types.Registration(
                    id="mtqa-watch", method=types.WORKSPACE_DID_CHANGE_WATCHED_FILES, register_options=options)]))
            except Exception as exc:  # (a client that offers but fails: saving a config still reloads)
                logging.getLogger(__name__).warning("could not watch config and glossary files: %s", exc)

    @server.feature(types.TEXT_DOCUMENT_DID_OPEN)
    async def did_open(ls, params: types.DidOpenTextDocumentParams):
        if _wanted(params.text_document.uri):
            schedule(params.text_document.uri, 0.0)

    @server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
    async def did_change(ls, params: types.DidChangeTextDocumentParams):
        if _wanted(params.text_document.uri):
            schedule(params.text_document.uri, DEBOUNCE)

    @server.feature(types.TEXT_DOCUMENT_DID_SAVE)
    async def did_save(ls, params: types.DidSaveTextDocumentParams):
        uri = params.text_document.uri
        if uri.lower().endswith(RELOAD_SUFFIXES):
            await relint_all()  # a glossary or config saved in the editor
        elif _wanted(uri):
            schedule(uri, 0.0)

    @server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
    async def did_close(ls, params: types.DidCloseTextDocumentParams):
        uri = params.text_document.uri
        task = state.pending.pop(uri, None)
        if task is not None:
            task.cancel()
        if state.linted.pop(uri, None) is not None:
            ls.text_document_publish_diagnostics(types.PublishDiagnosticsParams(uri=uri, diagnostics=[]))

    @server.feature(types.WORKSPACE_DID_CHANGE_WATCHED_FILES)
    async def watched_changed(ls, params: types.DidChangeWatchedFilesParams):
        await relint_all()

    @server.feature(types.TEXT_DOCUMENT_CODE_ACTION, types.CodeActionOptions(
        code_action_kinds=[types.CodeActionKind.QuickFix, types.CodeActionKind.SourceFixAll],
        resolve_provider=True))
    def code_action(ls, params: types.CodeActionParams):
        uri = params.text_document.uri
        linted = state.linted.get(uri)
        if linted is None or ls.workspace.get_text_document(uri).source != linted.text:
            return []
        p = linted.positions
        lo = p.offset(params.range.start.line, params.range.start.character)
        hi = p.offset(params.range.end.line, params.range.end.character)
        text_caps = ls.client_capabilities.text_document
        support = getattr(getattr(text_caps, "code_action", None), "resolve_support", None)
        return code_actions(uri, linted, lo, hi, resolve=bool(support and "edit" in support.properties))

    @server.feature(types.CODE_ACTION_RESOLVE)
    async def code_action_resolve(ls, action: types.CodeAction):
        data = action.data or {}
        linted = state.linted.get(data.get("uri", ""))
        if linted is not None and linted.version == data.get("version"):
            async with state.lock:  # (one lint at a time: the rules share per-process memos)
                fixed = await asyncio.get_running_loop().run_in_executor(None, linted.fix_all)
            if fixed is not None:
                action.edit = types.WorkspaceEdit(changes={data["uri"]: [fixed]})
        return action

    @server.feature(types.TEXT_DOCUMENT_HOVER)
    def hover(ls, params: types.HoverParams):
        uri = params.text_document.uri
        linted = state.linted.get(uri)
        if linted is None or ls.workspace.get_text_document(uri).source != linted.text:
            return None
        offset = linted.positions.offset(params.position.line, params.position.character)
        matcher = linted.lint.keywords.get("matcher") if linted.lint is not None else None
        text = hover_text(linted, offset, matcher)
        if text is None:
            return None
        return types.Hover(contents=types.MarkupContent(kind=types.MarkupKind.Markdown, value=text))

    return server


def main() -> None:
    """Serve over stdin/stdout until the client says exit."""
    logging.basicConfig(level=logging.WARNING)
    make_server().start_io()
