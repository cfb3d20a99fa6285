"""T001 deprecated and T002 admitted: positives and hard negatives."""
import pytest

from conftest import by_rule, lint


@pytest.mark.parametrize("text, found, suggestion", [
    ("王涛表示反对", "王涛", "亚历山大·王"),
    ("阿里的倩文模型", "倩文", "通义千问"),
    ("博斯沃斯的部门", "博斯沃斯", "博斯沃思"),  # surname error → surname fix
    ("楊立坤說", "楊立坤", "楊立昆"),  # Traditional text → Traditional fix
    ("梅塔公司", "梅塔", "Meta"),
    ("亚历山大·王(Alexander Wang)领导", "Alexander Wang", "Alexandr Wang"),  # Latin misspelling in a gloss → Latin name
    ("Reality Lab 部门", "Reality Lab", "Reality Labs"),
])
def test_deprecated_forms_are_errors_with_a_safe_fix(mini, text, found, suggestion):
    [f] = [f for f in lint(text, mini) if f.rule == "T001"]
    assert (f.found, f.suggestion, f.severity.value) == (found, suggestion, "error")
    assert f.fix.applicability.value == "safe"
    assert text[f.start:f.end] == found


def test_a_fix_to_an_admitted_form_is_unsafe_only_when_t002_reports_admitted_forms(mini):
    """The fix writes Alexandr Wang, an admitted form: with T002 on, it would be flagged again,
    so it converges only by hand (unsafe); with the default rules it is final (safe)."""
    text = "由 Alexander Wang 领导"
    [f] = [f for f in lint(text, mini) if f.rule == "T001"]
    assert (f.suggestion, f.fix.applicability.value) == ("Alexandr Wang", "safe")
    [f] = [f for f in lint(text, mini, select=["T001", "T002"]) if f.rule == "T001"]
    assert (f.suggestion, f.fix.applicability.value) == ("Alexandr Wang", "unsafe")


@pytest.mark.parametrize("text, found, suggestion", [
    # one Chinese character may be a morpheme of a word no list holds (词元): never replaced unasked
    ("Meta:改变元命运", "元", "Meta"),
])
def test_deprecated_forms_whose_fix_cannot_be_proven_safe_are_unsafe(mini, text, found, suggestion):
    [f] = [f for f in lint(text, mini) if f.rule == "T001"]
    assert (f.found, f.suggestion, f.fix.applicability.value) == (found, suggestion, "unsafe")


@pytest.mark.parametrize("text", [
    "Meta花了20亿美元,还有日元",
    "Meta的元宇宙部门是元老级单元",
    "Meta财报:每股收益3.2元",
    "公元2025年元旦,Meta发布了新模型",
    "元素周期表",  # no Meta cue at all
    "汪涛是我的同事",  # a name that merely looks close
    "Reality Labs 部门",
    "早餐吃鳄梨",  # the fruit, no codename context
])
def test_hard_negatives_are_not_deprecated(mini, text):
    assert by_rule(lint(text, mini), "T001") == []


def test_admitted_forms_are_info_with_an_unsafe_fix(mini):
    assert by_rule(lint("汪滔表示,千问很强", mini), "T002") == []  # off by default: admitted is acceptable
    fs = lint("汪滔表示,千问很强", mini, select=["T002"])
    assert by_rule(fs, "T002") == [("汪滔", "亚历山大·王"), ("千问", "通义千问")]
    assert {f.severity.value for f in fs if f.rule == "T002"} == {"info"}
    assert {f.fix.applicability.value for f in fs if f.rule == "T002"} == {"unsafe"}


def test_glosses_and_acronyms_are_not_admitted_findings(mini):
    fs = lint("亚历山大·王(Alexandr Wang)加入了Meta超级智能实验室(MSL)。MSL随后", mini)
    assert by_rule(fs, "T002") == []


def test_messages_say_why(mini):
    [f] = [f for f in lint("王涛", mini) if f.rule == "T001"]
    assert "homophone of 汪滔" in f.message and "亚历山大·王" in f.message


@pytest.mark.parametrize("text, expected", [
    ("Meta发布了美洲驼4模型。", [("美洲驼", "Llama")]),
    ("Meta的羊驼3.1模型开源了。", [("羊驼", "Llama")]),
    ("克劳德模型由Anthropic开发", [("克劳德", "Claude")]),
    ("斯凯尔人工智能公司创始人亚历山大·王", [("斯凯尔人工智能", "Scale AI")]),
    ("开放人工智能公司推出了ChatGPT", [("开放人工智能公司", "OpenAI公司")]),
    ("Meta的现实实验室部门亏损", [("现实实验室", "Reality Labs")]),
])
def test_bundled_glossary_knows_literal_translations_of_ai_names(bundled, text, expected):
    assert by_rule(lint(text, bundled), "T001") == expected


