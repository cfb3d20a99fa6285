"""`mtqa glossary derive --to zh-Hant|zh-TW|zh-HK`: Traditional forms through OpenCC, marked for review."""
from pathlib import Path

from glossary_util import GLOSSARIES, MINI, SEEDS, cli, copy_glossaries, snapshot
from mtqa.glossary import load_glossary


def mini_copy(tmp_path) -> Path:
    p = tmp_path / "g.yaml"
    p.write_bytes(MINI.read_bytes())
    return p


def test_derive_hant_converts_every_form_with_its_hints(tmp_path):
    p = mini_copy(tmp_path)
    r = cli("derive", "--to", "zh-Hant", "-g", p)
    assert r.exit_code == 0, r.stderr
    g = load_glossary(p)
    yann = [(t.term, t.lang, t.status, t.derived) for t in g["yann-lecun"].terms]
    assert yann == [("杨立昆", "zh-Hans", "preferred", False), ("楊立昆", "zh-Hant", "preferred", True),
                    ("扬·勒昆", "zh-Hans", "admitted", False), ("揚·勒昆", "zh-Hant", "admitted", True),
                    ("Yann LeCun", "en", "preferred", False),
                    ("杨立坤", "zh-Hans", "deprecated", False), ("楊立坤", "zh-Hant", "deprecated", True)]
    yuan = next(t for t in g["meta"].terms if t.term == "元" and t.lang == "zh-Hant")
    assert yuan.derived and yuan.status == "deprecated" and "單元" in yuan.exceptions and "元宇宙" in yuan.exceptions
    assert any(e.startswith("re:") for e in yuan.exceptions) and "扎克伯格" in yuan.context
    # concepts with no Chinese, or with zh-Hant already, are left alone
    assert all(t.lang != "zh-Hant" for t in g["tomasz-tunguz"].terms)
    assert cli("validate", p).exit_code == 0
    text = p.read_text(encoding="utf-8")
    assert "      - {term: 楊立昆, lang: zh-Hant, status: preferred, derived: true}\n" in text
    # idempotent
    before = p.read_bytes()
    r = cli("derive", "--to", "zh-Hant", "-g", p)
    assert r.exit_code == 0 and "no concept lacks zh-Hant forms" in r.stdout and p.read_bytes() == before


def test_regional_names_are_never_second_guessed(tmp_path):
    p = mini_copy(tmp_path)
    assert cli("derive", "--to", "zh-TW", "-g", p).exit_code == 0
    g = load_glossary(p)
    assert [t.term for t in g["mark-zuckerberg"].terms if t.lang == "zh-TW"] == ["祖克柏"]  # Taiwan's own name
    assert [t.term for t in g["nvidia"].terms if t.lang == "zh-TW"] == ["輝達"]
    assert [(t.term, t.derived) for t in g["yann-lecun"].terms if t.lang == "zh-TW"][0] == ("楊立昆", True)
    assert cli("derive", "--to", "zh-HK", "-g", p).exit_code == 0
    assert [t.term for t in load_glossary(p)["nvidia"].terms if t.lang == "zh-HK"] == ["英偉達"]


def test_list_dry_run_and_usage(tmp_path):
    p = mini_copy(tmp_path)
    before = p.read_bytes()
    r = cli("derive", "--to", "zh-Hant", "-g", p, "--dry-run")
    assert r.exit_code == 0 and "+      - {term: 楊立昆, lang: zh-Hant, status: preferred, derived: true}" in r.stdout
    assert p.read_bytes() == before
    assert cli("derive", "--to", "zh-Hant", "-g", p, "--list").stdout == ""
    cli("derive", "--to", "zh-Hant", "-g", p)
    listed = cli("derive", "--to", "zh-Hant", "-g", p, "--list").stdout.splitlines()
    assert any(line.endswith("yann-lecun: 楊立昆 (zh-Hant, preferred)") and line.startswith(f"{p}:") for line in listed)
    assert cli("derive", "--to", "zh-SG", "-g", p).exit_code == 2


def test_a_derived_glossary_lints_the_seeds_exactly_as_before(tmp_path):
    import mtqa

    g = copy_glossaries(tmp_path)
    before = snapshot(g)
    assert cli("derive", "--to", "zh-Hant", "-g", g).exit_code == 0
    assert snapshot(g) != before
    plain, derived = load_glossary(GLOSSARIES), load_glossary(g)
    assert sum(t.derived for c in derived for t in c.terms) > 100
    for seed in sorted(SEEDS.glob("*.txt")):
        text = seed.read_text(encoding="utf-8")
        a = [(f.rule, f.start, f.end, f.suggestion) for f in mtqa.lint_text(text, glossary=plain)]
        b = [(f.rule, f.start, f.end, f.suggestion) for f in mtqa.lint_text(text, glossary=derived)]
        assert a == b, seed.name
