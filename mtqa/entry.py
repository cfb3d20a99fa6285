"""The `mtqa` console script: `mtqa lint` takes a fast path that never imports typer."""
from __future__ import annotations

import os
import sys


def main() -> None:
    args = sys.argv[1:]
    if args and args[0] in ("--version", "-V"):
        sys.stdout.write(f"mtqa {version()}\n")
        return
    if args and args[0] == "lint":
        from .cli_lint import fast_main

        try:
            code = fast_main(args[1:])
            if code is not None:
                sys.stdout.flush()
        except BrokenPipeError:  # `mtqa lint … | head`: stop quietly, as click does
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            code = 1
        except KeyboardInterrupt:  # Ctrl-C: no traceback, the shell's usual code, and no waiting
            sys.stderr.write("\ninterrupted\n")
            for stream in (sys.stdout, sys.stderr):
                try:
                    stream.flush()
                except (OSError, ValueError):
                    pass
            # Temp files are already gone (their `finally` blocks ran); skipping the exit handlers
            # spares a wait on worker-pool threads, which under load could hang the interpreter's exit.
            os._exit(130)
        except BaseException as exc:  # a panic in the compiled core that no file's handler took
            from .errors import is_core_panic

            if not is_core_panic(exc):
                raise
            sys.stderr.write(f"error: mtqa's compiled core failed ({exc}); please report this with the input\n")
            code = 2
        if code is not None:
            sys.exit(code)
    from .cli import main as full

    full()


def version() -> str:
    """The installed distribution's version (pyproject.toml's), without importing the package's modules."""
    from importlib.metadata import PackageNotFoundError
    from importlib.metadata import version as installed

    try:
        return installed("mtqa")
    except PackageNotFoundError:  # run from a source tree that was never installed
        return "unknown (not installed)"
