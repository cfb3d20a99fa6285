"""Parquet (one file or a folder of part files) with a text column as a scan input.

Planning checks the columns exist and the text column holds strings, then streams the
text column once to cut each row group into chunks of `chunk_bytes` of text (measured,
so chunks bound memory whatever the encoding). Workers read their own slice of one row
group, so nothing but a chunk's rows (and one batch) is ever in memory. Without an id column, a document's id is
`file#row` (0-based row within the file). A null text is a per-document error.
"""
from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Iterator

from .sources import PARQUET_SUFFIXES, ChunkSpec, Record, ScanInputError, Source, data_files, display_name


def _open(file: Path, shown: str):
    import pyarrow as pa
    import pyarrow.parquet as pq

    try:
        return pq.ParquetFile(file)
    except (pa.ArrowException, OSError) as exc:
        raise ScanInputError(f"{shown}: not a readable Parquet file: {exc}") from None


def _is_text(t) -> bool:
    import pyarrow as pa

    if pa.types.is_dictionary(t):
        t = t.value_type
    return pa.types.is_string(t) or pa.types.is_large_string(t) or getattr(pa.types, "is_string_view", bool)(t)


def plan_parquet(source: Source) -> None:
    digest = hashlib.sha256()
    auto_id = source.id_column is None
    for file in data_files(source, PARQUET_SUFFIXES):
        shown = display_name(source, str(file))
        st = file.stat()
        digest.update(f"{file}\0{st.st_size}\0{st.st_mtime_ns}\n".encode("utf-8", "surrogateescape"))
        pf = _open(file, shown)
        schema = pf.schema_arrow
        names = schema.names
        if source.text_column not in names:
            raise ScanInputError(f"{shown}: no column {source.text_column!r} (columns: {', '.join(names)}; "
                                 "pass --text-column)")
        if not _is_text(schema.field(source.text_column).type):
            raise ScanInputError(f"{shown}: column {source.text_column!r} is "
                                 f"{schema.field(source.text_column).type}, expected strings")
        if auto_id and "id" in names and source.documents == 0:
            source.id_column = "id"
        if source.id_column is not None and source.id_column not in names:
            raise ScanInputError(f"{shown}: no id column {source.id_column!r} (columns: {', '.join(names)})")
        row_base = 0
        for rg in range(pf.metadata.num_row_groups):
            for start, stop, size in _cuts(pf, rg, source):
                source.plan.append(ChunkSpec(index=len(source.plan), file=str(file), start=start, stop=stop,
                                             row_group=rg, row_base=row_base, documents=stop - start))
                source.bytes += size
            rows = pf.metadata.row_group(rg).num_rows
            row_base += rows
            source.documents += rows
    if source.documents == 0:
        raise ScanInputError(f"{source.root}: no rows (the Parquet input is empty)")
    source.fingerprint = digest.hexdigest()
    source.n_chunks = len(source.plan)


def _cuts(pf, rg: int, source: Source):
    """(first row, row after the last, UTF-8 bytes) of each chunk of one row group.

    The text column is streamed in batches to measure each text exactly (column statistics
    are no guide: a dictionary-encoded column of repeated texts is tiny on disk).
    """
    import pyarrow.compute as pc

    start = row = size = 0
    for batch in pf.iter_batches(batch_size=4096, row_groups=[rg], columns=[source.text_column], use_threads=False):
        lengths = pc.fill_null(pc.binary_length(batch.column(0).cast("large_string")), 0).to_pylist()
        for n in lengths:
            row += 1
            size += n
            if size >= source.chunk_bytes:
                yield start, row, size
                start, size = row, 0
    if row > start:
        yield start, row, size


def read_parquet(source: Source, spec: ChunkSpec) -> Iterator[Record]:
    file = Path(spec.file)
    shown = display_name(source, spec.file)
    root = Path(source.resolved)
    rel = file.name if root.is_file() else file.relative_to(root).as_posix()
    columns = [source.text_column] + ([source.id_column] if source.id_column else [])
    pf = _open(file, shown)
    pos = 0
    for batch in pf.iter_batches(batch_size=max(spec.stop - spec.start, 1), row_groups=[spec.row_group],
                                 columns=columns, use_threads=False):
        n = batch.num_rows
        lo, hi = max(spec.start, pos), min(spec.stop, pos + n)
        if lo < hi:
            part = batch.slice(lo - pos, hi - lo)
            texts = part.column(source.text_column).to_pylist()
            ids = part.column(source.id_column).to_pylist() if source.id_column else None
            for k, text in enumerate(texts):
                row = spec.row_base + lo + k
                where = f"{shown}#{row}"
                doc_id = f"{rel}#{row}" if ids is None or ids[k] is None else str(ids[k])
                if text is None:
                    yield Record(doc_id, where, None, f"{where}: column {source.text_column!r} is null")
                else:
                    yield Record(doc_id, where, text)
        pos += n
        if pos >= spec.stop:
            break
