"""Okapi BM25 with exactly rank-bm25's `BM25Okapi` scores, computed from term counts.

rank-bm25 defines the scores: idf = ln(N - df + 0.5) - ln(df + 0.5), a negative idf replaced
by epsilon times the mean raw idf, and term weight idf * tf * (k1 + 1) / (tf + k1 * (1 - b +
b * dl / avgdl)). The postings are the term counts themselves (`counts.TermCounts`, the one
structure the store saves, a reload merges and search reads): a weight is computed when a
query reads it, from the count and a per-passage length factor, so nothing of the size of
the postings is built at start-up; only the longest lists (the common words, in many
questions) keep their weights once computed, within a fixed budget.

`top_k` is exact. It adds every query term's weights into one score array per thread (one
`np.add.at` per term, ~1.5 ns a posting) and takes the best k from it. The cut needs no pass
over every passage's score: any term's k-th largest weighted contribution is a lower bound
of the k-th best score (scores are sums of non-negative contributions), so only passages at
or above it are gathered and sorted. Term-at-a-time MaxScore, which this replaces, read
fewer postings but paid a threshold, a filter and a binary search per term in numpy calls:
slower on the answer pipeline's questions (7 terms of 200 best on average) and at p99.
A boolean mask restricts a search to some passages exactly (`allowed`).
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any, Protocol

import numpy as np
import numpy.typing as npt

from retrieval.counts import IntArray, TermCounts, build_counts, pack_terms

K1 = 1.5
B = 0.75
EPSILON = 0.25
_SLICE = 1 << 18  # postings per slice when computing all weights at once (tests, bench)
# Pruning compares float sums computed in different orders: keep anything within this of the
# threshold, so rounding can never drop a passage that belongs in the top k.
_SLACK = 1e-9
_KEEP_WEIGHTS_FROM = 4096  # postings: a shorter list's weights are computed when read
# postings kept at most, the least recently read let go first: 12 bytes each (a doc id
# and a weight) when read from a file, so 24 MB; or an eighth of all postings if more (the
# common words' lists grow with the corpus: 1,000,000 passages keep about 220 MB)
_KEEP_WEIGHTS_BUDGET = 2 << 20
_KEEP_WEIGHTS_SHARE = 8
_DENSE = 16  # add into the score array and cut by a bound when the lists hold n_docs / 16
_MEMO_TERMS = 100_000  # term lookups remembered (a binary search in Python costs ~20 us)

FloatArray = npt.NDArray[np.float64]
BoolArray = npt.NDArray[np.bool_]
DocArray = npt.NDArray[np.int32]

__all__ = [
    "EPSILON",
    "K1",
    "B",
    "IntArray",
    "Postings",
    "Ranker",
    "build",
    "get_scores",
    "idf",
    "mean_raw_idf",
    "raw_idf",
    "top_k",
]


class Ranker(Protocol):
    """What search needs from an engine: the exact top k passages (numbered in index order)
    of weighted terms, optionally among allowed passages only. `Postings` is one; a backend
    on another engine (OpenSearch with the same jieba terms, say) would be another, with
    nothing above this interface changed."""

    @property
    def n_docs(self) -> int: ...

    def top_k(
        self, query: Mapping[str, float], k: int, allowed: BoolArray | None = None
    ) -> tuple[IntArray, FloatArray]: ...


def raw_idf(df: IntArray, n_docs: int) -> FloatArray:
    """ln(N - df + 0.5) - ln(df + 0.5), before negative values are floored."""
    raw: FloatArray = np.log(n_docs - df + 0.5) - np.log(df + 0.5)
    return raw


def mean_raw_idf(df: IntArray, n_docs: int) -> float | None:
    """The mean raw idf over every term (None without terms): epsilon times it is what a
    negative idf becomes. Snapshots record it, so that serving needs no array of every term."""
    raw = raw_idf(df, n_docs)
    return float(raw.mean()) if raw.size else None


def idf(df: IntArray, n_docs: int, epsilon: float = EPSILON) -> FloatArray:
    """rank-bm25's idf: negative values become epsilon times the mean raw idf."""
    raw = raw_idf(df, n_docs)
    if raw.size == 0:
        return raw
    floored: FloatArray = np.where(raw < 0, epsilon * raw.mean(), raw)
    return floored


