"""The answer pipeline: a question in, ranked passages with matches and snippets out.

Every front end (the CLI, private chats, groups, inline mode) calls `answer`. Ranking is
BM25 over passage and heading terms, with the question's words expanded by the synonym
table at a lower weight. A passage is returned only when the words it matches carry enough
of the question's weight: a question whose distinctive words are not in the corpus
("今天股市行情如何" shares only 今天 with a speech) gets no passage rather than noise.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from retrieval import bm25, highlight
from retrieval.index import SearchIndex
from retrieval.model import Answer, Hit, Passage
from retrieval.normalize import fold, valid_text
from retrieval.segment import Segmenter, stopwords
from retrieval.synonyms import synonyms

MAX_QUESTION_CHARS = 200  # longer input is cut: nobody's question is longer, pasted text is


@dataclass(frozen=True)
class Ranking:
    """Tuning of the pipeline, measured on the evaluation sets (see README)."""

    synonym_weight: float = 0.5
    bigram_weight: float = 0.3
    min_coverage: float = 0.15  # share of the question's information a passage must match
    weak_coverage: float = 0.3  # below this, the passage must also hold the most telling word
    common_information: float = 6.0  # -ln share of words as common as 里 or 做: say nothing
    min_weight: float = 0.2  # every word still counts a little
    part_match: float = 0.5  # credit for matching only the words inside a longer word


DEFAULT_RANKING = Ranking()


@dataclass(frozen=True)
class Word:
    """A word of the question and every index term that counts as finding it."""

    text: str
    terms: frozenset[str]  # the word and the dictionary words inside it
    expansions: frozenset[str]  # synonyms: found at a lower weight


@dataclass(frozen=True)
class Query:
    words: tuple[Word, ...]
    bigrams: tuple[str, ...]

    def weights(self, ranking: Ranking) -> dict[str, float]:
        weights: dict[str, float] = {}
        for bigram in self.bigrams:
            weights[bigram] = weights.get(bigram, 0.0) + ranking.bigram_weight
        for word in self.words:
            for term in word.terms:
                weights[term] = weights.get(term, 0.0) + 1.0
            for term in word.expansions - word.terms:
                weights[term] = max(weights.get(term, 0.0), ranking.synonym_weight)
        return weights

    @property
    def all_terms(self) -> set[str]:
        """Every word, word part and synonym the question is searched with (not bigrams)."""
        return {t for w in self.words for t in w.terms | w.expansions}

    @property
    def terms(self) -> tuple[str, ...]:
        return tuple(
            dict.fromkeys(t for w in self.words for t in sorted(w.terms, key=len, reverse=True))
        )


def parse_question(question: str, segmenter: Segmenter) -> Query:
    folded = fold(question[:MAX_QUESTION_CHARS])
    stop = stopwords()
    words = []
    for text, _ in segmenter.words(folded):
        if text in stop or not re.search(r"\w", text) or re.fullmatch(r"[a-z]", text):
            continue  # a lone Latin letter (the b of <b>, an x) says nothing to search for
        terms = frozenset(segmenter.expand([text]))
        if not terms:
            continue
        expansions = frozenset(s for t in terms for s in synonyms(t))
        words.append(Word(text, terms, expansions))
    return Query(tuple(words), tuple(segmenter.bigrams(folded)))


def searchable_text(passage: Passage) -> str:
    """The folded text a question's words are looked for in: headings and body."""
    return fold("\n".join((*passage.section, passage.text)))


def word_weights(query: Query, segmenter: Segmenter, ranking: Ranking) -> tuple[float, ...]:
    """What each question word counts for in coverage: its information above the common
    level. Worked out once per question, for every candidate passage."""
    return tuple(
        max(segmenter.information(w.text) - ranking.common_information, ranking.min_weight)
        for w in query.words
    )


def _covered_by_parts(word: Word, text: str) -> bool:
    """Whether the words inside `word` that occur in `text` cover all of its characters."""
    seen = [False] * len(word.text)
    for term in word.terms - {word.text}:
        if term in text:
            start = word.text.find(term)
            while start != -1:
                seen[start : start + len(term)] = [True] * len(term)
                start = word.text.find(term, start + 1)
    return all(seen)


