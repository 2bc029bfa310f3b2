"""Benchmark of our BM25 engine against rank-bm25 and its faster peers on seeded synthetic
Chinese corpora.

Passages are words drawn from jieba's dictionary with probability proportional to their
frequency, so term statistics look like real segmented Chinese (a few very common function
words, a long tail), which is what decides postings lengths and hence our query cost. Every
engine indexes the same tokens and answers the same queries in one process and run. Ours is
built as the store builds it (`counts.build_counts` of the packed terms, `bm25.Postings`) and
queried as a serving process holds it: written to a snapshot file and read back, its lists
read from the file.

The peers are optional (`pip install -e '.[bench]'`): rank-bm25-rs (rank-bm25 in Rust, the
same scores), bm25s (eager sparse scores; clips negative idf to 0) and tantivy (Lucene-like
engine in Rust, k1 1.2 and its own idf, tokens given as a whitespace-separated string).
Scores that should equal ours are compared within 1e-9; the others by top-10 overlap.
"""

from __future__ import annotations

import gc
import importlib.util
import itertools
import math
import tempfile
import time
import tracemalloc
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TypeVar

import jieba
import numpy as np
import numpy.typing as npt
from rank_bm25 import BM25Okapi

from retrieval import bm25, snapshot
from retrieval.counts import build_counts, pack_terms

DEFAULT_SIZES = (10_000, 100_000)
LARGE_SIZE = 1_000_000
# rank-bm25 above this many passages takes minutes and GBs: only run it there when asked.
REFERENCE_LIMIT = 100_000
# rank-bm25 scores every passage in Python per query term: cap its queries on big corpora.
REFERENCE_QUERIES_LARGE = 50
TOP_K = 10
TOLERANCE = 1e-9
# Paragraph lengths in words: log-normal around a median of 60 (right-skewed like speech
# paragraphs), clipped to 30..120 words (~50..200 characters at jieba's mean word length).
MEDIAN_WORDS = 60
SIGMA_WORDS = 0.35
MIN_WORDS, MAX_WORDS = 30, 120
MIN_QUERY_WORDS, MAX_QUERY_WORDS = 2, 6

OURS = "studybot"
REFERENCE = "rank-bm25"
PEERS = ("rank-bm25-rs", "bm25s", "tantivy")  # optional: the `bench` extra

ObjectArray = npt.NDArray[np.object_]
FloatArray = npt.NDArray[np.float64]
T = TypeVar("T")
R = TypeVar("R")


@dataclass(frozen=True)
class Vocabulary:
    """jieba's dictionary as arrays: words and the cumulative sampling distribution."""

    words: ObjectArray
    cdf: FloatArray

    def sample(self, rng: np.random.Generator, size: int) -> ObjectArray:
        """`size` words drawn independently with probability proportional to frequency."""
        # Inverse-CDF sampling, what Generator.choice(p=...) does, without re-checking and
        # re-summing 349k probabilities on every call.
        ids = np.searchsorted(self.cdf, rng.random(size), side="right")
        return self.words[np.minimum(ids, len(self.words) - 1)]


@cache
def vocabulary() -> Vocabulary:
    """Load jieba's bundled dict.txt (`word freq tag` per line)."""
    with jieba.get_dict_file() as f:  # an open binary file of the bundled dictionary
        text = f.read().decode("utf-8")
    freq: dict[str, int] = {}
    for line in text.splitlines():
        parts = line.split(" ")
        if len(parts) >= 2:
            freq[parts[0]] = int(parts[1])  # a repeated word: the last entry wins, as in jieba
    words = np.array(list(freq), dtype=object)
    counts = np.fromiter(freq.values(), dtype=np.float64, count=len(freq))
    cdf = np.cumsum(counts)
    return Vocabulary(words, cdf / cdf[-1])


def passage_lengths(rng: np.random.Generator, n: int) -> npt.NDArray[np.int64]:
    raw = rng.lognormal(math.log(MEDIAN_WORDS), SIGMA_WORDS, n)
    return np.clip(np.rint(raw), MIN_WORDS, MAX_WORDS).astype(np.int64)


def synthetic_corpus(n_passages: int, seed: int = 0) -> list[list[str]]:
    """`n_passages` tokenised passages, the same for the same seed."""
    rng = np.random.default_rng(seed)
    lengths = passage_lengths(rng, n_passages)
    # One vectorised draw for every token, then cut into passages; the token strings are the
    # vocabulary's own objects, so a big corpus costs one pointer per token.
    tokens: list[str] = vocabulary().sample(rng, int(lengths.sum())).tolist()
    bounds = [0, *np.cumsum(lengths).tolist()]
    return [tokens[a:b] for a, b in itertools.pairwise(bounds)]


