"""A007–A010: formatting debris. Markdown residue, citation digits, duplicated lines, lost characters."""
from __future__ import annotations

import re
from bisect import bisect_right

from ..findings import Applicability, Severity
from .artefacts_scrape import spam_lines
from .base import LintContext, Rule
from .textutil import has_cjk, is_cjk, lazy_re, lines

# _强调_ or **强调**: CommonMark does not render emphasis glued to Chinese, so it is residue.
MARKDOWN = re.compile(r"(\*\*|__|_|\*)([^\s*_\n][^\n*_]{0,80}?)\1")
# A footnote number glued after Chinese or a closing quote, before the end of the sentence.
CITATION = re.compile(r"([0-9](?<![0-9][0-9])[0-9]?)(?=[。！？；]|$)", re.M)  # digit first: `re` skips ahead to it
CLOSERS = frozenset("”」』)）")
# A number right after these is a value, not a footnote: 为1。 第1。 三比1。 见图1。
NUMERIC_CONTEXT = set("为是了到第共约达至增降涨跌占比率值数号期版代级排"
                      "图圖表例式章节節页頁条條款项項卷册冊集部届屆次层層楼樓季周週组組段列栏欄区區场場局轮輪关關"
                      # a comparison, an operation or a conjunction takes a number after it (大于2。 乘以2。 1和2。)
                      "于於以有和与與或及设設乘除剩余餘仅僅只逾超")
# A verb of setting or changing + 成 takes a value (设成2；, 改成3。); other 成 words end a clause (完成1。).
NUMERIC_PAIRS = frozenset("设成 設成 改成 变成 變成 分成 调成 調成 换成 換成 写成 寫成 拆成 切成 降成 升成 缩成 縮成 "
                          "折成 定成 配成 填成 算成 记成 記成 扩成 擴成 翻成 缩减成 提高成".split())
# A bracketed footnote mark left by a scraper (Wikipedia, Baidu Baike): 领先[2][3]。
BRACKET_CITATION = re.compile(r"\[[0-9]{1,3}\]")
LOST_LINE = re.compile(r"^[?？\s]+$")
# Mojibake: 锟斤拷 is U+FFFD written in UTF-8 and read as GBK; â€™, Ã© and ï»¿ are UTF-8 read as
# Windows-1252. The characters 鈥, 锛 and 銆 (UTF-8 quotes and punctuation read as GBK) are all but
# unused in real text: two on a line mark it.
MOJIBAKE_LATIN = re.compile("(?:锟斤拷)+|â€.|Ã[\u0080-\u00bf]|ï»¿")
GBK_SIGNS = "鈥锛銆"
# UTF-8 Chinese read as GBK or Big5 turns each character's first two bytes into one character: the
# commonest characters and punctuation become a small set of rare ones (的 → 鐨, 是 → 鏄, ， → 锛).
# Two of them on a line make it a candidate; decoding the line back (GBK or Big5 bytes read as UTF-8)
# decides: mojibake comes back as clean Chinese, real text as garbage.
COMMON = ("的一是不了在人有我他这个们中来上大为和国地到以说时要就出会可也你对生能而子那得于着下自之年过发后作里"
          "用道行所然家种事成方多经么去法学如都同现当没动面起看定天分还进好小部其些主样理心她本前开但因只从想"
          "实日者意无力它与长把机十民第公此已工使情明性知全三又关点正业外将两高间由问很最重并物手应战向头文体"
          "政美相见被利什二等产或新己制身果加西斯月话合回特代内信表化老给世位次度门任常先海通教儿原东声提立及"
          "比员解水名真论处走义各入几口认条平系气题活尔更别打女变四神总何电数安少报才结反受目太量再感建务做接"
          "必场件计管期市直德资命山金指克许统区保至队形社便空决治展马科司五基眼书非则听白却界达光放强即像难且"
          "权思王象完设式色路记南品住告类求据程北边死张该交规万取拉格望觉术领共确传师观清今切院让识候带导争运"
          "笑飞风步改收根干造言联持组每济车亲极林服快办议往元英士证近失转夫令准布始怎存未远叫台单影具罗字爱击"
          "流备兵连调深商算质团集百需价花党华城石级整府离况亚请技际约示复病息究线似官火断精满支视消越器容照须"
          "這個們國來為說時會對於過發後裡們開種經麼現當動還進樣體與長機處問們員論義兩點業間應戰頭無實從學"
          "，。、：；！？“”（）《》")
