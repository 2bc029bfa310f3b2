"""The search index: passages, the terms each is found by, and their BM25 postings.

A passage is found by the terms of its own text and of the headings above it, so a question
about 家风 reaches the four sub-points under 三要树立良好家风 even where the word itself is
only in the heading (BM25F's idea of counting a field's terms with the body, simplified).
"""

from __future__ import annotations

import re
from collections.abc import Collection, Container, Sequence
from dataclasses import dataclass, field
from functools import cached_property

import numpy as np
import numpy.typing as npt

from retrieval import bm25
from retrieval.catalog import Catalog
from retrieval.dates import digit_years, passage_years
from retrieval.model import Document, Passage, passage_uid
from retrieval.normalize import fold, fold_many
from retrieval.segment import BIGRAM, Segmenter

HEADING_REPEAT = 2  # heading words count twice: a heading names what its passages are about
# folded passages kept for questions (about 300 bytes each): a serving process that met every
# passage of a large corpus would otherwise hold a second, folded copy of all its text
SEARCHABLE_KEPT = 20_000


def passage_terms(passage: Passage, segmenter: Segmenter) -> list[str]:
    """Terms a passage is indexed under: its text's words, its headings' words, and the
    character bigrams of its text; years written in Chinese digits as digits (二〇三五年 is
    2035, as a question's year is searched)."""
    own = passage.text.rstrip("。：:")
    # a heading line with nothing under it is its own passage: its words count once, as text
    headings = [digit_years(h) for h in passage.section if h.rstrip("。：:") != own]
    text = digit_years(passage.text)
    terms = segmenter.terms(text)
    for heading in headings:
        terms.extend(segmenter.terms(heading) * HEADING_REPEAT)
    pairs = segmenter.bigrams("\n".join((*headings, text)))
    terms.extend(pairs)
    if (plain := without_asides(text)) != text:  # 村级 of 村（社区）级
        held = set(pairs)
        terms.extend(p for p in segmenter.bigrams(plain) if p not in held)
    return terms


def in_vocabulary(term: str, vocabulary: Container[str]) -> bool:
    """Whether an index holds a term: as a word, or as a run of its character pairs."""
    pairs = (BIGRAM + term[i : i + 2] for i in range(len(term) - 1))
    return term in vocabulary or all(p in vocabulary for p in pairs)


# a short aside in brackets between two characters of one phrase: 村（社区）级, 区（县）级
# (not a list's number: 下列职责（一）开展巡查)
_ASIDE = re.compile(
    r"(?<=[\u4e00-\u9fff])[（(](?![一二三四五六七八九十]+[）)])[\u4e00-\u9fff、]{1,6}[）)]"
    r"(?=[\u4e00-\u9fff])"
)


def without_asides(text: str) -> str:
    """`text` without its bracketed asides, as people say it (村级河长, 区县政府)."""
    if "（" not in text and "(" not in text:  # most text: no pattern to run
        return text
    return _ASIDE.sub("", text)


