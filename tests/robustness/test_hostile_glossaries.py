"""Badly edited or hostile glossaries: a clear error naming the file and line, or a correct result.

Never a traceback, never a hang, never a crash of the interpreter, never code run from the file.
Errors are `GlossaryError`s whose problems read `PATH:LINE: message`; the CLI prints them after
`error: invalid glossary:` and exits 2 (`mtqa glossary validate` reports them as G000 and exits 1,
as documented: 1 = problems found, 2 = bad usage).

The loader builds YAML values from libyaml's event stream itself (mtqa/glossary/io_yaml.py), so
nesting depth, recursive aliases and alias bombs are checked instead of trusted; scalars are the
text as written (YAML 1.1's `yes`, `on`, `0x1F`, `2024-01-01` stay text) and only a plain `null`,
`~` or nothing is no value.

Covered elsewhere, not repeated here:
- tests/test_glossary_loading.py: unknown status, lang and type; duplicate ids across files; a form
  deprecated in one concept and preferred in another; no or two preferred terms; a duplicated `id`
  key; `id: [unclosed`; a negative window; `exceptions` as a string; a bad `re:` regex; a missing
  path; CSV round trip, CSV unknown status and a short CSV header.
- tests/glossary/test_glossary_validate.py: `validate` G000 output and exit 1 (duplicate key, unknown
  status, `derived: maybe`, `concepts: [`, `window: many`).
- tests/glossary/test_glossary_interchange.py: TBX billion laughs (also in UTF-16), external entities
  and DTDs never fetched, a truncated TBX (`<tbx><text><body><conceptEntry id='a'>`), a non-TBX root,
  an unknown administrative status, an empty file, and `glossary import` refusing entities (exit 2).
- tests/glossary/test_glossary_scale.py: large glossaries (MTQA_SCALE_CONCEPTS); here only one
  5,000-concept file with hostile entries mixed in, for the lines of its errors.
- tests/fuzz/: replayed fuzz corpora for the YAML, CSV and TBX readers.
"""
import os
import re
import resource
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

import mtqa
from mtqa.errors import GlossaryError
from mtqa.glossary import load_glossary
from mtqa.glossary.io_tbx_read import parse_tbx

from conftest import ROOT

HEAD = "concepts:\n  - id: qwen\n    type: model\n    terms:\n"  # terms start on line 5
PREFERRED = "{term: 通义千问, lang: zh-Hans, status: preferred}"
CSV_HEADER = "concept_id,type,lang,term,status,note\n"
MEMORY_LIMIT = 3 << 30  # bytes of address space for a CLI run


def one_concept(*terms: str, head: str = HEAD) -> str:
    """A glossary of one concept; the n-th term is on line 4 + n."""
    return head + "".join(f"      - {t}\n" for t in terms)


def write(tmp_path, body, name="g.yaml"):
    p = tmp_path / name
    if isinstance(body, bytes):
        p.write_bytes(body)
    else:
        p.write_text(body, encoding="utf-8")
    return p


def problems_of(path) -> list[str]:
    """Every problem the loader reports for `path` (it must refuse the file)."""
    with pytest.raises(GlossaryError) as exc:
        load_glossary(path)
    found = [str(p) for p in exc.value.problems]
    assert all(p.path == str(path) for p in exc.value.problems), found
    return found


def t001(text, glossary):
    return [(f.start, f.end, f.found, f.suggestion) for f in mtqa.lint_text(text, glossary=glossary, select=["T001"])]


def _limit_memory():
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))


def cli(*args, timeout=120):
    """`python -m mtqa ARGS` in a fresh process, so a regression fails instead of taking the test run down:
    a hang fails on the timeout, runaway memory (an alias bomb expanded) on the address-space limit, a
    stack overflow in C (deep nesting) shows as its signal."""
    env = dict(os.environ, MTQA_NO_CACHE="1")
    return subprocess.run([sys.executable, "-m", "mtqa", *map(str, args)], capture_output=True, text=True,
                          cwd=ROOT, env=env, timeout=timeout, preexec_fn=_limit_memory)


def assert_located(problems: list[str], expected: str) -> None:
    """One problem, equal to `expected`; a "…" in it stands for a parser's own words, which
    change between releases (mtqa promises the file, the line and its own part of the message)."""
    assert len(problems) == 1, problems
    head, _, tail = expected.partition("…")
    if not _:
        assert problems[0] == expected
    else:
        assert problems[0].startswith(head) and problems[0].endswith(tail) and len(problems[0]) > len(expected), \
            (problems[0], expected)


# ---- 1. malformed YAML --------------------------------------------------------------------------
@pytest.mark.parametrize("body, expected", [
    pytest.param('concepts:\n  - id: "qwen\n    type: model\n',
                 ":4: invalid YAML: … that starts on line 2)",
                 id="unclosed-quote"),
    pytest.param(HEAD + "      - {term: 通义千问, lang: zh-Hans, status: preferred\n  - id: other\n",
                 ":6: invalid YAML: … that starts on line 5)",
                 id="unclosed-brace"),
    pytest.param("concepts:\n  - id: qwen\n    type: model\n    terms: [\n",
                 ":5: invalid YAML: …", id="unclosed-bracket"),
    pytest.param(HEAD + "\t  - " + PREFERRED + "\n", ":5: invalid YAML: a tab character: YAML indents with spaces, never tabs",
                 id="tab-indentation"),
    pytest.param("concepts:\n\t- id: qwen\n", ":2: invalid YAML: a tab character: YAML indents with spaces, never tabs",
                 id="tab-first-level"),
    pytest.param(one_concept(PREFERRED, "{term: 倩文, lang: zh-Hans, status: deprecated, status: admitted}"),
                 ":6: duplicate key 'status' (first on line 6)", id="duplicate-key-in-a-term"),
    pytest.param(one_concept(PREFERRED) + "concepts:\n  - id: other\n",
                 ":6: duplicate key 'concepts' (first on line 1)", id="two-files-pasted-together"),
    pytest.param("", ":1: the file is empty (or only comments): expected 'concepts:' with a list of concepts", id="empty"),
    pytest.param("\n  \n\n", ":1: the file is empty (or only comments): expected 'concepts:' with a list of concepts",
                 id="blank-lines"),
    pytest.param("# concepts:\n#   - id: qwen\n",
                 ":1: the file is empty (or only comments): expected 'concepts:' with a list of concepts", id="only-comments"),
    pytest.param("- id: qwen\n  type: model\n", ":1: expected a mapping with a 'concepts' list at the top, got a list",
                 id="top-level-list"),
    pytest.param("qwen\n", ":1: expected a mapping with a 'concepts' list at the top, got the text 'qwen'",
                 id="top-level-scalar"),
    pytest.param("---\n...\n", ":2: expected a mapping with a 'concepts' list at the top, got nothing (null)",
                 id="empty-document"),
    pytest.param("concept:\n  - id: qwen\n", ":1: expected a mapping with a 'concepts' list at the top, got the keys 'concept'",
                 id="misspelt-concepts"),
    pytest.param(one_concept(PREFERRED) + "---\n" + one_concept(PREFERRED),
                 ":6: a second YAML document (after ---): a glossary file holds one", id="two-documents"),
    pytest.param("concepts:\n  - id: qwen\x00\n", ":2: invalid YAML: control character U+0000 is not allowed; delete it",
                 id="nul-byte"),
    pytest.param(one_concept(PREFERRED, "{term: 倩\x07文, lang: zh-Hans, status: deprecated}") + "#\x1b[2J\n",
                 ":6: invalid YAML: control character U+0007 is not allowed; delete it (and 1 more such character in the file)",
                 id="raw-control-characters"),
    pytest.param("concepts:\n  - id: qwen\n    note: first\u2028second\n    type: model\n",
                 ":3: U+2028 (LINE SEPARATOR) in the file: YAML reads it as a line break, so every line number after it "
                 "would be wrong; delete it", id="line-separator"),
    pytest.param("concepts:\n  - id: qwen\n    note: 下一行\x85\n",
                 ":3: U+0085 (NEXT LINE) in the file: YAML reads it as a line break, so every line number after it "
                 "would be wrong; delete it", id="next-line"),
])
def test_malformed_yaml_is_located(tmp_path, body, expected):
    p = write(tmp_path, body)
    assert_located(problems_of(p), f"{p}{expected}")


