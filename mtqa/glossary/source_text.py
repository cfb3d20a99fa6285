"""Read a glossary file as UTF-8 text; a file that is not UTF-8 is a problem with its line, not a traceback."""
from __future__ import annotations

from pathlib import Path

from ..errors import Problem


def read_utf8(path: Path, problems: list[Problem]) -> str | None:
    """The decoded text (a leading BOM dropped, newlines as `\\n`), or None with a located problem."""
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        problems.append(Problem(str(path), None, f"cannot read: {exc.strerror or exc}"))
        return None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        # Name the line and the byte, and say what the file probably is (a UTF-16 or GB18030 export).
        line = data.count(b"\n", 0, exc.start) + 1
        hint = ""
        if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
            hint = " (it looks like UTF-16)"
        problems.append(Problem(str(path), line, f"not UTF-8: byte {exc.start} (0x{data[exc.start]:02x}) cannot be decoded"
                                                 f"{hint}; save the file as UTF-8"))
        return None
    # What Path.read_text does: universal newlines, so line numbers agree with every editor's.
    return text.replace("\r\n", "\n").replace("\r", "\n")
