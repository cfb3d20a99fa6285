"""Helpers for the report tests: a tiny corpus with hostile markup, and `mtqa report` in-process."""
from contextlib import contextmanager

import pytest

from conftest import DATA

MINI = str(DATA / "mini.yaml")
HOSTILE = '王涛说:<script>window.__pwned = 1</script><img src=x onerror="window.__pwned=2">倩文 & "Qwen"'
TEXTS = {
    "a.txt": "Meta的新贵王涛加入了。阿里的Qwen模型和倩文。\n杨立坤和博斯沃斯都在Meta。\n",
    "b.txt": HOSTILE + "\n",
    "c.txt": "亚历山大·王(Alexandr Wang)加入Meta。杨立昆表示赞同。\n",
}


def corpus(root):
    root.mkdir(parents=True, exist_ok=True)
    for name, text in TEXTS.items():
        (root / name).write_text(text, encoding="utf-8")
    return root


def run_cli(*args):
    import typer
    from typer.testing import CliRunner

    from mtqa.cli_scan import register

    app = typer.Typer(add_completion=False)
    register(app)
    r = CliRunner().invoke(app, [str(a) for a in args])
    if r.exception is not None and not isinstance(r.exception, SystemExit):
        raise r.exception
    return r


@contextmanager
def session_cache(tmp_path_factory):
    """For module-scoped fixtures, which run before conftest's autouse one: the session's cache."""
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("MTQA_CACHE_DIR", str(tmp_path_factory.getbasetemp() / "cache"))
        yield
