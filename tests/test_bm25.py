"""The BM25 engine gives exactly rank-bm25's BM25Okapi scores."""

from __future__ import annotations

import numpy as np
import pytest
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


kth_largest = bm25.kth_largest

# Skewed like real text: a few words in most passages (low or negative idf), a long tail.
SKEWED = ["的"] * 6 + ["是"] * 4 + ["w0", "w0", "w1", "w1", "w2"] + VOCAB
weights_ = st.sampled_from([0.3, 0.5, 1.0, 2.0])


def weighted_reference(corpus: list[list[str]], query: dict[str, float]) -> np.ndarray:
    reference = BM25Okapi(corpus)
    total = np.zeros(len(corpus))
    for term, weight in query.items():
        total += weight * reference.get_scores([term])
    return total


@settings(max_examples=300, deadline=None)
@given(
    corpus=st.lists(st.lists(st.sampled_from(SKEWED), min_size=1, max_size=20), max_size=80),
    query=st.dictionaries(st.sampled_from(SKEWED), weights_, min_size=1, max_size=7),
    k=st.integers(1, 30),
    mask=st.randoms(use_true_random=False),
    restrict=st.booleans(),
)
def test_weighted_and_restricted_top_k_is_exact(
    corpus: list[list[str]],
    query: dict[str, float],
    k: int,
    mask: object,
    restrict: bool,
) -> None:
    """Pruned top-k equals sorting every weighted rank-bm25 score, also among allowed passages
    only, including corpora where rank-bm25's idf floor makes weights negative."""
    if not corpus:
        return
    expected = weighted_reference(corpus, query)
    allowed = None
    if restrict:
        allowed = np.array([mask.random() < 0.5 for _ in corpus])  # type: ignore[attr-defined]
    ids, scores = bm25.top_k(bm25.build(corpus), query, k, allowed)
    matching = [
        d
        for d, doc in enumerate(corpus)
        if set(doc) & set(query) and (allowed is None or allowed[d])
    ]
    best = sorted(matching, key=lambda d: (-expected[d], d))[:k]
    assert len(ids) == len(best) and len(set(ids.tolist())) == len(ids)
    np.testing.assert_allclose(scores, expected[best], rtol=0, atol=1e-9)
    np.testing.assert_allclose(expected[ids], expected[best], rtol=0, atol=1e-9)
    if allowed is not None:
        assert all(allowed[ids])


def test_only_passages_scoring_like_the_best_are_ranked(monkeypatch: pytest.MonkeyPatch) -> None:
    """Common words match every passage; the k best are taken from those scoring at least
    the k-th best of one list's passages, not from every match."""
    corpus = [["的"] + ["x"] * (d % 5) + [f"u{d}"] * (d % 7) for d in range(2000)]
    corpus.append(["rare", "的"])
    index = bm25.build(corpus)
    assert index.idf.min() > 0  # the unique words keep the average idf, and its floor, positive
    ranked: list[int] = []
    monkeypatch.setattr(
        bm25, "kth_largest", lambda v, k: ranked.append(v.size) or kth_largest(v, k)
    )
    for query in ({"的": 1.0, "x": 1.0}, {"的": 1.0, "x": 0.5, "rare": 0.3}):
        expected = weighted_reference(corpus, query)
        for k in (1, 10, 100):
            ranked.clear()
            ids, scores = bm25.top_k(index, query, k)
            best = sorted(range(len(corpus)), key=lambda d: (-expected[d], d))[:k]
            np.testing.assert_allclose(scores, expected[best], rtol=0, atol=1e-9)
            np.testing.assert_allclose(expected[ids], expected[best], rtol=0, atol=1e-9)
            assert max(ranked, default=0) <= 200  # of 2,001 matches


def test_a_list_of_zero_weights_is_ranked_after_the_matches() -> None:
    """A term in exactly half the passages weighs 0: its passages match, and rank below
    every positive score, by passage order; the cut needs a positive floor for that."""
    corpus = [["a", "b"], ["a", "c"], ["d"], ["e"]]
    index = bm25.build(corpus)
    ids, scores = bm25.top_k(index, {"a": 1.0, "c": 1.0}, 3)
    assert ids.tolist() == [1, 0] and scores[1] == 0.0


def test_allowed_mask_must_cover_every_passage() -> None:
    index = bm25.build([["a"], ["b"]])
    with pytest.raises(ValueError):
        bm25.top_k(index, {"a": 1.0}, 3, np.ones(3, dtype=bool))
    assert bm25.top_k(index, {"a": 1.0}, 3, np.zeros(2, dtype=bool))[0].size == 0


