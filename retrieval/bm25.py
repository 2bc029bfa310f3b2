"""Okapi BM25 with exactly rank-bm25's `BM25Okapi` scores, computed from postings.

rank-bm25 defines the scores: idf = ln(N - df + 0.5) - ln(df + 0.5), a negative idf replaced
by epsilon times the mean raw idf, and term weight idf * tf * (k1 + 1) / (tf + k1 * (1 - b +
b * dl / avgdl)). Like bm25s, the weight of every (term, passage) pair is computed once at
index time and kept in term-major postings, so a query costs the length of its terms'
postings instead of a Python loop over every passage.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

K1 = 1.5
B = 0.75
EPSILON = 0.25

FloatArray = npt.NDArray[np.float64]
IntArray = npt.NDArray[np.int64]


def idf(df: IntArray, n_docs: int, epsilon: float = EPSILON) -> FloatArray:
    """rank-bm25's idf: negative values become epsilon times the mean raw idf."""
    raw: FloatArray = np.log(n_docs - df + 0.5) - np.log(df + 0.5)
    if raw.size == 0:
        return raw
    floored: FloatArray = np.where(raw < 0, epsilon * raw.mean(), raw)
    return floored


def term_weights(
    tf: FloatArray, doc_len: FloatArray, avgdl: float, term_idf: FloatArray, k1: float, b: float
) -> FloatArray:
    """BM25's saturated, length-normalised term frequency times idf, element-wise."""
    return term_idf * (tf * (k1 + 1) / (tf + k1 * (1 - b + b * doc_len / avgdl)))


@dataclass(frozen=True)
class Postings:
    """Term-major sparse weights: term t's passages are doc_ids[ptr[t]:ptr[t+1]]."""

    vocabulary: Mapping[str, int]
    ptr: IntArray
    doc_ids: npt.NDArray[np.int32]
    weights: FloatArray
    n_docs: int


def build(
    corpus: Sequence[Sequence[str]], k1: float = K1, b: float = B, epsilon: float = EPSILON
) -> Postings:
    """Index tokenised passages.

    Tokens become ids in one pass, then (term, passage) pairs are counted with one sort of
    int64 keys: no per-token Python objects survive, which keeps the peak memory near the
    size of the token array.
    """
    n_docs = len(corpus)
    doc_len = np.fromiter(map(len, corpus), dtype=np.int64, count=n_docs)
    vocabulary: dict[str, int] = {}
    ids = np.fromiter(
        (vocabulary.setdefault(t, len(vocabulary)) for doc in corpus for t in doc),
        dtype=np.int64,
        count=int(doc_len.sum()),
    )
    # term-major keys: sorting them groups postings by term, passages ascending within a term
    keys = ids * max(n_docs, 1) + np.repeat(np.arange(n_docs, dtype=np.int64), doc_len)
    del ids
    pairs, tf = np.unique(keys, return_counts=True)
    del keys
    terms = pairs // max(n_docs, 1)
    docs = (pairs % max(n_docs, 1)).astype(np.int32)
    df = np.bincount(terms, minlength=len(vocabulary))
    lengths = doc_len.astype(np.float64)
    avgdl = float(lengths.mean()) if n_docs and lengths.sum() else 1.0
    weights = term_weights(
        tf.astype(np.float64), lengths[docs], avgdl, idf(df, n_docs, epsilon)[terms], k1, b
    )
    ptr = np.zeros(len(vocabulary) + 1, dtype=np.int64)
    np.cumsum(df, out=ptr[1:])
    return Postings(vocabulary, ptr, docs, weights, n_docs)


def get_scores(index: Postings, query: Sequence[str]) -> FloatArray:
    """Every passage's score, like `BM25Okapi.get_scores` (repeated terms count again)."""
    scores = np.zeros(index.n_docs)
    for term in query:
        t = index.vocabulary.get(term)
        if t is not None:
            lo, hi = index.ptr[t], index.ptr[t + 1]
            scores[index.doc_ids[lo:hi]] += index.weights[lo:hi]
    return scores


def top_k(
    index: Postings, query: Mapping[str, float], k: int
) -> tuple[npt.NDArray[np.int64], FloatArray]:
    """The k best passages containing a query term, best first, ties by passage order.

    `query` maps terms to weights (1.0 is plain BM25). Work is proportional to the postings of
    the query's terms: scores are accumulated into a lazily zeroed array and only the
    passages in those postings are ranked.
    """
    spans = []
    for term, weight in query.items():
        t = index.vocabulary.get(term)
        if t is not None and weight:
            spans.append((int(index.ptr[t]), int(index.ptr[t + 1]), weight))
    if not spans or k <= 0:
        return np.zeros(0, dtype=np.int64), np.zeros(0)
    scores = np.zeros(index.n_docs)  # calloc: pages are only touched where postings land
    for lo, hi, weight in spans:
        scores[index.doc_ids[lo:hi]] += weight * index.weights[lo:hi]
    candidates = np.concatenate([index.doc_ids[lo:hi] for lo, hi, _ in spans]).astype(np.int64)
    # A passage occurs once per matching term, so the best k * len(spans) occurrences hold the
    # best k distinct passages.
    limit = k * len(spans)
    if candidates.size > limit:
        values = scores[candidates]
        cut = values[np.argpartition(-values, limit - 1)[limit - 1]]
        candidates = candidates[values >= cut]  # ties at the cut stay: they rank by position
    candidates = np.unique(candidates)
    order = np.lexsort((candidates, -scores[candidates]))[:k]
    best = candidates[order]
    return best, scores[best]
