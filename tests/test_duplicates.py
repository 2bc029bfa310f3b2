"""Documents whose text another document holds are indexed once (issue 11, point 4)."""

from __future__ import annotations

import time
from pathlib import Path

from retrieval import corpus
from retrieval.corpus import read_document
from retrieval.duplicates import Duplicate, find_duplicates
from retrieval.library import Library
from retrieval.model import Document
from retrieval.store import FileInfo, Store
from tests.conftest import SPEECH

LINES = [line for line in SPEECH.read_text(encoding="utf-8").splitlines() if line.strip()]


def doc(name: str, *lines: str) -> Document:
    return read_document(name, "\n".join(lines).encode("utf-8"))


def test_same_text_contained_text_and_different_titles() -> None:
    speech = doc("speech.txt", *LINES)
    copy = doc("copy.md", *(line.replace("，", "， ") for line in LINES))  # other spacing
    excerpt = doc("excerpt.txt", "讲话节选", *LINES[10:16])
    longer = doc("longer.txt", *LINES, "附：本讲话根据录音整理。")
    retitled = doc("retitled.txt", "另一个标题", *LINES[1:])  # the same body, its own title
    found = find_duplicates([speech, copy, excerpt, longer, retitled])
    assert found == [
        Duplicate("copy.md", "longer.txt", same=False),  # a copy of what longer.txt holds
        Duplicate("excerpt.txt", "longer.txt", same=False),
        Duplicate("retitled.txt", "longer.txt", same=False),
        Duplicate("speech.txt", "longer.txt", same=False),
    ]
    assert find_duplicates([speech, retitled]) == []  # same body, different titles
    # of equal texts, the one in service stays, else the first by name
    assert find_duplicates([speech, copy]) == [Duplicate("speech.txt", "copy.md", same=True)]
    assert find_duplicates([speech, copy], keep={"speech.txt"}) == [
        Duplicate("copy.md", "speech.txt", same=True)
    ]


def test_documents_sharing_paragraphs_are_not_duplicates_and_cost_little() -> None:
    """1,000 speech-sized documents that share most paragraphs: none contains another."""
    body = LINES[1:]
    documents = [
        doc(f"m{k:04}.txt", f"材料第{k}号", *body[: k % 20], f"第{k}号材料独有的一段话。", *body)
        for k in range(1000)
    ]
    started = time.perf_counter()
    assert find_duplicates(documents) == []
    assert time.perf_counter() - started < 10  # about 0.2 s on a development machine


async def test_a_reload_keeps_one_of_each_text_as_copies_come_and_go(
    tmp_path: Path, corpus_dir: Path
) -> None:
    async with await Store.open(tmp_path / "d.db") as store:
        library = Library(store, corpus_dir, workers=1)
        await library.reload()
        text = SPEECH.read_text(encoding="utf-8")
        (corpus_dir / "a-copy.txt").write_text(text, encoding="utf-8")
        report = await library.reload()
        # the document in service stays, although the copy's name comes first
        assert report.duplicates == (Duplicate("a-copy.txt", SPEECH.name, same=True),)
        assert report.added == () and report.unchanged == 1
        assert [d.doc for d in library.index.documents] == [SPEECH.name]
        (corpus_dir / "full.txt").write_text(text + "\n附：本讲话根据录音整理。\n", "utf-8")
        report = await library.reload()
        assert report.added == ("full.txt",) and report.unchanged == 0
        assert set(report.duplicates) == {
            Duplicate("a-copy.txt", "full.txt", same=False),
            Duplicate(SPEECH.name, "full.txt", same=False),
        }
        assert [d.doc for d in library.index.documents] == ["full.txt"]
        texts = [p.text for p in library.index.passages]
        assert len(texts) == len(set(texts))
        (corpus_dir / "full.txt").unlink()  # the speech comes back, once
        report = await library.reload()
        assert report.removed == ("full.txt",) and report.added == ("a-copy.txt",)
        assert report.duplicates == (Duplicate(SPEECH.name, "a-copy.txt", same=True),)
        assert [d.doc for d in (await store.documents())] == ["a-copy.txt"]


async def test_copies_stored_before_duplicates_were_checked_are_left_out_once(
    tmp_path: Path, corpus_dir: Path
) -> None:
    """A store from before this check may hold two copies: the next reload leaves one out,
    although neither file changed."""
    copy = corpus_dir / "speech-copy.txt"
    copy.write_bytes(SPEECH.read_bytes())
    async with await Store.open(tmp_path / "old.db") as store:
        files = corpus.scan(corpus_dir)
        analyzer = corpus.analyzer_fingerprint()
        parsed = [
            (
                corpus.read_document(f.doc, f.path.read_bytes()),
                FileInfo(f.doc, corpus.sha256(f.path.read_bytes()), f.size, f.mtime_ns, analyzer),
            )
            for f in files
        ]
        await store.apply(corpus.index_documents(parsed, 1), [], [])  # as an old reload did
        assert len(await store.documents()) == 2
        report = await Library(store, corpus_dir, workers=1).reload()
        assert report.duplicates == (Duplicate("speech-copy.txt", SPEECH.name, same=True),)
        assert report.unchanged == 1 and report.removed == ()
        assert [d.doc for d in await store.documents()] == [SPEECH.name]
        again = await Library(store, corpus_dir, workers=1).reload()
        assert again.duplicates == (Duplicate("speech-copy.txt", SPEECH.name, same=True),)
