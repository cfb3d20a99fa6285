"""N001: Latin names one or two letters off a glossary name."""
import pytest

from conftest import by_rule, lint


@pytest.mark.parametrize("text, found, suggestion", [
    ("风险投资人 Tomasz Tungs 表示", "Tomasz Tungs", "Tomasz Tunguz"),
    ("Andrew Bosworh 说", "Andrew Bosworh", "Andrew Bosworth"),
    ("Alexandr Wong 加入", "Alexandr Wong", "Alexandr Wang"),
    ("由 Mark Zuckerburg 创立", "Mark Zuckerburg", "Mark Zuckerberg"),
    ("Nvidea 的芯片", "Nvidea", "Nvidia"),
])
def test_near_misses_are_flagged(mini, text, found, suggestion):
    fs = lint(text, mini)
    assert by_rule(fs, "N001") == [(found, suggestion)]
    [f] = [f for f in fs if f.rule == "N001"]
    assert f.severity.value == "warning" and f.fix.applicability.value == "unsafe"


@pytest.mark.parametrize("text", [
    "Tomasz Tunguz 表示",  # exact
    "Mark Cuban 和 Mark Zuckerman 是不同的人",  # other people with the same first name
    "Chris Cole 说",
    "Reality Labs",
    "Alexander Wang",  # listed as deprecated: T001 reports it, not N001
    "Nvidias 和 Google",  # a plural is not a misspelling
    "Meta 和 Beta 和 Metal",  # short words are never near misses
    "AI芯片和GPU集群以及Llama 4",
])
def test_hard_negatives(mini, text):
    assert by_rule(lint(text, mini), "N001") == []


def test_an_acronym_inside_a_word_does_not_hide_a_misspelt_name(bundled):
    # AR (augmented reality) is a glossary acronym; "ar" inside "Mark" is no hit and covers nothing.
    assert by_rule(lint("Mark Zuckerburg在采访中没有回应。", bundled, select=["N001"]), "N001") == [
        ("Mark Zuckerburg", "Mark Zuckerberg")]


def test_edit_distance_agrees_with_rapidfuzz():
    import random

    from rapidfuzz.distance import Levenshtein

    from mtqa.rules.names import _distance

    rng = random.Random(3)
    pairs = [("alexander", "alexandr"), ("tungs", "tunguz"), ("", "abc"), ("abc", ""), ("lab", "labs"), ("see", "shih")]
    for _ in range(2000):
        a = "".join(rng.choice("abcde") for _ in range(rng.randint(0, 9)))
        b = "".join(rng.choice("abcde") for _ in range(rng.randint(0, 9)))
        pairs.append((a, b))
    for a, b in pairs:
        assert _distance(a, b) == min(Levenshtein.distance(a, b), 3), (a, b)
        assert _distance(a, b, cutoff=9) == Levenshtein.distance(a, b), (a, b)


@pytest.mark.parametrize("text, found, suggestion", [
    ("Open AI发布了新模型", "Open AI", "OpenAI"),  # AI alone is a glossary acronym: no cover for the pair
    ("Open-AI发布了新模型", "Open-AI", "OpenAI"),
    ("Chat GPT很火", "Chat GPT", "ChatGPT"),
    ("他在 You Tube 上发了视频", "You Tube", "YouTube"),
    ("Hugging-Face 的模型库", "Hugging-Face", "Hugging Face"),
])
def test_names_spaced_or_hyphenated_otherwise(bundled, text, found, suggestion):
    fs = [f for f in lint(text, bundled) if f.rule == "N001"]
    assert [(f.found, f.suggestion) for f in fs] == [(found, suggestion)]
    assert "spaced" in fs[0].message


@pytest.mark.parametrize("text", [
    "OpenAI和Meta AI", "Scale AI的创始人", "Hugging Face上的模型", "Open AI's model",  # as written, or another word
    "Meta CEO Mark Zuckerberg表示",
    "名为‘Vibes’的功能", "据'Reuters'报道", "Goldman Sachs' analysts", "Reality Labs’部门",  # quoted, not spaced
    "Open-Source项目", "Chain-of-Thought推理", "Super-Intelligence",  # words, hyphenated as English allows
])
def test_spacing_hard_negatives(bundled, text):
    assert [f for f in lint(text, bundled) if f.rule == "N001"] == []


@pytest.mark.parametrize("text, found, suggestion", [
    ("先在HuggingFace的模型页面上同意协议", "HuggingFace", "Hugging Face"),  # one word for two
    ("Databrick前段时间发布了一篇基准", "Databrick", "Databricks"),  # a long name that lost its final s
    ("论文第一作者Jason Wie已加入Meta", "Jason Wie", "Jason Wei"),  # two neighbouring letters swapped
    ("Antrhopic 发布了新模型", "Antrhopic", "Anthropic"),
    ("Huggingface的模型", "Huggingface", "Hugging Face"),
])
def test_more_kinds_of_misspelling(bundled, text, found, suggestion):
    assert by_rule(lint(text, bundled, select=["N001"]), "N001") == [(found, suggestion)]


@pytest.mark.parametrize("text", [
    "苹果的Thread协议和Meta的Threads不是一回事",  # a short name without its s is another word
    "路透社的创始人Reuter是德国人",
    "多个Llamas模型和Databricks",  # a plural, and the name itself
])
def test_more_kinds_of_misspelling_hard_negatives(bundled, text):
    assert by_rule(lint(text, bundled, select=["N001"]), "N001") == []
