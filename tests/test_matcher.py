"""The automaton: boundaries, scripts, dots, longest match, exceptions, context, glosses."""
import pytest

from mtqa.matcher import Matcher


@pytest.fixture(scope="module")
def m(mini):
    return Matcher.build(mini)


def spans(m, text):
    return [(text[h.start:h.end], h.concept.id, h.term.status) for h in m.find(text)]


def test_latin_matches_between_chinese_characters_case_insensitively(m):
    assert spans(m, "阿里的Qwen模型") == [("Qwen", "qwen", "admitted")]
    assert spans(m, "阿里的QWEN模型") == [("QWEN", "qwen", "admitted")]


def test_latin_needs_word_boundaries(m):
    assert spans(m, "Metaverse 部门和 MetaAI 以及 Qwen2") == []
    assert spans(m, "(Meta)") == [("Meta", "meta", "preferred")]
    assert spans(m, "Reality Labs 和 Reality Lab") == [
        ("Reality Labs", "reality-labs", "preferred"), ("Reality Lab", "reality-labs", "deprecated")]


@pytest.mark.parametrize("dot", ["·", "・", "•", "‧", "･", ".", "．"])
def test_every_middle_dot_spelling_matches(m, dot):
    text = f"亚历山大{dot}王说"
    assert spans(m, text) == [(f"亚历山大{dot}王", "alexandr-wang", "preferred")]


def test_traditional_text_matches_simplified_glossary(m):
    hits = m.find("楊立坤和楊立昆")
    assert [(h.term.term, h.script) for h in hits] == [("杨立坤", "Hant"), ("杨立昆", "Hant")]


def test_longest_accepted_match_wins(m):
    # 元 inside 元宇宙 and 美元 is vetoed; the surname 扎克伯格 inside the full name is one hit.
    assert spans(m, "Meta的元宇宙花了十亿美元") == [("Meta", "meta", "preferred")]
    assert spans(m, "马克·扎克伯格") == [("马克·扎克伯格", "mark-zuckerberg", "preferred")]


def test_regex_exceptions_cover_amounts(m):
    assert spans(m, "Meta股价跌了3.5元,每股100 元") == [("Meta", "meta", "preferred")]


def test_context_cues_gate_ambiguous_forms(m):
    assert spans(m, "早餐吃牛油果和鳄梨") == []
    assert [s[0] for s in spans(m, "代号“鳄梨”的模型")] == ["鳄梨"]
    # 元 for Meta only counts in a document that is about Meta.
    assert spans(m, "元正陷入危机") == []
    assert [s[0] for s in spans(m, "元正陷入危机。扎克伯格说")] == ["元", "扎克伯格"]


def test_surname_is_derived_for_people_only(m):
    assert spans(m, "扎克伯格说") == [("扎克伯格", "mark-zuckerberg", "preferred")]
    hit = m.find("扎克伯格说")[0]
    assert hit.short and hit.key == "马克·扎克伯格"
    assert spans(m, "王说") == []  # a one-character surname is never derived


def test_gloss_in_brackets_is_marked(m):
    hits = m.find("亚历山大·王(Alexandr Wang)说,代号为“Avocado”(牛油果)")
    assert [(h.term.term, h.gloss) for h in hits] == [
        ("亚历山大·王", False), ("Alexandr Wang", True), ("Avocado", False), ("牛油果", True)]


def test_matcher_pickles(m):
    import pickle

    back = pickle.loads(pickle.dumps(m))
    assert spans(back, "倩文") == spans(m, "倩文") == [("倩文", "qwen", "deprecated")]
    # The per-pattern tables travel with it (recomputing them cost seconds for a big glossary)
    # and equal what a fresh build makes.
    for name in m._DERIVED:
        assert getattr(back, name) == getattr(m, name), name
    old = pickle.loads(pickle.dumps(m))
    del old.__dict__["_fast"]  # an older pickle without them: recomputed on load
    again = pickle.loads(pickle.dumps(old))
    assert again._fast == back._fast and spans(again, "倩文") == spans(m, "倩文")


def test_nothing_inside_urls_or_emails(m):
    text = "本文来源:https://example.com/posts/meta-qwen-avocado.html 联系 qwen@example.com"
    assert spans(m, text) == []
    assert spans(m, "本文来源:https://example.com/a.html梅塔") == [("梅塔", "meta", "deprecated")]


def test_every_hit_inside_the_gloss_bracket_is_a_gloss(m):
    hits = m.find("英伟达集团(Nvidia,英伟达公司)的芯片,Nvidia 的芯片")
    assert [(h.term.term, h.gloss) for h in hits] == [
        ("英伟达", False), ("Nvidia", True), ("英伟达", True), ("Nvidia", False)]


def test_latin_forms_inside_an_english_phrase_are_quotations(m):
    [h] = m.find("他在《博文》(Why Google Is the Path Forward)中写道")
    assert h.in_english and not h.is_rendering
    [h] = m.find("他说 Google 很强")
    assert not h.in_english and h.is_rendering


