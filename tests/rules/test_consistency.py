"""C001: one concept, several renderings in one document."""
from conftest import by_rule, lint


def test_minority_renderings_are_flagged_with_the_preferred_form(mini):
    text = "代号“鳄梨”的模型。代号“牛油果”的模型。Avocado 的训练"
    fs = lint(text, mini)
    assert by_rule(fs, "C001") == [("牛油果", "Avocado")]  # 鳄梨 is a T001 error already
    assert by_rule(fs, "T001") == [("鳄梨", "Avocado")]
    [f] = [f for f in fs if f.rule == "C001"]
    assert f.severity.value == "warning" and f.fix.applicability.value == "unsafe"
    assert "3 ways" in f.message


def test_latin_and_chinese_mixed(mini):
    assert by_rule(lint("Google和OpenAI,谷歌的Gemma,谷歌为手机", mini), "C001") == [("Google", "谷歌")]


def test_commonest_form_wins_when_preferred_is_absent(mini):
    text = "扬·勒昆说。扬·勒昆认为。Yann LeCun 表示"
    # Yann LeCun is the preferred en form, so it is kept; the two admitted ones are flagged.
    assert by_rule(lint(text, mini), "C001") == [("扬·勒昆", "Yann LeCun"), ("扬·勒昆", "Yann LeCun")]


def test_gloss_on_first_mention_is_the_convention(mini):
    text = "杨立昆(Yann LeCun)说,杨立昆认为。马克·扎克伯格(Mark Zuckerberg)说,扎克伯格认为"
    assert by_rule(lint(text, mini), "C001") == []


def test_surname_counts_as_its_full_form(mini):
    text = "扬·勒昆说,勒昆认为,杨立昆"
    assert by_rule(lint(text, mini), "C001") == [("扬·勒昆", "杨立昆"), ("勒昆", "杨立昆")]


def test_acronyms_and_script_variants_are_not_inconsistent(mini):
    assert by_rule(lint("Meta超级智能实验室(MSL)成立。MSL的成员", mini), "C001") == []
    assert by_rule(lint("英偉達(Nvidia)和英偉達的GPU", mini), "C001") == []


def test_the_fruit_is_not_a_codename_rendering(mini):
    assert by_rule(lint("Meta发布了Avocado。\n\n员工早餐吃牛油果沙拉,很好吃,不是吗,大家都爱吃的", mini), "C001") == []


def test_a_surname_alone_follows_the_full_name_the_text_writes(bundled):
    """Taiwan's 伊隆·馬斯克 once, then 馬斯克: one rendering, though 馬斯克 was derived from 埃隆·马斯克."""
    text = "特斯拉執行長伊隆·馬斯克（Elon Musk）發表Grok 4，馬斯克在直播中宣稱。馬斯克表示，很好。"
    assert lint(text, bundled, select=["C001"]) == []
    fs = lint("埃隆·马斯克表示……伊隆·马斯克说，马斯克认为", bundled, select=["C001"])
    assert [(f.found, f.suggestion) for f in fs] == [("伊隆·马斯克", "埃隆·马斯克")]
