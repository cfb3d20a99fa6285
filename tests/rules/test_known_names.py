"""N005 sound-alike-known-name: foreign names jieba's dictionary knows, misspelt by a homophone."""
import pytest

import mtqa


def found(text):
    return [(f.found, f.suggestion) for f in mtqa.lint_text(text, select=["N005"])]


@pytest.mark.parametrize("text, expected", [
    ("德国总理默克儿表示，将继续谈判。", [("默克儿", "默克尔")]),  # 儿: no transliteration writes it
    ("投资人沃伦·巴菲忒说，市场过热。", [("巴菲忒", "巴菲特")]),
    # 玛 is a character of transliteration: a slip only beside the known rendering
    ("奥巴马说了一句话。巴拉克·奥巴玛表示支持。", [("奥巴玛", "奥巴马")]),
    # anywhere, one character off a known name the text writes, with the same sound
    ("默克尔说，谈判会继续。后来默克耳认为不必。", [("默克耳", "默克尔")]),
])
def test_a_homophone_slip_in_a_known_name_is_flagged(text, expected):
    assert found(text) == expected
    f = mtqa.lint_text(text, select=["N005"])[0]
    assert f.fix.applicability.value == "unsafe" and "dictionary knows" in f.message


@pytest.mark.parametrize("text", [
    "美国前总统巴拉克·奥巴玛表示支持。",  # another rendering, with characters transliterations use
    "英伟达首席财务官科莱特·克雷斯表示",  # 科莱特 / 克莱特: two renderings of one name
    "王涛表示，汪涛说",  # Chinese names: homophones are other people
    "记者李明华表示",
    "莱尔的研究表明",  # a span ending in a function word is no name
    "阿尔及利亚总统表示",  # 及利亚 is cut out of a longer name
    "默克尔表示",  # the known name itself
])
def test_other_renderings_and_chinese_names_stay_silent(text):
    assert found(text) == []


def test_the_known_names_are_foreign_names_of_one_sound_each():
    from mtqa.lint import get_matcher

    index = get_matcher(None)._sound_index
    names = set(index.known.values())
    assert {"奥巴马", "默克尔", "巴菲特"} <= names and len(names) > 5000
    assert "丁佩华" not in names  # a Chinese person's name
    assert len(index.known) == len(names)  # each coding is one name's
