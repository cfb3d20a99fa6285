"""N004 latin-misspelling and A012 word-broken-by-space: Latin words against how common English
words and names are (wordfreq's list in mtqa/data/latin_words.txt)."""
import pytest

from conftest import by_rule, lint


@pytest.fixture(scope="module")
def unrelated():
    """A glossary that lists none of the names below, as a team's small glossary would."""
    from mtqa.glossary.model import Concept, Glossary, Term

    return Glossary([Concept(id="acme", type="org", terms=[Term("Acme", "en", "preferred"), Term("顶点公司", "zh-Hans", "preferred")])])


def n004(text, glossary):
    return by_rule(lint(text, glossary, select=["N004"]), "N004")


@pytest.mark.parametrize("text, found, suggestion", [
    ("Micorsoft 宣布与 OpenAI 续约。", "Micorsoft", "Microsoft"),  # two letters swapped
    ("记者 Jonh 报道。", "Jonh", "John"),  # four letters: a swap is enough
    ("芯片来自 Nvdia 公司。", "Nvdia", "Nvidia"),  # a letter left out
    ("模型叫 Geminni。", "Geminni", "Gemini"),  # a letter typed twice
    ("黄仁勋（Jensen Hunag）说", "Hunag", "Huang"),  # in a gloss
    # a replaced letter counts beside the word itself
    ("Zuckerberg 说过。后来 Zuckerburg 又说。", "Zuckerburg", "Zuckerberg"),
])
def test_a_slip_of_a_common_name_is_flagged(unrelated, text, found, suggestion):
    fs = lint(text, unrelated, select=["N004"])
    assert by_rule(fs, "N004") == [(found, suggestion)]
    assert fs[0].fix.applicability.value == "unsafe" and fs[0].severity.value == "warning"


@pytest.mark.parametrize("text", [
    "通义千问（Qwen）发布。",  # the first letter is never the slip: Owen
    "Groq 的芯片",  # nor the last, replaced: grow
    "苹果记者 Mark Gurman 透露",  # a letter replaced, and the text never writes German
    "Airbnb 的 Brian Chesky 说",  # cheeky: likewise
    "Andrej Karpathy 和 Dario Amodei 以及 Demis Hassabis",  # rare names, no common word one slip away
    "Hunag 说。Hunag 又说。",  # written so twice and never Huang: meant
    "访问 Micorsoft.com 或 @Micorsoft 以及 #Micorsoft",  # a domain, a handle, a hashtag
    "MicorsoftX 和 XMicorsoft",  # glued to other letters: no word of its own
    "Microsoft、Google 和 Anthropic",  # words the list knows
    "AI芯片和GPU集群以及 CEO 和 iPhone 15",  # short, all capitals or not capitalised
    "Theor 的普通合伙人y Ventures",  # a cut word (A002's), replaced letter: no Their here
])
def test_rare_names_and_words_stay_silent(unrelated, text):
    assert n004(text, unrelated) == []


def test_a_glossary_name_is_never_a_slip_and_its_misspelling_is_n001s(mini):
    from mtqa.glossary.model import Concept, Glossary, Term

    lambret = Glossary([Concept(id="lambret", type="person", terms=[Term("Nathan Lambret", "en", "preferred")])])
    assert n004("Nathan Lambret 表示", lambret) == []  # the glossary spells him so
    fs = lint("由 Mark Zuckerburg 创立，Zuckerberg 说", mini, select=["N001", "N004"])
    assert [f.rule for f in fs] == ["N001"]  # the glossary's misspelt name: N001, with its fix


@pytest.mark.parametrize("text, found, suggestion", [
    ("Interna tional 公司宣布", "Interna tional", "International"),
    ("搜索巨头 Goo gle 推出", "Goo gle", "Google"),
    ("这是一个 tech nology 公司", "tech nology", "technology"),
])
def test_a_word_broken_by_a_space_is_joined(unrelated, text, found, suggestion):
    fs = lint(text, unrelated, select=["A012"])
    assert by_rule(fs, "A012") == [(found, suggestion)]
    assert fs[0].fix.applicability.value == "unsafe"


@pytest.mark.parametrize("text", [
    "Face book 和 in deed",  # two words
    "Hong Kong 和 New York 以及 Open AI",  # a capitalised second piece
    "AI 芯片和 GPU 集群",  # not Latin words on both sides
    "the international news",  # words that are words
    "a mazing",  # one-letter pieces are left alone
    "Goo gle2 和 Goo-gle",  # not a lone space between letters
])
def test_words_and_names_apart_stay_silent(unrelated, text):
    assert by_rule(lint(text, unrelated, select=["A012"]), "A012") == []


def test_the_word_list_is_sorted_and_above_its_floor():
    from mtqa.data import lines

    rows = [line.split("\t") for line in lines("latin_words.txt")]
    words = [w for w, _ in rows]
    assert words == sorted(words) and len(words) == len(set(words)) > 50_000
    assert all(w.isascii() and w.isalpha() and w.islower() for w in words)
    assert min(float(z) for _, z in rows) >= 2.0


def test_a_broken_word_list_is_an_error_naming_the_line():
    from mtqa._core import LatinWords

    with pytest.raises(ValueError, match="line 2"):
        LatinWords("ok\t3.0\nbroken\n", [], "")