def test_not_utf8_names_the_line_and_byte(tmp_path):
    body = one_concept(PREFERRED, "{term: 倩文, lang: zh-Hans, status: deprecated}")
    stray = write(tmp_path, body.encode().replace("倩文".encode(), b"\xff\xfe"), "stray.yaml")
    offset = len(body.encode().split("倩文".encode())[0])
    assert problems_of(stray) == [f"{stray}:6: not UTF-8: byte {offset} (0xff) cannot be decoded; save the file as UTF-8"]
    # saved by an editor in the Chinese ANSI code page: the first byte that is not UTF-8 is on line 5
    gbk = write(tmp_path, body.encode("gb18030"), "gbk.yaml")
    assert re.fullmatch(rf"{re.escape(str(gbk))}:5: not UTF-8: byte \d+ \(0x[0-9a-f]{{2}}\) cannot be decoded; "
                        "save the file as UTF-8", problems_of(gbk)[0])
    utf16 = write(tmp_path, body.encode("utf-16"), "utf16.yaml")
    assert problems_of(utf16) == [f"{utf16}:1: not UTF-8: byte 0 (0xff) cannot be decoded (it looks like UTF-16); "
                                  "save the file as UTF-8"]


@pytest.mark.parametrize("encode, shift", [
    pytest.param(lambda s: s.encode(), 0, id="plain"),
    pytest.param(lambda s: b"\xef\xbb\xbf" + s.encode(), 0, id="bom"),
    pytest.param(lambda s: s.replace("\n", "\r\n").encode(), 0, id="crlf"),
    pytest.param(lambda s: b"\xef\xbb\xbf" + s.replace("\n", "\r").encode(), 0, id="bom-and-old-mac-cr"),
    pytest.param(lambda s: ("---\n" + s + "...\n").encode(), 1, id="explicit-document-markers"),
])
def test_bom_and_line_endings_keep_the_lines(tmp_path, encode, shift):
    body = one_concept(PREFERRED, "{term: 倩文, lang: zh-Hans, status: deprecated}")
    p = write(tmp_path, encode(body))
    g = load_glossary(p)
    assert [(t.term, t.line) for t in g["qwen"].terms] == [("通义千问", 5 + shift), ("倩文", 6 + shift)]
    # and a problem further down names the right line too
    bad = body + "      - {term: 千问, lang: zh-Hans, status: sometimes}\n"
    q = write(tmp_path, encode(bad), "bad.yaml")
    assert problems_of(q) == [f"{q}:{7 + shift}: unknown status 'sometimes' (expected one of preferred, admitted, deprecated)"]