@dataclass(frozen=True)
class SearchIndex:
    documents: tuple[Document, ...]
    postings: bm25.Postings
    passages: tuple[Passage, ...] = field(init=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "passages", tuple(p for d in self.documents for p in d.passages))
        if len(self.passages) != self.postings.n_docs:
            raise ValueError("postings do not match the passages")

    @cached_property
    def catalog(self) -> Catalog:
        """The documents with the tables questions look up in them, kept with the index."""
        return Catalog(self.documents)

    @cached_property
    def paragraphs(self) -> int:
        """The corpus's size in its lines of text, however they are joined into passages (an
        article's paragraphs are one passage): what chance sharing of words grows with."""
        return sum(p.text.count("\n") + 1 for p in self.passages)

    @cached_property
    def doc_years(self) -> dict[str, int | None]:
        return {d.doc: d.meta.year for d in self.documents}

    @cached_property
    def doc_dates(self) -> dict[str, str]:
        return {d.doc: d.meta.date for d in self.documents}

    @cached_property
    def years_said(self) -> Container[int]:
        """The years the corpus speaks of: those around its documents' own (a report for a
        year it lacks: 23年政府工作报告) and any its passages write."""
        own = [y for y in self.doc_years.values() if y]
        span = range(min(own) - YEARS_AROUND, max(own) + YEARS_AROUND + 1) if own else range(0)
        return _YearsSaid(span, self.postings.vocabulary)

    @cached_property
    def _searchable(self) -> dict[int, str]:
        return {}

    def searchable(self, i: int) -> str:
        """Passage i's folded headings and text, as questions' words are looked for in it;
        kept once worked out (only the passages questions have reached, SEARCHABLE_KEPT at
        most)."""
        return self.searchable_many([i])[0]

    def passages_holding(self, term: str) -> int:
        """How many passages hold the term (a word, or a character pair: ~武装)."""
        t = self.postings.term_id(term)
        return 0 if t is None else self.postings.df(t)

    def searchable_many(self, ids: Sequence[int]) -> list[str]:
        """`searchable` of each passage in `ids`, those not kept folded together (a
        question's pool at once costs half as much as passage by passage)."""
        cache = self._searchable
        new = [i for i in dict.fromkeys(ids) if i not in cache]
        if len(cache) + len(new) > SEARCHABLE_KEPT:
            cache.clear()
            new = list(dict.fromkeys(ids))
        if new:
            texts = searchable_texts([self.passages[i] for i in new])
            cache.update(zip(new, texts, strict=True))
        return [cache[i] for i in ids]

    @cached_property
    def by_key(self) -> dict[tuple[str, int, int], int]:
        return {p.key: i for i, p in enumerate(self.passages)}

    @cached_property
    def by_uid(self) -> dict[str, int]:
        return {passage_uid(p): i for i, p in enumerate(self.passages)}

    def allowed(self, docs: Collection[str]) -> npt.NDArray[np.bool_]:
        """A mask over the passages: true for those of `docs`, for `bm25.top_k(...,
        allowed=...)` (a document's passages are one run in index order)."""
        mask = np.zeros(len(self.passages), dtype=bool)
        start = 0
        for d in self.documents:
            if d.doc in docs:
                mask[start : start + len(d.passages)] = True
            start += len(d.passages)
        return mask

    @cached_property
    def _by_doc(self) -> dict[str, Document]:
        return {d.doc: d for d in self.documents}

    def document(self, doc: str) -> Document:
        return self._by_doc[doc]

    def holds(self, doc: str) -> bool:
        """Whether the index has the document (a reader's scope may name a removed one)."""
        return doc in self._by_doc

    def find(self, uid: str) -> Passage | None:
        i = self.by_uid.get(uid)
        return None if i is None else self.passages[i]

    def neighbours(self, passage: Passage, before: int = 1, after: int = 1) -> list[Passage]:
        """The passages of the paragraphs around `passage` (and it), in reading order."""
        i = self.by_key[passage.key]
        lo, hi = passage.paragraph - before, passage.paragraph + after
        start = i
        while start > 0 and _same_doc_within(self.passages[start - 1], passage.doc, lo, hi):
            start -= 1
        end = i
        while end + 1 < len(self.passages) and _same_doc_within(
            self.passages[end + 1], passage.doc, lo, hi
        ):
            end += 1
        return list(self.passages[start : end + 1])


CARRY_PASSAGES = 6  # passages back a year said before them is looked for, under one heading


def carried(index: SearchIndex, i: int, years: Container[int]) -> bool:
    """Whether passage i, saying no year, follows one under the same heading whose year is
    asked and no other: a report's list of a year's results (2019年实现地区生产总值… then
    新认定高新技术企业114家) all speak of that year."""
    passage = index.passages[i]
    year = index.doc_years.get(passage.doc)  # 今年 and 明年 are years of its own

    def said(p: Passage) -> set[int]:
        return passage_years(digit_years(fold(p.text)), year)

    if said(passage):
        return False
    for j in range(i - 1, max(i - 1 - CARRY_PASSAGES, -1), -1):
        before = index.passages[j]
        if before.doc != passage.doc or before.section != passage.section:
            return False
        if before_years := said(before):
            return all(y in years for y in before_years)
    return False


YEARS_AROUND = 5  # years before and after its documents' that a corpus is taken to speak of


class _YearsSaid(Container[int]):
    """A year is said when it is near the documents' own or a term of the index (2019 of
    2019年)."""

    def __init__(self, own: range, vocabulary: Container[str]) -> None:
        self._own, self._vocabulary = own, vocabulary

    def __contains__(self, year: object) -> bool:
        return year in self._own or str(year) in self._vocabulary


def searchable_text(passage: Passage) -> str:
    """The text a question's words are looked for in: headings and body, folded, years in
    digits (二〇三五年 → 2035年) as questions' are."""
    return searchable_texts([passage])[0]


def searchable_texts(passages: Sequence[Passage]) -> list[str]:
    """`searchable_text` of each passage, folded together (`fold_many`)."""
    folded = fold_many(["\n".join((*p.section, p.text)) for p in passages])
    # the text again without its asides, where it has any: 村级 is found in 村（社区）级
    return [
        digit_years(text if (plain := without_asides(text)) == text else f"{text}\n{plain}")
        for text in folded
    ]


def _same_doc_within(p: Passage, doc: str, lo: int, hi: int) -> bool:
    return p.doc == doc and lo <= p.paragraph <= hi
