"""Reloading the corpus into a served index: what changes, what is reported, what stays."""

from __future__ import annotations

import asyncio
import os
import sqlite3
import time
from collections.abc import AsyncIterator
from pathlib import Path

import numpy as np
import pytest

from retrieval import bm25, corpus, library
from retrieval.counts import build_counts, pack_terms
from retrieval.index import SearchIndex
from retrieval.library import Library, ReloadError
from retrieval.model import Answer
from retrieval.search import answer
from retrieval.segment import Segmenter
from retrieval.store import FileInfo, Store
from tests.conftest import SPEECH

FAMILY_QUESTION = "家属应该做什么？"
QUANTUM_QUESTION = "量子纠缠实验有什么要求？"  # only the document `quantum` answers this
GARDEN_QUESTION = "兰花怎样浇水施肥？"  # only the document `garden` answers this


def quantum(paragraphs: int = 3) -> str:
    lines = ["量子纠缠实验室管理办法", "一、总体要求"]
    lines += [
        f"第{i + 1}条，量子纠缠实验必须登记备案，实验人员要严守保密纪律，按期报告进展。"
        for i in range(paragraphs)
    ]
    return "\n".join(lines) + "\n"


def garden() -> str:
    return (
        "# 兰花养护手册\n\n## 浇水\n\n兰花浇水要见干见湿，春秋两季每周浇水一次。\n\n"
        "## 施肥\n\n兰花施肥宜薄肥勤施，生长期每半月施肥一次。\n"
    )


class NoPassageSegmenting(Segmenter):
    """Segments questions but refuses passages: proves a path does not segment the corpus.

    Passage terms go through `terms`; questions through `words`, `expand` and `bigrams`.
    """

    def terms(self, text: str) -> list[str]:
        raise AssertionError(f"passage segmented: {text[:20]}")


@pytest.fixture
async def store(tmp_path: Path) -> AsyncIterator[Store]:
    s = await Store.open(tmp_path / "studybot.db")
    yield s
    await s.close()


def docs_of(a: Answer) -> list[str]:
    return [h.passage.doc for h in a.hits]


def fingerprint(a: Answer) -> tuple[tuple[tuple[str, int, int], float], ...]:
    return tuple((h.passage.key, h.score) for h in a.hits)


def assert_same_index(a: SearchIndex, b: SearchIndex) -> None:
    assert a.passages == b.passages
    assert list(a.postings.vocabulary) == list(b.postings.vocabulary)
    np.testing.assert_array_equal(a.postings.ptr, b.postings.ptr)
    np.testing.assert_array_equal(a.postings.doc_ids, b.postings.doc_ids)
    np.testing.assert_array_equal(a.postings.weights, b.postings.weights)


async def fresh_load(path: Path, corpus_dir: Path) -> SearchIndex:
    """The index a restart serves, from a connection of its own."""
    async with await Store.open(path) as s:
        lib = Library(s, corpus_dir, segmenter=NoPassageSegmenting())
        await lib.load()
        return lib.index


async def counted_from_stored_terms(path: Path) -> SearchIndex:
    """The index counted afresh from every stored passage's terms."""
    async with await Store.open(path) as s:
        documents = await s.documents()
        terms = await s.terms()
    return SearchIndex(
        tuple(documents), bm25.Postings.of(build_counts([pack_terms(t) for t in terms]))
    )


