"""The benchmark's synthetic data and its comparison with rank-bm25, at small sizes."""

from __future__ import annotations

import os
from collections import Counter
from functools import cache
from pathlib import Path

import jieba
import numpy as np
import pytest

from retrieval import bench

N = 2_000
QUERIES = 20


@cache
def dictionary() -> dict[str, int]:
    """jieba's dict.txt read independently of the module under test."""
    path = os.path.join(os.path.dirname(jieba.__file__), "dict.txt")
    with open(path, encoding="utf-8") as f:
        return {word: int(freq) for word, freq, _tag in (line.split(" ") for line in f)}


@pytest.fixture(scope="module")
def results() -> list[bench.BenchResult]:
    return bench.run([N], queries=QUERIES)


def test_corpus_is_deterministic_for_a_seed() -> None:
    assert bench.synthetic_corpus(N, seed=3) == bench.synthetic_corpus(N, seed=3)
    assert bench.synthetic_queries(QUERIES, seed=5) == bench.synthetic_queries(QUERIES, seed=5)


def test_corpus_differs_across_seeds() -> None:
    assert bench.synthetic_corpus(N, seed=3) != bench.synthetic_corpus(N, seed=4)
    assert bench.synthetic_queries(QUERIES, seed=5) != bench.synthetic_queries(QUERIES, seed=6)


def test_corpus_shape() -> None:
    corpus = bench.synthetic_corpus(N)
    assert len(corpus) == N
    lengths = np.array([len(p) for p in corpus])
    assert lengths.min() >= bench.MIN_WORDS and lengths.max() <= bench.MAX_WORDS
    assert len(set(lengths.tolist())) > 20  # a spread of lengths, not one fixed length
    assert bench.synthetic_corpus(0) == []


def test_words_come_from_jieba_dictionary_by_frequency() -> None:
    words = dictionary()
    counts = Counter(w for p in bench.synthetic_corpus(N) for w in p)
    assert set(counts) <= words.keys()
    # Drawn by frequency: the corpus's commonest words are among the dictionary's commonest.
    top_dict = {w for w, _ in Counter(words).most_common(50)}
    assert {w for w, _ in counts.most_common(5)} <= top_dict


def test_queries_are_distinct_dictionary_words() -> None:
    words = dictionary().keys()
    queries = bench.synthetic_queries(200)
    assert len(queries) == 200
    for q in queries:
        assert bench.MIN_QUERY_WORDS <= len(q) <= bench.MAX_QUERY_WORDS
        assert len(set(q)) == len(q)
        assert set(q) <= words


def test_run_agrees_with_rank_bm25(results: list[bench.BenchResult]) -> None:
    (result,) = results
    assert result.passages == N
    assert result.reference is not None
    assert result.compared == QUERIES
    assert result.mismatches == 0
    assert result.agree is True
    assert result.ratio is not None and result.ratio > 0
    for row in (result.ours, result.reference):
        assert row.passages == N
        assert row.queries == QUERIES
        assert row.index_seconds > 0
        assert 0 < row.p50_ms <= row.p99_ms
        assert row.peak_mb >= row.index_mb > 0
    assert [r.engine for r in (result.ours, result.reference)] == [bench.OURS, bench.REFERENCE]


def test_format_table(results: list[bench.BenchResult]) -> None:
    table = bench.format_table(results)
    lines = table.splitlines()
    assert len(lines) == 4  # header, rule, one row per engine
    engine_column = lines[0].index("engine")
    assert lines[2].index(bench.OURS) == lines[3].index(bench.REFERENCE) == engine_column
    assert bench.OURS in lines[2] and "yes on 20 queries" in lines[2]
    assert bench.REFERENCE in lines[3]


def test_reference_skipped_above_limit() -> None:
    (result,) = bench.run([500], queries=3, reference_limit=100)
    assert result.reference is None and result.agree is None and result.ratio is None
    assert "skipped" in result.note
    assert "skipped" in bench.format_table([result])
    (result,) = bench.run([500], queries=3, with_reference=False)
    assert result.reference is None and result.note == ""


