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
STRONG_SPAM = re.compile(
    "国产精品|精品国产|久久久|在线观看|在线高清|偷拍|自拍|无码|有码|中文字幕|人成|成人影|色情|"
    "蜘蛛池|站群|黑帽|友情链接|百家乐|娱乐城|时时彩|六合彩|博彩|赌场|赌博|棋牌游戏|彩票|彩金|开奖|投注|下注|"
    "真人荷官|首存|威尼斯人|葡京|福利视频|一级毛片|欧美日韩|亚洲AV|av在线"
)
WEAK_SPAM = re.compile("亚洲|成人|高清|免费|视频|精品|国语|日韩|欧美|主站|模板|在线|网址|下载|官网|注册|直播|比分|娱乐|澳门")
LIST_ITEM = re.compile(r"[^|｜\s]{1,8}\s*[|｜]")


def spam_lines(ctx: LintContext) -> list[tuple[int, int, int, str]]:
    """(start, end, next line start, why) of every spam line, computed once per document."""

    def compute():
        text = ctx.doc.text
        out = []
        bars = "|" in text or "｜" in text
        if not bars and not STRONG_SPAM.search(_simplified_text(ctx)):
            return out  # every spam line has a strong spam word or a '|'-separated list
        for start, end, nxt in lines(text):
            line = text[start:end]
            if not line.strip():
                continue
            simplified = _simplified(ctx, start, end)
            strong = {m.group() for m in STRONG_SPAM.finditer(simplified)}
            weak = {m.group() for m in WEAK_SPAM.finditer(simplified)}
            items = len(LIST_ITEM.findall(line)) if ("|" in line or "｜" in line) else 0
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
BOILERPLATE = [
    (re.compile(r"^\s*(发表回复|发表评论|取消回复|提交评论|评论列表|网友评论)\s*$"), "a comment form"),
    (re.compile(r"(电子)?(邮箱|邮件)(地址)?不会被公开|必填(项|栏位|字段).{0,6}(标注|标示|标记)"), "a comment form"),
    (re.compile(r"公网安备\s*\d{6,}号|ICP备\s*\d+号|ICP证\s*\d+号"), "a site registration (备案) line"),
    (re.compile(r"扫描?二维码(下载|关注)|扫码下载|下载.{0,8}APP|^\s*(立即打开|打开APP|打开App)\s*$"), "an app-download prompt"),
    (re.compile(r"^\s*(本文来源|文章来源|原文链接|责任编辑)\s*[:：]"), "a source line"),
    (re.compile(r"^\s*(热读文章|热门视频|相关阅读|推荐阅读|热门推荐|猜你喜欢|延伸阅读)\s*$"), "a site navigation heading"),
    (re.compile(r"未经(授权|许可).{0,10}(不得|禁止)转载|版权所有.{0,20}(保留|禁止)"), "a copyright notice"),
    (re.compile(r"点击(查看|阅读)原文|^\s*分享到\s*[:：]|^\s*阅读原文\s*$"), "a share or read-more prompt"),
    (re.compile(r"^\s*(免责声明|版权声明|特别声明)\s*[:：]|如有侵权.{0,6}(联系|删除)|不代表本(站|网|平台|号)的?(立场|观点)"
                r"|^\s*(本文|文章|以上)?(内容)?仅代表作者(本人|个人)?(的)?观点"), "a disclaimer"),
    (re.compile(r"^\s*(文章|本文)?转载自\s*[:：]|^\s*(原标题|原文标题)\s*[:：]"), "a reprint line"),
    (re.compile(r"^\s*(上一篇|下一篇)(文章)?\s*[:：]"), "a site navigation link"),
    (re.compile(r"^\s*(点击|长按|扫码)?关注我们|^\s*点击关注|^\s*(欢迎|请|敬请)?关注.{0,8}公众号|长按(识别)?二维码"),
     "a follow prompt"),
    (re.compile(r"^\s*(编辑|责编|审核|校对|编审)\s*[:：]\s*\S{1,12}\s+(编辑|责编|审核|校对|编审)\s*[:：]"), "an editor credit line"),
]


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


def check_boilerplate(ctx: LintContext):
    text = ctx.doc.text
    for start, end, nxt in lines(text):
        line = text[start:end]
        if not line.strip() or len(line) > 160:
            continue
        simplified = _simplified(ctx, start, end)
        for pattern, what in BOILERPLATE:
            if pattern.search(simplified):
                yield ctx.finding(
                    BOILERPLATE_LINE, start, nxt, f"site boilerplate ({what}), not article text; delete the line",
                    suggestion="", applicability=Applicability.UNSAFE,
                )
                break


# --- captions ----------------------------------------------------------------------------
CAPTION = lazy_re(
    r"[(（]\s*(?:AI|人工智能|图|圖)?[^()（）\n]{0,8}?(?:生成的?|来源|來源|摄|攝)[^()（）\n]{0,6}?(?:图像|图片|图|照片|圖像|圖片|圖)?\s*[)）]"
)


def check_caption(ctx: LintContext):
    text = ctx.doc.text
    if not any(w in text for w in ("图", "圖", "照片", "摄", "攝")):
        return
    for m in CAPTION.finditer(text):
        inner = m.group()[1:-1]
        if not re.search("图|圖|照片|摄|攝", inner):
            continue
        start, end = m.span()
        # Swallow the spaces around it, so the sentence closes up when it is deleted.
        while start > 0 and text[start - 1] == " ":
            start -= 1
        while end < len(text) and text[end] == " ":
            end += 1
        yield ctx.finding(
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
    summary="A line of site boilerplate: comment forms, 公安备案, app-download and follow prompts, 本文来源 and reprint lines, disclaimers, 上一篇/下一篇 links.",
    explanation=(
        "Lines that belong to the web page, not the article: comment forms (发表回复, 邮箱地址不会被公开),\n"
        "registration lines (粤公网安备…号), app prompts (扫描二维码下载, 立即打开), source and navigation\n"
        "lines (本文来源:, 原标题:, 上一篇:, 热读文章), follow prompts (关注我们的微信公众号), editor credits\n"
        "(编辑:… 审核:…), disclaimers (免责声明:, 不代表本站立场) and copyright notices. Traditional text is\n"
        "checked after conversion."
    ),
    example="粤公网安备 44011302004783号 → (line deleted)", check=check_boilerplate, needs_glossary=False, fix="unsafe",
)

CAPTION_RESIDUE = Rule(
    code="A006", name="caption-residue", severity=Severity.WARNING,
    summary="An image caption left in the running text ((AI生成图像), (图片来源:…)).",
    explanation=(
        "Captions of images that were not kept end up inside paragraphs as bracketed notes. A short\n"
        "bracket that speaks of an image being generated, sourced or photographed is flagged."
    ),
    example="…重要任务。 (AI生成的图片) 然而… → …重要任务。然而…", check=check_caption, needs_glossary=False, fix="unsafe",
)
