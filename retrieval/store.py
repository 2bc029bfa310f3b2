"""The corpus in SQLite, over aiosqlite: documents, passages and the postings snapshot.

Holds the documents, their passages with section paths and search terms, a snapshot of their
term counts (retrieval/counts.py, so start-up needs no segmentation) and the corpus's own
settings (its folder). The tables are the corpus's alone (retrieval/schema.py); the file
may hold other owners' tables too (the bot's state, bot/state/), which this module never
reads (retrieval/database.py).

Multi-statement reads that must agree with each other (the corpus at load) run in one read
transaction, so another process's commit cannot fall between them.
"""

from __future__ import annotations

import asyncio
import hashlib
import json
import time
from collections.abc import Iterable, Sequence
from contextlib import AbstractAsyncContextManager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import aiosqlite
import numpy as np
import numpy.typing as npt

from retrieval import bm25
from retrieval import snapshot as snapshot_files
from retrieval.counts import TermCounts, Vocabulary, build_counts, unpack_terms
from retrieval.database import BUSY_TIMEOUT_MS, Database
from retrieval.model import Document, DocumentMeta, Heading, Passage
from retrieval.schema import LEGACY, MIGRATIONS, OWNER

SNAPSHOT_LAYOUT = 2  # sorted vocabulary, counts as blobs; bump when the encoding changes
FILE_LAYOUT = 3  # the same counts in a file beside the database (retrieval/snapshot.py)


# the corpus's settings (corpus_meta)
FOLDER = "corpus_dir"
# the generation of the store last checked whole for duplicates (stores from before that
# check may hold copies; checked once, then whenever something new is parsed)
DUPLICATES_CHECKED = "duplicates_checked"


@dataclass(frozen=True, slots=True)
class FileInfo:
    """What the store knows of a corpus file, to tell whether it changed."""

    doc: str
    sha256: str
    size: int
    mtime_ns: int
    analyzer: str


@dataclass(frozen=True, slots=True)
class DocumentSummary:
    doc: str
    title: str
    passages: int
    added_at: float
    updated_at: float


@dataclass(frozen=True, slots=True)
class IndexedDocument:
    """A parsed document with its passages' search terms, ready to store."""

    document: Document
    # One string per passage: its terms joined by TERM_SEP (see pack_terms). Packed because
    # at 100,000 passages tuples of terms cost ~2 GB, one string per passage ~150 MB.
    packed_terms: tuple[str, ...]
    info: FileInfo


@dataclass(frozen=True, slots=True)
class StoredCorpus:
    """Everything the index is made of, as one consistent state of the store."""

    generation: str
    documents: tuple[Document, ...]
    postings: bm25.Postings
    counts: TermCounts | None  # set when rebuilt from the stored terms: worth saving


def generation_of(infos: Iterable[FileInfo]) -> str:
    """Identifies a corpus state by its documents' contents and analyzer, like
    `Store.generation` (which reads them from the store)."""
    return _generation(sorted((i.doc, i.sha256, i.analyzer) for i in infos))


def _generation(rows: Iterable[Sequence[Any]]) -> str:
    return hashlib.sha256(json.dumps([list(r) for r in rows]).encode()).hexdigest()


@dataclass(frozen=True)
class Snapshot:
    """Counts to save with a change of the store: computed from the state `base` for the
    state `generation`, and saved only if the store really goes from one to the other."""

    base: str
    generation: str
    counts: TermCounts


def _blob(values: npt.NDArray[Any], dtype: type[np.generic]) -> memoryview:
    return np.ascontiguousarray(values, dtype=dtype).data


def _snapshot_counts(row: Sequence[Any], n_docs: int) -> TermCounts | None:
    """Counts from a snapshot row, or None if its arrays do not fit together."""
    vocabulary_blob, ptr_blob, doc_ids_blob, tf_blob, lengths_blob = row
    vocabulary = Vocabulary(bytes(vocabulary_blob))
    ptr: bm25.IntArray = np.frombuffer(ptr_blob, dtype=np.int64)
    doc_ids: npt.NDArray[np.int32] = np.frombuffer(doc_ids_blob, dtype=np.int32)
    tf: npt.NDArray[np.int32] = np.frombuffer(tf_blob, dtype=np.int32)
    lengths: npt.NDArray[np.int32] = np.frombuffer(lengths_blob, dtype=np.int32)
    if (
        len(ptr) != len(vocabulary) + 1
        or int(ptr[-1]) != len(doc_ids)
        or len(tf) != len(doc_ids)
        or len(lengths) != n_docs
        or (len(doc_ids) and int(doc_ids.max()) >= n_docs)
    ):
        return None
    return TermCounts(vocabulary, ptr, doc_ids, tf, lengths)


