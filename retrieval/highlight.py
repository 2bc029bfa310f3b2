"""Where matched words sit in a passage, and which part of a long passage to show."""

from __future__ import annotations

from collections.abc import Iterable

from retrieval.normalize import fold

SNIPPET_CHARS = 160
_BREAKS = "。！？!?；;\n"


def spans(text: str, words: Iterable[str]) -> tuple[tuple[int, int], ...]:
    """Non-overlapping [start, end) spans of `words` in `text`, longest words first."""
    folded = fold(text)
    taken = [False] * len(text)
    found: list[tuple[int, int]] = []
    for word in sorted(set(words), key=len, reverse=True):
        if not word:
            continue
        start = folded.find(word)
        while start != -1:
            end = start + len(word)
            if not any(taken[start:end]):
                found.append((start, end))
                taken[start:end] = [True] * len(word)
            start = folded.find(word, end)
    return tuple(sorted(found))


def snippet(
    text: str, matches: tuple[tuple[int, int], ...], size: int = SNIPPET_CHARS
) -> tuple[int, int]:
    """The window of about `size` chars holding the most matched characters.

    The window starts at a sentence start where one is near, so a snippet reads naturally.
    """
    if len(text) <= size:
        return (0, len(text))
    best_start, best_cover = 0, -1
    for start, _ in matches or ((0, 0),):
        cover = sum(min(e, start + size) - s for s, e in matches if start <= s < start + size)
        if cover > best_cover:
            best_start, best_cover = start, cover
    sentence = max((text.rfind(c, 0, best_start) for c in _BREAKS), default=-1) + 1
    if best_start - sentence <= size // 3:
        best_start = sentence
    best_start = min(best_start, len(text) - size)
    return (best_start, best_start + size)
