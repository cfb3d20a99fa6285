"""A002, A005, A006, A008, A010: the shapes the second blind set showed, on text written for the purpose.

Every positive here is new text (not a line of tests/data/annotated_blind2), and every group has hard
negatives: ordinary prose that looks like the artefact.
"""
import pytest

import mtqa
from conftest import lint
from mtqa.document import Document
from mtqa.glossary.model import Concept, Glossary, Term
from mtqa.rules.artefacts_text import damaged_lines
from mtqa.rules.base import LintContext

_EMPTY = Glossary([Concept("x", "term", [Term("占位", "zh-Hans", "preferred")])])


def found(text, code):
    return [(f.found, f.suggestion) for f in mtqa.lint_text(text, glossary=_EMPTY, select=[code])]


def spans(text, code):
    return [f.found for f in mtqa.lint_text(text, glossary=_EMPTY, select=[code])]


# --- A002: a word cut by a Chinese insertion ----------------------------------------------------
@pytest.mark.parametrize("text, split, suggestion", [
    # The rest of the word is a fragment A001 would flag, followed by a space, punctuation or the end.
    ("这份报告参考了 Mistr 的研究员al 发表的论文。", "Mistr 的研究员al", "Mistral 的研究员"),
    ("据 Anthrop 的发言人ic 称，新模型下月发布。", "Anthrop 的发言人ic", "Anthropic 的发言人"),
    ("此前曾在 Cohe 旗下研究部门re，负责多语言模型。", "Cohe 旗下研究部门re", "Cohere 旗下研究部门"),
    # A longer rest, followed by a capitalised word that continues the name.
    ("知名风投 Andre 的合伙人essen Horowitz 领投了本轮融资。", "Andre 的合伙人essen Horowitz",
     "Andreessen Horowitz 的合伙人"),
    ("红杉资本 Sequ 的合伙人oia Capital 表示看好", "Sequ 的合伙人oia Capital", "Sequoia Capital 的合伙人"),
])
def test_a002_cut_words(text, split, suggestion):
    assert found(text, "A002") == [(split, suggestion)]
    assert found(text, "A001") == []  # the tail is A002's, not a stray fragment


def test_a002_long_tail_when_the_document_writes_the_whole_word():
    text = "Interconnected 是一家投资机构。Interconn 的创始人ected 表示，他们只投早期项目。"
    assert found(text, "A002") == [("Interconn 的创始人ected", "Interconnected 的创始人")]
    # The same words without the whole word elsewhere: a five-letter lowercase word may be real.
    assert found("Interconn 的创始人ected 表示，他们只投早期项目。", "A002") == []


@pytest.mark.parametrize("text", [
    "Meta 的工程师和 OpenAI 的研究员都参加了会议。",
    "使用 PyTorch 的开发者ok 吗？",
    "GPT 的用户a",  # an acronym is not a word cut short
    "用 Python 的库numpy 很好用。",  # a real lowercase library name
    "在 Linux 下用ls 命令列出文件。",  # the Latin is the object of 用
    "Meta 的开源模型llama Guard 可以过滤有害内容。",  # a consonant-initial lowercase token before a name
    "Qwen 的模型qwen3 表现不错。",
    "Apple 的产品vs 三星的产品。",
    "OpenAI 推出了新模型gpt-oss，可以本地运行。",
    "Google 的员工们在 web 上发布了公告。",
    "Meta 表示，新的ab 测试将在下月开始。",  # punctuation between: not one inserted phrase
    "投资公司 Theory Ventures 的合伙人 Tomasz Tunguz 表示",
])
def test_a002_negatives(text):
    assert found(text, "A002") == []


