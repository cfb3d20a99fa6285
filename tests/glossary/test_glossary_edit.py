"""add / deprecate / prefer / show / search: in-place YAML edits that keep everything else byte for byte."""
import difflib
import json

import pytest

from glossary_util import GLOSSARIES, MINI, cli, copy_glossaries, snapshot, write
from mtqa.glossary import load_glossary
from mtqa.glossary.edit import EditError, EditRefused, Editor
from mtqa.glossary.model import Term
from mtqa.glossary.yaml_rt import YamlFile


def changed_lines(before: str, after: str) -> list[str]:
    return [l for l in difflib.unified_diff(before.splitlines(), after.splitlines(), lineterm="", n=0)
            if l[:1] in "+-" and not l.startswith(("+++", "---"))]


def test_every_bundled_file_round_trips_byte_for_byte():
    for path in [*sorted(GLOSSARIES.glob("*.yaml")), MINI]:
        f = YamlFile.load(path)
        assert f.encoded() == path.read_bytes(), path


def test_add_a_form_changes_exactly_one_line(tmp_path):
    g = copy_glossaries(tmp_path)
    before = snapshot(g)
    r = cli("add", "yann-lecun", "楊立崑", "--status", "deprecated", "--note", "wrong 崑", "-g", g)
    assert r.exit_code == 0, r.stderr
    assert "added 楊立崑 (zh-Hant, deprecated) to yann-lecun" in r.stdout  # language guessed from the script
    after = snapshot(g)
    assert [n for n in before if before[n] != after[n]] == ["people.yaml"]
    diff = changed_lines(before["people.yaml"].decode(), after["people.yaml"].decode())
    assert diff == ["+      - {term: 楊立崑, lang: zh-Hant, status: deprecated, note: wrong 崑}"]
    assert load_glossary(g)["yann-lecun"].terms[-1].term == "楊立崑"


def test_add_a_new_concept_goes_to_the_right_file_in_id_order(tmp_path):
    g = copy_glossaries(tmp_path)
    before = snapshot(g)
    r = cli("add", "jane-doe", "Jane Doe", "--type", "person", "--concept-note", "A test: person", "-g", g)
    assert r.exit_code == 0, r.stderr
    text = (g / "people.yaml").read_text(encoding="utf-8")
    assert changed_lines(before["people.yaml"].decode(), text) == [
        "+  - id: jane-doe", "+    type: person", '+    note: "A test: person"', "+    terms:",
        "+      - {term: Jane Doe, lang: en, status: preferred}", "+"]
    assert text.index("id: jason-wei") > text.index("id: jane-doe") > text.index("id: erik-meijer")
    # a second form for it, in the same style; and a concept sorting last is appended with its blank line
    assert cli("add", "jane-doe", "简·多伊", "-g", g).exit_code == 0
    assert cli("add", "zz-last", "Zed Last", "--type", "person", "-g", g).exit_code == 0
    text = (g / "people.yaml").read_text(encoding="utf-8")
    assert "      - {term: 简·多伊, lang: zh-Hans, status: admitted}\n\n  - id: jason-wei" in text
    assert text.endswith("      - {term: Zhiqing Sun, lang: en, status: preferred}\n\n  - id: zz-last\n    type: person\n"
                         "    terms:\n      - {term: Zed Last, lang: en, status: preferred}\n")
    assert cli("validate", g).exit_code == 0


def test_prefer_swaps_the_preferred_form(tmp_path):
    g = copy_glossaries(tmp_path)
    r = cli("prefer", "汪滔", "-g", g)
    assert r.exit_code == 0, r.stderr
    c = load_glossary(g)["alexandr-wang"]
    assert [(t.term, t.status) for t in c.terms[:2]] == [("亚历山大·王", "admitted"), ("汪滔", "preferred")]
    assert cli("prefer", "汪滔", "-g", g).stderr.count("nothing to change") == 1


def test_deprecate_needs_another_preferred_form_first(tmp_path):
    g = copy_glossaries(tmp_path)
    before = snapshot(g)
    r = cli("deprecate", "亚历山大·王", "-g", g)
    assert r.exit_code == 2 and "preferred zh-Hans form" in r.stderr and snapshot(g) == before
    r = cli("deprecate", "亚历山大·王", "--prefer", "汪滔", "--note", "test", "-g", g)
    assert r.exit_code == 0, r.stderr
    c = load_glossary(g)["alexandr-wang"]
    assert [(t.term, t.status, t.note) for t in c.terms[:2]] == [("亚历山大·王", "deprecated", "test"),
                                                                 ("汪滔", "preferred", "his own Chinese name")]


def test_deprecate_a_new_form_needs_its_concept(tmp_path):
    g = copy_glossaries(tmp_path)
    assert cli("deprecate", "杨利昆", "-g", g).exit_code == 2
    r = cli("deprecate", "杨利昆", "--concept", "yann-lecun", "--suggest", "杨立昆", "-g", g)
    assert r.exit_code == 0, r.stderr
    t = load_glossary(g)["yann-lecun"].terms[-1]
    assert (t.term, t.status, t.suggest, t.lang) == ("杨利昆", "deprecated", "杨立昆", "zh-Hans")


