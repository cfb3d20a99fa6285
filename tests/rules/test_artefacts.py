"""A001–A010 and P001: positives and hard negatives, on text written for the purpose."""
import pytest

import mtqa
import mtqa.fix


def found(text, code, path="<text>"):
    return [(f.found, f.suggestion) for f in mtqa.lint_text(text, glossary=_EMPTY, select=[code], path=path)]


class _Empty:
    pass


@pytest.fixture(autouse=True, scope="module")
def _empty_glossary():
    from mtqa.glossary.model import Concept, Glossary, Term

    global _EMPTY
    _EMPTY = Glossary([Concept("x", "term", [Term("占位", "zh-Hans", "preferred")])])


def test_a001_stray_fragments():
    assert found("这是痛点f 老部门“失血”。这意味着营销ac通过出售来获取。面临酷刑e 来自华尔街", "A001") == [
        ("f", ""), ("ac", ""), ("e", "")]


@pytest.mark.parametrize("text", [
    "AI芯片和GPU集群", "5G网络和3nm工艺", "新款iPhone发布", "Llama 4模型", "OpenAI的gpt-oss模型",
    "用app下单,他的id是", "下载pdf文件", "重10kg的设备", "他说ok了",
    "开发者可以用pip install安装SDK,或通过npm获取JS版本", "用户可以下载e签宝", "看k线图,穿t恤",
])
def test_a001_real_tokens_are_not_fragments(text):
    assert found(text, "A001") == []


def test_a002_split_word_and_a001_defers_to_it():
    text = "风险投资公司 Theor 的普通合伙人y Ventures 表示"
    assert found(text, "A002") == [("Theor 的普通合伙人y Ventures", "Theory Ventures 的普通合伙人")]
    assert found(text, "A001") == []
    assert found("投资公司 Theory Ventures 的合伙人 Tomasz Tunguz 表示", "A002") == []


def test_a003_pinyin_annotations():
    text = "首席執(zhí)行官、創(chuàng)始人"
    assert found(text, "A003") == [("(zhí)", ""), ("(chuàng)", "")]
    fixed, _ = mtqa.fix.fix_text(text, lambda t: mtqa.lint_text(t, glossary=_EMPTY, select=["A003"]))
    assert fixed == "首席執行官、創始人"


@pytest.mark.parametrize("text", [
    "他姓李(Li),来自北京",  # a romanised gloss without tone marks
    "阿里巴巴(Alibaba)",
    "执(chuàng)行",  # a toned syllable that is not a reading of the character
])
def test_a003_negatives(text):
    assert found(text, "A003") == []


def test_a004_spam_lines():
    text = "正文第一段。\n精品国产_亚洲人成在线高清,国产精品成人久久久久\n正文。\n主站蜘蛛池模板: 麻阳| 兰坪| 成武县| 汕头市| 龙口市| 日照市| 比如县| 石柱| 张家川|\n"
    assert [f[0].strip()[:6] for f in found(text, "A004")] == ["精品国产_亚", "主站蜘蛛池模"]


@pytest.mark.parametrize("text", [
    "亚洲市场的成人教育需求增长,免费课程和高清视频都很受欢迎。",
    "他列出了选项:A | B | C。",
    "该公司在亚洲推出了在线视频服务。",
])
def test_a004_negatives(text):
    assert found(text, "A004") == []


@pytest.mark.parametrize("line", [
    "发表回复", "您的邮箱地址不会被公开。 必填项已用 * 标注", "粤公网安备 44011302004783号", "京ICP备12345678号",
    "扫描二维码下载财富APP", "掃描二維碼下載財富APP", "立即打开", "本文来源:新媒网 https://example.com/a.html",
    "热读文章", "未经授权,禁止转载",
    "免责声明:本文仅代表作者个人观点,与本站无关。", "声明:本文转载自网络,如有侵权请联系删除。", "点击关注,获取更多资讯",
    "关注我们的微信公众号", "文章转载自:36氪", "本文为作者独立观点,不代表本站立场。", "原标题:Meta的AI豪赌",
    "上一篇:苹果发布新品", "版权声明:本文版权归原作者所有。", "编辑:李四 审核:王五", "阅读原文", "免責聲明:本文僅代表作者個人觀點",
])
def test_a005_boilerplate(line):
    assert len(found(f"正文。\n{line}\n正文。", "A005")) == 1


