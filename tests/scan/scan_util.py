"""Helpers shared by the scan tests: tiny corpora, the CLI through `register`, table comparison."""
import json
import os
import subprocess
import sys
from contextlib import contextmanager

import pytest

from conftest import DATA, ROOT

MINI = str(DATA / "mini.yaml")
GLOSSARY_RULES = ["T", "C", "N"]

TEXTS = [
    "Meta的新贵王涛加入了。阿里的Qwen模型和倩文。",
    "亚历山大·王(Alexandr Wang)加入Meta。杨立昆表示赞同。",
    "杨立坤和博斯沃斯都在Meta。",
    "美元与元宇宙,没有术语。",
    "扎克伯格说,Meta的代号鳄梨模型和牛油果模型以及Avocado都是一回事。",
    "王涛、汪滔和亚历山大·王是同一个人。",
]

# Run the scan and report commands as a user would, through `register` on a fresh app.
CLI = ("import sys, typer\n"
       "from mtqa.cli_scan import register\n"
       "app = typer.Typer(add_completion=False)\n"
       "register(app)\n"
       "app(prog_name='mtqa')\n")


class Result:
    def __init__(self, returncode, stdout, stderr):
        self.returncode, self.stdout, self.stderr = returncode, stdout, stderr


def run_cli(*args):
    """The scan and report commands in this process (typer's runner): fast, and crashes surface."""
    import typer
    from typer.testing import CliRunner

    from mtqa.cli_scan import register

    app = typer.Typer(add_completion=False)
    register(app)
    r = CliRunner().invoke(app, [str(a) for a in args])
    if r.exception is not None and not isinstance(r.exception, SystemExit):
        raise r.exception  # a traceback is a bug: let the test fail on it
    return Result(r.exit_code, r.stdout, r.stderr)


def mtqa(*args, cwd=None, timeout=300):
    return subprocess.run([sys.executable, "-c", CLI, *map(str, args)], capture_output=True, text=True,
                          cwd=cwd or ROOT, env=dict(os.environ), timeout=timeout)


def popen(*args, cwd=None):
    """The CLI in a child process that Ctrl-C (SIGINT) reaches: an ignored SIGINT would be inherited.
    The test run itself may have it ignored: a non-interactive shell starts a background job
    (`bash .ci/run &`) with SIGINT and SIGQUIT ignored, and Python then leaves them so."""
    import signal

    return subprocess.Popen([sys.executable, "-c", CLI, *map(str, args)], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, cwd=cwd or ROOT, env=dict(os.environ),
                            preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))


def write_folder(root, texts=TEXTS):
    root.mkdir(parents=True, exist_ok=True)
    for i, text in enumerate(texts):
        (root / f"doc{i:02d}.txt").write_text(text, encoding="utf-8")
    return root


def write_jsonl(path, texts=TEXTS, ids=True):
    with open(path, "w", encoding="utf-8") as fh:
        for i, text in enumerate(texts):
            obj = {"id": f"d{i}", "text": text} if ids else {"text": text}
            fh.write(json.dumps(obj, ensure_ascii=False) + "\n")
    return path


def write_parquet(path, texts=TEXTS, ids=True, row_group_size=None):
    import pyarrow as pa
    import pyarrow.parquet as pq

    columns = {"text": texts}
    if ids:
        columns = {"id": [f"d{i}" for i in range(len(texts))], **columns}
    pq.write_table(pa.table(columns), path, row_group_size=row_group_size)
    return path


def tables(outdir):
    from mtqa.scan.outputs import TABLES, load_table

    return {t: load_table(outdir, t) for t in TABLES}


def assert_same_tables(a, b):
    """Two scans' outputs hold the same rows (order included: both are in input order)."""
    import pandas.testing as pdt

    for name in a:
        pdt.assert_frame_equal(a[name].reset_index(drop=True), b[name].reset_index(drop=True), check_exact=True,
                               obj=name)


@contextmanager
def session_cache(tmp_path_factory):
    """For module-scoped fixtures, which run before conftest's autouse one: the session's cache."""
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("MTQA_CACHE_DIR", str(tmp_path_factory.getbasetemp() / "cache"))
        yield