# Signs that are also ordinary characters (區塊鏈, 老闆, 火鍋, 鑰匙, names such as 璇, 璐, 韬): left out,
# so that real text does not send its lines to the decoding test. A mojibake line has other signs.
REAL_CHARACTERS = "鏈闆鍋鑰闇靚鍍璇璐瑾琛韬娴绮"
RECOVERED_OK = lazy_re("[\u2010-\u206f\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uff01-\uffef]")


# What the commonest Chinese characters turn into when UTF-8 is read as GBK or Big5 (the first
# two bytes of each, decoded), less a few real characters: worked out by `mojibake_signs_from_scratch`
# and written here, as computing it cost a commit hook 5–9 ms (a test checks the two agree).
MOJIBAKE_SIGNS = "嚗妤妯姗姘姝姣姹娆娉娌娑娓娣娲婊宸寤寮寰憌憒憟憪憭憯憸憿搴摨摮摰撅撌撖撘撟撠撣撱撽擃敶敹敺暺暻杈杞杩棰椋椤椹楂楹榛浜浠浣浼涓涔淇渚澶澹濂濡濮瀛瀵瀹灏灞琚瑁瑕瑗瑙瑷璁璅璆璈璋璜璞璧璺瓒甇甈甯瘙瘚瘛瘜瘝瘞瘣瘥瘨皛皜纭绀绁绂绉绋绌绔绗绛绠绫绯绾缁缃缇缍蝎蝏蝐蝑蝔蝖蝘蝚蝛蝞蝟蝡蝢蝥蝬蝳蝵蝷蟡褰蹇鈥鈭銆銋銝銵鋆鋡鍊鍎鍏鍐鍑鍒鍓鍔鍕鍖鍗鍘鍙鍚鍛鍜鍝鍟鍣鍥鍦鍩鎬鎭鎯鎰鎳鎴鎵鎶鎷鎸鎹鎺鎻鏀鏁鏂鏃鏄鏅鏇鏉鏋鏍鐏鐐鐒鐓鐖鐗鐜鐝鐞鐢鐣鐥鐧鐨鐩鐪鐫鐭鑱鑳鑷鑸鑹鑺鑻铏锛镼閫閬閭閮閲闀闁闂闃闄闅闈闋隞隡隢隤雿霂霈靘靽鞊韏韐頝頞頧頨颲餈骞"
_SIGNS = lazy_re(f"[{MOJIBAKE_SIGNS}]")


def _mojibake_signs():
    """A regex for the characters the commonest Chinese turns into when read as GBK or Big5."""
    return _SIGNS


def mojibake_signs_from_scratch() -> str:
    signs = set(GBK_SIGNS)
    for ch in COMMON:
        lead = ch.encode("utf-8")[:2]
        for encoding in ("gbk", "big5"):
            s = lead.decode(encoding, "ignore")
            if len(s) == 1 and ord(s) > 0x2e7f:
                signs.add(s)
    return "".join(sorted(signs - set(REAL_CHARACTERS)))


def _recover(line: str) -> tuple[str, str] | None:
    """(encoding, text) when `line` is UTF-8 read as GBK or Big5 and comes back as clean Chinese."""
    for encoding in ("gbk", "big5"):
        back = line.encode(encoding, "replace").decode("utf-8", "replace")
        good = len(RECOVERED_OK.findall(back))
        if good >= 4 and good >= 2 * back.count("\ufffd"):
            return encoding.upper(), back
    return None


def damaged_lines(ctx: LintContext) -> list[tuple[int, int]]:
    """(start, end) of every line that is mostly encoding damage: only '?', mostly U+FFFD or 锟斤拷,
    or mojibake (UTF-8 read as GBK or Big5). Computed once per document; A010 reports each such line
    once, and other rules can skip them (their characters are not the author's)."""
    return ctx.memo("A010.damaged_lines", lambda: [(start, end) for start, end, _why in _damaged(ctx)])


