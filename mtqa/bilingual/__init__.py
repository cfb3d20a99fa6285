"""Bilingual source/target checks on TSV/CSV, PO, XLIFF and TMX (`mtqa bilingual`)."""
