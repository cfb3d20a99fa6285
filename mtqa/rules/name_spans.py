"""Where names stand in Chinese text: the candidate spans the sound-alike rules look at.

Pinyin is computed only for these short spans, never for the whole text:
- dotted names (名·姓) and their parts;
- the Chinese right before a bracketed Latin name (杨立昆(Yann LeCun));
- the characters right after a title (首席科学家杨立坤, CEO 王涛) or right before a speech
  verb or honorific (王涛表示, 王涛先生).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..normalize import DOT
from .textutil import CJK

TITLES = (
    "先生 女士 博士 教授 科学家 研究员 分析师 发言人 负责人 主管 总裁 总监 经理 主席 董事长 创始人 合伙人 "
    "首席执行官 首席技术官 首席产品官 首席运营官 首席财务官 首席营收官 首席AI官 首席人工智能官 执行官 "
    "CEO CTO CFO COO CPO 记者 作者 总统 部长 议员 参议员 院长 主任 工程师 高管 导师 创办人 "
    "發言人 負責人 總裁 總監 經理 董事長 創始人 合夥人 首席執行官 首席技術官 執行長 技術長 記者 總統 議員 參議員 "
    "工程師 高管 導師 創辦人 研究員 分析師 科學家"
).split()
CUES_AFTER = (
    "表示 说 说道 称 认为 指出 透露 回忆 强调 写道 补充 解释 坦言 承认 宣布 警告 先生 女士 教授 博士 "
    "领导 带领 主导 负责 创立 创办 离开 加入 "
    "說 說道 稱 認為 回憶 強調 寫道 補充 解釋 承認 宣佈 領導 帶領 負責 創立 創辦 離開"
).split()
ADVERBS = "又|也|还|則|则|就|都|曾|已|再|随后|隨後|后来|後來"

_titles = "|".join(sorted(map(re.escape, TITLES), key=len, reverse=True))
_cues = "|".join(sorted(map(re.escape, CUES_AFTER), key=len, reverse=True))
AFTER_TITLE = re.compile(f"(?:{_titles})\\s?([{CJK}]{{2,6}})")
BEFORE_CUE = re.compile(f"([{CJK}]{{2,8}}?)(?=(?:{ADVERBS})?(?:{_cues}))")
DOTTED = re.compile(f"[{CJK}]{{1,8}}(?:{DOT}[{CJK}\\-]{{1,10}})+")
GLOSSED = re.compile(f"([{CJK}{DOT}]{{2,12}})\\s*[(（]\\s*([A-Za-z][A-Za-z.'’\\- ]{{1,40}}?)\\s*[,，)）]")  # folded: lower case


def candidate_groups(folded: str) -> list[list[tuple[int, int]]]:
    """Groups of alternative (start, end) spans where one name may stand, longest first.

    A rule takes the first span of a group that names something and moves to the next group.
    """
    groups = []
    for m in AFTER_TITLE.finditer(folded):  # the name begins right after the title
        s, e = m.span(1)
        groups.append([(s, s + n) for n in range(e - s, 1, -1)])
    for rx in (BEFORE_CUE, GLOSSED):  # the name ends right before the cue or the bracket
        for m in rx.finditer(folded):
            s, e = m.span(1)
            groups.append([(e - n, e) for n in range(e - s, 1, -1)])
    for m in DOTTED.finditer(folded):
        parts = m.group().split(DOT)
        first_end = m.start() + len(parts[0])
        last_start = m.end() - len(parts[-1])
        given = range(min(len(parts[0]), 6), 0, -1)
        surname = range(min(len(parts[-1]), 8), 0, -1)
        full = [(first_end - g, last_start + n) for g in given for n in surname]
        full.sort(key=lambda se: se[0] - se[1])
        groups.append(full)
        groups.append([(last_start, last_start + n) for n in surname if n >= 2])
    return groups


def glossed_pairs(folded: str):
    """(start, end, latin) of Chinese names glossed by a Latin name in brackets."""
    for m in GLOSSED.finditer(folded):
        zh = m.group(1)
        if DOT in zh or len(zh) <= 8:
            yield m.start(1), m.end(1), m.group(2).strip().lower()


# Where a name ends in running text: the commonest function words, verbs of saying and
# particles, which transliterations avoid (阿莫代又说 → 阿莫代, 史密斯认为 → 史密斯).
STOP = frozenset(
    "的了在是和与及说称表认也又都就还将被把对从向而但并等着过这那他她它们我你其之为以于所如因由已会能要不没很"
    "更最每各该此指透回强写补解坦承宣警曾即则却再才只并且或及跟同给让令使于在至到自从在于年月日时后前中上下里"
    "說稱與這們為對從將還會過認寫補解強該時後裡"
)


def leading_name(part: str, max_len: int = 8) -> str:
    """The start of `part` up to the first function word or verb (阿莫代又说 → 阿莫代)."""
    n = 0
    while n < min(len(part), max_len) and part[n] not in STOP:
        n += 1
    return part[:n]


def trailing_name(part: str, max_len: int = 8) -> str:
    """The end of `part` back to the last function word or verb (表示阿尔特曼 → 阿尔特曼)."""
    n = 0
    while n < min(len(part), max_len) and part[-1 - n] not in STOP:
        n += 1
    return part[len(part) - n:]
