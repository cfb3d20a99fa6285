"""Inline suppressions (Markdown comments, `# mtqa:` lines in plain text) and the allow-list:
positives, and the hard negatives that must not suppress anything."""
import json

import pytest

from workflow_helpers import MINI, mtqa, project, write


@pytest.fixture(scope="module")
def matcher():
    from mtqa.lint import get_matcher

    return get_matcher(MINI)


def run(matcher, text, name="a.md", select=("T", "C001", "N001", "M002"), extend=(), allow=()):
    from mtqa.config import registry, resolve_rules
    from mtqa.document import Document
    from mtqa.lint import lint_document
    from mtqa.suppress import allowed

    rules = resolve_rules([(list(select), list(extend), None)], registry())
    found = lint_document(Document(text=text, path=name), matcher, rules, allow=allowed(allow))
    return [(f.rule, f.found, f.line) for f in found]


def test_disable_next_line_in_markdown(matcher):
    text = "王涛甲\n<!-- mtqa: disable-next-line T001 -->\n王涛乙\n王涛丙\n"
    assert run(matcher, text) == [("T001", "王涛", 1), ("T001", "王涛", 4)]


def test_disable_next_line_in_plain_text(matcher):
    text = "王涛甲\n# mtqa: disable-next-line T001 -- a footballer of that name\n王涛乙\n王涛丙\n"
    assert run(matcher, text, name="a.txt") == [("T001", "王涛", 1), ("T001", "王涛", 4)]


def test_a_suppression_for_one_rule_does_not_hide_another(matcher):
    text = "<!-- mtqa: disable-next-line T001 -->\n王涛和汪滔。\n"
    assert run(matcher, text) == [("T002", "汪滔", 2)]
    text = "<!-- mtqa: disable-next-line T002 -->\n王涛和汪滔。\n"
    assert run(matcher, text) == [("T001", "王涛", 2)]


@pytest.mark.parametrize("name, text", [
    ("a.md", "正文 <!-- mtqa: disable-next-line T001 --> 还有\n王涛\n"),  # inside prose: just text
    ("a.md", "<!-- mtqa: disable-next-line T001 --> 王涛\n王涛\n"),  # comment plus text on one line
    ("a.txt", "他说 # mtqa: disable-next-line T001\n王涛\n"),
    ("a.md", "# mtqa: disable-next-line T001\n王涛\n"),  # a Markdown heading, shown to readers
    ("a.txt", "<!-- mtqa: disable-next-line T001 -->\n王涛\n"),  # plain text has no HTML comments
    ("a.md", "```\n<!-- mtqa: disable-next-line T001 -->\n```\n王涛\n"),  # shown inside a code block
    ("a.md", "    <!-- mtqa: disable-next-line T001 -->\n王涛\n"),  # indented four: a code block too
])
def test_text_that_is_not_a_comment_line_suppresses_nothing(matcher, name, text):
    assert ("T001", "王涛", text.count("\n")) in run(matcher, text, name=name)


def test_disable_enable_ranges(matcher):
    text = ("王涛1\n<!-- mtqa: disable T001, T002 -->\n王涛2 汪滔2\n"
            "<!-- mtqa: enable T001 -->\n王涛3 汪滔3\n<!-- mtqa: enable -->\n王涛4 汪滔4\n")
    assert run(matcher, text) == [("T001", "王涛", 1), ("T001", "王涛", 5), ("T001", "王涛", 7), ("T002", "汪滔", 7)]


def test_disable_without_codes_hides_every_rule_to_the_end(matcher):
    text = "王涛1\n<!-- mtqa: disable -->\n王涛2 汪滔2 倩文\n\n王涛3\n"
    assert run(matcher, text) == [("T001", "王涛", 1)]


def test_prefixes_names_and_stacked_directives(matcher):
    text = ("<!-- mtqa: disable-next-line T -->\n王涛和汪滔\n"
            "<!-- mtqa: disable-next-line deprecated-term -->\n王涛和汪滔\n"
            "<!-- mtqa: disable-next-line T001 -->\n<!-- mtqa: disable-next-line T002 -->\n王涛和汪滔\n")
    assert run(matcher, text) == [("T002", "汪滔", 4)]


