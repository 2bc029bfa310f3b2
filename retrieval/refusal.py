"""When the corpus does not answer: the bars that rise with the corpus's size, and the share
of a question's information in words the corpus never uses (an off-topic question shares a
rare word with a large corpus by chance: 门票, 比特币, 世界杯)."""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import TYPE_CHECKING

from retrieval.coverage import covered_by_parts
from retrieval.index import SearchIndex, in_vocabulary
from retrieval.question import Query, Word

if TYPE_CHECKING:
    from retrieval.search import Ranking

SMALL_CORPUS = 25  # passages of one speech


def absent_words(
    query: Query, weights: Sequence[float], index: SearchIndex, ranking: Ranking
) -> list[tuple[Word, float]]:
    """The question's telling words (with their weights) that no passage holds, nor any of
    their synonyms: neither as a word of the index, nor as a run of character pairs, nor as
    words of the index that make it up (党委书记: 党委 and 书记). Latin words are left out:
    markup, code and English asides, not the topic."""
    vocabulary = index.postings.vocabulary
    return [
        # a word the corpus writes only as a synonym is half absent (下雨 of 明天下雨吗,
        # where reports speak of 降雨)
        (word, weight * (ranking.part_match if word.kin else 1.0))
        for word, weight in zip(query.words, weights, strict=True)
        if weight >= ranking.absent_weight
        and len(word.text) >= 2
        and not word.text.isascii()
        and not any(in_vocabulary(t, vocabulary) for t in word.spellings)
        and not covered_by_parts(word, [vocabulary])[0]
    ]


def absent_share(
    query: Query, weights: Sequence[float], index: SearchIndex, ranking: Ranking
) -> float:
    """The share of the question's information in words the corpus never uses."""
    return share_of(absent_words(query, weights, index, ranking), weights)


def share_of(absent: Sequence[tuple[Word, float]], weights: Sequence[float]) -> float:
    total = sum(weights)
    return sum(weight for _, weight in absent) / total if total else 0.0


def absent_limit(passages: int, ranking: Ranking) -> float:
    """The share of a question's information that may be absent from a corpus this size."""
    fall = ranking.absent_per_e * math.log(max(passages, 1) / SMALL_CORPUS)
    return min(max(1.0 - fall, ranking.max_absent), 1.0)


def open_coverage(passages: int, ranking: Ranking) -> float:
    """The least coverage for a question that names no document, in a corpus this size."""
    rise = ranking.coverage_per_e * math.log(max(passages, 1) / SMALL_CORPUS)
    return min(max(ranking.min_coverage + rise, ranking.min_coverage), ranking.max_coverage)
