"""T003: a glossary Latin name in a casing the glossary does not list (issue 16 §1)."""
import pytest

import mtqa

CSV = """concept_id,type,lang,term,status,note
openai,org,en,OpenAI,preferred,
chatgpt,product,en,ChatGPT,preferred,
iphone,product,en,iPhone,preferred,
deepseek,org,en,DeepSeek,preferred,
deepseek,org,en,Deepseek,deprecated,wrong case
meta,org,en,Meta,preferred,
llama,model,en,Llama,preferred,
asi,term,en,superintelligence,preferred,
"""


@pytest.fixture(scope="module")
def glossary(tmp_path_factory):
    p = tmp_path_factory.mktemp("casing") / "g.csv"
    p.write_text(CSV, encoding="utf-8")
    return p


def casing(text, glossary):
    return [(f.found, f.suggestion, f.fix.applicability.value) for f in mtqa.lint_text(text, glossary=glossary)
            if f.rule == "T003"]


@pytest.mark.parametrize("text, found, fixed", [
    ("Openai发布了新模型。", "Openai", "OpenAI"), ("Chatgpt很火。", "Chatgpt", "ChatGPT"),
    ("OPENai的模型。", "OPENai", "OpenAI"), ("新款Iphone销量。", "Iphone", "iPhone"),
    ("他用chatGPT写作。", "chatGPT", "ChatGPT"),
])
def test_an_unlisted_casing_is_reported_with_a_safe_fix(glossary, text, found, fixed):
    assert casing(text, glossary) == [(found, fixed, "safe")]


@pytest.mark.parametrize("text", [
    "OPENAI发布新模型", "CHATGPT 用户破亿",  # a headline in capitals
    "关注@openai 的账号。", "话题#chatgpt 很热。",  # a handle, a tag
    "见 openai.com 的说明。", "下载 meta-llama/Llama-3 的权重。",  # identifiers
    "他说。IPhone销量大涨。",  # a capital at a sentence start
    "meta的新模型。", "Safe Superintelligence首席执行官。",  # a plain name in its lower or Title case
    "OpenAI、ChatGPT、iPhone、Meta、Llama。",  # as listed
    "Deepseek发布。",  # a listed (deprecated) casing is T001's
])
def test_hard_negatives(glossary, text):
    assert casing(text, glossary) == []


def test_a_listed_deprecated_casing_is_t001(glossary):
    assert [(f.rule, f.found) for f in mtqa.lint_text("Deepseek发布。", glossary=glossary)] == [("T001", "Deepseek")]
