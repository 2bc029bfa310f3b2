"""An index's documents, with what questions look up in them worked out once.

Reading what a question names (`retrieval.targets`, `retrieval.parts`) compares it with
every document: names, places, title runs, top-level headings. Those depend only on the
documents, so with 1,000 documents recomputing them for each question cost more than
ranking. A `Catalog` is the index's documents as a sequence, plus tables built on first use
and kept for the index's life (`SearchIndex.catalog`); code given a plain list of documents
builds what it needs each time, as before. Tables are keyed by the name of the function that
builds them, so the rules stay in the modules that own them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Any, TypeVar, overload

from retrieval.model import Document

T = TypeVar("T")


class Catalog(Sequence[Document]):
    """A read-only sequence of documents with memoised per-document tables."""

    __slots__ = ("_documents", "_tables")

    def __init__(self, documents: Iterable[Document]) -> None:
        self._documents = tuple(documents)
        self._tables: dict[str, Any] = {}

    @overload
    def __getitem__(self, i: int) -> Document: ...

    @overload
    def __getitem__(self, i: slice) -> Sequence[Document]: ...

    def __getitem__(self, i: int | slice) -> Document | Sequence[Document]:
        return self._documents[i]

    def __len__(self) -> int:
        return len(self._documents)

    def __iter__(self) -> Iterator[Document]:
        return iter(self._documents)

    def table(self, key: str, build: Callable[[], T]) -> T:
        """`build()`, computed once per catalog. Two threads may both build it on first use;
        either result is the same, so the race is harmless."""
        try:
            value: T = self._tables[key]
        except KeyError:
            value = self._tables[key] = build()
        return value


def memo(documents: Sequence[Document], key: str, build: Callable[[], T]) -> T:
    """`build()` kept on `documents` when they are a Catalog; computed afresh otherwise."""
    if isinstance(documents, Catalog):
        return documents.table(key, build)
    return build()


class Substrings:
    """Strings found as substrings of a text, in time that does not grow with how many
    strings there are: every slice of the text of a length some string has is looked up."""

    __slots__ = ("_lengths", "_strings")

    def __init__(self, strings: Iterable[str]) -> None:
        self._strings = frozenset(s for s in strings if s)
        self._lengths = sorted({len(s) for s in self._strings})

    def within(self, text: str) -> set[str]:
        """The strings that occur in `text`."""
        strings = self._strings
        found: set[str] = set()
        n = len(text)
        if len(strings) <= len(self._lengths) * n:  # few strings: test each one
            return {s for s in strings if s in text}
        for length in self._lengths:
            if length > n:
                break
            found.update(
                piece for i in range(n - length + 1) if (piece := text[i : i + length]) in strings
            )
        return found


def owners_of(
    documents: Sequence[Document], tokens_of: Callable[[Document], Iterable[str]], shortest: int = 1
) -> tuple[Substrings, dict[str, list[int]]]:
    """Every token of the documents (`tokens_of`: names, places) of `shortest` characters or
    more, and the positions of the documents holding it."""
    owners: dict[str, list[int]] = {}
    for i, d in enumerate(documents):
        for t in tokens_of(d):
            if len(t) >= shortest:
                owners.setdefault(t, []).append(i)
    return Substrings(owners), owners


__all__ = ["Catalog", "Substrings", "memo", "owners_of"]
