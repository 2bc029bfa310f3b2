"""Per-question cost of the whole answer pipeline beside a jieba + tantivy pipeline.

`studybot bench` times the BM25 engine alone; a question costs more: reading what it names,
the filters and re-ranking of BM25's best 100, highlighting and JSON. This times what
`studybot search --json -` does for each line (the caller passes that as a function) beside
what a user could build instead from jieba and tantivy, in one process, question by
question in turn (ours, then the reference), so both see the same machine at the same time.

The reference indexes the terms the store holds for each passage (jieba's words, sub-words
and bigrams: the same tokens as ours), cuts each question with jieba's search mode, ORs its
words, takes tantivy's 5 best passages and writes their titles and texts as JSON. It ranks
with tantivy's own BM25 and reads no names, years, quotes or structure: it is the floor
of what answering a question costs, not an answer as good.
"""

from __future__ import annotations

import json
import re
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Protocol

import numpy as np

from retrieval import thesaurus
from retrieval.bench import synthetic_queries

TOP_K = 5
_WORD = re.compile(r"\w")
# Frames of real questions around synthetic words, so that reading what a question names,
# structure questions and the filters all run, not BM25 alone.
FRAMES = (
    "{0}{1}",
    "关于{0}和{1}有什么要求？",
    "讲话里{0}是怎么说的",
    "{0}{1}讲了哪几点",
    "2021年政府工作报告里{0}怎么说",
    "“{0}{1}”出自哪里",
)


@dataclass(frozen=True)
class PipelineRow:
    """One pipeline's cost per question, in milliseconds."""

    name: str
    questions: int
    mean_ms: float
    p50_ms: float
    p99_ms: float

    @classmethod
    def of(cls, name: str, latencies_ms: Sequence[float]) -> PipelineRow:
        values = np.asarray(latencies_ms)
        p50, p99 = np.percentile(values, [50, 99])
        return cls(name, len(values), float(values.mean()), float(p50), float(p99))


@dataclass(frozen=True)
class PipelineResult:
    passages: int
    ours: PipelineRow
    reference: PipelineRow
    reference_build_seconds: float

    @property
    def ratio(self) -> float:
        """Our mean cost per question over the reference's (issue 14: at most 1.5)."""
        return self.ours.mean_ms / self.reference.mean_ms


def default_questions(n: int = 300, seed: int = 7) -> list[str]:
    """`n` questions: synthetic words (drawn like the synthetic corpus's) in FRAMES."""
    words = synthetic_queries(n, seed)
    return [FRAMES[i % len(FRAMES)].format(w[0], w[1 % len(w)]) for i, w in enumerate(words)]


class Pipeline(Protocol):
    def answer(self, question: str) -> str: ...


class Reference:
    """jieba + tantivy: an in-memory index of the passages' terms, answering in JSON."""

    def __init__(self, titles: Sequence[str], texts: Sequence[str], terms: Iterable[str]):
        import jieba
        import tantivy

        builder = tantivy.SchemaBuilder()
        builder.add_text_field("body", tokenizer_name="whitespace", index_option="freq")
        builder.add_text_field("title", stored=True, index_option="basic")
        builder.add_text_field("text", stored=True, index_option="basic")
        self._schema = builder.build()
        index = tantivy.Index(self._schema)
        writer = index.writer(heap_size=256_000_000)
        for title, text, body in zip(titles, texts, terms, strict=True):
            writer.add_document(tantivy.Document(body=body, title=title, text=text))
        writer.commit()
        writer.wait_merging_threads()
        index.reload()
        self._searcher = index.searcher()
        self._tantivy = tantivy
        self._cut = jieba.lcut_for_search
        self._cut("预热")  # jieba loads its dictionary on first use: not a question's cost

    def answer(self, question: str) -> str:
        tantivy = self._tantivy
        words = dict.fromkeys(w.lower() for w in self._cut(question) if _WORD.search(w))
        query = tantivy.Query.boolean_query(
            [
                (tantivy.Occur.Should, tantivy.Query.term_query(self._schema, "body", w))
                for w in words
            ]
        )
        hits = []
        for score, address in self._searcher.search(query, TOP_K).hits:
            doc = self._searcher.doc(address)
            hits.append({"title": doc["title"][0], "text": doc["text"][0], "score": score})
        return json.dumps({"query": question, "results": hits}, ensure_ascii=False)


def run(
    ours: Callable[[str], str],
    reference: Callable[[], Pipeline],
    passages: int,
    questions: Sequence[str],
) -> PipelineResult:
    """Time `ours` and the reference `reference()` builds on each question in turn."""
    start = time.perf_counter()
    ref = reference()
    build = time.perf_counter() - start
    ours(questions[0])  # warm-up: jieba's dictionary, first pages of the postings
    thesaurus.load()  # and the thesaurus, read once per process as jieba's dictionary is
    ref.answer(questions[0])
    mine, theirs = [], []
    for q in questions:
        t0 = time.perf_counter_ns()
        ours(q)
        t1 = time.perf_counter_ns()
        ref.answer(q)
        t2 = time.perf_counter_ns()
        mine.append((t1 - t0) / 1e6)
        theirs.append((t2 - t1) / 1e6)
    return PipelineResult(
        passages,
        PipelineRow.of("studybot search --json", mine),
        PipelineRow.of("jieba + tantivy", theirs),
        build,
    )


def format_result(result: PipelineResult) -> str:
    lines = [f"{result.passages:,} passages, {result.ours.questions} questions, ms per question"]
    lines.append(f"{'pipeline':<24} {'mean':>7} {'p50':>7} {'p99':>7}")
    for row in (result.ours, result.reference):
        lines.append(f"{row.name:<24} {row.mean_ms:7.2f} {row.p50_ms:7.2f} {row.p99_ms:7.2f}")
    lines.append(
        f"ours / reference (mean): {result.ratio:.2f}"
        f" (reference index built in {result.reference_build_seconds:.1f} s, not counted)"
    )
    return "\n".join(lines)


__all__ = [
    "FRAMES",
    "Pipeline",
    "PipelineResult",
    "PipelineRow",
    "Reference",
    "default_questions",
    "format_result",
    "run",
]
