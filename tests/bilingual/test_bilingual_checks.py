"""B001–B005 on single segments: positives and hard negatives (mini glossary)."""
import pytest

from mtqa.bilingual.checks import B_RULES, check_file, select_b_rules
from mtqa.bilingual.readers import read_bilingual
from mtqa.findings import Severity


@pytest.fixture(scope="module")
def matcher(mini):
    from mtqa.lint import get_matcher

    return get_matcher(mini)


@pytest.fixture()
def check(tmp_path, matcher):
    """check(source, target) → findings on a one-row TSV; every finding's location is verified."""

    def run(source, target, rules=B_RULES):
        p = tmp_path / "seg.tsv"
        p.write_text(f"{source}\t{target}\n", encoding="utf-8")
        bfile = read_bilingual(p)
        findings = check_file(bfile, matcher, rules)
        for f in findings:
            assert f.found == bfile.text[f.start:f.end]
            assert bfile.position(f.start) == (f.line, f.column)
            assert f.start >= len(source) + 1  # always inside the target cell
        return findings

    return run


def brief(findings):
    return [(f.rule, f.found, f.suggestion) for f in findings]


# ---- B001 -------------------------------------------------------------------------------
def test_deprecated_rendering_is_an_error(check):
    (f,) = check("Meta hired Alexandr Wang.", "Meta聘请了王涛。")
    assert (f.rule, f.name, f.severity, f.found, f.suggestion, f.concept) == (
        "B001", "key-term-mismatch", Severity.ERROR, "王涛", "亚历山大·王", "alexandr-wang")
    assert f.column == len("Meta hired Alexandr Wang.\tMeta聘请了") + 1
    assert "'Alexandr Wang'" in f.message and "homophone" in f.message


def test_missing_key_term_is_a_warning_at_the_target_start(check):
    (f,) = check("Yann LeCun spoke.", "他发言了。")
    assert (f.rule, f.severity, f.found, f.suggestion, f.start, f.end) == ("B001", Severity.WARNING, "", "杨立昆", 18, 18)
    assert "杨立昆" in f.message


def test_traditional_target_gets_a_traditional_suggestion(check):
    assert brief(check("Yann LeCun spoke.", "楊立坤發言了。")) == [("B001", "楊立坤", "楊立昆")]


@pytest.mark.parametrize("source, target", [
    ("Meta hired Alexandr Wang.", "Meta聘请了汪滔。"),  # admitted
    ("Meta hired Alexandr Wang.", "Meta聘请了Alexandr Wang。"),  # Latin form, admitted
    ("Meta hired Alexandr Wang.", "Meta聘请了亚历山大·王(Alexandr Wang)。"),  # gloss
    ("Yann LeCun spoke.", "楊立昆發言了。"),  # Traditional spelling of the preferred form
    ("Mark Zuckerberg spoke.", "扎克伯格发言了。"),  # surname of the preferred form
    ("A meta-analysis of apple prices.", "一项关于苹果价格的荟萃分析。"),  # ordinary words, not Meta
    ("Google and Nvidia agreed.", "谷歌和英伟达达成一致。"),
])
def test_accepted_renderings_pass(check, source, target):
    assert check(source, target) == []


# ---- B002 -------------------------------------------------------------------------------
def test_wrong_magnitude_is_paired_with_the_source_number(check):
    (f,) = check("Revenue was $14.3 billion.", "营收为1.43亿美元。")
    assert (f.rule, f.found, f.suggestion, f.severity) == ("B002", "1.43亿", "143亿", Severity.ERROR)
    assert "$14.3 billion" in f.message and "14,300,000,000" in f.message


def test_missing_number(check):
    (f,) = check("It will launch in 2026.", "它将于明年发布。")
    assert (f.rule, f.found, f.suggestion) == ("B002", "", "2026")


def test_extra_number(check):
    (f,) = check("Revenue rose sharply.", "营收大幅增长25%。")
    assert (f.rule, f.found) == ("B002", "25")