@dataclass(frozen=True, eq=False)
class Postings(TermCounts):
    """Term counts with what BM25 needs beside them: idf per term, length factor per passage.

    Term t's passages are doc_ids[ptr[t]:ptr[t+1]] (ascending), with counts tf[...]; a
    snapshot's postings are read from its file instead (`TermCounts.file`).
    """

    k1: float = K1
    b: float = B
    epsilon: float = EPSILON
    _ids: dict[str, int | None] = field(init=False, repr=False)
    _idfs: dict[int, float] = field(init=False, repr=False)  # of the terms queries read
    # the long lists' doc ids and weights, least recently read first (see `postings`)
    _kept: OrderedDict[int, tuple[DocArray, FloatArray]] = field(init=False, repr=False)
    _kept_size: list[int] = field(init=False, repr=False)  # postings in _kept
    _lock: threading.Lock = field(init=False, repr=False)  # guards _kept
    # per thread, a score per passage, zero between queries: allocating it per query costs
    # page faults on every query
    _scratch: threading.local = field(init=False, repr=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_ids", {})
        object.__setattr__(self, "_idfs", {})
        object.__setattr__(self, "_kept", OrderedDict())
        object.__setattr__(self, "_kept_size", [0])
        object.__setattr__(self, "_lock", threading.Lock())
        object.__setattr__(self, "_scratch", threading.local())

    @property
    def kept_weights(self) -> int:
        """How many postings' weights are kept between queries (at most the budget)."""
        return self._kept_size[0]

    @classmethod
    def of(
        cls, counts: TermCounts, k1: float = K1, b: float = B, epsilon: float = EPSILON
    ) -> Postings:
        """BM25 over `counts`, sharing its arrays (and its file)."""
        same = isinstance(counts, Postings) and (counts.k1, counts.b, counts.epsilon) == (
            k1,
            b,
            epsilon,
        )
        if same:
            assert isinstance(counts, Postings)
            return counts
        return cls(
            counts.vocabulary,
            counts.ptr,
            counts.doc_ids,
            counts.tf,
            counts.lengths,
            k1,
            b,
            epsilon,
            file=counts.file,
        )

    # Computed when first needed, not at load: a reload from the command line never
    # scores, and at 100,000 passages each per-term array is 17 MB.
    @cached_property
    def idf(self) -> FloatArray:
        """Every term's idf (tests and the benchmark; search reads `term_idf`)."""
        return idf(np.diff(self.ptr), self.n_docs, self.epsilon)

    @cached_property
    def _negative_idf(self) -> float:
        """What a negative idf becomes: epsilon times the mean raw idf over every term, as
        `idf` computes it. A snapshot file records that mean; otherwise it is computed here,
        keeping only the number (a serving process holds no array of every term)."""
        mean = self.file.mean_raw_idf if self.file is not None else None
        if mean is None:
            mean = mean_raw_idf(np.diff(self.ptr), self.n_docs)
        return self.epsilon * mean if mean is not None else 0.0

    def term_idf(self, t: int) -> float:
        """Term t's idf, equal to `idf[t]` bit for bit (the same ufuncs on its df)."""
        value = self._idfs.get(t)
        if value is None:
            lo, hi = self.span(t)
            value = self._idf_of(t, hi - lo)
        return value

    def _idf_of(self, t: int, df: int) -> float:
        value = self._idfs.get(t)
        if value is None:
            raw = float(raw_idf(np.array([df], dtype=np.int64), self.n_docs)[0])
            value = self._negative_idf if raw < 0 else raw
            if len(self._idfs) >= _MEMO_TERMS:
                self._idfs.clear()
            self._idfs[t] = value
        return value

    @cached_property
    def norm(self) -> FloatArray:
        """k1 * (1 - b + b * dl / avgdl) per passage, evaluated as rank-bm25 does."""
        lengths = self.lengths.astype(np.float64)
        avgdl = float(lengths.mean()) if self.n_docs and lengths.sum() else 1.0
        norm: FloatArray = self.k1 * (1 - self.b + self.b * lengths / avgdl)
        return norm

    @cached_property
    def _once(self) -> FloatArray:
        """tf * (k1 + 1) / (tf + norm) per passage at tf 1, the count of most postings:
        equal bit for bit to the expression's value (1.0 * x is x), so a list's weights are
        a gather where its counts are 1 and the expression only where they are not."""
        once: FloatArray = (1.0 * (self.k1 + 1)) / (1.0 + self.norm)
        return once

    def _weights_of(self, docs: DocArray, tf: npt.NDArray[np.integer[Any]]) -> FloatArray:
        """tf * (k1 + 1) / (tf + norm) of each posting, before idf."""
        weights: FloatArray = self._once[docs]
        more = np.flatnonzero(tf != 1)
        if more.size:
            counts = tf[more].astype(np.float64)
            weights[more] = counts * (self.k1 + 1) / (counts + self.norm[docs[more]])
        return weights

    def term_id(self, term: str) -> int | None:
        """The term's id, None if no passage has it."""
        ids = self._ids
        if term not in ids:
            if len(ids) >= _MEMO_TERMS:
                ids.clear()
            ids[term] = self.vocabulary.get(term)
        return ids[term]

    def scratch(self) -> FloatArray:
        """This thread's zeroed score array; whoever uses it zeroes again what it touched."""
        local = self._scratch
        if not hasattr(local, "scores"):
            local.scores = np.zeros(self.n_docs)
        scores: FloatArray = local.scores
        return scores

    def top_k(
        self, query: Mapping[str, float], k: int, allowed: BoolArray | None = None
    ) -> tuple[IntArray, FloatArray]:
        """`top_k(self, ...)`: this index as a `Ranker`."""
        return top_k(self, query, k, allowed)

    def span(self, t: int) -> tuple[int, int]:
        """Term t's postings are positions [lo, hi) of doc_ids and tf."""
        if self.file is not None:
            return self.file.span(t)
        return int(self.ptr[t]), int(self.ptr[t + 1])

    def df(self, t: int) -> int:
        """How many passages hold term t."""
        lo, hi = self.span(t)
        return hi - lo

    def postings(self, t: int) -> tuple[DocArray, FloatArray]:
        """Term t's passages (ascending) and their BM25 weights.

        The long lists (the common words, in many questions) are kept once computed, the
        least recently read let go first beyond a budget; the others are read and computed
        each time (a snapshot's with two preads)."""
        kept = self._kept.get(t)
        if kept is not None:
            with self._lock:
                if t in self._kept:
                    self._kept.move_to_end(t)
            return kept
        lo, hi = self.span(t)
        if self.file is not None:
            docs, tf = self.file.read(lo, hi)
        else:
            docs, tf = self.doc_ids[lo:hi], self.tf[lo:hi]
        weights = self._weights_of(docs, tf)
        weights *= self._idf_of(t, hi - lo)
        if hi - lo >= _KEEP_WEIGHTS_FROM and hi - lo <= self._budget:
            self._keep(t, (docs, weights))
        return docs, weights

    @property
    def _budget(self) -> int:
        return max(_KEEP_WEIGHTS_BUDGET, len(self.doc_ids) // _KEEP_WEIGHTS_SHARE)

    def _keep(self, t: int, entry: tuple[DocArray, FloatArray]) -> None:
        size = len(entry[0])
        with self._lock:
            if t in self._kept:
                return
            while self._kept and self._kept_size[0] + size > self._budget:
                _, (gone, _) = self._kept.popitem(last=False)
                self._kept_size[0] -= len(gone)
            self._kept[t] = entry
            self._kept_size[0] += size

    @cached_property
    def weights(self) -> FloatArray:
        """Every posting's weight, in postings order (for tests and the benchmark; search
        computes only the weights it reads)."""
        out = np.empty(len(self.doc_ids))
        for lo in range(0, len(out), _SLICE):
            hi = min(lo + _SLICE, len(out))
            first = int(np.searchsorted(self.ptr, lo, side="right")) - 1
            last = int(np.searchsorted(self.ptr, hi, side="left"))
            spans = np.minimum(self.ptr[first + 1 : last + 1], hi)  # each term's postings here
            spans -= np.maximum(self.ptr[first:last], lo)
            tf = self.tf[lo:hi].astype(np.float64)
            term_idf = np.repeat(self.idf[first:last], spans)
            out[lo:hi] = term_idf * (tf * (self.k1 + 1) / (tf + self.norm[self.doc_ids[lo:hi]]))
        return out


def build(
    corpus: Sequence[Sequence[str]], k1: float = K1, b: float = B, epsilon: float = EPSILON
) -> Postings:
    """Index tokenised passages: the same counting the store and reloads use."""
    return Postings.of(build_counts([pack_terms(doc) for doc in corpus]), k1, b, epsilon)


def get_scores(index: Postings, query: Sequence[str]) -> FloatArray:
    """Every passage's score, like `BM25Okapi.get_scores` (repeated terms count again)."""
    scores = np.zeros(index.n_docs)
    for term in query:
        t = index.vocabulary.get(term)
        if t is not None:
            docs, weights = index.postings(t)
            scores[docs] += weights
    return scores


def _nothing() -> tuple[IntArray, FloatArray]:
    return np.zeros(0, dtype=np.int64), np.zeros(0)


def top_k(
    index: Postings,
    query: Mapping[str, float],
    k: int,
    allowed: BoolArray | None = None,
) -> tuple[IntArray, FloatArray]:
    """The k best passages containing a query term, best first, ties by passage order.

    `query` maps terms to weights (1.0 is plain BM25). `allowed`, a boolean mask over the
    passages, restricts the search to the passages where it is true: the result is then the
    exact top k among them, with no over-fetching and filtering afterwards.
    """
    if allowed is not None and allowed.shape != (index.n_docs,):
        raise ValueError(f"allowed has shape {allowed.shape}, not ({index.n_docs},)")
    terms: dict[int, float] = {}
    for term, weight in query.items():
        t = index.term_id(term)
        if t is not None and weight:
            terms[t] = terms.get(t, 0.0) + weight  # terms folded to one id weigh together
    if not terms or k <= 0:
        return _nothing()
    lists: list[tuple[DocArray, FloatArray]] = []
    negative = False
    for t, weight in terms.items():
        docs, weights = index.postings(t)
        if allowed is not None:
            inside = allowed[docs]
            docs, weights = docs[inside], weights[inside]
        if docs.size:
            # 1.0 * w is w: the multiplication only where it changes something
            lists.append((docs, weights if weight == 1.0 else weight * weights))
            negative = negative or weight * index.term_idf(t) < 0
    if not lists:
        return _nothing()
    if negative:
        # a negative contribution (rank-bm25's negative average idf on tiny corpora, or a
        # negative query weight) breaks the bound the cut relies on: rank every match
        return _every_match(index.n_docs, lists, k)
    scores = index.scratch()
    try:
        return _accumulated(scores, lists, k)
    except BaseException:
        scores.fill(0.0)  # the next query needs it zeroed
        raise


def _ranked(
    candidates: npt.NDArray[np.integer[Any]], scores: FloatArray, k: int
) -> tuple[IntArray, FloatArray]:
    """The k best candidates, ties by passage number. Only those at or above the k-th score
    are sorted (ties at the cut stay: they rank by position)."""
    if candidates.size > k:
        keep = scores >= kth_largest(scores, k)
        candidates, scores = candidates[keep], scores[keep]
    order = np.lexsort((candidates, -scores))[:k]
    return candidates[order].astype(np.int64), scores[order]


def _distinct(lists: Sequence[tuple[DocArray, FloatArray]]) -> DocArray:
    """Every passage in the lists once, ascending (a sort: np.unique is far slower here)."""
    if len(lists) == 1:
        return lists[0][0]
    docs = np.sort(np.concatenate([d for d, _ in lists]))
    first = np.empty(docs.size, dtype=bool)
    first[:1] = True
    np.not_equal(docs[1:], docs[:-1], out=first[1:])
    return docs[first]


def _every_match(
    n_docs: int, lists: Sequence[tuple[DocArray, FloatArray]], k: int
) -> tuple[IntArray, FloatArray]:
    scores = np.zeros(n_docs)  # calloc: pages are only touched where postings land
    for docs, weights in lists:
        np.add.at(scores, docs, weights)
    candidates = _distinct(lists)
    return _ranked(candidates, scores[candidates], k)


def kth_largest(values: FloatArray, k: int) -> float:
    """The k-th largest of `values` (at least k of them): `top_k`'s threshold, taken over
    the scores of the passages it considers, so counting its calls shows which those are."""
    return float(np.partition(values, values.size - k)[values.size - k])


def _accumulated(
    scores: FloatArray, lists: Sequence[tuple[DocArray, FloatArray]], k: int
) -> tuple[IntArray, FloatArray]:
    """Every list added into `scores` (zero, and left zero), the k best taken from it."""
    for docs, weights in lists:
        np.add.at(scores, docs, weights)
    floor = 0.0
    if sum(len(d) for d, _ in lists) * _DENSE > scores.size:
        # Any k passages' scores bound the k-th best from below: those of the shortest list
        # of at least k (the rarest such term, so likely high scores) are gathered, and only
        # passages scoring at least their k-th best are candidates: one comparison over the
        # scores instead of gathering and ranking every match.
        held = [d for d, _ in lists if d.size >= k]
        if held:
            floor = float(np.partition(scores[min(held, key=len)], -k)[-k])
    candidates: npt.NDArray[np.integer[Any]]
    if floor > 0.0:
        candidates = np.flatnonzero(scores >= floor)
        values = scores[candidates]
        scores.fill(0.0)
    else:  # few postings (or no list of k): the passages they hold
        candidates = _distinct(lists)
        values = scores[candidates]
        scores[candidates] = 0.0
    return _ranked(candidates, values, k)
