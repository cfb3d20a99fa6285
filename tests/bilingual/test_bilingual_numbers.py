"""Number normalisation: English and Chinese numbers with magnitudes, compared by value."""
from decimal import Decimal

import pytest

from mtqa.bilingual.numbers import (chinese_numbers, compare_numbers, english_numbers, format_chinese,
                                    parse_chinese_numeral)

# (English source, Chinese target, the value both must mean)
EQUAL = [
    ("14.3 billion", "143亿", "14300000000"),
    ("$14.3bn", "143亿美元", "14300000000"),
    ("$14.3 bn", "143亿美元", "14300000000"),
    ("$2 billion", "20亿美元", "2000000000"),
    ("600", "六百", "600"),
    ("six hundred", "600", "600"),
    ("1.43 billion", "14.3亿", "1430000000"),
    ("1.2 million", "120万", "1200000"),
    ("1.5 million", "150万", "1500000"),
    ("100 million", "1亿", "100000000"),
    ("150 million", "1.5亿", "150000000"),
    ("150 million", "1亿5000万", "150000000"),
    ("350 million", "三亿五千万", "350000000"),
    ("10,000", "1万", "10000"),
    ("15,000", "一万五", "15000"),
    ("15,000", "1.5万", "15000"),
    ("20,000", "两万", "20000"),
    ("300,000", "30万", "300000"),
    ("3,000", "三千", "3000"),
    ("3,000", "3千", "3000"),
    ("1,234", "一千二百三十四", "1234"),
    ("2,500", "两千五", "2500"),
    ("10 million", "一千万", "10000000"),
    ("40 billion", "400亿", "40000000000"),
    ("$600 billion", "6000亿美元", "600000000000"),
    ("3.5 trillion", "3.5万亿", "3500000000000"),
    ("$1.5 trillion", "1.5万亿美元", "1500000000000"),
    ("1 trillion", "一万亿", "1000000000000"),
    ("$500M", "5亿美元", "500000000"),
    ("$500m", "5亿美元", "500000000"),
    ("70B parameters", "700亿参数", "70000000000"),
    ("10k users", "1万用户", "10000"),
    ("a billion users", "10亿用户", "1000000000"),
    ("one million", "100万", "1000000"),
    ("over 1 million", "100多万", "1000000"),
    ("25%", "百分之二十五", "25"),
    ("0.5", "零点五", "0.5"),
    ("150 million", "一点五亿", "150000000"),
    ("2025", "2025年", "2025"),
    ("2025", "二〇二五年", "2025"),
    ("１，０００", "1000", "1000"),  # full-width digits and comma
    ("105", "一百零五", "105"),
    ("12", "十二", "12"),
]


@pytest.mark.parametrize("en, zh, value", EQUAL)
def test_pairs_have_the_same_value(en, zh, value):
    want = Decimal(value)
    assert [n.value for n in english_numbers(en)] == [want]
    assert [n.value for n in chinese_numbers(zh)] == [want]
    assert not compare_numbers(en, zh)


# (source, target, the value the source has that the target lacks)
MISMATCH = [
    ("1.43 billion", "143亿", "1430000000"),  # decimal billions: 143亿 is 14.3 billion
    ("14.3 billion", "1.43亿", "14300000000"),
    ("$14.3bn", "14.3亿美元", "14300000000"),
    ("1.2 million", "12万", "1200000"),  # 万 vs 十万
    ("100 million", "100万", "100000000"),  # 亿 vs 万
    ("10,000", "1千", "10000"),
    ("$2 billion", "2亿美元", "2000000000"),
    ("12 billion", "12亿", "12000000000"),
    ("in 2025", "2024年", "2025"),
    ("600", "六十", "600"),
    ("3.5 trillion", "3.5亿", "3500000000000"),
]


@pytest.mark.parametrize("en, zh, missing", MISMATCH)
def test_mismatches_are_found(en, zh, missing):
    diff = compare_numbers(en, zh)
    assert [n.value for n in diff.missing] == [Decimal(missing)]


def test_target_digits_matching_nothing_are_extra():
    diff = compare_numbers("Revenue rose sharply.", "营收增长了25%。")
    assert [n.value for n in diff.extra] == [Decimal(25)] and not diff.missing


@pytest.mark.parametrize("en, zh", [
    ("GPT-4 runs on H100 chips", "GPT-4运行在H100芯片上"),  # identifiers: not numbers to compare
    ("in Q3", "第三季度"),  # Q3 only excuses a 3
    ("sales in FY2025", "2025财年的销售额"),
    ("on Dec. 3, 2025", "2025年12月3日"),  # the month name excuses 12
    ("two companies", "两家公司"),  # small spelled-out numbers are not required…
    ("two companies", "2家公司"),  # …but excuse the same digits
    ("one of the first models", "首批模型之一"),
    ("it fell 5%", "下降了5%"),  # signs are ignored
    ("visit https://example.com/2024/report", "访问https://example.com/2024/report"),
    ("version 1.2.3", "版本1.2.3"),
    ("5nm chips", "5纳米芯片"),
    ("in the 1990s", "1990年代"),
])
def test_hard_negatives_are_quiet(en, zh):
    diff = compare_numbers(en, zh)
    assert not diff, diff


def test_chinese_numerals_in_words_are_never_extra():
    diff = compare_numbers("Samsung and others agreed.", "三星等一些公司统一同意。")
    assert not diff


def test_year_is_a_number_like_any_other():
    """Decision: 2025 in the source is satisfied by 2025年 (a year) and by 2025 of anything."""
    assert not compare_numbers("2,025 users joined in 2025.", "2025年有2025名用户加入。")
    assert compare_numbers("in 2025", "今年").missing  # the target dropped the year


def test_small_m_is_metres_unless_money():
    assert [n.value for n in english_numbers("a 5m wall")] == [Decimal(5)]
    assert [n.value for n in english_numbers("a $5m deal")] == [Decimal(5000000)]


@pytest.mark.parametrize("numeral, value", [
    ("六百", 600), ("十五", 15), ("二十", 20), ("三百零五", 305), ("两千五", 2500), ("一万五", 15000),
    ("一千万", 10**7), ("三亿五千万", 350000000), ("一万亿", 10**12), ("一点五亿", 150000000), ("九九", 99),
    ("一亿零五百万", 105000000),
])
def test_parse_chinese_numeral(numeral, value):
    assert parse_chinese_numeral(numeral) == Decimal(value)


def test_garbage_numerals_give_nothing():
    assert parse_chinese_numeral("三四百") is None  # an estimate, not a number


@pytest.mark.parametrize("value, text", [
    ("14300000000", "143亿"), ("143000000", "1.43亿"), ("1500000000000", "1.5万亿"), ("300000", "30万"),
    ("600", "600"), ("2.5", "2.5"),
])
def test_format_chinese(value, text):
    assert format_chinese(Decimal(value)) == text



def test_and_between_two_numbers_is_not_addition():
    assert [(n.value, n.required) for n in english_numbers("between two and three billion")] == [
        (Decimal(2), False), (Decimal(3 * 10**9), True)]
    assert [n.value for n in english_numbers("two hundred and five")] == [Decimal(205)]