def synthetic_queries(n: int, seed: int = 1) -> list[list[str]]:
    """`n` queries of 2..6 distinct words drawn like the corpus's words.

    Distinct, because `top_k` takes a term -> weight mapping while rank-bm25 counts a repeated
    term twice; with distinct terms both mean the same query.
    """
    rng = np.random.default_rng(seed)
    vocab = vocabulary()
    queries = []
    for length in rng.integers(MIN_QUERY_WORDS, MAX_QUERY_WORDS + 1, n).tolist():
        words: dict[str, None] = {}
        while len(words) < length:
            for word in vocab.sample(rng, length).tolist():
                if len(words) < length:
                    words.setdefault(word, None)
        queries.append(list(words))
    return queries


def paragraph(words: Sequence[str]) -> str:
    """A passage as Chinese text: words run together, closed with a full stop."""
    return "".join(words) + "。"


def write_corpus_dir(path: Path, n_passages: int, seed: int = 0, per_file: int = 10_000) -> None:
    """Write `synthetic_corpus(n_passages, seed)` as UTF-8 .txt documents of `per_file` paragraphs.

    Each file is a title line `合成语料 第N部分` then one paragraph per line. Keep `per_file`
    below ~50,000: a file of 10,000 paragraphs is ~4 MB and ingest refuses files over 20 MB.
    """
    if per_file <= 0:
        raise ValueError("per_file must be positive")
    corpus = synthetic_corpus(n_passages, seed)
    n_files = math.ceil(n_passages / per_file)
    width = len(str(n_files))
    path.mkdir(parents=True, exist_ok=True)
    for i in range(n_files):
        lines = [f"合成语料 第{i + 1}部分"]
        lines.extend(paragraph(p) for p in corpus[i * per_file : (i + 1) * per_file])
        (path / f"synthetic-{i + 1:0{width}d}.txt").write_text(
            "\n".join(lines) + "\n", encoding="utf-8"
        )


@dataclass(frozen=True)
class BenchRow:
    """One engine on one corpus size."""

    engine: str
    passages: int
    queries: int  # how many queries the percentiles are over
    index_seconds: float
    p50_ms: float
    p99_ms: float
    peak_mb: float  # peak traced memory while building the index (NaN: not traceable)
    index_mb: float  # traced memory the built index still holds (NaN: not traceable)
    # peers only: share of our top-10 passages it also returns, or "same scores" agreement
    agreement: str = ""


@dataclass(frozen=True)
class BenchResult:
    """Both engines on one corpus size, and how they compare."""

    passages: int
    ours: BenchRow
    reference: BenchRow | None  # None when rank-bm25 was not run (see note)
    compared: int  # queries whose top-10 scores were compared (rank-bm25's queries)
    mismatches: int  # of those, queries whose top-10 scores differ beyond TOLERANCE
    note: str = ""
    peers: tuple[BenchRow, ...] = ()

    @property
    def ratio(self) -> float | None:
        """rank-bm25's median query time over ours: how many times faster we are."""
        if self.reference is None or self.ours.p50_ms <= 0:
            return None
        return self.reference.p50_ms / self.ours.p50_ms

    @property
    def agree(self) -> bool | None:
        """Top-10 scores agree on every compared query; None when nothing was compared."""
        return self.mismatches == 0 if self.compared else None


def timed_build(build: Callable[[], T]) -> tuple[T, float]:
    """The index and the seconds its build took."""
    gc.collect()  # don't bill this build for the previous one's garbage
    start = time.perf_counter()
    index = build()
    return index, time.perf_counter() - start


def traced_build(build: Callable[[], object]) -> tuple[float, float]:
    """(peak MB, retained MB) of building an index.

    tracemalloc rather than RSS deltas: numpy reports its buffers to tracemalloc, so it sees
    the arrays as well as the Python objects, and it counts only what this build allocates,
    whereas RSS is blurred by freed-but-kept allocator arenas and by what earlier runs left
    behind. Tracing slows allocation-heavy Python (rank-bm25's dicts) severalfold, so index
    time comes from a separate untraced build.
    """
    gc.collect()
    tracemalloc.start()
    try:
        index = build()
        retained, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    del index
    return peak / 2**20, retained / 2**20


