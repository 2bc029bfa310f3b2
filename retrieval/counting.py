"""Counting passages' terms a run of passages at a time, where they were cut.

Two thirds of a passage's terms are character bigrams (``~`` and two characters, 1.76 of the
2.15 million distinct terms at 100,000 passages): those are read as numbers, their two code
points, by numpy, and never become strings; only the words go through a dict. `count_rows`
does that for a run of passages (an indexing worker's chunk, or a block of `build_counts`);
`Counting` takes the runs in passage order, as they come back, and makes the `TermCounts`.
A dict lookup for every term took 14 s of the 18 that counting took at 100,000 passages.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import numpy.typing as npt

from retrieval.counts import (
    TERM_SEP,
    IntArray,
    TermCounts,
    Vocabulary,
    _counted_as_strings,
    _narrow,
    _ptr_of,
    pack_terms,
    sorted_runs,
)

_SEP_POINT = ord(TERM_SEP)
_SEP_BYTE = TERM_SEP.encode()
BIGRAM_MARK = "~"  # segment.BIGRAM: a term of it and two characters is counted as a number
_BIGRAM_POINT = ord(BIGRAM_MARK)
_PAIR_BITS = 21  # a code point's bits: a bigram's number is first << 21 | second
Int32Array = npt.NDArray[np.int32]


@dataclass(frozen=True)
class CountedRows:
    """The terms of a run of passages, counted: each word as an index into `words` (the
    run's distinct words), each bigram as its two code points, each with its passage's row
    in the run."""

    words: tuple[str, ...]
    word_ids: Int32Array
    word_rows: Int32Array
    pairs: IntArray
    pair_rows: Int32Array
    lengths: IntArray  # terms in each passage


def count_rows(packed: Sequence[str]) -> CountedRows:
    """Count the packed terms of a run of passages (one string per passage)."""
    lengths = np.zeros(len(packed), dtype=np.int64)
    rows = [i for i, row in enumerate(packed) if row]
    if not rows:
        none = np.zeros(0, dtype=np.int32)
        return CountedRows((), none, none, np.zeros(0, dtype=np.int64), none, lengths)
    lengths[rows] = [packed[i].count(TERM_SEP) + 1 for i in rows]
    joined = TERM_SEP.join(packed[i] for i in rows) + TERM_SEP
    points = np.frombuffer(joined.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
    del joined
    ends = np.flatnonzero(points == _SEP_POINT)  # each term is followed by a separator
    starts = np.empty_like(ends)
    starts[0] = 0
    starts[1:] = ends[:-1] + 1
    size = ends - starts
    # (an empty term's start is its separator)
    bigram = (size == 3) & (points[starts] == _BIGRAM_POINT)
    docs = np.repeat(np.asarray(rows, dtype=np.int32), lengths[rows])
    at = starts[bigram]
    pairs = points[at + 1].astype(np.int64) << _PAIR_BITS
    pairs |= points[at + 2]
    # the words' code points (and separators) alone, decoded and split in C
    text = points[np.repeat(~bigram, size + 1)].tobytes().decode("utf-32-le", "surrogatepass")
    del points, at, starts, ends, size
    terms = text.split(TERM_SEP)[:-1]
    del text
    words = {w: i for i, w in enumerate(dict.fromkeys(terms))}  # distinct, in C
    ids = np.fromiter(map(words.__getitem__, terms), np.int32, len(terms))
    return CountedRows(tuple(words), ids, docs[~bigram], pairs, docs[bigram], lengths)


class Counting:
    """Runs of counted passages, added in passage order, made into `TermCounts`."""

    def __init__(self, passages: int) -> None:
        """`passages`: how many there will be in all (a bigram's key is its code points
        times that plus its passage, made as each run comes)."""
        self._m = max(passages, 1)
        # a key that would not fit: the bigrams are counted as strings instead
        self._as_strings = (1 << 2 * _PAIR_BITS) * self._m >= 1 << 63
        self._words: dict[str, int] = {}
        self._word_ids: list[Int32Array] = []
        self._word_docs: list[Int32Array] = []
        self._bigrams: list[IntArray] = []
        self._lengths: list[IntArray] = []
        self._passages = 0

    def add(self, run: CountedRows) -> None:
        """The next passages' counts; the run's own strings are let go of here."""
        if self._as_strings:
            return
        words = self._words
        ids = np.fromiter(
            (words.setdefault(w, len(words)) for w in run.words), np.int32, len(run.words)
        )
        self._word_ids.append(ids[run.word_ids])
        self._word_docs.append(run.word_rows + np.int32(self._passages))
        keys = run.pairs * self._m
        keys += run.pair_rows
        keys += self._passages
        self._bigrams.append(keys)
        self._lengths.append(run.lengths)
        self._passages += len(run.lengths)

    def counts(self, packed: Sequence[str]) -> TermCounts:
        """The counts of every passage added; `packed` are their terms, counted again as
        strings in the rare case where numbers cannot stand for the bigrams."""
        names = list(self._words)
        self._words = {}
        if self._as_strings or any(w.startswith(BIGRAM_MARK) for w in names):
            return _counted_as_strings(packed)  # (or a word sorts among the bigrams)
        if self._passages != self._m and self._passages:
            raise ValueError(f"{self._passages} passages counted, {self._m} announced")
        lengths = np.concatenate(self._lengths) if self._lengths else np.zeros(0, np.int64)
        keys = np.empty(sum(len(k) for k in self._bigrams), dtype=np.int64)
        at = 0
        while self._bigrams:  # each run let go of once copied
            run = self._bigrams.pop(0)
            keys[at : at + len(run)] = run
            at += len(run)
        word_ids, word_docs = self._word_ids, self._word_docs
        self._word_ids, self._word_docs = [], []
        return _assembled(names, word_ids, word_docs, keys, lengths)


def _assembled(
    names: list[str],
    word_ids: list[Int32Array],
    word_docs: list[Int32Array],
    bigrams: IntArray,
    lengths: IntArray,
) -> TermCounts:
    """The counts from the words' ids and the bigrams' keys (code points * m + passage):
    the vocabulary in code point order is the words before ``~``, the bigrams, then the
    words after it."""
    n, size = len(lengths), len(names)
    m = max(n, 1)
    order = sorted(range(size), key=names.__getitem__)
    rank = np.empty(size, dtype=np.int64)
    rank[np.array(order, dtype=np.int64)] = np.arange(size, dtype=np.int64)
    sorted_words = [names[t] for t in order]
    del names, order
    before = bisect_left(sorted_words, BIGRAM_MARK)  # words before the bigrams
    word_docs_ids, word_tf, word_df = _runs(_keyed(rank, word_ids, word_docs, m), m, size)
    del word_ids, word_docs, rank
    bigram_docs, bigram_tf, postings_pairs = _runs(bigrams, m, 0)
    del bigrams
    # each bigram's postings are one run of equal pairs
    new = np.empty(postings_pairs.size, dtype=bool)
    new[:1] = True
    np.not_equal(postings_pairs[1:], postings_pairs[:-1], out=new[1:])
    firsts = np.flatnonzero(new)
    del new
    pairs = postings_pairs[firsts]
    bigram_df = np.diff(firsts, append=postings_pairs.size)
    del postings_pairs, firsts
    split = int(np.sum(word_df[:before]))
    doc_ids = np.concatenate((word_docs_ids[:split], bigram_docs, word_docs_ids[split:]))
    del bigram_docs, word_docs_ids
    tf = _narrow(np.concatenate((word_tf[:split], bigram_tf, word_tf[split:])))
    del bigram_tf, word_tf
    df = np.concatenate((word_df[:before], bigram_df, word_df[before:]))
    groups = (
        (before, pack_terms(sorted_words[:before]).encode("utf-8", "surrogatepass")),
        (len(pairs), _bigram_blob(pairs)),
        (size - before, pack_terms(sorted_words[before:]).encode("utf-8", "surrogatepass")),
    )
    vocabulary = Vocabulary(_SEP_BYTE.join(blob for terms, blob in groups if terms))
    return TermCounts(vocabulary, _ptr_of(df), doc_ids, tf, lengths.astype(np.int32))


def _keyed(rank: IntArray, ids: list[Int32Array], docs: list[Int32Array], m: int) -> IntArray:
    """term rank * m + passage for every word, a run at a time into one array."""
    keys = np.empty(sum(len(i) for i in ids), dtype=np.int64)
    at = 0
    for run_ids, run_docs in zip(ids, docs, strict=True):
        part = keys[at : at + len(run_ids)]
        np.take(rank, run_ids, out=part)
        part *= m
        part += run_docs
        at += len(run_ids)
    return keys


def _runs(
    keys: IntArray, m: int, size: int
) -> tuple[npt.NDArray[np.int32], npt.NDArray[np.integer[Any]], IntArray]:
    """(passage, count) of each distinct key (term * m + passage), term-major, and each of
    the `size` terms' number of passages (`size` 0: each posting's term instead). Sorts
    `keys` in place."""
    starts = sorted_runs(keys)
    tf = _narrow(np.diff(starts, append=keys.size))
    pairs = keys[starts]
    del starts
    docs = (pairs % m).astype(np.int32)
    pairs //= m  # now each posting's term
    terms: IntArray = np.bincount(pairs, minlength=size).astype(np.int64) if size else pairs
    return docs, tf, terms


def _bigram_blob(pairs: IntArray) -> bytes:
    """The bigram terms of code point pairs, ``~`` and the two characters, packed."""
    if not pairs.size:
        return b""
    points = np.empty((len(pairs), 4), dtype=np.uint32)
    points[:, 0] = _BIGRAM_POINT
    points[:, 1] = pairs >> _PAIR_BITS
    points[:, 2] = pairs & ((1 << _PAIR_BITS) - 1)
    points[:, 3] = _SEP_POINT
    text = points.tobytes()[:-4].decode("utf-32-le", "surrogatepass")
    return text.encode("utf-8", "surrogatepass")