def _documents(docs: Sequence[Sequence[Any]], rows: Iterable[Sequence[Any]]) -> list[Document]:
    """Documents from their rows and their passages' rows (in document order)."""
    by_doc: dict[int, list[Passage]] = {}
    sections: dict[str, tuple[str, ...]] = {}  # one shared tuple per distinct section
    titles = {doc_id: (doc, title) for doc_id, doc, title, *_ in docs}
    for row in rows:
        doc_id, paragraph, part, section, text = row[:5]
        path = sections.get(section)
        if path is None:
            path = sections[section] = tuple(json.loads(section))
        doc, title = titles[doc_id]
        by_doc.setdefault(doc_id, []).append(Passage(doc, title, path, paragraph, part, text))
    return [
        Document(
            doc,
            title,
            tuple(Heading(tuple(path), first) for path, first in json.loads(headings)),
            tuple(by_doc.get(doc_id, ())),
            DocumentMeta.from_json(json.loads(meta)),
        )
        for doc_id, doc, title, headings, meta in docs
    ]


def _assemble(
    generation: str,
    docs: Sequence[Sequence[Any]],
    rows: Sequence[Sequence[Any]],
    snapshot: TermCounts | None,
) -> StoredCorpus:
    """Documents from their rows; postings from the snapshot's counts, or else from counting
    the terms (the rows' sixth column)."""
    documents = tuple(_documents(docs, rows))
    if snapshot is not None:
        return StoredCorpus(generation, documents, bm25.Postings.of(snapshot), None)
    counts = build_counts([row[5] for row in rows])
    return StoredCorpus(generation, documents, bm25.Postings.of(counts), counts)


