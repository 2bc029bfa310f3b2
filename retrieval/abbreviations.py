"""Abbreviations (简称) read as the phrases they shorten.

People shorten a phrase to the first character of each of its words: 法援 for 法律援助,
刑诉法 for 刑事诉讼法, 中纪委 for 中央纪律检查委员会. Documents write the phrase out, so the
short form finds nothing. A question word the corpus never uses, and that general Chinese
uses little (社团 for 社会团体), is looked for spelled out in the passages the question
reaches: a phrase whose dictionary words begin, in order, with the word's characters,
written there more than once.

A common word is no abbreviation (天气 is not 天然气), nor is a number (二五 is not 二十五),
nor a fragment jieba cut across words (出人 of 出钱出人 meets 出生人口 once, by chance).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Container, Sequence

from retrieval.dates import CN_NUMBER
from retrieval.index import in_vocabulary
from retrieval.question import Query, Word
from retrieval.segment import Segmenter

# jieba's frequency below which a word may be a short form (医保 273, 社团 420; not 天气 2657)
RARE = 1000
LEAST = 2  # times the passages must write the phrase out: once may be chance
SPELLED_MORE = 3  # times more passages holding the phrase, for a short form the corpus writes too
LONGEST_PIECE = 4  # 纪律检查, 管理人员, 社会科学
_SHORT = re.compile(r"[\u4e00-\u9fff]{2,4}")
_NUMERAL = re.compile(rf"[{CN_NUMBER}千万亿]")


def unknown_words(query: Query, vocabulary: Container[str], segmenter: Segmenter) -> list[Word]:
    """The question's words that may be abbreviations: Han words of two to four characters,
    no numbers, neither in the corpus (as a word or as its character pairs) nor common in
    general Chinese."""
    return [
        w
        for w in query.words
        if _may_shorten(w.text, segmenter) and not in_vocabulary(w.text, vocabulary)
    ]


def written_short_words(
    query: Query, vocabulary: Container[str], segmenter: Segmenter
) -> list[Word]:
    """The question's two-character words the corpus writes that may still be short forms
    (武警, 医保): rare in general Chinese, no numbers."""
    return [
        w
        for w in query.words
        if len(w.text) == 2
        and _may_shorten(w.text, segmenter)
        and in_vocabulary(w.text, vocabulary)
    ]


def _may_shorten(text: str, segmenter: Segmenter) -> bool:
    """Whether a word may be a short form: Han characters, two to four, no numbers, rare in
    general Chinese."""
    return (
        bool(_SHORT.fullmatch(text))
        and not _NUMERAL.search(text)
        and segmenter.frequency(text) < RARE
    )


def spelled_out(short: str, texts: Sequence[str], segmenter: Segmenter) -> str | None:
    """The phrase of `texts` that `short` abbreviates, if any: dictionary words of two
    characters or more, each beginning with the next character of `short` (the last may be
    that character alone once there are three: 刑事诉讼法), written at least `LEAST` times;
    the most often written one."""
    found: Counter[str] = Counter()
    lone_last = len(short) >= 3
    for text in texts:
        start = text.find(short[0])
        while start >= 0:
            found.update(_phrases(short, text, start, segmenter, lone_last))
            start = text.find(short[0], start + 1)
    best = max(found.items(), key=lambda kv: (kv[1], len(kv[0])), default=None)
    return best[0] if best and best[1] >= LEAST else None


def _phrases(short: str, text: str, at: int, segmenter: Segmenter, lone_last: bool) -> set[str]:
    """The phrases at `at` in `text` whose words begin with `short`'s characters in order."""
    if text[at : at + 1] != short[0]:
        return set()
    sizes = range(2, LONGEST_PIECE + 1)
    words = [
        text[at : at + n]
        for n in sizes
        if at + n <= len(text) and segmenter.frequency(text[at : at + n])
    ]
    if len(short) == 1:  # the last word: the longest the dictionary holds
        return {words[-1]} if words else {short} if lone_last else set()
    return {
        word + rest
        for word in words
        for rest in _phrases(short[1:], text, at + len(word), segmenter, lone_last)
    }


def with_phrases(
    query: Query, shorts: Sequence[Word], texts: Sequence[str], segmenter: Segmenter,
    written: Sequence[Word] = (), held: Callable[[str], int] | None = None,
) -> Query:  # fmt: skip
    """`query` with each of `shorts` that `texts` spell out searching its phrase too: as its
    words (法律, 援助) and, to be found whole, as a synonym is (法律援助); and each of the
    `written` short forms whose phrase far more passages hold than hold it (武警 in 20,
    武装警察 in 109, where a law writes 人民武装警察 throughout): `held` counts the passages
    holding a term (a phrase: by its rarest character pair)."""
    phrases = {w: spelled_out(w.text, texts, segmenter) for w in shorts}
    for w in written:
        phrase = spelled_out(w.text, texts, segmenter)
        if phrase is None or held is None:
            continue
        if min(map(held, segmenter.bigrams(phrase)), default=0) >= SPELLED_MORE * held(w.text):
            phrases[w] = phrase
    if not any(phrases.values()):
        return query
    words = tuple(
        Word(w.text, w.terms | frozenset(segmenter.expand([p])), w.expansions | {p})
        if (p := phrases.get(w))
        else w
        for w in query.words
    )
    pairs = tuple(b for p in phrases.values() if p for b in segmenter.bigrams(p))
    return Query(words, query.bigrams + pairs)
