"""A progress bar on a terminal for long reloads: files done of total, characters a second
and time left. Standard library only; silent when stderr is not a terminal (pipes, CI, logs)."""

from __future__ import annotations

import sys
import threading
import time
from typing import TextIO

WIDTH = 24
EVERY = 0.1  # seconds between redraws


class TerminalProgress:
    def __init__(self, label: str = "reading", stream: TextIO | None = None) -> None:
        self.stream = stream if stream is not None else sys.stderr
        self.enabled = self.stream.isatty()
        self.label = label
        self.started = time.monotonic()
        self._drawn_at = float("-inf")
        self._drawn = False
        self._lock = threading.Lock()  # called from the reload's worker thread

    def __call__(self, done: int, total: int, chars: int) -> None:
        if not self.enabled:
            return
        now = time.monotonic()
        with self._lock:
            if done < total and now - self._drawn_at < EVERY:
                return
            self._drawn_at = now
            self.stream.write("\r" + line(self.label, done, total, chars, now - self.started))
            self.stream.flush()
            self._drawn = True

    def close(self) -> None:
        """End the bar's line, so what is printed next starts on its own."""
        with self._lock:
            if self._drawn:
                self.stream.write("\n")
                self.stream.flush()
                self._drawn = False


def line(label: str, done: int, total: int, chars: int, elapsed: float) -> str:
    share = done / total if total else 1.0
    filled = round(WIDTH * share)
    rate = chars / elapsed if elapsed > 0 else 0.0
    left = elapsed * (total - done) / done if done else None
    eta = "--:--" if left is None else f"{int(left) // 60:02d}:{int(left) % 60:02d}"
    return (
        f"{label} [{'#' * filled}{'.' * (WIDTH - filled)}] {done}/{total} files"
        f" {share:4.0%} {rate:,.0f} chars/s, {eta} left "
    )