def time_queries(
    search: Callable[[list[str]], R], queries: Sequence[list[str]]
) -> list[tuple[R, float]]:
    """Each query's result and latency in ms, in steady state: every query is run once
    untimed first, for every engine alike (first calls pay one-off costs: lazy imports, page
    faults, and for ours the first reading of each common word's list, which is then kept)."""
    for q in queries:
        search(q)
    results = []
    for q in queries:
        start = time.perf_counter_ns()
        result = search(q)
        results.append((result, (time.perf_counter_ns() - start) / 1e6))
    return results


def percentiles(latencies_ms: Sequence[float]) -> tuple[float, float]:
    p50, p99 = np.percentile(np.asarray(latencies_ms), [50, 99])
    return float(p50), float(p99)


def reference_top(scores: FloatArray, k: int) -> FloatArray:
    """rank-bm25's k best scores, best first (argpartition then sort: cheaper than get_top_n's
    full argsort, so generous to rank-bm25)."""
    k = min(k, scores.size)
    if k == 0:
        return scores[:0]
    best = np.argpartition(-scores, k - 1)[:k]
    return np.sort(scores[best])[::-1]


def same_top(ours: FloatArray, reference: FloatArray) -> bool:
    """Equal score lists; ties may order ids differently, so ids are not compared.

    `top_k` only ranks passages containing a query term, so it may return fewer than k: the
    reference's remaining top scores must then be zero (passages matching nothing).
    """
    m = ours.size
    if m > reference.size:
        return False
    return bool(
        np.allclose(ours, reference[:m], rtol=0, atol=TOLERANCE)
        and np.all(np.abs(reference[m:]) <= TOLERANCE)
    )


def ours_build(corpus: Sequence[Sequence[str]]) -> bm25.Postings:
    """Our index, built as the store builds it: counts of the packed terms."""
    return bm25.Postings.of(build_counts([pack_terms(doc) for doc in corpus]))


def served(index: bm25.Postings, folder: Path) -> bm25.Postings:
    """The index as a serving process holds it: its snapshot file written in `folder` and
    read back (postings read from the file, the vocabulary and lengths as at start-up)."""
    db = folder / "bench.db"
    snapshot.write(db, "bench", index)
    counts = snapshot.read(db, "bench", index.n_docs)
    if counts is None:
        raise RuntimeError(f"the snapshot just written in {folder} does not read back")
    return bm25.Postings.of(counts)


def ours_search(index: bm25.Postings) -> Callable[[list[str]], FloatArray]:
    """Our top-10 scores for a query, every term weighted 1.0 (plain BM25)."""
    return lambda q: bm25.top_k(index, dict.fromkeys(q, 1.0), TOP_K)[1]


def ours_top(
    index: bm25.Postings, queries: Sequence[list[str]]
) -> list[tuple[npt.NDArray[np.int64], FloatArray]]:
    """Our top-10 passages and scores of each query, what the peers are compared with."""
    return [bm25.top_k(index, dict.fromkeys(q, 1.0), TOP_K) for q in queries]


def reference_search(index: BM25Okapi) -> Callable[[list[str]], FloatArray]:
    """rank-bm25's top-10 scores for a query."""
    return lambda q: reference_top(index.get_scores(q), TOP_K)


def available_peers() -> tuple[str, ...]:
    """The peers whose packages are installed."""
    modules = {"rank-bm25-rs": "rank_bm25_rs", "bm25s": "bm25s", "tantivy": "tantivy"}
    return tuple(name for name in PEERS if importlib.util.find_spec(modules[name]) is not None)


def _overlap(
    ours: Sequence[tuple[npt.NDArray[np.int64], FloatArray]], theirs: list[set[int]]
) -> str:
    """Mean share of our top-10 passages the peer also returns in its top 10."""
    shares = [
        len(set(ids.tolist()) & other) / len(ids)
        for (ids, _), other in zip(ours, theirs, strict=True)
        if len(ids)
    ]
    return f"top-10 overlap {100 * float(np.mean(shares)) if shares else 100.0:.0f}%"


def _same_scores(
    ours: Sequence[tuple[npt.NDArray[np.int64], FloatArray]], theirs: list[FloatArray]
) -> str:
    differ = sum(
        not same_top(scores, other) for (_, scores), other in zip(ours, theirs, strict=True)
    )
    verdict = "same scores" if not differ else f"scores differ on {differ}"
    return f"{verdict} on {len(theirs)} queries"


