"""Detectors that need no annotations (issue 16 §2): a six-column CSV, as another tool exports it,
with no exceptions, context cues or term types, is precise on its own."""
import pytest

import mtqa
from mtqa.glossary.infer import short_kind
from mtqa.glossary.model import Term

FLAT = """concept_id,type,lang,term,status,note
meta,org,en,Meta,preferred,
meta,org,zh-Hans,元,deprecated,MT of meta
llama,model,en,Llama,preferred,
llama,model,zh-Hans,羊驼,deprecated,the animal
gemini,model,en,Gemini,preferred,
gemini,model,zh-Hans,双子座,deprecated,the zodiac sign
claude,model,en,Claude,preferred,
claude,model,zh-Hans,克劳德,deprecated,transliteration
anthropic,org,en,Anthropic,preferred,
google,org,zh-Hans,谷歌,preferred,
google,org,en,Google,preferred,
alibaba,org,zh-Hans,阿里巴巴,preferred,
alibaba,org,zh-Hans,阿里,admitted,
ai,term,zh-Hans,人工智能,preferred,
ai,term,en,AI,preferred,
qwen,model,zh-Hans,通义千问,preferred,
qwen,model,zh-Hans,千问,admitted,
who,org,zh-Hans,世界卫生组织,preferred,
who,org,zh-Hans,世卫组织,admitted,
alexandr-wang,person,zh-Hans,亚历山大·王,preferred,
alexandr-wang,person,zh-Hans,汪滔,admitted,his own Chinese name
"""


@pytest.fixture(scope="module")
def flat(tmp_path_factory):
    path = tmp_path_factory.mktemp("flat") / "glossary.csv"
    path.write_text(FLAT, encoding="utf-8")
    return str(path)


def found(text, glossary, **kw):
    return [(f.rule, f.found) for f in mtqa.lint_text(text, glossary=glossary, **kw)]


# ---- words, not substrings --------------------------------------------------------------
@pytest.mark.parametrize("text", [
    "公司营收增长到120亿美元。", "元宇宙降温，AI升温。", "每个存储单元都要检测。", "化学元素周期表。",
    "业务走向多元化。", "两国元首会晤。", "新纪元开始了。", "每股收益预计增长3.2元。", "售价三元。",
    "净利润50亿元。", "約新台幣9,000元的方案。", "语音对话连同元数据一起公开。", "騰訊的「元寶」正面競爭。",
    "Meta在元宇宙上押注多年。", "去年的几百元降到了20元左右。", "一家四口月收入仅百余元。", "每张票十来元。",
    # part of a Chinese personal name (People's Daily, January 1998)
    "投资公司董事长兼总经理张德元，因收受巨额贿赂被捕。", "（湖北麻城市交通局熊承元毕宗锐）", "贫困户李坤元院中传出了笑声。",
    "为省政协主席，袁荣贵、李元栋、吴若秋当选。", "業主胡水元被處以勞動教養。", "名单：王元、文喆、邓团子。",
])
def test_a_short_form_inside_a_word_or_after_a_numeral_is_no_hit(flat, text):
    assert found(text, flat) == []


@pytest.mark.parametrize("text", [
    "元公司本周裁员600人。", "至少七名研究员已经接受了元的聘书。", "部分股份将被元收购。",
    "图灵奖得主、前元首席人工智能科学家离职。", "元与依视路陆逊梯卡将自愿召回充电盒。", "元股价周四收盘下跌1.2%。",
    "元公司本週裁員。",
    # a surname-like character before it that is a function word, or no given name after it
    "微软和元合作开发眼镜。", "英伟达向元交付了芯片。", "谷歌、元和亚马逊都在招人。", "随着元把越来越多的环节交给AI。",
])
def test_a_short_form_standing_as_a_word_is_a_hit(flat, text):
    assert found(text, flat) == [("T001", "元")]


# ---- an ordinary word is a name only near another name ------------------------------------
@pytest.mark.parametrize("text", [
    "他在库斯科郊外对着一只羊驼发问。", "许多牧民世代放养羊驼和绵羊。", "就像星座书里描写的双子座一样。",
])
def test_an_ordinary_word_far_from_any_name_is_no_hit(flat, text):
    assert found(text, flat) == []


