"""The answer pipeline: a question in, ranked passages with matches and snippets out.

Every front end (the CLI, private chats, groups, inline mode) calls `answer`. Ranking is
BM25 over passage and heading terms, with the question's words expanded by the synonym
table at a lower weight. A passage is returned only when the words it matches carry enough
of the question's weight: a question whose distinctive words are not in the corpus
("今天股市行情如何" shares only 今天 with a speech) gets no passage rather than noise.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from functools import cached_property, lru_cache

from retrieval import bm25, highlight
from retrieval.catalog import memo
from retrieval.index import SearchIndex
from retrieval.model import Answer, Document, Hit, Passage
from retrieval.normalize import fold, valid_text
from retrieval.parts import heading_named, headings_named, place_passages, read_place
from retrieval.segment import BIGRAM, Segmenter, stopwords
from retrieval.structure import announces
from retrieval.synonyms import synonyms
from retrieval.targets import (
    Target,
    find_target,
    holds_quote,
    in_runs,
    named_by_fragment,
    passage_years,
)

MAX_QUESTION_CHARS = 200  # longer input is cut: nobody's question is longer, pasted text is
LEADING_HITS = 3  # a structure question goes to the document its best passages share
STRUCTURE_WORD_WEIGHT = 3.0  # a word this telling asks about content, not structure
MAX_ANNOUNCED_ITEMS = 8  # items a list's announcement brings along
POOL = 200  # candidates BM25 hands to the filters and re-ranking, whatever top_k is
SMALL_CORPUS = 25  # passages of one speech


@dataclass(frozen=True)
class Ranking:
    """Tuning of the pipeline, measured on the evaluation sets (see README)."""

    synonym_weight: float = 0.5
    bigram_weight: float = 0.3
    min_coverage: float = 0.15  # share of the question's information a passage must match
    # ... when the question names no document, rising with the corpus's size: the more
    # passages, the likelier a rare word of an off-topic question (天气, 二手车) is shared by
    # chance; from min_coverage at a speech's few dozen passages to this cap
    max_coverage: float = 0.5
    coverage_per_e: float = 0.08  # rise for each e-fold of passages past SMALL_CORPUS
    weak_coverage: float = 0.3  # below this, the passage must also hold the most telling word
    common_information: float = 6.0  # -ln share of words as common as 里 or 做: say nothing
    min_weight: float = 0.2  # every word still counts a little
    part_match: float = 0.5  # credit for matching only the words inside a longer word
    coverage_weight: float = 0.5  # share of the score that follows coverage
    phrase_weight: float = 0.5  # score boost for holding the question's wording in order
    year_boost: float = 1.5  # a passage that speaks of the year asked about
    own_year_boost: float = 1.2  # ... in the document of that year (the year's own report)
    place_boost: float = 1.6  # a document of the place the question names (广东今年…)
    # a question most of whose information is in words the corpus never uses asks about
    # something else (门票, 比特币, 世界杯), whatever rare word it shares; in a large corpus,
    # where such chance sharing happens (in one speech, coverage already says it all)
    max_absent: float = 0.5
    absent_per_e: float = 0.17  # from 1 (no rule) at SMALL_CORPUS down to max_absent
    absent_weight: float = 3.0  # ... counting words this telling (colloquial 光听 is not)


DEFAULT_RANKING = Ranking()


@dataclass(frozen=True)
class Word:
    """A word of the question and every index term that counts as finding it."""

    text: str
    terms: frozenset[str]  # the word and the dictionary words inside it
    expansions: frozenset[str]  # synonyms: found at a lower weight

    # Worked out once per question, not for each of the pool's 200 passages.
    @cached_property
    def spellings(self) -> tuple[str, ...]:
        """The word and its synonyms: what finds it whole in a text."""
        return tuple({self.text} | self.expansions)

    @cached_property
    def parts(self) -> tuple[str, ...]:
        """The dictionary words inside it, itself excepted."""
        return tuple(self.terms - {self.text})


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


def _covered_by_parts(word: Word, found: Callable[[str], bool]) -> bool:
    """Whether the words inside `word` that are `found` cover all of its characters."""
    seen = [False] * len(word.text)
    for term in word.parts:
        if found(term):
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
        elif _covered_by_parts(word, text.__contains__):
            covered += weight * ranking.part_match
    return covered / total if total else 0.0


def _found(word: Word, text: str) -> bool:
    return any(term in text for term in word.spellings)


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


def phrase_share(question: str, text: str) -> float:
    """The share of the question's characters that the passage holds in runs of four or
    more in the same order: exact wording ranks above the same words apart."""
    q = _wording(question)
    return in_runs(q, text) / len(q) if q else 0.0


@lru_cache(maxsize=64)  # one question meets the pool's 200 passages
def _wording(question: str) -> str:
    return re.sub(r"[\W_]+", "", question)


@dataclass(frozen=True)
class Candidate:
    """A passage BM25 ranked for a question, with the share of the question it covers."""

    passage: Passage
    score: float  # after re-ranking; the BM25 score is `bm25`
    coverage: float
    kept: bool  # passes the threshold: shown to the user
    bm25: float = 0.0
    rule: str = ""  # why it was dropped before the threshold (another document, year…)


def _pool(
    index: SearchIndex, query: Query, target: Target, ranking: Ranking
) -> list[tuple[int, float]]:
    """BM25's best passages for the query, within the documents the question names."""
    allowed = None if target.docs is None else index.allowed(target.docs)
    ids, scores = bm25.top_k(index.postings, query.weights(ranking), POOL, allowed)
    return list(zip(ids.tolist(), scores.tolist(), strict=True))


