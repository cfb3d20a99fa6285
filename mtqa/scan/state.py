"""OUTDIR's bookkeeping: the manifest (scan.json) and the journal of finished chunks.

A chunk counts as done once its three parts are in place *and* its line is in
`chunks.done` (appended and synced by the main process after the worker returns), so an
interrupted scan resumes with exactly the chunks that were not finished. A scan resumes
only with the same input, glossary, rules and chunk size; anything else is refused
rather than mixed into old results.
"""
from __future__ import annotations

import json
import os
import shutil
import time
from dataclasses import dataclass, field
from pathlib import Path

from .outputs import TABLES
from .sources import ScanInputError

MANIFEST = "scan.json"
JOURNAL = "chunks.done"
LOCK = ".lock"
FORMAT = 1


@dataclass
class ScanState:
    outdir: Path
    settings: dict
    done: dict[int, dict] = field(default_factory=dict)  # chunk index → its counts
    manifest: dict = field(default_factory=dict)
    _lock: object = field(default=None, repr=False)

    def close(self) -> None:
        """Release OUTDIR for other scans."""
        if self._lock is not None:
            self._lock.close()
            self._lock = None

    @classmethod
    def open(cls, outdir, settings: dict, overwrite: bool = False) -> "ScanState":
        """Start a scan in `outdir`, or pick up the one already there with the same settings."""
        outdir = Path(outdir)
        settings = {"format": FORMAT, **settings}
        if outdir.exists() and not outdir.is_dir():
            raise ScanInputError(f"{outdir}: exists and is not a folder")
        manifest_path = outdir / MANIFEST
        if (not overwrite and not manifest_path.exists() and outdir.is_dir()
                and any(p.name != LOCK for p in outdir.iterdir())):
            raise ScanInputError(f"{outdir}: not empty and not a scan folder (no {MANIFEST}); "
                                 "choose an empty or new folder")
        outdir.mkdir(parents=True, exist_ok=True)
        state = cls(outdir, settings)
        state._lock = _lock(outdir)
        try:
            if overwrite:
                clear(outdir)
            elif manifest_path.exists():
                changed = differences(_read_manifest(manifest_path).get("settings", {}), settings)
                if changed:
                    raise ScanInputError(
                        f"{outdir}: holds a scan with other settings ({'; '.join(changed)}); "
                        "pass --overwrite to replace it, or choose another output folder")
        except BaseException:
            state.close()
            raise
        if manifest_path.exists():
            state.manifest = _read_manifest(manifest_path)
            state.done = _read_journal(outdir / JOURNAL)
        else:
            state.manifest = {"settings": settings, "status": "running", "started": _now()}
            state.save()
        return state

    @property
    def complete(self) -> bool:
        return self.manifest.get("status") == "complete"

    def mark_done(self, index: int, counts: dict) -> None:
        self.done[index] = counts
        with open(self.outdir / JOURNAL, "a", encoding="utf-8") as fh:
            fh.write(json.dumps({"chunk": index, **counts}, ensure_ascii=False) + "\n")
            fh.flush()
            os.fsync(fh.fileno())

    def finish(self, totals: dict) -> None:
        self.manifest.update(status="complete", finished=_now(), totals=totals)
        self.save()

    def save(self) -> None:
        from ..fix import write_atomic

        data = json.dumps(self.manifest, ensure_ascii=False, indent=2) + "\n"
        target = self.outdir / MANIFEST
        target.touch()  # write_atomic keeps an existing file's mode (a new one would get 0600)
        write_atomic(target, data.encode("utf-8"))


LABELS = {"source.fingerprint": "the input changed", "source.input": "another input",
          "source.kind": "another input format", "source.documents": "the input changed",
          "source.bytes": "the input changed", "source.chunk_bytes": "another --chunk-size",
          "source.text_column": "another --text-column", "source.id_column": "another --id-column",
          "source.encoding": "another --encoding", "glossary": "the glossary changed",
          "rules": "mtqa's rules changed", "mtqa": "another mtqa version", "format": "another scan format",
          "select": "another --select", "ignore": "another --ignore", "locale": "another --locale"}


def differences(old: dict, new: dict, prefix: str = "") -> list[str]:
    """What differs between two scans' settings, in words (each reason once)."""
    out: list[str] = []
    for key in sorted(set(old) | set(new)):
        a, b, name = old.get(key), new.get(key), prefix + key
        if isinstance(a, dict) and isinstance(b, dict):
            reasons = differences(a, b, f"{name}.")
        else:
            reasons = [] if a == b else [LABELS.get(name, f"{name} differs")]
        out += [r for r in reasons if r not in out]
    return out


def _lock(outdir: Path):
    """Hold OUTDIR/.lock for as long as this scan runs: two scans must not share a folder."""
    try:
        import fcntl
    except ImportError:  # not on POSIX: no lock
        return None
    fh = open(outdir / LOCK, "a+", encoding="utf-8")
    try:
        fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        fh.seek(0)
        holder = fh.read().strip() or "?"
        fh.close()
        raise ScanInputError(f"{outdir}: another scan (process {holder}) is running in this folder") from None
    fh.seek(0)
    fh.truncate()
    fh.write(str(os.getpid()))
    fh.flush()
    return fh  # released when closed, or when the process ends


def clear(outdir: Path) -> None:
    """Remove what a scan writes (and nothing else) from `outdir`."""
    for table in TABLES:
        shutil.rmtree(outdir / table, ignore_errors=True)
        (outdir / f"{table}.csv").unlink(missing_ok=True)
    for name in (MANIFEST, JOURNAL):
        (outdir / name).unlink(missing_ok=True)


def _read_manifest(path: Path) -> dict:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ScanInputError(f"{path}: unreadable scan manifest ({exc}); pass --overwrite to start again") from None
    if not isinstance(data, dict):
        raise ScanInputError(f"{path}: not a scan manifest; pass --overwrite to start again")
    return data


def _read_journal(path: Path) -> dict[int, dict]:
    """Finished chunks; a torn last line (killed mid-write) is ignored: that chunk is redone."""
    done: dict[int, dict] = {}
    if not path.exists():
        return done
    for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
        try:
            entry = json.loads(line)
            done[int(entry.pop("chunk"))] = entry
        except (ValueError, KeyError, TypeError, AttributeError):
            continue
    return done


def _now() -> str:
    return time.strftime("%Y-%m-%dT%H:%M:%S%z")
