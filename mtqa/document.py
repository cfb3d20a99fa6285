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

@dataclass
class Document:
    """Decoded text plus the facts needed to report on it and write it back unchanged."""

    text: str
    path: str = "<text>"
    encoding: str = "utf-8"
    # Where the text starts in its file: not (1, 1) for a section of a big file (see sections.py),
    # so positions, and the line numbers rules put in messages, are the whole file's.
    first_line: int = 1
    first_column: int = 1
    _line_starts: list[int] | None = field(default=None, repr=False)
    _script: str | None = field(default=None, repr=False)
    _not_prose: list | None = field(default=None, repr=False)

    @property
    def not_prose(self) -> list[tuple[int, int]]:
        """Spans that are not prose (URLs, e-mail addresses; in Markdown also code and markup):
        never a finding, never changed by a fix (see mtqa.prose)."""
        if self._not_prose is None:
            from .prose import not_prose

            self._not_prose = not_prose(self.text, self.path)
        return self._not_prose

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
        """1-based (line, column) of a 0-based character offset into `text`."""
        starts = self.line_starts
        line = bisect_right(starts, offset) - 1
        column = offset - starts[line] + 1
        if line == 0:
            column += self.first_column - 1
        return line + self.first_line, column

    @property
    def last_line(self) -> int:
        return self.first_line + len(self.line_starts) - 1

    def line_text(self, line: int) -> str:
        """The text of `line` (numbered like `position`), without its line break."""
        starts = self.line_starts
        line -= self.first_line - 1
        start = starts[line - 1]
        end = starts[line] - 1 if line < len(starts) else len(self.text)
        return self.text[start:end].rstrip("\r")

    def line_text_column(self, line: int) -> int:
        """The column `line_text(line)` starts at: 1, except for a line a big file's section
        begins in the middle of."""
        return self.first_column if line == self.first_line else 1

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


def write_back(raw: bytes, old_text: str, new_text: str, encoding: str, path: str = "<text>",
               first_line: int = 1) -> bytes:
    """The bytes for `new_text`, keeping `raw`'s own bytes for every line that did not change.
    A character the encoding cannot hold is an InputError naming `path` and the line (lines
    are numbered from `first_line`, for a section of a big file).

    Re-encoding alone is not enough: Big5 has duplicate code points (A1FE and A241 both read
    ／) and GB18030 several spellings of some characters, so a file could change outside the
    fixed spans. When the encoding round-trips `raw` exactly, encoding the new text is exact;
    otherwise unchanged lines are copied byte for byte and only changed lines are encoded.
    """
    try:
        whole = encode_as(new_text, encoding)
    except UnicodeEncodeError as exc:
        line = first_line + new_text.count("\n", 0, exc.start)
        c = new_text[exc.start]
        name = encoding.removesuffix("+bom")
        raise InputError(f"{path}:{line}: the fix needs {c!r} (U+{ord(c):04X}), which {name} cannot hold; "
                         f"the file is left unchanged") from None
    if encode_as(old_text, encoding) == raw:
        return whole
    import difflib

    bom = b""
    if encoding.endswith("+bom"):
        bom = next(b for b, name in BOMS if name == encoding[:-4])
    old_lines = _lines(old_text, "\n")
    new_lines = _lines(new_text, "\n")
    raw_lines = _lines(raw[len(bom):], b"\n")  # 0x0A never ends a multi-byte GB18030/Big5 character
    if len(raw_lines) != len(old_lines):  # line breaks inside multi-byte characters (UTF-16/32)
        return whole
    base = encoding[:-4] if encoding.endswith("+bom") else encoding
    out = [bom]
    matcher = difflib.SequenceMatcher(None, old_lines, new_lines, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            out.extend(raw_lines[i1:i2])
        else:
            out.append("".join(new_lines[j1:j2]).encode(base))
    return b"".join(out)


def _lines(s, sep):
    """Split after each `sep` only (str.splitlines also splits at \x1c, \u2028 and others)."""
    parts = s.split(sep)
    out = [p + sep for p in parts[:-1]]
    if parts[-1]:
        out.append(parts[-1])
    return out


def decode(data: bytes, path: str, encoding: str | None = None,
           notes: list[str] | None = None) -> tuple[str, str]:
    """Decode bytes to (text, encoding as `encode_as` takes it). Raises InputError naming the byte
    offset. Without a BOM, bytes that are not UTF-8 are GB18030 or Big5, whichever reads as
    likelier Chinese (mtqa.encoding_guess); when that is a close call, a note saying which was
    assumed is appended to `notes`."""
    if encoding:
        bom, codec, label = forced_codec(data[:4], encoding, path)
        return _decode_with(data[len(bom):], path, codec), label
    for bom, name in BOMS:
        if data.startswith(bom):
            return _decode_with(data[len(bom):], path, name), f"{name}+bom"
    if b"\x00" in data[:8192]:
        raise InputError(f"{path}: looks like a binary file (NUL byte), not text")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as exc:
        utf8_error = exc
    from .encoding_guess import describe, guess_legacy

    guess = guess_legacy(data)
    if guess is None:
        raise InputError(
            f"{path}: cannot decode byte {utf8_error.start} (0x{data[utf8_error.start]:02x}) as UTF-8, "
            f"and it does not read as GB18030 or Big5 text; pass --encoding if you know it"
        )
    if guess.uncertain and notes is not None:
        notes.append(describe(guess, path))
    return guess.text, guess.encoding


# Codecs that read (and write) a byte-order mark themselves: mtqa handles the BOM instead, so a
# file is written back with exactly the BOM it had, and a big file's sections carry none.
_BOM_CODECS = {"utf_8_sig": ("utf-8", "utf-8"), "utf_16": ("utf-16-le", "utf-16"), "utf_32": ("utf-32-le", "utf-32")}


def forced_codec(head: bytes, encoding: str, path: str) -> tuple[bytes, str, str]:
    """For `--encoding`: (BOM to skip, codec to decode the rest with, label for `encode_as`)."""
    try:
        name = codecs.lookup(encoding).name.replace("-", "_")
    except LookupError:
        raise InputError(f"{path}: unknown encoding {encoding!r}") from None
    if name not in _BOM_CODECS:
        return b"", encoding, encoding
    no_bom, family = _BOM_CODECS[name]
    for bom, bom_codec in BOMS:
        if head.startswith(bom) and bom_codec.startswith(family):
            return bom, bom_codec, f"{bom_codec}+bom"
    return b"", no_bom, no_bom


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


def read_document(path: str | Path, encoding: str | None = None, notes: list[str] | None = None) -> Document:
    data = read_bytes(path)
    text, used = decode(data, str(path), encoding, notes)
    return Document(text=text, path=str(path), encoding=used)