@pytest.mark.parametrize("source, target", [
    ("Meta paid $14.3bn for 49% of Scale AI.", "Meta斥资143亿美元收购Scale AI 49%的股份。"),
    ("It raised $2 billion.", "它融资20亿美元。"),
    ("Nvidia sold 600 chips.", "英伟达卖出了六百颗芯片。"),
    ("In 2025, two new models.", "2025年,两款新模型。"),
    ("GPT-4 beat GPT-3.", "GPT-4击败了GPT-3。"),
])
def test_equal_numbers_pass(check, source, target):
    assert [f for f in check(source, target) if f.rule == "B002"] == []


# ---- B003 -------------------------------------------------------------------------------
def test_misspelt_glossary_latin_name(check):
    (f,) = check("Tomasz Tunguz said so.", "Tomasz Tungs这样表示。")
    assert (f.rule, f.found, f.suggestion, f.severity, f.concept) == (
        "B003", "Tomasz Tungs", "Tomasz Tunguz", Severity.WARNING, "tomasz-tunguz")


def test_misspelt_name_outside_the_glossary(check):
    assert brief(check("Andrej Karpathy said so.", "Andrej Karpathi这样表示。")) == [
        ("B003", "Andrej Karpathi", "Andrej Karpathy")]


def test_case_difference(check):
    (f,) = check("OpenAI released it.", "openai发布了它。")
    assert (f.rule, f.found, f.suggestion) == ("B003", "openai", "OpenAI") and "case" in f.message


def test_case_difference_of_a_glossary_latin_form(check):
    assert brief(check("Nvidia sold chips.", "NVIDIA卖出了芯片。")) == [("B003", "NVIDIA", "Nvidia")]


def test_missing_product_name_is_a_warning(check):
    b002, b003 = check("Llama 4 was released.", "该模型已发布。")  # its 4 is a missing number too
    assert b002.rule == "B002"
    assert (b003.rule, b003.severity, b003.found) == ("B003", Severity.WARNING, "") and "'Llama 4'" in b003.message


def test_missing_person_name_is_only_information(check):
    (f,) = check("Andrej Karpathy met OpenAI staff.", "卡帕西会见了OpenAI员工。")
    assert (f.rule, f.severity) == ("B003", Severity.INFO)


@pytest.mark.parametrize("source, target", [
    ("Andrej Karpathy said so.", "安德烈·卡帕西这样表示。"),  # all-Chinese target: transliterated
    ("Revenue grew in Q3.", "第三季度营收增长。"),  # sentence-initial word, quarter code
    ("AI is everywhere, says the CEO.", "首席执行官说,人工智能无处不在。"),  # common acronyms
    ("Llama 4 runs on H100 chips.", "Llama 4运行在H100芯片上。"),
    ("A 70B model on 5nm chips.", "一个700亿参数的模型,采用5纳米芯片。"),  # measures, not names
])
def test_names_present_or_translatable_pass(check, source, target):
    assert [f for f in check(source, target) if f.rule == "B003"] == []


# ---- B004 / B005 ---------------------------------------------------------------------
def test_untranslated_segment_gets_only_that_finding(check):
    (f,) = check("Qwen is strong, says Yann LeCun in 2025.", "Qwen is strong, says Yann LeCun in 2025.")
    assert (f.rule, f.severity, f.found) == ("B004", Severity.ERROR, "Qwen is strong, says Yann LeCun in 2025.")


@pytest.mark.parametrize("text", ["OpenAI", "Scale AI", "GPT-4o", "Llama 4", "2025"])
def test_copied_names_and_codes_are_not_untranslated(check, text):
    assert check(text, text) == []


def test_empty_target_gets_only_that_finding(check, tmp_path, matcher):
    p = tmp_path / "e.tsv"
    p.write_text("Yann LeCun paid $2 billion.\t \nOK\t好\n", encoding="utf-8")
    findings = check_file(read_bilingual(p), matcher)
    assert [(f.rule, f.line, f.severity) for f in findings] == [("B005", 1, Severity.ERROR)]


