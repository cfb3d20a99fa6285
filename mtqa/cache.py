"""On-disk cache of compiled glossaries, keyed by the glossary files' content.

`mtqa lint` runs inside `git commit`; parsing YAML and converting every term with
OpenCC would dominate its start-up, so the compiled matcher is pickled once.
Set MTQA_NO_CACHE=1 to bypass it, MTQA_CACHE_DIR to move it.
"""
from __future__ import annotations

import hashlib
import os
import pickle
from pathlib import Path

from . import __version__

FORMAT = 2  # bump when the pickled classes change shape
KEEP = 8  # compiled glossaries kept; older ones are deleted when a new one is written
# The code and data a cached matcher may depend on: every module and data file of the package
# (a hand-kept list missed the CSV term-list reader once; stat-ing all of them costs well under 1 ms).
STAMPED_SUFFIXES = (".py", ".txt", ".yaml", ".toml")


def cache_dir() -> Path:
    if os.environ.get("MTQA_CACHE_DIR"):
        return Path(os.environ["MTQA_CACHE_DIR"])
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "mtqa"


def _code_stamp() -> str:
    """Changes whenever the code that defines the pickled objects changes (stat only: cheap)."""
    here = Path(__file__).resolve().parent
    parts = []
    for folder, dirs, files in os.walk(here):
        dirs[:] = sorted(d for d in dirs if not d.startswith((".", "__")))
        for name in sorted(files):
            if name.endswith(STAMPED_SUFFIXES):
                st = os.stat(os.path.join(folder, name))
                parts.append(f"{os.path.relpath(os.path.join(folder, name), here)}:{st.st_size}:{st.st_mtime_ns}")
    return ";".join(parts)


def _key(files: list[Path]) -> str:
    h = hashlib.sha256(f"{__version__}/{FORMAT}/{_code_stamp()}".encode())
    for f in files:
        h.update(str(f.resolve()).encode() + b"\0")
        h.update(f.read_bytes())
        h.update(b"\0")
    return h.hexdigest()[:32]


def unpickle_quietly(blob: bytes):
    """pickle.loads with the cyclic garbage collector paused: a big glossary unpickles into
    millions of objects, and collections triggered along the way made loading 3x slower."""
    import gc

    enabled = gc.isenabled()
    gc.disable()
    try:
        return pickle.loads(blob)
    finally:
        if enabled:
            gc.enable()


def load_matcher(paths) -> "object":
    """The compiled Matcher for the glossary at `paths`, from cache when possible."""
    from .glossary.loader import glossary_files, load_glossary

    files = glossary_files(*paths)
    use_cache = not os.environ.get("MTQA_NO_CACHE")
    target = None
    if use_cache:
        try:
            target = cache_dir() / f"glossary-{_key(files)}.pickle"
            with open(target, "rb") as fh:
                cached = unpickle_quietly(fh.read())
            if _complete(cached):
                _touch(target)
                return cached
        except (OSError, pickle.PickleError, EOFError, AttributeError, ImportError, ValueError):
            pass
    from .matcher import Matcher

    matcher = Matcher.build(load_glossary(*files))
    if target is not None:
        _store(target, matcher)
        _prune(target.parent)
    return matcher


def _touch(target: Path) -> None:
    """Mark a compiled glossary as used (its mtime; atime is unreliable under noatime)."""
    try:
        os.utime(target)
    except OSError:
        pass


def _prune(folder: Path, keep: int = KEEP) -> None:
    """Delete all but the `keep` most recently used compiled glossaries (each edit of a
    glossary or upgrade of mtqa leaves one behind)."""
    try:
        pickles = sorted(folder.glob("glossary-*.pickle"), key=lambda p: p.stat().st_mtime_ns, reverse=True)
        for old in pickles[keep:]:
            old.unlink()
    except OSError:
        pass


def read_text_cache(name: str) -> str | None:
    try:
        return (cache_dir() / name).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None


def write_text_cache(name: str, text: str) -> None:
    _store(cache_dir() / name, text.encode("utf-8"), raw=True)


def write_bytes_cache(name: str, data: bytes) -> None:
    _store(cache_dir() / name, data, raw=True)


def _complete(matcher) -> bool:
    """A pickle written by older code may lack fields the current code reads: then rebuild."""
    from dataclasses import fields

    index = getattr(matcher, "_sound_index", None)
    return index is not None and all(f.name in index.__dict__ for f in fields(index))


def _store(target: Path, obj, raw: bool = False) -> None:
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        import tempfile  # only when writing: 8 ms of a commit hook's start-up otherwise

        fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=".tmp-", suffix=".pickle")
        with os.fdopen(fd, "wb") as fh:
            if raw:
                fh.write(obj)
            else:
                pickle.dump(obj, fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, target)
    except OSError:
        pass  # a read-only home is no reason to fail a lint
