"""`mtqa server` end to end: a real LSP client (pytest-lsp) talks to the server over stdio."""
import asyncio
import sys
from pathlib import Path

import pytest

pytest.importorskip("pygls")
pytest_lsp = pytest.importorskip("pytest_lsp")
from lsprotocol import types  # noqa: E402
from pytest_lsp import ClientServerConfig, LanguageClient, client_capabilities  # noqa: E402
from pytest_lsp.client import DEFAULT_CLIENT_FEATURES, register_lsp_features  # noqa: E402
from pygls.uris import from_fs_path  # noqa: E402


pytestmark = pytest.mark.asyncio(loop_scope="module")


def counting_client() -> LanguageClient:
    """pytest-lsp's test client, also keeping every diagnostics notification it receives."""
    client = LanguageClient()
    client.published = []

    def published(ls, params: types.PublishDiagnosticsParams):
        ls.diagnostics[params.uri] = params.diagnostics
        ls.published.append(params)

    def register(ls, params: types.RegistrationParams):
        ls.registrations.extend(params.registrations)  # (what VS Code does with file watchers)

    client.registrations = []
    features = dict(DEFAULT_CLIENT_FEATURES)
    features[types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS] = published
    features[types.CLIENT_REGISTER_CAPABILITY] = register
    register_lsp_features(client, features)
    return client


@pytest_lsp.fixture(scope="module", config=ClientServerConfig(
    server_command=[sys.executable, "-m", "mtqa", "server"], client_factory=counting_client))
async def client(lsp_client: LanguageClient, tmp_path_factory):
    capabilities = client_capabilities("visual-studio-code")
    await lsp_client.initialize_session(types.InitializeParams(capabilities=capabilities))
    yield
    await lsp_client.shutdown_session()


async def until(predicate, timeout: float = 20.0):
    """Wait for `predicate()` to hold (the server answers on its own time)."""
    loop = asyncio.get_running_loop()
    end = loop.time() + timeout
    while not predicate():
        if loop.time() > end:
            raise AssertionError("the server did not answer in time")
        await asyncio.sleep(0.02)


_versions: dict[str, int] = {}


def open_doc(client, path: Path, text: str) -> str:
    uri = from_fs_path(str(path))
    _versions[uri] = 1
    client.diagnostics.pop(uri, None)
    client.text_document_did_open(types.DidOpenTextDocumentParams(
        text_document=types.TextDocumentItem(uri=uri, language_id="plaintext", version=1, text=text)))
    return uri


def change_doc(client, uri: str, text: str) -> None:
    _versions[uri] += 1
    client.text_document_did_change(types.DidChangeTextDocumentParams(
        text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=_versions[uri]),
        content_changes=[types.TextDocumentContentChangeWholeDocument(text=text)]))


def codes(client, uri: str) -> list:
    return [d.code for d in client.diagnostics.get(uri, [])]


async def test_findings_arrive_on_open_with_rule_code_severity_and_range(client, tmp_path):
    uri = open_doc(client, tmp_path / "a.txt", "据报道，王涛表示将加入。")
    await until(lambda: uri in client.diagnostics)
    [d] = [d for d in client.diagnostics[uri] if d.code == "T001"]
    assert d.source == "mtqa" and d.severity == types.DiagnosticSeverity.Error
    assert (d.range.start.line, d.range.start.character, d.range.end.character) == (0, 4, 6)
    assert "亚历山大·王" in d.message


async def test_positions_count_utf16_units_past_astral_characters(client, tmp_path):
    text = "𠮷野家😀\n第二行：王涛表示"
    uri = open_doc(client, tmp_path / "astral.txt", text)
    await until(lambda: "T001" in codes(client, uri))
    [d] = [d for d in client.diagnostics[uri] if d.code == "T001"]
    assert (d.range.start.line, d.range.start.character, d.range.end.character) == (1, 4, 6)
    uri2 = open_doc(client, tmp_path / "astral2.txt", "😀😀王涛表示")
    await until(lambda: "T001" in codes(client, uri2))
    [d] = [d for d in client.diagnostics[uri2] if d.code == "T001"]
    assert (d.range.start.character, d.range.end.character) == (4, 6)  # two emoji: four units


async def test_a_change_is_linted_and_the_last_of_many_is_what_is_reported(client, tmp_path):
    uri = open_doc(client, tmp_path / "typing.txt", "第一版。")
    await until(lambda: uri in client.diagnostics)
    before = len([p for p in client.published if p.uri == uri])
    for i in range(200):  # typing fast: each change cancels the lint still waiting
        change_doc(client, uri, "第一版。" + "字" * i)
    change_doc(client, uri, "最后一版：王涛表示。")
    await until(lambda: "T001" in codes(client, uri))
    await asyncio.sleep(0.5)
    after = [p for p in client.published if p.uri == uri][before:]
    assert len(after) <= 5, f"{len(after)} publications for 201 changes"
    assert after[-1].version == _versions[uri]


