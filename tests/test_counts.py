"""Term counts: BM25 weights equal to rank-bm25's, merges equal to counting again."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rank_bm25 import BM25Okapi

from retrieval import bm25
from retrieval.counts import (
    TermCounts,
    Vocabulary,
    _counted_as_strings,
    build_counts,
    merge_counts,
    pack_terms,
)

# Han, Latin, a bigram-like term, a character outside the BMP and one from a private use area:
# the vocabulary's byte order must agree with Python's string order for all of them.
WORDS = ["家风", "廉洁", "家", "a", "zz", "~家风", "𠀀字", "\ue000", "人民", "中国"]
corpora = st.lists(st.lists(st.sampled_from(WORDS), max_size=8), max_size=12)


@settings(max_examples=150, deadline=None)
@given(corpus=corpora, query=st.lists(st.sampled_from([*WORDS, "absent"]), max_size=5))
def test_counted_postings_score_like_rank_bm25(corpus: list[list[str]], query: list[str]) -> None:
    postings = bm25.Postings.of(build_counts([pack_terms(p) for p in corpus]))
    reference = bm25.build(corpus)
    assert sorted(postings.vocabulary) == list(postings.vocabulary) == sorted(reference.vocabulary)
    np.testing.assert_allclose(
        bm25.get_scores(postings, query), bm25.get_scores(reference, query), rtol=0, atol=1e-12
    )
    if any(corpus):  # rank-bm25 divides by the mean length
        np.testing.assert_allclose(
            bm25.get_scores(postings, query), BM25Okapi(corpus).get_scores(query), atol=1e-9
        )


@settings(max_examples=150, deadline=None)
@given(
    corpus=corpora,
    keep=st.lists(st.booleans(), min_size=12, max_size=12),
    added=corpora,
    order=st.randoms(use_true_random=False),
)
def test_merged_counts_equal_counting_from_scratch(
    corpus: list[list[str]], keep: list[bool], added: list[list[str]], order: object
) -> None:
    """A reload's update (drop some passages, add others anywhere) gives exactly the arrays
    that counting all resulting passages gives."""
    old = build_counts([pack_terms(p) for p in corpus])
    kept = [i for i in range(len(corpus)) if keep[i]]
    slots = ["old"] * len(kept) + ["new"] * len(added)
    order.shuffle(slots)  # type: ignore[attr-defined]
    final: list[list[str]] = []
    renumber = np.full(len(corpus), -1, dtype=np.int64)
    new_passages = []
    olds, news = iter(kept), iter(added)
    for slot in slots:
        if slot == "old":
            i = next(olds)
            renumber[i] = len(final)
            final.append(corpus[i])
        else:
            terms = next(news)
            new_passages.append((len(final), pack_terms(terms)))
            final.append(terms)
    merged = merge_counts(old, renumber, new_passages, len(final))
    full = build_counts([pack_terms(p) for p in final])
    assert merged.vocabulary.blob == full.vocabulary.blob
    for name in ("ptr", "doc_ids", "tf", "lengths"):
        np.testing.assert_array_equal(getattr(merged, name), getattr(full, name))
    np.testing.assert_array_equal(bm25.Postings.of(merged).weights, bm25.Postings.of(full).weights)


def test_weights_do_not_depend_on_the_slice_size(monkeypatch: pytest.MonkeyPatch) -> None:
    corpus = [[WORDS[(i * j) % len(WORDS)] for j in range(i % 7)] for i in range(50)]
    built = build_counts([pack_terms(p) for p in corpus])
    whole = bm25.Postings.of(built).weights
    monkeypatch.setattr(bm25, "_SLICE", 3)
    np.testing.assert_array_equal(bm25.Postings.of(built).weights, whole)


def test_vocabulary_finds_exactly_its_terms() -> None:
    terms = sorted(set(WORDS))
    vocabulary = Vocabulary.of(terms)
    assert list(vocabulary) == terms and len(vocabulary) == len(terms)
    for i, term in enumerate(terms):
        assert vocabulary[term] == i and vocabulary.get(term) == i and term in vocabulary
    for absent in ("", "家风建设", "b", "\uffff", "𠀁"):
        assert vocabulary.get(absent) is None and absent not in vocabulary
        with pytest.raises(KeyError):
            vocabulary[absent]
    assert Vocabulary(b"").get("家") is None and len(Vocabulary(b"")) == 0
    assert bm25.Postings.of(TermCounts.empty()).n_docs == 0


def test_counts_too_large_for_16_bits_stay_exact() -> None:
    big = ["家风"] * 70_000
    counts = build_counts([pack_terms(big), pack_terms(["廉洁"])])
    assert counts.tf.dtype == np.int32 and counts.tf.max() == 70_000
    small = build_counts([pack_terms(["廉洁"])])
    assert small.tf.dtype == np.uint16
    merged = merge_counts(small, np.array([0]), [(1, pack_terms(big))], 2)
    full = build_counts([pack_terms(["廉洁"]), pack_terms(big)])
    assert merged.tf.dtype == np.int32
    for name in ("ptr", "doc_ids", "tf", "lengths"):
        np.testing.assert_array_equal(getattr(merged, name), getattr(full, name))


def test_counts_from_nothing_are_the_passages_own() -> None:
    packed = [pack_terms(p) for p in (["家风", "家属"], ["家属", "家属", "廉洁"], [], ["廉洁"])]
    merged = merge_counts(
        TermCounts.empty(), np.zeros(0, dtype=np.int64), list(enumerate(packed)), 4
    )
    full = build_counts(packed)
    assert merged.vocabulary.blob == full.vocabulary.blob
    for name in ("ptr", "doc_ids", "tf", "lengths"):
        np.testing.assert_array_equal(getattr(merged, name), getattr(full, name))


# bigrams (~ and two characters, some outside the BMP or surrogates), words sorting before
# and after them, an empty term
TERMS = ["~家风", "~风气", "~a1", "~𠀀字", "~\ud800x", "~~~", "家风", "a", "zz", "", "\ue000", "}"]


@settings(max_examples=200, deadline=None)
@given(rows=st.lists(st.lists(st.sampled_from(TERMS), max_size=10), max_size=15))
def test_bigrams_counted_as_numbers_are_counted_as_strings(rows: list[list[str]]) -> None:
    packed = [pack_terms(r) for r in rows]
    fast, slow = build_counts(packed), _counted_as_strings(packed)
    assert fast.vocabulary.blob == slow.vocabulary.blob
    for name in ("ptr", "doc_ids", "tf", "lengths"):
        assert getattr(fast, name).dtype == getattr(slow, name).dtype
        np.testing.assert_array_equal(getattr(fast, name), getattr(slow, name))


def test_a_word_among_the_bigrams_is_counted_in_order() -> None:
    counts = build_counts([pack_terms(["~家风", "~家", "~家风建设", "家"]), pack_terms(["~家风"])])
    assert list(counts.vocabulary) == ["~家", "~家风", "~家风建设", "家"]
    np.testing.assert_array_equal(np.diff(counts.ptr), [1, 2, 1, 1])
