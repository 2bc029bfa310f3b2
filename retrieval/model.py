"""Data that crosses module boundaries. All frozen: an index is shared by concurrent readers."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from enum import StrEnum


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
class DocumentMeta:
    """What a document says about itself. Empty strings where it does not say."""

    subtitle: str = ""
    occasion: str = ""  # the meeting or event: 第十九次全国代表大会
    speaker: str = ""  # who spoke, or the issuing body
    date: str = ""  # ISO: 2017-10-18, 2017-10 or 2017
    year: int | None = None
    kind: str = ""  # 讲话, 报告, 决定, 公报, 意见, 通知, 条例 …
    names: tuple[str, ...] = ()  # names people use for it (十九大报告, 2021年政府工作报告)
    source: str = ""  # where it was taken from, when known

    def to_json(self) -> dict[str, object]:
        return {k: v for k in self.__slots__ if (v := getattr(self, k)) not in ("", (), None)}

    @classmethod
    def from_json(cls, data: dict[str, object]) -> DocumentMeta:
        fields = {k: v for k, v in data.items() if k in cls.__slots__}
        names = fields.get("names")
        if isinstance(names, list):
            fields["names"] = tuple(str(n) for n in names)
        return cls(**fields)  # type: ignore[arg-type]


@dataclass(frozen=True, slots=True)
class Document:
    doc: str
    title: str
    headings: tuple[Heading, ...]
    passages: tuple[Passage, ...]
    meta: DocumentMeta = DocumentMeta()


@dataclass(frozen=True, slots=True)
class Hit:
    """A ranked passage for one question, with what matched and where."""

    rank: int
    score: float
    passage: Passage
    matched: tuple[str, ...]  # question terms (and synonyms) found in the passage's text
    spans: tuple[tuple[int, int], ...]  # [start, end) of matched text in passage.text
    snippet: tuple[int, int]  # [start, end) of the part of passage.text worth showing


class NoAnswer(StrEnum):
    """Why an answer has no hits."""

    EMPTY = "empty"  # nothing was asked
    NO_TERMS = "no_terms"  # no word of the question can be searched for
    WEAK = "weak"  # passages share too little of the question
    MISSING = "missing"  # it names a document the corpus lacks (see Answer.note)


@dataclass(frozen=True, slots=True)
class Answer:
    question: str
    terms: tuple[str, ...]  # the question's search terms after normalisation and stopwords
    hits: tuple[Hit, ...]  # empty exactly when the corpus does not answer
    reason: str = ""  # why there are no hits, a NoAnswer; "" when there are hits
    understood: tuple[str, ...] = ()  # titles of the documents the question was read to name
    note: str = ""  # what the reader should know, in Chinese: 资料库中没有2023年政府工作报告


def passage_uid(passage: Passage) -> str:
    """A short id that stays the same across reloads while the passage keeps its place."""
    digest = hashlib.blake2b(
        f"{passage.doc}\x1f{passage.paragraph}\x1f{passage.part}".encode(), digest_size=5
    )
    return digest.hexdigest()
