"""Inputs: folders, JSONL and Parquet become the same (id, text) documents, chunk by chunk."""
import json

import pytest

from mtqa.scan.sources import ScanInputError, open_source, read_chunk
from scan_util import TEXTS, write_folder, write_jsonl, write_parquet


def documents(source):
    return [(r.doc_id, r.path, r.text, r.error) for spec in source.chunks() for r in read_chunk(source, spec)]


def test_folder_ids_are_relative_paths_in_a_fixed_order_and_hidden_files_are_skipped(tmp_path):
    root = write_folder(tmp_path / "corpus")
    (root / "sub").mkdir()
    (root / "sub" / "a.md").write_text("杨立坤", encoding="utf-8")
    (root / ".hidden").mkdir()
    (root / ".hidden" / "x.txt").write_text("王涛", encoding="utf-8")
    (root / "notes.csv").write_text("王涛", encoding="utf-8")
    source = open_source(root, chunk_bytes=40)
    docs = documents(source)
    assert [d[0] for d in docs] == [f"doc{i:02d}.txt" for i in range(len(TEXTS))] + ["sub/a.md"]
    assert [d[2] for d in docs] == TEXTS + ["杨立坤"]
    assert docs[0][1] == str(root / "doc00.txt")
    assert source.documents == 7 and source.n_chunks == len(list(source.chunks())) > 1
    sizes = [sum((root / n).stat().st_size for n in s.names) for s in source.chunks()]
    assert all(size >= 40 for size in sizes[:-1])  # chunks close once they hold chunk_bytes


def test_an_undecodable_file_is_a_document_with_an_error_not_a_crash(tmp_path):
    root = write_folder(tmp_path / "corpus", TEXTS[:2])
    (root / "bad.txt").write_bytes(b"\x00\x01binary")
    docs = documents(open_source(root))
    bad = [d for d in docs if d[0] == "bad.txt"][0]
    assert bad[2] is None and str(root / "bad.txt") in bad[3] and "binary" in bad[3]
    assert [d[2] for d in docs if d[0] != "bad.txt"] == TEXTS[:2]


def test_jsonl_chunks_read_back_every_record_with_its_id(tmp_path):
    path = write_jsonl(tmp_path / "c.jsonl")
    with open(path, "a", encoding="utf-8") as fh:
        fh.write("\n   \n")  # blank lines are skipped
    source = open_source(path, chunk_bytes=60)
    assert source.id_column == "id" and source.n_chunks > 2
    docs = documents(source)
    assert [(d[0], d[2]) for d in docs] == [(f"d{i}", t) for i, t in enumerate(TEXTS)]
    assert docs[2][1] == f"{path}:3"


def test_jsonl_without_ids_uses_file_and_line(tmp_path):
    path = tmp_path / "c.jsonl"
    path.write_text("\n".join(json.dumps({"text": t}, ensure_ascii=False) for t in TEXTS[:3]) + "\n", encoding="utf-8")
    assert [d[0] for d in documents(open_source(path))] == ["c.jsonl:1", "c.jsonl:2", "c.jsonl:3"]


@pytest.mark.parametrize("line, message", [
    ('{"id": 1, "text": "ok"', "c.jsonl:2: invalid JSON"),
    ('["not", "an", "object"]', "c.jsonl:2: expected a JSON object, got list"),
    ('{"id": 2}', "c.jsonl:2: no 'text' field"),
    ('{"id": 2, "text": null}', "c.jsonl:2: field 'text' is null, expected a string"),
    ('{"text": "no id"}', "c.jsonl:2: no 'id' field"),
    ('{"id": [1], "text": "x"}', "c.jsonl:2: field 'id' is a list"),
])
def test_bad_jsonl_lines_are_reported_with_file_and_line_before_any_work(tmp_path, line, message):
    path = tmp_path / "c.jsonl"
    path.write_text('{"id": 0, "text": "fine"}\n' + line + "\n", encoding="utf-8")
    with pytest.raises(ScanInputError) as exc:
        open_source(path)
    assert message in str(exc.value)


def test_parquet_row_groups_are_sliced_into_chunks_and_read_in_order(tmp_path):
    path = write_parquet(tmp_path / "c.parquet", TEXTS * 3, ids=False, row_group_size=7)
    source = open_source(path, chunk_bytes=100)
    specs = list(source.chunks())
    assert len({s.row_group for s in specs}) == 3 and len(specs) > 3  # several chunks per row group
    docs = documents(source)
    assert [d[2] for d in docs] == TEXTS * 3
    assert [d[0] for d in docs][:2] == ["c.parquet#0", "c.parquet#1"] and docs[-1][0] == "c.parquet#17"


def test_a_folder_of_parquet_parts_is_one_input_with_ids_from_the_id_column(tmp_path):
    folder = tmp_path / "ds"
    folder.mkdir()
    write_parquet(folder / "part-0.parquet", TEXTS[:3])
    write_parquet(folder / "part-1.parquet", TEXTS[3:])
    source = open_source(folder)
    assert source.kind == "parquet" and source.id_column == "id"
    assert [d[2] for d in documents(source)] == TEXTS


def test_parquet_nulls_and_bad_columns(tmp_path):
    import pyarrow as pa
    import pyarrow.parquet as pq

    path = tmp_path / "n.parquet"
    pq.write_table(pa.table({"text": ["王涛", None]}), path)
    docs = documents(open_source(path))
    assert docs[1][2] is None and f"{path}#1: column 'text' is null" in docs[1][3]
    with pytest.raises(ScanInputError, match=r"n\.parquet: no column 'body'"):
        open_source(path, text_column="body")
    pq.write_table(pa.table({"text": [1, 2]}), tmp_path / "i.parquet")
    with pytest.raises(ScanInputError, match=r"i\.parquet: column 'text' is int64, expected strings"):
        open_source(tmp_path / "i.parquet")
    (tmp_path / "junk.parquet").write_bytes(b"not parquet at all")
    with pytest.raises(ScanInputError, match=r"junk\.parquet: not a readable Parquet file"):
        open_source(tmp_path / "junk.parquet")


def test_inputs_that_cannot_be_scanned_are_named(tmp_path):
    with pytest.raises(ScanInputError, match="no such file or folder"):
        open_source(tmp_path / "missing")
    (tmp_path / "x.docx").write_text("x")
    with pytest.raises(ScanInputError, match=r"x\.docx: cannot tell the format"):
        open_source(tmp_path / "x.docx")
    mixed = write_folder(tmp_path / "mixed", TEXTS[:1])
    write_jsonl(mixed / "more.jsonl")
    with pytest.raises(ScanInputError, match="holds both files and jsonl"):
        open_source(mixed)
    (tmp_path / "empty").mkdir()
    with pytest.raises(ScanInputError, match="no articles"):
        open_source(tmp_path / "empty")
