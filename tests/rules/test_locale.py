"""S001 mixed script and S002 regional forms."""
import pytest

from conftest import by_rule, lint


@pytest.mark.parametrize("text, expected", [
    ("这个新模型的測試結果很好,性能提升明显,开发者对这个结果非常满意。", [("測試結", "测试结")]),
    ("这是後来才发生的事情,大家都知道。", [("後", "后")]),
])
def test_s001_traditional_in_simplified(mini, text, expected):
    assert by_rule(lint(text, mini, select=["S001"]), "S001") == expected


def test_s001_simplified_in_traditional_is_an_unsafe_fix(mini):
    fs = lint("這是後來才發生的事情,这里的人都知道。", mini, select=["S001"])
    assert [(f.found, f.suggestion, f.fix.applicability.value) for f in fs] == [("这里", "這裏", "unsafe")]


@pytest.mark.parametrize("text", [
    "乾隆皇帝下江南,这是历史故事。",   # 乾 stays in 乾隆 (OpenCC phrase)
    "這是皇后的宮殿,後來成為博物館。",  # 后 stays in 皇后
    "他吃了一碗面,然后爬上山峰。",      # 吃 and 峰 are written so in Taiwan too: not Simplified-only
    "AI芯片和GPU集群",
])
def test_s001_negatives(mini, text):
    assert by_rule(lint(text, mini, select=["S001"]), "S001") == []


def test_s002_regional_forms(mini):
    assert by_rule(lint("英伟达发布了新芯片,輝達的股价上涨。", mini, select=["S002"]), "S002") == [("輝達", "英伟达")]
    assert by_rule(lint("扎克伯格表示,祖克柏說", mini, select=["S002"], locale="zh-TW"), "S002") == [("扎克伯格", "祖克柏")]
    # Without a locale a Traditional article may use either; the zh-CN form in zh-CN is right.
    assert by_rule(lint("扎克伯格表示,祖克柏說", mini, select=["S002"]), "S002") == []
    assert by_rule(lint("英伟达发布了新芯片。", mini, select=["S002"], locale="zh-CN"), "S002") == []


def test_s002_flags_a_concept_the_text_names_one_way_only(bundled):
    """A preferred form is S002's business too: 馬克·扎克伯格 alone in a zh-TW article (this was
    missed while the scan dropped preferred forms of concepts named one way)."""
    fs = lint("馬克·扎克伯格表示,這是好事。", bundled, select=["S002"], locale="zh-TW")
    assert [(f.found, f.suggestion) for f in fs] == [("馬克·扎克伯格", "馬克·祖克柏")]
    fs = lint("輝達的晶片很好。", bundled, select=["S002"], locale="zh-CN")
    assert [(f.found, f.suggestion) for f in fs] == [("輝達", "英偉達")]  # in the text's own script
    assert lint("馬克·扎克伯格表示,這是好事。", bundled, select=["S002"]) == []  # no locale: either is fine


def test_s001_leaves_regional_names_to_s002(mini):
    fs = lint("英伟达发布了新芯片,輝達的股价上涨。", mini, select=["S001", "S002"])
    assert [(f.rule, f.found) for f in fs] == [("S002", "輝達")]


@pytest.mark.parametrize("text, script, runs", [
    ("这个新模型的測試結果很好,性能提升明显。", "Hans", ["測試結"]),  # neighbours join into one run (果 is both)
    ("這是後來才發生的事情,这里的人都知道。", "Hant", ["这里"]),
    ("这是一个测试，说明測x試", "Hans", ["測x試"]),  # two apart or closer: one run
    ("这是一个测试，说明測xyz試了", "Hans", ["測", "試"]),
    ("纯简体的句子。", "Hans", []), ("純繁體的句子。", "Hant", []), ("No Chinese at all.", "Hans", []), ("", "Hans", []),
])
def test_s001_finds_the_documents_script_and_the_runs_of_the_other(text, script, runs):
    from mtqa.document import Document
    from mtqa.rules.base import LintContext
    from mtqa.rules.locale import document_script

    got_script, got_runs = document_script(LintContext(Document(text)))
    assert (got_script, [text[s:e] for s, e in got_runs]) == (script, runs)
    assert Document(text).script == script  # every rule reads the same script


def test_the_documents_script_is_the_whole_texts_not_its_heads(mini):
    """A long Traditional article that opens with a Simplified passage (a quoted press release) is
    Traditional: its Simplified characters are S001's, with unsafe fixes to Traditional. (The
    script was once taken from the first 4,000 characters, which made this one Simplified for the
    other rules while S001 called it Traditional.)"""
    from mtqa.document import Document

    head = "公司发布了新的语言模型，这个模型的测试结果很好。" * 200  # 4,800 characters
    body = "這個模型的測試結果顯示，後來的應用會越來越多，開發者們都說這樣很好。" * 400
    doc = Document(head + "\n" + body)
    assert doc.script == "Hant"
    fs = [f for f in lint(head + "\n" + body, mini) if f.rule == "S001"]
    assert fs and all(f.start < len(head) for f in fs)
    assert all(f.fix is not None and f.fix.applicability.value == "unsafe" for f in fs)