def test_pruned_scan_gives_the_same_findings_as_all_hits(bundled):
    """Matcher.scan skips hits no rule can report; linting must not notice the difference."""
    from conftest import SEEDS
    from mtqa.document import Document
    from mtqa.lint import get_matcher
    from mtqa.rules import ALL_RULES
    from mtqa.rules.base import LintContext

    m = get_matcher(bundled)
    texts = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]
    texts += [
        "Meta FAIR(Fundamental AI Research,基础人工智能研究)团队。MSL和Meta超级智能实验室(MSL)",
        "馬克·扎克伯格表示,輝達的晶片很好。",  # regional forms of concepts seen in one form only
        "扎克伯格说,辉达和英伟达都是 Nvidia。AI 即人工智能,人工智慧是台湾的说法。",
        "商业模式之外,开源模式和闭源模型之争。",  # 模式 counts only next to an AI cue
        "AI(人工智能)和 artificial intelligence 都指人工智能。",  # an acronym opens a gloss
        "Meta旗下的FAIR（Fundamental AI Research）实验室",  # an admitted expansion glossing an acronym
        "英伟达的GPU（Graphics Processing Unit）",
    ]
    for text in texts:
        for locale in (None, "zh-CN", "zh-TW", "zh-HK"):
            results = []
            for all_hits in (True, False):
                scan = m.scan(text, all_hits=all_hits, locale=locale)
                ctx = LintContext(Document(text), m, locale=locale, _hits=scan.hits, _latin_spans=scan.latin_spans,
                                  _concepts=scan.concepts)
                results.append(sorted((f.rule, f.start, f.end, f.suggestion, f.message)
                                      for r in ALL_RULES for f in r.check(ctx)))
            assert results[0] == results[1], (text[:20], locale)
        assert len(m.scan(text).hits) <= len(m.find(text))


def test_pruned_scan_drops_what_no_rule_reports(bundled):
    """The pruning is real: an acronym beside the full form, or 模式 in 商业模式, does not make a
    concept 'seen two ways', so its preferred hits are skipped."""
    from mtqa.lint import get_matcher

    m = get_matcher(bundled)
    assert [h.key for h in m.find("AI 即人工智能")] == ["ai", "人工智能"]
    assert m.scan("AI 即人工智能").hits == []
    assert [h.key for h in m.scan("商业模式和模型").hits] == []
    assert [h.key for h in m.scan("闭源模式和模型").hits] == ["模式", "模型"]
    # A concept with a zh-TW form keeps its hits for S002 when the locale is zh-TW.
    assert m.scan("馬克·扎克伯格表示").hits == []
    assert [h.concept.id for h in m.scan("馬克·扎克伯格表示", locale="zh-TW").hits] == ["mark-zuckerberg"]


def test_latin_spans_for_a_range_equal_the_full_list_filtered(bundled):
    """N001 asks for the accepted Latin spans of a few ranges; the answer must be the full list's."""
    import random

    from conftest import SEEDS
    from mtqa.lint import get_matcher

    m = get_matcher(bundled)
    rng = random.Random(2)
    for path in sorted(SEEDS.glob("*.txt")):
        text = path.read_text(encoding="utf-8") + " 见 https://example.com/Meta/Llama 和 Reality Labs"
        full = m.scan(text).latin_spans
        assert full  # the seeds name Meta, Llama...
        lazy = m.scan(text)
        for _ in range(200):
            lo = rng.randrange(len(text))
            hi = lo + rng.randrange(1, 60)
            assert lazy.latin_spans_in(lo, hi) == [(s, e) for s, e in full if s < hi and lo < e]
        assert lazy.latin_spans == full


def test_hits_given_to_a_context_stay_when_it_scans_for_the_rest(bundled):
    """The allow-list hands the rules filtered hits; a rule that reads `concepts` or the Latin
    spans first used to rescan and put the allowed hits back."""
    from mtqa.document import Document
    from mtqa.lint import get_matcher
    from mtqa.rules.base import LintContext

    ctx = LintContext(Document("王涛说,Meta的Llama"), get_matcher(bundled), _hits=[])
    assert ctx.concepts and ctx.latin_spans  # scanned for these...
    assert ctx.hits == []  # ...without touching the hits it was given


def test_fold_maps_full_width_letters_digits_and_dots_and_keeps_the_length():
    from mtqa.normalize import fold

    text = "１９９８年，ＯｐｅｎＡＩ和亚历山大・王\u00a0在İstanbul。"
    folded = fold(text)
    assert len(folded) == len(text)
    assert folded.startswith("1998年，openai和亚历山大·王 在")
    assert fold("Ａ·Ｂ・Ｃ") == "a·b·c"
    assert fold("纯中文没有要折叠的字符") == "纯中文没有要折叠的字符"