def _damaged(ctx: LintContext) -> list[tuple[int, int, str]]:
    def compute():
        text = ctx.doc.text
        found: dict[int, tuple[int, int, str]] = {}
        if "?" in text or "？" in text:
            for start, end in _lines_with(text, "?", "？"):  # only the lines with a question mark
                line = text[start:end]
                if LOST_LINE.match(line):
                    found[start] = (start, end, "a line of only '?': characters were lost in an encoding conversion (a separator or symbol)")
        if "\ufffd" in text or "锟斤拷" in text:
            for start, end in _lines_with(text, "\ufffd", "锟斤拷"):
                line = text[start:end]
                damage = line.count("\ufffd") + 3 * line.count("锟斤拷") + line.count("?") + line.count("？")
                if damage * 2 >= len(line) - line.count(" ") - line.count("\u3000") - line.count("\t"):
                    found.setdefault(start, (start, end, "this line is mostly U+FFFD replacement characters: its text was lost in an encoding conversion"))
        signs = _mojibake_signs()
        if signs.search(text):
            for start, end in _lines_with(text, signs):
                if start in found:
                    continue
                line = text[start:end]
                if len(signs.findall(line)) < 2:
                    continue
                recovered = _recover(line)
                if recovered is not None:
                    encoding, back = recovered
                    shown = back if len(back) <= 30 else back[:30] + "…"
                    found[start] = (start, end, f"mojibake: this line is UTF-8 text read as {encoding}; it reads '{shown}'")
                elif sum(line.count(c) for c in GBK_SIGNS) >= 2:
                    found[start] = (start, end, "mojibake: this line is UTF-8 text read as GBK (鈥, 锛 and 銆 stand for quotes and punctuation)")
        return sorted(found.values())

    return ctx.memo("A010.damaged", compute)


def _lines_with(text: str, *needles) -> list[tuple[int, int]]:
    """(start, end) of every line holding one of `needles` (strings, or a compiled regex). Each needle
    is searched again only once the lines before its last hit are done: no pass over the rest of the
    text per line."""
    n = len(text)

    def find(x, pos: int) -> int:
        if isinstance(x, str):
            i = text.find(x, pos)
        else:
            m = x.search(text, pos)
            i = m.start() if m else -1
        return n if i == -1 else i

    nexts = [find(x, 0) for x in needles]
    out, pos = [], 0
    while True:
        i = min(nexts)
        if i >= n:
            return out
        start = text.rfind("\n", 0, i) + 1
        nl = text.find("\n", i)
        end = n if nl == -1 else (nl - 1 if nl > start and text[nl - 1] == "\r" else nl)
        out.append((start, end))
        pos = n if nl == -1 else nl + 1
        nexts = [h if h >= pos else find(x, pos) for h, x in zip(nexts, needles)]


# A heading or list mark opening a line of Chinese text: ## 标题, * 要点, ## Meta发布新模型.
BLOCK_MARK = re.compile(r"^[ \t]{0,3}(#{1,6}|[*+])[ \t]+(?=\S[^\n]*[\u4e00-\u9fff\u3400-\u4dbf])", re.M)


def check_markdown(ctx: LintContext):
    text = ctx.doc.text
    markdown = ctx.doc.path.lower().endswith((".md", ".markdown"))
    if not markdown and ("#" in text or "*" in text or "+" in text):
        # In a plain-text article a heading or list mark is markdown the export left behind.
        for m in BLOCK_MARK.finditer(text):
            mark = m.group(1)
            kind = "heading" if mark[0] == "#" else "list"
            yield ctx.finding(
                MARKDOWN_RESIDUE, m.start(), m.end(), f"markdown {kind} mark '{mark}' left in a plain-text article; delete it",
                suggestion="", applicability=Applicability.SAFE,
            )
    spam = spam_lines(ctx)
    for m in MARKDOWN.finditer(text):
        marker, inner = m.group(1), m.group(2)
        start, end = m.span()
        if any(s <= start < e for s, _end, e, _why in spam):
            continue  # inside a spam line: A004 deletes the whole line
        before = text[start - 1] if start else " "
        after = text[end] if end < len(text) else " "
        if before == marker[0] or after == marker[0]:
            continue  # part of a longer run (____ or ***): a rule or a blank to fill in, not emphasis
        if marker[0] == "_" and _word_char(before) and _word_char(after):
            continue  # underscores inside identifiers on both sides (snake_case，例如max_tokens)
        if not (has_cjk(inner) or is_cjk(before) or is_cjk(after)):
            continue  # snake_case_name, __init__, 2 * 3 * 4: no Chinese involved
        if markdown and not _glued(text, start, end):
            continue  # real emphasis in a markdown file
        yield ctx.finding(
            MARKDOWN_RESIDUE, start, end, f"markdown emphasis '{marker}…{marker}' left in the text; keep '{inner}'",
            suggestion=inner, applicability=Applicability.SAFE,
        )


