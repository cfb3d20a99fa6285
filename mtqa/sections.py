"""Files too big to hold whole, linted section by section in bounded memory.

A file larger than `STREAM_BYTES` is read in sections of about `SECTION_BYTES`, cut at a
paragraph break (a blank line) when there is one, else at a line break. Each section is
decoded and linted as its own document; its findings are then moved to the whole file's
offsets and line numbers. Rules that compare mentions across a document (C001, N003, S001)
therefore see one section at a time — a big file is usually a corpus dump, not an article.
"""
from __future__ import annotations

import codecs
import os
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO, Iterator

from .document import BOMS, Document, decode, read_bytes
from .errors import InputError
from .findings import Edit, Fix

STREAM_BYTES = 4 << 20  # files above this size are linted in sections
SECTION_BYTES = 256 << 10  # the size a section aims at
MAX_LINE_BYTES = 16 << 20  # a "line" this long without a break is cut anyway


@dataclass
class Section:
    """One slice of a big file: its decoded text as a Document, its own bytes, and where it sits."""

    doc: Document  # the section's text; offsets in it are local
    raw: bytes  # the section's bytes as stored (no BOM)
    char_offset: int  # characters of the file before this section
    line_offset: int  # line breaks before this section
    column_offset: int  # characters of the section's first line that lie in the section before

    # The Document interface reporters use, in whole-file coordinates.
    @property
    def path(self) -> str:
        return self.doc.path

    def position(self, offset: int) -> tuple[int, int]:
        line, column = self.doc.position(offset - self.char_offset)
        return line + self.line_offset, column + (self.column_offset if line == 1 else 0)

    def line_text(self, line: int) -> str:
        return self.doc.line_text(line - self.line_offset)

    def to_file(self, findings: list) -> list:
        """The findings, moved from section offsets to whole-file offsets, lines and columns."""
        off = self.char_offset
        for f in findings:
            if f.line == 1:
                f.column += self.column_offset
            f.line += self.line_offset
            f.start += off
            f.end += off
            if f.fix is not None:
                f.fix = Fix(tuple(Edit(e.start + off, e.end + off, e.replacement) for e in f.fix.edits), f.fix.applicability)
        return findings


@dataclass
class Cursor:
    """Where the next section starts in whole-file coordinates."""

    chars: int = 0
    lines: int = 0
    column: int = 0

    def place(self, doc: Document, raw: bytes = b"") -> Section:
        return Section(doc, raw, self.chars, self.lines, self.column)

    def advance(self, text: str) -> None:
        breaks = text.count("\n")
        self.column = len(text) - text.rfind("\n") - 1 if breaks else self.column + len(text)
        self.chars += len(text)
        self.lines += breaks


def is_big(path: str | Path) -> bool:
    """Whether `path` is a regular file above `STREAM_BYTES` (read at call time, so tests can lower it)."""
    try:
        return os.stat(path).st_size > STREAM_BYTES and Path(path).is_file()
    except OSError:
        return False  # the normal reader reports why


def iter_sections(path: str | Path, encoding: str | None = None,
                  section_bytes: int | None = None) -> Iterator[Section]:
    """Sections of the file at `path`. The encoding is detected on the first section (a BOM,
    else UTF-8, else GB18030/Big5) or forced; a later undecodable byte is an InputError that
    names its offset in the file. `Section.doc.encoding` carries "+bom" like `decode` does."""
    name = str(path)
    section_bytes = section_bytes or SECTION_BYTES
    try:
        fh = open(path, "rb")
    except OSError:
        read_bytes(path)  # raises the located error
        raise
    with fh:
        bom, base = _bom(fh, encoding)
        newline, unit = _newline(base)
        label = f"{base}+bom" if bom else base
        byte_offset, cursor = len(bom), Cursor()
        for raw in _chunks(fh, newline, unit, section_bytes, base):
            if base is None:  # detect on the first section
                _, base = decode(raw, name)
                label, (newline, unit) = base, _newline(base)
            text = _decode(raw, base, name, byte_offset)
            yield cursor.place(Document(text=text, path=name, encoding=label), raw)
            cursor.advance(text)
            byte_offset += len(raw)


