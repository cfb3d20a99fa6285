"""Run `mtqa` in a fresh process and read its peak memory (shared by the benchmarks).

VmHWM from /proc, not getrusage: Linux carries ru_maxrss across fork and exec, so a child
started by a big benchmark process would report the parent's peak as its own.
"""
from __future__ import annotations

import re
import subprocess
import sys
import time

CHILD = """
import re, runpy, sys
sys.argv = ['mtqa', *sys.argv[1:]]
code = 0
try:
    runpy.run_module('mtqa', run_name='__main__')
except SystemExit as exc:
    code = exc.code
hwm = re.search(r'VmHWM:\\s+(\\d+) kB', open('/proc/self/status').read())[1]
print(f'VmHWM {int(hwm) / 1024:.0f}', file=sys.stderr)
sys.exit(code)
"""


def run_mtqa(args: list[str], **kw) -> tuple[subprocess.CompletedProcess, float, float]:
    """(process, wall seconds, peak RSS in MiB) of `mtqa ARGS`; kw go to subprocess.run."""
    t = time.perf_counter()
    proc = subprocess.run([sys.executable, "-c", CHILD, *args], capture_output=True, text=True, **kw)
    wall = time.perf_counter() - t
    hwm = re.search(r"VmHWM (\d+)", proc.stderr)
    return proc, wall, float(hwm[1]) if hwm else float("nan")
