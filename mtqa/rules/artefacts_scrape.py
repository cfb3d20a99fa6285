"""A003–A006: what web scrapers leave in an article.

A003 pinyin annotations after characters (執(zhí)行官); A004 spam and SEO injection;
A005 site boilerplate lines (comment forms, 公安备案, "扫描二维码下载"); A006 image-caption
residue in the middle of a paragraph ("(AI生成图像)").
"""
from __future__ import annotations

import re
from functools import lru_cache

from ..findings import Applicability, Severity
from .base import LintContext, Rule
from .textutil import CJK, lazy_re, lines

TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü"
# One character, then a bracketed pinyin syllable carrying a tone mark.
PINYIN_NOTE = lazy_re(f"(?<=[{CJK}])[(（]([a-z{TONED}]{{1,6}})[)）]")


def check_pinyin_annotation(ctx: LintContext):
    text = ctx.doc.text
    if not any(v in text for v in TONED[:-1]):
        return  # no tone mark anywhere: no annotation
    for m in PINYIN_NOTE.finditer(text):
        syllable = m.group(1)
        if not any(c in TONED[:-1] for c in syllable):  # tone marks make it an annotation, not a gloss
            continue
        char = text[m.start() - 1]
        if not _reads_as(char, syllable):
            continue
        yield ctx.finding(
            PINYIN_ANNOTATION, m.start(), m.end(),
            f"pinyin annotation '{m.group()}' left after '{char}' by a scraper; drop it",
            suggestion="", applicability=Applicability.SAFE,
        )


@lru_cache(maxsize=8192)
def _reads_as(char: str, syllable: str) -> bool:
    """Whether `syllable` (tone marks ignored) is a reading of `char`, heteronyms included."""
    from ..phonetics import reading_table, toneless

    readings = reading_table().get(ord(char), ())
    return toneless(syllable) in readings


# --- spam -------------------------------------------------------------------------------
# The words are data (mtqa/data/spam_words.txt); the compiled core scans every line for them.
def _spam():
    """(the core's scanner, the word lists), built on first use."""
    global _SPAM
    if _SPAM is None:
        from .._core import SpamScanner
        from ..data import sections

        words = sections("spam_words.txt")
        _SPAM = (SpamScanner(words["strong"], words["weak"]), words)
    return _SPAM


_SPAM = None


def spam_lines(ctx: LintContext) -> list[tuple[int, int, int, str]]:
    """(start, end, next line start, why) of every spam line, computed once per document."""

    def compute():
        scanner, words = _spam()
        text = ctx.doc.text
        simplified = _simplified_text(ctx)
        bars = "|" in text or "｜" in text
        if not bars and not scanner.any_strong(simplified):
            return []  # every spam line has a strong spam word or a '|'-separated list
        if simplified is not text and simplified.count("\n") != text.count("\n"):
            # a conversion that moved line breaks: convert line by line
            from ..script import to_simplified

            simplified = "\n".join(to_simplified(line) for line in text.split("\n"))
        out = []
        for start, end, nxt, strong_ids, weak_ids, items in scanner.scan(text, None if simplified is text else simplified):
            strong = {words["strong"][i] for i in strong_ids}
            weak = {words["weak"][i] for i in weak_ids}
            if len(strong) >= 2 or (strong and len(weak) >= 2) or (strong and items >= 3) or items >= 8:
                why = (f"spam vocabulary ({', '.join(sorted(strong | weak))})" if strong
                       else f"a list of {items} '|'-separated keywords")
                out.append((start, end, nxt, why))
        return out

    return ctx.memo("A004.lines", compute)


def check_spam(ctx: LintContext):
    for start, _end, nxt, why in spam_lines(ctx):
        yield ctx.finding(
            SPAM, start, nxt, f"spam or SEO injection, not article text: {why}; delete the line",
            suggestion="", applicability=Applicability.UNSAFE,
        )