# --- A005: site boilerplate lines ------------------------------------------------------------------
@pytest.mark.parametrize("line", [
    # copyright lines
    "Copyright © 2024 Example Media. All rights reserved.", "版权所有 © 新智元", "版權所有 翻印必究",
    "© 2026 未来科技网", "本站版权归原作者所有", "未经本站书面许可，任何单位和个人不得转载、摘编",
    # reprint notices
    "转载请注明来源：量子位", "本文系虎嗅原创，作者：张三", "請勿擅自轉載", "本文为新智元独家稿件，转载请后台联系。",
    # breadcrumbs
    "当前位置：首页 > 新闻中心 > 正文", "首页 › 科技 › 大模型", "科技 › 人工智能 › 大模型", "您的位置: 首页 > 财经",
    "Home > AI > LLM", "首頁 > 國際 > 科技新聞",
    # toolbars
    "分享到 微信 微博 QQ", "点赞 12 评论 3 收藏", "分享 | 收藏 | 打印 | 字号：大 中 小", "字级设定 列印 分享", "分享　轉寄　列印",
    # WeChat prompts
    "点击下方名片，关注我们", "设为星标，第一时间获取推送", "欢迎把文章分享给更多朋友", "如果觉得本文有帮助，欢迎转发",
    "记得点赞和在看哦", "喜欢就点个在看吧", "别忘了关注我们", "动动手指点个在看", "點擊上方藍字，關注我們", "覺得不錯，就點個「在看」吧",
    # ad slots
    "【广告】点击领取新人红包", "广告", "（推广）某某理财，年化收益8%", "[赞助] 本节目由某品牌赞助播出", "【廣告】限時優惠",
])
def test_a005_more_boilerplate(line):
    found_lines = found(f"正文第一段。\n{line}\n正文第二段。", "A005")
    assert [f for f, _ in found_lines] == [line + "\n"]


@pytest.mark.parametrize("text", [
    "法院认为该公司侵犯了版权所有人的权利。", "这家公司是该作品的版权所有方。", "版权所有人可以申请删除。",
    "该公司称，这些内容的版权归原作者所有。", "该公司被指未经许可转载了多家媒体的报道。", "法院裁定，未经授权不得使用他人作品。",
    "性能提升 > 30%", "在基准测试中，Gemini 3 > GPT-5 > Claude 4.5。", "其优先级为：安全 > 性能 > 成本",
    "安全 > 性能 > 成本", "设置 > 隐私 > 定位服务", "A > B > C", "如果 x > 1 且 y > 2，则返回 z",
    "分享 收藏", "大 中 小", "分享、收藏和评论功能将于下月上线。", "关注",
    "扎克伯格表示，公司将继续关注开源社区。", "他把照片分享给朋友后，很快就火了。", "该视频获得了10万点赞和2万条评论。",
    "他在微博上转发了这条消息。", "他说，用户可以点击上方的按钮关闭该功能。", "用户可以点击右上角的菜单，然后关注该账号。",
    "本文为作者对行业的观察。", "他表示在看了报告之后才决定。", "我觉得有用，但是很贵。", "觉得有用的人不多，",
    "这个问题的重点在看谁先发布。", "他还记得当时大家纷纷转发那条推文。",
    "Meta的广告收入增长20%。", "广告业务是谷歌的主要收入。", "推广新模型是公司的重点。", "他说：“【广告】不是重点。”",
    "转发到朋友圈的截图显示，这位工程师在离职前一周就已经收到了另一家公司的录用通知，并且在内部群里和同事们告别。",
])
def test_a005_more_negatives(text):
    assert found(text, "A005") == []


# --- A006: captions ---------------------------------------------------------------------------------
@pytest.mark.parametrize("caption", [
    "（图片来源：路透社）", "(图片来源: Bloomberg)", "（图源：OpenAI官网）", "（圖源：蘋果官網）", "（照片：美联社）",
    "（图片：数据中心内景，由公司提供）", "（图片来源于网络）", "（图片由受访者提供）", "（图片由AI生成）", "【图片来源：网络】",
    "（新华社记者 李明 摄）", "（受访者供图）", "（视觉中国/图）", "（图/视觉中国）", "（资料图）", "（示意图）", "（图文无关）",
    "(AI生成的示意图)",
])
def test_a006_more_captions(caption):
    text = f"该公司的股价当天下跌了5%。{caption}分析人士认为，这一下跌是暂时的。"
    assert spans(text, "A006") == [caption]