async def test_quick_fix_and_fix_all_give_the_edits_of_fix(client, tmp_path):
    text = "王涛表示，倩文模型很强。这是一个測試。"
    uri = open_doc(client, tmp_path / "fix.txt", text)
    await until(lambda: {"T001", "S001"} <= set(codes(client, uri)))
    t001 = next(d for d in client.diagnostics[uri] if d.code == "T001")
    actions = await client.text_document_code_action_async(types.CodeActionParams(
        text_document=types.TextDocumentIdentifier(uri=uri), range=t001.range,
        context=types.CodeActionContext(diagnostics=[t001])))
    quick = [a for a in actions if a.kind == types.CodeActionKind.QuickFix]
    assert quick and "safe fix" in quick[0].title and quick[0].is_preferred
    [edit] = quick[0].edit.changes[uri]
    assert edit.range == t001.range and edit.new_text == "亚历山大·王"
    fix_all = next(a for a in actions if a.kind == types.CodeActionKind.SourceFixAll)
    assert fix_all.edit is None  # VS Code resolves it when chosen: the fixed text is worked out then
    fix_all = await client.code_action_resolve_async(fix_all)
    [whole] = fix_all.edit.changes[uri]
    fixed = apply(text, whole)
    expected, _ = fix_text_like_lint(text, tmp_path / "fix.txt")
    assert fixed == expected and "测试" in fixed and "王涛" not in fixed


async def test_fix_all_in_markdown_leaves_code_alone(client, tmp_path):
    text = "王涛表示。\n\n```\n王涛 = 1\n```\n"
    uri = open_doc(client, tmp_path / "fix.md", text)
    await until(lambda: "T001" in codes(client, uri))
    assert len([d for d in client.diagnostics[uri] if d.code == "T001"]) == 1  # not the one in code
    actions = await client.text_document_code_action_async(types.CodeActionParams(
        text_document=types.TextDocumentIdentifier(uri=uri),
        range=types.Range(start=types.Position(line=0, character=0), end=types.Position(line=0, character=0)),
        context=types.CodeActionContext(diagnostics=[], only=[types.CodeActionKind.SourceFixAll])))
    fix_all = await client.code_action_resolve_async(
        next(a for a in actions if a.kind == types.CodeActionKind.SourceFixAll))
    assert apply(text, fix_all.edit.changes[uri][0]) == "亚历山大·王表示。\n\n```\n王涛 = 1\n```\n"


def apply(text: str, edit) -> str:
    from mtqa.lsp_positions import Positions

    p = Positions(text)
    lo = p.offset(edit.range.start.line, edit.range.start.character)
    hi = p.offset(edit.range.end.line, edit.range.end.character)
    return text[:lo] + edit.new_text + text[hi:]


def fix_text_like_lint(text: str, path: Path):
    from mtqa.document import Document
    from mtqa.fix import fix_text
    from mtqa.lint import lint_document
    from mtqa.lint import get_matcher
    from mtqa.rules import select_rules

    matcher, rules = get_matcher(None), select_rules()
    return fix_text(text, lambda t: lint_document(Document(text=t, path=str(path)), matcher, rules))


async def test_hover_shows_the_finding_and_the_glossary_concept(client, tmp_path):
    uri = open_doc(client, tmp_path / "hover.txt", "杨立昆说，王涛表示。")
    await until(lambda: "T001" in codes(client, uri))
    got = await client.text_document_hover_async(types.HoverParams(
        text_document=types.TextDocumentIdentifier(uri=uri), position=types.Position(line=0, character=6)))
    assert "T001" in got.contents.value and "亚历山大·王" in got.contents.value
    preferred = await client.text_document_hover_async(types.HoverParams(
        text_document=types.TextDocumentIdentifier(uri=uri), position=types.Position(line=0, character=1)))
    assert "preferred" in preferred.contents.value and "LeCun" in preferred.contents.value
    nothing = await client.text_document_hover_async(types.HoverParams(
        text_document=types.TextDocumentIdentifier(uri=uri), position=types.Position(line=0, character=4)))
    assert nothing is None


async def test_a_config_change_is_picked_up_without_a_restart(client, tmp_path):
    await until(lambda: client.registrations)
    [watch] = client.registrations  # config and glossary files are watched
    assert watch.method == types.WORKSPACE_DID_CHANGE_WATCHED_FILES
    (tmp_path / "mtqa.toml").write_text('ignore = ["T001"]\n', encoding="utf-8")
    uri = open_doc(client, tmp_path / "conf.txt", "王涛表示。")
    await until(lambda: uri in client.diagnostics)
    assert "T001" not in codes(client, uri)
    (tmp_path / "mtqa.toml").write_text("ignore = []\n", encoding="utf-8")
    client.workspace_did_change_watched_files(types.DidChangeWatchedFilesParams(changes=[types.FileEvent(
        uri=from_fs_path(str(tmp_path / "mtqa.toml")), type=types.FileChangeType.Changed)]))
    await until(lambda: "T001" in codes(client, uri))