def candidates(
    index: SearchIndex,
    query: Query,
    top_k: int,
    segmenter: Segmenter,
    ranking: Ranking,
    question: str = "",
    target: Target | None = None,
    weights: Sequence[float] | None = None,
) -> list[Candidate]:
    """Every candidate of the pool, re-ranked, kept ones first; the first `top_k` kept ones
    are the answer."""
    target = target or Target()
    weights = weights or word_weights(query, segmenter, ranking)
    telling = telling_words(query, weights, ranking)
    folded_question = fold(question)
    years = set(target.years)
    soft = set(target.soft_years)
    doc_years = index.doc_years
    floor = open_coverage(len(index.passages), ranking)
    if (
        target.docs is None
        and not target.phrases
        and absent_share(query, weights, index, ranking)
        >= absent_limit(len(index.passages), ranking)
    ):
        floor = 2.0  # nothing is kept
    ids = _pool(index, query, target, ranking)
    pool = [(index.passages[i], score) for i, score in ids]
    texts = [index.searchable(i) for i, _ in ids]
    # a quote that some passage holds is a constraint; one that none holds was misremembered
    holds = [all(holds_quote(q, t) for q in target.phrases) for t in texts]
    quoted = bool(target.phrases) and any(holds)
    rows = []
    for (passage, score), text, whole in zip(pool, texts, holds, strict=True):
        share = coverage(query, weights, text, ranking)
        ok = kept(score, share, telling, text, ranking) and (
            target.docs is not None or share >= floor
        )
        rule = ""
        if quoted and whole:
            ok = score > 0  # the quoted phrase itself is found: famous phrases are common words
        elif quoted:
            rule = "phrase"
        own_year = doc_years.get(passage.doc) in years
        said = passage_years(text, doc_years.get(passage.doc)) if years or soft else set()
        spoken = said & (years | soft)
        if years and not (said & years or own_year):
            rule = rule or "year"
        ok = ok and not rule
        boost = 1.0
        if ok:  # the order of what is shown; the rest stays in BM25's
            # what the passage covers of the question's information, then its wording in order
            boost = (1 - ranking.coverage_weight + ranking.coverage_weight * share) * (
                1 + ranking.phrase_weight * phrase_share(folded_question, text)
            )
            if spoken:
                boost *= ranking.year_boost
            if own_year:
                boost *= ranking.own_year_boost
            if passage.doc in target.preferred:
                boost *= ranking.place_boost
        rows.append(Candidate(passage, score * boost, share, ok, score, rule))
    rows.sort(key=lambda c: (not c.kept, -c.score))
    return rows


