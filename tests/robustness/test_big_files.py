"""Big inputs: files linted in sections (bounded memory), findings streamed to the report.

Most tests lower `sections.STREAM_BYTES` and `SECTION_BYTES` so that a few kilobytes take
the same path a 200 MB file does and can be compared with linting the file whole. Two
subprocess tests measure the real thing: a file with a million findings and a file of many
megabytes, each with the peak memory of the `mtqa` process.
"""
from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

import mtqa.sections as sections
from mtqa.document import decode
from mtqa.errors import InputError
from mtqa.run_lint import LintOptions, run

from conftest import GLOSSARIES, SEEDS

PARAGRAPH = "据报道，王涛加入了梅塔，负责新成立的待定实验室。\n杨立坤对此表示怀疑。\n"
CLEAN = "这是一段没有任何问题的普通中文文字，用来把文件撑大。\n"


def article(n: int, newline: str = "\n") -> str:
    parts = []
    for i in range(n):
        parts.append(PARAGRAPH if i % 3 == 0 else CLEAN * (1 + i % 4))
        parts.append("\n")  # a blank line between paragraphs
    return "".join(parts).replace("\n", newline)


@pytest.fixture
def small_sections(monkeypatch):
    """Every file over 1 KB takes the big-file path, in sections of about 300 bytes."""
    monkeypatch.setattr(sections, "STREAM_BYTES", 1000)
    monkeypatch.setattr(sections, "SECTION_BYTES", 300)


def lint_json(path: Path, *extra: str, **kw) -> tuple[int, list[dict], str]:
    import io

    out, err = io.StringIO(), io.StringIO()
    opts = LintOptions(paths=[str(path)], glossary=[str(GLOSSARIES)], output_format="json", isolated=True, **kw)
    code = run(opts, out, err)
    return code, (json.loads(out.getvalue()) if out.getvalue().strip().startswith("[") else []), err.getvalue()


ENCODINGS = [
    ("utf-8", b""),
    ("utf-8", b"\xef\xbb\xbf"),
    ("utf-16-le", b"\xff\xfe"),
    ("utf-16-be", b"\xfe\xff"),
    ("gb18030", b""),
    ("big5", b""),
]


@pytest.mark.parametrize("encoding,bom", ENCODINGS)
@pytest.mark.parametrize("newline", ["\n", "\r\n"])
def test_sections_cover_the_file_exactly(tmp_path, encoding, bom, newline):
    text = article(120, newline)
    if encoding == "big5":
        text = text.replace("梅塔", "梅塔").encode("big5", "replace").decode("big5")  # Big5 lacks some simplified forms
    path = tmp_path / "big.txt"
    path.write_bytes(bom + text.encode(encoding))
    got = list(sections.iter_sections(path, section_bytes=1024))
    assert len(got) > 5
    assert "".join(s.doc.text for s in got) == text
    assert b"".join(s.raw for s in got) == path.read_bytes()[len(bom):]
    whole = text
    for s in got:
        assert s.char_offset == len(whole[: s.char_offset])
        assert s.doc.first_line == whole[: s.char_offset].count("\n") + 1
        assert s.doc.encoding == (encoding + "+bom" if bom else encoding)
    # Paragraphs are shorter than half a section, so every cut falls at a paragraph break.
    for s in got[:-1]:
        assert s.doc.text.endswith(newline * 2), repr(s.doc.text[-6:])


def test_a_line_longer_than_a_section_is_cut_on_a_character_boundary(tmp_path, monkeypatch):
    monkeypatch.setattr(sections, "MAX_LINE_BYTES", 1000)
    text = ("前言\n" + "字" * 3000 + "王涛" + "字" * 50 + "\n尾声\n")
    path = tmp_path / "long.txt"
    path.write_text(text, encoding="utf-8")
    got = list(sections.iter_sections(path, section_bytes=500))
    assert "".join(s.doc.text for s in got) == text
    from mtqa.document import Document

    whole = Document(text=text)
    for s in got:  # every offset maps to the same (line, column) as in the whole text
        for local in range(0, len(s.doc.text), 97):
            assert s.position(s.char_offset + local) == whole.position(s.char_offset + local)