def test_reference_query_count() -> None:
    (result,) = bench.run([500], queries=6, reference_queries=2)
    assert result.ours.queries == 6
    assert result.reference is not None and result.reference.queries == 2
    assert result.compared == 2 and result.agree is True


def test_same_top_detects_differences() -> None:
    ref = np.array([3.0, 2.0, 1.0, 0.0, 0.0])
    assert bench.same_top(np.array([3.0, 2.0, 1.0]), ref)
    assert bench.same_top(ref[:3] + 1e-12, ref[:3])
    assert not bench.same_top(np.array([3.0, 2.0, 1.0 + 1e-6]), ref)
    assert not bench.same_top(np.array([3.0, 2.0]), ref)  # missed a matching passage
    assert not bench.same_top(ref, ref[:3])


def test_write_corpus_dir(tmp_path: Path) -> None:
    bench.write_corpus_dir(tmp_path, 250, seed=7, per_file=100)
    files = sorted(tmp_path.iterdir())
    assert [f.name for f in files] == ["synthetic-1.txt", "synthetic-2.txt", "synthetic-3.txt"]
    expected = ["".join(p) + "。" for p in bench.synthetic_corpus(250, seed=7)]
    paragraphs = []
    for i, f in enumerate(files, start=1):
        title, *lines = f.read_text(encoding="utf-8").splitlines()
        assert title == f"合成语料 第{i}部分"
        assert len(lines) == (100 if i < 3 else 50)
        paragraphs.extend(lines)
    assert paragraphs == expected
    assert all(" " not in p and p.endswith("。") for p in paragraphs)


def test_peers_on_the_same_tokens() -> None:
    """Installed peers (`pip install -e '.[bench]'`) run on the same corpus and queries."""
    peers = bench.available_peers()
    if not peers:
        pytest.skip("no peer engine installed (the `bench` extra)")
    (result,) = bench.run([500], queries=5, with_reference=False, peers=peers)
    assert [row.engine for row in result.peers] == list(peers)
    for row in result.peers:
        assert row.passages == 500 and row.queries == 5 and 0 < row.p50_ms <= row.p99_ms
        if row.engine == "rank-bm25-rs":  # rank-bm25's scores, as ours
            assert row.agreement == "same scores on 5 queries"
        else:
            assert row.agreement.startswith("top-10 overlap")
    table = bench.format_table([result])
    assert all(name in table for name in peers)


def test_unknown_peers_are_refused() -> None:
    with pytest.raises(ValueError, match="unknown engines"):
        bench.run([10], queries=1, peers=["lucene"])


def test_pipeline_times_both_on_every_question_in_turn() -> None:
    from retrieval import pipebench

    asked: list[tuple[str, str]] = []

    class Stub:
        def answer(self, question: str) -> str:
            asked.append(("reference", question))
            return "{}"

    def ours(question: str) -> str:
        asked.append(("ours", question))
        return "{}"

    questions = pipebench.default_questions(12)
    result = pipebench.run(ours, Stub, 100, questions)
    # a warm-up each, then ours and the reference on each question in turn
    assert asked[2:] == [(who, q) for q in questions for who in ("ours", "reference")]
    assert result.ours.questions == result.reference.questions == 12
    assert result.ratio == result.ours.mean_ms / result.reference.mean_ms
    assert "ours / reference" in pipebench.format_result(result)


def test_pipeline_questions_use_every_frame() -> None:
    from retrieval import pipebench

    questions = pipebench.default_questions(len(pipebench.FRAMES) * 2)
    assert questions == pipebench.default_questions(len(pipebench.FRAMES) * 2)
    assert any("讲了哪几点" in q for q in questions) and any("“" in q for q in questions)


def test_pipeline_beside_tantivy_on_the_bundled_corpus(tmp_path: Path) -> None:
    pytest.importorskip("tantivy")
    from tests.test_cli import studybot

    questions = tmp_path / "q.txt"
    questions.write_text("家属应该做什么？\n今天股市行情如何\n", encoding="utf-8")
    run = studybot("bench", "--pipeline", "--questions", str(questions), db=tmp_path / "b.db")
    assert run.returncode == 0, run.stderr
    assert "2 questions" in run.stdout and "jieba + tantivy" in run.stdout
