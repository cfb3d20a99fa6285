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
    """One slice of a big file: its decoded text as a Document (whose lines and columns are
    the whole file's: `first_line`, `first_column`), its own bytes, and its offset."""

    doc: Document  # the section's text; character offsets in it are local
    raw: bytes  # the section's bytes as stored (no BOM)
    char_offset: int  # characters of the file before this section

    # The Document interface reporters use, with whole-file character offsets.
    @property
    def path(self) -> str:
        return self.doc.path

    def position(self, offset: int) -> tuple[int, int]:
        return self.doc.position(offset - self.char_offset)

    def line_text(self, line: int) -> str:
        return self.doc.line_text(line)

    def line_text_column(self, line: int) -> int:
        return self.doc.line_text_column(line)

    def to_file(self, findings: list) -> list:
        """The findings, moved from section offsets to whole-file offsets (lines and columns
        already are the file's)."""
        off = self.char_offset
        for f in findings:
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

    def document(self, text: str, path: str, encoding: str) -> Document:
        return Document(text=text, path=path, encoding=encoding, first_line=self.lines + 1, first_column=self.column + 1)

    def place(self, doc: Document, raw: bytes = b"") -> Section:
        return Section(doc, raw, self.chars)

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


class _Codec:
    """The encoding of a file being read in sections, settled on the first section that tells."""

    def __init__(self, name: str | None, label: str | None, forced: bool):
        self.name, self.label, self.forced = name, label, forced
        self.ascii_so_far = True  # everything read is ASCII: UTF-8 was a guess, not evidence


def iter_sections(path: str | Path, encoding: str | None = None,
                  section_bytes: int | None = None) -> Iterator[Section]:
    """Sections of the file at `path`. The encoding is forced, or named by a BOM, or detected on
    the first section (UTF-8, else GB18030/Big5) — and detected again on the first non-ASCII
    section when everything before was ASCII. A byte that does not decode is an InputError
    naming its offset in the file. `Section.doc.encoding` carries "+bom" like `decode` does."""
    name = str(path)
    section_bytes = section_bytes or SECTION_BYTES
    try:
        fh = open(path, "rb")
    except OSError:
        read_bytes(path)  # raises the located error
        raise
    with fh:
        bom, codec = _open_codec(fh, encoding, name)
        byte_offset, cursor = len(bom), Cursor()
        for raw in _chunks(fh, codec, section_bytes):
            text = _decode(raw, codec, name, byte_offset)
            yield cursor.place(cursor.document(text, name, codec.label), raw)
            cursor.advance(text)
            byte_offset += len(raw)


def _open_codec(fh: BinaryIO, encoding: str | None, path: str) -> tuple[bytes, _Codec]:
    """Skip a BOM; return it and the codec it (or `encoding`) names, or an undecided one."""
    head = fh.read(4)
    if encoding is not None:
        from .document import forced_codec

        bom, name, label = forced_codec(head, encoding, path)
        fh.seek(len(bom))
        return bom, _Codec(name, label, forced=True)
    for bom, name in BOMS:
        if head.startswith(bom):
            fh.seek(len(bom))
            return bom, _Codec(name, f"{name}+bom", forced=True)
    fh.seek(0)
    return b"", _Codec(None, None, forced=False)


def _decode(raw: bytes, codec: _Codec, path: str, byte_offset: int) -> str:
    if codec.name is None:  # the first section: detect, as for a whole file
        text, codec.name = decode(raw, path)
        codec.label = codec.name
        codec.ascii_so_far = text.isascii()
        return text
    try:
        text = raw.decode(codec.name)
    except UnicodeDecodeError as exc:
        if not codec.forced and codec.ascii_so_far:  # UTF-8 was only a guess: look again
            try:
                text, codec.name = decode(raw, path)
            except InputError as again:
                raise InputError(str(again).replace(f"byte {exc.start} ", f"byte {byte_offset + exc.start} ")) from None
            codec.label = codec.name
            codec.ascii_so_far = text.isascii()
            return text
        raise InputError(f"{path}: byte {byte_offset + exc.start} is not valid {codec.name}: {exc.reason}"
                         f"{'; pass --encoding if you know the encoding' if not codec.forced else ''}") from None
    if codec.ascii_so_far and not text.isascii():
        codec.ascii_so_far = False
    return text


def _detect_prefix(buf: bytes, codec: _Codec) -> None:
    """Settle the encoding on the start of a file whose first line is too long to hold: as
    `document.decode` would, but tolerating a character cut at the end of `buf`."""
    from .encoding_guess import CANDIDATES, text_cost

    candidates = []
    for name in ("utf-8", *CANDIDATES):
        try:
            text = codecs.getincrementaldecoder(name)().decode(buf, final=False)
        except UnicodeDecodeError:
            continue
        if name == "utf-8":
            codec.name = codec.label = name
            codec.ascii_so_far = text.isascii()
            return
        candidates.append((text_cost(text), name))
    if candidates:
        codec.name = codec.label = min(candidates)[1]
        codec.ascii_so_far = False


def _newline(encoding: str | None) -> tuple[bytes, int]:
    """How "\n" is stored, and the code-unit size a cut must respect."""
    if encoding is None:
        return b"\n", 1
    encoded = "\n".encode(encoding)
    if encoding.lower().replace("_", "-").startswith(("utf-16", "utf-32")):
        return encoded, len(encoded)
    return encoded, 1


def _chunks(fh: BinaryIO, codec: _Codec, size: int) -> Iterator[bytes]:
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
            newline, unit = _newline(codec.name)  # settled by the first section's decoding
            cut = _cut(buf, newline, unit, size)
            if cut is None:
                if len(buf) < MAX_LINE_BYTES:
                    break  # read more: the line break is further on
                if codec.name is None:  # a cut needs the encoding's character boundaries
                    _detect_prefix(buf, codec)
                    newline, unit = _newline(codec.name)
                cut = _hard_cut(buf, size, unit, codec.name)
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