def test_findings_in_sections_equal_whole_file_findings(tmp_path, monkeypatch):
    path = tmp_path / "big.txt"
    path.write_text(article(60), encoding="utf-8")
    _, whole, _ = lint_json(path, select=["T001"])
    monkeypatch.setattr(sections, "STREAM_BYTES", 1000)
    monkeypatch.setattr(sections, "SECTION_BYTES", 300)
    code, parts, err = lint_json(path, select=["T001"])
    assert code == 1 and err == ""
    assert len(whole) == 20 * 4  # 王涛, 梅塔, 待定实验室, 杨立坤 in every third paragraph
    assert parts == whole
    text = path.read_text(encoding="utf-8")
    assert all(f["found"] == text[f["start"]:f["end"]] for f in parts)


@pytest.mark.parametrize("encoding,bom", ENCODINGS[:5])
@pytest.mark.parametrize("newline", ["\n", "\r\n"])
def test_fixing_a_big_file_writes_what_fixing_it_whole_writes(tmp_path, monkeypatch, encoding, bom, newline):
    original = bom + article(50, newline).encode(encoding)
    whole, parts = tmp_path / "whole.txt", tmp_path / "parts.txt"
    whole.write_bytes(original)
    parts.write_bytes(original)
    parts.chmod(0o640)
    assert lint_json(whole, select=["T001"], fix=True)[0] == 0
    monkeypatch.setattr(sections, "STREAM_BYTES", 1000)
    monkeypatch.setattr(sections, "SECTION_BYTES", 300)
    code, after, err = lint_json(parts, select=["T001"], fix=True)
    assert (code, after, err) == (0, [], "")
    assert parts.read_bytes() == whole.read_bytes() != original
    assert parts.read_bytes().startswith(bom)
    assert parts.stat().st_mode & 0o777 == 0o640
    assert not list(tmp_path.glob(".*mtqa-tmp"))
    text, _ = decode(parts.read_bytes(), "parts")
    assert "亚历山大·王" in text and "王涛" not in text


def test_a_big_file_with_nothing_to_fix_is_left_alone(tmp_path, small_sections):
    path = tmp_path / "clean.txt"
    path.write_text(CLEAN * 200, encoding="utf-8")
    before = path.stat().st_mtime_ns
    assert lint_json(path, fix=True)[0] == 0
    assert path.stat().st_mtime_ns == before
    assert not list(tmp_path.glob(".*mtqa-tmp"))


def test_diff_of_a_big_file_numbers_hunks_by_whole_file_lines(tmp_path, small_sections):
    import io

    path = tmp_path / "big.txt"
    text = article(40)
    path.write_text(text, encoding="utf-8")
    out = io.StringIO()
    code = run(LintOptions(paths=[str(path)], glossary=[str(GLOSSARIES)], select=["T001"], diff=True, isolated=True),
               out, io.StringIO())
    diff = out.getvalue()
    assert code == 1
    assert diff.count("--- a/") == 1 and diff.count("+++ b/") == 1
    lines = text.splitlines(keepends=True)
    hunks = re.findall(r"^@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@\n((?:[ +-].*\n)*)", diff, re.M)
    assert len(hunks) >= 5
    new_lines = list(lines)
    for old_start, _, new_start, _, body in reversed(hunks):  # apply from the end: patch by hand
        i = int(old_start) - 1
        old = [x[1:] for x in body.splitlines(keepends=True) if x[0] in " -"]
        new = [x[1:] for x in body.splitlines(keepends=True) if x[0] in " +"]
        assert lines[i:i + len(old)] == old  # the hunk's "-" and context lines are where it says
        assert int(new_start) == int(old_start)  # fixes here never add or remove lines
        new_lines[i:i + len(old)] = new
    assert path.read_text(encoding="utf-8") == text  # --diff writes nothing
    assert "王涛" not in "".join(new_lines) and "".join(new_lines).count("亚历山大·王") == 14  # i % 3 == 0 for i < 40


def test_an_undecodable_byte_in_a_later_section_is_located(tmp_path, small_sections):
    good = article(30).encode("utf-8")
    path = tmp_path / "broken.txt"
    path.write_bytes(good + b"\xff\xfe bad\n" + good)
    code, _, err = lint_json(path)
    assert code == 2
    assert f"broken.txt: byte {len(good)} is not valid utf-8" in err
    assert "Traceback" not in err