class Store:
    def __init__(self, database: Database) -> None:
        self.database = database  # shared with the file's other owners (the bot's state)
        self.path = database.path  # the database file; None for an in-memory database

    @classmethod
    async def open(cls, path: Path | str, *, busy_timeout_ms: int = BUSY_TIMEOUT_MS) -> Store:
        """Open (creating if needed) and migrate the corpus's tables; a statement waits up
        to `busy_timeout_ms` for another connection's lock before failing with "database is
        locked"."""
        database = await Database.open(path, busy_timeout_ms=busy_timeout_ms)
        try:
            await database.migrate(OWNER, MIGRATIONS, LEGACY)
        except BaseException:
            await database.close()
            raise
        return cls(database)

    async def close(self) -> None:
        await self.database.close()

    async def __aenter__(self) -> Store:
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.close()

    def transaction(self) -> AbstractAsyncContextManager[aiosqlite.Connection]:
        return self.database.transaction()

    def _read(self) -> AbstractAsyncContextManager[aiosqlite.Connection]:
        return self.database.read()

    async def schema_version(self) -> int:
        """How many of the corpus's migrations the database has."""
        return await self.database.version(OWNER, LEGACY)

    async def _one(self, sql: str, params: Sequence[Any] = ()) -> Any:
        return await self.database.one(sql, params)

    async def _all(self, sql: str, params: Sequence[Any] = ()) -> list[Any]:
        return await self.database.all(sql, params)

    # --- the corpus's settings ------------------------------------------------------------

    async def _setting(self, key: str) -> str | None:
        row = await self.database.row("SELECT value FROM corpus_meta WHERE key = ?", (key,))
        return None if row is None else str(row["value"])

    async def _set(self, key: str, value: str) -> None:
        async with self.transaction() as db:
            await db.execute(
                "INSERT INTO corpus_meta (key, value) VALUES (?, ?)"
                " ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                (key, value),
            )

    async def folder(self) -> str | None:
        """The corpus folder the store was last reloaded from (resolved), if any."""
        return await self._setting(FOLDER)

    async def set_folder(self, folder: str) -> None:
        await self._set(FOLDER, folder)

    async def duplicates_checked(self) -> str | None:
        """The generation of the store last checked whole for duplicates."""
        return await self._setting(DUPLICATES_CHECKED)

    async def set_duplicates_checked(self, generation: str) -> None:
        await self._set(DUPLICATES_CHECKED, generation)

    # --- corpus -------------------------------------------------------------------------

    async def file_infos(self) -> dict[str, FileInfo]:
        rows = await self.database.rows(
            "SELECT doc, sha256, size, mtime_ns, analyzer FROM documents"
        )
        return {
            row["doc"]: FileInfo(
                row["doc"], row["sha256"], row["size"], row["mtime_ns"], row["analyzer"]
            )
            for row in rows
        }

    async def summaries(self) -> list[DocumentSummary]:
        rows = await self.database.rows(
            "SELECT d.doc, d.title, count(p.id) AS passages, d.added_at, d.updated_at"
            " FROM documents d LEFT JOIN passages p ON p.document_id = d.id"
            " GROUP BY d.id ORDER BY d.doc"
        )
        return [
            DocumentSummary(
                row["doc"], row["title"], row["passages"], row["added_at"], row["updated_at"]
            )
            for row in rows
        ]

    async def apply(
        self,
        upserts: Iterable[IndexedDocument],
        removed: Iterable[str],
        touched: Iterable[FileInfo] = (),
        snapshot: Snapshot | None = None,
    ) -> bool:
        """Replace, add and remove documents in one transaction, with the postings snapshot.

        The old snapshot is dropped; `snapshot` is saved in its place when the store was at
        its base state before and is at its generation after (another process may have
        changed the store meanwhile). Returns whether it was saved.
        """
        upserts, removed = list(upserts), list(removed)
        now = time.time()
        async with self.transaction() as db:
            base = _generation(await self._generation_rows()) if snapshot else None
            for doc in removed:
                await db.execute("DELETE FROM documents WHERE doc = ?", (doc,))
            for info in touched:  # content unchanged, file times changed
                await db.execute(
                    "UPDATE documents SET size = ?, mtime_ns = ? WHERE doc = ?",
                    (info.size, info.mtime_ns, info.doc),
                )
            for item in upserts:
                await self._upsert(db, item, now)
            if upserts or removed:  # touched files alone leave the postings as they are
                await db.execute("DELETE FROM index_snapshot")
            if snapshot is None or base != snapshot.base:
                return False
            if _generation(await self._generation_rows()) != snapshot.generation:
                return False
            await self._put_snapshot(db, snapshot.generation, snapshot.counts)
        await self._drop_other_snapshots(snapshot.generation)
        return True

    async def _upsert(self, db: aiosqlite.Connection, item: IndexedDocument, now: float) -> None:
        d, info = item.document, item.info
        if len(item.packed_terms) != len(d.passages):
            raise ValueError(f"{d.doc}: {len(item.packed_terms)} term lists for {len(d.passages)}")
        headings = json.dumps(
            [[list(h.path), h.first_paragraph] for h in d.headings], ensure_ascii=False
        )
        row = await self._one("SELECT id, added_at FROM documents WHERE doc = ?", (d.doc,))
        if row:
            await db.execute("DELETE FROM documents WHERE id = ?", (row[0],))
        cursor = await db.execute(
            "INSERT INTO documents (doc, title, sha256, size, mtime_ns, analyzer, headings,"
            " meta, added_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                d.doc,
                d.title,
                info.sha256,
                info.size,
                info.mtime_ns,
                info.analyzer,
                headings,
                json.dumps(d.meta.to_json(), ensure_ascii=False),
                row[1] if row else now,
                now,
            ),
        )
        doc_id = cursor.lastrowid
        await db.executemany(
            "INSERT INTO passages (document_id, paragraph, part, section, text, terms)"
            " VALUES (?, ?, ?, ?, ?, ?)",
            (
                (
                    doc_id,
                    p.paragraph,
                    p.part,
                    json.dumps(p.section, ensure_ascii=False),
                    p.text,
                    terms,
                )
                for p, terms in zip(d.passages, item.packed_terms, strict=True)
            ),
        )

    async def load_corpus(self) -> StoredCorpus:
        """Documents and postings of one committed state of the store.

        Read in one transaction, so another process's reload cannot give documents of one
        state and postings of another. Decoding rows and any postings rebuild run in a worker
        thread: at 100,000 passages they take from half a second to several seconds.
        """
        async with self._read() as db:
            generation = _generation(await self._generation_rows())
            count = int((await self._one("SELECT count(*) FROM passages"))[0])
            saved = await self._saved_counts(generation, count)
            docs = await self._all(
                "SELECT id, doc, title, headings, meta FROM documents ORDER BY doc"
            )
            async with db.execute(
                "SELECT p.document_id, p.paragraph, p.part, p.section, p.text"
                + (", p.terms" if saved is None else "")
                + " FROM passages p JOIN documents d ON d.id = p.document_id"
                " ORDER BY d.doc, p.paragraph, p.part"
            ) as cursor:
                rows = list(await cursor.fetchall())
        return await asyncio.to_thread(_assemble, generation, docs, rows, saved)

    async def _generation_rows(self) -> list[Any]:
        return await self._all("SELECT doc, sha256, analyzer FROM documents ORDER BY doc")

    async def documents(self) -> list[Document]:
        """Every stored document with its passages, in document order."""
        async with self._read():
            docs = await self._all(
                "SELECT id, doc, title, headings, meta FROM documents ORDER BY doc"
            )
            rows = await self._all(
                "SELECT p.document_id, p.paragraph, p.part, p.section, p.text FROM passages p"
                " JOIN documents d ON d.id = p.document_id ORDER BY d.doc, p.paragraph, p.part"
            )
        return await asyncio.to_thread(_documents, docs, rows)

    async def terms(self) -> list[list[str]]:
        """Search terms of every passage, in the order of `documents()`."""
        rows = await self._all(
            "SELECT p.terms FROM passages p JOIN documents d ON d.id = p.document_id"
            " ORDER BY d.doc, p.paragraph, p.part"
        )
        return [unpack_terms(row[0]) for row in rows]

    async def generation(self) -> str:
        """Identifies the stored corpus: changes whenever any document or the analyzer does."""
        return _generation(await self._generation_rows())

    async def load_snapshot(self, generation: str) -> bm25.Postings | None:
        """The saved postings if they were saved for `generation`."""
        async with self._read():
            count = int((await self._one("SELECT count(*) FROM passages"))[0])
            counts = await self._saved_counts(generation, count)
        return None if counts is None else await asyncio.to_thread(bm25.Postings.of, counts)

    async def _saved_counts(self, generation: str, count: int) -> TermCounts | None:
        """The snapshot's counts if it was saved for `generation` and `count` passages."""
        row = await self._one(
            "SELECT layout, vocabulary, ptr, doc_ids, tf, lengths FROM index_snapshot"
            " WHERE generation = ? AND layout IN (?, ?) AND passages = ?",
            (generation, SNAPSHOT_LAYOUT, FILE_LAYOUT, count),
        )
        if row is None:
            return None
        if row[0] == SNAPSHOT_LAYOUT:
            return await asyncio.to_thread(_snapshot_counts, row[1:], count)
        if self.path is None:
            return None
        return await asyncio.to_thread(snapshot_files.read, self.path, generation, count)

    async def save_snapshot(self, generation: str, counts: TermCounts) -> bool:
        """Save counts for `generation`; False (nothing saved) if the store has moved on."""
        async with self.transaction() as db:
            if _generation(await self._generation_rows()) != generation:
                return False
            await self._put_snapshot(db, generation, counts)
        await self._drop_other_snapshots(generation)
        return True

    async def _drop_other_snapshots(self, generation: str) -> None:
        if self.path is not None:
            await asyncio.to_thread(snapshot_files.remove_others, self.path, generation)

    async def _put_snapshot(
        self, db: aiosqlite.Connection, generation: str, counts: TermCounts
    ) -> None:
        """Record the snapshot in this transaction: in its own file beside a database file
        (written first; see retrieval/snapshot.py), as blobs in an in-memory database."""
        if self.path is not None:
            await asyncio.to_thread(snapshot_files.write, self.path, generation, counts)
            await db.execute(
                "INSERT OR REPLACE INTO index_snapshot (id, generation, layout, passages,"
                " vocabulary, ptr, doc_ids, tf, lengths, created_at)"
                " VALUES (1, ?, ?, ?, x'', x'', x'', x'', x'', ?)",
                (generation, FILE_LAYOUT, counts.n_docs, time.time()),
            )
            return
        await db.execute(
            "INSERT OR REPLACE INTO index_snapshot (id, generation, layout, passages,"
            " vocabulary, ptr, doc_ids, tf, lengths, created_at)"
            " VALUES (1, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                generation,
                SNAPSHOT_LAYOUT,
                counts.n_docs,
                counts.vocabulary.blob,
                _blob(counts.ptr, np.int64),  # SQLite copies from the arrays' own memory
                _blob(counts.doc_ids, np.int32),
                _blob(counts.tf, np.int32),
                _blob(counts.lengths, np.int32),
                time.time(),
            ),
        )
