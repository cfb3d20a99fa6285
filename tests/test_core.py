"""The compiled core (mtqa._core) as Python sees it: its scanners, and a panic inside it reaching
the user as an error that names the file, never an abort or a traceback."""
from __future__ import annotations

import sys

import pytest


def test_the_core_is_built_and_imported():
    from mtqa import _core

    assert _core.SpamScanner(["博彩"], ["免费"]).scan("免费博彩\n正文\n") == [(0, 4, 5, [0], [0], 0)]
    with pytest.raises(BaseException) as caught:
        _core._panic("on purpose")
    assert type(caught.value).__name__ == "PanicException" and "on purpose" in str(caught.value)


class _Panicky:
    def any_strong(self, text):
        return True

    def scan(self, text, words_in=None):
        from mtqa import _core

        if "博彩" in text:
            _core._panic("spam scan failed")
        return []


@pytest.mark.parametrize("fix", [False, True])
def test_a_panic_in_the_core_is_an_error_naming_the_file_and_the_other_files_are_linted(tmp_path, monkeypatch, capsys,
                                                                                        fix):
    from mtqa import entry
    from mtqa.data import sections
    from mtqa.rules import artefacts_scrape

    bad = tmp_path / "bad.txt"
    bad.write_text("Meta的新贵王涛加入了。\n博彩｜开奖｜投注\n", encoding="utf-8")
    good = tmp_path / "good.txt"
    good.write_text("Meta的新贵王涛加入了。\n", encoding="utf-8")
    before = bad.read_bytes()
    monkeypatch.setattr(artefacts_scrape, "_SPAM", (_Panicky(), sections("spam_words.txt")))
    monkeypatch.setattr(sys, "argv", ["mtqa", "lint", str(bad), str(good), "--isolated", "-j", "1",
                                      *(["--fix"] if fix else [])])
    with pytest.raises(SystemExit) as exit_:
        entry.main()
    out, err = capsys.readouterr()
    assert exit_.value.code == 2
    assert f"error: {bad}: mtqa's compiled core failed on this file (spam scan failed)" in err
    assert "Traceback" not in err and "panicked" not in err
    if fix:
        assert "亚历山大·王" in good.read_text(encoding="utf-8")  # the other file is fixed
    else:
        assert "good.txt" in out and "T001" in out  # the other file is linted
    assert bad.read_bytes() == before  # nothing written to the file the core failed on


@pytest.mark.parametrize("level", ["exact", "fuzzy"])
def test_the_cores_sound_coder_codes_every_character_as_the_python_coder_does(level):
    """The core's table is built from the same readings: every character of it (and characters
    without a reading, which stand for themselves) codes alike, first reading and all."""
    from mtqa.phonetics import SoundCoder, reading_table

    python = SoundCoder(level)
    chars = [chr(cp) for cp in sorted(reading_table())] + list("Qwen·3 𠮷")
    core = python.core()
    text = "".join(chars)
    assert core.encode(text) == python.encode(text)
    if level == "fuzzy":  # the fuzzy level merges classes: 张 (zhang) and 脏 (zang) code alike
        assert python.encode("张") == python.encode("脏") == core.encode("脏")
    else:
        assert core.encode("张") != core.encode("脏")


def test_name_candidates_take_the_first_coding_that_is_a_name_in_encode_all_order():
    from mtqa.phonetics import SoundCoder

    coder = SoundCoder("exact")
    # 柏 reads bo, then bai: 柏立 codes two ways; a name coded by the second reading is still found
    names = [coder.encode_all("柏立")[1], coder.encode("杨立昆")]
    sounds = coder.core(names, [])
    folded = "我见到柏立和杨立坤，还有张三。"
    groups = [[(3, 5)], [(6, 9), (6, 8)], [(12, 14)]]
    assert sounds.name_candidates(folded, groups) == [[(3, 5, names[0])], [(6, 9, names[1])], []]
    with pytest.raises(ValueError):
        sounds.name_candidates(folded, [[(3, 99)]])
    assert sounds.known_starts(folded, groups) == [[], [], []]
    assert coder.core([], [coder.encode("杨立昆")]).known_starts(folded, groups) == [[], [0, 1], []]