def test_crlf_text(matcher):
    text = "王涛\r\n# mtqa: disable-next-line T001\r\n王涛\r\n"
    assert run(matcher, text, name="a.txt") == [("T001", "王涛", 1)]


def test_unused_suppressions_are_reported_only_when_asked(matcher):
    text = ("<!-- mtqa: disable-next-line T001 -->\n没有问题\n"
            "<!-- mtqa: disable-next-line T001 T002 -->\n王涛\n"
            "<!-- mtqa: enable C001 -->\n"
            "<!-- mtqa: disable-next-line T001 -->\n王涛\n")
    assert run(matcher, text) == []
    got = run(matcher, text, extend=["M001"])
    assert [(r, line) for r, _, line in got] == [("M001", 1), ("M001", 3), ("M001", 5)]
    from mtqa.document import Document
    from mtqa.lint import lint_document
    from mtqa.config import registry, resolve_rules

    rules = resolve_rules([(["T", "M"], None, None)], registry())
    messages = [f.message for f in lint_document(Document(text, "a.md"), matcher, rules)]
    assert messages == ["unused suppression: no T001 finding to suppress on line 2",
                        "unused suppression: no T002 finding to suppress on line 4",
                        "`enable` has no `disable` above it to close"]


def test_invalid_directives_are_reported_and_suppress_nothing(matcher):
    text = ("<!-- mtqa: disabel T001 -->\n王涛1\n"
            "<!-- mtqa: disable-next-line T999 -->\n王涛2\n"
            "<!-- mtqa: disable-next-line T999, T001 -->\n王涛3\n"
            "<!-- mtqa: -->\n王涛4\n")
    assert run(matcher, text) == [
        ("M002", "<!-- mtqa: disabel T001 -->", 1), ("T001", "王涛", 2),
        ("M002", "<!-- mtqa: disable-next-line T999 -->", 3), ("T001", "王涛", 4),
        ("M002", "<!-- mtqa: disable-next-line T999, T001 -->", 5),  # T001 still applies to line 6
        ("M002", "<!-- mtqa: -->", 7), ("T001", "王涛", 8)]
    assert [r for r, _, _ in run(matcher, text, select=("T",))] == ["T001", "T001", "T001"]  # M002 not selected


def test_the_directive_comment_itself_is_not_linted(matcher):
    text = "<!-- mtqa: disable-next-line T001 -- 这里的王涛是足球运动员,不是汪滔 -->\n王涛进球了。\n"
    assert run(matcher, text) == []


def test_allow_list(matcher):
    text = "王涛表示。倩文模型。亚历山大·王和汪滔。Alexander Wang\n"
    assert run(matcher, text, allow=["王涛", "汪滔", "alexander wang"]) == [("T001", "倩文", 1)]
    # Without the list, the same text has more to say (the allow-list is what hides them).
    assert {r for r, _, _ in run(matcher, text)} >= {"T001", "T002"}
    # An allowed form is no rendering of the concept: nothing is inconsistent with it.
    assert run(matcher, "亚历山大·王来了。汪滔说。\n", allow=["汪滔"]) == []


def test_fix_leaves_suppressed_spans_alone_and_cli_flag(tmp_path):
    project(tmp_path, 'glossary = "glossaries"\nselect = ["T"]\n')
    article = write(tmp_path / "a.md", "王涛甲\n<!-- mtqa: disable-next-line T001 -->\n王涛乙\n"
                                       "<!-- mtqa: disable-next-line T002 -->\n没有\n")
    r = mtqa("lint", "a.md", "--fix", cwd=tmp_path)
    assert r.returncode == 0, r.stdout + r.stderr
    assert article.read_text(encoding="utf-8") == ("亚历山大·王甲\n<!-- mtqa: disable-next-line T001 -->\n王涛乙\n"
                                                   "<!-- mtqa: disable-next-line T002 -->\n没有\n")
    r = mtqa("lint", "a.md", "--format", "json", "--report-unused-suppressions", cwd=tmp_path)
    assert [(d["rule"], d["line"]) for d in json.loads(r.stdout)] == [("M001", 4)]
    assert r.returncode == 0  # a warning, below the default fail-on
    r = mtqa("lint", "a.md", "--format", "json", "--extend-select", "M001", "--fail-on", "warning", cwd=tmp_path)
    assert r.returncode == 1 and [d["rule"] for d in json.loads(r.stdout)] == ["M001"]
