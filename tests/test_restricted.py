"""A search restricted to some documents is the exact top k among their passages."""

from __future__ import annotations

import numpy as np
import pytest

from retrieval import bm25
from retrieval.index import SearchIndex
from retrieval.model import Document
from retrieval.segment import default_segmenter
from retrieval.structure import parse
from tests.indexing import index_of

TOPICS = ["家风建设", "廉洁自律", "配偶子女", "学习教育", "基层治理", "经济发展"]


@pytest.fixture(scope="module")
def index() -> SearchIndex:
    documents: list[Document] = []
    for n in range(12):  # documents of overlapping topics, so restrictions change the ranking
        lines = [f"第{n}号文件"]
        for i in range(8):
            a, b = TOPICS[(n + i) % len(TOPICS)], TOPICS[(n * i) % len(TOPICS)]
            lines.append(f"要抓好{a}，推进{b}，第{i}项工作由第{n}组负责。")
        documents.append(parse(f"d{n:02}.txt", lines))
    return index_of(documents, default_segmenter())


@pytest.mark.parametrize("question", ["家风建设和廉洁自律", "基层治理的工作", "配偶子女学习"])
@pytest.mark.parametrize("docs", [{"d01.txt"}, {"d03.txt", "d07.txt", "d11.txt"}, set()])
def test_the_mask_gives_the_filtered_ranking(
    index: SearchIndex, question: str, docs: set[str]
) -> None:
    weights = dict.fromkeys(default_segmenter().terms(question), 1.0)
    weights.update(dict.fromkeys(default_segmenter().bigrams(question), 0.3))
    mask = index.allowed(docs)
    assert mask.sum() == sum(len(d.passages) for d in index.documents if d.doc in docs)
    ids, scores = bm25.top_k(index.postings, weights, 5, mask)
    every, all_scores = bm25.top_k(index.postings, weights, len(index.passages))
    kept = [(i, s) for i, s in zip(every.tolist(), all_scores.tolist(), strict=True) if mask[i]]
    assert ids.tolist() == [i for i, _ in kept[:5]]
    np.testing.assert_allclose(scores, [s for _, s in kept[:5]], rtol=0, atol=1e-12)
    assert all(index.passages[i].doc in docs for i in ids.tolist())
