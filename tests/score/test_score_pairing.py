"""Files and folders → documents → segments, read the way the `sacrebleu` command reads them."""
import pytest

from mtqa.errors import InputError
from mtqa.score.pairing import pair_paths, split_segments


@pytest.mark.parametrize("text, segments", [
    ("", []),
    ("a\nb\n", ["a", "b"]),
    ("a\nb", ["a", "b"]),
    ("a\n\nb\n", ["a", "", "b"]),
    ("a  \t\nb\r\n", ["a", "b"]),  # trailing white space and CR go, as sacrebleu's rstrip does
    ("a\u3000\n", ["a"]),  # ideographic space is white space to str.rstrip too
    ("a\rb\n", ["a\rb"]),  # sacrebleu splits on \n only
    ("a\u2028b\n", ["a\u2028b"]),  # …and not on Unicode line separators either
    ("\n", [""]),
])
def test_split_segments_matches_sacrebleu(text, segments):
    assert split_segments(text) == segments


def write(folder, name, text):
    p = folder / name
    p.parent.mkdir(parents=True, exist_ok=True)
    p.write_text(text, encoding="utf-8")
    return p


def test_two_files_make_one_document(tmp_path):
    h = write(tmp_path, "h.txt", "一\n二\n")
    r = write(tmp_path, "r.txt", "壹\n贰\n")
    (doc,) = pair_paths(h, r)
    assert (doc.name, doc.hyp, doc.ref) == ("h.txt", ["一", "二"], ["壹", "贰"])


def test_folders_pair_by_relative_name_in_sorted_order(tmp_path):
    for side in ("hyp", "ref"):
        write(tmp_path / side, "b.txt", "b\n")
        write(tmp_path / side, "a.txt", "a\n")
        write(tmp_path / side, "sub/c.txt", "c\n")
        write(tmp_path / side, ".hidden/x.txt", "x\ny\n")  # hidden: ignored on both sides
    docs = pair_paths(tmp_path / "hyp", tmp_path / "ref")
    assert [d.name for d in docs] == ["a.txt", "b.txt", "sub/c.txt"]


def test_line_count_mismatch_names_both_files_and_the_first_unpaired_line(tmp_path):
    h = write(tmp_path, "h.txt", "1\n2\n3\n")
    r = write(tmp_path, "r.txt", "1\n2\n")
    with pytest.raises(InputError) as e:
        pair_paths(h, r)
    msg = str(e.value)
    assert f"{h} has 3 line(s) but {r} has 2" in msg and f"{h}:3" in msg


def test_unpaired_documents_are_listed(tmp_path):
    write(tmp_path / "hyp", "a.txt", "a\n")
    write(tmp_path / "hyp", "b.txt", "b\n")
    write(tmp_path / "ref", "a.txt", "a\n")
    write(tmp_path / "ref", "c.txt", "c\n")
    with pytest.raises(InputError) as e:
        pair_paths(tmp_path / "hyp", tmp_path / "ref")
    msg = str(e.value)
    assert "hyp/b.txt has no reference" in msg and "ref/c.txt has no hypothesis" in msg


@pytest.mark.parametrize("make, expected", [
    (lambda t: (write(t, "h.txt", "a\n"), t / "nope"), "no such file or folder (--ref)"),
    (lambda t: ((t / "d").mkdir() or t / "d", write(t, "r.txt", "a\n")), "give two files or two folders"),
    (lambda t: ((t / "h").mkdir() or t / "h", (t / "r").mkdir() or t / "r"), "no files to score"),
])
def test_bad_pairs_are_clear_errors(tmp_path, make, expected):
    hyp, ref = make(tmp_path)
    with pytest.raises(InputError, match=expected.replace("(", r"\(").replace(")", r"\)")):
        pair_paths(hyp, ref)


def test_undecodable_file_is_an_error_naming_it(tmp_path):
    h = tmp_path / "h.txt"
    h.write_bytes(b"\x00\x01binary")
    r = write(tmp_path, "r.txt", "a\n")
    with pytest.raises(InputError, match="h.txt"):
        pair_paths(h, r)


def test_gb18030_file_is_decoded(tmp_path):
    h = tmp_path / "h.txt"
    h.write_bytes("杨立昆离开了Meta。\n".encode("gb18030"))
    r = write(tmp_path, "r.txt", "杨立昆离开了Meta。\n")
    (doc,) = pair_paths(h, r)
    assert doc.hyp == doc.ref