@pytest.mark.parametrize("text", [
    "如图1所示，性能提升明显。", "模型结构见（图1）。", "（见图2）", "（图1：模型架构）", "辛顿（Getty Images）表示",
    "图灵奖得主（图灵奖委员会）", "（图灵奖得主）", "Midjourney（图像生成模型）很受欢迎", "他展示了一张照片（拍摄于2019年）",
    "他说(生成式AI)很强", "谷歌地图（Google Maps）", "（图像识别）", "（摄像头模组）", "（图形处理器）", "（来源：彭博社）",
    "（生成式人工智能）", "（图表）", "（地图）", "（见下图）",
])
def test_a006_more_negatives(text):
    assert found(text, "A006") == []


# --- A008: footnote marks -----------------------------------------------------------------------------
@pytest.mark.parametrize("text, marks", [
    ("多名研究员相继加入了Anthropic[3]。", ["[3]"]),
    ("该模型由OpenAI[1]，随后开源。", ["[1]"]),
    ("苹果推出了iPhone[5]。", ["[5]"]),
    ("公司发布了ChatGPT[3][4]。", ["[3]", "[4]"]),
    ("这项工作已经完成1。", ["1"]),  # 完成 ends a clause: 成 alone is not a value context
])
def test_a008_more_marks(text, marks):
    assert spans(text, "A008") == marks


@pytest.mark.parametrize("text", [
    "并把tensor_parallel_size设成2；另外把批大小改成4。", "温度大于1。", "结果再乘以2。", "选项1和2。", "版本号等于2。",
    "取sys.argv[1]。", "矩阵X[1]。", "取 arr[0]。", "列表List[0]的类型", "Matrix[1]的值", "返回值为True[1]。",
    "据Bloomberg[12]报道称",  # a mark inside a clause after a name: left alone
])
def test_a008_more_negatives(text):
    assert found(text, "A008") == []


# --- A010: damaged lines reported once ------------------------------------------------------------------
def _mojibake(text, encoding="gbk"):
    return text.encode("utf-8").decode(encoding, "replace")


def test_a010_a_line_of_replacement_characters_is_one_finding():
    line = "\ufffd\ufffd\ufffd\ufffd \ufffd\ufffd\ufffd\ufffd \ufffd\ufffd\ufffd"
    assert spans(f"正文。\n{line}\n正文。", "A010") == [line]
    assert spans("锟斤拷锟斤拷锟斤拷锟斤拷\n正文。", "A010") == ["锟斤拷锟斤拷锟斤拷锟斤拷"]


def test_a010_mojibake_line_is_one_finding_that_shows_what_it_reads():
    line = _mojibake("英伟达周三公布了第三季度财报，营收同比增长62%。")
    assert "\ufffd" in line  # the decoding lost a byte or two, as in real scrapes
    findings = mtqa.lint_text(f"正文。\n{line}\n正文。", glossary=_EMPTY, select=["A010"])
    assert [f.found for f in findings] == [line]
    assert "GBK" in findings[0].message and "it reads '英伟达周三公布了" in findings[0].message
    short = _mojibake("谷歌发布了新模型。")
    assert spans(short, "A010") == [short]


def test_a010_isolated_replacement_characters_keep_their_own_findings():
    text = "英伟达周三公布了财报\ufffd\ufffd营收同比增长，黄仁勋表示需求\ufffd依然强劲。"
    assert spans(text, "A010") == ["\ufffd\ufffd", "\ufffd"]


@pytest.mark.parametrize("text", [
    "區塊鏈技術與區塊鏈應用的發展，供應鏈上的資料。",  # 鏈 is a real character, not GBK mojibake
    "涓涓细流汇成江河，浜松町的澶。",  # characters mojibake also produces, in real use
    "東京の浜松町で会議が開かれた。",
    "鍾鍋鍵鐘鏡錯錢銀鋼鐵鎖鏈",
    "他说：“这不是问题吗？”",
])
def test_a010_real_text_is_not_mojibake(text):
    assert found(text, "A010") == []