# --- boilerplate -------------------------------------------------------------------------
RELATED = "a related-articles heading"
# Each pattern reads the line in Simplified (a Traditional document is converted first).
# (pattern, what, needles): a line is tried against a pattern only when it holds one of its needles.
# One regex of all the needles runs per line, and most lines hold none: no pass per pattern.
BOILERPLATE = [
    (lazy_re(r"^\s*(发表回复|发表评论|取消回复|提交评论|评论列表|网友评论)\s*$"), "a comment form", ("回复", "评论")),
    (lazy_re(r"(电子)?(邮箱|邮件)(地址)?不会被公开|必填(项|栏位|字段).{0,6}(标注|标示|标记)|登录后(才能|方可|即可)?(发表|参与)?评论"
             r"|^\s*请(先)?登录(后)?(或注册)?"), "a comment form", ("公开", "必填", "登录")),
    (lazy_re(r"公网安备\s*\d{6,}号|ICP备\s*\d+号|ICP证\s*\d+号"), "a site registration (备案) line", ("公网安备", "ICP")),
    (lazy_re(r"扫描?二维码(下载|关注)|扫码下载|下载.{0,12}(?i:app)\b|^\s*(立即打开|打开APP|打开App)\s*$"),
     "an app-download prompt", ("二维码", "扫码", "APP", "App", "app", "打开")),
    (lazy_re(r"^\s*(本文来源|文章来源|原文链接|责任编辑)\s*[:：]"), "a source line", ("来源", "原文链接", "责任编辑")),
    (lazy_re(r"^\s*[【\[]?(热读文章|热门视频|相关阅读|推荐阅读|热门推荐|猜你喜欢|延伸阅读|相关新闻|相关文章|相关报道|"
                r"更多新闻|最新新闻|热门新闻|热门文章|编辑推荐|精彩推荐|你可能(还)?(会)?(感兴趣|喜欢)|看了又看)[】\]]?\s*[:：]?\s*$"),
     RELATED, ("热读", "热门", "阅读", "猜你喜欢", "相关", "更多新闻", "最新新闻", "推荐", "可能", "看了又看")),
    # The heading with one headline on its own line: 延伸阅读：辉达市值突破4兆美元
    (lazy_re(r"^\s*(延伸阅读|相关阅读|推荐阅读|相关新闻|相关文章|相关报道)\s*[:：]\s*\S.{0,50}$"), "a related-article link",
     ("阅读", "相关")),
    # ©, "Copyright 2025", "All rights reserved", a standalone 版权所有 (not 版权所有人, the owner),
    # and "do not reprint without permission" in its many wordings.
    (lazy_re(r"©|(?i:copyright\s*(©\s*)?(\(c\)\s*)?\d{4}|all rights reserved)"
                r"|(^|\s)版权所有(?![人者方权])|版权所有\s*($|[，,。；;|｜！!]|翻版|违者|侵权|未经)"
                r"|^\s*(本文|文章|本站|本网|本刊)(的)?版权归.{0,12}所有"
                r"|未经.{0,16}(授权|许可|同意).{0,12}(不得|禁止|请勿|严禁|谢绝|勿|不可|不允许|任何).{0,10}"
                r"(转载|转贴|复制|摘编|转发|镜像|刊登|刊载|改编|链接)|版权所有.{0,20}(保留|禁止)"), "a copyright notice",
     ("©", "opyright", "OPYRIGHT", "ights", "IGHTS", "版权", "未经")),
    (lazy_re(r"转载请(务必|先|于)?(联系|注明|保留|与|经|获|取得|附|标明|后台)|(请勿|谢绝|严禁)(任何)?(私自|擅自)?转载"
                r"|^\s*(本文|本篇文章|此文)(为|系)[^，。,]{0,16}(原创|独家|首发|授权|特约|约稿|投稿)"), "a reprint notice",
     ("转载", "本文", "本篇文章", "此文")),
    (lazy_re(r"点击(查看|阅读)原文|^\s*分享到\s*[:：]|^\s*阅读原文\s*$"), "a share or read-more prompt", ("原文", "分享到")),
    (lazy_re(r"^\s*(免责声明|版权声明|特别声明)\s*[:：]|如有侵权.{0,6}(联系|删除)|不代表本(站|网|平台|号)的?(立场|观点)"
                r"|^\s*(本文|文章|以上)?(内容)?仅代表作者(本人|个人)?(的)?观点"), "a disclaimer", ("声明", "侵权", "代表")),
    (lazy_re(r"^\s*(文章|本文)?转载自\s*[:：]|^\s*(原标题|原文标题)\s*[:：]"), "a reprint line", ("转载自", "标题")),
    (lazy_re(r"^\s*(上一篇|下一篇)(文章)?\s*[:：]"), "a site navigation link", ("一篇",)),
    # 【广告】点击领取…, a line of only 广告: the page's ad slot (an article about 广告 is not one)
    (lazy_re(r"^\s*[【\[（(〔]\s*(广告|推广|赞助|商业推广|广告推广)\s*[】\]）)〕]|^\s*(广告|推广|赞助内容)\s*$"),
     "an advertisement", ("广告", "推广", "赞助")),
    (lazy_re(r"^\s*(点击|长按|扫码)?关注我们|^\s*点击关注|^\s*(欢迎|请|敬请)?关注.{0,8}公众号"
             r"|长按(识别)?(下方|上方|图中|文末|下图)?(的)?二维码|^\s*加入.{0,8}(LINE|Line)(官方)?(账号|帐号|好友|群组)?"),
     "a follow prompt", ("关注", "二维码", "LINE", "Line")),
    # WeChat's own prompts: 点击上方蓝字, 点个“在看”, 设为星标, 分享给朋友, 觉得有用……
    (lazy_re(r"点击(上方|下方|顶部|底部|右上角|左上角|文末|下面|上面)[^，。,]{0,8}(关注|星标|置顶|蓝字|名片|公众号|订阅)"
                r"|点(个|一下)[“\"「『]?在看|点[“\"「『]在看|设为星标|星标(我们|本号|公众号)|置顶公众号"
                r"|^\s*(欢迎|请|记得|别忘了|顺手|随手)?(把|将)?(本文|文章|这篇文章)?(分享|转发)(给|到)(更多|身边的?|你的|需要的)?的?(朋友|好友|朋友圈)(?=$|[，。！!～~、吧哦呀们]|\s)"
                r"|^\s*(如果)?(你)?觉得(本文|文章|这篇文章|内容)?(有用|不错|好看|有收获|有帮助|有启发)\s*[，,]"
                r"|^\s*(顺手|随手|记得|别忘了|动动手指)(给我们|帮忙)?(点赞|点个|在看|分享|转发|关注|星标)"), "a WeChat prompt",
     ("点击", "在看", "星标", "置顶", "分享", "转发", "觉得", "顺手", "随手", "记得", "别忘了", "动动手指")),
    (lazy_re(r"^\s*(编辑|责编|审核|校对|编审)\s*[:：]\s*\S{1,12}\s+(编辑|责编|审核|校对|编审)\s*[:：]"), "an editor credit line",
     ("编辑", "责编", "审核", "校对", "编审")),
]
# Prompts are short lines: a longer line that starts with 分享给朋友 or 觉得有用 is a sentence.
_SHORT = {i: 50 for i, (_p, what, _n) in enumerate(BOILERPLATE) if what == "a WeChat prompt"}
# needle → the patterns to try when a line holds it (also those of the needles inside it: 转载自 holds 转载).
_BOILERPLATE_BY_NEEDLE = {
    n: [i for i, (_p, _w, needles) in enumerate(BOILERPLATE) if any(m in n for m in needles)]
    for _p, _w, needles in BOILERPLATE for n in needles
}
_BOILERPLATE_NEEDLES = lazy_re("|".join(map(re.escape, sorted(_BOILERPLATE_BY_NEEDLE, key=len, reverse=True))))

