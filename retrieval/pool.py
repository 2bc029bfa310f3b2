"""The passages BM25 hands the filters and re-ranking of a question (`search.candidates`)."""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

from retrieval import bm25
from retrieval.index import SearchIndex
from retrieval.question import Query
from retrieval.segment import BIGRAM
from retrieval.targets import Target

if TYPE_CHECKING:
    from retrieval.search import Ranking

# candidates BM25 hands to the filters and re-ranking, whatever top_k is: 100 answers as 200
# did (702 documents, 39,672 passages: 2 of 9,494 answers lost, 3 won) at 2/3 of the cost
POOL = 100


def bm25_pool(
    index: SearchIndex, query: Query, target: Target, ranking: Ranking, defining: bool = False
) -> list[tuple[int, float]]:
    """BM25's best passages for the query, within the documents the question names; a
    year asked counting `Ranking.year_weight` of a word. `defining`: a term's definition is
    asked, and the passages worded as one join them."""
    allowed = None if target.docs is None else index.allowed(target.docs)
    weights = query.weights(ranking)
    for year in {str(y) for y in target.years} & weights.keys():
        weights[year] *= ranking.year_weight
    ids, scores = bm25.top_k(index.postings, weights, POOL, allowed)
    if defining:
        # the article defining a term (本法所称信托，是指…) may rank below the many pages
        # repeating it: the best passages with the words a definition is made of join the pool,
        # scored by the question's words alone, as every other is
        cued, _ = bm25.top_k(index.postings, _DEFINITION_CUES | weights, DEFINED_POOL, allowed)
        if (new := np.setdiff1d(cued, ids)).size:
            mask = np.zeros(len(index.passages), dtype=bool)
            mask[new] = True
            more, more_scores = bm25.top_k(index.postings, weights, int(new.size), mask)
            ids, scores = np.concatenate((ids, more)), np.concatenate((scores, more_scores))
    return list(zip(ids.tolist(), scores.tolist(), strict=True))


# the words a definition is made of: 本法所称…，是指…, …系指…
_DEFINITION_CUES = {BIGRAM + "所称": 1.0, BIGRAM + "是指": 1.0, "系指": 1.0}
DEFINED_POOL = 10  # passages worded as definitions, beside BM25's `POOL`
