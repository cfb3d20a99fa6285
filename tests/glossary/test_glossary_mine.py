"""`mtqa glossary mine`: candidates from articles (pairs, sound-alikes, names), and `--apply` of a reviewed CSV."""
import csv
import io

import pytest

from glossary_util import GLOSSARIES, MINI, SEEDS, cli, copy_glossaries, write
from mtqa.glossary import load_glossary
from mtqa.glossary.io_csv import CSV_COLUMNS
from mtqa.glossary.mine import Doc, find_pairs, load_corpus, mine, simplified_aligned, write_candidates
from mtqa.glossary.model import Glossary

# The people named "中文(Latin Name)" in seeds 000, 001 and 003 that the test glossary lacks.
REMOVED = {
    "chris-cox": ("克里斯·考克斯", "Chris Cox"),            # 000 and 003
    "andrew-bosworth": ("安德鲁·博斯沃思", "Andrew Bosworth"),  # 000
    "alexandr-wang": ("亚历山大·王", "Alexandr Wang"),        # 001
    "yann-lecun": ("杨立昆", "Yann LeCun"),                   # 001 (扬·勒昆) and 003 (楊立昆)
    "joelle-pineau": ("乔尔·皮诺", "Joelle Pineau"),           # 003
    "ahmad-al-dahle": ("艾哈迈德·阿尔-达赫勒", "Ahmad Al-Dahle"),  # 003
}


@pytest.fixture(scope="module")
def seed_docs():
    return load_corpus([SEEDS])


def rows_of(candidates, top=None):
    return list(csv.DictReader(io.StringIO(write_candidates(candidates, top))))


def doc(text, path="t.txt"):
    return Doc(path, text, simplified_aligned(text))


def pairs(text):
    return [(p.zh, p.latin) for p in find_pairs(doc(text))]


def test_seeds_propose_the_missing_people_first(seed_docs):
    full = load_glossary(GLOSSARIES)
    reduced = Glossary([c for c in full if c.id not in REMOVED])
    candidates = mine(reduced, seed_docs)
    top = candidates[:len(REMOVED)]
    assert {c.concept_id for c in top} == set(REMOVED)  # the six people are the six best candidates
    for cand in top:
        zh, latin = REMOVED[cand.concept_id]
        got = {(r.lang, r.term, r.status) for r in cand.rows}
        assert cand.type == "person" and cand.kind == "new-concept"
        assert ("zh-Hans", zh, "preferred") in got and ("en", latin, "preferred") in got
    yann = {r.term: (r.status, r.note) for r in top[[c.concept_id for c in top].index("yann-lecun")].rows}
    assert yann["扬·勒昆"][0] == "admitted"                                   # the other rendering in 001
    assert yann["杨立坤"] == ("deprecated", "sound-alike of 杨立昆")            # the homophone error in 000
    boz = {r.term: r.status for r in top[[c.concept_id for c in top].index("andrew-bosworth")].rows}
    assert boz["博斯沃斯"] == "deprecated"                                     # 000's misspelt surname
    # the proposals are what the real glossary says about these people
    for cid, (zh, latin) in REMOVED.items():
        assert full[cid].preferred("zh-Hans").term == zh and latin in full[cid].forms()


def test_with_the_full_glossary_nothing_known_is_proposed(seed_docs):
    full = load_glossary(GLOSSARIES)
    candidates = mine(full, seed_docs)
    known = {t.term for c in full for t in c.terms}
    rows = rows_of(candidates)
    assert rows and all(r["term"] not in known for r in rows)
    assert all(r["kind"] != "new-concept" for r in rows)  # every person in a pair is in the glossary already
    # what is left are real gaps: other spellings of known organisations, glossed in the text
    assert {(r["concept_id"], r["term"]) for r in rows if r["kind"] == "new-variant"} >= {
        ("goldman-sachs", "高盛集团"), ("virgin-atlantic", "Virgin Atlantic Airways Ltd.")}


def test_candidate_csv_is_the_interchange_form_plus_evidence(seed_docs):
    reduced = Glossary([c for c in load_glossary(GLOSSARIES) if c.id not in REMOVED])
    text = write_candidates(mine(reduced, seed_docs), top=3)
    header = text.splitlines()[0].split(",")
    assert tuple(header[:6]) == CSV_COLUMNS and header[6:] == ["kind", "score", "count", "files", "contexts"]
    first = next(csv.DictReader(io.StringIO(text)))
    assert first["concept_id"] == "yann-lecun" and "【" in first["contexts"] and "003_" in first["files"]
    assert int(first["count"]) >= 1 and "\n" not in first["contexts"]


@pytest.mark.parametrize("text, expected", [
    ("首席技术官安德鲁·博斯沃思(Andrew Bosworth)等", [("安德鲁·博斯沃思", "Andrew Bosworth")]),  # title trimmed
    ("他宣布埃隆·马斯克(Elon Musk)加入", [("埃隆·马斯克", "Elon Musk")]),                    # verb trimmed
    ("包括史蒂夫·沃兹尼亚克和维珍航空(Virgin Atlantic Airways Ltd.)的人", [("维珍航空", "Virgin Atlantic Airways Ltd.")]),
    ("Meta的首席人工智能科學家楊立昆(Yann LeCun)與", [("杨立昆", "Yann LeCun")]),             # Traditional text
    ("前高管马克·扎克伯格(Mark Zuckerberg,Meta創始人、董事長)說", [("马克·扎克伯格", "Mark Zuckerberg")]),
    ("代号为“Avocado”(牛油果)的模型", [("牛油果", "Avocado")]),                             # Latin(中文)
    ("OpenAI CEO Sam Altman(萨姆·奥尔特曼)表示", [("萨姆·奥尔特曼", "Sam Altman")]),
    ("来自阿里巴巴集团的通义千问(Qwen)", [("通义千问", "Qwen")]),
])
def test_pairs_find_where_the_name_starts(text, expected):
    assert pairs(text) == expected


