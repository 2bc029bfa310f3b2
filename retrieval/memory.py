"""Giving memory freed by a load back to the system.

glibc's allocator keeps freed heap memory for reuse rather than returning it. Loading an
index (rows read from SQLite in a worker thread) and jieba's dictionary leave tens of MB
of such garbage that a serving process never reuses, so it stays resident for the life of
the bot. `malloc_trim` returns it; elsewhere (macOS, musl) there is nothing to call.
"""

from __future__ import annotations

import ctypes
import functools
from collections.abc import Callable


@functools.cache
def _malloc_trim() -> Callable[[int], int] | None:
    try:
        trim: Callable[[int], int] = ctypes.CDLL(None).malloc_trim
    except (OSError, AttributeError):
        return None
    return trim


def give_back() -> None:
    """Return the free heap memory to the system (glibc); a no-op where that is not a call."""
    trim = _malloc_trim()
    if trim is not None:
        trim(0)


__all__ = ["give_back"]