def test_empty_source_is_skipped(check, tmp_path, matcher):
    p = tmp_path / "e.tsv"
    p.write_text(" \t\n", encoding="utf-8")
    assert check_file(read_bilingual(p), matcher) == []


# ---- selection and locations in other formats ---------------------------------------
def test_select_and_ignore(check):
    both = ("Meta paid Alexandr Wang $2 billion.", "Meta给王涛付了2亿美元。")
    assert {f.rule for f in check(*both)} == {"B001", "B002"}
    assert {f.rule for f in check(*both, rules=select_b_rules(["B002"]))} == {"B002"}
    assert {f.rule for f in check(*both, rules=select_b_rules(None, ["B001"]))} == {"B002"}
    assert {r.code for r in select_b_rules(["B00"], ["number-mismatch"])} == {"B001", "B003", "B004", "B005"}
    # B001 reports a misspelt glossary name as B003: deselecting B003 silences it
    assert check("Tomasz Tunguz said so.", "Tomasz Tungs这样表示。", rules=select_b_rules(["B001"])) == []
    with pytest.raises(ValueError, match="unknown bilingual rule 'T001'"):
        select_b_rules(["T001"])


def test_numbers_need_no_glossary(tmp_path):
    p = tmp_path / "n.tsv"
    p.write_text("Meta hired Alexandr Wang for $14.3 billion.\tMeta以1.43亿美元聘请了王涛。\n", encoding="utf-8")
    findings = check_file(read_bilingual(p), None)
    assert [(f.rule, f.found) for f in findings if f.severity == Severity.ERROR] == [("B002", "1.43亿")]
    assert "B001" not in {f.rule for f in findings}  # key terms need the glossary


def test_po_findings_point_into_the_file(tmp_path, matcher):
    p = tmp_path / "a.po"
    p.write_text('msgid "Meta hired \\"Alexandr Wang\\" for $2 billion."\n'
                 'msgstr ""\n"Meta以\\"2亿美元\\"聘请了"\n"王涛。"\n', encoding="utf-8")
    bfile = read_bilingual(p)
    findings = check_file(bfile, matcher)
    assert [(f.rule, f.found, f.line) for f in findings] == [("B002", "2亿", 3), ("B001", "王涛", 4)]
    for f in findings:
        assert bfile.text[f.start:f.end] == f.found and bfile.position(f.start) == (f.line, f.column)


def test_xliff_escapes_fall_back_to_the_target_start(tmp_path, matcher):
    p = tmp_path / "a.xlf"
    p.write_text('<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2"><file original="x" '
                 'source-language="en" target-language="zh-CN" datatype="plaintext"><body>\n'
                 '<trans-unit id="1"><source>AT&amp;T hired Alexandr Wang.</source>\n'
                 '<target>AT&amp;T聘请了王涛。</target></trans-unit></body></file></xliff>\n', encoding="utf-8")
    bfile = read_bilingual(p)
    (f,) = check_file(bfile, matcher)
    assert (f.rule, f.found, f.line) == ("B001", "王涛", 3)  # found after the escape by searching
    assert bfile.text[f.start:f.end] == "王涛"


# The same three segments in every format: a deprecated name, a wrong magnitude, an empty target.
SEGMENTS = [("Meta hired Alexandr Wang.", "Meta聘请了王涛。"),
            ("Revenue was $14.3 billion.", "营收为1.43亿美元。"),
            ("Qwen is strong.", "")]


def _po():
    entries = "".join(f'\nmsgid "{s}"\nmsgstr "{t}"\n' for s, t in SEGMENTS)
    return 'msgid ""\nmsgstr "Content-Type: text/plain; charset=UTF-8\\n"\n' + entries