def _bom(fh: BinaryIO, encoding: str | None) -> tuple[bytes, str | None]:
    head = fh.read(4)
    for bom, name in BOMS:
        if head.startswith(bom) and encoding is None:
            fh.seek(len(bom))
            return bom, name
    fh.seek(0)
    if encoding is not None:
        try:
            codecs.lookup(encoding)
        except LookupError:
            raise InputError(f"{fh.name}: unknown encoding {encoding!r}") from None
        return b"", encoding
    return b"", None


def _newline(encoding: str | None) -> tuple[bytes, int]:
    """How "\\n" is stored, and the code-unit size a cut must respect."""
    if encoding is None:
        return b"\n", 1
    encoded = "\n".encode(encoding.replace("-sig", ""))
    if encoding.lower().replace("_", "-").startswith(("utf-16", "utf-32")):
        return encoded, len(encoded)
    return encoded, 1


def _chunks(fh: BinaryIO, newline: bytes, unit: int, size: int, encoding: str | None) -> Iterator[bytes]:
    """Byte chunks of about `size`, each ending after a blank line or a line break when possible."""
    buf = b""
    while True:
        block = fh.read(size)
        buf += block
        if not block:
            if buf:
                yield buf
            return
        while len(buf) >= size:
            cut = _cut(buf, newline, unit, size)
            if cut is None:
                if len(buf) < MAX_LINE_BYTES:
                    break  # read more: the line break is further on
                cut = _hard_cut(buf, size, unit, encoding)
            yield buf[:cut]
            buf = buf[cut:]


def _cut(buf: bytes, newline: bytes, unit: int, size: int) -> int | None:
    """Where to end a chunk: after the last blank line (LF LF or LF CR LF) in the second half
    of the first `size` bytes, else after the last line break before `size`, else after the
    first one beyond it; None when `buf` holds no line break."""
    cr = newline.replace(b"\n", b"\r")
    ends = [at + 2 * len(newline) + off for sep, off in ((newline * 2, 0), (newline + cr + newline, len(cr)))
            if (at := _find(buf, sep, unit, size // 2, size, last=True)) != -1]
    if ends:
        return max(ends)
    for lo, hi, last in ((0, size, True), (size, len(buf), False)):
        at = _find(buf, newline, unit, lo, hi, last)
        if at != -1:
            return at + len(newline)
    return None


def _find(buf: bytes, sep: bytes, unit: int, lo: int, hi: int, last: bool) -> int:
    """buf.rfind/find of `sep` in [lo, hi) at an offset that is a multiple of `unit`."""
    while True:
        at = buf.rfind(sep, lo, hi) if last else buf.find(sep, lo, hi)
        if at == -1 or at % unit == 0:
            return at
        if last:
            hi = at + len(sep) - 1
        else:
            lo = at + 1


def _hard_cut(buf: bytes, size: int, unit: int, encoding: str | None) -> int:
    """A cut inside a very long line, on a character boundary of `encoding`."""
    cut = size - size % unit
    for back in range(0, 4 * unit, unit):
        try:
            buf[: cut - back].decode(encoding or "utf-8")
            return cut - back
        except UnicodeDecodeError as exc:
            if exc.start < cut - back - 4:
                break  # a real error, reported when the section is decoded
    return cut


def _decode(raw: bytes, encoding: str, path: str, byte_offset: int) -> str:
    try:
        return raw.decode(encoding)
    except UnicodeDecodeError as exc:
        raise InputError(f"{path}: byte {byte_offset + exc.start} is not valid {encoding}: {exc.reason}"
                         f"{'' if encoding != 'utf-8' else '; pass --encoding if you know the encoding'}") from None
