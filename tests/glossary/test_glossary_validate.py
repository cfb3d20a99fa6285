"""`mtqa glossary validate`: the loader's checks plus G001–G005, file:line on each, lint-like exit codes."""
import json

import pytest

from glossary_util import GLOSSARIES, MINI, cli, write
from mtqa.glossary import load_glossary
from mtqa.glossary.checks import check_concepts_extra, validate_paths


def issues_of(path):
    glossary, issues = validate_paths([path])
    return issues


def codes(issues):
    return sorted(i.code for i in issues)


def test_bundled_and_mini_glossaries_are_clean():
    for path in (GLOSSARIES, MINI):
        glossary, issues = validate_paths([path])
        assert glossary is not None and issues == []
    r = cli("validate", GLOSSARIES)
    assert r.exit_code == 0 and r.stdout == "" and "OK: " in r.stderr


def test_same_form_in_two_concepts_across_case_and_script(tmp_path):
    p = write(tmp_path / "g.yaml", """\
        concepts:
          - id: yann-lecun
            type: person
            terms:
              - {term: 杨立昆, lang: zh-Hans, status: preferred}
              - {term: 楊立昆, lang: zh-Hant, status: preferred}
          - id: impostor
            type: person
            terms:
              - {term: 楊立昆, lang: zh-Hant, status: preferred}
          - id: openai
            type: org
            terms:
              - {term: OpenAI, lang: en, status: preferred}
          - id: openai-dup
            type: org
            terms:
              - {term: OPENAI, lang: en, status: admitted}
              - {term: 开放人工智能, lang: zh-Hans, status: preferred}
        """)
    found = issues_of(p)
    g001 = [i for i in found if i.code == "G001"]
    # one report per second concept; the same form twice in ONE concept (two scripts) is fine
    assert [(i.line, i.severity) for i in g001] == [(10, "error"), (18, "error")]
    assert "'楊立昆'" in g001[0].message and "yann-lecun" in g001[0].message and f"{p}:5" in g001[0].message
    assert str(g001[1]).startswith(f"{p}:18: G001 [error]")


def test_forms_told_apart_by_context_cues_are_not_duplicates(tmp_path):
    p = write(tmp_path / "g.yaml", """\
        concepts:
          - id: avocado
            type: codename
            terms:
              - {term: Avocado, lang: en, status: preferred}
              - {term: 牛油果, lang: zh-Hans, status: admitted, context: [代号, 模型]}
          - id: avocado-brand
            type: product
            terms:
              - {term: 牛油果, lang: zh-Hans, status: preferred, context: [护肤, 面霜]}
        """)
    assert issues_of(p) == []
    # without cues on one side the form is ambiguous again
    p.write_text(p.read_text(encoding="utf-8").replace(", context: [护肤, 面霜]", ""), encoding="utf-8")
    assert codes(issues_of(p)) == ["G001"]


def test_deprecated_in_one_concept_accepted_in_another_across_scripts(tmp_path):
    p = write(tmp_path / "g.yaml", """\
        concepts:
          - id: yann-lecun
            type: person
            terms:
              - {term: 扬·勒昆, lang: zh-Hans, status: preferred}
              - {term: 楊立坤, lang: zh-Hant, status: deprecated}
          - id: someone-else
            type: person
            terms:
              - {term: 杨立坤, lang: zh-Hans, status: preferred}
        """)
    found = issues_of(p)
    assert codes(found) == ["G002"]
    assert found[0].line in (6, 10) and "deprecated in 'yann-lecun'" in found[0].message


def test_latin_near_duplicates_and_distinct_from(tmp_path):
    body = """\
        concepts:
          - id: openai
            type: org
            terms:
              - {term: OpenAI, lang: en, status: preferred}
          - id: open-ai
            type: org{distinct}
            terms:
              - {term: Open AI, lang: en, status: preferred}
          - id: metal
            type: product
            terms:
              - {term: Metal, lang: en, status: preferred}
          - id: meta
            type: org
            terms:
              - {term: Meta, lang: en, status: preferred}
        """
    p = write(tmp_path / "g.yaml", body.replace("{distinct}", ""))
    found = issues_of(p)
    assert codes(found) == ["G003"]  # Meta / Metal are different names
    assert found[0].line == 9 and "'openai'" in found[0].message
    write(p, body.replace("{distinct}", "\n            distinct_from: [openai]"))
    assert issues_of(p) == []


def test_sound_near_duplicates_of_preferred_forms(tmp_path):
    p = write(tmp_path / "g.yaml", """\
        concepts:
          - id: yann-lecun
            type: person
            terms:
              - {term: 杨立昆, lang: zh-Hans, status: preferred}
          - id: yang-li-kun
            type: person
            terms:
              - {term: 杨立坤, lang: zh-Hans, status: preferred}
          - id: msl
            type: org
            terms:
              - {term: Meta超级智能实验室, lang: zh-Hans, status: preferred}
          - id: gsl
            type: org
            terms:
              - {term: 谷歌超级智能实验室, lang: zh-Hans, status: preferred}
        """)
    found = issues_of(p)
    # 杨立坤 reads like 杨立昆; the two labs share only their Chinese tail, not their name
    assert [(i.code, i.line) for i in found] == [("G004", 9)]
    assert "yang li kun" in found[0].message


