"""Loading validates every field and names the file and line of each problem."""
import textwrap

import pytest

from mtqa.errors import GlossaryError
from mtqa.glossary import load_glossary
from mtqa.glossary.io_csv import CSV_COLUMNS, write_csv


def write(tmp_path, body, name="g.yaml"):
    p = tmp_path / name
    p.write_text(textwrap.dedent(body), encoding="utf-8")
    return p


def problems(path):
    with pytest.raises(GlossaryError) as exc:
        load_glossary(path)
    return [str(p) for p in exc.value.problems]


GOOD = """\
concepts:
  - id: qwen
    type: model
    note: Alibaba's model family
    terms:
      - {term: 通义千问, lang: zh-Hans, status: preferred}
      - {term: 倩文, lang: zh-Hans, status: deprecated, note: homophone}
"""


def test_loads_a_valid_file(tmp_path):
    g = load_glossary(write(tmp_path, GOOD))
    c = g["qwen"]
    assert c.type == "model" and c.note == "Alibaba's model family"
    assert [(t.term, t.status) for t in c.terms] == [("通义千问", "preferred"), ("倩文", "deprecated")]
    assert c.terms[1].line == 7


def test_unknown_status_and_language_are_located(tmp_path):
    p = write(tmp_path, """\
        concepts:
          - id: x
            type: term
            terms:
              - {term: a, lang: zh-Hans, status: preferred}
              - {term: b, lang: fr-XX, status: preferred}
              - {term: c, lang: zh-Hans, status: obsolete}
        """)
    found = problems(p)
    assert any(f"{p}:6:" in s and "unknown lang 'fr-XX'" in s for s in found)
    assert any(f"{p}:7:" in s and "unknown status 'obsolete'" in s for s in found)


def test_duplicate_ids_across_files(tmp_path):
    write(tmp_path, GOOD, "a.yaml")
    write(tmp_path, GOOD, "b.yaml")
    found = problems(tmp_path)
    assert any("b.yaml:2:" in s and "duplicate concept id 'qwen'" in s and "a.yaml:2" in s for s in found)


def test_preferred_in_one_concept_deprecated_in_another(tmp_path):
    p = write(tmp_path, GOOD + """\
          - id: other
            type: term
            terms:
              - {term: 模型, lang: zh-Hans, status: preferred}
              - {term: 通义千问, lang: zh-Hans, status: deprecated}
        """.replace("          ", "  ", 1).replace("\n          ", "\n  "))
    found = problems(p)
    assert any(":12:" in s and "'通义千问' is deprecated in 'other' but preferred in 'qwen'" in s for s in found)


def test_concept_without_preferred_and_two_preferred_in_one_language(tmp_path):
    p = write(tmp_path, """\
        concepts:
          - id: none
            type: term
            terms:
              - {term: a, lang: en, status: admitted}
          - id: two
            type: term
            terms:
              - {term: 甲, lang: zh-Hans, status: preferred}
              - {term: 乙, lang: zh-Hans, status: preferred}
        """)
    found = problems(p)
    assert any(":2:" in s and "'none' has no preferred term" in s for s in found)
    assert any(":10:" in s and "2 preferred zh-Hans terms" in s for s in found)


def test_duplicate_key_bad_yaml_and_wrong_types(tmp_path):
    dup = write(tmp_path, """\
        concepts:
          - id: a
            id: b
            type: term
            terms: []
        """, "dup.yaml")
    assert any(":3:" in s and "duplicate key 'id'" in s for s in problems(dup))
    bad = write(tmp_path, "concepts:\n  - id: [unclosed\n", "bad.yaml")
    assert any("bad.yaml:" in s and "invalid YAML" in s for s in problems(bad))
    types = write(tmp_path, """\
        concepts:
          - id: a
            type: gadget
            terms:
              - {term: x, lang: en, status: preferred, window: -3, exceptions: "美元"}
        """, "types.yaml")
    found = problems(types)
    assert any(":3:" in s and "unknown concept type 'gadget'" in s for s in found)
    assert any(":5:" in s and "window" in s for s in found)
    assert any(":5:" in s and "exceptions must be a list" in s for s in found)


def test_bad_regex_exception_is_reported(tmp_path):
    p = write(tmp_path, """\
        concepts:
          - id: a
            type: term
            terms:
              - {term: x, lang: en, status: preferred}
              - {term: y, lang: en, status: deprecated, exceptions: ["re:(unclosed"]}
        """)
    assert any(":6:" in s and "bad regex" in s for s in problems(p))


def test_missing_path_is_an_error(tmp_path):
    assert any("no such glossary" in s for s in problems(tmp_path / "nope.yaml"))


def test_csv_round_trip_is_lossless(tmp_path, mini):
    csv_text = write_csv(mini)
    assert csv_text.splitlines()[0] == ",".join(CSV_COLUMNS) == "concept_id,type,lang,term,status,note"
    p = tmp_path / "g.csv"
    p.write_text(csv_text, encoding="utf-8")
    back = load_glossary(p)
    assert [(c.id, c.type) for c in back] == [(c.id, c.type) for c in mini]
    for a, b in zip(mini, back):
        assert [(t.term, t.lang, t.status, t.note) for t in a.terms] == [(t.term, t.lang, t.status, t.note) for t in b.terms]
    assert write_csv(back) == csv_text


def test_csv_errors_name_the_line(tmp_path):
    p = tmp_path / "g.csv"
    p.write_text("concept_id,type,lang,term,status,note\nq,model,zh-Hans,通义千问,preferred,\nq,model,zh-Hans,倩文,wrong,\n", encoding="utf-8")
    assert any(f"{p}:3:" in s and "unknown status 'wrong'" in s for s in problems(p))
    p.write_text("id,type\n", encoding="utf-8")
    assert any(f"{p}:1:" in s and "header must start with" in s for s in problems(p))
