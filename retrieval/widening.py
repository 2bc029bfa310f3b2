"""A question's target widened past the documents it names, where they do not hold what it
asks and pages on them do: the quote it gives, or its telling words."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from retrieval import bm25
from retrieval.focus import question_focus
from retrieval.index import SearchIndex
from retrieval.names import document_names
from retrieval.normalize import plain_text
from retrieval.pool import bm25_pool
from retrieval.question import Query
from retrieval.quotes import holds_quote, says_quote
from retrieval.targets import Target

if TYPE_CHECKING:
    from retrieval.search import Ranking

ABOUT_POOL = 20  # passages holding a question's telling words, for the pages about a named text


def told_elsewhere(
    index: SearchIndex, query: Query, weights: Sequence[float], target: Target, ranking: Ranking
) -> Target:
    """The target widened to the pages about the texts it names (news, interviews, inspection
    reports saying the name) holding the question's telling words, where the texts named
    hold none of them: 国防交通法通过那天接受采访的黄伟业 is the news page's, not the law's."""
    if target.docs is None:
        return target
    focus = question_focus(query, weights, target, index, ranking)
    terms = {term: 1.0 for word in focus for term in word.terms}
    if not terms:
        return target
    # (the passages holding a term, whatever its weight in a small corpus)
    held, _ = bm25.top_k(index.postings, terms, 1, index.allowed(target.docs))
    if held.size:
        return target
    ids, _ = bm25.top_k(index.postings, terms, ABOUT_POOL)
    named = [d for d in index.catalog if d.doc in target.docs]
    names = {plain_text(n) for n in target.said} | {n for d in named for n in document_names(d)}
    told = [plain_text(text) for text in index.searchable_many(ids.tolist())]
    about = {
        index.passages[i].doc for i, t in zip(ids, told, strict=True) if any(n in t for n in names)
    }
    return replace(target, docs=target.docs | about) if about else target


# a question on what a text changed or still says (把“坚持总量控制”换成了什么, 还写着“…”吗)
# asks of the text it names, whatever other texts say the quote
CHANGED = re.compile(r"改成|改为|换成|还写|有没有写|原来|原先|不再")


def quoted_elsewhere(index: SearchIndex, query: Query, target: Target, ranking: Ranking) -> Target:
    """The target widened to the documents saying the question's quote word for word, where
    none it names holds it (江西条例的“三个写入、三个率先”: the news page on the regulation)."""

    def holding(scope: Target, held: Callable[[str, str], bool]) -> set[str]:
        ids = [i for i, _ in bm25_pool(index, query, scope, ranking)]
        return {
            index.passages[i].doc
            for i, text in zip(ids, index.searchable_many(ids), strict=True)
            if all(held(q, text) for q in target.phrases)
        }

    if holding(target, holds_quote):
        return target
    saying = holding(replace(target, docs=None), says_quote)
    return replace(target, docs=(target.docs or frozenset()) | saying) if saying else target
