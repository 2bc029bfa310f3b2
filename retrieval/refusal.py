"""When the corpus does not answer: the bars that rise with the corpus's size, and the share
of a question's information in words the corpus never uses (an off-topic question shares a
rare word with a large corpus by chance: 门票, 比特币, 世界杯)."""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import TYPE_CHECKING

from retrieval.coverage import TELLING_WEIGHT, covered_by_parts, found, matches
from retrieval.index import SearchIndex, in_vocabulary
from retrieval.places import is_place_name
from retrieval.question import Query, Word, asks_penalty, asks_rule, asks_who
from retrieval.regulations import rule_documents
from retrieval.segment import word_tags

if TYPE_CHECKING:
    from retrieval.search import Candidate, Ranking
    from retrieval.segment import Segmenter
    from retrieval.targets import Target

SMALL_CORPUS = 25  # passages of one speech
MANY_TEXTS_PASSAGES = 8 * SMALL_CORPUS  # a corpus of many texts, not a few speeches


def leniently_judged(index: SearchIndex, question: str, target: Target) -> frozenset[str]:
    """The rule texts judged by the lower bar (`Ranking.rule_coverage`) for a question naming no
    document that asks what is allowed, what is punished or who is responsible (folded)."""
    if target.docs is not None or not (
        asks_rule(question) or asks_penalty(question) or asks_who(question)
    ):
        return frozenset()
    return rule_documents(index.catalog)


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


def only_places(query: Query, weights: Sequence[float], text: str, segmenter: Segmenter) -> bool:
    """Whether every word of some weight the passage matches is a place name: a place alone
    is no topic (明天广州会不会下雨 matches 广州 in a report, and nothing it asks), whatever
    synonyms it holds (降雨 for 下雨: kept out, 广州的老师 for 广州市教师 with it)."""
    matched = [
        w.text
        for w, x in zip(query.words, weights, strict=True)
        if x >= TELLING_WEIGHT and matches(w, text)
    ]
    return bool(matched) and all(place_word(m, segmenter) for m in matched)


def place_word(word: str, segmenter: Segmenter) -> bool:
    """A place jieba tags so, or one its dictionary spells with 市 or 县 that it files as a
    name or a rare noun (银川, 余姚, 黄石); not one it reads as an adjective, a direction or a
    common noun (平安, 北方, 中心)."""
    if segmenter.is_place(word):
        return True
    tag = word_tags().get(word, "")
    rare = tag != "n" or segmenter.information(word) >= RARE_NOUN_INFORMATION
    return tag in _NAME_TAGS and rare and is_place_name(word)


_NAME_TAGS = frozenset({"n", "nr", "nrt"})
RARE_NOUN_INFORMATION = 9.0  # 中心 (7.9) is every text's word; 银川 (12.3) and 大理 (11.1) are not


def standout(
    pool: Sequence[Candidate], weights: Sequence[float], ranking: Ranking
) -> Candidate | None:
    """The passage shown as the closest when none of the pool is kept (`Ranking.standout_gap`),
    else None: the pool is then in BM25's order, since only kept passages are boosted."""
    if any(c.kept for c in pool):
        return None
    # (one giving no figure of the kind asked still competes: the closest stands out among what
    # the question's words reach, and must give the figure too)
    ranked = [c for c in pool if c.rule in ("", "unit")]
    if not ranked:
        return None
    first = ranked[0]
    second = ranked[1].bm25 if len(ranked) > 1 else 0.0
    stands_out = (
        not first.rule
        and first.near
        and first.coverage * sum(weights) >= ranking.standout_information
        and first.bm25 >= ranking.standout_gap * second
    )
    return first if stands_out else None


def kept(
    score: float,
    share: float,
    telling: Sequence[Word],
    text: str,
    ranking: Ranking,
    inside: frozenset[Word] = frozenset(),
    named: bool = False,
) -> bool:
    """Whether a ranked passage (its `searchable_text`) is shown.

    It must match enough of the question's information; a weak match must include what the
    question is about ("八项规定具体有哪几条内容" matches 内容 in the speech, not 八项规定:
    no passage); and a question of common words only must be matched whole ("工作" finds
    passages, "今天中午吃什么" does not find one that says 今天).
    """
    if score <= 0 or share < ranking.min_coverage:
        return False
    if not telling:
        return share >= 1.0
    return share >= weak_bar(ranking, named) or any(
        found(w, text) and w not in inside for w in telling
    )


def weak_bar(ranking: Ranking, named: bool) -> float:
    """The coverage below which a passage must hold the question's most telling word."""
    return ranking.named_weak_coverage if named else ranking.weak_coverage
