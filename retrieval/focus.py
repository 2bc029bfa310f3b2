"""The telling words of a question: the one (or those tied with it) a passage short of the
coverage bar must hold, so that a few common words shared by chance keep no passage."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from retrieval.coverage import TELLING_WEIGHT
from retrieval.index import SearchIndex, in_vocabulary
from retrieval.question import Query, Word, without_naming_words

if TYPE_CHECKING:
    from retrieval.search import Ranking
    from retrieval.targets import Target


def telling_words(query: Query, weights: Sequence[float], ranking: Ranking) -> tuple[Word, ...]:
    """The question's most telling word (with any tied with it); none when every word is as
    common as 今天 or 吃, so nothing in the question stands out."""
    top = max(weights, default=ranking.min_weight)
    if top <= ranking.min_weight:
        return ()
    return tuple(w for w, weight in zip(query.words, weights, strict=True) if weight == top)


def question_focus(
    query: Query,
    weights: Sequence[float],
    target: Target,
    index: SearchIndex,
    ranking: Ranking,
    *,
    defining: bool = False,
    written_only: bool = False,
) -> tuple[Word, ...]:
    """The telling words of what a question is about: not the year or the documents it
    names (2023年 一号文件 要求粮食产量…), which the year and document rules see to;
    `written_only`: of the words the corpus writes (补票 where rules say 补交票款), where it
    writes any that is not as common as 今天."""
    asked = without_naming_words(query, target, index, defining)
    years = {str(y) for y in target.years}
    about = [
        (w, x)
        for w, x in zip(query.words, weights, strict=True)
        if w in asked.words and w.text not in years
    ]
    if written_only:
        vocabulary = index.postings.vocabulary
        written = [
            (w, x)
            for w, x in about
            if x > ranking.min_weight and any(in_vocabulary(s, vocabulary) for s in w.spellings)
        ]
        about = written or about
    if not about:
        return telling_words(query, weights, ranking)
    return telling_words(Query(tuple(w for w, _ in about), ()), [x for _, x in about], ranking)


def own_telling_words(query: Query, weights: Sequence[float]) -> list[Word]:
    """Where the question was read with thesaurus synonyms, its telling words besides those:
    a passage must hold one (新气象 holds 气象 for 天气: no answer to 明天北京天气怎么样),
    unless it has none (赌钱行不行). [] when it was read with none."""
    if not any(w.kin for w in query.words):
        return []
    return [
        w for w, x in zip(query.words, weights, strict=True) if not w.kin and x >= TELLING_WEIGHT
    ]
