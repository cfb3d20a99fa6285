"""A decoded article: text, where it came from, how to write it back, offsets → lines."""
from __future__ import annotations

import codecs
import os
from bisect import bisect_right
from dataclasses import dataclass, field
from pathlib import Path

from .errors import InputError

# A BOM names the encoding; it is written back as it was ("+bom").
BOMS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# Without a BOM and when UTF-8 fails: GB18030 decodes almost any bytes, so each candidate is
# scored by how much of the text falls in its encoding's block of common characters.
LEGACY = ("gb18030", "big5")
@dataclass
class Document:
    """Decoded text plus the facts needed to report on it and write it back unchanged."""

    text: str
    path: str = "<text>"
    encoding: str = "utf-8"
    _line_starts: list[int] | None = field(default=None, repr=False)
    _script: str | None = field(default=None, repr=False)

    @property
    def line_starts(self) -> list[int]:
        if self._line_starts is None:
            starts = [0]
            find = self.text.find
            i = find("\n")
            while i != -1:
                starts.append(i + 1)
                i = find("\n", i + 1)
            self._line_starts = starts
        return self._line_starts

    def position(self, offset: int) -> tuple[int, int]:
        """1-based (line, column) of a 0-based character offset."""
        starts = self.line_starts
        line = bisect_right(starts, offset) - 1
        return line + 1, offset - starts[line] + 1

    def line_text(self, line: int) -> str:
        starts = self.line_starts
        start = starts[line - 1]
        end = starts[line] - 1 if line < len(starts) else len(self.text)
        return self.text[start:end].rstrip("\r")

    @property
    def script(self) -> str:
        """'Hans' or 'Hant', detected lazily (OpenCC character tables)."""
        if self._script is None:
            from .script import detect_script

            self._script = detect_script(self.text)
        return self._script

    def encode(self, text: str) -> bytes:
        """Encode `text` the way this document was stored (same codec, same BOM)."""
        return encode_as(text, self.encoding)


def encode_as(text: str, encoding: str) -> bytes:
    """Encode with a codec name as `decode` returns it ("utf-16-be+bom" writes the BOM first)."""
    if encoding.endswith("+bom"):
        base = encoding[:-4]
        bom = next(b for b, name in BOMS if name == base)
        return bom + text.encode(base)
    return text.encode(encoding)


def decode(data: bytes, path: str, encoding: str | None = None) -> tuple[str, str]:
    """Decode bytes to (text, encoding as `encode_as` takes it). Raises InputError naming the byte offset."""
    if encoding:
        return _decode_with(data, path, encoding), encoding
    for bom, name in BOMS:
        if data.startswith(bom):
            return _decode_with(data[len(bom):], path, name), f"{name}+bom"
    if b"\x00" in data[:8192]:
        raise InputError(f"{path}: looks like a binary file (NUL byte), not text")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as exc:
        utf8_error = exc
    candidates = []
    for name in LEGACY:
        try:
            candidates.append((_common_share(data.decode(name), name), name))
        except UnicodeDecodeError:
            continue
    candidates.sort(reverse=True)
    if candidates and candidates[0][0] >= 0.5:
        name = candidates[0][1]
        return data.decode(name), name
    raise InputError(
        f"{path}: cannot decode byte {utf8_error.start} (0x{data[utf8_error.start]:02x}) as UTF-8, "
        f"GB18030 or Big5; pass --encoding if you know it"
    )


def _common_share(text: str, encoding: str, sample: int = 4000) -> float:
    """Share of the Chinese characters of `text` in `encoding`'s block of common characters
    (GB2312 level 1 for GB18030, Big5 level 1 for Big5)."""
    chinese = [c for c in text[:sample] if "\u4e00" <= c <= "\u9fff"][:2000]
    if not chinese:
        return 1.0 if all(c.isprintable() or c.isspace() for c in text[:sample]) else 0.0
    common = 0
    for c in chinese:
        try:
            b = c.encode("gb2312" if encoding == "gb18030" else "big5")
        except UnicodeEncodeError:
            continue
        if encoding == "gb18030" and 0xB0 <= b[0] <= 0xD7:
            common += 1
        elif encoding == "big5" and 0xA4 <= b[0] <= 0xC6:
            common += 1
    return common / len(chinese)


def _decode_with(data: bytes, path: str, encoding: str) -> str:
    try:
        return data.decode(encoding)
    except LookupError:
        raise InputError(f"{path}: unknown encoding {encoding!r}") from None
    except UnicodeDecodeError as exc:
        raise InputError(f"{path}: byte {exc.start} is not valid {encoding}: {exc.reason}") from None


def read_bytes(path: str | Path) -> bytes:
    """The file's bytes, or an InputError that names the file and says what is wrong."""
    p = Path(path)
    try:
        return p.read_bytes()
    except IsADirectoryError:
        raise InputError(f"{p}: is a directory, expected a file") from None
    except FileNotFoundError:
        if p.is_symlink():
            raise InputError(f"{p}: broken symbolic link (to {os.readlink(p)})") from None
        raise InputError(f"{p}: no such file") from None
    except OSError as exc:
        raise InputError(f"{p}: cannot read: {exc.strerror}") from None


def read_document(path: str | Path, encoding: str | None = None) -> Document:
    data = read_bytes(path)
    text, used = decode(data, str(path), encoding)
    return Document(text=text, path=str(path), encoding=used)
