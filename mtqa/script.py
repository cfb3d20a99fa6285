"""Simplified/Traditional Chinese: OpenCC adapter and script detection.

Works with the official `opencc` binding and with `opencc-python-reimplemented`
(both install a module called `opencc`; they differ in config naming).
"""
from __future__ import annotations

from functools import lru_cache

HANS = "Hans"
HANT = "Hant"


@lru_cache(maxsize=None)
def converter(config: str):
    """An OpenCC converter for `config` such as 's2t', 't2s', 's2tw', 's2hk'."""
    import opencc

    last_error: Exception | None = None
    for name in (config, f"{config}.json"):
        try:
            return opencc.OpenCC(name)
        except Exception as exc:  # the two packages reject different spellings
            last_error = exc
    raise RuntimeError(f"OpenCC cannot load config {config!r}: {last_error}")


def convert(text: str, config: str) -> str:
    return converter(config).convert(text)


def to_traditional(text: str, region: str | None = None) -> str:
    config = {"zh-TW": "s2tw", "zh-HK": "s2hk"}.get(region or "", "s2t")
    return convert(text, config)


def to_simplified(text: str) -> str:
    if len(text) <= 16:
        return _short_to_simplified(text)
    return convert(text, "t2s")


@lru_cache(maxsize=65536)
def _short_to_simplified(text: str) -> str:
    return convert(text, "t2s")


# Characters OpenCC converts everywhere but Taiwan's Ministry of Education lists as the standard
# form, so Taiwanese text writes them too: 占 (占比; OpenCC gives 佔比).
TRADITIONAL_STANDARD = frozenset("占")
# Traditional characters that Simplified Chinese keeps for a meaning of their own, and in names:
# 乾 (qián: 乾坤, and 萧乾, 王丙乾). Alone in a Simplified text they are no foreign script.
SIMPLIFIED_TOO = frozenset("乾")


@lru_cache(maxsize=1)
def script_chars() -> tuple[str, str]:
    """(Traditional-only, Simplified-only) characters of the CJK Unified block.

    A character is Traditional-only when OpenCC's t2s changes it, and Simplified-only
    when s2t, s2tw and s2hk all change it and t2s leaves it alone (吃 and 峰 stay:
    Taiwan writes them so). Context still matters (征服 keeps 征): rules confirm a run
    with a phrase-aware conversion. Computing this takes OpenCC ~0.2 s, so the result is
    cached on disk next to the glossary cache.
    """
    import os

    from .cache import read_text_cache, write_text_cache

    name = f"script-chars-v3-{_opencc_version()}.txt"
    cached = None if os.environ.get("MTQA_NO_CACHE") else read_text_cache(name)
    if cached and cached.count("\n") == 1:
        trad, simp = cached.split("\n")
        return trad, simp
    chars = [chr(c) for c in range(0x4E00, 0xA000)]
    joined = "\n".join(chars)
    t2s = to_simplified(joined).split("\n")
    regional = [to_traditional(joined, r).split("\n") for r in (None, "zh-TW", "zh-HK")]
    trad = "".join(c for c, s in zip(chars, t2s) if s != c)
    simp = "".join(c for c, s, *ts in zip(chars, t2s, *regional)
                   if s == c and all(t != c for t in ts) and c not in TRADITIONAL_STANDARD)
    write_text_cache(name, f"{trad}\n{simp}")
    return trad, simp


def _opencc_version() -> str:
    """Identify the installed OpenCC cheaply (no importlib.metadata): version, else file stamp."""
    import os

    import opencc

    version = getattr(opencc, "__version__", None)
    if version:
        return str(version)
    st = os.stat(opencc.__file__)
    return f"{st.st_size}-{int(st.st_mtime)}"


def detect_script(text: str) -> str:
    """HANT when the whole text's Traditional-only characters outnumber its Simplified-only ones,
    else HANS (counted by the compiled core: core/src/script.rs). S001 reads the same count."""
    return script_scanner().main_script(text)


@lru_cache(maxsize=1)
def script_scanner():
    """The compiled core's ScriptScanner over script_chars: the document's script, and for S001
    the runs of the other script's characters."""
    from ._core import ScriptScanner

    return ScriptScanner(*script_chars())