def test_an_edit_that_would_break_the_glossary_is_refused_and_nothing_is_written(tmp_path):
    g = copy_glossaries(tmp_path)
    before = snapshot(g)
    r = cli("add", "openai", "Meta", "-g", g)  # Meta belongs to the meta concept
    assert r.exit_code == 1 and "refused" in r.stderr and "G001" in r.stderr and "organizations.yaml:" in r.stderr
    r = cli("add", "google", "谷歌", "--lang", "zh-Hans", "-g", g)  # already there
    assert r.exit_code == 2 and "already a form" in r.stderr
    r = cli("add", "meta", "Metaverse Inc", "--status", "preferred", "--lang", "en", "-g", g)  # two preferred en
    assert r.exit_code == 1 and "preferred en terms" in r.stderr
    r = cli("add", "no-such", "x", "-g", g)
    assert r.exit_code == 2 and "--type" in r.stderr
    r = cli("add", "meta", "x", "--status", "obsolete", "-g", g)
    assert r.exit_code == 2
    assert snapshot(g) == before


def test_dry_run_prints_a_diff_and_writes_nothing(tmp_path):
    g = copy_glossaries(tmp_path)
    before = snapshot(g)
    r = cli("prefer", "千问", "-g", g, "--dry-run")
    assert r.exit_code == 0
    assert "-      - {term: 千问, lang: zh-Hans, status: admitted}" in r.stdout
    assert "+      - {term: 千问, lang: zh-Hans, status: preferred}" in r.stdout
    assert snapshot(g) == before


def test_block_style_crlf_file_keeps_its_style(tmp_path):
    p = tmp_path / "g.yaml"
    p.write_bytes(b"# block style, CRLF\r\nconcepts:\r\n- id: a\r\n  type: term  # keep me\r\n  terms:\r\n"
                  b"  - term: alpha\r\n    lang: en\r\n    status: preferred\r\n")
    r = cli("add", "a", "Alfa", "--status", "deprecated", "-g", p)
    assert r.exit_code == 0, r.stderr
    assert p.read_bytes() == (b"# block style, CRLF\r\nconcepts:\r\n- id: a\r\n  type: term  # keep me\r\n  terms:\r\n"
                              b"  - term: alpha\r\n    lang: en\r\n    status: preferred\r\n"
                              b"  - term: Alfa\r\n    lang: en\r\n    status: deprecated\r\n")


def test_a_file_ruamel_cannot_reproduce_is_refused(tmp_path):
    p = tmp_path / "g.yaml"
    original = "concepts:\n  - id:   a\n    type: term\n    terms:\n      - {term: x, lang: en, status: preferred}\n"
    p.write_text(original, encoding="utf-8")
    r = cli("add", "a", "y", "-g", p)
    assert r.exit_code == 2 and "without reformatting" in r.stderr
    assert p.read_text(encoding="utf-8") == original


def test_a_file_changed_meanwhile_is_not_overwritten(tmp_path):
    from mtqa.errors import InputError

    p = tmp_path / "g.yaml"
    p.write_bytes(MINI.read_bytes())
    editor = Editor(p)
    editor.add_term("google", Term("Alphabet", "en", "admitted"))
    p.write_text(p.read_text(encoding="utf-8") + "# someone else's edit\n", encoding="utf-8")
    with pytest.raises(InputError, match="changed on disk"):
        editor.commit()
    assert p.read_text(encoding="utf-8").endswith("# someone else's edit\n")


def test_editor_refusal_lists_the_problems(tmp_path):
    p = tmp_path / "g.yaml"
    p.write_bytes(MINI.read_bytes())
    editor = Editor(p)
    editor.add_term("google", Term("杨立昆", "zh-Hans", "admitted"))
    with pytest.raises(EditRefused) as exc:
        editor.commit()
    assert any(getattr(i, "code", "") == "G001" for i in exc.value.problems)
    two = write(tmp_path / "two.yaml", """\
        concepts:
          - id: avocado
            type: codename
            terms:
              - {term: Avocado, lang: en, status: preferred}
              - {term: 牛油果, lang: zh-Hans, status: admitted, context: [代号]}
          - id: avocado-brand
            type: product
            terms:
              - {term: 牛油果, lang: zh-Hans, status: preferred, context: [护肤]}
        """)
    with pytest.raises(EditError, match="several concepts"):
        Editor(two).deprecate("牛油果")
    Editor(two).deprecate("牛油果", concept_id="avocado")  # naming the concept settles it


def test_show_by_id_form_and_other_script():
    r = cli("show", "yann-lecun", "-g", MINI)
    assert r.exit_code == 0 and r.stdout.startswith("yann-lecun (person)") and "杨立坤" in r.stdout
    assert cli("show", "楊立坤", "-g", MINI).stdout == r.stdout  # Traditional spelling of a form
    data = json.loads(cli("show", "qwen", "-g", MINI, "--format", "json").stdout)
    assert data[0]["id"] == "qwen" and data[0]["terms"][0] == {"term": "通义千问", "lang": "zh-Hans",
                                                              "status": "preferred", "line": data[0]["terms"][0]["line"]}
    assert cli("show", "nobody", "-g", MINI).exit_code == 1


@pytest.mark.parametrize("query, first, how", [
    ("yann-lecun", "yann-lecun", "id"),
    ("yang li kun", "yann-lecun", "sound"),   # pinyin
    ("杨立琨", "yann-lecun", "sound"),         # a sound-alike spelling
    ("Zukerberg", "mark-zuckerberg", "fuzzy"),  # a misspelt Latin name
    ("千问", "qwen", "form"),
    ("homophone", "alexandr-wang", "note"),
])
def test_search(query, first, how):
    r = cli("search", query, "-g", MINI, "--format", "json")
    assert r.exit_code == 0, r.stderr
    best = json.loads(r.stdout)[0]
    assert (best["id"], best["matched"]) == (first, how)


def test_search_finds_nothing_for_unrelated_queries():
    assert cli("search", "zzqx", "-g", MINI).exit_code == 1
    assert cli("search", "银河", "-g", MINI).exit_code == 1