# Breadcrumbs: 首页 > 科技 > 人工智能, 当前位置：首页 › 新闻 › 正文.
CRUMB_SEPARATORS = ">›»＞"
CRUMB_SPLIT = lazy_re(r"\s*[>›»＞]\s*")
CRUMB_PLACE = lazy_re(r"^\s*(当前位置|您的位置|你的位置|你现在的位置|您现在的位置|所在位置|位置)\s*[:：]\s*")
CRUMB_SEGMENT = lazy_re(r"[^。，！？；,;!?：:“”\"]{1,20}")
CRUMB_HOME = frozenset(("首页", "主页", "网站首页", "返回首页", "home", "首页新闻"))
# Toolbars: a line of only UI words (分享 留言 收藏 列印 字级设定), words perhaps joined and counted.
TOOLBAR_WORD = ("分享|收藏|评论|留言|打印|列印|字号|字级|字体|设定|设置|点赞|赞|转发|举报|复制链接|复制连结|复制|链接|连结|"
                "微信|微博|朋友圈|QQ空间|QQ|Facebook|Twitter|LINE|Line|WhatsApp|Telegram|Threads|LinkedIn|Email|"
                "X|电邮|推特|脸书|回到顶部|返回顶部|返回|更多|"
                "关注|订阅|推荐|喜欢|在看|放大|缩小|打赏|纠错|收起|展开|全文|阅读模式|书签|朗读|听新闻|邮件|分享至|分享到|"
                "转寄|回应|检举|加入书签")