@pytest.mark.parametrize("text", [
    "它迫使其 Metaverse 部门(Reality Labs)削减预算",        # a common word glossed: no name
    "首席執(zhí)行官、董事長、創(chuàng)始人",                     # pinyin notes
    "作为其中一员,Meta公司(原Facebook)宣布",               # 原… is a remark
    "扎克伯格相信AI模型(如Llama系列)的开源",
    "模型(OpenAI開發的GPT-4的潛在挑戰者)的后續版本",        # Latin followed by Chinese: a remark
    "就在两年前,全力投入元宇宙(metaverse)",                  # lower-case: a word, not a name
    "未来三年(即从2025年到2027年)",
    "(人工智能生成的图像)内部更令人震惊",
])
def test_pairs_hard_negatives(text):
    assert pairs(text) == []


def test_known_latin_with_a_new_chinese_form_is_a_variant_and_homophones_are_deprecated():
    g = load_glossary(MINI)
    docs = [doc("谷歌(Google)、谷格(Google)和高鸽(Google)都说,杨立坤(Yann LeCun)来了。", "a.txt")]
    rows = rows_of(mine(g, docs))
    got = {(r["concept_id"], r["term"], r["status"], r["kind"], r["note"]) for r in rows}
    assert ("google", "高鸽", "admitted", "new-variant", "") in got
    assert ("google", "谷格", "deprecated", "new-variant", "sound-alike of 谷歌") in got  # reads gu ge, like 谷歌
    assert not any(r["term"] in ("谷歌", "Google", "杨立坤", "Yann LeCun") for r in rows)  # known (杨立坤 is deprecated)


def test_sound_alikes_of_glossary_names_and_frequent_unknown_names():
    g = load_glossary(MINI)
    text = ("安德鲁·博斯沃思说话。博斯沃思又说。波斯沃思也在。王小明和王小明见面,王小明很忙。"
            "史蒂夫·乔布斯创立了苹果。部门和部门开会。")
    rows = rows_of(mine(g, [doc(text)]))
    got = {(r["concept_id"], r["term"], r["status"]): r for r in rows}
    assert ("andrew-bosworth", "波斯沃思", "deprecated") in got     # same pinyin as the glossary's surname
    assert got[("andrew-bosworth", "波斯沃思", "deprecated")]["note"] == "sound-alike of 博斯沃思"
    names = {r["term"]: r for r in rows if r["kind"] == "name"}
    assert "王小明" in names and names["王小明"]["type"] == "person"   # three times, unknown to the glossary
    assert "史蒂夫·乔布斯" in names                                    # a dotted transliteration, once is enough
    assert "部门" not in names and "博斯沃思" not in names and "乔布斯" not in names  # words, known forms, parts


def test_apply_merges_reviewed_rows_and_is_idempotent(tmp_path, seed_docs):
    g = copy_glossaries(tmp_path)
    people = g / "people.yaml"
    lines = people.read_text(encoding="utf-8").splitlines(keepends=True)
    start = next(i for i, l in enumerate(lines) if l.startswith("  - id: chris-cox"))
    end = next(i for i, l in enumerate(lines) if i > start and l.startswith("  - id: "))
    people.write_text("".join(lines[:start] + lines[end:]), encoding="utf-8")
    out = tmp_path / "cands.csv"
    r = cli("mine", SEEDS, "-g", g, "-o", out, "--top", "1")
    assert r.exit_code == 0, r.stderr
    reviewed = out.read_text(encoding="utf-8")
    assert reviewed.count("\nchris-cox,person,") == 2
    r = cli("mine", "--apply", out, "-g", g)
    assert r.exit_code == 0, r.stderr
    c = load_glossary(g)["chris-cox"]
    assert [(t.term, t.lang, t.status) for t in c.terms] == [("克里斯·考克斯", "zh-Hans", "preferred"),
                                                             ("Chris Cox", "en", "preferred")]
    text = people.read_text(encoding="utf-8")
    assert text.index("id: chaya-nayak") < text.index("id: chris-cox") < text.index("id: clara-shih")
    r = cli("mine", "--apply", out, "-g", g)
    assert r.exit_code == 0 and "nothing to change" in r.stderr
    assert cli("validate", g).exit_code == 0


def test_apply_refuses_bad_rows(tmp_path):
    g = tmp_path / "g.yaml"
    g.write_bytes(MINI.read_bytes())
    bad = write(tmp_path / "bad.csv", """\
        concept_id,type,lang,term,status,note,kind,score,count,files,contexts
        new-one,person,zh-Hans,某某,maybe,,name,1,1,a.txt,…
        """)
    r = cli("mine", "--apply", bad, "-g", g)
    assert r.exit_code == 2 and f"{bad}:2:" in r.stderr and "unknown status 'maybe'" in r.stderr
    clash = write(tmp_path / "clash.csv", """\
        concept_id,type,lang,term,status,note
        google-2,org,zh-Hans,谷歌,preferred,
        """)
    before = g.read_bytes()
    r = cli("mine", "--apply", clash, "-g", g)
    assert r.exit_code == 1 and "G001" in r.stderr and g.read_bytes() == before
    assert cli("mine", "-g", g).exit_code == 2                      # neither corpus nor --apply
    assert cli("mine", SEEDS, "--apply", clash, "-g", g).exit_code == 2