def test_a_big_file_changed_while_being_fixed_is_not_overwritten(tmp_path):
    from mtqa.fix import atomic_writer

    path = tmp_path / "a.txt"
    path.write_text("old\n", encoding="utf-8")
    before = path.stat()
    with pytest.raises(InputError, match="changed on disk"):
        with atomic_writer(path, unchanged_since=before) as sink:
            sink.write(b"fixed\n")
            path.write_text("edited by someone else, longer\n", encoding="utf-8")
    assert path.read_text(encoding="utf-8") == "edited by someone else, longer\n"
    assert not list(tmp_path.glob(".*mtqa-tmp"))


def test_text_report_of_a_big_file_shows_whole_file_lines(tmp_path, small_sections):
    import io

    path = tmp_path / "big.txt"
    path.write_text(article(30), encoding="utf-8")
    out = io.StringIO()
    run(LintOptions(paths=[str(path)], glossary=[str(GLOSSARIES)], select=["T001"], isolated=True), out, io.StringIO())
    report = out.getvalue()
    last = max(int(m) for m in re.findall(r"big\.txt:(\d+):\d+: T001", report))
    text = path.read_text(encoding="utf-8")
    assert last > 50 and "王涛" in text.splitlines()[last - 1] or "杨立坤" in text.splitlines()[last - 1]
    assert f" {last} | 杨立坤对此表示怀疑。" in report
    assert "Found 40 findings (40 errors) in 1 of 1 file." in report


def _peak_rss_run(args: list[str], cwd: Path) -> tuple[subprocess.CompletedProcess, float]:
    """Run `mtqa ARGS` in a child process; return it and its peak RSS in MiB.

    VmHWM, not getrusage: Linux carries ru_maxrss across fork and exec, so a child would
    report this test process's own peak.
    """
    code = ("import re, runpy, sys\n"
            f"sys.argv = ['mtqa', *{args!r}]\n"
            "try:\n    runpy.run_module('mtqa', run_name='__main__')\n"
            "except SystemExit as e:\n    code = e.code\nelse:\n    code = 0\n"
            "hwm = re.search(r'VmHWM:\\s+(\\d+) kB', open('/proc/self/status').read())[1]\n"
            "print(int(hwm) / 1024, file=sys.stderr)\n"
            "sys.exit(code)\n")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=cwd, timeout=1500)
    return proc, float(proc.stderr.strip().splitlines()[-1])


def test_a_million_findings_stream_in_bounded_memory(tmp_path):
    path = tmp_path / "million.txt"
    path.write_text("王涛\n" * 1_000_000, encoding="utf-8")  # 7 MB: linted in sections
    out = tmp_path / "findings.json"
    proc, rss = _peak_rss_run(["lint", str(path), "--isolated", "--glossary", str(GLOSSARIES), "--select", "T001",
                               "--format", "json", "--output", str(out)], tmp_path)
    assert proc.returncode == 1, proc.stderr
    text = out.read_text(encoding="utf-8")
    # Parsing a million findings here would take gigabytes in this process: count and
    # parse the first and the last instead.
    assert text.startswith("[\n  {") and text.endswith("\n  }\n]\n")
    assert text.count('\n    "rule": "T001",') == 1_000_000
    first = json.loads(text[2:text.index("\n  },") + 4])
    last = json.loads(text[text.rindex("\n  {") + 1:-3])
    assert (first["line"], first["start"], first["found"]) == (1, 0, "王涛")
    assert (last["line"], last["start"], last["found"]) == (1_000_000, 3 * 999_999, "王涛")
    # Whole, the findings alone would take about a gigabyte; streamed, one section's worth.
    assert rss < 250, f"peak RSS {rss:.0f} MiB"