def test_negative_query_weights_are_exact() -> None:
    corpus = [["a", "b"], ["a"], ["b", "c"], ["c"]]
    query = {"a": 1.0, "b": -0.5}
    ids, scores = bm25.top_k(bm25.build(corpus), query, 4)
    expected = weighted_reference(corpus, query)
    assert ids.tolist() == sorted([0, 1, 2], key=lambda d: (-expected[d], d))
    np.testing.assert_allclose(scores, expected[ids], atol=1e-9)


def test_postings_are_a_ranker() -> None:
    corpus = [["家属", "配偶"], ["子女"], ["家属"]]
    ranker: bm25.Ranker = bm25.build(corpus)
    query = {"家属": 1.0, "子女": 0.5}
    allowed = np.array([False, True, True])
    for mask in (None, allowed):
        got, expected = ranker.top_k(query, 2, mask), bm25.top_k(bm25.build(corpus), query, 2, mask)
        assert got[0].tolist() == expected[0].tolist()
        np.testing.assert_array_equal(got[1], expected[1])
    assert ranker.n_docs == 3


@pytest.mark.parametrize("budget", [0, 3, 1 << 20])
def test_kept_weights_are_the_computed_ones(monkeypatch: pytest.MonkeyPatch, budget: int) -> None:
    """Long postings keep their weights (here every list is "long"), within the budget."""
    monkeypatch.setattr(bm25, "_KEEP_WEIGHTS_FROM", 1)
    monkeypatch.setattr(bm25, "_KEEP_WEIGHTS_BUDGET", budget)
    monkeypatch.setattr(bm25, "_KEEP_WEIGHTS_SHARE", 1 << 40)  # the budget alone
    corpus = [[SKEWED[(i * j + i) % len(SKEWED)] for j in range(i % 9 + 1)] for i in range(120)]
    query = {"的": 1.0, "w1": 0.5, "家属": 2.0, "w7": 0.3}
    expected = weighted_reference(corpus, query)
    index = bm25.build(corpus)
    allowed = np.arange(len(corpus)) % 3 > 0
    for mask in (None, allowed, None):  # the second plain query reads kept weights
        ids, scores = bm25.top_k(index, query, 7, mask)
        np.testing.assert_allclose(expected[ids], scores, rtol=0, atol=1e-9)
        matching = [
            d for d, doc in enumerate(corpus) if set(doc) & set(query) and (mask is None or mask[d])
        ]
        best = sorted(matching, key=lambda d: (-expected[d], d))[:7]
        np.testing.assert_allclose(scores, expected[best], rtol=0, atol=1e-9)
    reference = BM25Okapi(corpus).get_scores(["的"])
    np.testing.assert_allclose(bm25.get_scores(index, ["的"]), reference, rtol=0, atol=1e-9)
    assert index.kept_weights <= budget


@settings(max_examples=200, deadline=None)
@given(corpus=corpora)
def test_a_terms_idf_and_weights_read_alone_are_the_same_bits(corpus: list[list[str]]) -> None:
    # search reads one term's idf at a time and keeps no per-term array; scores must not
    # move by a rounding step, or passages with equal scores could change places
    index = bm25.build(corpus)
    for t in range(len(index.vocabulary)):
        assert index.term_idf(t) == index.idf[t]
        # and a list's weights, read alone (counts of 1 from a per-passage table), are the
        # weights of every posting at once, bit for bit
        lo, hi = index.span(t)
        docs, weights = index.postings(t)
        np.testing.assert_array_equal(docs, index.doc_ids[lo:hi])
        assert weights.tobytes() == index.weights[lo:hi].tobytes()


def test_the_least_recently_read_long_list_is_let_go_first(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(bm25, "_KEEP_WEIGHTS_FROM", 1)
    monkeypatch.setattr(bm25, "_KEEP_WEIGHTS_BUDGET", 5)
    monkeypatch.setattr(bm25, "_KEEP_WEIGHTS_SHARE", 1 << 40)
    index = bm25.build([["a", "b", "c"], ["a", "b"], ["a", "c"]])  # a: 3, b: 2, c: 2
    a, b, c = (index.vocabulary[w] for w in "abc")
    first = index.postings(a)
    assert index.postings(a)[1] is first[1]  # kept: not computed again
    kept_b = index.postings(b)  # 5 of 5
    index.postings(a)  # read again: now b is the least recent
    index.postings(c)  # 7 > 5: b goes
    assert index.kept_weights == 5
    assert index.postings(a)[1] is first[1]
    again = index.postings(b)  # computed again, equal
    assert again[1] is not kept_b[1]
    np.testing.assert_array_equal(again[1], kept_b[1])
