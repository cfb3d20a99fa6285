"""Every supported encoding is detected, linted and written back byte-identically outside the fixes."""
import codecs
import io

import pytest

from mtqa.document import decode, encode_as
from mtqa.errors import InputError
from mtqa.run_lint import LintOptions, run

from conftest import DATA

SIMPLIFIED = "Meta的新贵王涛加入了。\r\n阿里的倩文模型很强,开发者都在用。\n最后一行没有换行"
TRADITIONAL = "Meta的新貴王濤加入了。\r\n阿里的倩文模型很強,開發者都在用。\n最後一行沒有換行"


@pytest.mark.parametrize("text, raw_encoding, expected", [
    (SIMPLIFIED, "utf-8", "utf-8"),
    (SIMPLIFIED, "gb18030", "gb18030"),
    (SIMPLIFIED, "gbk", "gb18030"),
    (TRADITIONAL, "big5", "big5"),
])
def test_detected_without_bom(text, raw_encoding, expected):
    raw = text.encode(raw_encoding)
    decoded, used = decode(raw, "a.txt")
    assert (decoded, used) == (text, expected)
    assert encode_as(decoded, used) == raw


@pytest.mark.parametrize("bom, base", [
    (codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"),
    (codecs.BOM_UTF32_LE, "utf-32-le"),
])
def test_bom_is_kept(bom, base):
    raw = bom + SIMPLIFIED.encode(base)
    decoded, used = decode(raw, "a.txt")
    assert decoded == SIMPLIFIED and used == f"{base}+bom"
    assert encode_as(decoded, used) == raw


def test_undecodable_bytes_name_the_offset():
    with pytest.raises(InputError, match=r"bad.txt: cannot decode byte 3 \(0xc3\)"):
        decode(b"abc\xc3\x28xyz\xff\xff", "bad.txt")
    with pytest.raises(InputError, match="binary"):
        decode(b"\x89PNG\r\n\x1a\n\x00\x00\x00", "img.txt")
    with pytest.raises(InputError, match=r"byte 0 is not valid utf-8"):
        decode(b"\xff\xfe", "a.txt", encoding="utf-8")


@pytest.mark.parametrize("raw_encoding", ["utf-8", "gb18030", "utf-16-be+bom", "utf-8+bom", "big5"])
def test_fix_writes_back_in_the_same_encoding_and_newlines(tmp_path, raw_encoding):
    text = TRADITIONAL if raw_encoding == "big5" else SIMPLIFIED
    p = tmp_path / "a.txt"
    p.write_bytes(encode_as(text, raw_encoding))
    out, err = io.StringIO(), io.StringIO()
    run(LintOptions(paths=[str(p)], glossary=[str(DATA / "mini.yaml")], fix=True), out, err)
    fixed, used = decode(p.read_bytes(), "a.txt")
    assert used == ("gb18030" if raw_encoding == "gb18030" else raw_encoding)
    expected = text.replace("王涛", "亚历山大·王").replace("王濤", "亞歷山大·王").replace("倩文", "通義千問" if raw_encoding == "big5" else "通义千问")
    assert fixed == expected
    assert fixed.count("\r\n") == text.count("\r\n") and fixed.count("\n") == text.count("\n")


def test_broken_symlink_and_directory(tmp_path):
    from mtqa.document import read_bytes

    link = tmp_path / "gone.txt"
    link.symlink_to(tmp_path / "nowhere.txt")
    with pytest.raises(InputError, match="broken symbolic link"):
        read_bytes(link)
    with pytest.raises(InputError, match="is a directory"):
        read_bytes(tmp_path)


def test_write_back_keeps_bytes_that_do_not_round_trip():
    """Big5 A1FE and A241 both read ／; a fix on another line must not rewrite A1FE as A241."""
    from mtqa.document import write_back

    raw = "第一行".encode("big5") + b"\xa1\xfe" + "很長的一行文字內容\n第二行有王濤在這裡出現了\n".encode("big5")
    text, used = decode(raw, "a.txt")
    assert used == "big5" and encode_as(text, used) != raw  # the duplicate code point
    fixed = text.replace("王濤", "亞歷山大·王")
    out = write_back(raw, text, fixed, used)
    assert out.split(b"\n")[0] == raw.split(b"\n")[0]  # the untouched line, byte for byte
    assert out.decode("big5") == fixed


UNHOLDABLE = "concept_id,type,lang,term,status,note\nwk,person,en,Wang Kun,preferred,\n" \
             "wk,person,zh-Hant,王堃,preferred,\nwk,person,zh-Hant,汪坤國,deprecated,\n"  # 堃 is not in Big5


@pytest.mark.parametrize("big", [False, True])
def test_a_fix_the_encoding_cannot_hold_is_an_error_naming_file_and_line(tmp_path, monkeypatch, big):
    import json

    from mtqa import sections

    if big:  # the same promise when a big file is fixed section by section
        monkeypatch.setattr(sections, "STREAM_BYTES", 1000)
        monkeypatch.setattr(sections, "SECTION_BYTES", 300)
    glossary = tmp_path / "g.csv"
    glossary.write_text(UNHOLDABLE, encoding="utf-8")
    text = "報導說，\r\n" + "這一行沒有名字。\r\n" * (60 if big else 1) + "汪坤國是總理。\r\n"
    p = tmp_path / "a.txt"
    p.write_bytes(text.encode("big5"))
    before = p.read_bytes()
    out, err = io.StringIO(), io.StringIO()
    code = run(LintOptions(paths=[str(p)], glossary=[str(glossary)], fix=True, output_format="json"), out, err)
    line = text.count("\n")
    assert code == 2
    assert err.getvalue().startswith(f"error: {p}:{line}: the fix needs '堃' (U+5803), which big5 cannot hold")
    assert p.read_bytes() == before
    assert list(tmp_path.glob(".a.txt.*")) == []  # no temp file left behind
    if not big:  # a small file is still reported as it is (a big one stops at the section)
        assert [(f["found"], f["line"]) for f in json.loads(out.getvalue())] == [("汪坤國", line)]


def test_a_fix_keeps_a_bom_and_crlf_in_a_legacy_file(tmp_path):
    p = tmp_path / "a.txt"
    p.write_bytes(codecs.BOM_UTF8 + "第一行\r\n王涛说\r\n".encode("utf-8"))
    run(LintOptions(paths=[str(p)], glossary=[str(DATA / "mini.yaml")], fix=True), io.StringIO(), io.StringIO())
    assert p.read_bytes() == codecs.BOM_UTF8 + "第一行\r\n亚历山大·王说\r\n".encode("utf-8")
    p.write_bytes("第一行\r\n王濤說\r\n".encode("big5"))
    run(LintOptions(paths=[str(p)], glossary=[str(DATA / "mini.yaml")], fix=True), io.StringIO(), io.StringIO())
    assert p.read_bytes() == "第一行\r\n亞歷山大·王說\r\n".encode("big5")