def test_hant_form_that_opencc_would_not_give_is_a_warning_only(tmp_path):
    p = write(tmp_path / "g.yaml", """\
        concepts:
          - id: yann-lecun
            type: person
            terms:
              - {term: 杨立昆, lang: zh-Hans, status: preferred}
              - {term: 楊立坤, lang: zh-Hant, status: preferred}
          - id: nvidia
            type: org
            terms:
              - {term: 英伟达, lang: zh-Hans, status: preferred}
              - {term: 英偉達, lang: zh-Hant, status: preferred}
              - {term: 輝達, lang: zh-TW, status: preferred}
        """)
    found = issues_of(p)
    assert [(i.code, i.severity, i.line) for i in found] == [("G005", "warning", 6)]
    assert "'楊立昆'" in found[0].message  # what OpenCC gives
    r = cli("validate", p)
    assert r.exit_code == 0 and "G005 [warning]" in r.stdout
    assert cli("validate", p, "--strict").exit_code == 1
    assert cli("validate", p, "--ignore", "G005").stdout == ""


def test_loader_problems_are_reported_with_lines_and_exit_1(tmp_path):
    dup = write(tmp_path / "dup.yaml", """\
        concepts:
          - id: a
            id: b
            type: term
            terms:
              - {term: x, lang: en, status: preferred}
        """)
    bad = write(tmp_path / "bad.yaml", """\
        concepts:
          - id: c
            type: term
            terms:
              - {term: y, lang: en, status: obsolete}
              - {term: z, lang: en, status: preferred, derived: maybe}
        """)
    r = cli("validate", dup, bad)  # as pre-commit passes them: the files themselves
    assert r.exit_code == 1
    assert f"{dup}:3: G000 [error] duplicate key 'id'" in r.stdout
    assert f"{bad}:5: G000 [error] unknown status 'obsolete'" in r.stdout
    assert f"{bad}:6: G000 [error] derived must be true or false" in r.stdout
    assert "3 error(s)" in r.stderr


def test_usage_errors_exit_2(tmp_path):
    assert cli("validate", tmp_path / "missing.yaml").exit_code == 2
    assert cli("validate", MINI, "--format", "xml").exit_code == 2
    assert cli("validate", MINI, "--ignore", "G999").exit_code == 2


def test_json_output(tmp_path):
    p = write(tmp_path / "g.yaml", """\
        concepts:
          - id: a
            type: org
            terms:
              - {term: Open AI, lang: en, status: preferred}
          - id: b
            type: org
            terms:
              - {term: OpenAI, lang: en, status: preferred}
        """)
    r = cli("validate", p, "--format", "json")
    assert r.exit_code == 1
    data = json.loads(r.stdout)
    assert data == [{"path": str(p), "line": 9, "code": "G003", "name": "latin-near-duplicate",
                     "severity": "error", "message": data[0]["message"]}]


def test_distinct_from_and_derived_round_trip_through_the_house_writer(tmp_path):
    from mtqa.glossary.io_yaml_write import dump_concepts

    p = write(tmp_path / "g.yaml", """\
        concepts:
          - id: a
            type: person
            distinct_from: [b]
            terms:
              - {term: 王伟, lang: zh-Hans, status: preferred}
              - {term: 王偉, lang: zh-Hant, status: preferred, derived: true}
          - id: b
            type: person
            terms:
              - {term: 王薇, lang: zh-Hans, status: preferred}
        """)
    g = load_glossary(p)
    assert g["a"].distinct_from == ["b"] and g["a"].terms[1].derived and not g["a"].terms[0].derived
    again = write(tmp_path / "again.yaml", dump_concepts(g.concepts))
    g2 = load_glossary(again)
    assert g2["a"].distinct_from == ["b"] and g2["a"].terms[1].derived
    assert check_concepts_extra(g2.concepts) == []


@pytest.mark.parametrize("body, message", [
    ("concepts:\n  - id: a\n    type: term\n    terms:\n      - {term: x, lang: en, status: preferred}\n  - id: a\n"
     "    type: term\n    terms:\n      - {term: y, lang: en, status: preferred}\n", "duplicate concept id 'a'"),
    ("concepts: [\n", "invalid YAML"),
    ("concepts:\n  - id: a\n    type: term\n    terms:\n      - {term: x, lang: en, status: preferred, window: many}\n", "window"),
])
def test_hostile_yaml_never_crashes(tmp_path, body, message):
    p = tmp_path / "g.yaml"
    p.write_text(body, encoding="utf-8")
    r = cli("validate", p)
    assert r.exit_code == 1 and message in r.stdout and "Traceback" not in r.stdout + r.stderr
