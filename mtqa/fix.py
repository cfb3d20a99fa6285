"""Apply fixes: non-overlapping edits from the end backwards, re-lint until stable, write atomically."""
from __future__ import annotations

import os
import tempfile
from contextlib import contextmanager
from pathlib import Path

from .errors import InputError
from .findings import Applicability, Edit, Finding

MAX_PASSES = 5


def fixable(findings: list[Finding], unsafe: bool = False) -> list[Finding]:
    ok = {Applicability.SAFE} | ({Applicability.UNSAFE} if unsafe else set())
    return [f for f in findings if f.fix is not None and f.fix.applicability in ok]


def apply_edits(text: str, edits: list[Edit]) -> tuple[str, list[Edit]]:
    """Apply the edits that do not overlap an earlier one; return (new text, edits applied)."""
    chosen: list[Edit] = []
    last_end = -1
    for e in sorted(edits, key=lambda e: (e.start, e.end)):
        if e.start >= last_end:
            chosen.append(e)
            last_end = e.end
    out = text
    for e in reversed(chosen):
        out = out[: e.start] + e.replacement + out[e.end:]
    return out, chosen


def fix_text(text: str, lint, unsafe: bool = False) -> tuple[str, int]:
    """Fix `text` with `lint(text) -> findings` until no fix applies; return (text, edits applied)."""
    total = 0
    for _ in range(MAX_PASSES):
        todo = fixable(lint(text), unsafe)
        if not todo:
            break
        new, applied = apply_edits(text, [e for f in todo for e in f.fix.edits])
        if new == text:
            break
        text, total = new, total + len(applied)
    return text, total


def write_atomic(path: str | Path, data: bytes, expected: bytes | None = None) -> None:
    """Replace `path` with `data` via a temp file in the same folder and a rename.

    When `expected` is given and the file no longer holds it (edited meanwhile), refuse.
    Permissions of the original are kept.
    """
    p = Path(path)
    if expected is not None and p.read_bytes() != expected:
        raise InputError(f"{p}: changed on disk while mtqa was fixing it; not overwritten")
    with atomic_writer(p) as sink:
        sink.write(data)


@contextmanager
def atomic_writer(path: str | Path, unchanged_since: os.stat_result | None = None):
    """A `_Sink` whose content replaces `path` atomically when the block ends without an
    error. On an error, after `sink.cancel()`, or if `path`'s size or mtime no longer match
    `unchanged_since`, the original stays and the temp file is removed."""
    p = Path(path)
    if p.exists():
        mode = p.stat().st_mode & 0o7777
    else:  # a new file gets the mode open() would give it (mkstemp's is 0600)
        umask = os.umask(0)
        os.umask(umask)
        mode = 0o666 & ~umask
    fd, tmp = tempfile.mkstemp(dir=p.parent, prefix=f".{p.name}.", suffix=".mtqa-tmp")
    try:
        with os.fdopen(fd, "wb") as fh:
            sink = _Sink(fh)
            yield sink
            fh.flush()
            os.fsync(fh.fileno())
        if sink.cancelled:
            os.unlink(tmp)
            return
        if unchanged_since is not None:
            now = p.stat()
            if (now.st_size, now.st_mtime_ns) != (unchanged_since.st_size, unchanged_since.st_mtime_ns):
                raise InputError(f"{p}: changed on disk while mtqa was fixing it; not overwritten")
        os.chmod(tmp, mode)
        os.replace(tmp, p)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


class _Sink:
    def __init__(self, fh):
        self.file = fh  # the binary temp file, for writers that need a file object
        self.write = fh.write
        self.cancelled = False

    def cancel(self) -> None:
        self.cancelled = True
