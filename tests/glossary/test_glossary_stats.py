"""`mtqa glossary stats CORPUS`: which forms the articles use, how often, and which concepts never occur."""
import csv
import io
import json

from glossary_util import MINI, SEEDS, cli, write


def corpus(tmp_path):
    d = tmp_path / "corpus"
    d.mkdir()
    write(d / "a.txt", "杨立昆说,杨立坤是错的。马克·扎克伯格和扎克伯格。元宇宙、美元都不是Meta。\n")
    write(d / "b.md", "楊立昆(Yann LeCun)在Metaverse里。\n")
    write(d / "skip.json", "杨立昆杨立昆杨立昆")
    return d


def rows(r):
    return {(row["concept_id"], row["term"]): row for row in csv.DictReader(io.StringIO(r.stdout))}


def test_counts_per_form_across_scripts_and_surnames(tmp_path):
    r = cli("stats", corpus(tmp_path), "-g", MINI, "--format", "csv")
    assert r.exit_code == 0, r.stderr
    table = rows(r)
    assert list(next(iter(table.values()))) == ["concept_id", "type", "lang", "term", "status", "count",
                                                 "as_surname", "files", "share"]
    assert table[("yann-lecun", "杨立昆")]["count"] == "2"      # one Simplified, one Traditional; .json skipped
    assert table[("yann-lecun", "杨立昆")]["files"] == "2"
    assert table[("yann-lecun", "杨立坤")]["count"] == "1"
    assert table[("yann-lecun", "Yann LeCun")]["count"] == "1"
    assert table[("yann-lecun", "杨立昆")]["share"] == "0.5"
    assert (table[("mark-zuckerberg", "马克·扎克伯格")]["count"], table[("mark-zuckerberg", "马克·扎克伯格")]["as_surname"]) == ("2", "1")
    # hard negatives: 元 inside 元宇宙/美元 is no hit; Meta inside Metaverse is no hit, the standalone Meta is
    assert table[("meta", "元")]["count"] == "0"
    assert table[("meta", "Meta")]["count"] == "1"
    assert table[("qwen", "通义千问")]["count"] == "0"  # never occurs: a row with zero, not a missing row


def test_by_concept_and_unused(tmp_path):
    d = corpus(tmp_path)
    r = cli("stats", d, "-g", MINI, "--by", "concept", "--format", "json")
    data = {row["concept_id"]: row for row in json.loads(r.stdout)}
    assert data["yann-lecun"]["count"] == 4 and data["yann-lecun"]["forms_used"] == 3
    assert data["yann-lecun"]["top_form"] == "杨立昆 ×2" and data["yann-lecun"]["preferred"] == "杨立昆"
    assert data["yann-lecun"]["preferred_share"] == 0.5
    r = cli("stats", d, "-g", MINI, "--by", "concept", "--unused", "--format", "csv")
    unused = {row["concept_id"] for row in csv.DictReader(io.StringIO(r.stdout))}
    assert unused == {"alexandr-wang", "andrew-bosworth", "qwen", "avocado", "google", "reality-labs",
                      "tomasz-tunguz", "nvidia", "msl"}
    text = cli("stats", d, "-g", MINI, "--by", "concept").stdout
    assert text.splitlines()[0].split()[:3] == ["concept_id", "type", "count"]


def test_output_file_and_errors(tmp_path):
    out = tmp_path / "stats.csv"
    r = cli("stats", SEEDS, "-g", MINI, "--format", "csv", "-o", out)
    assert r.exit_code == 0 and out.read_text(encoding="utf-8").startswith("concept_id,")
    assert cli("stats", tmp_path / "missing", "-g", MINI).exit_code == 2
    empty = tmp_path / "empty"
    empty.mkdir()
    assert cli("stats", empty, "-g", MINI).exit_code == 2
    assert cli("stats", SEEDS, "-g", MINI, "--by", "file").exit_code == 2
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\xff\xfe\x00\xd8 broken")
    r = cli("stats", bad, "-g", MINI)
    assert r.exit_code == 2 and "bad.txt" in r.stderr
