"""The compiled-glossary cache: reused while nothing changes, rebuilt when the glossary or the
code that reads it changes, pruned so old glossaries do not pile up."""
from __future__ import annotations

import os
import time

import pytest

from conftest import DATA
from mtqa import cache


def test_a_cached_glossary_is_reused_and_an_edit_rebuilds_it(tmp_path, monkeypatch):
    monkeypatch.setenv("MTQA_CACHE_DIR", str(tmp_path / "cache"))
    glossary = tmp_path / "g.yaml"
    glossary.write_bytes((DATA / "mini.yaml").read_bytes())
    first = cache.load_matcher([glossary])
    assert len(list((tmp_path / "cache").glob("glossary-*.pickle"))) == 1
    again = cache.load_matcher([glossary])
    assert again is not first and len(again.glossary) == len(first.glossary)  # read back from disk
    glossary.write_text(glossary.read_text(encoding="utf-8") + "\n# edited\n", encoding="utf-8")
    cache.load_matcher([glossary])
    assert len(list((tmp_path / "cache").glob("glossary-*.pickle"))) == 2


@pytest.mark.parametrize("rel", ["glossary/schema.py", "glossary/table.py", "glossary/hints.py", "matcher.py",
                                 "data/words.txt", "data/glossary_headers.txt"])
def test_the_key_covers_every_module_and_data_file(tmp_path, rel):
    here = os.path.dirname(cache.__file__)
    glossary = tmp_path / "g.yaml"
    glossary.write_bytes((DATA / "mini.yaml").read_bytes())
    before = cache._key([glossary])
    path = os.path.join(here, rel)
    st = os.stat(path)
    try:
        os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns + 1_000_000))
        assert cache._key([glossary]) != before
    finally:
        os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns))


def test_old_compiled_glossaries_are_pruned(tmp_path):
    for i in range(12):
        p = tmp_path / f"glossary-{i:02d}.pickle"
        p.write_bytes(b"x")
        t = time.time_ns() - (12 - i) * 10**9
        os.utime(p, ns=(t, t))
    (tmp_path / "readings-v5.marshal").write_bytes(b"keep me")
    cache._prune(tmp_path, keep=8)
    left = sorted(p.name for p in tmp_path.glob("glossary-*.pickle"))
    assert left == [f"glossary-{i:02d}.pickle" for i in range(4, 12)]
    assert (tmp_path / "readings-v5.marshal").exists()


def test_the_dictionary_by_sound_is_cached_and_gives_what_computing_gives(tmp_path, monkeypatch, mini):
    from mtqa.matcher import Matcher

    monkeypatch.setenv("MTQA_CACHE_DIR", str(tmp_path))
    (tmp_path / "dict-sounds-exact-1-2-3.marshal").write_bytes(b"left by an older mtqa")
    first = Matcher.build(mini)._sound_index.common_words
    assert len(list(tmp_path.glob("dict-sounds-exact-*.marshal"))) == 1  # the stale one is gone
    again = Matcher.build(mini)._sound_index.common_words  # read from the cache
    monkeypatch.setenv("MTQA_NO_CACHE", "1")
    for old in tmp_path.glob("dict-sounds-*"):
        old.unlink()
    fresh = Matcher.build(mini)._sound_index.common_words
    assert not list(tmp_path.glob("dict-sounds-*"))  # MTQA_NO_CACHE writes nothing either
    assert first == again == fresh
    assert "前文" in first  # sounds like 千问 (qian wen)
