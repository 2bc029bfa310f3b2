"""Term counts snapshots in files: written whole, read back equal, a reload in a new process
merges into them instead of counting every stored passage again."""

from __future__ import annotations

import dataclasses
import json
import os
import random
import time
from pathlib import Path

import numpy as np
import pytest

from retrieval import bm25, corpus, counts, snapshot, store
from retrieval.counts import TermCounts, build_counts, merge_counts, pack_terms
from retrieval.library import Library
from retrieval.store import FILE_LAYOUT, Store
from tests.conftest import SPEECH
from tests.test_library import NoPassageSegmenting, assert_same_index, counted_from_stored_terms

CORPUS = [["家风", "廉洁", "家风"], ["人民", "中国", "𠀀字"], [], ["家风"]]


def counts_of(corpus: list[list[str]]) -> TermCounts:
    return build_counts([pack_terms(p) for p in corpus])


def assert_same_counts(a: TermCounts, b: TermCounts) -> None:
    assert a.vocabulary.blob == b.vocabulary.blob
    for name in ("ptr", "doc_ids", "tf", "lengths"):
        np.testing.assert_array_equal(getattr(a, name), getattr(b, name))


def test_a_snapshot_reads_back_equal(tmp_path: Path) -> None:
    db = tmp_path / "s.db"
    counts = counts_of(CORPUS)
    path = snapshot.write(db, "g1", counts)
    assert path == snapshot.path_of(db, "g1") and path.exists()
    read = snapshot.read(db, "g1", len(CORPUS))
    assert read is not None
    assert_same_counts(read, counts)
    assert not read.doc_ids.flags.writeable  # mapped, not copied
    empty = TermCounts.empty()
    snapshot.write(db, "g0", empty)
    read_empty = snapshot.read(db, "g0", 0)
    assert read_empty is not None and read_empty.n_docs == 0


def test_a_snapshot_that_does_not_fit_is_not_used(tmp_path: Path) -> None:
    db = tmp_path / "s.db"
    path = snapshot.write(db, "g1", counts_of(CORPUS))
    assert snapshot.read(db, "g2", len(CORPUS)) is None  # no file for that generation
    assert snapshot.read(db, "g1", len(CORPUS) + 1) is None  # other passages
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2 + snapshot.HEADER_BYTES // 2])
    assert snapshot.read(db, "g1", len(CORPUS)) is None  # cut short
    path.write_bytes(b"x" * len(data))
    assert snapshot.read(db, "g1", len(CORPUS)) is None  # not a snapshot
    path.write_bytes(b"")
    assert snapshot.read(db, "g1", len(CORPUS)) is None


def test_other_generations_files_are_removed(tmp_path: Path) -> None:
    db = tmp_path / "s.db"
    for generation in ("old", "current"):
        snapshot.write(db, generation, counts_of(CORPUS))
    folder = snapshot.directory(db)
    fresh = folder / ".other.1.2.tmp"  # another process writing right now
    stale = folder / ".other.3.4.tmp"  # a writer that died
    fresh.write_bytes(b"")
    stale.write_bytes(b"")
    old = time.time() - snapshot.STALE_SECONDS - 10
    os.utime(stale, (old, old))
    snapshot.remove_others(db, "current")
    assert sorted(p.name for p in folder.iterdir()) == [".other.1.2.tmp", "current.counts"]


async def indexed_folder(tmp_path: Path) -> tuple[Path, Path]:
    """A corpus folder of the bundled speech and a short text, indexed into a new store:
    (folder, database)."""
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / SPEECH.name).write_bytes(SPEECH.read_bytes())
    (folder / "b.txt").write_text("兰花养护\n兰花浇水要见干见湿。\n兰花施肥宜薄肥勤施。\n", "utf-8")
    db = tmp_path / "studybot.db"
    async with await Store.open(db) as s:
        await Library(s, folder, workers=1).reload()
    return folder, db