@pytest.mark.parametrize("text, form", [
    ("Meta的羊驼 4 模型很强。", "羊驼"), ("Anthropic则凭借克劳德在企业编程市场占据三成份额。", "克劳德"),
    ("谷歌发布了双子座模型的新版本。", "双子座"),
])
def test_an_ordinary_word_next_to_another_name_is_a_hit(flat, text, form):
    assert ("T001", form) in found(text, flat)


# ---- a dotted personal name is a person ----------------------------------------------------
@pytest.mark.parametrize("text", ["Anthropic说，克劳德·香农的信息论很重要。", "信息论之父克劳德·香农。",
                                  "Anthropic的研究员让-克劳德·范达姆。", "Anthropic的研究员让·克劳德说了。"])
def test_a_form_in_a_dotted_personal_name_is_no_hit(flat, text):
    assert ("T001", "克劳德") not in found(text, flat)


# ---- short forms are inferred ---------------------------------------------------------------
def test_a_full_name_then_its_short_form_is_one_rendering(flat):
    text = "阿里巴巴发布了通义千问的新版本。阿里表示，千问将继续开源。人工智能（AI）的竞争加剧，AI公司都在跟进。世界卫生组织和世卫组织是一回事。"
    assert found(text, flat) == []


def test_admitted_forms_are_acceptable_unless_t002_is_asked_for(flat):
    text = "汪滔表示，千问将继续开源。"
    assert found(text, flat) == []
    assert found(text, flat, select=["T002"]) == [("T002", "汪滔")]  # a short form (千问) never is one


@pytest.mark.parametrize("form, others, kind", [
    ("AI", ["人工智能"], "acronym"), ("LLM", ["大语言模型", "large language model"], "acronym"),
    ("DeepMind", ["Google DeepMind"], "shortForm"), ("阿里", ["阿里巴巴"], "shortForm"),
    ("扎克伯格", ["马克·扎克伯格"], "shortForm"), ("世卫组织", ["世界卫生组织"], "abbreviation"),
    ("北大", ["北京大学"], "abbreviation"),
    ("山姆·奥特曼", ["山姆·阿尔特曼"], None),  # another spelling of the full name
    ("AI", [], None),  # an acronym of nothing the concept lists
    ("元", ["Meta"], None), ("Meta", ["Meta Platforms"], "shortForm"),
    ("微软", ["微软公司"], "shortForm"), ("谷歌", ["Alphabet"], None), ("北京", ["南京大学"], None),
])
def test_short_kind(form, others, kind):
    lang = lambda s: "en" if s.isascii() else "zh-Hans"  # noqa: E731
    assert short_kind(Term(form, lang(form), "admitted"), [Term(o, lang(o), "preferred") for o in others]) == kind


def test_deprecated_forms_are_never_typed(tmp_path):
    from mtqa.glossary import load_glossary

    p = tmp_path / "g.csv"
    p.write_text("concept_id,type,lang,term,status,note\nrl,org,en,Reality Labs,preferred,\n"
                 "rl,org,en,Reality Lab,deprecated,singular\n", encoding="utf-8")
    terms = load_glossary(p).concepts[0].terms
    assert [(t.term, t.type) for t in terms] == [("Reality Labs", None), ("Reality Lab", None)]
    assert found("Meta的Reality Lab部门。", str(p)) == [("T001", "Reality Lab")]


def test_an_inferred_type_is_not_written_back(tmp_path, flat):
    from mtqa.glossary import load_glossary
    from mtqa.glossary.io_yaml_write import dump_concepts

    g = load_glossary(flat)
    assert next(t for c in g.concepts for t in c.terms if t.term == "阿里").type == "shortForm"
    assert "type: shortForm" not in dump_concepts(g.concepts) and "type: acronym" not in dump_concepts(g.concepts)


def test_a_file_that_types_any_form_is_trusted_as_typed(tmp_path):
    """Types are inferred only where a file states none: in a hand-typed glossary an untyped
    form is a full form, and 千问 beside 通义千问 stays a second rendering there."""
    from mtqa.glossary import load_glossary

    typed = tmp_path / "typed.yaml"
    typed.write_text("concepts:\n  - id: qwen\n    type: model\n    terms:\n"
                     "      - {term: 通义千问, lang: zh-Hans, status: preferred}\n"
                     "      - {term: 千问, lang: zh-Hans, status: admitted}\n"
                     "      - {term: QW, lang: en, status: admitted, type: acronym}\n", encoding="utf-8")
    assert [t.type for t in load_glossary(typed).concepts[0].terms] == [None, None, "acronym"]
    untyped = tmp_path / "untyped.csv"
    untyped.write_text("concept_id,type,lang,term,status,note\nqwen,model,zh-Hans,通义千问,preferred,\n"
                       "qwen,model,zh-Hans,千问,admitted,\n", encoding="utf-8")
    assert [t.type for t in load_glossary(untyped).concepts[0].terms] == [None, "shortForm"]
    text = "通义千问发布了新版本，千问将继续开源。"
    assert ("C001", "千问") in found(text, str(typed))
    assert found(text, str(untyped)) == []