TOOLBAR_TOKEN = lazy_re(f"(?:(?:{TOOLBAR_WORD})[:：]?)+(?:[大中小]+|[(（]?\\d+[)）]?)?|[大中小]|A[+-]|[(（]?\\d+[)）]?")
TOOLBAR_SPLIT = lazy_re(r"[\s|｜/·・•]+")
TOOLBAR_EXTRA = lazy_re(r"[大中小]|A[+-]|[(（]?\d+[)）]?")  # font sizes and counts: not actions


def _is_breadcrumb(line: str) -> bool:
    """A whole line of short segments between '>' or '›' separators that starts at a home page or
    a 当前位置 label, or ends at 正文; or a path with typographic chevrons (› ») only."""
    if not any(c in line for c in CRUMB_SEPARATORS):
        return False
    place = CRUMB_PLACE.match(line)
    body = line[place.end():] if place else line
    segments = [s.strip() for s in CRUMB_SPLIT.split(body.strip())]
    if len(segments) < 2 or not all(CRUMB_SEGMENT.fullmatch(s) for s in segments):
        return False  # a comparison (性能提升 > 30%, 其中 A > B，…) has a sentence around it
    if place or segments[0].lower() in CRUMB_HOME or segments[-1] == "正文":
        return True
    return len(segments) >= 3 and not any(c in body for c in ">＞")  # 科技 › 人工智能 › 大模型


def _is_toolbar(line: str) -> bool:
    """A line of three or more UI words and nothing else, two of them actions (分享 收藏 评论)."""
    line = line.strip()
    if len(line) > 80 or not TOOLBAR_TOKEN.match(line):
        return False  # (cheap: most lines fail on their first character)
    tokens = [t for t in TOOLBAR_SPLIT.split(line) if t]
    if len(tokens) < 3:
        return False
    if not all(TOOLBAR_TOKEN.fullmatch(t) for t in tokens):
        return False
    return sum(not TOOLBAR_EXTRA.fullmatch(t) for t in tokens) >= 2


def _simplified_text(ctx: LintContext) -> str:
    """The whole document in Simplified (itself when it is Simplified), converted once."""
    if ctx.doc.script != "Hant":
        return ctx.doc.text

    def compute():
        from ..script import to_simplified

        return to_simplified(ctx.doc.text)

    return ctx.memo("A.simplified_text", compute)


def _simplified(ctx: LintContext, start: int, end: int) -> str:
    """text[start:end] (one line) in Simplified, for the word lists: a Traditional document is
    converted once, whole, and its lines looked up by their start."""
    text = ctx.doc.text
    if ctx.doc.script != "Hant":
        return text[start:end]

    def compute():
        converted = _simplified_text(ctx).split("\n")
        if len(converted) != text.count("\n") + 1:
            return None  # a conversion that moved line breaks: convert line by line
        return dict(zip((s for s, _e, _n in lines(text)), converted))

    by_start = ctx.memo("A.simplified_lines", compute)
    line = by_start.get(start) if by_start is not None else None
    if line is None:
        from ..script import to_simplified

        return to_simplified(text[start:end])
    return line.rstrip("\r")