def coverage(query: Query, weights: Sequence[float], text: str, ranking: Ranking) -> float:
    """The share of the question's information that a passage (its `searchable_text`)
    matches, each word weighing its `word_weights` entry.

    A word weighs what it says in general Chinese (jieba's dictionary frequency), less a
    baseline that common words do not exceed, so a question is judged on its telling words:
    "今天股市行情如何" matches 今天 in a speech but not 股市行情, and gets no passage. A word
    counts fully when it or a synonym occurs in the passage or its headings, partly when the
    words inside it that occur there cover it. Occurrence is tested on the text, not the
    passage's terms, so a word that jieba cuts differently in the passage still counts.
    """
    total = covered = 0.0
    for word, weight in zip(query.words, weights, strict=True):
        total += weight
        if _found(word, text):
            covered += weight
        elif _covered_by_parts(word, text):
            covered += weight * ranking.part_match
    return covered / total if total else 0.0


def _found(word: Word, text: str) -> bool:
    return any(term in text for term in {word.text} | word.expansions)


def telling_words(query: Query, weights: Sequence[float], ranking: Ranking) -> tuple[Word, ...]:
    """The question's most telling word (with any tied with it); none when every word is as
    common as 今天 or 吃, so nothing in the question stands out."""
    top = max(weights, default=ranking.min_weight)
    if top <= ranking.min_weight:
        return ()
    return tuple(w for w, weight in zip(query.words, weights, strict=True) if weight == top)


def kept(score: float, share: float, telling: Sequence[Word], text: str, ranking: Ranking) -> bool:
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
    return share >= ranking.weak_coverage or any(_found(w, text) for w in telling)


@dataclass(frozen=True)
class Candidate:
    """A passage BM25 ranked for a question, with the share of the question it covers."""

    passage: Passage
    score: float
    coverage: float
    kept: bool  # passes the threshold: shown to the user


def candidates(
    index: SearchIndex, query: Query, top_k: int, segmenter: Segmenter, ranking: Ranking
) -> list[Candidate]:
    ids, scores = bm25.top_k(index.postings, query.weights(ranking), max(top_k, 1))
    weights = word_weights(query, segmenter, ranking)
    telling = telling_words(query, weights, ranking)
    result = []
    for i, score in zip(ids.tolist(), scores.tolist(), strict=True):
        passage = index.passages[i]
        text = searchable_text(passage)
        share = coverage(query, weights, text, ranking)
        result.append(Candidate(passage, score, share, kept(score, share, telling, text, ranking)))
    return result


def answer(
    index: SearchIndex,
    question: str,
    segmenter: Segmenter,
    top_k: int = 5,
    ranking: Ranking = DEFAULT_RANKING,
) -> Answer:
    question = valid_text(question)
    if not question.strip():
        return Answer(question, (), (), reason="empty")
    query = parse_question(question, segmenter)
    if not query.words:
        return Answer(question, (), (), reason="no_terms")
    shown = [c for c in candidates(index, query, top_k, segmenter, ranking) if c.kept]
    if not shown:
        return Answer(question, query.terms, (), reason="weak")
    words = query.all_terms
    hits = []
    for rank, c in enumerate(shown, start=1):
        found = highlight.spans(c.passage.text, words)
        matched = tuple(dict.fromkeys(fold(c.passage.text[s:e]) for s, e in found))
        snippet = highlight.snippet(c.passage.text, found)
        hits.append(Hit(rank, c.score, c.passage, matched, found, snippet))
    return Answer(question, query.terms, tuple(hits))


@dataclass(frozen=True)
class ExplainedRow:
    passage: Passage
    score: float
    coverage: float
    kept: bool
    matched: tuple[str, ...]  # question terms (and synonyms) found in the passage or headings


@dataclass(frozen=True)
class Explanation:
    """The hit test admins run: how a question was read and why passages were kept."""

    words: tuple[tuple[str, float], ...]  # question words and their coverage weights
    threshold: float  # least coverage shown
    weak: float  # below this coverage, the most telling word must be matched too
    telling: tuple[str, ...]  # that word (and any tied); none: common words, matched whole
    rows: tuple[ExplainedRow, ...]


def explain(
    index: SearchIndex,
    question: str,
    segmenter: Segmenter,
    ranking: Ranking = DEFAULT_RANKING,
    top_k: int = 5,
) -> Explanation:
    question = valid_text(question)
    query = parse_question(question, segmenter) if question.strip() else Query((), ())
    weights = word_weights(query, segmenter, ranking)
    rows = []
    if query.words:
        for c in candidates(index, query, top_k, segmenter, ranking):
            text = searchable_text(c.passage)
            matched = tuple(t for t in sorted(query.all_terms, key=len, reverse=True) if t in text)
            rows.append(ExplainedRow(c.passage, c.score, c.coverage, c.kept, matched))
    return Explanation(
        words=tuple(zip((w.text for w in query.words), weights, strict=True)),
        threshold=ranking.min_coverage,
        weak=ranking.weak_coverage,
        telling=tuple(w.text for w in telling_words(query, weights, ranking)),
        rows=tuple(rows),
    )