def bench_peer(
    name: str,
    corpus: Sequence[list[str]],
    queries: Sequence[list[str]],
    ours: Sequence[tuple[npt.NDArray[np.int64], FloatArray]],
) -> BenchRow:
    """A peer engine on the same tokens and queries; agreement with our top 10."""
    nan = float("nan")
    if name == "rank-bm25-rs":
        import rank_bm25_rs

        rs_index, seconds = timed_build(lambda: rank_bm25_rs.BM25Okapi(corpus))
        runs = time_queries(lambda q: reference_top(rs_index.get_scores(q), TOP_K), queries)
        agreement = _same_scores(ours, [top for top, _ in runs])
        return BenchRow(
            name,
            len(corpus),
            len(queries),
            seconds,
            *percentiles([t for _, t in runs]),
            nan,
            nan,
            agreement,
        )
    if name == "bm25s":
        import bm25s

        def build_bm25s() -> object:
            retriever = bm25s.BM25(k1=bm25.K1, b=bm25.B, method="atire", idf_method="robertson")
            retriever.index(list(corpus), show_progress=False)
            return retriever

        retriever, seconds = timed_build(build_bm25s)
        peak, retained = traced_build(build_bm25s)

        def search_bm25s(q: list[str]) -> set[int]:
            found = retriever.retrieve([q], k=TOP_K, show_progress=False, n_threads=0)  # type: ignore[attr-defined]
            return set(found.documents[0].tolist())

        bm25s_runs = time_queries(search_bm25s, queries)
        return BenchRow(
            name,
            len(corpus),
            len(queries),
            seconds,
            *percentiles([t for _, t in bm25s_runs]),
            peak,
            retained,
            _overlap(ours, [ids for ids, _ in bm25s_runs]),
        )
    import tantivy

    schema_builder = tantivy.SchemaBuilder()
    schema_builder.add_text_field("body", tokenizer_name="whitespace", index_option="freq")
    schema_builder.add_unsigned_field("id", stored=True)
    schema = schema_builder.build()

    def build_tantivy() -> object:
        index = tantivy.Index(schema)
        writer = index.writer(heap_size=256_000_000)
        for i, doc in enumerate(corpus):
            writer.add_document(tantivy.Document(body=" ".join(doc), id=i))
        writer.commit()
        writer.wait_merging_threads()
        index.reload()
        return index

    tantivy_index, seconds = timed_build(build_tantivy)
    searcher = tantivy_index.searcher()  # type: ignore[attr-defined]

    def search_tantivy(q: list[str]) -> list[object]:
        query = tantivy.Query.boolean_query(
            [(tantivy.Occur.Should, tantivy.Query.term_query(schema, "body", t)) for t in q]
        )
        return [address for _, address in searcher.search(query, TOP_K).hits]

    tantivy_runs = time_queries(search_tantivy, queries)
    # passage numbers are read back outside the timed searches
    theirs = [{int(searcher.doc(address)["id"][0]) for address in hits} for hits, _ in tantivy_runs]
    return BenchRow(
        name,
        len(corpus),
        len(queries),
        seconds,
        *percentiles([t for _, t in tantivy_runs]),
        nan,
        nan,
        _overlap(ours, theirs),
    )


def bench_size(
    n: int,
    queries: Sequence[list[str]],
    reference_queries: int,
    seed: int,
    note: str = "",
    progress: Callable[[str], None] | None = None,
    peers: Sequence[str] = (),
) -> BenchResult:
    """Our engine, `peers` and rank-bm25 (only if `reference_queries` > 0) on `n` passages."""
    say = progress or (lambda _: None)
    say(f"{n:,} passages: generating corpus")
    corpus = synthetic_corpus(n, seed)

    say(f"{n:,} passages: {OURS}")
    index, seconds = timed_build(lambda: ours_build(corpus))
    with tempfile.TemporaryDirectory(prefix="studybot-bench-") as folder:
        index = served(index, Path(folder))
        ours_runs = time_queries(ours_search(index), queries)
        top = ours_top(index, queries)
        del index  # free it before the traced rebuild
    peak, retained = traced_build(lambda: ours_build(corpus))
    ours = BenchRow(
        OURS,
        n,
        len(queries),
        seconds,
        *percentiles([t for _, t in ours_runs]),
        peak,
        retained,
    )
    peer_rows = []
    for name in peers:
        say(f"{n:,} passages: {name}")
        peer_rows.append(bench_peer(name, corpus, queries, top))
    if reference_queries <= 0:
        return BenchResult(n, ours, None, 0, 0, note, tuple(peer_rows))

    say(f"{n:,} passages: {REFERENCE} ({reference_queries} queries)")
    ref_index, seconds = timed_build(lambda: BM25Okapi(corpus))
    ref_runs = time_queries(reference_search(ref_index), queries[:reference_queries])
    del ref_index
    peak, retained = traced_build(lambda: BM25Okapi(corpus))
    reference = BenchRow(
        REFERENCE,
        n,
        len(ref_runs),
        seconds,
        *percentiles([t for _, t in ref_runs]),
        peak,
        retained,
    )
    mismatches = sum(
        not same_top(ours_top, ref_top)
        for (ours_top, _), (ref_top, _) in zip(ours_runs, ref_runs, strict=False)
    )
    return BenchResult(n, ours, reference, len(ref_runs), mismatches, note, tuple(peer_rows))