def absent_share(
    query: Query, weights: Sequence[float], index: SearchIndex, ranking: Ranking
) -> float:
    """The share of the question's information in telling words no passage holds, nor any
    of their synonyms: neither as a word of the index, nor as a run of character pairs, nor
    as words of the index that make it up (党委书记: 党委 and 书记)."""
    vocabulary = index.postings.vocabulary

    def held(term: str) -> bool:
        pairs = (BIGRAM + term[i : i + 2] for i in range(len(term) - 1))
        return term in vocabulary or all(p in vocabulary for p in pairs)

    total = absent = 0.0
    for word, weight in zip(query.words, weights, strict=True):
        total += weight
        # Latin words are left out: markup, code and English asides, not the topic
        if (
            weight >= ranking.absent_weight
            and len(word.text) >= 2
            and not word.text.isascii()
            and not any(held(t) for t in {word.text, *word.expansions})
            and not _covered_by_parts(word, vocabulary.__contains__)
        ):
            absent += weight
    return absent / total if total else 0.0


def absent_limit(passages: int, ranking: Ranking) -> float:
    """The share of a question's information that may be absent from a corpus this size."""
    fall = ranking.absent_per_e * math.log(max(passages, 1) / SMALL_CORPUS)
    return min(max(1.0 - fall, ranking.max_absent), 1.0)


def open_coverage(passages: int, ranking: Ranking) -> float:
    """The least coverage for a question that names no document, in a corpus this size."""
    rise = ranking.coverage_per_e * math.log(max(passages, 1) / SMALL_CORPUS)
    return min(max(ranking.min_coverage + rise, ranking.min_coverage), ranking.max_coverage)


def answer(
    index: SearchIndex,
    question: str,
    segmenter: Segmenter,
    top_k: int = 5,
    ranking: Ranking = DEFAULT_RANKING,
    docs: frozenset[str] | None = None,
) -> Answer:
    """The answer pipeline. `docs` restricts the search to those documents (the CLI's
    --doc, a group's reading scope); otherwise the question may name its documents."""
    question = valid_text(question)
    if not question.strip():
        return Answer(question, (), (), reason="empty")
    query = parse_question(question, segmenter)
    if not query.words:
        return Answer(question, (), (), reason="no_terms")
    target = find_target(question, index.catalog)
    if docs is not None:
        target = replace(target, docs=docs if target.docs is None else target.docs & docs)
    if target.missing:
        note = f"资料库中没有{target.missing}"
        return Answer(question, query.terms, (), reason="missing", note=note)
    weights = word_weights(query, segmenter, ranking)
    placed = _placed(index, question, query, target, weights)
    shown: list[tuple[Passage, float]] = []
    if not placed:
        pool = candidates(index, query, top_k, segmenter, ranking, question, target, weights)
        shown = [(c.passage, c.score) for c in pool if c.kept]
        leading = {p.doc for p, _ in shown[:LEADING_HITS]}
        if len(leading) == 1 and target.docs is None and read_place(question).asked:
            # "好老师讲话里要有哪几条": the document the question's words point at
            placed = _placed(
                index, question, query, replace(target, docs=frozenset(leading)), weights
            )
    if placed:
        scored = [(p, float(len(placed) - i)) for i, p in enumerate(placed[:top_k])]
    else:
        scored = _with_announced_items(index, shown)[:top_k]
    if not scored:
        return Answer(question, query.terms, (), reason="weak", understood=target.understood)
    words = query.all_terms
    hits = []
    for rank, (passage, score) in enumerate(scored, start=1):
        found = highlight.spans(passage.text, words)
        matched = tuple(dict.fromkeys(fold(passage.text[s:e]) for s, e in found))
        snippet = highlight.snippet(passage.text, found)
        hits.append(Hit(rank, score, passage, matched, found, snippet))
    return Answer(question, query.terms, tuple(hits), understood=target.understood)