# A site's section menu: 主页 ｜ 即时 ｜ 财经 ｜ 科技 ｜ 国际 (short words between bars, some of them sections).
MENU_SPLIT = lazy_re(r"\s*[|｜]\s*|[ \t\u3000]+")
MENU_WORDS = frozenset("首页 主页 即时 要闻 新闻 财经 科技 国际 国内 娱乐 体育 社会 评论 视频 图片 专题 房产 汽车 "
                       "时尚 健康 教育 文化 旅游 军事 生活 港闻 两岸 地产 股市 直播 热点 观点 数码".split())
# A related-articles list: short headline lines under such a heading, or in a run of arrow bullets
# (▸ …); round bullets (•) are also how articles list things, so they do not count.
BULLET = lazy_re(r"^\s*[▸►▶]\s*")
HEADLINE_MAX = 60


def _is_menu(line: str) -> bool:
    words = [w for w in MENU_SPLIT.split(line.strip()) if w]
    return (len(words) >= 4 and all(1 <= len(w) <= 4 for w in words)
            and sum(w in MENU_WORDS for w in words) >= 3)


def _is_headline(line: str) -> bool:
    """A short line that reads as a headline, not a sentence of the article."""
    body = line.strip()
    return 0 < len(body) <= HEADLINE_MAX and not body.endswith(("。", "：", ":", "，")) and "。" not in body


def check_boilerplate(ctx: LintContext):
    text = ctx.doc.text
    related = False  # inside the list of headlines under a related-articles heading
    rows = list(lines(text))
    for k, (start, end, nxt) in enumerate(rows):
        line = text[start:end]
        if not line.strip():
            related = False  # a blank line ends the list
            continue
        if len(line) > 160:
            related = False
            continue
        bullets = BULLET.match(line) and _is_headline(line) and any(
            0 <= j < len(rows) and j != k and BULLET.match(text[rows[j][0]:rows[j][1]]) for j in (k - 1, k + 1))
        if (related and _is_headline(line)) or bullets:
            yield ctx.finding(
                BOILERPLATE_LINE, start, nxt, "site boilerplate (a related-articles list), not article text; delete the line",
                suggestion="", applicability=Applicability.UNSAFE,
            )
            continue
        related = False
        simplified = _simplified(ctx, start, end)
        what = None
        needles = _BOILERPLATE_NEEDLES.findall(simplified)
        if needles:  # only the patterns whose needles the line holds, in order
            tried = sorted({i for n in needles for i in _BOILERPLATE_BY_NEEDLE[n]})
            what = next((BOILERPLATE[i][1] for i in tried
                         if len(line) <= _SHORT.get(i, 160) and BOILERPLATE[i][0].search(simplified)), None)
        if what is None and len(line) <= 80:
            if _is_breadcrumb(simplified):
                what = "a breadcrumb trail"
            elif _is_toolbar(simplified):
                what = "a share or print toolbar"
            elif _is_menu(simplified):
                what = "a section menu"
        related = what == RELATED
        if what is not None:
            yield ctx.finding(
                BOILERPLATE_LINE, start, nxt, f"site boilerplate ({what}), not article text; delete the line",
                suggestion="", applicability=Applicability.UNSAFE,
            )


