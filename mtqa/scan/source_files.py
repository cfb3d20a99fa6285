"""A folder of articles (.txt, .md, .markdown) as a scan input.

The folder is walked in a fixed order (names sorted within each folder, hidden entries
skipped, folder symlinks not followed) without listing it all in memory. Chunks close once
they hold `chunk_bytes` of files. Document ids are paths relative to the folder.
"""
from __future__ import annotations

import hashlib
import os
from pathlib import Path
from typing import Iterator

from .sources import ChunkSpec, Record, ScanInputError, Source


def walk(root: Path) -> Iterator[tuple[str, int, int]]:
    """(relative posix path, size, mtime_ns) of every article under `root`, in a fixed order."""
    from ..lint import DEFAULT_SUFFIXES

    if root.is_file():
        st = root.stat()
        yield root.name, st.st_size, st.st_mtime_ns
        return
    stack = [(root, "")]
    while stack:
        folder, prefix = stack.pop()
        try:
            entries = sorted(os.scandir(folder), key=lambda e: e.name)
        except OSError as exc:
            raise ScanInputError(f"{folder}: cannot list: {exc.strerror}") from None
        subfolders = []
        for e in entries:
            if e.name.startswith("."):
                continue
            if e.is_dir(follow_symlinks=False):
                subfolders.append((Path(e.path), f"{prefix}{e.name}/"))
            elif Path(e.name).suffix.lower() in DEFAULT_SUFFIXES and e.is_file():
                st = e.stat()
                yield f"{prefix}{e.name}", st.st_size, st.st_mtime_ns
        stack.extend(reversed(subfolders))  # files of a folder first, then its subfolders, in order


def _grouped(root: Path, chunk_bytes: int) -> Iterator[tuple[list[str], int]]:
    names, size = [], 0
    for name, n, _ in walk(root):
        names.append(name)
        size += n
        if size >= chunk_bytes:
            yield names, size
            names, size = [], 0
    if names:
        yield names, size


def plan_files(source: Source) -> None:
    """Count documents and bytes, fingerprint names, sizes and times, count chunks."""
    digest = hashlib.sha256()
    open_bytes, is_open = 0, False  # the chunk being filled, cut as `_grouped` cuts it
    for name, size, mtime in walk(Path(source.resolved)):
        digest.update(f"{name}\0{size}\0{mtime}\n".encode("utf-8", "surrogateescape"))
        source.documents += 1
        source.bytes += size
        if not is_open:
            source.n_chunks += 1
            is_open = True
        open_bytes += size
        if open_bytes >= source.chunk_bytes:
            open_bytes, is_open = 0, False
    if source.documents == 0:
        raise ScanInputError(f"{source.root}: no articles (.txt, .md, .markdown) in this folder")
    source.fingerprint = digest.hexdigest()


def file_chunks(source: Source) -> Iterator[ChunkSpec]:
    for index, (names, _) in enumerate(_grouped(Path(source.resolved), source.chunk_bytes)):
        yield ChunkSpec(index=index, names=tuple(names), documents=len(names))


def read_files(source: Source, spec: ChunkSpec) -> Iterator[Record]:
    """Read and decode each file; a file that cannot be read becomes a record with an error."""
    from ..document import decode, read_bytes
    from ..errors import MtqaError

    root = Path(source.resolved)
    for name in spec.names:
        full = root if root.is_file() else root / name
        shown = source.root if root.is_file() else str(Path(source.root) / name)
        try:
            text, _ = decode(read_bytes(full), shown, source.encoding)
        except MtqaError as exc:
            yield Record(name, shown, None, str(exc).replace(str(full), shown))
            continue
        yield Record(name, shown, text)
