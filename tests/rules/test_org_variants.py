"""N003 for organisations and places: one name before 交易所, 研究所, 州 … rendered two ways."""
import pytest

import mtqa


def found(text):
    return [(f.found, f.suggestion) for f in mtqa.lint_text(text, select=["N003"])]


@pytest.mark.parametrize("text, expected", [
    # a character swapped for one that sounds the same; the commoner rendering is kept
    ("纳斯达克交易所今天上涨。分析师说，纳斯达客交易所的成交量很大。纳斯达克交易所收盘。",
     [("纳斯达客交易所", "纳斯达克交易所")]),
    # a conjunction swapped inside an institute's name
    ("中国科学技术与信息研究所发布报告。该报告由中国科学技术与信息研究所撰写，中国科学技术和信息研究所表示。",
     [("中国科学技术和信息研究所", "中国科学技术与信息研究所")]),
    ("加利福尼亚州的法律。加里福尼亚州政府表示。加利福尼亚州议会。", [("加里福尼亚州", "加利福尼亚州")]),
    # a function word before both mentions is no part of the name
    ("我在纳斯达克交易所工作，他在纳斯达克交易所，她在纳斯达客交易所。", [("纳斯达客交易所", "纳斯达克交易所")]),
])
def test_an_organisation_or_place_rendered_two_ways_is_flagged(text, expected):
    assert found(text) == expected
    f = mtqa.lint_text(text, select=["N003"])[0]
    assert f.fix.applicability.value == "unsafe" and "2 ways" in f.message


@pytest.mark.parametrize("text", [
    "山西大学和陕西大学合作。",  # two words the dictionary knows, alike in sound: two universities
    "他在北京大学读书，后来到背景大学。",
    "在上海证券交易所和深圳证券交易所上市。",  # two names, not one
    "广西壮族自治区和柳州市。广西壮族自治区及柳州市。",  # 和 / 及 between two places: a list
    "阿里巴巴公司和腾讯公司合作，阿里巴巴公司与腾讯公司。",  # the name ends at the ending word before it
    "工商银行和农商银行。",  # gong / nong: not the same sound
    "纳斯达克交易所和纳斯达克交易所。",  # the same rendering
])
def test_different_names_and_lists_stay_silent(text):
    assert found(text) == []
