"""A decoded article: text, where it came from, how to write it back, offsets → lines."""
from __future__ import annotations

import codecs
from bisect import bisect_right
from dataclasses import dataclass, field
from pathlib import Path

from .errors import InputError

# Tried in order when a file has no BOM. GB18030 decodes almost any byte string, so
# it is only accepted when the result looks like text (see `_plausible`).
FALLBACK_ENCODINGS = ("gb18030", "big5")
BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


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
        return text.encode(self.encoding)


def decode(data: bytes, path: str, encoding: str | None = None) -> tuple[str, str]:
    """Decode bytes to (text, encoding name used). Raises InputError naming the byte offset."""
    if encoding:
        return _decode_with(data, path, encoding), encoding
    for bom, name in BOMS:
        if data.startswith(bom):
            return _decode_with(data, path, name), name
    if b"\x00" in data[:8192]:
        raise InputError(f"{path}: looks like a binary file (NUL byte), not text")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as exc:
        utf8_error = exc
    for name in FALLBACK_ENCODINGS:
        try:
            text = data.decode(name)
        except UnicodeDecodeError:
            continue
        if _plausible(text):
            return text, name
    raise InputError(
        f"{path}: cannot decode byte {utf8_error.start} (0x{data[utf8_error.start]:02x}) as UTF-8, "
        f"GB18030 or Big5; pass --encoding if you know it"
    )


def _decode_with(data: bytes, path: str, encoding: str) -> str:
    try:
        return data.decode(encoding)
    except LookupError:
        raise InputError(f"{path}: unknown encoding {encoding!r}") from None
    except UnicodeDecodeError as exc:
        raise InputError(f"{path}: byte {exc.start} is not valid {encoding}: {exc.reason}") from None


def _plausible(text: str) -> bool:
    """Reject decodings full of private-use or unassigned-looking code points."""
    if not text:
        return True
    odd = sum(1 for c in text if "\ue000" <= c <= "\uf8ff" or c == "\ufffd")
    return odd / len(text) < 0.01


def read_bytes(path: str | Path) -> bytes:
    """The file's bytes, or an InputError that names the file and says what is wrong."""
    p = Path(path)
    try:
        return p.read_bytes()
    except IsADirectoryError:
        raise InputError(f"{p}: is a directory, expected a file") from None
    except FileNotFoundError:
        raise InputError(f"{p}: no such file") from None
    except OSError as exc:
        raise InputError(f"{p}: cannot read: {exc.strerror}") from None


def read_document(path: str | Path, encoding: str | None = None) -> Document:
    data = read_bytes(path)
    text, used = decode(data, str(path), encoding)
    return Document(text=text, path=str(path), encoding=used)
