"""Indexes for tests, built the way a reload builds them (corpus.index_documents, then the
counts the store keeps): no second way of indexing exists for tests alone."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from retrieval import bm25, corpus
from retrieval.counts import build_counts
from retrieval.index import SearchIndex
from retrieval.model import Document
from retrieval.segment import Segmenter, default_segmenter
from retrieval.store import FileInfo


def read(path: Path) -> Document:
    """A file read as a reload reads it."""
    return corpus.read_document(path.name, path.read_bytes())


def read_lines(name: str, lines: list[str]) -> tuple[str, list[str]]:
    """A text file `name` of these lines, read as a reload reads it: its title and the text
    of its passages."""
    document = corpus.read_document(name, "\n".join(lines).encode())
    return document.title, [p.text for p in document.passages]


def index_of(documents: Sequence[Document], segmenter: Segmenter | None = None) -> SearchIndex:
    """The index a reload of these documents would serve (in this process)."""
    parsed = [(d, FileInfo(d.doc, "", 0, 0, "")) for d in documents]
    indexed = corpus.index_documents(parsed, workers=1, segmenter=segmenter or default_segmenter())
    packed = [terms for item in indexed for terms in item.packed_terms]
    return SearchIndex(tuple(documents), bm25.Postings.of(build_counts(packed)))