def test_a_big_file_is_linted_in_bounded_memory(tmp_path):
    """A file many times the section size: memory stays near one section's worth."""
    import os

    mb = int(os.environ.get("MTQA_BIG_FILE_MB", "24"))
    seeds = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]
    path = tmp_path / "corpus.txt"
    size, i = 0, 0
    with path.open("w", encoding="utf-8") as fh:
        while size < mb << 20:
            chunk = seeds[i % len(seeds)] + "\n\n"
            fh.write(chunk)
            size += len(chunk.encode("utf-8"))
            i += 1
    out = tmp_path / "report.csv"
    proc, rss = _peak_rss_run(["lint", str(path), "--isolated", "--glossary", str(GLOSSARIES),
                               "--format", "csv", "--output", str(out)], tmp_path)
    assert proc.returncode == 1, proc.stderr
    import csv

    with out.open(encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert sum(r["found"] == "王涛" for r in rows) == 8 * (i // 4 + (i % 4 > 0))  # 8 in each copy of seed 000
    assert int(rows[-1]["line"]) > 10_000
    assert rss < 250, f"peak RSS {rss:.0f} MiB for a {mb} MB file"


# --- found in review: what carries across sections, encodings settled late -----------------

def test_a_disable_at_the_top_covers_every_section(tmp_path, small_sections):
    path = tmp_path / "big.txt"
    text = "# mtqa: disable T001 -- a corpus of quotes, left as written\n" + article(40)
    path.write_text(text, encoding="utf-8")
    code, findings, err = lint_json(path, select=["T001"], report_unused_suppressions=True)
    assert (code, findings, err) == (0, [], "")
    assert lint_json(path, select=["T001"], fix=True)[0] == 0
    assert path.read_text(encoding="utf-8") == text  # nothing the user protected was rewritten


def test_an_enable_sections_later_closes_the_disable(tmp_path, monkeypatch):
    path = tmp_path / "big.txt"
    text = "# mtqa: disable T001\n" + article(20) + "# mtqa: enable T001\n" + article(20)
    path.write_text(text, encoding="utf-8")
    whole = lint_json(path, select=["T001"], report_unused_suppressions=True)
    monkeypatch.setattr(sections, "STREAM_BYTES", 1000)
    monkeypatch.setattr(sections, "SECTION_BYTES", 300)
    parts = lint_json(path, select=["T001"], report_unused_suppressions=True)
    assert parts == whole
    rules = [f["rule"] for f in parts[1]]
    assert "M001" not in rules and rules.count("T001") == 7 * 4  # only after the enable


def test_a_disable_next_line_at_the_end_of_a_section_covers_the_next_line(tmp_path):
    from mtqa.lint import get_matcher, lint_document
    from mtqa.rules import select_rules
    from mtqa.sections import Cursor
    from mtqa.suppress import Carry

    matcher, rules, carry, cursor = get_matcher(GLOSSARIES), select_rules(["T001"]), Carry(), Cursor()
    found = []
    for text in ("第一段。\n# mtqa: disable-next-line T001\n", "王涛说。\n王涛又说。\n"):
        doc = cursor.document(text, "x.txt", "utf-8")
        found += [(f.line, f.found) for f in lint_document(doc, matcher, rules, carry=carry)]
        carry.advance()
        cursor.advance(text)
    assert found == [(4, "王涛")]  # line 3 is suppressed, line 4 is not


@pytest.mark.parametrize("forced,bom", [("utf-8-sig", b"\xef\xbb\xbf"), ("utf-16", b"\xff\xfe"), ("utf-16", b"\xfe\xff"),
                                        ("utf-8-sig", b"")])
def test_a_forced_bom_codec_writes_one_bom(tmp_path, monkeypatch, forced, bom):
    body = article(40)
    codec = {b"\xff\xfe": "utf-16-le", b"\xfe\xff": "utf-16-be"}.get(bom, "utf-8")
    original = bom + body.encode(codec)
    whole, parts = tmp_path / "whole.txt", tmp_path / "parts.txt"
    whole.write_bytes(original)
    parts.write_bytes(original)
    assert lint_json(whole, select=["T001"], fix=True, encoding=forced)[0] == 0
    monkeypatch.setattr(sections, "STREAM_BYTES", 1000)
    monkeypatch.setattr(sections, "SECTION_BYTES", 300)
    assert lint_json(parts, select=["T001"], fix=True, encoding=forced)[:2] == (0, [])
    fixed = parts.read_bytes()
    assert fixed == whole.read_bytes()
    assert fixed.startswith(bom) and fixed.count(bom or b"\xef\xbb\xbf") == (1 if bom else 0)
    assert "亚历山大·王" in fixed[len(bom):].decode(codec)


@pytest.mark.parametrize("encoding", ["gb18030", "big5"])
def test_a_line_longer_than_the_limit_is_cut_between_characters_of_a_legacy_encoding(tmp_path, monkeypatch, encoding):
    monkeypatch.setattr(sections, "STREAM_BYTES", 1000)
    monkeypatch.setattr(sections, "MAX_LINE_BYTES", 2000)
    body = ("据报道，这是一个很长的句子，没有任何换行符号。" if encoding == "gb18030"
            else "據報道，這是一個很長的句子，沒有任何換行符號。")
    text = body * 150 + "楊立坤" + body * 10  # one line of about 7 KB
    path = tmp_path / "long.txt"
    path.write_bytes(text.encode(encoding))
    got = list(sections.iter_sections(path, section_bytes=500))
    assert len(got) > 3 and "".join(s.doc.text for s in got) == text
    code, findings, err = lint_json(path, select=["T001"])
    assert err == "" and [f["found"] for f in findings] == ["楊立坤"]


def test_an_ascii_beginning_does_not_decide_the_encoding(tmp_path, small_sections):
    head = "".join(f"Line {i} of an English preamble.\n" for i in range(60))
    text = head + "\n" + article(20)
    path = tmp_path / "mixed.txt"
    path.write_bytes(text.encode("gb18030"))
    code, findings, err = lint_json(path, select=["T001"])
    assert err == "" and code == 1
    assert all(f["found"] == text[f["start"]:f["end"]] for f in findings) and len(findings) == 7 * 4


def test_line_numbers_in_messages_are_the_whole_files(tmp_path, monkeypatch):
    path = tmp_path / "dup.txt"
    repeated = "这一行在文件里出现了两次，用来测试重复行的检测是否正确。\n"
    path.write_text(repeated + "\n" + article(30) + repeated, encoding="utf-8")
    whole = [f["message"] for f in lint_json(path, select=["A009"])[1]]
    monkeypatch.setattr(sections, "STREAM_BYTES", 1000)
    monkeypatch.setattr(sections, "SECTION_BYTES", 8000)
    parts = [f["message"] for f in lint_json(path, select=["A009"])[1]]
    assert whole and parts == whole


def test_the_snippet_of_a_hit_in_a_very_long_line_shows_the_hit(tmp_path, monkeypatch):
    import io

    monkeypatch.setattr(sections, "STREAM_BYTES", 1000)
    monkeypatch.setattr(sections, "MAX_LINE_BYTES", 2000)
    path = tmp_path / "long.txt"
    path.write_text("字" * 3000 + "王涛" + "字" * 100 + "\n", encoding="utf-8")
    out = io.StringIO()
    run(LintOptions(paths=[str(path)], glossary=[str(GLOSSARIES)], select=["T001"], isolated=True), out, io.StringIO())
    report = out.getvalue()
    assert "long.txt:1:3001: T001" in report
    assert " 1 | …" + "字" * 17 + "王涛" + "字" * 17 + "…\n" in report
    assert "\n   | " + " " * 35 + "^^^^\n" in report  # … is one column, each 字 two


def test_sarif_results_are_pretty_printed(tmp_path):
    import io

    from mtqa.report import sarif
    from mtqa.document import Document
    from mtqa.lint import lint_text

    doc = Document(text="王涛加入了梅塔。", path="a.txt")
    out = io.StringIO()
    sarif.render([(doc, lint_text(doc.text, GLOSSARIES))], out)
    assert out.getvalue() == json.dumps(sarif.sarif_log([(doc, lint_text(doc.text, GLOSSARIES))]),
                                        ensure_ascii=False, indent=2) + "\n"


def test_json_report_is_json_dump_with_indent_2_whatever_the_batches():
    """The JSON report encodes a document's findings in one call; the text must stay exactly
    json.dump(indent=2) of the list, also with values that look like the batch joints."""
    import io
    import random

    from mtqa.report.json_report import render, write_array, write_flat_batches

    rng = random.Random(5)
    values = ["x", "}, {", '引号"', "\\", "},\n  {", "a\n}b", "", None, 1, 2.5, True]
    for _ in range(200):
        batches = [[{k: rng.choice(values) for k in ("path", "line", "message", "suggestion")}
                    for _ in range(rng.randint(0, 4))] for _ in range(rng.randint(0, 5))]
        flat = [d for batch in batches for d in batch]
        one, many = io.StringIO(), io.StringIO()
        write_array(iter(flat), one, indent=0, flat=True)
        write_flat_batches(batches, many)
        assert many.getvalue() == one.getvalue() == json.dumps(flat, ensure_ascii=False, indent=2)
    from mtqa.document import Document
    from mtqa.lint import lint_text

    doc = Document(text="王涛加入了梅塔。\n杨立坤说,", path="a.txt")
    findings = lint_text(doc.text, GLOSSARIES)
    out = io.StringIO()
    render([(doc, findings), (doc, []), (doc, findings)], out)
    assert out.getvalue() == json.dumps([f.to_dict() for f in findings * 2], ensure_ascii=False, indent=2) + "\n"
