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