# ---- aliases, tags, nesting ------------------------------------------------------------------------
def billion_laughs() -> str:
    lines = ["l0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    for i in range(1, 10):
        lines.append(f"l{i}: &l{i} [" + ", ".join([f"*l{i - 1}"] * 10) + "]")
    return "\n".join(lines) + "\nconcepts: *l9\n"  # 10**10 strings once expanded


def test_alias_bomb_is_refused(tmp_path):
    # Only in a subprocess: before the fix, expanding the aliases took all memory and never ended.
    p = write(tmp_path, billion_laughs(), "laughs.yaml")
    r = cli("glossary", "validate", p)
    assert r.returncode == 1, r.stderr
    line, message = re.match(rf"{re.escape(str(p))}:(\d+): G000 \[error\] (.*)", r.stdout).groups()
    assert line == "5" and "aliases expand to more than" in message and "refused as an alias bomb: *l3 here alone" in message
    assert "Traceback" not in r.stdout + r.stderr


@pytest.mark.parametrize("body, expected", [
    pytest.param("concepts: &a [*a]\n", ":1: invalid YAML: alias *a refers to a value that contains it (a recursive alias)",
                 id="recursive-list"),
    pytest.param(HEAD.replace("  - id", "  - &c\n    id") + "      - *c\n",
                 ":6: invalid YAML: alias *c refers to a value that contains it (a recursive alias)", id="recursive-mapping"),
    pytest.param("concepts: *nowhere\n", ":1: invalid YAML: alias *nowhere has no anchor &nowhere before it",
                 id="undefined-alias"),
    pytest.param("base: &base {type: model}\nconcepts:\n  - <<: *base\n    id: qwen\n    terms:\n      - " + PREFERRED + "\n",
                 ":3: YAML merge keys (<<) are not supported: write the keys out", id="merge-key"),
])
def test_bad_aliases_are_located(tmp_path, body, expected):
    p = write(tmp_path, body)
    assert problems_of(p)[0] == f"{p}{expected}"


def test_plain_aliases_are_a_correct_result(tmp_path):
    # An anchor shared by two terms is ordinary YAML: both terms get the list, with the lines they are on.
    p = write(tmp_path, textwrap.dedent("""\
        concepts:
          - id: meta
            type: org
            terms:
              - {term: Meta, lang: en, status: preferred}
              - {term: 元, lang: zh-Hans, status: deprecated, exceptions: &money [美元, 日元, 元宇宙]}
              - {term: 圆, lang: zh-Hans, status: deprecated, exceptions: *money}
        """))
    g = mtqa.Glossary.load(p)
    assert [(t.term, t.exceptions, t.line) for t in g["meta"].terms[1:]] == [
        ("元", ["美元", "日元", "元宇宙"], 6), ("圆", ["美元", "日元", "元宇宙"], 7)]
    assert t001("美元和元宇宙不是元", g) == [(8, 9, "元", "Meta")]


@pytest.mark.parametrize("tagged, line", [
    ('concepts: !!python/object/apply:os.system ["touch {sentinel}"]\n', 1),
    ('concepts:\n  - id: !!python/object/apply:os.system ["touch {sentinel}"]\n', 2),
    ("concepts:\n  - !!python/object/new:subprocess.Popen [[touch, '{sentinel}']]\n", 2),
    ("concepts:\n  - id: !!python/name:os.system\n", 2),
])
def test_python_tags_never_run_anything(tmp_path, tagged, line):
    sentinel = tmp_path / "pwned"
    p = write(tmp_path, tagged.format(sentinel=sentinel))
    found = problems_of(p)
    assert len(found) == 1 and found[0].startswith(f"{p}:{line}: unsupported YAML tag !!python/"), found
    assert found[0].endswith(": a glossary holds only text, lists and mappings")
    assert not sentinel.exists()


@pytest.mark.parametrize("term, message", [
    ("!!binary aGVsbG8=", "unsupported YAML tag !!binary"),
    ("!custom 倩文", "unsupported YAML tag !custom"),
    ("!!set {a, b}", "unsupported YAML tag !!set"),
])
def test_other_tags_are_refused(tmp_path, term, message):
    p = write(tmp_path, one_concept(PREFERRED, f"{{term: {term}, lang: zh-Hans, status: deprecated}}"))
    assert problems_of(p) == [f"{p}:6: {message}: a glossary holds only text, lists and mappings"]


def test_core_tags_give_the_text_as_written(tmp_path):
    p = write(tmp_path, one_concept(PREFERRED, "{term: !!str 360, lang: en, status: admitted, window: !!int 12}"))
    t = load_glossary(p)["qwen"].terms[1]
    assert (t.term, t.window) == ("360", 12)


def test_deep_nesting_is_refused_without_crashing(tmp_path):
    # libyaml's recursive composer overflowed the C stack on this (a segfault): run it in a fresh process.
    # Newer libyaml refuses very deep flow nesting itself, in its own words: the promise is mtqa's
    # (G000, the file, the line, exit 1, no crash), whichever of the two refuses first.
    flow = write(tmp_path, "concepts: " + "[" * 200_000 + "]" * 200_000 + "\n", "flow.yaml")
    block = write(tmp_path, "concepts:\n  " + "- " * 100_000 + "x\n", "block.yaml")
    mapping = write(tmp_path, "concepts:\n" + "".join(" " * i + "a:\n" for i in range(1, 5000)), "map.yaml")
    r = cli("glossary", "validate", flow, block, mapping)
    assert r.returncode == 1 and "Traceback" not in r.stdout + r.stderr, r.stderr[-2000:]
    out = r.stdout.splitlines()
    assert [o.split(" G000 [error] ")[0] for o in out] == [f"{flow}:1:", f"{block}:2:", f"{mapping}:33:"], out


def test_nesting_past_mtqa_limit_is_refused_in_mtqa_words(tmp_path):
    # 40 levels: past mtqa's limit (32), far below any parser's own
    p = write(tmp_path, "concepts: " + "[" * 40 + "]" * 40 + "\n", "deep40.yaml")
    r = cli("glossary", "validate", p)
    assert r.returncode == 1
    assert r.stdout == f"{p}:1: G000 [error] YAML nested more than 32 levels deep; refused (a glossary needs 6)\n"


# ---- 2. wrong types -----------------------------------------------------------------------------
@pytest.mark.parametrize("body, expected", [
    pytest.param("concepts:\n  qwen: {type: model}\n", ":2: 'concepts' must be a list, got a mapping", id="concepts-mapping"),
    pytest.param("concepts:\n", ":1: 'concepts' must be a list, got nothing (null)", id="concepts-null"),
    pytest.param("concepts: qwen\n", ":1: 'concepts' must be a list, got the text 'qwen'", id="concepts-scalar"),
    pytest.param("concepts:\n  - qwen\n", ":2: a concept must be a mapping with id, type and terms", id="concept-scalar"),
    pytest.param(HEAD.replace("id: qwen", "id:"), ":2: id must be a non-empty string, got nothing", id="id-empty"),
    pytest.param(HEAD.replace("id: qwen", "id: null"), ":2: id must be a non-empty string, got nothing", id="id-null"),
    pytest.param(HEAD.replace("id: qwen", "id: [qwen]"), ":2: id must be a non-empty string, got ['qwen']", id="id-list"),
    pytest.param(HEAD.replace("id: qwen", "id: 0x1F"), ":2: id '0x1F' must be lowercase letters, digits, '-', '_' or '.'",
                 id="id-hex-number-kept-as-written"),
    pytest.param("concepts:\n  - id: qwen\n    type: model\n    terms: 通义千问\n", ":4: 'terms' must be a list",
                 id="terms-string"),
    pytest.param(one_concept(PREFERRED, "倩文"), ":6: a term must be a mapping with term, lang and status", id="term-bare"),
    pytest.param(one_concept(PREFERRED, "{term: [倩文], lang: zh-Hans, status: deprecated}"),
                 ":6: term must be a non-empty string, got ['倩文']", id="term-list"),
    pytest.param(one_concept(PREFERRED, "{term: {倩: 文}, lang: zh-Hans, status: deprecated}"),
                 ":6: term must be a non-empty string, got {'倩': '文'}", id="term-mapping"),
    pytest.param(one_concept(PREFERRED, "{term: null, lang: zh-Hans, status: deprecated}"),
                 ":6: term must be a non-empty string, got nothing", id="term-null"),
    pytest.param(one_concept(PREFERRED, "{term: ~, lang: zh-Hans, status: deprecated}"),
                 ":6: term must be a non-empty string, got nothing", id="term-tilde"),
    pytest.param(one_concept(PREFERRED, "{term: , lang: zh-Hans, status: deprecated}"),
                 ":6: term must be a non-empty string, got nothing", id="term-missing-value"),
    pytest.param(one_concept(PREFERRED, "{term: 倩文, lang: zh-Hans, status: [deprecated]}"),
                 ":6: unknown status ['deprecated'] (expected one of preferred, admitted, deprecated)", id="status-list"),
    pytest.param(one_concept(PREFERRED, "{term: 倩文, lang: zh-Hans, status: {deprecated: true}}"),
                 ":6: unknown status {'deprecated': 'true'} (expected one of preferred, admitted, deprecated)",
                 id="status-mapping"),
    pytest.param(one_concept(PREFERRED, "{term: 倩文, lang: zh-Hans, status: no}"),
                 ":6: unknown status 'no' (expected one of preferred, admitted, deprecated)", id="status-yaml11-bool"),
    pytest.param(one_concept(PREFERRED, "{term: 倩文, lang: 1, status: deprecated}"),
                 ":6: unknown lang '1' (expected one of en, zh-Hans, zh-Hant, zh-CN, zh-TW, zh-HK)", id="lang-number"),
    pytest.param(one_concept(PREFERRED, "{term: 倩文, lang: [zh-Hans], status: deprecated}"),
                 ":6: unknown lang ['zh-Hans'] (expected one of en, zh-Hans, zh-Hant, zh-CN, zh-TW, zh-HK)", id="lang-list"),
    pytest.param(one_concept(PREFERRED, "{term: 倩文, lang: zh-Hans, status: deprecated, note: [homophone, of 千问]}"),
                 ":6: note must be a non-empty string, got ['homophone', 'of 千问']", id="term-note-list"),
    pytest.param(HEAD.replace("    terms:", "    note:\n      - Alibaba\n    terms:") + f"      - {PREFERRED}\n",
                 ":5: note must be a non-empty string, got ['Alibaba']", id="concept-note-list"),
    pytest.param(one_concept(PREFERRED, "{term: 元, lang: zh-Hans, status: deprecated, exceptions: {美元: 1}}"),
                 ":6: exceptions must be a list of strings", id="exceptions-mapping"),
    pytest.param(one_concept(PREFERRED, "{term: 元, lang: zh-Hans, status: deprecated, exceptions: [[美元]]}"),
                 ":6: exceptions entries must be non-empty strings, got ['美元']", id="exceptions-nested-list"),
    pytest.param(one_concept(PREFERRED, "{term: 元, lang: zh-Hans, status: deprecated, exceptions: [美元, ~]}"),
                 ":6: exceptions entries must be non-empty strings, got nothing", id="exceptions-null-entry"),
    pytest.param(one_concept(PREFERRED, "{term: 倩文, lang: zh-Hans, status: deprecated, window: 1e400}"),
                 ":6: window must be a whole number of characters ≥ 0, got '1e400'", id="window-float"),
    pytest.param(one_concept(PREFERRED, "{term: 倩文, lang: zh-Hans, status: deprecated, window: 0x10}"),
                 ":6: window must be a whole number of characters ≥ 0, got '0x10'", id="window-hex"),
    pytest.param(one_concept(PREFERRED, "{term: 倩文, lang: zh-Hans, status: deprecated, window: " + "9" * 5000 + "}"),
                 ":6: window must be a whole number of characters ≥ 0, got '" + "9" * 78 + "…", id="window-5000-digits"),
    pytest.param(one_concept(PREFERRED, "{term: 倩文, lang: zh-Hans, status: deprecated, derived: [yes]}"),
                 ":6: derived must be true or false, got ['yes']", id="derived-list"),
    pytest.param("concepts:\n  - [id]: qwen\n", ":2: mapping key must be a plain string, got a list", id="key-list"),
    pytest.param("concepts:\n  - ~: qwen\n", ":2: mapping key must be a plain string, got nothing (null)", id="key-null"),
])
def test_wrong_types_are_located(tmp_path, body, expected):
    p = write(tmp_path, body)
    found = problems_of(p)
    assert found[0] == f"{p}{expected}", found


def test_yaml_11_booleans_numbers_and_dates_are_the_text_as_written(tmp_path):
    """YAML 1.1 would read `yes`/`on`/`No` as booleans, `360`/`0x1F` as numbers and `2024-01-01` as a date; in
    a glossary field they are what the translator typed (the Norway problem does not exist here)."""
    forms = ["yes", "on", "No", "OFF", "y", "True", "360", "0x1F", "1_000", "3.5", ".inf", "2024-01-01", "12:30"]
    p = write(tmp_path, one_concept("{term: 正确, lang: zh-Hans, status: preferred}",
                                    *(f"{{term: {f}, lang: en, status: deprecated}}" for f in forms)))
    g = load_glossary(p)
    assert [t.term for t in g["qwen"].terms[1:]] == forms
    assert t001("He said yes, then 360 on 2024-01-01.", g) == [
        (8, 11, "yes", "正确"), (18, 21, "360", "正确"), (22, 24, "on", "正确"), (25, 35, "2024-01-01", "正确")]
    # ids too: 123 is a valid id written plainly
    q = write(tmp_path, HEAD.replace("id: qwen", "id: 123") + f"      - {PREFERRED}\n", "num.yaml")
    assert load_glossary(q).get("123") is not None


def test_null_means_no_value_not_the_word_null(tmp_path):
    # Regression: with libyaml plain scalars have style '' (not None), so `suggest: null` suggested "null".
    p = write(tmp_path, one_concept(PREFERRED, "{term: 倩文, lang: zh-Hans, status: deprecated, suggest: null, note: ~}",
                                    "{term: 千问, lang: zh-Hans, status: admitted, note: }",
                                    "{term: Qwen, lang: en, status: admitted, suggest: 'null'}"))
    terms = load_glossary(p)["qwen"].terms
    assert [(t.suggest, t.note) for t in terms[1:]] == [(None, None), (None, None), ("null", None)]
    assert t001("倩文很强", load_glossary(p)) == [(0, 2, "倩文", "通义千问")]


def test_very_long_strings_load(tmp_path):
    note, cid = "很长的说明。" * 200_000, "a" * 10_000  # a 1.2-million-character note, a 10,000-character id
    p = write(tmp_path, HEAD.replace("qwen", cid).replace("    terms:", f"    note: {note}\n    terms:")
              + f"      - {PREFERRED}\n")
    c = load_glossary(p)[cid]
    assert c.note == note and c.terms[0].line == 6


# ---- 3. pathological terms ------------------------------------------------------------------------
# (as written in YAML, the term)
METACHARACTERS = [("'.*'", ".*"), ("'(a|b)+'", "(a|b)+"), ("'['", "["), ('"\\\\"', "\\"), ("'^$'", "^$"), ("re:x", "re:x")]


def test_regex_metacharacters_in_terms_and_exceptions_are_literal(tmp_path):
    p = write(tmp_path, one_concept("{term: 正确, lang: zh-Hans, status: preferred}",
                                    *(f"{{term: {yaml}, lang: en, status: deprecated}}" for yaml, _ in METACHARACTERS),
                                    "{term: 元, lang: zh-Hans, status: deprecated, exceptions: ['元.*', '(元)']}"))
    g = mtqa.Glossary.load(p)
    assert [t.term for t in g["qwen"].terms[1:-1]] == [term for _, term in METACHARACTERS]
    text = "甲.*乙(a|b)+丙[丁\\戊^$己re:x庚"
    assert t001(text, g) == [(1, 3, ".*", "正确"), (4, 10, "(a|b)+", "正确"), (11, 12, "[", "正确"),
                             (13, 14, "\\", "正确"), (15, 17, "^$", "正确"), (18, 22, "re:x", "正确")]
    # what the patterns would match as regexes is no hit; the exceptions cover only their literal text
    assert t001("abab aab ab ba 甲乙 x re 元.*和(元) 正确", g) == []
    assert t001("元宇宙", g) == [(0, 1, "元", "正确")]


@pytest.mark.parametrize("term, expected", [
    ('""', "term must be a non-empty string, got ''"),
    ('"   "', "term must be a non-empty string, got '   '"),
    ('"\u3000"', "term must be a non-empty string, got '\\u3000'"),
    ('"\\t\\n"', "term must be a non-empty string, got '\\t\\n'"),
    ('" 倩文"', "term ' 倩文' has leading or trailing spaces"),
    ('"倩文\u00a0"', "term '倩文\\xa0' has leading or trailing spaces"),
    ('"倩\\x01文"', "term '倩\\x01文' contains control character U+0001; delete it"),
    ('"倩\\t文"', "term '倩\\t文' contains control character U+0009; delete it"),
    ('"倩\\n文"', "term '倩\\n文' contains control character U+000A; delete it"),
    ('"倩\\x1b[31m文"', "term '倩\\x1b[31m文' contains control character U+001B; delete it"),
    ('"倩\\u2028文"', "term '倩\\u2028文' contains U+2028 (LINE SEPARATOR); delete it"),
    ('"倩\ufffd"', "term '倩\ufffd' contains U+FFFD (REPLACEMENT CHARACTER), the mark of a character lost in an "
                  "encoding conversion; delete it"),
    ('"倩\u200d文"', "term '倩\\u200d文' contains U+200D (ZERO WIDTH JOINER), an invisible character; delete it"),
    ('"\u200b"', "term '\\u200b' contains U+200B (ZERO WIDTH SPACE), an invisible character; delete it"),
    ('"倩\ufeff文"', "term '倩\\ufeff文' contains U+FEFF (ZERO WIDTH NO-BREAK SPACE), an invisible character; delete it"),
    ('"倩\u202e文"', "term '倩\\u202e文' contains U+202E (RIGHT-TO-LEFT OVERRIDE), an invisible character; delete it"),
    ('"Ope\u00adnAI"', "term 'Ope\\xadnAI' contains U+00AD (SOFT HYPHEN), an invisible character; delete it"),
])
def test_blank_invisible_and_control_characters_in_a_term_are_refused(tmp_path, term, expected):
    p = write(tmp_path, one_concept(PREFERRED, f"{{term: {term}, lang: zh-Hans, status: deprecated}}"))
    assert problems_of(p) == [f"{p}:6: {expected}"]


@pytest.mark.parametrize("key, value, expected", [
    ("suggest", '"通义\u200b千问"', "suggest '通义\\u200b千问' contains U+200B (ZERO WIDTH SPACE), an invisible character; "
                                  "delete it"),
    ("exceptions", '["美\u200d元"]', "exceptions entry '美\\u200d元' contains U+200D (ZERO WIDTH JOINER), an invisible "
                                    "character; delete it"),
    ("context", '["代号\\x00"]', "context entry '代号\\x00' contains control character U+0000; delete it"),
    ("note", '"\\x1b]0;pwned\\x07"', "note '\\x1b]0;pwned\\x07' contains control character U+001B; delete it"),
])
def test_forms_written_into_articles_or_terminals_are_checked_too(tmp_path, key, value, expected):
    # a suggestion is written into the article by --fix; a note is printed to the terminal (escape sequences)
    p = write(tmp_path, one_concept(PREFERRED, f"{{term: 倩文, lang: zh-Hans, status: deprecated, {key}: {value}}}"))
    assert problems_of(p) == [f"{p}:6: {expected}"]


def test_line_breaks_tabs_and_invisible_characters_are_fine_in_notes(tmp_path):
    p = write(tmp_path, HEAD.replace("    terms:", "    note: |\n      Alibaba's model family.\n      Second line.\n    terms:")
              + f"      - {PREFERRED}\n"
              + '      - {term: 倩文, lang: zh-Hans, status: deprecated, note: "👩\u200d💻 工程师\\tsee\\u2028below"}\n')
    c = load_glossary(p)["qwen"]
    assert c.note == "Alibaba's model family.\nSecond line.\n"
    assert c.terms[1].note == "👩\u200d💻 工程师\tsee\u2028below" and c.terms[1].line == 9


def test_extremely_long_term_lints_exactly(tmp_path):
    long_zh, long_en = "长" * 10_000, "Averyveryverylongname" * 500  # 10,000 and 10,500 characters
    p = write(tmp_path, one_concept(PREFERRED, f"{{term: {long_zh}, lang: zh-Hans, status: deprecated}}",
                                    f"{{term: {long_en}, lang: en, status: deprecated}}"))
    g = load_glossary(p)
    text = f"前{long_zh}后 {long_en} 和{long_zh[:-1]}以及 {long_en}x"
    n = len(long_zh)
    assert t001(text, g) == [(1, 1 + n, long_zh, "通义千问"), (n + 3, n + 3 + len(long_en), long_en, "通义千问")]


def test_a_common_character_deprecated_lints_every_occurrence_and_nothing_else(tmp_path):
    """The loader accepts a one-character deprecated form (元 with its exceptions is the documented example), so
    it must lint correctly, fast enough on a 200 KB article (a hang is caught by the test run's time limit)."""
    p = write(tmp_path, one_concept("{term: 地, lang: zh-Hans, status: preferred}",
                                    "{term: 的, lang: zh-Hans, status: deprecated}",
                                    "{term: 是, lang: zh-Hans, status: deprecated, exceptions: [但是]}"))
    g = load_glossary(p)
    unit = "我的书是新的，但是很贵。\n"
    text = unit * (200_000 // len(unit.encode()) + 1)
    assert len(text.encode()) >= 200_000
    expected = [(m.start(), m.end(), m.group(), "地") for m in re.finditer("的|(?<!但)是", text)]
    assert t001(text, g) == expected and len(expected) == 3 * text.count(unit)
    assert t001("我们在图书馆看书。" * 1000, g) == []


def test_the_same_term_many_times(tmp_path):
    dup = "{term: 倩文, lang: zh-Hans, status: deprecated}"
    p = write(tmp_path, one_concept(PREFERRED, *[dup] * 500))
    assert problems_of(p) == [f"{p}:{line}: term '倩文' (zh-Hans) is listed twice in concept 'qwen'" for line in range(7, 506)]
    # the same form in several language tags of one concept is allowed: one hit, not three
    q = write(tmp_path, one_concept(PREFERRED, dup, dup.replace("zh-Hans", "zh-CN"), dup.replace("zh-Hans", "zh-Hant")),
              "langs.yaml")
    assert t001("倩文很强", load_glossary(q)) == [(0, 2, "倩文", "通义千问")]


def test_catastrophic_regex_exception_is_refused_at_load_time(tmp_path):
    # `re:` exceptions run around every hit: (x+x+)+y takes minutes on 24 x's beside a 元, per hit
    p = write(tmp_path, one_concept(PREFERRED, '{term: 元, lang: zh-Hans, status: deprecated, '
                                               'exceptions: ["re:(x+x+)+y", "re:[0-9]+\\\\s*元", "re:(?:a|b+)*c"]}'))
    msg = ("repeats a group that itself repeats without bound, like (x+)+: it can take exponential time on some texts; "
           "rewrite it without the nesting")
    assert problems_of(p) == [f"{p}:6: regex in exceptions 're:(x+x+)+y' {msg}",
                              f"{p}:6: regex in exceptions 're:(?:a|b+)*c' {msg}"]
    ok = write(tmp_path, one_concept(PREFERRED, '{term: 元, lang: zh-Hans, status: deprecated, '
                                                'exceptions: ["re:[0-9]+\\\\s*元", "re:(?>x+)+y", "re:(ab?)+"]}'), "ok.yaml")
    g = load_glossary(ok)
    assert t001("x" * 24 + "元" + "x" * 24 + " 100 元", g) == [(24, 25, "元", "通义千问")]


# ---- 4. scale: 5,000 concepts with hostile entries mixed in ---------------------------------------
def test_every_problem_in_a_large_hostile_glossary_is_located(tmp_path):
    """5,000 concepts, every 97th one damaged in one of several ways: each damage is reported once, on its line."""
    damages = [
        ("{term: %s, lang: zh-Hans, status: obsolete}", "unknown status 'obsolete'"),
        ("{term: null, lang: zh-Hans, status: deprecated}", "term must be a non-empty string, got nothing"),
        ('{term: "%s\u200d", lang: zh-Hans, status: deprecated}', "contains U+200D (ZERO WIDTH JOINER)"),
        ("{term: %s, lang: zh-Hans, lang: en, status: deprecated}", "duplicate key 'lang' (first on line"),
        ("{term: %s, lang: zh-Hans, status: deprecated, colour: red}", "unknown term key 'colour'"),
        ('{term: "%s\\x1b[0m", lang: zh-Hans, status: deprecated}', "contains control character U+001B"),
        ('{term: "  ", lang: zh-Hans, status: deprecated}', "term must be a non-empty string, got '  '"),
        ('{term: %s, lang: zh-Hans, status: deprecated, exceptions: ["re:(a*)*b"]}', "repeats a group that itself repeats"),
        ("{term: %s, lang: zh-Hans, status: deprecated, window: -1}", "window must be a whole number"),
        ("{term: %s, lang: zh-Hans, status: preferred}", "has 2 preferred zh-Hans terms"),
    ]
    lines, expected = ["# generated", "concepts:"], []
    for i in range(5000):
        name = f"名{i:05d}".translate(str.maketrans("0123456789", "零一二三四五六七八九"))
        lines += [f"  - id: c{i}", "    type: term", "    terms:", f"      - {{term: {name}, lang: zh-Hans, status: preferred}}",
                  f"      - {{term: Name{i}, lang: en, status: admitted}}"]
        if i % 97 == 3:
            template, fragment = damages[(i // 97) % len(damages)]
            lines.append("      - " + (template % (name + "错") if "%s" in template else template))
            expected.append((len(lines), fragment))
    duplicate_line = len(lines) + 1
    lines += ["  - id: c42", "    type: term", "    terms:", "      - {term: 重复, lang: zh-Hans, status: preferred}"]
    expected.append((duplicate_line, "duplicate concept id 'c42' (first defined at"))
    p = write(tmp_path, "\n".join(lines) + "\n", "big.yaml")
    with pytest.raises(GlossaryError) as exc:
        load_glossary(p)
    found = [(pr.line, pr.message) for pr in exc.value.problems]
    assert all(pr.path == str(p) and pr.line for pr in exc.value.problems)
    assert len(found) == len(expected) == 53
    for (line, message), (want_line, fragment) in zip(sorted(found), sorted(expected)):
        assert line == want_line and fragment in message, (line, message, want_line, fragment)


# ---- 5. CSV and TBX -------------------------------------------------------------------------------
ROWS = "qwen,model,zh-Hans,通义千问,preferred,\nqwen,model,zh-Hans,倩文,deprecated,homophone\n"


@pytest.mark.parametrize("data, expected", [
    pytest.param("concept_id;type;lang;term;status;note\n" + ROWS.replace(",", ";"),
                 ":1: header must start with concept_id,type,lang,term,status,note, got concept_id;type;lang;term;status;note"
                 " (the columns are separated by ';'; mtqa's CSV uses commas)", id="semicolon-header"),
    pytest.param("concept_id,type,lang,term,status\n" + ROWS,
                 ":1: header must start with concept_id,type,lang,term,status,note, got concept_id,type,lang,term,status",
                 id="header-missing-a-column"),
    pytest.param(CSV_HEADER + "qwen,model,zh-Hans,通义千问\n", ":2: expected 6 columns, got 4", id="row-missing-columns"),
    pytest.param(CSV_HEADER + "alibaba,org,en,Alibaba Group Holding, Ltd.,preferred,\n",
                 ":2: expected 6 columns (as in the header), got 7: quote a term or note that contains a comma",
                 id="unquoted-comma"),
    pytest.param(CSV_HEADER + "qwen,model,zh-Hans,通义千问,preferred,,extra\n",
                 ":2: expected 6 columns (as in the header), got 7: quote a term or note that contains a comma",
                 id="extra-column"),
    pytest.param(CSV_HEADER + 'qwen,model,zh-Hans,"通义千问,preferred,\nqwen,model,zh-Hans,倩文,deprecated,\n',
                 ":2: malformed CSV in the row that starts here: … (is a closing quote missing?)",
                 id="unterminated-quote"),
    pytest.param(CSV_HEADER + 'qwen,model,zh-Hans,"通义"千问,preferred,\n',
                 ":2: malformed CSV in the row that starts here: …", id="text-after-closing-quote"),
    pytest.param(CSV_HEADER + "qwen,model,zh-Hans,通义\x00千问,preferred,\n",
                 ":2: term '通义\\x00千问' contains control character U+0000; delete it", id="nul-byte"),
    pytest.param(CSV_HEADER + 'qwen,model,zh-Hans,"通义\n千问",preferred,\n',
                 ":2: term '通义\\n千问' contains control character U+000A; delete it", id="newline-in-a-term"),
    pytest.param(CSV_HEADER + "qwen,model,zh-Hans," + "长" * 200_000 + ",preferred,\n",
                 ":2: malformed CSV in the row that starts here: …", id="huge-field"),
    pytest.param(CSV_HEADER.encode() + ROWS.replace("通义千问", "\udcff").encode("utf-8", "surrogateescape"),
                 f":2: not UTF-8: byte {len(CSV_HEADER) + 19} (0xff) cannot be decoded; save the file as UTF-8",
                 id="stray-byte"),
    pytest.param(b"", ":1: empty CSV; expected the header concept_id,type,lang,term,status,note", id="empty"),
])
def test_bad_csv_is_located(tmp_path, data, expected):
    p = write(tmp_path, data, "g.csv")
    assert_located(problems_of(p), f"{p}{expected}")


@pytest.mark.parametrize("encode", [
    pytest.param(lambda s: b"\xef\xbb\xbf" + s.encode(), id="bom"),
    pytest.param(lambda s: s.replace("\n", "\r\n").encode(), id="crlf"),
    pytest.param(lambda s: b"\xef\xbb\xbf" + s.replace("\n", "\r\n").encode(), id="excel-bom-and-crlf"),
    pytest.param(lambda s: s.replace("\n", "\r").encode(), id="old-mac-cr"),
])
def test_csv_bom_and_line_endings_load_with_their_lines(tmp_path, encode):
    p = write(tmp_path, encode(CSV_HEADER + ROWS + "\nqwen,model,en,Qwen,admitted,\"note, with comma\"\n"), "g.csv")
    g = load_glossary(p)
    assert [(t.term, t.status, t.note, t.line) for t in g["qwen"].terms] == [
        ("通义千问", "preferred", None, 2), ("倩文", "deprecated", "homophone", 3), ("Qwen", "admitted", "note, with comma", 5)]
    assert t001("倩文", g) == [(0, 2, "倩文", "通义千问")]


TBX_ENTRY = ('<conceptEntry id="qwen"><langSec xml:lang="zh-Hans">'
             '<termSec><term>通义千问</term><termNote type="administrativeStatus">preferredTerm-admn-sts</termNote></termSec>\n'
             '<termSec><term>倩文</term><termNote type="administrativeStatus">deprecatedTerm-admn-sts</termNote></termSec>'
             '</langSec></conceptEntry>')


def read_tbx(data: str):
    problems, warnings = [], []
    concepts = parse_tbx(data.encode(), "x.tbx", problems, warnings)
    return [(c.id, [(t.term, t.status) for t in c.terms]) for c in concepts], [str(p) for p in problems], \
        [str(w) for w in warnings]


QWEN = [("qwen", [("通义千问", "preferred"), ("倩文", "deprecated")])]


@pytest.mark.parametrize("data, concepts, problems, warnings", [
    pytest.param(f'<tbx xmlns="urn:iso:std:iso:30042:ed-2"><text><body>{TBX_ENTRY}</body></text></tbx>',
                 QWEN, [], [], id="tbx3-namespace"),
    pytest.param(f'<tbx xmlns="http://www.w3.org/1999/xhtml"><text><body>{TBX_ENTRY}</body></text></tbx>',
                 QWEN, [], [], id="wrong-default-namespace-read-by-local-names"),
    pytest.param(f'<x:tbx><text><body>{TBX_ENTRY}</body></text></x:tbx>', [],
                 ["x.tbx:1: malformed XML: Namespace prefix x on tbx is not defined, line 1, column 7"], [],
                 id="unbound-prefix"),
    pytest.param('<tbx><text><body>' + TBX_ENTRY.replace("xml:lang", "foo:lang").replace(
        "<langSec", '<langSec xmlns:foo="urn:foo"') + '</body></text></tbx>', [], [],
        ["x.tbx: left out terms in languages mtqa glossaries do not hold: 2 (no xml:lang)",
         "x.tbx: left out 1 entry with no English or Chinese term"], id="lang-in-the-wrong-namespace"),
    pytest.param(f'<?xml version="1.0"?>\n<!DOCTYPE tbx SYSTEM "TBXcoreStructV03.dtd">\n<tbx><text><body>{TBX_ENTRY}'
                 '</body></text></tbx>', QWEN, [], [], id="doctype-without-entities-is-not-loaded"),
    pytest.param(f'<tbx><text><body>{TBX_ENTRY.replace("倩文", "倩&#x200D;文")}</body></text></tbx>', [],
                 ["x.tbx:2: term '倩\\u200d文' contains U+200D (ZERO WIDTH JOINER), an invisible character; delete it"], [],
                 id="invisible-character-in-a-term"),
    pytest.param('<tbx><text><body>\x00</body></text></tbx>', [],
                 ["x.tbx:1: malformed XML: Invalid character: Char 0x0 out of allowed range, line 1, column 18"], [],
                 id="nul-byte"),
])
def test_hostile_tbx(data, concepts, problems, warnings):
    assert read_tbx(data) == (concepts, problems, warnings)


@pytest.mark.parametrize("cut", [40, 150, 200, len(TBX_ENTRY) - 5])
def test_truncated_tbx_names_the_line_it_stops_on(cut):
    # libxml2's wording is its own; the file, the line and "malformed XML" are what the user needs
    concepts, problems, warnings = read_tbx(f"<tbx>\n<text>\n<body>\n{TBX_ENTRY[:cut]}")
    line = 4 + TBX_ENTRY[:cut].count("\n")
    assert concepts == [] and warnings == [] and len(problems) == 1
    assert problems[0].startswith(f"x.tbx:{line}: malformed XML: ") and "\n" not in problems[0], problems


def test_tbx_named_as_a_glossary_points_to_import(tmp_path):
    p = write(tmp_path, f"<tbx><text><body>{TBX_ENTRY}</body></text></tbx>", "terms.tbx")
    assert problems_of(p) == [f"{p}: mtqa reads glossaries from YAML or CSV; import this TBX file first: "
                              f"mtqa glossary import {p} -o glossaries/terms.yaml"]


# ---- 6. the CLI, end to end ---------------------------------------------------------------------
def hostile_cases(tmp_path) -> dict:
    """name → (body, line, message) for bad glossaries of every kind."""
    return {
        # the parser's own words follow "invalid YAML: "; mtqa adds where the quote was opened
        "quote.yaml": ('concepts:\n  - id: "qwen\n    type: model\n', 4, "invalid YAML: "),
        "gbk.yaml": (one_concept(PREFERRED).encode("gb18030"), 5, "not UTF-8: byte "),
        "empty.yaml": ("", 1, "the file is empty (or only comments)"),
        "python.yaml": ('concepts: !!python/object/apply:os.system ["touch %s"]\n' % (tmp_path / "pwned"), 1,
                        "unsupported YAML tag !!python/object/apply:os.system"),
        "laughs.yaml": (billion_laughs(), 5, "YAML aliases expand to more than "),
        "deep.yaml": ("concepts: " + "[" * 100_000 + "]" * 100_000 + "\n", 1, ""),  # mtqa's words or libyaml's
        "types.yaml": (one_concept(PREFERRED, "{term: [倩文], lang: zh-Hans, status: deprecated}"), 6,
                       "term must be a non-empty string, got ['倩文']"),
        "zwj.yaml": (one_concept(PREFERRED, '{term: "倩\u200d文", lang: zh-Hans, status: deprecated}'), 6,
                     "contains U+200D (ZERO WIDTH JOINER)"),
        "redos.yaml": (one_concept(PREFERRED, '{term: 元, lang: zh-Hans, status: deprecated, exceptions: ["re:(a+)+b"]}'), 6,
                       "repeats a group that itself repeats without bound"),
        "quote.csv": (CSV_HEADER + 'qwen,model,zh-Hans,"通义千问,preferred,\n', 2, "malformed CSV in the row that starts here"),
        "comma.csv": (CSV_HEADER + "alibaba,org,en,Alibaba Group Holding, Ltd.,preferred,\n", 2,
                      "expected 6 columns (as in the header), got 7"),
    }


HOSTILE = list(hostile_cases(Path("/tmp")))


@pytest.fixture()
def hostile(tmp_path):
    """[(path, line, message)] for every hostile case, written in tmp_path."""
    return [(write(tmp_path, body, name), line, message) for name, (body, line, message) in hostile_cases(tmp_path).items()]


def test_cli_lint_with_bad_glossaries_exits_2_naming_file_and_line(tmp_path, hostile):
    article = write(tmp_path, "王涛说倩文很强。\n", "a.txt")
    glossary_args = [a for path, _, _ in hostile for a in ("--glossary", path)]
    r = cli("lint", *glossary_args, article)
    assert r.returncode == 2 and r.stdout == "", r.stdout + r.stderr[-3000:]
    err = r.stderr.splitlines()
    assert err[0] == "error: invalid glossary:"
    for path, line, message in hostile:
        assert any(e.startswith(f"  {path}:{line}: ") and message in e for e in err), (path, line, message, err)
    assert len(err) == 1 + len(hostile) and "Traceback" not in r.stderr  # one line per problem
    assert not (tmp_path / "pwned").exists()
    assert article.read_text(encoding="utf-8") == "王涛说倩文很强。\n"


@pytest.mark.parametrize("name", HOSTILE)
def test_cli_lint_fix_with_one_bad_glossary_touches_nothing(tmp_path, name):
    body, line, message = hostile_cases(tmp_path)[name]
    path = write(tmp_path, body, name)
    article = write(tmp_path, "王涛说倩文很强。\n", "a.txt")
    r = cli("lint", "--glossary", path, article, "--fix")
    assert r.returncode == 2 and "Traceback" not in r.stdout + r.stderr
    assert r.stderr.startswith(f"error: invalid glossary:\n  {path}:{line}: ") and message in r.stderr, r.stderr[-2000:]
    assert article.read_text(encoding="utf-8") == "王涛说倩文很强。\n"


def test_cli_lint_with_a_tbx_glossary_says_to_import_it(tmp_path):
    tbx = write(tmp_path, f"<tbx><text><body>{TBX_ENTRY}</body></text></tbx>", "terms.tbx")
    r = cli("lint", "--glossary", tbx, write(tmp_path, "倩文\n", "a.txt"))
    assert r.returncode == 2 and r.stderr == (f"error: invalid glossary:\n  {tbx}: mtqa reads glossaries from YAML or CSV; "
                                              f"import this TBX file first: mtqa glossary import {tbx} "
                                              "-o glossaries/terms.yaml\n")


def test_cli_glossary_validate_reports_each_as_g000(hostile):
    r = cli("glossary", "validate", *(path for path, _, _ in hostile))
    assert r.returncode == 1, r.stderr[-3000:]  # 1: problems found (2 is for bad usage), as documented
    out = r.stdout.splitlines()
    for path, line, message in hostile:
        assert any(o.startswith(f"{path}:{line}: G000 [error] ") and message in o for o in out), (path, message, out)
    assert len(out) == len(hostile) and r.stderr == f"{len(hostile)} error(s), 0 warning(s).\n"
    assert "Traceback" not in r.stdout + r.stderr


def test_cli_tbx_and_csv_import_of_hostile_files_exit_2(tmp_path):
    tbx = write(tmp_path, f"<tbx><text><body>{TBX_ENTRY.replace('倩文', '倩&#x200B;文')}</body></text></tbx>", "zw.tbx")
    r = cli("glossary", "import", tbx, "-o", tmp_path / "out.yaml")
    assert r.returncode == 2 and f"{tbx}:2: term '倩\\u200b文' contains U+200B (ZERO WIDTH SPACE)" in r.stderr
    csv_file = write(tmp_path, CSV_HEADER + "qwen,model,zh-Hans," + "长" * 200_000 + ",preferred,\n", "huge.csv")
    r = cli("glossary", "import", csv_file, "-o", tmp_path / "out.yaml")
    assert r.returncode == 2 and f"{csv_file}:2: malformed CSV in the row that starts here: " in r.stderr
    assert not (tmp_path / "out.yaml").exists() and "Traceback" not in r.stderr


def test_a_named_pipe_as_glossary_is_refused_not_waited_on(tmp_path):
    import os

    from mtqa.errors import GlossaryError
    from mtqa.glossary import load_glossary

    fifo = tmp_path / "glossary.yaml"
    os.mkfifo(fifo)
    with pytest.raises(GlossaryError, match="not a regular file"):
        load_glossary(fifo)