def _word_char(ch: str) -> bool:
    return ch.isascii() and (ch.isalnum() or ch == "_")


def _glued(text: str, start: int, end: int) -> bool:
    """Emphasis markers with a CJK character on the outside: CommonMark renders them literally."""
    before = text[start - 1] if start else " "
    after = text[end] if end < len(text) else " "
    return not before.isspace() or not after.isspace()


def check_citation(ctx: LintContext):
    text = ctx.doc.text
    for m in CITATION.finditer(text):
        start, end = m.span(1)
        if not start or not (is_cjk(text[start - 1]) or text[start - 1] in CLOSERS):
            continue  # footnotes follow Chinese or a closing quote
        if text[start - 1] in NUMERIC_CONTEXT or text[start - 2:start] in NUMERIC_PAIRS:
            continue  # 比例为1。, 设成2； — a value, not a footnote
        yield ctx.finding(
            CITATION_MARKER, start, end, f"citation number '{m.group(1)}' glued to the sentence; delete it",
            suggestion="", applicability=Applicability.UNSAFE,
        )
    if "[" not in text:
        return
    marks = {}  # end → start of every [n], to tell a chain [2][3] from a markdown link [text][1]
    for m in BRACKET_CITATION.finditer(text):
        start, end = m.span()
        marks[end] = start
        before = text[start - 1] if start else ""
        if before == "]" and start not in marks:
            continue  # [官方博客][1]: a markdown reference link
        if not before or not (is_cjk(before) or before in CLOSERS or before in "。，、；：！？]" or _names_before(text, start, end)):
            continue  # a footnote mark follows Chinese text, another mark, or a name ending a clause
        if before in NUMERIC_CONTEXT:
            continue  # 返回值为[1], 第[3]章: a value
        yield ctx.finding(
            CITATION_MARKER, start, end, f"footnote mark '{m.group()}' left in the text; delete it",
            suggestion="", applicability=Applicability.UNSAFE,
        )


# A Latin word of two or more letters with a capital in it (Meta, OpenAI, iPhone), ending at the mark.
NAME_BEFORE = re.compile(r"(?<![A-Za-z0-9_.])(?=[a-z]*[A-Z])[A-Za-z]{2,}$")
MARK_AFTER = "。，、；：！？,.;:!?)）”」\n\r["


def _names_before(text: str, start: int, end: int) -> bool:
    """A mark after a Latin word: a footnote when the word is a name (Meta[2]。, OpenAI[1]，) and the
    mark closes the clause; an index when the word is code (a[1], sys.argv[1], X[1], Matrix[1]的值)."""
    if not ("A" <= text[start - 1] <= "Z" or "a" <= text[start - 1] <= "z"):
        return False
    if end < len(text) and text[end] not in MARK_AFTER:
        return False  # Matrix[1]的值: the mark does not close a clause
    m = NAME_BEFORE.search(text, max(0, start - 40), start)
    if m is None:
        return False
    return not (m.start() and text[m.start() - 1] in "为為是于於成")  # 返回值为True[1]: a value


def check_duplicate_line(ctx: LintContext):
    text = ctx.doc.text
    seen: dict[str, int] = {}
    for start, end, nxt in lines(text):
        line = text[start:end].strip()
        if len(line) < 6:
            continue
        if line in seen:
            first = ctx.doc.position(seen[line])[0]
            yield ctx.finding(
                DUPLICATE_LINE, start, nxt, f"this line repeats line {first} word for word; delete the copy",
                suggestion="", applicability=Applicability.UNSAFE,
            )
        else:
            seen[line] = start