async def test_a_reload_in_a_new_process_merges_into_the_saved_snapshot(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """What `studybot reload` does after one file changed: load the snapshot, segment only
    the changed file, merge; never count every stored passage's terms again."""
    folder, db = await indexed_folder(tmp_path)
    async with await Store.open(db) as s:
        first = (await s.database.all("SELECT generation, layout FROM index_snapshot"))[0]
    assert first[1] == FILE_LAYOUT and snapshot.path_of(db, first[0]).exists()

    def no_recount(packed: object) -> TermCounts:
        raise AssertionError("every stored passage counted again")

    monkeypatch.setattr(store, "build_counts", no_recount)
    (folder / "b.txt").write_text("兰花养护\n兰花浇水要见干见湿。\n兰花怎样过冬。\n", "utf-8")
    async with await Store.open(db) as s:
        lib = Library(s, folder, workers=1)
        report = await lib.reload()
        assert report.changed == ("b.txt",)
        second = (await s.database.all("SELECT generation, layout FROM index_snapshot"))[0]
        merged = lib.index
    assert second[1] == FILE_LAYOUT and second[0] != first[0]
    assert [p.name for p in snapshot.directory(db).iterdir()] == [f"{second[0]}.counts"]
    monkeypatch.undo()
    assert_same_index(merged, await counted_from_stored_terms(db))
    async with await Store.open(db) as s:  # a restart maps the file and segments nothing
        restarted = Library(s, folder, segmenter=NoPassageSegmenting())
        await restarted.load()
        assert_same_index(restarted.index, merged)
        assert isinstance(restarted.index.postings, bm25.Postings)


async def test_a_missing_snapshot_file_is_counted_again(tmp_path: Path) -> None:
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / SPEECH.name).write_bytes(SPEECH.read_bytes())
    db = tmp_path / "studybot.db"
    async with await Store.open(db) as s:
        lib = Library(s, folder, workers=1)
        await lib.reload()
        served = lib.index
    for path in snapshot.directory(db).iterdir():
        path.unlink()
    async with await Store.open(db) as s:
        restarted = Library(s, folder, segmenter=NoPassageSegmenting())
        await restarted.load()  # counted from the stored terms, and saved again
        assert_same_index(restarted.index, served)
        generation = await s.generation()
    assert snapshot.path_of(db, generation).exists()


