"""The place a question names, weighed as its documents' titles say it.

宁波的图书馆借书要交押金吗 prefers 宁波市全民阅读促进条例 (`Target.preferred`). Inside that
text 宁波 tells no passage from another, yet BM25 scores it by how often each passage repeats it,
so 每年4月份为宁波读书月…书香宁波日 outranks the article on lending. Every passage of a place's
text is about that place, as its title says: each is scored as holding the place once (in a
passage of average length, BM25's weight is then the word's idf). Passages of other texts keep
what they say of it: there it tells them apart (a national text naming 宁波 as an example).
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from retrieval.catalog import memo, owners_of
from retrieval.index import SearchIndex
from retrieval.targets import Target
from retrieval.title_tokens import place_tokens


def levelled(
    index: SearchIndex,
    query_weights: dict[str, float],
    target: Target,
    pool: Sequence[tuple[int, float]],
) -> list[tuple[int, float]]:
    """The pool's BM25 scores with the preferred documents' own place weighed as their
    titles say it; the pool as it was where the question names no such place."""
    terms = own_place_terms(index, query_weights, target)
    if not terms or not pool:
        return list(pool)
    ids = np.fromiter((i for i, _ in pool), dtype=np.int64, count=len(pool))
    scores = np.fromiter((s for _, s in pool), dtype=np.float64, count=len(pool))
    own = np.fromiter((index.passages[i].doc in target.preferred for i, _ in pool), dtype=bool)
    postings = index.postings
    for term in terms:
        t = postings.term_id(term)
        if t is None:
            continue
        docs, weights = postings.postings(t)
        at = np.searchsorted(docs, ids)
        held = at < len(docs)
        held[held] = docs[at[held]] == ids[held]
        said = np.where(held, weights[np.minimum(at, len(docs) - 1)], 0.0)
        scores[own] += query_weights[term] * (postings.term_idf(t) - said[own])
    return list(zip(ids.tolist(), scores.tolist(), strict=True))


def own_place_terms(
    index: SearchIndex, query_weights: dict[str, float], target: Target
) -> tuple[str, ...]:
    """The question's terms naming the place every preferred document is of (宁波 of 宁波市…
    条例; none where it names two places, 宁波和温州, whose texts it then tells apart)."""
    if target.docs is not None or not target.preferred:
        return ()
    documents = index.catalog  # the same table as the place's documents were found by

    def build() -> dict[str, frozenset[str]]:
        _, owners = memo(documents, "place_owners", lambda: owners_of(documents, place_tokens, 2))
        return {t: frozenset(documents[i].doc for i in held) for t, held in owners.items()}

    owned = memo(documents, "place_owner_docs", build)
    return tuple(t for t in query_weights if t in owned and target.preferred <= owned[t])
