"""Glossaries: model, loading, validation and interchange formats."""
from .loader import glossary_files, load_glossary
from .model import Concept, Glossary, Term

__all__ = ["Concept", "Glossary", "Term", "glossary_files", "load_glossary"]
