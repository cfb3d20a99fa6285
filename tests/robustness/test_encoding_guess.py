"""A file without a BOM that is not UTF-8 is read as what it most plausibly says (issue 15 §3).

GB18030 decodes almost any bytes, so a short Big5 file used to be read as GB18030 mojibake and
pass clean; the guess now weighs how plausible each decoding is as Chinese text, says when it
is a close call, and can be forced per run (--encoding) or per project (`encoding`).
"""
import glob
import io

import pytest

from mtqa.document import decode
from mtqa.encoding_guess import guess_legacy
from mtqa.errors import InputError
from mtqa.run_lint import LintOptions, run

from conftest import DATA

REPO = DATA.parent.parent


def lint(path, **kw):
    out, err = io.StringIO(), io.StringIO()
    code = run(LintOptions(paths=[str(path)], glossary=[str(DATA / "mini.yaml")], output_format="json", **kw),
               out, err)
    import json

    return code, json.loads(out.getvalue()), err.getvalue()


@pytest.mark.parametrize("text, encoding, deprecated", [
    ("王濤表示\n", "big5", "王濤"),
    ("倩文\n", "big5", "倩文"),
    ("據報王濤說", "big5", "王濤"),
    ("王涛表示\n", "gb18030", "王涛"),
    ("倩文\n", "gb18030", "倩文"),
    ("阿里的倩文", "gb18030", "倩文"),
])
def test_a_short_legacy_file_gets_the_finding_its_utf8_twin_gets(tmp_path, text, encoding, deprecated):
    legacy, utf8 = tmp_path / "legacy.txt", tmp_path / "utf8.txt"
    legacy.write_bytes(text.encode(encoding))
    utf8.write_text(text, encoding="utf-8")
    code, findings, err = lint(legacy)
    twin_code, twin, _ = lint(utf8)
    assert code == twin_code == 1
    assert [(f["rule"], f["found"], f["line"], f["column"]) for f in findings] == \
           [(f["rule"], f["found"], f["line"], f["column"]) for f in twin]
    assert findings[0]["found"] == deprecated
    assert "warning" not in err


@pytest.mark.parametrize("text, encoding", [
    ("他說了。\n", "big5"), ("會議在臺北舉行", "big5"), ("楊立昆", "big5"),
    ("他说了。\n", "gb18030"), ("会议在北京举行", "gb18030"),
])
def test_a_clean_short_legacy_file_is_clean_and_quiet(tmp_path, text, encoding):
    p = tmp_path / "a.txt"
    p.write_bytes(text.encode(encoding))
    assert decode(p.read_bytes(), "a.txt") == (text, encoding)
    code, findings, err = lint(p)
    assert (code, findings, err) == (0, [], "")


def test_a_close_call_says_what_was_assumed_and_how_to_force_another(tmp_path):
    p = tmp_path / "one.txt"
    p.write_bytes("楊\n".encode("big5"))  # one character: 楊 in Big5 is 法 in GB18030
    code, findings, err = lint(p)
    assert code == 0
    assert err.startswith(f"warning: {p}: guessed the encoding ")
    assert "--encoding" in err and "encoding = " in err
    # Forcing it (on the command line or in the project's config) removes the doubt.
    assert lint(p, encoding="big5")[2] == ""
    (tmp_path / "mtqa.toml").write_text('encoding = "big5"\n', encoding="utf-8")
    assert lint(p)[2] == ""
    assert decode(p.read_bytes(), "one.txt", "big5")[0] == "楊\n"


def test_the_project_encoding_applies_and_a_bad_one_names_file_and_key(tmp_path):
    p = tmp_path / "a.txt"
    p.write_bytes("王濤表示".encode("big5"))
    (tmp_path / "mtqa.toml").write_text('encoding = "gb18030"\n', encoding="utf-8")
    code, findings, _ = lint(p)
    assert (code, findings) == (0, [])  # read as the project says, wrongly: no 王濤
    (tmp_path / "mtqa.toml").write_text('encoding = "big6"\n', encoding="utf-8")
    out, err = io.StringIO(), io.StringIO()
    with pytest.raises(Exception) as exc:
        run(LintOptions(paths=[str(p)]), out, err)
    assert str(exc.value).startswith(f"{tmp_path / 'mtqa.toml'}: encoding: unknown encoding 'big6'")


def test_random_bytes_are_not_text():
    import random

    rng = random.Random(7)
    for _ in range(50):
        data = bytes(rng.randint(1, 255) for _ in range(400))
        assert guess_legacy(data) is None
        with pytest.raises(InputError, match="does not read as GB18030 or Big5"):
            decode(data, "noise.txt")


def _lines():
    import re

    mark = re.compile(r"\{\{(.+?)\|[A-Z][0-9]{3}(?:,[A-Z][0-9]{3})*\}\}", re.S)
    files = glob.glob(str(REPO / "seeds" / "*.txt")) + glob.glob(str(DATA / "annotated*" / "*.txt"))
    for f in files:
        with open(f, encoding="utf-8") as fh:
            text = mark.sub(r"\1", fh.read())
        yield from (line.strip() for line in text.splitlines() if len(line.strip()) >= 2)


def test_no_line_of_the_corpora_is_confidently_misread():
    """Every line of the seeds and annotated sets, cut to 4 and 12 characters, stored as
    GB18030 (as written, and in Traditional) and as Big5: the guess is right, or it says it
    is unsure. (benchmarks/bench_encoding_guess.py prints the rates.)"""
    from mtqa.script import to_traditional

    wrong, total = [], 0
    for line in _lines():
        for n in (2, 4, 12):
            frag = line[:n]
            trad = to_traditional(frag)
            for text, encoding in ((frag, "gb18030"), (trad, "gb18030"), (trad, "big5")):
                try:
                    data = text.encode(encoding)
                    data.decode("utf-8")
                    continue  # ASCII, or valid UTF-8: not a legacy guess
                except UnicodeEncodeError:
                    continue
                except UnicodeDecodeError:
                    pass
                total += 1
                guess = guess_legacy(data)
                if guess is not None and guess.encoding != encoding and not guess.uncertain:
                    wrong.append((text, encoding, guess.encoding))
    assert total > 2000
    assert wrong == []
