"""Query expansion from the hand-written domain table in data/synonyms.txt.

There is no maintained offline Chinese synonym package; a small table of the words people
use for the things these documents talk about (家里人 for 家属, 老婆 for 配偶 …) is the
practical route. Expansions are searched at a lower weight than the words typed.
"""

from __future__ import annotations

from functools import cache

from retrieval.normalize import fold
from retrieval.segment import data_lines


@cache
def table() -> dict[str, frozenset[str]]:
    """Each word to the other words of every group it belongs to."""
    groups: dict[str, set[str]] = {}
    for line in data_lines("synonyms.txt"):
        words = [fold(w) for w in line.split()]
        for word in words:
            groups.setdefault(word, set()).update(w for w in words if w != word)
    return {word: frozenset(others) for word, others in groups.items()}


def synonyms(word: str) -> frozenset[str]:
    return table().get(word, frozenset())
