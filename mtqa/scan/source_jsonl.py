"""JSON Lines (one object per line, a text field and optionally an id) as a scan input.

Planning reads every line once: it checks each is a JSON object with a string text field
(and an id when ids are used), so a bad line is reported as `file:line` before any work
starts, and it records the byte offset where each chunk begins. Workers then seek
straight to their chunk. Without an id field, a document's id is `file:line`.
"""
from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Iterator

from .sources import JSONL_SUFFIXES, ChunkSpec, Record, ScanInputError, Source, data_files, display_name


def _relative(source: Source, file: Path) -> str:
    root = Path(source.resolved)
    return file.name if root.is_file() else file.relative_to(root).as_posix()


def _parse(raw: bytes, where: str) -> dict:
    try:
        obj = json.loads(raw)
    except UnicodeDecodeError as exc:
        raise ScanInputError(f"{where}: byte {exc.start} of the line is not valid UTF-8") from None
    except json.JSONDecodeError as exc:
        raise ScanInputError(f"{where}: invalid JSON: {exc.msg} (column {exc.colno})") from None
    if not isinstance(obj, dict):
        raise ScanInputError(f"{where}: expected a JSON object, got {type(obj).__name__}")
    return obj


def _check(obj: dict, source: Source, where: str) -> None:
    text = obj.get(source.text_column)
    if source.text_column not in obj:
        raise ScanInputError(f"{where}: no {source.text_column!r} field (pass --text-column to use another)")
    if not isinstance(text, str):
        raise ScanInputError(f"{where}: field {source.text_column!r} is {_kind(text)}, expected a string")
    if source.id_column is not None:
        if source.id_column not in obj:
            raise ScanInputError(f"{where}: no {source.id_column!r} field; every record needs an id "
                                 "once the first one has one")
        value = obj[source.id_column]
        if isinstance(value, bool) or not isinstance(value, (str, int)):
            raise ScanInputError(f"{where}: field {source.id_column!r} is {_kind(value)}, "
                                 "expected a string or an integer")


def _kind(value) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, (int, float)):
        return "a number"
    return "a list" if isinstance(value, list) else "an object"


def plan_jsonl(source: Source) -> None:
    """Validate every line, count documents, fingerprint the files, record chunk offsets."""
    digest = hashlib.sha256()
    auto_id = source.id_column is None
    for file in data_files(source, JSONL_SUFFIXES):
        st = file.stat()
        digest.update(f"{file}\0{st.st_size}\0{st.st_mtime_ns}\n".encode("utf-8", "surrogateescape"))
        shown = display_name(source, str(file))
        offset, line_no, chunk_start, chunk_line, chunk_docs, chunk_bytes = 0, 0, 0, 1, 0, 0
        try:
            fh = open(file, "rb")
        except OSError as exc:
            raise ScanInputError(f"{shown}: cannot read: {exc.strerror}") from None
        with fh:
            for raw in fh:
                line_no += 1
                start, offset = offset, offset + len(raw)
                if line_no == 1 and raw.startswith(b"\xef\xbb\xbf"):
                    raw = raw[3:]
                if not raw.strip():
                    continue
                obj = _parse(raw, f"{shown}:{line_no}")
                if auto_id and source.documents == 0 and "id" in obj:
                    source.id_column = "id"
                _check(obj, source, f"{shown}:{line_no}")
                if chunk_docs == 0:
                    chunk_start, chunk_line = start, line_no
                chunk_docs += 1
                chunk_bytes += len(raw)
                source.documents += 1
                source.bytes += len(raw)
                if chunk_bytes >= source.chunk_bytes:
                    _close(source, file, chunk_start, offset, chunk_line, chunk_docs)
                    chunk_docs = chunk_bytes = 0
        if chunk_docs:
            _close(source, file, chunk_start, offset, chunk_line, chunk_docs)
    if source.documents == 0:
        raise ScanInputError(f"{source.root}: no records (the JSONL input is empty)")
    source.fingerprint = digest.hexdigest()
    source.n_chunks = len(source.plan)


def _close(source: Source, file: Path, start: int, stop: int, line: int, docs: int) -> None:
    source.plan.append(ChunkSpec(index=len(source.plan), file=str(file), start=start, stop=stop,
                                 line=line, documents=docs))


def read_jsonl(source: Source, spec: ChunkSpec) -> Iterator[Record]:
    file = Path(spec.file)
    shown = display_name(source, spec.file)
    rel = _relative(source, file)
    with open(file, "rb") as fh:
        fh.seek(spec.start)
        line_no, pos = spec.line - 1, spec.start
        while pos < spec.stop:
            raw = fh.readline()
            if not raw:
                raise ScanInputError(f"{shown}: the file got shorter since the scan was planned")
            pos += len(raw)
            line_no += 1
            if line_no == 1 and raw.startswith(b"\xef\xbb\xbf"):
                raw = raw[3:]
            if not raw.strip():
                continue
            where = f"{shown}:{line_no}"
            obj = _parse(raw, where)
            _check(obj, source, where)
            doc_id = str(obj[source.id_column]) if source.id_column else f"{rel}:{line_no}"
            yield Record(doc_id, where, obj[source.text_column])