TW_PAGE = ("輝達執行長黃仁勳表示，AI需求強勁。OpenAI執行長山姆·阿特曼也說，人工智慧將改變一切。"
           "馬克·扎克伯格則表示，Meta將加碼投資。")


def test_s002_infers_taiwan_from_the_names_a_traditional_text_writes(bundled):
    """No --locale: 輝達, 山姆·阿特曼 and 人工智慧 are Taiwan's forms, so 扎克伯格 should be 祖克柏."""
    fs = lint(TW_PAGE, bundled, select=["S002"])
    assert [(f.found, f.suggestion) for f in fs] == [("馬克·扎克伯格", "馬克·祖克柏")]
    assert "zh-TW" in fs[0].message


def test_s002_infers_a_mainland_text_in_traditional_characters(bundled):
    text = "英偉達和馬克·扎克伯格的Meta都在投資，山姆·奧爾特曼也是。他說人工智慧很重要。"
    fs = lint(text, bundled, select=["S002"])
    assert [(f.found, f.suggestion) for f in fs] == [("人工智慧", "人工智能")]


@pytest.mark.parametrize("text", [
    "馬克·扎克伯格表示，這是好事。",  # one concept is not enough evidence of a region
    "輝達的晶片很好。馬克·扎克伯格表示，這是好事。",  # one vote each: no region
    "這是一篇沒有任何名字的繁體文章。",
])
def test_s002_infers_no_region_without_enough_evidence(bundled, text):
    assert lint(text, bundled, select=["S002"]) == []


def test_s001_leaves_taiwan_standard_characters_alone(bundled):
    """占 is the Ministry of Education's standard form in Taiwan (占比), though OpenCC writes 佔."""
    assert lint("台積電第3季營收再創新高，先進製程占比持續提升。", bundled, select=["S001"]) == []
    assert [f.found for f in lint("台積電的营收再創新高。", bundled, select=["S001"])] == ["营"]


def test_taiwan_preferred_title_is_not_the_admitted_mainland_one_in_traditional(bundled):
    """創辦人 is Taiwan's preferred title; it is also 创办人 (admitted) in Traditional characters,
    and the text's own spelling wins: no T002 in a Taiwan page."""
    assert lint("甲骨文創辦人賴瑞·艾利森表示", bundled, select=["T002"]) == []
    assert [(f.found, f.suggestion) for f in lint("甲骨文创办人表示", bundled, select=["T002"])] == [("创办人", "创始人")]


def test_s001_keeps_qian_in_simplified_names_but_not_in_traditional_words(bundled):
    """乾 is also a Simplified character (乾坤, and names: 萧乾); 乾淨 is Traditional for 干净."""
    assert lint("冰心老人为该书题辞，萧乾老人致书作者。副委员长王丙乾等参加了会见。", bundled, select=["S001"]) == []
    assert [(f.found, f.suggestion) for f in lint("这里很乾淨。", bundled, select=["S001"])] == [("乾淨", "干净")]


def test_s001_leaves_mojibake_lines_to_a010(bundled):
    """A UTF-8 title read as GBK is full of 'Traditional' characters that no one wrote."""
    line = "鍘熸爣棰橈細鏉ㄧ珛鏄嗙诲紑Meta锛孎AIR涓涓鏃朵唬钀藉箷"
    fs = lint(f"杨立昆确认将在年底离开公司。\n{line}\n这是他在FAIR的最后一年。", bundled, select=["S001", "A010"])
    assert [f.rule for f in fs] == ["A010"]


def test_s001_li_inside_a_transliterated_name_in_traditional_text(bundled):
    assert lint("GitHub前執行長納特·弗里德曼負責產品線。", bundled, select=["S001"]) == []
    assert [f.found for f in lint("我們在這里見面，這裡很安靜。", bundled, select=["S001"])] == ["里"]


def test_s002_infers_hong_kong_from_its_own_title(bundled):
    """行政總裁 is Hong Kong's CEO; 英偉達 fits Hong Kong as well as the mainland."""
    text = "阿里巴巴行政總裁吳泳銘表示，英偉達的晶片供應緊張。OpenAI行政總裁也說，人工智慧很重要。"
    fs = lint(text, bundled, select=["S002"])
    assert [(f.found, f.suggestion) for f in fs] == [("人工智慧", "人工智能")]
    assert "zh-HK" in fs[0].message
