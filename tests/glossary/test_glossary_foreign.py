"""Glossaries as users bring them (issue 16 §1, §3): other tools' ids and types, term lists with
language columns, case as meaning, and extra columns that carry the YAML's annotations."""
import pytest

import mtqa
from mtqa.errors import GlossaryError
from mtqa.glossary import load_glossary
from mtqa.glossary.interchange import read_concepts

from glossary_util import GLOSSARIES, cli


def read(tmp_path, text, name="g.csv"):
    p = tmp_path / name
    p.write_text(text, encoding="utf-8")
    problems, warnings = [], []
    concepts = read_concepts(str(p), "csv", problems, warnings)
    return concepts, [str(x) for x in problems], [str(x) for x in warnings], p


def test_other_tools_ids_types_and_languages_are_adapted_with_a_warning(tmp_path):
    concepts, problems, warnings, p = read(tmp_path, (
        "concept_id,type,lang,term,status,note\n"
        "PERSON_01,people,en,Yann LeCun,preferred,\n"
        "PERSON_01,people,zh,杨立昆,preferred,\n"
        "Org 7,company,zh-CN,阿里巴巴,preferred,\n"
        "thing,widget,en-US,Widget,preferred,\n"))
    assert problems == []
    assert [(c.id, c.type) for c in concepts] == [("person_01", "person"), ("org-7", "org"), ("thing", "term")]
    assert [t.lang for t in concepts[0].terms] == ["en", "zh-Hans"]
    assert warnings == [
        f"{p}:2: id 'PERSON_01' read as 'person_01' (ids are lowercase letters, digits, '-', '_' and '.')",
        f"{p}:2: concept type 'people' read as 'person'",
        f"{p}:3: language 'zh' read as 'zh-Hans'",
        f"{p}:4: id 'Org 7' read as 'org-7' (ids are lowercase letters, digits, '-', '_' and '.')",
        f"{p}:4: concept type 'company' read as 'org'",
        f"{p}:5: concept type 'widget' is not one of mtqa's (person, org, product, model, codename, title, term); read as 'term'",
        f"{p}:5: language 'en-US' read as 'en'",
    ]


@pytest.mark.parametrize("header", ["English,Chinese", "source,target", "en,zh", "英文,中文", "Source Term,Target Term"])
def test_a_two_column_term_list_imports_with_preferred_forms(tmp_path, header):
    concepts, problems, warnings, _ = read(tmp_path, f"{header}\nYann LeCun,杨立昆\nQwen,通义千问\n")
    assert problems == [] and warnings == []
    assert [(c.id, c.type, [(t.term, t.lang, t.status) for t in c.terms]) for c in concepts] == [
        ("yann-lecun", "term", [("Yann LeCun", "en", "preferred"), ("杨立昆", "zh-Hans", "preferred")]),
        ("qwen", "term", [("Qwen", "en", "preferred"), ("通义千问", "zh-Hans", "preferred")]),
    ]


def test_a_term_list_with_status_type_and_note_columns(tmp_path):
    concepts, problems, _, p = read(tmp_path, (
        "English,Chinese,Status,Type,Notes\n"
        "Yann LeCun,杨立昆,preferred,person,his own name\n"
        "Yann LeCun,杨立坤,deprecated,person,wrong last character\n"))
    assert problems == []
    # rows with the same English name are one concept: the deprecated form is corrected to 杨立昆
    assert [(c.id, c.type, [(t.term, t.status, t.note) for t in c.terms]) for c in concepts] == [
        ("yann-lecun", "person", [("Yann LeCun", "preferred", None), ("杨立昆", "preferred", "his own name"),
                                  ("杨立坤", "deprecated", "wrong last character")])]
    found = [(f.rule, f.found, f.suggestion) for f in mtqa.lint_text("首席科学家杨立坤表示。", glossary=p)]
    assert found == [("T001", "杨立坤", "杨立昆")]


def test_term_list_rows_group_by_id_else_by_english_and_say_what_they_merge(tmp_path):
    concepts, problems, warnings, p = read(tmp_path, (
        "ID,English,Chinese,Status,Type\n"
        "P1,Alexandr Wang,亚历山大·王,preferred,person\n"
        "P1,,汪滔,admitted,person\n"
        "P1,,王涛,deprecated,company\n"
        "P1,,王涛,deprecated,person\n"
        ",Qwen,通义千问,,product\n"
        ",,倩文,deprecated,product\n"))
    assert problems == []
    assert [(c.id, [(t.term, t.status) for t in c.terms]) for c in concepts] == [
        ("p1", [("Alexandr Wang", "preferred"), ("亚历山大·王", "preferred"), ("汪滔", "admitted"), ("王涛", "deprecated")]),
        ("qwen", [("Qwen", "preferred"), ("通义千问", "preferred")]),
        ("qian-wen", [("倩文", "deprecated")]),  # no id, no English: a row of its own, with nothing to suggest
    ]
    assert f"{p}:4: type 'company' differs from the one of 'p1' above ('person'); kept that one" in warnings
    assert f"{p}:5: '王涛' is listed above for 'p1' already; kept once" in warnings
    assert f"{p}:7: '倩文': no preferred form to suggest" in warnings