def test_damaged_lines_helper():
    moji = _mojibake("原标题：杨立昆离开Meta")
    lines = ["正文第一段。", "\ufffd\ufffd\ufffd \ufffd\ufffd\ufffd", "有一个\ufffd的正文。", moji, "??", "正文。"]
    text = "\n".join(lines)
    ctx = LintContext(Document(text))
    got = damaged_lines(ctx)
    assert [text[s:e] for s, e in got] == [lines[1], moji, "??"]
    assert damaged_lines(ctx) is got  # memoised per document


RELATED_TW = "他說，需求仍然強勁。\n\n延伸閱讀\n▸ 台積電2奈米良率超前 蘋果搶頭香\n▸ 鴻海AI伺服器營收年增逾倍\n\n下一段正文。"
RELATED_HK = "股價方面，昨日收報157.2港元。\n\n相關新聞：\n騰訊季績｜遊戲收入雙位數增長\n美團外賣補貼戰燒錢 上季虧損逾百億\n\n正文繼續。"


@pytest.mark.parametrize("text, lines", [
    (RELATED_TW, ["延伸閱讀", "▸ 台積電2奈米良率超前 蘋果搶頭香", "▸ 鴻海AI伺服器營收年增逾倍"]),
    (RELATED_HK, ["相關新聞：", "騰訊季績｜遊戲收入雙位數增長", "美團外賣補貼戰燒錢 上季虧損逾百億"]),
    ("正文。\n▸ 蘋果發表新機\n▸ 三星跟進降價\n正文。", ["▸ 蘋果發表新機", "▸ 三星跟進降價"]),  # arrow bullets alone
    ("主頁 ｜ 即時 ｜ 財經 ｜ 科技 ｜ 國際 ｜ 娛樂\n正文。", ["主頁 ｜ 即時 ｜ 財經 ｜ 科技 ｜ 國際 ｜ 娛樂"]),
    ("分享　Facebook　LINE　X　複製連結\n正文。", ["分享　Facebook　LINE　X　複製連結"]),
    ("分享：WhatsApp ｜ Facebook ｜ Telegram ｜ 電郵\n正文。", ["分享：WhatsApp ｜ Facebook ｜ Telegram ｜ 電郵"]),
    ("正文。\n立即下載《港聞科技網》App，緊貼最新財經資訊", ["立即下載《港聞科技網》App，緊貼最新財經資訊"]),
])
def test_a005_related_lists_menus_share_bars_and_app_prompts(bundled, text, lines):
    assert [f.found.rstrip("\n") for f in lint(text, bundled, select=["A005"])] == lines


@pytest.mark.parametrize("text", [
    "新款眼镜的主要变化：\n• 续航提升到8小时\n• 重量减轻10%\n• 支持实时翻译\n",  # an article's own list
    "科技 财经 新闻\n",  # three words are no menu
    "他说：“我们在财经、科技、国际新闻上都有投入。”\n",
    "用户可以下载应用程序，也可以在网页上使用。\n",
])
def test_a005_related_lists_and_menus_hard_negatives(bundled, text):
    assert lint(text, bundled, select=["A005"]) == []


def test_a005_prose_under_a_related_heading_is_article_text(bundled):
    text = "延伸阅读\n这篇论文的作者认为，模型规模并不是一切。他们在三个数据集上做了实验。\n"
    assert [f.found.rstrip("\n") for f in lint(text, bundled, select=["A005"])] == ["延伸阅读"]


@pytest.mark.parametrize("text, found", [
    ("Meta今年的資本支出預計高達720億美元。\n圖片來源：視覺中國\n下一段。", ["圖片來源：視覺中國\n"]),
    ("正文。\n图源：Meta官网\n正文。", ["图源：Meta官网\n"]),
    ("正文。\n图1：模型架构\n正文。", []),  # a figure's title
    ("正文。\n图片来源显示，这张照片拍摄于2019年，当时他还在谷歌工作。\n", []),  # a sentence
])
def test_a006_caption_on_a_line_of_its_own(bundled, text, found):
    assert [f.found for f in lint(text, bundled, select=["A006"])] == found


