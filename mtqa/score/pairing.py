"""Hypothesis and reference files or folders → documents → segments paired by line.

Lines are split the way the `sacrebleu` command reads them — on "\\n" only, trailing white
space stripped, no segment after a final newline — so the same files give the same scores.
Folders are paired by relative file name; every mismatch is an `InputError` naming the files.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..errors import InputError


@dataclass
class DocumentPair:
    """One hypothesis document and its reference, as lists of segments of equal length."""

    name: str  # the relative file name (the file name when two files were given)
    hyp_path: str
    ref_path: str
    hyp: list[str]
    ref: list[str]


def split_segments(text: str) -> list[str]:
    """One segment per line, as sacrebleu reads a file: split on \\n, rstrip, none after a final \\n."""
    if not text:
        return []
    lines = text.split("\n")
    if text.endswith("\n"):
        lines.pop()
    return [line.rstrip() for line in lines]


def read_segments(path: Path) -> list[str]:
    from ..document import decode, read_bytes

    data = read_bytes(path)
    text, _ = decode(data, str(path))
    return split_segments(text)


def _files(folder: Path) -> dict[str, Path]:
    """Every non-hidden file under `folder`, by its relative path."""
    out = {}
    for f in sorted(folder.rglob("*")):
        rel = f.relative_to(folder)
        if f.is_file() and not any(part.startswith(".") for part in rel.parts):
            out[rel.as_posix()] = f
    return out


def pair_paths(hyp: str | Path, ref: str | Path) -> list[DocumentPair]:
    """Pair `hyp` with `ref`: two files, or two folders matched by relative file name."""
    hyp, ref = Path(hyp), Path(ref)
    for p, what in ((hyp, "--hyp"), (ref, "--ref")):
        if not p.exists():
            raise InputError(f"{p}: no such file or folder ({what})")
    if hyp.is_dir() != ref.is_dir():
        folder, file = (hyp, ref) if hyp.is_dir() else (ref, hyp)
        raise InputError(f"{folder} is a folder but {file} is a file: give two files or two folders")
    if not hyp.is_dir():
        return [_pair(hyp.name, hyp, ref)]
    hyps, refs = _files(hyp), _files(ref)
    if not hyps:
        raise InputError(f"{hyp}: no files to score")
    only_hyp = sorted(set(hyps) - set(refs))
    only_ref = sorted(set(refs) - set(hyps))
    if only_hyp or only_ref:
        lines = [f"{hyps[n]} has no reference (expected {ref / n})" for n in only_hyp]
        lines += [f"{refs[n]} has no hypothesis (expected {hyp / n})" for n in only_ref]
        raise InputError("documents are paired by file name:\n  " + "\n  ".join(lines))
    return [_pair(name, hyps[name], refs[name]) for name in sorted(hyps)]


def _pair(name: str, hyp: Path, ref: Path) -> DocumentPair:
    h, r = read_segments(hyp), read_segments(ref)
    if len(h) != len(r):
        longer = hyp if len(h) > len(r) else ref
        raise InputError(
            f"{hyp} has {len(h)} line(s) but {ref} has {len(r)}: segments are paired by line "
            f"({longer}:{min(len(h), len(r)) + 1} is the first line without a partner)")
    return DocumentPair(name, str(hyp), str(ref), h, r)