# ---- mention, not use -------------------------------------------------------------------------
@pytest.mark.parametrize("text", [
    "Meta（又译元）发布了新模型。", "克劳德（Claude，旧译克劳德）是Anthropic的模型。", "有人把千问误作“倩文”，这不对。",
    "“倩文”一词并不准确。", "阿里的通义千问俗称倩文。", "谷歌的Gemini（台湾称双子座）上线了。",
])
def test_a_mentioned_form_is_no_finding(text):
    from mtqa.project import bundled_glossary_path

    assert [f for f in mtqa.lint_text(text, glossary=bundled_glossary_path()) if f.rule in ("T001", "C001")] == []


@pytest.mark.parametrize("text, form", [
    ("他称王涛是朋友。", "王涛"), ("据称倩文模型很强。", "倩文"), ("倩文一出，全网热议。", "倩文"),
    ("这个倩文模型词汇量大。", "倩文"),
])
def test_a_cue_that_is_not_right_before_or_after_is_no_mention(text, form):
    from mtqa.project import bundled_glossary_path

    assert ("T001", form) in [(f.rule, f.found) for f in mtqa.lint_text(text, glossary=bundled_glossary_path())]


# ---- a glossary form is never another rule's finding -----------------------------------------
def test_s001_leaves_a_glossary_form_as_the_glossary_writes_it(tmp_path):
    p = tmp_path / "hk.csv"
    p.write_text("concept_id,type,lang,term,status,note\nli,person,zh-Hant,李云迪,preferred,his own name\n",
                 encoding="utf-8")
    trad = "這是一個關於鋼琴家的報導，{}在香港演出，觀眾很多，場面熱烈。"
    assert [f.rule for f in mtqa.lint_text(trad.format("李云迪"), glossary=p)] == []
    assert [(f.rule, f.found) for f in mtqa.lint_text(trad.format("張云"), glossary=p)] == [("S001", "云")]


# ---- a glossary form is never another rule's finding -------------------------------------------
NAMES = """concept_id,type,lang,term,status,note
yann-lecun,person,en,Yann LeCun,preferred,
yann-lecun,person,zh-Hans,杨立昆,preferred,
likun-robot,product,en,Likun Robot,preferred,
likun-robot,product,zh-Hans,杨立坤机器人,preferred,
amodei-lab,org,en,Amodai Lab,preferred,
amodei-lab,org,zh-Hans,阿莫代实验室,preferred,
"""


@pytest.fixture(scope="module")
def names(tmp_path_factory):
    path = tmp_path_factory.mktemp("names") / "glossary.csv"
    path.write_text(NAMES, encoding="utf-8")
    return str(path)


def test_n002_and_n003_do_not_flag_a_part_of_a_glossary_form(names):
    # 杨立坤 alone sounds like 杨立昆 (N002); inside the product's name it is the glossary's form
    text = "Meta首席科学家杨立昆认为，杨立坤表示，杨立坤机器人并非他的作品。"
    got = [(f.rule, f.found, f.start) for f in mtqa.lint_text(text, glossary=names, select=["N"])]
    assert got == [("N002", "杨立坤", text.index("杨立坤表示"))]
    # an unlisted name rendered two ways (N003): the rendering inside a glossary form is not one of them
    text = "达里奥·阿莫迪(Dario Amodei)说……阿莫代周二发表讲话。阿莫代实验室当天也发表了声明。"
    got = [(f.rule, f.found, f.start) for f in mtqa.lint_text(text, glossary=names, select=["N"])]
    assert got == [("N003", "阿莫代", text.index("阿莫代周二"))]
    # hard negatives: each variant stands only inside a glossary form
    for text in ("Meta首席科学家杨立昆认为，杨立坤机器人并非他的作品。",
                 "达里奥·阿莫迪(Dario Amodei)说，阿莫代实验室当天也发表了声明。"):
        assert mtqa.lint_text(text, glossary=names, select=["N"]) == [], text