async def test_add_change_touch_and_remove(store: Store, corpus_dir: Path) -> None:
    assert store.path is not None
    lib = Library(store, corpus_dir, workers=1)
    report = await lib.reload()
    assert report.added == (SPEECH.name,) and report.failed == ()
    assert docs_of(lib.answer(FAMILY_QUESTION))[0] == SPEECH.name
    assert not lib.answer(QUANTUM_QUESTION).hits

    (corpus_dir / "quantum.txt").write_text(quantum(), encoding="utf-8")
    report = await lib.reload()
    assert (report.added, report.changed, report.removed) == (("quantum.txt",), (), ())
    assert report.unchanged == 1 and report.documents == 2
    assert report.passages == len(lib.index.passages) == 25 + 3
    assert report.chars == sum(len(p.text) for p in lib.index.passages if p.doc == "quantum.txt")
    assert docs_of(lib.answer(QUANTUM_QUESTION)) == ["quantum.txt"] * 3

    (corpus_dir / "quantum.txt").write_text(quantum(5), encoding="utf-8")
    report = await lib.reload()
    assert (report.added, report.changed, report.removed) == ((), ("quantum.txt",), ())
    assert len(lib.answer(QUANTUM_QUESTION, top_k=10).hits) == 5

    # Touched: new time, same content. A library that cannot segment passages proves that
    # nothing is segmented again.
    stat = (corpus_dir / "quantum.txt").stat()
    os.utime(corpus_dir / "quantum.txt", ns=(stat.st_atime_ns, stat.st_mtime_ns + 10**9))
    touching = Library(store, corpus_dir, segmenter=NoPassageSegmenting())
    await touching.load()
    report = await touching.reload()
    assert (report.added, report.changed, report.removed, report.failed) == ((), (), (), ())
    assert report.unchanged == 2 and report.chars == 0
    stored = (await store.file_infos())["quantum.txt"]
    assert stored.mtime_ns == stat.st_mtime_ns + 10**9

    (corpus_dir / "quantum.txt").unlink()
    report = await lib.reload()
    assert (report.added, report.changed, report.removed) == ((), (), ("quantum.txt",))
    assert report.documents == 1 and report.passages == 25
    assert not lib.answer(QUANTUM_QUESTION).hits
    assert [s.doc for s in await store.summaries()] == [SPEECH.name]

    # The index updated step by step is the one a restart loads and the one counted afresh.
    assert_same_index(lib.index, await fresh_load(store.path, corpus_dir))
    assert_same_index(lib.index, await counted_from_stored_terms(store.path))


async def test_same_size_and_time_but_new_content_counts_as_changed(
    store: Store, corpus_dir: Path
) -> None:
    """Files are compared by content: a copy that keeps size and time (cp -p) is seen."""
    path = corpus_dir / "quantum.txt"
    path.write_text(quantum(), encoding="utf-8")
    lib = Library(store, corpus_dir, workers=1)
    await lib.reload()
    stat = path.stat()
    path.write_text(quantum().replace("备案", "审批"), encoding="utf-8")
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    assert path.stat().st_size == stat.st_size
    report = await lib.reload()
    assert report.changed == ("quantum.txt",)
    assert "审批" in lib.answer(QUANTUM_QUESTION).hits[0].passage.text


async def test_restart_serves_the_same_documents_without_segmenting(
    tmp_path: Path, corpus_dir: Path
) -> None:
    db = tmp_path / "studybot.db"
    (corpus_dir / "quantum.txt").write_text(quantum(), encoding="utf-8")
    (corpus_dir / "notes").mkdir()
    (corpus_dir / "notes" / "garden.md").write_text(garden(), encoding="utf-8")
    async with await Store.open(db) as s:
        before = Library(s, corpus_dir, workers=1)
        await before.reload()
    async with await Store.open(db) as s:
        after = Library(s, corpus_dir, segmenter=NoPassageSegmenting())
        await after.load()
        assert (await s.load_corpus()).counts is None  # served from the saved snapshot
        report = await after.reload()  # nothing changed: nothing to segment
        assert report.unchanged == 3 and not report.modified
        assert_same_index(after.index, before.index)
        for question in (FAMILY_QUESTION, QUANTUM_QUESTION, GARDEN_QUESTION):
            assert fingerprint(after.answer(question)) == fingerprint(before.answer(question))
        assert docs_of(after.answer(GARDEN_QUESTION))[0] == "notes/garden.md"


async def test_broken_files_are_named_and_the_rest_is_indexed(
    store: Store, corpus_dir: Path
) -> None:
    (corpus_dir / "quantum.txt").write_text(quantum(), encoding="utf-8")
    (corpus_dir / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(256))
    (corpus_dir / "broken.txt").write_bytes("中文".encode()[:-1] + b"\xff\xfe\x81" * 10)
    (corpus_dir / "empty.md").write_bytes(b"")
    (corpus_dir / "fake.docx").write_bytes(b"not a zip")
    (corpus_dir / "old.doc").write_bytes(b"\xd0\xcf\x11\xe0" + bytes(100))
    lib = Library(store, corpus_dir, workers=1)
    report = await lib.reload()
    reasons = dict(report.failed)
    assert set(reasons) == {"image.txt", "broken.txt", "empty.md", "fake.docx", "old.doc"}
    assert "另存为 .docx" in reasons["old.doc"]
    assert "二进制" in reasons["image.txt"]
    assert "编码" in reasons["broken.txt"]
    assert "空" in reasons["empty.md"]
    assert "Word" in reasons["fake.docx"]
    assert set(report.added) == {SPEECH.name, "quantum.txt"}
    assert docs_of(lib.answer(QUANTUM_QUESTION))[0] == "quantum.txt"
    assert [s.doc for s in await store.summaries()] == [SPEECH.name, "quantum.txt"]