def test_a006_caption_glued_to_the_end_of_a_paragraph(bundled):
    text = "Meta正在路易斯安那州興建數據中心，佔地面積接近曼哈頓的大小。圖片來源：視覺中國\n下一段。"
    assert [f.found for f in lint(text, bundled, select=["A006"])] == ["圖片來源：視覺中國"]
    # a sentence that starts with the words is article text
    assert lint("他说。图片来源问题一直困扰着这家公司的编辑。\n", bundled, select=["A006"]) == []


def test_the_written_mojibake_signs_are_the_computed_ones():
    from mtqa.rules.artefacts_text import MOJIBAKE_SIGNS, mojibake_signs_from_scratch

    assert MOJIBAKE_SIGNS == mojibake_signs_from_scratch()


@pytest.mark.parametrize("text, rule, found", [
    ("项目还获得了Blue Ow 的联合创始人l 的融资支持。", "A002", "Ow 的联合创始人l"),  # a two-letter head after a name's word
    ("Li 的联合创始人a 说", "A001", "a"),  # a two-letter head alone is no cut name
    ("他在Meta 的工程师a 团队", "A001", "a"),  # a whole glossary name: the tail is a stray fragment
])
def test_a002_short_heads_and_whole_names(bundled, text, rule, found):
    fs = [f for f in lint(text, bundled) if f.rule in ("A001", "A002")]
    assert [(f.rule, f.found) for f in fs] == [(rule, found)]


@pytest.mark.parametrize("line", [
    "登录后才能发表评论,请先登录或注册",
    "长按识别下方二维码，关注“AI前哨”",
    "加入本站LINE官方帳號，掌握第一手科技新聞",
    "延伸閱讀：輝達市值突破4兆美元　黃仁勳：AI需求才剛開始",
])
def test_a005_comment_login_follow_prompts_and_inline_related_links(bundled, line):
    assert [f.found.rstrip("\n") for f in lint(f"正文。\n{line}\n正文。", bundled, select=["A005"])] == [line]


@pytest.mark.parametrize("text", [
    "他说，请先登录再说。只有登录后才能看到完整报告。\n",
    "我们加入了LINE的讨论，也加入了Slack。\n",
    "延伸阅读这本书的作者认为，这个问题没有简单答案。\n",
])
def test_a005_login_line_and_reading_words_in_prose(bundled, text):
    assert lint(text, bundled, select=["A005"]) == []


def test_a002_camel_case_head(bundled):
    fs = [f for f in lint("此前，CoreWe 的首席执行官ave 表示将扩建。", bundled) if f.rule in ("A001", "A002")]
    assert [(f.rule, f.found, f.suggestion) for f in fs] == [("A002", "CoreWe 的首席执行官ave", "CoreWeave 的首席执行官")]


@pytest.mark.parametrize("text, letters", [
    ("该计划将于执行a2024年启动。", ["a"]),
    ("营收b30亿元，同比增长c12%。", ["b", "c"]),
    ("他在2024年a3月加入。", ["a"]),
])
def test_a001_a_letter_glued_between_chinese_and_a_number_with_a_unit(text, letters):
    fs = mtqa.lint_text(text, select=["A001"])
    assert [(f.found, f.suggestion) for f in fs] == [(x, "") for x in letters]


@pytest.mark.parametrize("text", [
    "发布o3模型和m4芯片，v2版本，h100集群",  # model names and versions go on with other words
    "5G网络和3nm工艺，A100和iPhone 15，x86架构",  # digits first, capitals, a space
    "第2024年度报告",
])
def test_a001_model_names_and_units_are_no_stray_letters(text):
    assert mtqa.lint_text(text, select=["A001"]) == []