def test_merging_from_a_mapped_snapshot_lets_pages_go_and_stays_exact(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Pages of the old postings are dropped behind the copy; what they held is read back
    from the file, so both the merge and the old counts stay exact."""
    monkeypatch.setattr(counts, "_BLOCK", 1024)
    corpus = [[f"w{(i * j) % 97}" for j in range(i % 13 + 1)] for i in range(3000)]
    db = tmp_path / "s.db"
    snapshot.write(db, "g", counts_of(corpus))
    old = snapshot.read(db, "g", len(corpus))
    assert old is not None
    renumber = np.arange(len(corpus), dtype=np.int64)
    renumber[100:200] = -1
    added = [(100 + i, pack_terms(["新", f"w{i}"])) for i in range(50)]
    renumber[200:] -= 50
    final = corpus[:100] + [["新", f"w{i}"] for i in range(50)] + corpus[200:]
    merged = merge_counts(old, renumber, added, len(final))
    assert_same_counts(merged, counts_of(final))
    assert_same_counts(old, counts_of(corpus))
    counts.release_pages(old.doc_ids, 0, len(old.doc_ids))
    assert_same_counts(old, counts_of(corpus))


SERVED = [[f"w{(i * j) % 31}" for j in range(i % 11 + 1)] + ["的"] * (i % 3) for i in range(400)]


def test_serving_reads_postings_from_the_file_not_the_mapping(tmp_path: Path) -> None:
    """A served snapshot's lists are read with pread (the mapped pages each read left behind
    counted in the process's memory): with its arrays taken away it answers the same."""
    db = tmp_path / "s.db"
    built = bm25.build(SERVED)
    snapshot.write(db, "g", built)
    read = snapshot.read(db, "g", len(SERVED))
    assert read is not None and read.file is not None
    served = bm25.Postings.of(read)
    assert served.file is read.file
    detached = dataclasses.replace(
        served,
        ptr=np.zeros(1, dtype=np.int64),
        doc_ids=np.zeros(0, dtype=np.int32),
        tf=np.zeros(0, dtype=np.uint16),
    )
    allowed = np.arange(len(SERVED)) % 4 > 0
    for query in ({"的": 1.0, "w3": 0.5}, {"w1": 1.0, "w7": 1.0, "w30": 0.3}, {"无": 1.0}):
        for mask in (None, allowed):
            got, expected = detached.top_k(query, 9, mask), built.top_k(query, 9, mask)
            assert got[0].tolist() == expected[0].tolist()
            np.testing.assert_array_equal(got[1], expected[1])
    for t in range(len(built.vocabulary)):
        assert detached.term_idf(t) == built.idf[t]
        assert detached.df(t) == built.df(t)


def test_the_mean_idf_is_recorded_exactly_and_found_again_without_it(tmp_path: Path) -> None:
    """Negative idfs become epsilon times the mean raw idf over every term: the snapshot
    records that mean, so that serving reads no per-term array; an older file without it
    is computed from its arrays, to the same bits."""
    corpus = [["a", "b"], ["a", "b"], ["a", "c"], ["a", "d", "e"]]  # `a`'s raw idf < 0
    built = bm25.build(corpus)
    db = tmp_path / "s.db"
    path = snapshot.write(db, "g", built)
    read = snapshot.read(db, "g", len(corpus))
    assert read is not None and read.file is not None
    assert read.file.mean_raw_idf == float(bm25.raw_idf(np.diff(built.ptr), len(corpus)).mean())
    data = bytearray(path.read_bytes())
    end = data.index(b"\n", len(snapshot.MAGIC))
    header = json.loads(data[len(snapshot.MAGIC) : end])
    del header["mean_raw_idf"]  # as written before it was recorded
    line = (snapshot.MAGIC + json.dumps(header).encode() + b"\n").ljust(end + 1, b"\0")
    data[: len(line)] = line
    path.write_bytes(bytes(data))
    older = snapshot.read(db, "g", len(corpus))
    assert older is not None and older.file is not None and older.file.mean_raw_idf is None
    for loaded in (read, older):
        served = bm25.Postings.of(loaded)
        assert [served.term_idf(t) for t in range(5)] == built.idf.tolist()
    assert bm25.raw_idf(np.diff(built.ptr), len(corpus))[0] < 0  # `a`: the floor was used


@pytest.mark.parametrize(("step", "chunk"), [(1, 1), (2, 5), (3, 7), (64, 1 << 20)])
def test_a_served_vocabulary_is_looked_up_in_the_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, step: int, chunk: int
) -> None:
    """A serving process holds every STEP-th term, read CHUNK bytes at a time at start-up,
    and reads the rest of a block per lookup: the same ids, the same terms."""
    monkeypatch.setattr(snapshot.FileVocabulary, "STEP", step)
    monkeypatch.setattr(snapshot.FileVocabulary, "CHUNK", chunk)
    rng = random.Random(step * 100 + chunk)
    db = tmp_path / "s.db"
    for trial in range(8):
        terms = {"".join(rng.choices("ab家属𠀀x", k=rng.randint(1, 6))) for _ in range(120)}
        corpus = [[t] for t in sorted(terms)] + [rng.sample(sorted(terms), 3) for _ in range(20)]
        counts = counts_of(corpus)
        snapshot.write(db, f"g{trial}", counts)
        read = snapshot.read(db, f"g{trial}", len(corpus))
        assert read is not None
        assert isinstance(read.vocabulary, snapshot.FileVocabulary)
        served, whole = read.vocabulary, counts.vocabulary
        assert len(served) == len(whole) and served.blob == whole.blob
        assert list(served) == list(whole)
        for term in [*terms, "", "zz", "家属家属家属家属", "𠀀" * 9]:
            assert served.get(term) == whole.get(term)
            assert (term in served) == (term in whole)


async def test_a_new_analyzer_indexes_again_without_reading_the_old_passages(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """After a release that cuts text otherwise, `studybot reload` reads every file again:
    it costs what indexing from nothing costs, neither loading the stored passages nor
    merging into their postings, and saves a snapshot a restart maps."""
    folder, db = await indexed_folder(tmp_path)
    async with await Store.open(db) as s:
        first = await s.generation()

    def not_read(*args: object) -> object:
        raise AssertionError("the stored passages were read")

    monkeypatch.setattr(corpus, "ANALYZER_VERSION", "next")
    corpus.analyzer_fingerprint.cache_clear()
    monkeypatch.setattr(Store, "load_corpus", not_read)
    monkeypatch.setattr(store, "build_counts", not_read)
    try:
        async with await Store.open(db) as s:
            lib = Library(s, folder, workers=1)
            report = await lib.reload()
            assert sorted(report.changed) == sorted([SPEECH.name, "b.txt"])
            second = await s.generation()
            indexed = lib.index
    finally:
        monkeypatch.undo()
        corpus.analyzer_fingerprint.cache_clear()
    assert second != first
    assert [p.name for p in snapshot.directory(db).iterdir()] == [f"{second}.counts"]
    assert_same_index(indexed, await counted_from_stored_terms(db))
