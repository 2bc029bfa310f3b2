"""Okapi BM25 with exactly rank-bm25's `BM25Okapi` scores, computed from term counts.

rank-bm25 defines the scores: idf = ln(N - df + 0.5) - ln(df + 0.5), a negative idf replaced
by epsilon times the mean raw idf, and term weight idf * tf * (k1 + 1) / (tf + k1 * (1 - b +
b * dl / avgdl)). The postings are the term counts themselves (`counts.TermCounts`, the one
structure the store saves, a reload merges and search reads): a weight is computed when a
query reads it, from the count and a per-passage length factor, so nothing of the size of
the postings is built at start-up; only the longest lists (the common words, in many
questions) keep their weights once computed, within a fixed budget.

`top_k` is exact and prunes like MaxScore (Turtle & Flood 1995): query terms are taken in
order of their largest possible contribution; once the k-th best partial score exceeds what
the remaining terms could add together, no passage outside the candidates can still enter
the top k, and the remaining (common, long) terms are only looked up for the candidates.
A boolean mask restricts a search to some passages exactly (`allowed`).
"""

from __future__ import annotations

import itertools
import threading
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
_KEEP_WEIGHTS_BUDGET = 4 << 20  # postings (32 MB of weights) kept at most
_MEMO_TERMS = 100_000  # term lookups remembered (a binary search in Python costs ~20 us)

FloatArray = npt.NDArray[np.float64]
BoolArray = npt.NDArray[np.bool_]

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


def idf(df: IntArray, n_docs: int, epsilon: float = EPSILON) -> FloatArray:
    """rank-bm25's idf: negative values become epsilon times the mean raw idf."""
    raw: FloatArray = np.log(n_docs - df + 0.5) - np.log(df + 0.5)
    if raw.size == 0:
        return raw
    floored: FloatArray = np.where(raw < 0, epsilon * raw.mean(), raw)
    return floored