# --- captions ----------------------------------------------------------------------------
# A bracketed caption, in one of four shapes:
#   a caption label with a source or a colon: (图片来源：Getty Images) （图源：Meta官网） (图片：…，由公司提供) (图/视觉中国)
#   a photographer's or provider's credit at the end: （新华社记者 张三 摄） （受访者供图） （视觉中国/图）
#   a generated image: (AI生成的图片) （图片由人工智能生成）
#   a caption word alone: （资料图） （示意图） （图文无关）
# A figure reference ((图1), 如图1所示), a gloss ((Getty Images), (图灵奖得主)) or a note on a
# tool ((图像生成模型), (拍摄于2019年)) is none of these.
_IMAGE = "图片|圖片|图像|圖像|照片|配图|配圖|题图|題圖|头图|頭圖|封面图|封面圖|摄影|攝影|图|圖"
_SOURCE = "来源|來源|源自|来自|來自|取自|源|由|说明|說明|提供|出处|出處|版权|版權|作者"
CAPTION = lazy_re(
    r"[(（【]\s*(?:"
    rf"(?:{_IMAGE})(?:(?:{_SOURCE})\s*[:：]?|\s*[:：/／])\s*[^()（）【】\n]{{1,40}}?"
    r"|[^()（）【】\n]{1,24}?(?:(?<!拍)(?:摄|攝)|供图|供圖|[/／](?:图|圖))"
    r"|(?:图片|圖片|图像|圖像|照片|本图|本圖)?[^()（）【】\n]{0,12}?生成的?(?:[^()（）【】\n]{0,4}?(?:图像|图片|图|照片|插图|圖像|圖片|圖|插圖))?"
    r"|(?:AI|网络|網路|网|資料|资料|示意|效果|概念|渲染)?(?:图片|圖片|图|圖)|截图|截圖|图文无关|圖文無關"
    r")\s*[)）】]"
)
_PICTURE = lazy_re("图|圖|照片|摄|攝")
# A caption on a line of its own, without brackets: 圖片來源：視覺中國, 图源：Meta官网, 摄影：张三.
# ... or glued to the end of a paragraph, after its last full stop: ……的大小。圖片來源：視覺中國
CAPTION_TAIL = lazy_re(rf"(?<=[。！？」”])(?:{_IMAGE})(?:{_SOURCE})\s*[:：]\s*[^。！？\n]{{1,24}}[ \t\u3000]*$", re.M)
CAPTION_LINE = lazy_re(rf"[ \t\u3000]*(?:{_IMAGE})(?:{_SOURCE})?\s*[:：/／]\s*[^。！？\n]{{1,30}}[ \t\u3000]*$", re.M)


PICTURE_WORDS = ("图", "圖", "照片", "摄", "攝")


def _captions(text: str):
    """CAPTION matches that hold a picture word. Each picture word is found with str.find and the
    bracket before it tried, instead of a regex pass over every bracket of the text."""
    openings = set()
    for word in PICTURE_WORDS:
        i = text.find(word)
        while i != -1:
            lo = max(0, i - 60)
            o = max(text.rfind("(", lo, i), text.rfind("（", lo, i), text.rfind("【", lo, i))
            if o != -1:
                openings.add(o)  # the nearest opening bracket: a caption holds no other bracket
            i = text.find(word, i + 1)
    for o in sorted(openings):
        m = CAPTION.match(text, o)
        if m is not None and _PICTURE.search(m.group(), 1):
            yield m  # (AI生成的) or (生成式AI) hold no image


def check_caption(ctx: LintContext):
    text = ctx.doc.text
    for m in _captions(text):
        yield _caption_finding(ctx, text, m)
    if "：" in text or ":" in text or "/" in text or "／" in text:
        for start, end, nxt in lines(text):
            if not any(w in text[start:end] for w in PICTURE_WORDS):
                continue
            m = CAPTION_LINE.match(text, start, end) if end - start <= 40 else None
            if m is not None and m.end() == end:
                yield ctx.finding(
                    CAPTION_RESIDUE, start, nxt, f"image caption '{text[start:end].strip()}' on a line of its own; "
                    "delete the line", suggestion="", applicability=Applicability.UNSAFE,
                )
                continue
            m = CAPTION_TAIL.search(text, max(start, end - 40), end)
            if m is not None:
                yield ctx.finding(
                    CAPTION_RESIDUE, m.start(), m.end(), f"image caption '{m.group().strip()}' glued to the end of the "
                    "paragraph; delete it", suggestion="", applicability=Applicability.UNSAFE,
                )


def _caption_finding(ctx: LintContext, text: str, m):
    """The finding for a bracketed caption, with the spaces around it."""
    start, end = m.span()
    # Swallow the spaces around it, so the sentence closes up when it is deleted.
    while start > 0 and text[start - 1] == " ":
        start -= 1
    while end < len(text) and text[end] == " ":
        end += 1
    return ctx.finding(
        CAPTION_RESIDUE, start, end,
        f"image caption '{m.group()}' left in the middle of the text; delete it",
        suggestion="", applicability=Applicability.UNSAFE,
    )