@pytest.mark.parametrize("text", [
    "动物园里的羊驼很可爱,它们来自南美。",  # the animal: no AI cue nearby
    "信息论之父克劳德·香农对人工智能影响深远",  # a person called Claude
    "Meta的Llama模型和Anthropic的Claude",
])
def test_bundled_glossary_literal_translations_hard_negatives(bundled, text):
    assert by_rule(lint(text, bundled), "T001") == []


@pytest.mark.parametrize("text, flagged", [
    # In a Meta article the company may never be named Meta: its products and people are the cues.
    ("元旗下的Instagram和WhatsApp", True),
    ("元正在开发新的Llama模型", True),
    ("元的首席技术官博斯沃思", True),
    ("祖克柏說,元將投入", True),
    ("元正在开发新模型", False),  # no cue at all: 元 alone is too common
    ("Instagram的元首", False),
    ("Instagram上有人卖100元的东西", False),
    ("Instagram博主的多元化内容", False),
    # programming and web words with meta- (元类 is a metaclass), in a text about Llama
    ("我们用Python的元类给Llama的工具函数自动注册", False),
    ("Llama网页的元标签和元描述", False),
])
def test_meta_as_yuan_needs_a_meta_cue_anywhere(bundled, text, flagged):
    assert bool(by_rule(lint(text, bundled), "T001")) is flagged


@pytest.mark.parametrize("text, expected", [
    ("Meta成立了超级情报实验室", [("超级情报", "超级智能")]),  # intelligence as espionage
    ("Llama是开放重量模型", [("开放重量", "开放权重")]),  # weights as physical weight
    ("这个箱子的开放重量", []),  # no AI cue
    ("中央情报局和超级情报", []),
])
def test_bundled_glossary_mistranslated_ai_terms(bundled, text, expected):
    assert by_rule(lint(text, bundled), "T001") == expected


def test_meta_veterans_are_not_elders(bundled):
    """元老兵们 is Meta + 老兵们 (seed 000: 新贵让元老兵们窒息); 元老 alone is an elder."""
    assert by_rule(lint("扎克伯格让元老兵们窒息", bundled), "T001") == [("元", "Meta")]
    assert by_rule(lint("扎克伯格和公司元老级员工", bundled), "T001") == []


@pytest.mark.parametrize("text, rule, expected", [
    ("DeepSeek创始人梁文峰很少接受采访", "T001", [("梁文峰", "梁文锋")]),
    ("谷歌首席执行官劈柴在发布会上表示", "T001", [("劈柴", "皮查伊")]),
    ("Meta超级智能实验室首席科学家赵胜佳表示", "N002", [("赵胜佳", "赵晟佳")]),
    ("OpenAI的山姆·奥特曼(Sam Altman)说,萨姆·奥尔特曼并不担心", "C001", [("山姆·奥特曼", "萨姆·奥尔特曼")]),
])
def test_bundled_glossary_knows_the_ai_race_names(bundled, text, rule, expected):
    assert by_rule(lint(text, bundled), rule) == expected


@pytest.mark.parametrize("text", [
    "周末他在院子里劈柴,准备过冬。",  # the ordinary word, in a text that is not about Google
    "DeepSeek创始人梁文锋很少接受采访",
    "Meta超级智能实验室首席科学家赵晟佳(Shengjia Zhao)表示",
    "OpenAI首席执行官萨姆·奥尔特曼(Sam Altman)表示,奥尔特曼还说",
    "前GitHub首席执行官纳特·弗里德曼和丹尼尔·格罗斯也加入了Meta",
])
def test_bundled_glossary_ai_race_names_hard_negatives(bundled, text):
    assert [f for f in lint(text, bundled) if f.severity != "info"] == []


@pytest.mark.parametrize("text, expected", [
    ("梅塔公司发布了新的人工智能模型。", [("梅塔", "Meta")]),
    ("她加入了梅塔。", [("梅塔", "Meta")]),
    ("扎克伯格的公司和指挥家祖宾·梅塔", []),  # a surname after a dot is a person (Zubin Mehta)
    ("我国小轿车的车型代号均以7字打头", []),  # a car model's code: 代号 is no AI cue
    ("Meta的Llama车型很强", [("车型", "模型")]),
])
def test_deprecated_forms_that_are_also_names_or_ordinary_words(bundled, text, expected):
    assert by_rule(lint(text, bundled), "T001") == expected


def test_a_deprecated_form_that_is_someones_surname_in_the_text_is_that_person(bundled):
    """A judge called Mehta: after 阿米特·梅塔, 梅塔 alone is him, not Meta."""
    text = "联邦法官阿米特·梅塔（Amit Mehta）裁定谷歌垄断搜索。梅塔在判决书中写道，补救措施应当适度。"
    assert by_rule(lint(text, bundled), "T001") == []
    assert by_rule(lint("她加入了梅塔。", bundled), "T001") == [("梅塔", "Meta")]
    # a person's deprecated surname after a dot is that person misspelt, and stays an error
    assert by_rule(lint("Meta首席技术官安德鲁·博斯沃斯说", bundled), "T001") == [("博斯沃斯", "博斯沃思")]