@dataclass(frozen=True, eq=False)
class Postings(TermCounts):
    """Term counts with what BM25 needs beside them: idf per term, length factor per passage.

    Term t's passages are doc_ids[ptr[t]:ptr[t+1]] (ascending), with counts tf[...].
    """

    k1: float = K1
    b: float = B
    epsilon: float = EPSILON
    _ids: dict[str, int | None] = field(init=False, repr=False)
    _idfs: dict[int, float] = field(init=False, repr=False)  # of the terms queries read
    _upper: dict[int, float] = field(init=False, repr=False)  # see upper()
    _weights: dict[int, FloatArray] = field(init=False, repr=False)  # see _keep_weights
    _kept: list[int] = field(init=False, repr=False)  # postings whose weights are kept
    # per thread, a score array and a mark per passage, zero between queries: allocating
    # them per query costs page faults on every query
    _scratch: threading.local = field(init=False, repr=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_ids", {})
        object.__setattr__(self, "_idfs", {})
        object.__setattr__(self, "_upper", {})
        object.__setattr__(self, "_weights", {})
        object.__setattr__(self, "_kept", [0])
        object.__setattr__(self, "_scratch", threading.local())

    @property
    def kept_weights(self) -> int:
        """How many postings' weights are kept between queries (at most the budget)."""
        return self._kept[0]

    @classmethod
    def of(
        cls, counts: TermCounts, k1: float = K1, b: float = B, epsilon: float = EPSILON
    ) -> Postings:
        """BM25 over `counts`, sharing its arrays."""
        same = isinstance(counts, Postings) and (counts.k1, counts.b, counts.epsilon) == (
            k1,
            b,
            epsilon,
        )
        if same:
            assert isinstance(counts, Postings)
            return counts
        return cls(
            counts.vocabulary, counts.ptr, counts.doc_ids, counts.tf, counts.lengths, k1, b, epsilon
        )

    # Computed when first needed, not at load: a reload from the command line never
    # scores, and at 100,000 passages each per-term array is 17 MB.
    @cached_property
    def idf(self) -> FloatArray:
        """Every term's idf (tests and the benchmark; search reads `term_idf`)."""
        return idf(np.diff(self.ptr), self.n_docs, self.epsilon)

    @cached_property
    def _negative_idf(self) -> float:
        """What a negative idf becomes: epsilon times the mean raw idf, computed over every
        term exactly as `idf` computes it, keeping only that number: a serving process
        holds no array the size of the vocabulary."""
        df = np.diff(self.ptr)
        raw: FloatArray = np.log(self.n_docs - df + 0.5) - np.log(df + 0.5)
        return float(self.epsilon * raw.mean()) if raw.size else 0.0

    def term_idf(self, t: int) -> float:
        """Term t's idf, equal to `idf[t]` bit for bit (the same ufuncs on its df)."""
        value = self._idfs.get(t)
        if value is None:
            df = self.ptr[t + 1 : t + 2] - self.ptr[t : t + 1]
            raw = float((np.log(self.n_docs - df + 0.5) - np.log(df + 0.5))[0])
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

    def term_id(self, term: str) -> int | None:
        """The term's id, None if no passage has it."""
        ids = self._ids
        if term not in ids:
            if len(ids) >= _MEMO_TERMS:
                ids.clear()
            ids[term] = self.vocabulary.get(term)
        return ids[term]

    def scratch(self) -> tuple[FloatArray, BoolArray]:
        """This thread's zeroed score array and passage marks; whoever uses them zeroes
        again what they touched."""
        local = self._scratch
        if not hasattr(local, "scores"):
            local.scores = np.zeros(self.n_docs)
            local.seen = np.zeros(self.n_docs, dtype=bool)
        return local.scores, local.seen

    def top_k(
        self, query: Mapping[str, float], k: int, allowed: BoolArray | None = None
    ) -> tuple[IntArray, FloatArray]:
        """`top_k(self, ...)`: this index as a `Ranker`."""
        return top_k(self, query, k, allowed)

    def span(self, t: int) -> tuple[int, int]:
        return int(self.ptr[t]), int(self.ptr[t + 1])

    def weights_at(self, t: int, positions: IntArray | slice) -> FloatArray:
        """Term t's BM25 weights at these positions of the postings arrays."""
        cached = self._weights.get(t)
        if cached is None and self.ptr[t + 1] - self.ptr[t] >= _KEEP_WEIGHTS_FROM:
            cached = self._keep_weights(t)
        if cached is not None:
            lo = int(self.ptr[t])
            if isinstance(positions, slice):
                return cached[positions.start - lo : positions.stop - lo]
            return cached[positions - lo]
        tf = self.tf[positions].astype(np.float64)
        weights: FloatArray = self.term_idf(t) * (
            tf * (self.k1 + 1) / (tf + self.norm[self.doc_ids[positions]])
        )
        return weights

    def _keep_weights(self, t: int) -> FloatArray | None:
        """Compute a long postings list's weights once and keep them, within a budget: the
        common terms are in many questions, and scanning their weights is most of the cost
        of the questions MaxScore cannot prune."""
        lo, hi = self.span(t)
        if self._kept[0] + hi - lo > _KEEP_WEIGHTS_BUDGET:
            return None
        tf = self.tf[lo:hi].astype(np.float64)
        weights: FloatArray = self.term_idf(t) * (
            tf * (self.k1 + 1) / (tf + self.norm[self.doc_ids[lo:hi]])
        )
        self._weights[t] = weights
        self._kept[0] += hi - lo
        return weights

    def upper(self, t: int) -> float:
        """Term t's largest weight in any passage (kept for the terms queries read)."""
        value = self._upper.get(t)
        if value is None:
            lo, hi = self.span(t)
            value = float(self.weights_at(t, slice(lo, hi)).max()) if hi > lo else 0.0
            if len(self._upper) >= _MEMO_TERMS:
                self._upper.clear()
            self._upper[t] = value
        return value

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
            lo, hi = index.span(t)
            scores[index.doc_ids[lo:hi]] += index.weights_at(t, slice(lo, hi))
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
        if t is not None and weight and index.ptr[t + 1] > index.ptr[t]:
            terms[t] = terms.get(t, 0.0) + weight  # terms folded to one id weigh together
    if not terms or k <= 0:
        return _nothing()
    if any(w * index.term_idf(t) < 0 for t, w in terms.items()):
        # a negative contribution (rank-bm25's negative average idf on tiny corpora, or a
        # negative query weight) breaks the bounds pruning relies on: score every match
        return _exhaustive(index, terms, k, allowed)
    return _pruned(index, terms, k, allowed)


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


def _exhaustive(
    index: Postings, terms: Mapping[int, float], k: int, allowed: BoolArray | None
) -> tuple[IntArray, FloatArray]:
    scores = np.zeros(index.n_docs)  # calloc: pages are only touched where postings land
    seen = np.zeros(index.n_docs, dtype=bool)
    for t, weight in terms.items():
        lo, hi = index.span(t)
        docs = index.doc_ids[lo:hi]
        scores[docs] += weight * index.weights_at(t, slice(lo, hi))
        seen[docs] = True
    if allowed is not None:
        seen &= allowed
    candidates = np.flatnonzero(seen)
    return _ranked(candidates, scores[candidates], k)


def kth_largest(values: FloatArray, k: int) -> float:
    """The k-th largest of `values` (at least k of them): `top_k`'s threshold, taken over
    the scores of the passages it considers, so counting its calls shows which those are."""
    return float(np.partition(values, values.size - k)[values.size - k])


def _pruned(
    index: Postings, terms: Mapping[int, float], k: int, allowed: BoolArray | None
) -> tuple[IntArray, FloatArray]:
    """MaxScore over term-at-a-time accumulation; every contribution is non-negative here."""
    scores, seen = index.scratch()
    found: list[npt.NDArray[np.integer[Any]]] = []
    try:
        return _maxscore(index, terms, k, allowed, scores, seen, found)
    finally:
        for docs in found:  # leave the scratch arrays zeroed for the next query
            scores[docs] = 0.0
            seen[docs] = False


def _maxscore(
    index: Postings,
    terms: Mapping[int, float],
    k: int,
    allowed: BoolArray | None,
    scores: FloatArray,
    seen: BoolArray,
    found: list[npt.NDArray[np.integer[Any]]],
) -> tuple[IntArray, FloatArray]:
    bound = {t: w * index.upper(t) for t, w in terms.items()}
    length = {t: int(index.ptr[t + 1] - index.ptr[t]) for t in terms}
    remaining = sorted(terms, key=lambda t: (-bound[t], t))  # best possible contribution first
    n_found = 0
    taken = 0.0  # bounds of the terms read so far: theta cannot exceed it
    theta = -np.inf
    while remaining:
        t = remaining[0]
        if n_found >= k and taken > min(bound[u] for u in remaining):
            candidates = np.concatenate(found) if len(found) > 1 else found[0]
            found[:] = [candidates]
            theta = kth_largest(scores[candidates], k)
            limit = theta - _SLACK * max(1.0, abs(theta))
            # A passage not seen yet lacks every term read so far: it can reach theta only
            # with terms outside any set whose bounds stay below it. Such a set, of the
            # longest lists (greedily), need not be read for new passages at all.
            skipped, total = set(), 0.0
            for u in sorted(remaining, key=lambda u: (-length[u], u)):
                if total + bound[u] < limit:
                    skipped.add(u)
                    total += bound[u]
            essential = [u for u in remaining if u not in skipped]
            if not essential:
                break
            t = essential[0]
        remaining.remove(t)
        taken += bound[t]
        lo, hi = index.span(t)
        docs = index.doc_ids[lo:hi]
        if allowed is None:
            scores[docs] += terms[t] * index.weights_at(t, slice(lo, hi))
        else:
            positions = lo + np.flatnonzero(allowed[docs])
            docs = index.doc_ids[positions]
            scores[docs] += terms[t] * index.weights_at(t, positions)
        fresh = docs[~seen[docs]] if found else docs  # a term's passages are distinct
        seen[fresh] = True
        found.append(fresh)
        n_found += len(fresh)
    # the terms left are looked up for the candidates only; rest[j]: what the j-th on can add
    rest = [*reversed(list(itertools.accumulate(bound[t] for t in reversed(remaining)))), 0.0]
    candidates = np.concatenate(found) if found else np.zeros(0, dtype=np.int32)
    ascending = False
    for j, t in enumerate(remaining):
        # candidates that cannot reach the k-th score even with every remaining term: gone
        values = scores[candidates]
        if j:  # at first, theta is the one the candidate phase stopped on
            theta = kth_largest(values, k) if values.size >= k else -np.inf
        candidates = candidates[values + rest[j] >= theta - _SLACK * max(1.0, abs(theta))]
        lo, hi = index.span(t)
        docs = index.doc_ids[lo:hi]
        if hi - lo <= 4 * candidates.size:
            # a short list: read it whole and keep the passages seen so far (adding to ones
            # pruned since is harmless, they are not ranked)
            positions = lo + np.flatnonzero(seen[docs])
            scores[index.doc_ids[positions]] += terms[t] * index.weights_at(t, positions)
            continue
        if not ascending:  # pruning keeps the order: sorted once
            candidates, ascending = np.sort(candidates), True
        at = np.searchsorted(docs, candidates)  # candidates and postings are both ascending
        inside = at < hi - lo
        hit = np.zeros(candidates.size, dtype=bool)
        hit[inside] = docs[at[inside]] == candidates[inside]
        scores[candidates[hit]] += terms[t] * index.weights_at(t, lo + at[hit])
    return _ranked(candidates, scores[candidates], k)