def _placed(
    index: SearchIndex, question: str, query: Query, target: Target, weights: Sequence[float]
) -> list[Passage]:
    """The passages a question about the structure asks for ("第三部分讲了什么"), when it
    points into one document: the one it names, or the corpus's only one."""
    place = read_place(question)
    if not place.asked:
        return []
    documents: Sequence[Document] = index.catalog
    if target.docs is not None:
        documents = [d for d in documents if d.doc in target.docs]
    if len(documents) > 1:  # a run of its title (廉政谈话第三部分), or a quote from it
        documents = (
            named_by_fragment(documents, question)
            or named_by_fragment(documents, question, headings=True)
            or _quoting(documents, target.phrases)
            or documents
        )
    words = [w.text for w in query.words]
    if len(documents) == 1:  # words that name the document do not name one of its parts
        title = fold(" ".join((documents[0].title, *documents[0].meta.names)))
        words = [w for w in words if w not in title]
    if len(documents) > 1 and place.listing and words:
        documents = headings_named(documents, words)
    if len(documents) != 1:
        return []
    document = documents[0]
    if (
        place.listing
        and place.part is None
        and place.point is None
        and not heading_named(document, words)
    ):
        # "八项规定具体有哪几条内容": a list asked of something the document does not name
        title = fold(" ".join((document.title, *document.meta.names)))
        if any(
            w.text not in title and weight >= STRUCTURE_WORD_WEIGHT
            for w, weight in zip(query.words, weights, strict=True)
        ):
            return []
    return place_passages(document, place, words)


def _quoting(documents: Sequence[Document], phrases: Sequence[str]) -> list[Document]:
    """The documents whose headings hold every quoted phrase. Headings are folded once per
    catalog, and a document without any cannot hold a quote."""
    if not phrases:
        return []

    def build() -> list[tuple[int, str]]:
        texts = (
            (i, fold("\n".join(h.path[-1] for h in d.headings))) for i, d in enumerate(documents)
        )
        return [(i, text) for i, text in texts if text]

    texts = memo(documents, "heading_texts", build)
    return [documents[i] for i, text in texts if all(holds_quote(p, text) for p in phrases)]


def _with_announced_items(
    index: SearchIndex, shown: list[tuple[Passage, float]]
) -> list[tuple[Passage, float]]:
    """A first passage that announces a list ("主要有这么四件事") brings its items, in
    order, right after it: the answer is the items, not their announcement."""
    if not shown or not announces(shown[0][0].text):
        return shown
    first, score = shown[0]
    items = [
        p
        for p in index.neighbours(first, before=0, after=MAX_ANNOUNCED_ITEMS)
        if p is not first
        and len(p.section) > len(first.section)
        and p.section[: len(first.section)] == first.section
    ]
    listed = {p.key for p in items}
    rest = [(p, s) for p, s in shown[1:] if p.key not in listed]
    return [(first, score), *((p, score) for p in items), *rest]


@dataclass(frozen=True)
class ExplainedRow:
    passage: Passage
    score: float
    coverage: float
    kept: bool
    matched: tuple[str, ...]  # question terms (and synonyms) found in the passage or headings
    rule: str = ""  # why it was dropped whatever its coverage: "year", "phrase"


@dataclass(frozen=True)
class Explanation:
    """The hit test admins run: how a question was read and why passages were kept."""

    words: tuple[tuple[str, float], ...]  # question words and their coverage weights
    threshold: float  # least coverage shown
    weak: float  # below this coverage, the most telling word must be matched too
    telling: tuple[str, ...]  # that word (and any tied); none: common words, matched whole
    rows: tuple[ExplainedRow, ...]
    target: Target = field(default_factory=Target)  # documents, years, quotes it names
    absent: float = 0.0  # share of its information in words the corpus never uses
    absent_limit: float = 1.0  # at or above which nothing is shown
    structure: tuple[Passage, ...] = ()  # the answer from the heading tree, when it is one


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
    target = find_target(question, index.catalog) if query.words else Target()
    rows = []
    ranked = candidates(index, query, top_k, segmenter, ranking, question, target, weights)
    for c in ranked[:top_k]:
        text = searchable_text(c.passage)
        matched = tuple(t for t in sorted(query.all_terms, key=len, reverse=True) if t in text)
        rows.append(ExplainedRow(c.passage, c.score, c.coverage, c.kept, matched, c.rule))
    named = target.docs is not None
    return Explanation(
        words=tuple(zip((w.text for w in query.words), weights, strict=True)),
        threshold=ranking.min_coverage if named else open_coverage(len(index.passages), ranking),
        weak=ranking.weak_coverage,
        telling=tuple(w.text for w in telling_words(query, weights, ranking)),
        rows=tuple(rows) if query.words else (),
        target=target,
        absent=absent_share(query, weights, index, ranking) if query.words else 0.0,
        absent_limit=1.0 if named else absent_limit(len(index.passages), ranking),
        structure=tuple(_placed(index, question, query, target, weights)) if query.words else (),
    )