@pytest.mark.parametrize("text", [
    "他在发表回复时说,公司将立即打开新市场。",
    "本文来源于作者的亲身经历。",
    "警方称其在公安部门备案。",
    "他发表声明:公司将继续投资AI。", "他在上一篇论文中提出了这个方法。", "扎克伯格表示,关注我们的用户越来越多。",
    "这篇文章仅代表了一种观点。", "编辑部的同事都很忙。", "该公司转载自己的博客文章。", "原标题中的“豪赌”一词并不准确。",
    "警方提醒市民关注官方微信公众号发布的信息。", "他说:“这些内容仅代表作者个人观点。”",
])
def test_a005_negatives(text):
    assert found(text, "A005") == []


def test_a006_captions():
    text = "任务艰巨。 (AI生成的图片) 然而,冲击很大。(人工智能生成的图像)内部更令人震惊。（图片来源：新华社）"
    assert [f[0].strip() for f in found(text, "A006")] == ["(AI生成的图片)", "(人工智能生成的图像)", "（图片来源：新华社）"]
    assert found("他说(生成式AI)很强,(如Llama系列)也是", "A006") == []


def test_a007_markdown_residue():
    assert found("他斥资_143亿美元_巨资,人才流失率高达_64%_的警钟", "A007") == [
        ("_143亿美元_", "143亿美元"), ("_64%_", "64%")]
    assert found("变量 snake_case_name 和 __init__ 方法", "A007") == []
    assert found("变量名通常写作snake_case，例如max_tokens和top_p。", "A007") == []  # intraword: not emphasis
    # In a markdown file, emphasis between spaces is real markup; glued to Chinese it is not.
    assert found("这是 _重点_ 内容", "A007", path="a.md") == []
    assert found("这是_重点_内容", "A007", path="a.md") == [("_重点_", "重点")]
    # A run of underscores is a rule or a blank to fill in (fuzzing found fixes that never settled).
    assert found("姓名：______国产______，日期：___年___月", "A007") == []
    assert found("____入国产____,______成入国产__", "A007") == []


def test_a008_citation_digits():
    assert found("掀起了一场“挖角”行动1。随后也相继“跳船”1。内部乱象1。", "A008") == [("1", ""), ("1", ""), ("1", "")]


def test_a008_bracketed_footnote_marks():
    assert found("据报道[1],Meta正在裁员。该模型领先[2][3]。发表于2023年[4]。", "A008") == [
        ("[1]", ""), ("[2]", ""), ("[3]", ""), ("[4]", "")]


@pytest.mark.parametrize("text", ["两者的比例为1。", "他排名第1。", "发布了Llama 4。", "发布于2025年。", "GPT-4。",
                                  "见图1。", "详见表2。", "参见第[3]章", "数组a[1]的值", "根据公式(1)可以得出",
                                  "详见[官方博客][1]。", "该函数的返回值为[1]。"])
def test_a008_negatives(text):
    assert found(text, "A008") == []


def test_a009_duplicate_lines():
    text = "元正陷入危机吗?这位28岁的新贵\n\n元正陷入危机吗?这位28岁的新贵\n正文\n正文\n"
    assert [f[0].strip() for f in found(text, "A009")] == ["元正陷入危机吗?这位28岁的新贵"]  # short lines are not compared


def test_a010_lost_characters():
    assert [f[0] for f in found("正文\n?\n正文\ufffd\ufffd完", "A010")] == ["?", "\ufffd\ufffd"]
    assert found("他问:为什么?\n真的吗?", "A010") == []


def test_a010_mojibake():
    text = "这段文字锟斤拷锟斤拷乱码。\nIt\u00e2\u20ac\u2122s a test。\n他说鈥淢eta鈥濆叕鍙告鍦ㄨ鍛?\n开头\u00ef\u00bb\u00bf标题"
    assert [f[0] for f in found(text, "A010")] == [
        "锟斤拷锟斤拷", "\u00e2\u20ac\u2122", "他说鈥淢eta鈥濆叕鍙告鍦ㄨ鍛?", "\u00ef\u00bb\u00bf"]
    # Real words with Latin-1 letters, 烫 said three times, one rare character: no mojibake.
    assert found("Café很好,São Paulo,ÃO。好烫烫烫啊。鈥字很少见。", "A010") == []


def test_p001_is_off_by_default_and_fixes_when_selected():
    text = "因此,他说:不行(真的)。Hello, world: ok"
    assert [f.rule for f in mtqa.lint_text(text, glossary=_EMPTY)] == []
    assert found(text, "P001") == [(",", "，"), (":", "："), ("(", "（"), (")", "）")]
