"""Retrieval quality on a labelled question set, beside the plain BM25 baseline.

The question format is that of the shared development set: one JSON object per line,
{"q": question, "relevant": [opening characters of each answering paragraph]}, an empty
list meaning the corpus does not answer. A returned passage is relevant when its text
contains one of those strings, or is a piece (20 characters or more) of a paragraph that
begins with one of them.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from rank_bm25 import BM25Okapi

from retrieval.model import Passage

Ranker = Callable[[str], Sequence[Passage]]  # question -> passages, best first; [] = abstain


@dataclass(frozen=True)
class Question:
    q: str
    relevant: tuple[str, ...]


@dataclass(frozen=True)
class Metrics:
    answerable: int
    out_of_scope: int
    hit1: float
    hit3: float
    mrr5: float
    abstained: int  # out-of-scope questions that got no passage
    wrongly_refused: int  # answerable questions that got no passage
    misses: tuple[str, ...]  # answerable questions without a relevant passage at rank 1
    refusals: tuple[str, ...] = ()  # answerable questions that got no passage
    answered_out_of_scope: tuple[str, ...] = ()  # out-of-scope questions that got passages


def load_questions(path: Path) -> list[Question]:
    questions = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            item = json.loads(line)
            questions.append(Question(str(item["q"]), tuple(item["relevant"])))
        except (ValueError, KeyError, TypeError) as exc:
            raise ValueError(f"{path}:{n}: not a question line ({exc})") from exc
    return questions


def is_relevant(text: str, relevant: Iterable[str], paragraphs: Sequence[str]) -> bool:
    for opening in relevant:
        if opening in text:
            return True
        if len(text) >= 20 and any(p.startswith(opening) and text in p for p in paragraphs):
            return True
    return False


def evaluate(questions: Sequence[Question], rank: Ranker, paragraphs: Sequence[str]) -> Metrics:
    answerable = [q for q in questions if q.relevant]
    out_of_scope = [q for q in questions if not q.relevant]
    hit1 = hit3 = mrr = 0.0
    misses, refusals = [], []
    for q in answerable:
        results = rank(q.q)[:5]
        if not results:
            refusals.append(q.q)
        ranks = [i for i, p in enumerate(results, 1) if is_relevant(p.text, q.relevant, paragraphs)]
        first = ranks[0] if ranks else None
        hit1 += first == 1
        hit3 += first is not None and first <= 3
        mrr += 1 / first if first else 0.0
        if first != 1:
            misses.append(q.q)
    answered = [q.q for q in out_of_scope if rank(q.q)]
    n = max(len(answerable), 1)
    return Metrics(
        len(answerable),
        len(out_of_scope),
        hit1 / n,
        hit3 / n,
        mrr / n,
        len(out_of_scope) - len(answered),
        len(refusals),
        tuple(misses),
        tuple(refusals),
        tuple(answered),
    )


def baseline(passages: Sequence[Passage]) -> Ranker:
    """The reference: one passage per paragraph, jieba.lcut, BM25Okapi defaults, no threshold."""
    import jieba

    bm25 = BM25Okapi([jieba.lcut(p.text) for p in passages])

    def rank(question: str) -> list[Passage]:
        scores = bm25.get_scores(jieba.lcut(question))
        order = sorted(range(len(passages)), key=lambda i: -scores[i])
        return [passages[i] for i in order[:5]]

    return rank
