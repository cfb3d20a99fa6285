"""The `mtqa` console script: `mtqa lint` takes a fast path that never imports typer."""
from __future__ import annotations

import os
import sys


def main() -> None:
    args = sys.argv[1:]
    if args and args[0] == "lint":
        from .cli_lint import fast_main

        try:
            code = fast_main(args[1:])
            if code is not None:
                sys.stdout.flush()
        except BrokenPipeError:  # `mtqa lint … | head`: stop quietly, as click does
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            code = 1
        except KeyboardInterrupt:  # Ctrl-C: no traceback, the shell's usual code
            sys.stderr.write("\ninterrupted\n")
            code = 130
        if code is not None:
            sys.exit(code)
    from .cli import main as full

    full()
