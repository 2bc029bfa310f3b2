"""Data that crosses module boundaries. All frozen: an index is shared by concurrent readers."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Passage:
    """One paragraph (or one piece of a long paragraph) with its exact place in its document."""

    doc: str  # document id: the file name relative to the corpus folder
    title: str
    section: tuple[str, ...]  # headings from the top of the document down
    paragraph: int  # 1-based number among the document's body paragraphs
    part: int  # 1-based piece of a paragraph split at sentence ends; 1 when not split
    text: str  # exactly as written

    @property
    def key(self) -> tuple[str, int, int]:
        return (self.doc, self.paragraph, self.part)


@dataclass(frozen=True, slots=True)
class Heading:
    """A node of a document's heading tree, flattened: `path` ends with this heading's own title."""

    path: tuple[str, ...]
    first_paragraph: int  # the first body paragraph under it


@dataclass(frozen=True, slots=True)
class Document:
    doc: str
    title: str
    headings: tuple[Heading, ...]
    passages: tuple[Passage, ...]


@dataclass(frozen=True, slots=True)
class Hit:
    """A ranked passage for one question, with what matched and where."""

    rank: int
    score: float
    passage: Passage
    matched: tuple[str, ...]  # question terms (and synonyms) found in the passage's text
    spans: tuple[tuple[int, int], ...]  # [start, end) of matched text in passage.text
    snippet: tuple[int, int]  # [start, end) of the part of passage.text worth showing


@dataclass(frozen=True, slots=True)
class Answer:
    question: str
    terms: tuple[str, ...]  # the question's search terms after normalisation and stopwords
    hits: tuple[Hit, ...]  # empty exactly when the corpus does not answer
    reason: str = ""  # why there are no hits: "empty", "no_terms", "weak"


def passage_uid(passage: Passage) -> str:
    """A short id that stays the same across reloads while the passage keeps its place."""
    digest = hashlib.blake2b(
        f"{passage.doc}\x1f{passage.paragraph}\x1f{passage.part}".encode(), digest_size=5
    )
    return digest.hexdigest()