async def test_a_document_that_becomes_unreadable_keeps_its_passages(
    store: Store, corpus_dir: Path
) -> None:
    (corpus_dir / "quantum.txt").write_text(quantum(), encoding="utf-8")
    lib = Library(store, corpus_dir, workers=1)
    await lib.reload()
    served = fingerprint(lib.answer(QUANTUM_QUESTION))
    (corpus_dir / "quantum.txt").write_bytes(b"\x00\x01\x02binary\x00" * 50)
    report = await lib.reload()
    ((doc, reason),) = report.failed
    assert doc == "quantum.txt" and "二进制" in reason and "仍在使用此前导入的版本" in reason
    assert not report.modified
    assert fingerprint(lib.answer(QUANTUM_QUESTION)) == served
    async with await Store.open(store.path or "") as other:  # and so does the next start
        restarted = Library(other, corpus_dir)
        await restarted.load()
        assert fingerprint(restarted.answer(QUANTUM_QUESTION)) == served


async def test_a_parser_crash_on_one_file_spares_the_others(
    store: Store, corpus_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = corpus.read_document

    def read_document(doc: str, data: bytes) -> object:
        if doc == "odd.txt":
            raise IndexError("parser bug")
        return real(doc, data)

    monkeypatch.setattr(corpus, "read_document", read_document)
    (corpus_dir / "odd.txt").write_text("奇怪的文档\n内容。\n", encoding="utf-8")
    (corpus_dir / "quantum.txt").write_text(quantum(), encoding="utf-8")
    report = await Library(store, corpus_dir, workers=1).reload()
    assert report.failed == (("odd.txt", "无法解析文档（IndexError）"),)
    assert set(report.added) == {SPEECH.name, "quantum.txt"}


class TimedSegmenter(Segmenter):
    """Notes when passages are segmented, to see what else happened meanwhile."""

    def __init__(self) -> None:
        super().__init__()
        self.calls: list[float] = []

    def terms(self, text: str) -> list[str]:
        self.calls.append(time.perf_counter())
        return super().terms(text)


async def test_questions_during_a_reload_see_the_old_index_or_the_new_one(
    store: Store, corpus_dir: Path
) -> None:
    segmenter = TimedSegmenter()
    lib = Library(store, corpus_dir, segmenter=segmenter, workers=1)
    await lib.reload()
    old = lib.index
    # Big enough that segmenting it takes a while; adding it changes every score (idf and
    # average length change), so each answer shows which index it came from.
    (corpus_dir / "quantum.txt").write_text(quantum(2000), encoding="utf-8")
    questions = [FAMILY_QUESTION, QUANTUM_QUESTION, "如何树立良好家风", "严守保密纪律"]
    seen: list[tuple[str, Answer, float]] = []

    async def ask_repeatedly(reload: asyncio.Task[library.ReloadReport]) -> None:
        i = 0
        while not reload.done():
            question = questions[i % len(questions)]
            seen.append((question, lib.answer(question), time.perf_counter()))  # none fails
            i += 1
            await asyncio.sleep(0)

    segmenter.calls.clear()
    reload = asyncio.create_task(lib.reload())
    await asyncio.gather(reload, ask_repeatedly(reload))
    new = lib.index
    assert reload.result().added == ("quantum.txt",)
    assert new is not old
    # Questions were answered while the new document was being segmented: the work is off
    # the event loop (were it on it, none would be; 10 to 15 are, of the 200 to 400 asked
    # during the whole reload, so a bar of 10 failed one run in four)
    segmenting = (segmenter.calls[0], segmenter.calls[-1])
    assert sum(segmenting[0] < at < segmenting[1] for _, _, at in seen) >= 3
    expected = {
        q: (fingerprint(answer(old, q, segmenter)), fingerprint(answer(new, q, segmenter)))
        for q in questions
    }
    assert all(expected[q][0] != expected[q][1] for q in questions)  # the two can be told apart
    from_new = []
    for question, got, _ in seen:
        assert fingerprint(got) in expected[question], question
        from_new.append(fingerprint(got) == expected[question][1])
    assert from_new[0] is False and from_new == sorted(from_new)  # old ones, then new ones


async def test_two_reloads_at_once_run_one_after_the_other(store: Store, corpus_dir: Path) -> None:
    lib = Library(store, corpus_dir, workers=1)
    await lib.reload()
    (corpus_dir / "quantum.txt").write_text(quantum(50), encoding="utf-8")
    first, second = await asyncio.gather(lib.reload(), lib.reload())
    assert first.added == ("quantum.txt",)
    assert second.added == () and second.unchanged == 2  # it saw the first one's result
    assert [(s.doc, s.passages) for s in await store.summaries()] == [
        (SPEECH.name, 25),
        ("quantum.txt", 50),
    ]


async def test_reloads_through_two_connections_also_take_turns(
    tmp_path: Path, corpus_dir: Path
) -> None:
    """The bot and `studybot reload` each have their own connection: the reload lock file
    makes them take turns as well, and each serves the other's changes."""
    db = tmp_path / "studybot.db"
    async with await Store.open(db) as a, await Store.open(db) as b:
        bot, admin = Library(a, corpus_dir, workers=1), Library(b, corpus_dir, workers=1)
        await bot.reload()
        await admin.load()
        (corpus_dir / "quantum.txt").write_text(quantum(50), encoding="utf-8")
        first, second = await asyncio.gather(bot.reload(), admin.reload())
        assert sorted([first.added, second.added]) == [(), ("quantum.txt",)]
        for lib in (bot, admin):
            assert docs_of(lib.answer(QUANTUM_QUESTION))[0] == "quantum.txt"
        (corpus_dir / "notes.md").write_text(garden(), encoding="utf-8")
        await admin.reload()
        report = await bot.reload()  # the folder matches the store: the store changed under it
        assert not report.modified
        assert docs_of(bot.answer(GARDEN_QUESTION))[0] == "notes.md"
        assert_same_index(bot.index, admin.index)


async def test_a_file_deleted_during_a_reload_is_reported(
    store: Store, corpus_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (corpus_dir / "quantum.txt").write_text(quantum(), encoding="utf-8")
    lib = Library(store, corpus_dir, workers=1)
    await lib.reload()
    served = fingerprint(lib.answer(QUANTUM_QUESTION))
    real_scan = corpus.scan

    def scan_then_delete(root: Path) -> list[corpus.CorpusFile]:
        files = real_scan(root)  # the file is listed ...
        (root / "quantum.txt").unlink()  # ... and gone before it is read
        (root / "garden.md").unlink()
        return files

    (corpus_dir / "garden.md").write_text(garden(), encoding="utf-8")
    monkeypatch.setattr(corpus, "scan", scan_then_delete)
    report = await lib.reload()
    reasons = dict(report.failed)
    assert set(reasons) == {"quantum.txt", "garden.md"}
    assert all("删除" in reason for reason in reasons.values())
    assert fingerprint(lib.answer(QUANTUM_QUESTION)) == served  # kept until confirmed gone
    monkeypatch.setattr(corpus, "scan", real_scan)
    report = await lib.reload()
    assert report.removed == ("quantum.txt",) and report.failed == ()
    assert not lib.answer(QUANTUM_QUESTION).hits


async def test_a_locked_database_fails_the_reload_clearly_and_keeps_the_index(
    tmp_path: Path, corpus_dir: Path
) -> None:
    db = tmp_path / "studybot.db"
    async with await Store.open(db, busy_timeout_ms=200) as s:
        lib = Library(s, corpus_dir, workers=1)
        await lib.reload()
        old = lib.index
        (corpus_dir / "quantum.txt").write_text(quantum(), encoding="utf-8")
        other = sqlite3.connect(db, isolation_level=None)
        other.execute("BEGIN EXCLUSIVE")
        try:
            with pytest.raises(ReloadError, match=r"占用.*原有资料"):
                await lib.reload()
            assert lib.index is old
            assert docs_of(lib.answer(FAMILY_QUESTION))[0] == SPEECH.name
        finally:
            other.execute("ROLLBACK")
            other.close()
        report = await lib.reload()
        assert report.added == ("quantum.txt",)
        assert docs_of(lib.answer(QUANTUM_QUESTION))[0] == "quantum.txt"


async def test_a_missing_corpus_folder_keeps_the_index(store: Store, corpus_dir: Path) -> None:
    lib = Library(store, corpus_dir, workers=1)
    await lib.reload()
    old = lib.index
    lib.corpus_dir = corpus_dir.parent / "missing"
    with pytest.raises(FileNotFoundError, match="语料目录不存在"):
        await lib.reload()
    assert lib.index is old


def test_scan_skips_hidden_files_lock_files_and_other_types(tmp_path: Path) -> None:
    names = ("a.txt", "b.MD", "c.docx", ".hidden.txt", "~$c.docx", "d.wps", ".git/x.txt", "e.png")
    for name in names:
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("x", encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "e.txt").write_text("x", encoding="utf-8")
    files = corpus.scan(tmp_path)
    assert [f.doc for f in files] == ["a.txt", "b.MD", "c.docx", "d.wps", "sub/e.txt"]
    assert [f.doc for f in files if not f.readable] == ["d.wps"]  # listed, to be reported


def test_the_report_gives_rates() -> None:
    report = library.ReloadReport(added=("a",), changed=("b",), chars=1000, seconds=2.0)
    assert (report.docs_per_second, report.chars_per_second) == (1.0, 500.0)
    assert library.ReloadReport().docs_per_second == 0.0


def test_a_custom_segmenter_is_used_for_passages(monkeypatch: pytest.MonkeyPatch) -> None:
    """A batch big enough for worker processes still uses the library's own segmenter,
    which cannot be sent to them: it runs in this process."""
    from retrieval.model import Document, Passage

    monkeypatch.setattr(corpus, "PARALLEL_MIN_CHARS", 0)
    monkeypatch.setattr(corpus, "CHUNK_PASSAGES", 1)
    passages = tuple(Passage("a", "a", (), i, 1, "要守得住清廉。") for i in (1, 2))
    parsed = [(Document("a", "a", (), passages), FileInfo("a", "", 0, 0, ""))]
    with pytest.raises(AssertionError, match="passage segmented"):
        corpus.index_documents(parsed, workers=2, segmenter=NoPassageSegmenting())


async def test_an_emptied_corpus_folder_is_refused_unless_allowed(tmp_path: Path) -> None:
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "a.txt").write_text("标题\n要守得住清廉。领导干部要经受住考验。\n", encoding="utf-8")
    async with await Store.open(tmp_path / "s.db") as store:
        served = Library(store, folder)
        await served.reload()
        (folder / "a.txt").unlink()  # e.g. the volume was not mounted
        (folder / "notes.doc").write_bytes(b"\xd0\xcf\x11\xe0")  # nothing StudyBot reads
        with pytest.raises(ReloadError, match="没有任何文档"):
            await served.reload()
        assert len(served.index.passages) == 1 and len(await store.summaries()) == 1
        report = await served.reload(allow_empty=True)
        assert report.removed == ("a.txt",) and not served.index.passages


def test_workers_cut_and_count_as_this_process_does(monkeypatch: pytest.MonkeyPatch) -> None:
    """Worker processes cut with jieba-rs and count their own chunks: the same terms as
    jieba's here, and the counts of those terms."""
    from retrieval.model import Document, Passage

    monkeypatch.setattr(corpus, "PARALLEL_MIN_CHARS", 0)
    monkeypatch.setattr(corpus, "CHUNK_PASSAGES", 3)
    lines = SPEECH.read_text(encoding="utf-8").splitlines()
    texts = [line for line in lines if len(line) > 10][:12]
    texts += ["等大会常在她心情。", "2006-2020年，pm_2.5下降5%。", "张某某收了x某的钱"]
    parsed = []
    for d in range(3):
        passages = tuple(
            Passage(f"d{d}", "标题", ("一、要守得住清廉",), i, 1, text)
            for i, text in enumerate(texts[d::3], start=1)
        )
        parsed.append((Document(f"d{d}", "标题", (), passages), FileInfo(f"d{d}", "", 0, 0, "")))
    here = corpus.index_counted(parsed, workers=1, segmenter=Segmenter())
    there = corpus.index_counted(parsed, workers=2)
    assert here.counts is None and there.counts is not None
    assert there.documents == here.documents
    counted = build_counts([t for item in here.documents for t in item.packed_terms])
    assert there.counts.vocabulary.blob == counted.vocabulary.blob
    for name in ("ptr", "doc_ids", "tf", "lengths"):
        np.testing.assert_array_equal(getattr(there.counts, name), getattr(counted, name))