def _xliff12():
    units = "".join(f'<trans-unit id="{i}">\n<source>{s}</source>\n' + (f"<target>{t}</target>\n" if t else "")
                    + "</trans-unit>\n" for i, (s, t) in enumerate(SEGMENTS))
    return ('<?xml version="1.0" encoding="UTF-8"?>\n<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">\n'
            '<file original="a" source-language="en" target-language="zh-CN" datatype="plaintext"><body>\n'
            f"{units}</body></file></xliff>\n")


def _xliff20():
    units = "".join(f'<unit id="u{i}"><segment>\n<source>{s}</source>\n' + (f"<target>{t}</target>\n" if t else "")
                    + "</segment></unit>\n" for i, (s, t) in enumerate(SEGMENTS))
    return ('<?xml version="1.0" encoding="UTF-8"?>\n<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" '
            f'srcLang="en" trgLang="zh-CN">\n<file id="f">\n{units}</file></xliff>\n')


def _tmx():
    tus = "".join(f'<tu>\n<tuv xml:lang="en"><seg>{s}</seg></tuv>\n<tuv xml:lang="zh-CN"><seg>{t}</seg></tuv>\n</tu>\n'
                  for s, t in SEGMENTS)
    return ('<?xml version="1.0" encoding="UTF-8"?>\n<tmx version="1.4">\n<header creationtool="t" creationtoolversion="1" '
            'datatype="plaintext" segtype="sentence" adminlang="en" srclang="en" o-tmf="t"/>\n'
            f"<body>\n{tus}</body>\n</tmx>\n")


@pytest.mark.parametrize("name, content", [
    ("a.po", _po()), ("a.xlf", _xliff12()), ("a.xliff", _xliff20()), ("a.tmx", _tmx()),
    ("a.tsv", "".join(f"{s}\t{t}\n" for s, t in SEGMENTS)),
    ("a.csv", "".join(f'"{s}",{t}\n' for s, t in SEGMENTS)),
])
def test_every_format_gives_the_same_findings_in_place(tmp_path, matcher, name, content):
    p = tmp_path / name
    p.write_text(content, encoding="utf-8")
    bfile = read_bilingual(p)
    findings = check_file(bfile, matcher)
    assert [(f.rule, f.found) for f in findings] == [("B001", "王涛"), ("B002", "1.43亿"), ("B005", "")]
    lines = content.split("\n")
    for f in findings:
        assert bfile.text[f.start:f.end] == f.found and bfile.position(f.start) == (f.line, f.column)
    assert "王涛" in lines[findings[0].line - 1] and "1.43亿" in lines[findings[1].line - 1]
    # an empty target points where it is (or would be): its unit, next to its source
    assert "Qwen is strong." in "\n".join(lines[findings[2].line - 2:findings[2].line + 1])


# ---- realistic segments with the bundled glossary ---------------------------------------
def test_good_translations_are_clean_with_the_bundled_glossary(bundled):
    from mtqa.lint import get_matcher

    from conftest import DATA

    findings = check_file(read_bilingual(DATA / "bilingual" / "good.tsv"), get_matcher(bundled))
    assert [(f.line, f.rule, f.message) for f in findings] == []


def test_bad_translations_are_caught_with_the_bundled_glossary(bundled):
    from mtqa.lint import get_matcher

    from conftest import DATA

    findings = check_file(read_bilingual(DATA / "bilingual" / "bad.tsv"), get_matcher(bundled))
    assert [(f.line, f.rule, f.found, f.suggestion) for f in findings] == [
        (1, "B001", "", "Scale AI"),  # "Scale 49%": the company's name is gone
        (1, "B001", "梅塔", "Meta"),
        (1, "B002", "1.43亿", "143亿"),
        (2, "B001", "Tomasz Tungs", "Tomasz Tunguz"),
        (2, "B001", "倩文", "通义千问"),
        (3, "B003", "", None),  # H100 dropped
        (3, "B002", "2024", "2025"),
        (3, "B003", "OpenAi", "OpenAI"),
        (4, "B004", "Revenue rose 25% to $2 billion.", None),
        (5, "B005", "", None),
        (6, "B002", "12万", "120万"),
    ]