PINYIN_ANNOTATION = Rule(
    code="A003", name="pinyin-annotation", severity=Severity.WARNING,
    summary="A pinyin reading left in brackets after a character by a scraper (執(zhí)行官).",
    explanation=(
        "Some sites annotate characters with their reading; a scraper keeps the annotation as text.\n"
        "A bracketed syllable with a tone mark right after a character, that is a reading of that\n"
        "character (pypinyin, heteronyms included), is flagged; the fix drops it. A romanised gloss\n"
        "without tone marks (李(Li)) is not an annotation."
    ),
    example="首席執(zhí)行官 → 首席執行官", check=check_pinyin_annotation, needs_glossary=False, fix="safe",
)

SPAM = Rule(
    code="A004", name="spam-injection", severity=Severity.ERROR,
    summary="A line of spam or SEO injection (porn/gambling keywords, spider-pool keyword lists).",
    explanation=(
        "Scraped pages carry injected keyword lines. A line is spam when it has two distinct strong\n"
        "spam terms (国产精品, 蜘蛛池, 百家乐…), one strong and two weak ones (亚洲, 高清, 免费…), or a\n"
        "list of eight or more short '|'-separated keywords. An article that mentions 亚洲 or 成人 in\n"
        "passing is not spam."
    ),
    example="精品国产_亚洲人成在线高清,国产精品成人久久久久 → (line deleted)",
    check=check_spam, needs_glossary=False, fix="unsafe",
)

BOILERPLATE_LINE = Rule(
    code="A005", name="site-boilerplate", severity=Severity.WARNING,
    summary="A line of site boilerplate: comment forms, 公安备案, app-download and follow prompts, 本文来源 and reprint lines, disclaimers, copyright lines, breadcrumbs, share toolbars, 上一篇/下一篇 links, ad slots (【广告】).",
    explanation=(
        "Lines that belong to the web page, not the article: comment forms (发表回复, 邮箱地址不会被公开),\n"
        "registration lines (粤公网安备…号), app prompts (扫描二维码下载, 立即打开), source and navigation\n"
        "lines (本文来源:, 原标题:, 上一篇:, 热读文章), follow prompts (关注我们的微信公众号) and WeChat's\n"
        "(点击上方蓝字, 点个“在看”, 设为星标, 分享给朋友), editor credits (编辑:… 审核:…), disclaimers\n"
        "(免责声明:, 不代表本站立场), copyright lines (©, All rights reserved, a standalone 版权所有),\n"
        "reprint notices (转载请注明出处, 未经授权请勿转载, 本文系…原创), breadcrumb trails (首页 > 科技 >\n"
        "人工智能) and toolbars made only of UI words (分享 留言 收藏 列印 字级设定). Traditional text is\n"
        "checked after conversion. Sentences about copyright (版权所有人), comparisons (性能提升 > 30%)\n"
        "and ordinary uses of 关注 or 分享 are article text."
    ),
    example="粤公网安备 44011302004783号 → (line deleted)", check=check_boilerplate, needs_glossary=False, fix="unsafe",
)

CAPTION_RESIDUE = Rule(
    code="A006", name="caption-residue", severity=Severity.WARNING,
    summary="An image caption left in the running text ((AI生成图像), (图片来源:…), （图源：…）).",
    explanation=(
        "Captions of images that were not kept end up inside paragraphs as bracketed notes. Flagged, in\n"
        "round, full-width or 【】 brackets: a caption label with a source or a colon ((图片来源：Getty\n"
        "Images), （图源：Meta官网）, （图片：…，由公司提供）, (图/视觉中国)); a credit at the end\n"
        "(（记者 张三 摄）, （受访者供图）); a generated image ((AI生成的图片)); a caption word alone (（资料图）,\n"
        "（示意图）). Figure references ((图1), 如图1所示), glosses ((Getty Images)) and notes on a tool\n"
        "((图像生成模型)) are not captions."
    ),
    example="…重要任务。 (AI生成的图片) 然而… → …重要任务。然而…", check=check_caption, needs_glossary=False, fix="unsafe",
)
