"""Corpus scans on local processes or a Dask cluster (`mtqa scan`)."""
