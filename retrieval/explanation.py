"""The hit test admins run (`/explain`, `studybot explain`): how the answer pipeline read a
question, and why each of its best passages was shown or not."""

from __future__ import annotations

from dataclasses import dataclass, field

from retrieval.coverage import holds
from retrieval.dates import digit_years
from retrieval.index import SearchIndex, searchable_text
from retrieval.model import Passage
from retrieval.normalize import fold, valid_text
from retrieval.parts import read_place
from retrieval.question import MAX_QUESTION_CHARS, Query
from retrieval.refusal import (
    absent_limit,
    absent_share,
    leniently_judged,
    open_coverage,
    standout,
    weak_bar,
)
from retrieval.search import (
    DEFAULT_RANKING,
    Ranking,
    judged,
    read_question,
    structure_answer,
    word_weights,
)
from retrieval.segment import Segmenter
from retrieval.targets import Target


@dataclass(frozen=True)
class ExplainedRow:
    passage: Passage
    score: float
    coverage: float
    kept: bool
    matched: tuple[str, ...]  # question terms (and synonyms) found in the passage or headings
    rule: str = ""  # why it was dropped whatever its coverage: "year", "phrase"
    loose: bool = False  # kept below the bar, among a named document's closest passages


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
    synonyms: tuple[tuple[str, tuple[str, ...]], ...] = ()  # words the corpus writes otherwise
    closest: Passage | None = None  # shown alone when none is kept: it stands out
    rule_threshold: float = 0.0  # a rule text's lower bar (能不能…, 怎么罚, 归谁管), if any


def explain(
    index: SearchIndex,
    question: str,
    segmenter: Segmenter,
    ranking: Ranking = DEFAULT_RANKING,
    top_k: int = 5,
) -> Explanation:
    question = valid_text(question)[:MAX_QUESTION_CHARS]
    query, target = (
        read_question(index, question, segmenter, ranking)
        if question.strip()
        else (Query((), ()), Target())
    )
    weights = word_weights(query, segmenter, ranking)
    rows = []
    ranked, telling = judged(index, query, top_k, segmenter, ranking, question, target, weights)
    # as `answer` shows it: none kept, and no place of the text asked
    asked = read_place(question).asked if question.strip() else False
    lone = None if asked else standout(ranked, weights, ranking)
    terms = sorted(query.all_terms, key=len, reverse=True)
    for c in ranked[:top_k]:
        text = searchable_text(c.passage)
        matched = tuple(t for t in terms if holds(t, text))  # (numbers whole, as coverage reads)
        rows.append(ExplainedRow(c.passage, c.score, c.coverage, c.kept, matched, c.rule, c.loose))
    named = target.docs is not None
    threshold = ranking.min_coverage if named else open_coverage(index.paragraphs, ranking)
    lenient = leniently_judged(index, digit_years(fold(question)), target)
    absent = absent_share(query, weights, index, ranking) if query.words else 0.0
    limit = 1.0 if named else absent_limit(index.paragraphs, ranking)
    open_bar = bool(query.words) and absent < limit  # (else nothing is kept, whatever the bar)
    return Explanation(
        words=tuple(zip((w.text for w in query.words), weights, strict=True)),
        threshold=threshold,
        weak=weak_bar(ranking, target.named),
        telling=tuple(w.text for w in telling),
        rows=tuple(rows) if query.words else (),
        target=target,
        absent=absent,
        absent_limit=limit,
        structure=tuple(structure_answer(index, question, query, target, weights)[:top_k])
        if query.words
        else (),
        synonyms=tuple((w.text, tuple(sorted(w.kin))) for w in query.words if w.kin),
        closest=lone.passage if lone else None,
        rule_threshold=threshold * ranking.rule_coverage if lenient and open_bar else 0.0,
    )