def check_lost_characters(ctx: LintContext):
    text = ctx.doc.text
    damaged = _damaged(ctx)
    for start, end, why in damaged:
        yield ctx.finding(LOST_CHARACTERS, start, end, why)
    latin_mojibake = "锟斤拷" in text or "â€" in text or "Ã" in text or "ï»¿" in text  # str search: fast
    if not latin_mojibake and "\ufffd" not in text:
        return
    starts = [s for s, _e, _w in damaged]

    def in_damaged(i: int) -> bool:
        k = bisect_right(starts, i) - 1
        return k >= 0 and i < damaged[k][1]

    for m in MOJIBAKE_LATIN.finditer(text) if latin_mojibake else ():
        if not in_damaged(m.start()):
            yield ctx.finding(LOST_CHARACTERS, m.start(), m.end(),
                              f"mojibake '{m.group()}': text was decoded with the wrong encoding (UTF-8 read as GBK or Windows-1252)")
    i = text.find("\ufffd")
    while i != -1:
        j = i
        while j < len(text) and text[j] == "\ufffd":
            j += 1
        if not in_damaged(i):  # a damaged line is reported once, whole
            yield ctx.finding(LOST_CHARACTERS, i, j, "U+FFFD replacement character: text was lost in an encoding conversion")
        i = text.find("\ufffd", j)


MARKDOWN_RESIDUE = Rule(
    code="A007", name="markdown-residue", severity=Severity.WARNING,
    summary="Markdown emphasis markers left in the text (_143亿美元_, **重点**), and heading or list marks in a plain-text file (## 标题).",
    explanation=(
        "Text copied from a markdown source keeps its emphasis markers. Underscores or asterisks around\n"
        "a span containing Chinese are flagged; in a .md file only when they are glued to the\n"
        "surrounding text, where CommonMark would not render them. The fix keeps the words. In a file\n"
        "that is not Markdown, a heading mark (#…######) or a list mark (* or +) opening a line before\n"
        "Chinese is flagged too, and the fix deletes the mark (#话题# and - are not such marks)."
    ),
    example="斥资_143亿美元_巨资 → 斥资143亿美元巨资", check=check_markdown, needs_glossary=False, fix="safe",
)

CITATION_MARKER = Rule(
    code="A008", name="citation-marker", severity=Severity.WARNING,
    summary="A footnote number glued to the end of a sentence (行动1。), or a bracketed footnote mark ([1]).",
    explanation=(
        "Articles rewritten from sources with numbered references keep the numbers. One or two digits\n"
        "right after Chinese or a closing quote and right before 。！？； or the end of a line are\n"
        "flagged, unless the words before them make the digits a value (为1。, 第1。, 见图1。, 大于1。,\n"
        "设成2；, 1和2。). So are bracketed marks such as [1] right after Chinese or punctuation, as scraped\n"
        "from wikis, or after a name that ends a clause (投奔Meta[2]。); an index in code (a[1],\n"
        "sys.argv[1], Matrix[1]的值) is not a footnote."
    ),
    example="“挖角”行动1。 → “挖角”行动。", check=check_citation, needs_glossary=False, fix="unsafe",
)

DUPLICATE_LINE = Rule(
    code="A009", name="duplicate-line", severity=Severity.WARNING,
    summary="A line that repeats an earlier line word for word (a duplicated title).",
    explanation=(
        "Scrapers and copy-paste duplicate titles and profile cards. A line of six or more characters\n"
        "that equals an earlier one is flagged; deleting it is offered as an unsafe fix."
    ),
    example="标题\\n\\n标题\\n正文 → 标题\\n\\n正文", check=check_duplicate_line, needs_glossary=False, fix="unsafe",
)

LOST_CHARACTERS = Rule(
    code="A010", name="encoding-loss", severity=Severity.WARNING,
    summary="Characters lost in an encoding conversion: lines of only '?', U+FFFD, mojibake (锟斤拷, â€™, 鈥).",
    explanation=(
        "A character the target encoding could not hold becomes '?' or U+FFFD. A line that is only\n"
        "question marks (a separator such as ◆ that was lost) or mostly U+FFFD is flagged once, whole;\n"
        "a U+FFFD inside an otherwise good line is flagged where it stands. So is text decoded with the\n"
        "wrong encoding: 锟斤拷 (U+FFFD in UTF-8 read as GBK), â€™ and Ã© (UTF-8 read as Windows-1252),\n"
        "and whole lines of UTF-8 Chinese read as GBK or Big5 (鍘熸爣棰橈細…): a line with two or more of\n"
        "the characters common Chinese turns into is decoded back, and flagged when it comes back as\n"
        "clean Chinese (the message shows what it reads). The lost text cannot be recovered automatically."
    ),
    example="?", check=check_lost_characters, needs_glossary=False, fix="none",
)