def test_a_header_mtqa_cannot_map_lists_the_headers_it_understands(tmp_path):
    _, problems, _, p = read(tmp_path, "Wort,Bedeutung\nx,y\n")
    assert len(problems) == 1 and problems[0].startswith(f"{p}:1: header must start with concept_id,type,lang,term,status,note")
    assert "headers understood: " in problems[0] and "english" in problems[0] and "target" in problems[0]


def test_a_term_list_in_a_spreadsheet(tmp_path):
    import pandas as pd

    p = tmp_path / "list.xlsx"
    pd.DataFrame([["Yann LeCun", "杨立昆"]], columns=["English", "Chinese"]).to_excel(p, index=False)
    problems, warnings = [], []
    concepts = read_concepts(str(p), "xlsx", problems, warnings)
    assert problems == [] and [t.term for t in concepts[0].terms] == ["Yann LeCun", "杨立昆"]


def test_import_prints_the_adaptations_and_writes_yaml(tmp_path):
    src = tmp_path / "team.csv"
    src.write_text("concept_id,type,lang,term,status,note\nAI_1,Company,en,DeepSeek,preferred,\n"
                   "AI_1,Company,zh-Hans,深度求索,preferred,\n", encoding="utf-8")
    r = cli("import", src, "-o", tmp_path / "out.yaml")
    assert r.exit_code == 0, r.output
    assert f"warning: {src}:2: id 'AI_1' read as 'ai_1'" in r.output
    assert f"warning: {src}:2: concept type 'Company' read as 'org'" in r.output
    assert r.output.count("read as 'ai_1'") == 1  # once, not on every row
    assert load_glossary(tmp_path / "out.yaml").concepts[0].id == "ai_1"


def test_case_is_meaning_for_latin_names(tmp_path):
    p = tmp_path / "g.csv"
    p.write_text("concept_id,type,lang,term,status,note\ndeepseek,org,en,DeepSeek,preferred,\n"
                 "deepseek,org,en,Deepseek,deprecated,wrong case\n", encoding="utf-8")
    load_glossary(p)  # accepted: two casings, two statuses
    found = [(f.rule, f.found, f.suggestion) for f in mtqa.lint_text("Deepseek发布，DeepSeek表示。DEEPSEEK再发布。", glossary=p)]
    assert found == [("T001", "Deepseek", "DeepSeek")]
    p.write_text("concept_id,type,lang,term,status,note\ndeepseek,org,en,DeepSeek,preferred,\n"
                 "deepseek,org,en,DeepSeek,deprecated,\n", encoding="utf-8")
    with pytest.raises(GlossaryError, match="listed twice"):
        load_glossary(p)  # the same casing twice is still a duplicate


def test_extra_columns_carry_the_yaml_through_csv(tmp_path):
    from mtqa.glossary.io_csv import write_csv

    g = load_glossary(GLOSSARIES)
    text = write_csv(g, extra=True)
    assert text.splitlines()[0] == ("concept_id,type,lang,term,status,note,"
                                    "term_type,suggest,exceptions,context,window,concept_note")
    p = tmp_path / "full.csv"
    p.write_text(text, encoding="utf-8")
    back = load_glossary(p)

    def meaning(concepts):
        return [(c.id, c.type, c.note, [(t.term, t.lang, t.status, t.note, t.type, t.suggest, t.exceptions, t.context,
                                         t.window) for t in c.terms]) for c in concepts]

    assert meaning(back.concepts) == meaning(g.concepts)
    # the six stable columns are unchanged: a reader of the six sees what the plain export says
    six = write_csv(g).splitlines()
    assert [",".join(line.split(",")[:6]) for line in six[1:3]] == six[1:3]


@pytest.mark.parametrize("folder", ["annotated", "annotated_blind", "annotated_blind2", "annotated_blind3", "annotated_blind4"])
@pytest.mark.parametrize("through", ["csv", "tbx"])
def test_yaml_to_csv_or_tbx_to_yaml_gives_identical_findings(tmp_path, folder, through):
    from glossary_util import DATA

    extra = ["--extra-columns"] if through == "csv" else []
    assert cli("export", GLOSSARIES, "-o", tmp_path / f"g.{through}", *extra).exit_code == 0
    assert cli("import", tmp_path / f"g.{through}", "-o", tmp_path / "g.yaml").exit_code == 0
    original, round_trip = load_glossary(GLOSSARIES), load_glossary(tmp_path / "g.yaml")
    for article in sorted((DATA / folder).glob("*.txt")):
        text = article.read_text(encoding="utf-8")
        key = lambda fs: [(f.rule, f.start, f.end, f.suggestion, f.fix and f.fix.applicability) for f in fs]  # noqa: E731
        assert key(mtqa.lint_text(text, glossary=round_trip)) == key(mtqa.lint_text(text, glossary=original)), article.name
