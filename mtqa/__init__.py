"""mtqa: find and fix translation errors in Chinese articles.

    >>> import mtqa
    >>> g = mtqa.Glossary.load("glossaries/")
    >>> [f.rule for f in mtqa.lint_text("王涛表示", glossary=g)]
    ['T001']
"""
__version__ = "0.1.0"

__all__ = ["Finding", "Glossary", "lint_text", "lint_paths", "__version__"]


def __getattr__(name):  # lazy: `import mtqa` stays cheap for the CLI
    if name == "Glossary":
        from .glossary.model import Glossary

        return Glossary
    if name == "Finding":
        from .findings import Finding

        return Finding
    if name in ("lint_text", "lint_paths"):
        from . import lint

        return getattr(lint, name)
    raise AttributeError(f"module 'mtqa' has no attribute {name!r}")