async def test_a_broken_glossary_is_one_diagnostic_and_the_last_good_one_keeps_serving(client, tmp_path):
    glossary = tmp_path / "terms.csv"
    glossary.write_text("concept_id,type,lang,term,status,note\nqwen,model,zh-Hans,通义千问,preferred,\n"
                        "qwen,model,zh-Hans,倩文,deprecated,\n", encoding="utf-8")
    (tmp_path / "mtqa.toml").write_text('glossary = ["terms.csv"]\n', encoding="utf-8")
    uri = open_doc(client, tmp_path / "g.txt", "倩文模型发布。")
    await until(lambda: "T001" in codes(client, uri))
    glossary.write_text("concept_id,type,lang,term,status,note\nqwen,model,zh-Hans,通义千问,preferred,\n"
                        "qwen,model,zh-Hans,倩文,bogus-status,\n", encoding="utf-8")
    client.workspace_did_change_watched_files(types.DidChangeWatchedFilesParams(changes=[types.FileEvent(
        uri=from_fs_path(str(glossary)), type=types.FileChangeType.Changed)]))
    await until(lambda: any(d.code is None for d in client.diagnostics.get(uri, [])))
    [error] = [d for d in client.diagnostics[uri] if d.code is None]
    assert "terms.csv" in error.message and ":3" in error.message
    assert error.severity == types.DiagnosticSeverity.Error
    assert "T001" in codes(client, uri)  # the last good glossary still finds 倩文
    # the server is alive: another document is served; a repaired glossary clears the error
    other = open_doc(client, tmp_path / "other.txt", "倩文。")
    await until(lambda: other in client.diagnostics)
    glossary.write_text("concept_id,type,lang,term,status,note\nqwen,model,zh-Hans,通义千问,preferred,\n"
                        "qwen,model,zh-Hans,倩文,deprecated,\n", encoding="utf-8")
    client.workspace_did_change_watched_files(types.DidChangeWatchedFilesParams(changes=[types.FileEvent(
        uri=from_fs_path(str(glossary)), type=types.FileChangeType.Changed)]))
    await until(lambda: all(d.code is not None for d in client.diagnostics.get(uri, [None])))
    assert codes(client, uri) == ["T001"]


async def test_other_files_are_left_alone(client, tmp_path):
    uri = open_doc(client, tmp_path / "script.py", "# 王涛表示")
    await asyncio.sleep(0.5)
    assert uri not in client.diagnostics


async def test_suppression_comments_are_honoured_in_markdown(client, tmp_path):
    text = "# 标题\n\n<!-- mtqa: disable-next-line T001 -- 王涛 here is the footballer -->\n王涛进球了。\n\n王涛表示。\n"
    uri = open_doc(client, tmp_path / "note.md", text)
    await until(lambda: "T001" in codes(client, uri))
    [d] = [d for d in client.diagnostics[uri] if d.code == "T001"]
    assert d.range.start.line == 5  # the suppressed line 3 has none


async def test_saving_a_glossary_in_the_editor_reloads_it(client, tmp_path):
    glossary = tmp_path / "terms.csv"
    glossary.write_text("concept_id,type,lang,term,status,note\nqwen,model,zh-Hans,通义千问,preferred,\n", encoding="utf-8")
    (tmp_path / "mtqa.toml").write_text('glossary = ["terms.csv"]\n', encoding="utf-8")
    uri = open_doc(client, tmp_path / "s.txt", "倩文模型发布。")
    await until(lambda: uri in client.diagnostics)
    assert "T001" not in codes(client, uri)
    glossary.write_text("concept_id,type,lang,term,status,note\nqwen,model,zh-Hans,通义千问,preferred,\n"
                        "qwen,model,zh-Hans,倩文,deprecated,\n", encoding="utf-8")
    client.text_document_did_save(types.DidSaveTextDocumentParams(
        text_document=types.TextDocumentIdentifier(uri=from_fs_path(str(glossary)))))
    await until(lambda: "T001" in codes(client, uri))
    before = len(client.published)
    client.text_document_did_save(types.DidSaveTextDocumentParams(text_document=types.TextDocumentIdentifier(uri=uri)))
    await until(lambda: len(client.published) > before)  # saving the document lints it again


async def test_a_project_without_config_uses_the_glossaries_folder_above_the_document(client, tmp_path):
    (tmp_path / "glossaries").mkdir()
    (tmp_path / "glossaries" / "team.yaml").write_text(
        "concepts:\n  - id: acme\n    type: org\n    terms:\n"
        "      - {term: 顶点公司, lang: zh-Hans, status: preferred}\n"
        "      - {term: 定点公司, lang: zh-Hans, status: deprecated}\n", encoding="utf-8")
    (tmp_path / "docs").mkdir()
    uri = open_doc(client, tmp_path / "docs" / "p.txt", "定点公司发布了财报。王涛表示。")
    await until(lambda: uri in client.diagnostics)
    found = {(d.code, d.range.start.character) for d in client.diagnostics[uri]}
    assert ("T001", 0) in found  # the project's glossary, though the server runs elsewhere
    assert ("T001", 10) not in found  # and not the bundled one (which knows 王涛)
