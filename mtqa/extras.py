"""Optional dependencies: the extra that brings each, and a clear error when one is missing.

`pip install mtqa` is what `mtqa lint` (and a pre-commit hook) needs. Corpus scans need
`mtqa[scan]` (pyarrow; dask and distributed for `--engine dask`), PO/XLIFF/TMX files in
`mtqa bilingual` need `mtqa[bilingual]` (translate-toolkit); `mtqa[all]` brings both.
"""
from __future__ import annotations

from .errors import MtqaError

EXTRA_OF = {"pyarrow": "scan", "dask": "scan", "distributed": "scan", "translate": "bilingual"}
PACKAGE_OF = {"translate": "translate-toolkit"}


def require(module: str, what: str) -> None:
    """Raise an MtqaError saying how to install `module` when it is missing (no import here)."""
    import importlib.util

    if importlib.util.find_spec(module) is None:
        raise MtqaError(f"{what} needs {PACKAGE_OF.get(module, module)}, which is not installed: "
                        f"pip install 'mtqa[{EXTRA_OF[module]}]'")
