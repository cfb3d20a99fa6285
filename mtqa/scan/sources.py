"""Scan inputs: a folder of articles, JSONL or Parquet, cut into chunks of documents.

A `Source` is planned once in the main process (`open_source`): it validates the input,
counts documents and fingerprints the data, so a resumed scan can tell it is looking at
the same corpus. `Source.chunks()` then yields small `ChunkSpec`s in a fixed order: a list
of file names, a byte range of a JSONL file, or a slice of a Parquet row group. Workers
(local processes or Dask workers) turn a spec into records with `read_chunk`, so the text
itself never travels through the main process and memory is bounded by the chunk size.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator

from ..errors import MtqaError

FORMATS = ("auto", "files", "jsonl", "parquet")
JSONL_SUFFIXES = (".jsonl", ".ndjson")
PARQUET_SUFFIXES = (".parquet", ".pq")
DEFAULT_CHUNK_BYTES = 4_000_000


class ScanInputError(MtqaError):
    """An input that cannot be scanned; the message names the file (and line or row)."""


@dataclass(frozen=True)
class ChunkSpec:
    """Where one chunk's documents are: enough for any worker to read them itself."""

    index: int
    file: str = ""  # JSONL or Parquet file (absolute)
    names: tuple[str, ...] = ()  # files: paths relative to the source root
    start: int = 0  # JSONL: byte offset; Parquet: first row within the row group
    stop: int = 0  # JSONL: byte offset; Parquet: row after the last
    line: int = 1  # JSONL: line number at `start`
    row_group: int = 0  # Parquet
    row_base: int = 0  # Parquet: rows in the file before this row group
    documents: int = 0


@dataclass
class Record:
    """One document as read by a worker; `error` is set when its text could not be had."""

    doc_id: str
    path: str  # where it is: the file, `file.jsonl:LINE` or `file.parquet#ROW`
    text: str | None
    error: str | None = None


@dataclass
class Source:
    """A planned input. Everything here pickles: workers receive it with each job."""

    kind: str  # files, jsonl or parquet
    root: str  # the input as given (for display and the `path` column)
    resolved: str
    text_column: str = "text"
    id_column: str | None = None  # None: positional ids
    chunk_bytes: int = DEFAULT_CHUNK_BYTES
    encoding: str | None = None
    documents: int = 0
    bytes: int = 0
    fingerprint: str = ""
    n_chunks: int = 0
    plan: list = field(default_factory=list, repr=False)  # jsonl/parquet: the chunk specs

    def chunks(self) -> Iterator[ChunkSpec]:
        """Chunk specs in input order (a folder is walked again, lazily)."""
        if self.kind == "files":
            from .source_files import file_chunks

            return file_chunks(self)
        return iter(self.plan)

    def settings(self) -> dict:
        """What must not change for a scan to be resumed."""
        return {"kind": self.kind, "input": self.resolved, "text_column": self.text_column,
                "id_column": self.id_column, "chunk_bytes": self.chunk_bytes, "encoding": self.encoding,
                "documents": self.documents, "bytes": self.bytes, "fingerprint": self.fingerprint}


def detect_kind(path: Path, fmt: str = "auto") -> str:
    """files, jsonl or parquet, from --format or the input's suffixes."""
    if fmt not in FORMATS:
        raise ScanInputError(f"unknown input format {fmt!r} (expected {', '.join(FORMATS)})")
    if not path.exists():
        raise ScanInputError(f"{path}: no such file or folder")
    if fmt != "auto":
        return fmt
    from ..lint import DEFAULT_SUFFIXES

    if path.is_file():
        suffix = path.suffix.lower()
        if suffix in DEFAULT_SUFFIXES:
            return "files"
        if suffix in JSONL_SUFFIXES:
            return "jsonl"
        if suffix in PARQUET_SUFFIXES:
            return "parquet"
        raise ScanInputError(f"{path}: cannot tell the format from the suffix {suffix or '(none)'!r}; "
                             "expected a folder of articles, .jsonl or .parquet (or pass --format)")
    kinds = set()
    for f in path.rglob("*"):
        if any(part.startswith(".") for part in f.relative_to(path).parts):
            continue
        s = f.suffix.lower()
        if s in DEFAULT_SUFFIXES:
            kinds.add("files")
        elif s in JSONL_SUFFIXES:
            kinds.add("jsonl")
        elif s in PARQUET_SUFFIXES:
            kinds.add("parquet")
        if len(kinds) > 1:
            raise ScanInputError(f"{path}: holds both {' and '.join(sorted(kinds))} inputs; pass --format")
    if not kinds:
        raise ScanInputError(f"{path}: no articles (.txt, .md), .jsonl or .parquet files in this folder")
    return kinds.pop()


def open_source(path, fmt: str = "auto", *, text_column: str = "text", id_column: str | None = None,
                chunk_bytes: int = DEFAULT_CHUNK_BYTES, encoding: str | None = None) -> Source:
    """Plan a scan of `path`: validate it, count documents, fingerprint it, cut it into chunks.

    `id_column` None means: use an `id` column/field when the input has one, else positions.
    """
    if chunk_bytes < 1:
        raise ScanInputError(f"chunk size must be positive, got {chunk_bytes}")
    p = Path(path)
    kind = detect_kind(p, fmt)
    source = Source(kind=kind, root=str(path), resolved=str(p.resolve()), text_column=text_column,
                    id_column=id_column, chunk_bytes=chunk_bytes, encoding=encoding)
    if kind == "files":
        from .source_files import plan_files

        plan_files(source)
    elif kind == "jsonl":
        from .source_jsonl import plan_jsonl

        plan_jsonl(source)
    else:
        from .source_parquet import plan_parquet

        plan_parquet(source)
    return source


def data_files(source: Source, suffixes: tuple[str, ...]) -> list[Path]:
    """The input file, or the matching files of the input folder (sorted, hidden ones skipped)."""
    root = Path(source.resolved)
    if root.is_file():
        return [root]
    files = sorted(f for f in root.rglob("*") if f.is_file() and f.suffix.lower() in suffixes
                   and not any(part.startswith(".") for part in f.relative_to(root).parts))
    if not files:
        raise ScanInputError(f"{source.root}: no {' or '.join(suffixes)} files in this folder")
    return files


def display_name(source: Source, file: str) -> str:
    """A data file as the user named it: the input itself, or input/relative-path."""
    root = Path(source.resolved)
    if root.is_file():
        return source.root
    return str(Path(source.root) / Path(file).relative_to(root))


def read_chunk(source: Source, spec: ChunkSpec) -> Iterator[Record]:
    """The documents of one chunk (run by workers)."""
    if source.kind == "files":
        from .source_files import read_files

        return read_files(source, spec)
    if source.kind == "jsonl":
        from .source_jsonl import read_jsonl

        return read_jsonl(source, spec)
    from .source_parquet import read_parquet

    return read_parquet(source, spec)