def run(
    sizes: Sequence[int] = DEFAULT_SIZES,
    queries: int = 200,
    with_reference: bool = True,
    seed: int = 0,
    *,
    reference_limit: int | None = REFERENCE_LIMIT,
    reference_queries: int | None = None,
    progress: Callable[[str], None] | None = None,
    peers: Sequence[str] = (),
) -> list[BenchResult]:
    """Benchmark both engines at each corpus size (corpus seed `seed`, queries `seed + 1`).

    rank-bm25 runs only when `with_reference` and the size is at most `reference_limit`
    (None: no limit). It answers `reference_queries` of the queries (default: all of them up
    to 10,000 passages, 50 above). `peers` (of PEERS, see `available_peers`) answer all
    queries. `progress` receives a line per step, for long runs.
    """
    unknown = set(peers) - set(PEERS)
    if unknown:
        raise ValueError(f"unknown engines: {sorted(unknown)}; known: {PEERS}")
    if queries < 1:
        raise ValueError("queries must be at least 1")
    query_list = synthetic_queries(queries, seed + 1)
    results = []
    for n in sizes:
        if n < 1:
            raise ValueError("sizes must be positive")
        n_ref, note = 0, ""
        if with_reference and reference_limit is not None and n > reference_limit:
            note = (
                f"{REFERENCE} skipped at {n:,} passages (over {reference_limit:,} it takes"
                " minutes and GBs of memory); ask for it explicitly"
            )
        elif with_reference:
            n_ref = queries if n <= 10_000 else REFERENCE_QUERIES_LARGE
            if reference_queries is not None:
                n_ref = reference_queries
        results.append(bench_size(n, query_list, min(n_ref, queries), seed, note, progress, peers))
    return results


def format_table(results: Sequence[BenchResult]) -> str:
    """A plain-text table: a row per engine and size; speed-up and agreement on our rows."""
    header = (
        "passages",
        "engine",
        "queries",
        "index s",
        "p50 ms",
        "p99 ms",
        "build peak MB",
        "index MB",
        "speed-up",
        "top-10 agree",
    )
    rows: list[tuple[str, ...]] = []
    notes = []
    for r in results:
        for row in (r.ours, *r.peers, r.reference):
            if row is None:
                continue
            speedup, agree = "", row.agreement
            if row is r.ours and r.ratio is not None:
                speedup = f"{r.ratio:,.1f}x"
            if row is r.ours and r.agree is not None:
                agree = "yes" if r.agree else f"NO ({r.mismatches} differ)"
                agree += f" on {r.compared} queries"
            rows.append(
                (
                    f"{row.passages:,}",
                    row.engine,
                    str(row.queries),
                    f"{row.index_seconds:.2f}",
                    f"{row.p50_ms:.3f}",
                    f"{row.p99_ms:.3f}",
                    _mb(row.peak_mb),
                    _mb(row.index_mb),
                    speedup,
                    agree,
                )
            )
        if r.note:
            notes.append(r.note)
    widths = [max(len(line[i]) for line in (header, *rows)) for i in range(len(header))]
    left = {1, 9}  # text columns; numbers are right-aligned

    def fmt(line: tuple[str, ...]) -> str:
        cells = (
            c.ljust(w) if i in left else c.rjust(w)
            for i, (c, w) in enumerate(zip(line, widths, strict=True))
        )
        return "  ".join(cells).rstrip()

    out = [fmt(header), "  ".join("-" * w for w in widths), *map(fmt, rows)]
    out.extend(f"note: {n}" for n in notes)
    return "\n".join(out)


def _mb(value: float) -> str:
    return "-" if math.isnan(value) else f"{value:,.1f}"


__all__ = [
    "DEFAULT_SIZES",
    "LARGE_SIZE",
    "PEERS",
    "REFERENCE_LIMIT",
    "BenchResult",
    "BenchRow",
    "available_peers",
    "format_table",
    "run",
    "synthetic_corpus",
    "synthetic_queries",
    "write_corpus_dir",
]
