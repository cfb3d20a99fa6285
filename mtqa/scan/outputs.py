"""The scan's output tables: schemas, per-chunk Parquet parts, CSV copies, loading.

OUTDIR/findings/, summary/ and renderings/ are partitioned Parquet datasets, one part per
chunk (`part-000042.parquet`), written atomically by whichever worker scanned the chunk.
When the scan is complete each is also written as one CSV (findings.csv, ...).
"""
from __future__ import annotations

import os
from pathlib import Path

TABLES = ("findings", "summary", "renderings")
SEVERITIES = ("error", "warning", "info")

FINDING_COLUMNS = (  # doc_id, then the lint JSON fields in their documented order
    ("doc_id", "string"), ("path", "string"), ("line", "int32"), ("column", "int32"), ("start", "int64"),
    ("end", "int64"), ("rule", "string"), ("name", "string"), ("severity", "string"), ("message", "string"),
    ("found", "string"), ("suggestion", "string"), ("concept", "string"), ("fix", "string"),
)
RENDERING_COLUMNS = (
    ("doc_id", "string"), ("concept", "string"), ("found", "string"), ("term", "string"), ("lang", "string"),
    ("status", "string"), ("start", "int64"), ("end", "int64"), ("rendering", "bool_"),
)


def rule_codes() -> list[str]:
    from ..rules import ALL_RULES

    return [r.code for r in ALL_RULES]


def summary_columns() -> list[tuple[str, str]]:
    return [("doc_id", "string"), ("path", "string"), ("chunk", "int32"), ("position", "int32"),
            ("chars", "int64"), ("hits", "int32"), ("accepted_hits", "int32"), ("deprecated_hits", "int32"),
            ("term_accuracy", "float64"), ("findings", "int32"), ("errors", "int32"), ("warnings", "int32"),
            ("infos", "int32")] + [(code, "int32") for code in rule_codes()] + [("problem", "string")]


def schema(name: str):
    import pyarrow as pa

    columns = {"findings": FINDING_COLUMNS, "renderings": RENDERING_COLUMNS}.get(name) or summary_columns()
    return pa.schema([(col, getattr(pa, kind)()) for col, kind in columns])


def term_accuracy(accepted: int, hits: int) -> float | None:
    """Share of glossary hits whose form is preferred or admitted; None without any hit."""
    return accepted / hits if hits else None


def part_path(outdir: Path, table: str, index: int) -> Path:
    return Path(outdir) / table / f"part-{index:06d}.parquet"


def write_part(outdir, table: str, index: int, columns: dict) -> None:
    """Write one chunk's rows of `table` (a dict of column lists) atomically."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    target = part_path(Path(outdir), table, index)
    target.parent.mkdir(parents=True, exist_ok=True)
    data = pa.Table.from_pydict(columns, schema=schema(table))
    tmp = target.with_name(f".{target.name}.{os.getpid()}.tmp")  # hidden: dataset readers skip it
    pq.write_table(data, tmp, compression="zstd")
    os.replace(tmp, target)


def parts(outdir, table: str) -> list[Path]:
    folder = Path(outdir) / table
    return sorted(folder.glob("part-*.parquet")) if folder.is_dir() else []


def write_csv(outdir, table: str) -> Path:
    """Concatenate the parts of `table` into OUTDIR/<table>.csv, one part at a time.

    Arrow's writer: UTF-8, a header row, strings always quoted, a null as an empty field.
    """
    import pyarrow.csv as pacsv
    import pyarrow.parquet as pq

    outdir = Path(outdir)
    target = outdir / f"{table}.csv"
    tmp = outdir / f".{table}.csv.tmp"
    with pacsv.CSVWriter(str(tmp), schema(table), write_options=pacsv.WriteOptions(quoting_style="needed")) as w:
        for part in parts(outdir, table):
            w.write_table(pq.read_table(part, schema=schema(table)))
    os.replace(tmp, target)
    return target


def load_table(outdir, table: str):
    """One output table as a pandas DataFrame (all parts, in scan order)."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    if table not in TABLES:
        raise ValueError(f"unknown table {table!r} (expected {', '.join(TABLES)})")
    files = parts(outdir, table)
    if not files:
        return schema(table).empty_table().to_pandas()
    return pa.concat_tables(pq.read_table(f, schema=schema(table)) for f in files).to_pandas()


def iter_part_tables(outdir, table: str, columns=None):
    """Each part of `table` as a pyarrow Table (for aggregating without loading it all)."""
    import pyarrow.parquet as pq

    for part in parts(outdir, table):
        yield pq.read_table(part, columns=columns)
