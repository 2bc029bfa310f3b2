"""The BM25 engine gives exactly rank-bm25's BM25Okapi scores."""

from __future__ import annotations

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st
from rank_bm25 import BM25Okapi

from retrieval import bm25

VOCAB = [f"w{i}" for i in range(12)] + ["家属", "配偶", "子女"]
words = st.sampled_from(VOCAB)
documents = st.lists(words, min_size=1, max_size=30)
corpora = st.lists(documents, min_size=1, max_size=40)
queries = st.lists(words, min_size=0, max_size=8)


@settings(max_examples=300, deadline=None)
@given(corpus=corpora, query=queries)
def test_scores_equal_rank_bm25(corpus: list[list[str]], query: list[str]) -> None:
    expected = BM25Okapi(corpus).get_scores(query)
    got = bm25.get_scores(bm25.build(corpus), query)
    np.testing.assert_allclose(got, expected, rtol=0, atol=1e-9)


@settings(max_examples=200, deadline=None)
@given(corpus=corpora, query=st.lists(words, min_size=1, max_size=6), k=st.integers(1, 10))
def test_top_k_ranks_like_sorting_rank_bm25_scores(
    corpus: list[list[str]], query: list[str], k: int
) -> None:
    expected = BM25Okapi(corpus).get_scores(query)
    index = bm25.build(corpus)
    weights: dict[str, float] = {}
    for term in query:  # a repeated term counts again, as in get_scores
        weights[term] = weights.get(term, 0.0) + 1.0
    ids, scores = bm25.top_k(index, weights, k)
    matching = [d for d, doc in enumerate(corpus) if set(doc) & set(query)]
    best = sorted(matching, key=lambda d: (-expected[d], d))[:k]
    np.testing.assert_allclose(scores, expected[best], rtol=0, atol=1e-9)
    np.testing.assert_allclose(expected[ids], expected[best], rtol=0, atol=1e-9)
    assert len(set(ids.tolist())) == len(ids)


def test_term_in_exactly_half_the_passages_has_zero_idf() -> None:
    corpus = [["a", "b"], ["a", "c"], ["d"], ["e"]]
    index = bm25.build(corpus)
    np.testing.assert_allclose(bm25.get_scores(index, ["a"]), BM25Okapi(corpus).get_scores(["a"]))
    assert not bm25.get_scores(index, ["a"]).any()


def test_negative_idf_uses_epsilon_times_a_negative_average() -> None:
    # every term is common: all raw idfs are negative, so their mean is too (rank_bm25 #43)
    corpus = [["a", "b"], ["a", "b"], ["a", "c"]]
    reference = BM25Okapi(corpus)
    assert reference.average_idf < 0
    for query in (["a"], ["b"], ["c"], ["a", "b", "c", "a"]):
        np.testing.assert_allclose(
            bm25.get_scores(bm25.build(corpus), query), reference.get_scores(query), atol=1e-12
        )


def test_weights_scale_term_contributions() -> None:
    corpus = [["家属", "配偶"], ["子女"], ["家属"], ["w1"], ["w2"]]
    index = bm25.build(corpus)
    plain = bm25.get_scores(index, ["家属"]) + 0.5 * bm25.get_scores(index, ["配偶"])
    ids, scores = bm25.top_k(index, {"家属": 1.0, "配偶": 0.5}, 5)
    np.testing.assert_allclose(scores, plain[ids])
    assert ids.tolist() == [0, 2]


def test_unknown_terms_and_empty_corpus() -> None:
    index = bm25.build([["a"], ["b"]])
    ids, scores = bm25.top_k(index, {"zzz": 1.0}, 3)
    assert ids.size == 0 and scores.size == 0
    empty = bm25.build([])
    assert bm25.get_scores(empty, ["a"]).size == 0
    assert bm25.top_k(empty, {"a": 1.0}, 3)[0].size == 0


@settings(max_examples=200, deadline=None)
@given(
    corpus=st.lists(
        st.lists(st.sampled_from(["a", "b", "c"]), min_size=1, max_size=3), min_size=1, max_size=60
    ),
    k=st.integers(1, 5),
)
def test_ties_are_broken_by_passage_order(corpus: list[list[str]], k: int) -> None:
    index = bm25.build(corpus)
    ids, _ = bm25.top_k(index, {"a": 1.0, "b": 1.0}, k)
    expected = bm25.get_scores(index, ["a", "b"])
    matching = [d for d, doc in enumerate(corpus) if {"a", "b"} & set(doc)]
    assert ids.tolist() == sorted(matching, key=lambda d: (-expected[d], d))[:k]
