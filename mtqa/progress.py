"""A one-line progress bar on stderr, for runs over many files in a terminal.

Drawn only after `delay` seconds (a quick run never flickers) and at most ten times a
second; `close` wipes it so the report starts on a clean line.
"""
from __future__ import annotations

import time

WIDTH = 24


class Progress:
    def __init__(self, total: int, stream, delay: float = 0.5):
        self.total, self.stream, self.done = total, stream, 0
        self._start = time.monotonic()
        self._delay = delay
        self._last_draw = 0.0
        self._drawn = False

    def advance(self, label: str = "") -> None:
        """Count one more file (about to be checked: `label`)."""
        self.done += 1
        now = time.monotonic()
        if now - self._start < self._delay or (self._drawn and now - self._last_draw < 0.1 and self.done < self.total):
            return
        filled = WIDTH * self.done // self.total
        bar = "█" * filled + "░" * (WIDTH - filled)
        label = label if len(label) <= 40 else "…" + label[-39:]
        self.stream.write(f"\r\x1b[2K{bar} {self.done}/{self.total} {label}")
        self.stream.flush()
        self._drawn, self._last_draw = True, now

    def close(self) -> None:
        if self._drawn:
            self.stream.write("\r\x1b[2K")
            self.stream.flush()
