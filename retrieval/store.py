"""StudyBot's durable state in one SQLite file, over aiosqlite.

Holds the corpus (documents, passages with their section paths and search terms, and a
snapshot of their term counts, retrieval/counts.py, so start-up needs no segmentation), the
query log, feedback, per-chat settings, group study state, the update inbox and the admin
audit log. The schema (retrieval/schema.py) is versioned: its migrations are applied in
order at open, each in its own transaction.

Writes go through one lock: aiosqlite runs every statement of a connection on one thread,
so two coroutines writing at once would otherwise share (and roll back) one transaction.
Multi-statement reads that must agree with each other (the corpus at load) take the same
lock and run in one read transaction, so another process's commit cannot fall between them.
"""

from __future__ import annotations

import asyncio
import contextlib
import hashlib
import json
import sqlite3
import time
from collections.abc import AsyncIterator, Iterable, Sequence
from contextlib import asynccontextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import aiosqlite
import numpy as np
import numpy.typing as npt

from retrieval import bm25
from retrieval.counts import TermCounts, Vocabulary, build_counts, unpack_terms
from retrieval.model import Document, DocumentMeta, Heading, Passage
from retrieval.schema import MIGRATIONS, statements

BUSY_TIMEOUT_MS = 5000
SNAPSHOT_LAYOUT = 2  # sorted vocabulary, counts; bump when the encoding changes


class StoreError(RuntimeError):
    """The database cannot be used as it is; str() is a complete message for an admin."""


HANDLED_UPDATES_KEPT = 3 * 86400  # Telegram keeps unconfirmed updates for 24 hours


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
        return StoredCorpus(generation, documents, snapshot.postings(), None)
    counts = build_counts([row[5] for row in rows])
    return StoredCorpus(generation, documents, counts.postings(), counts)


async def _enable_wal(db: aiosqlite.Connection, deadline: float) -> None:
    """Switch to write-ahead logging. The switch needs the database to itself, and SQLite
    reports "locked" at once rather than calling the busy handler when another connection
    is opening the same new file, so wait here ourselves."""
    while True:
        try:
            await db.execute("PRAGMA journal_mode = WAL")
            return
        except sqlite3.OperationalError as error:
            if "locked" not in str(error) or time.monotonic() >= deadline:
                raise
            await asyncio.sleep(0.02)


class Store:
    def __init__(self, db: aiosqlite.Connection, path: Path | None = None) -> None:
        self._db = db
        self._write = asyncio.Lock()
        self.path = path  # the database file; None for an in-memory database

    @classmethod
    async def open(cls, path: Path | str, *, busy_timeout_ms: int = BUSY_TIMEOUT_MS) -> Store:
        """Open (creating if needed) and migrate; a statement waits up to `busy_timeout_ms`
        for another connection's lock before failing with "database is locked"."""
        memory = str(path) == ":memory:"
        if not memory:
            Path(path).parent.mkdir(parents=True, exist_ok=True)
        db = await aiosqlite.connect(
            str(path), isolation_level=None, timeout=busy_timeout_ms / 1000
        )
        try:
            await db.execute(f"PRAGMA busy_timeout = {int(busy_timeout_ms)}")
            await _enable_wal(db, time.monotonic() + busy_timeout_ms / 1000)
            await db.execute("PRAGMA synchronous = NORMAL")
            await db.execute("PRAGMA foreign_keys = ON")
            store = cls(db, None if memory else Path(path))
            await store._migrate()
        except BaseException:
            await db.close()
            raise
        return store

    async def close(self) -> None:
        await self._db.close()

    async def __aenter__(self) -> Store:
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.close()

    async def _begin(self, statement: str) -> None:
        """Start a transaction, and end it again if the caller is cancelled meanwhile:
        aiosqlite runs a statement even when its caller stops waiting, and a transaction
        nobody ends would make every later BEGIN fail. Statements run in order, so the
        ROLLBACK comes after the BEGIN."""
        try:
            await self._db.execute(statement)
        except asyncio.CancelledError:
            with contextlib.suppress(sqlite3.Error):  # the BEGIN may never have run
                await self._db.execute("ROLLBACK")
            raise

    @asynccontextmanager
    async def transaction(self) -> AsyncIterator[aiosqlite.Connection]:
        """One write transaction; IMMEDIATE so a busy database fails at the start, not midway."""
        async with self._write:
            await self._begin("BEGIN IMMEDIATE")
            try:
                yield self._db
                await self._db.execute("COMMIT")
            except BaseException:
                # A failed COMMIT leaves the transaction open, and SQLite may already have
                # rolled back on some errors: roll back only what is still open.
                if self._db.in_transaction:
                    await self._db.execute("ROLLBACK")
                raise

    @asynccontextmanager
    async def _read(self) -> AsyncIterator[aiosqlite.Connection]:
        """One read transaction: every statement in it sees the same committed state."""
        async with self._write:  # keeps other coroutines' statements out of it
            await self._begin("BEGIN")
            try:
                yield self._db
            finally:
                if self._db.in_transaction:
                    await self._db.execute("COMMIT")

    async def _migrate(self) -> None:
        version = await self.schema_version()
        if version > len(MIGRATIONS):
            raise StoreError(
                f"数据库结构版本为 {version}，高于本程序支持的 {len(MIGRATIONS)}，请升级 StudyBot"
            )
        for number, script in enumerate(MIGRATIONS[version:], start=version + 1):
            async with self.transaction() as db:
                # Another process may have migrated while this one waited for the lock.
                if await self.schema_version() >= number:
                    continue
                for statement in statements(script):
                    await db.execute(statement)
                await db.execute(f"PRAGMA user_version = {number}")

    async def schema_version(self) -> int:
        return int((await self._one("PRAGMA user_version"))[0])

    async def _one(self, sql: str, params: Sequence[Any] = ()) -> Any:
        async with self._db.execute(sql, params) as cursor:
            return await cursor.fetchone()

    async def _all(self, sql: str, params: Sequence[Any] = ()) -> list[Any]:
        async with self._db.execute(sql, params) as cursor:
            return list(await cursor.fetchall())

    # --- corpus -------------------------------------------------------------------------

    async def file_infos(self) -> dict[str, FileInfo]:
        rows = await self._all("SELECT doc, sha256, size, mtime_ns, analyzer FROM documents")
        return {row[0]: FileInfo(*row) for row in rows}

    async def summaries(self) -> list[DocumentSummary]:
        rows = await self._all(
            "SELECT d.doc, d.title, count(p.id), d.added_at, d.updated_at FROM documents d "
            "LEFT JOIN passages p ON p.document_id = d.id GROUP BY d.id ORDER BY d.doc"
        )
        return [DocumentSummary(*row) for row in rows]

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
            row = await self._one(
                "SELECT vocabulary, ptr, doc_ids, tf, lengths FROM index_snapshot"
                " WHERE generation = ? AND layout = ? AND passages = ?",
                (generation, SNAPSHOT_LAYOUT, count),
            )
            snapshot = None
            if row is not None:
                snapshot = await asyncio.to_thread(_snapshot_counts, row, count)
            docs = await self._all(
                "SELECT id, doc, title, headings, meta FROM documents ORDER BY doc"
            )
            async with db.execute(
                "SELECT p.document_id, p.paragraph, p.part, p.section, p.text"
                + (", p.terms" if snapshot is None else "")
                + " FROM passages p JOIN documents d ON d.id = p.document_id"
                " ORDER BY d.doc, p.paragraph, p.part"
            ) as cursor:
                rows = list(await cursor.fetchall())
        return await asyncio.to_thread(_assemble, generation, docs, rows, snapshot)

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
            row = await self._one(
                "SELECT vocabulary, ptr, doc_ids, tf, lengths FROM index_snapshot"
                " WHERE generation = ? AND layout = ? AND passages = ?",
                (generation, SNAPSHOT_LAYOUT, count),
            )
        counts = None if row is None else await asyncio.to_thread(_snapshot_counts, row, count)
        return None if counts is None else await asyncio.to_thread(counts.postings)

    async def save_snapshot(self, generation: str, counts: TermCounts) -> bool:
        """Save counts for `generation`; False (nothing saved) if the store has moved on."""
        async with self.transaction() as db:
            if _generation(await self._generation_rows()) != generation:
                return False
            await self._put_snapshot(db, generation, counts)
        return True

    async def _put_snapshot(
        self, db: aiosqlite.Connection, generation: str, counts: TermCounts
    ) -> None:
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

    async def load_counts(self, generation: str, postings: bm25.Postings) -> TermCounts | None:
        """The term counts `postings` were computed from, if the snapshot for `generation`
        holds them: the in-memory arrays are reused, only the counts are read."""
        vocabulary = postings.vocabulary
        if not isinstance(vocabulary, Vocabulary):
            return None
        row = await self._one(
            "SELECT tf, lengths, ptr FROM index_snapshot"
            " WHERE generation = ? AND layout = ? AND passages = ?",
            (generation, SNAPSHOT_LAYOUT, postings.n_docs),
        )
        if row is None:
            return None
        tf: npt.NDArray[np.int32] = np.frombuffer(row[0], dtype=np.int32)
        lengths: npt.NDArray[np.int32] = np.frombuffer(row[1], dtype=np.int32)
        if (
            len(tf) != len(postings.doc_ids)
            or len(lengths) != postings.n_docs
            or bytes(row[2]) != postings.ptr.tobytes()
        ):
            return None
        return TermCounts(vocabulary, postings.ptr, postings.doc_ids, tf, lengths)

    # --- logs, feedback, settings, audit ---------------------------------------------------

    async def log_query(
        self,
        *,
        source: str,
        question: str,
        results: Sequence[tuple[str, int, float]],
        latency_ms: float,
        chat_id: int | None = None,
        user_id: int | None = None,
    ) -> int:
        async with self.transaction() as db:
            cursor = await db.execute(
                "INSERT INTO query_log (at, chat_id, user_id, source, question, answered, results,"
                " latency_ms) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    time.time(),
                    chat_id,
                    user_id,
                    source,
                    question,
                    bool(results),
                    json.dumps(results, ensure_ascii=False),
                    latency_ms,
                ),
            )
            return int(cursor.lastrowid or 0)

    async def add_feedback(
        self,
        *,
        doc: str,
        paragraph: int,
        helpful: bool,
        query_id: int | None = None,
        chat_id: int | None = None,
        user_id: int | None = None,
        reason: str | None = None,
    ) -> tuple[int, bool]:
        """Record a vote: (its id, whether anything changed). A member has one vote per
        answer: the same vote again changes nothing, the other vote replaces it."""
        async with self.transaction() as db:
            if query_id is not None and user_id is not None:
                cursor = await db.execute(
                    "SELECT id, helpful FROM feedback WHERE query_id = ? AND user_id = ?",
                    (query_id, user_id),
                )
                row = await cursor.fetchone()
                if row is not None:
                    if bool(row[1]) == helpful:
                        return int(row[0]), False
                    await db.execute(
                        "UPDATE feedback SET at = ?, helpful = ?, reason = ? WHERE id = ?",
                        (time.time(), helpful, reason, row[0]),
                    )
                    return int(row[0]), True
            cursor = await db.execute(
                "INSERT INTO feedback (at, query_id, chat_id, user_id, doc, paragraph, helpful,"
                " reason)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (time.time(), query_id, chat_id, user_id, doc, paragraph, helpful, reason),
            )
            return int(cursor.lastrowid or 0), True

    async def set_feedback_reason(self, feedback_id: int, reason: str) -> None:
        """The reason for a 👎; none is kept once the member has changed the vote to 👍."""
        async with self.transaction() as db:
            await db.execute(
                "UPDATE feedback SET reason = ? WHERE id = ? AND helpful = 0", (reason, feedback_id)
            )

    async def get_setting(self, chat_id: int, key: str, default: str | None = None) -> str | None:
        row = await self._one(
            "SELECT value FROM chat_settings WHERE chat_id = ? AND key = ?", (chat_id, key)
        )
        return str(row[0]) if row else default

    async def set_setting(self, chat_id: int, key: str, value: str) -> None:
        async with self.transaction() as db:
            await db.execute(
                "INSERT INTO chat_settings (chat_id, key, value) VALUES (?, ?, ?)"
                " ON CONFLICT (chat_id, key) DO UPDATE SET value = excluded.value",
                (chat_id, key, value),
            )

    async def audit(
        self, *, user_id: int | None, action: str, allowed: bool, detail: str = ""
    ) -> None:
        async with self.transaction() as db:
            await db.execute(
                "INSERT INTO audit_log (at, user_id, action, allowed, detail)"
                " VALUES (?, ?, ?, ?, ?)",
                (time.time(), user_id, action, allowed, detail),
            )

    # --- the update inbox ------------------------------------------------------------------

    async def receive_updates(self, updates: Sequence[tuple[int, str]]) -> None:
        """Keep fetched updates (id, JSON) until handled; one already known is left as it is."""
        now = time.time()
        async with self.transaction() as db:
            await db.executemany(
                "INSERT OR IGNORE INTO updates (update_id, payload, received_at) VALUES (?, ?, ?)",
                [(update_id, payload, now) for update_id, payload in updates],
            )

    async def pending_updates(self) -> list[str]:
        """Updates fetched but not handled when the bot last stopped, oldest first."""
        rows = await self._all(
            "SELECT payload FROM updates WHERE handled_at IS NULL AND payload IS NOT NULL"
            " ORDER BY update_id"
        )
        return [str(row[0]) for row in rows]

    async def was_handled(self, update_id: int) -> bool:
        row = await self._one(
            "SELECT 1 FROM updates WHERE update_id = ? AND handled_at IS NOT NULL", (update_id,)
        )
        return row is not None

    async def mark_handled(self, update_id: int) -> None:
        """Record the update as handled (dropping its payload) and forget very old ones."""
        now = time.time()
        async with self.transaction() as db:
            await db.execute(
                "INSERT INTO updates (update_id, payload, received_at, handled_at)"
                " VALUES (?, NULL, ?, ?) ON CONFLICT (update_id)"
                " DO UPDATE SET payload = NULL, handled_at = excluded.handled_at",
                (update_id, now, now),
            )
            if update_id % 1000 == 0:  # now and then: Telegram never resends these
                await db.execute(
                    "DELETE FROM updates WHERE handled_at < ?", (now - HANDLED_UPDATES_KEPT,)
                )

    async def query(self, sql: str, params: Sequence[Any] = ()) -> list[Any]:
        """Read-only access for reports (/stats); parameters are always bound, never formatted.

        query_only makes SQLite refuse a write, so a mistaken report cannot change the data.
        """
        async with self._write:  # query_only is per connection: no write may run meanwhile
            await self._db.execute("PRAGMA query_only = ON")
            try:
                return await self._all(sql, params)
            finally:
                await self._db.execute("PRAGMA query_only = OFF")

    # --- quizzes and reading --------------------------------------------------------------

    async def start_quiz_round(
        self,
        *,
        chat_id: int,
        starter_id: int,
        seconds: int,
        seed: int,
        at: float,
        questions: Sequence[QuestionDraft],
    ) -> int | None:
        """A new round with all its questions, or None while the chat has a round open."""
        async with self.transaction() as db:
            if await self._one(
                "SELECT 1 FROM quiz_rounds WHERE chat_id = ? AND ended_at IS NULL", (chat_id,)
            ):
                return None
            cursor = await db.execute(
                "INSERT INTO quiz_rounds (chat_id, starter_id, total, seconds, seed, started_at)"
                " VALUES (?, ?, ?, ?, ?, ?)",
                (chat_id, starter_id, len(questions), seconds, seed, at),
            )
            round_id = int(cursor.lastrowid or 0)
            await db.executemany(
                "INSERT INTO quiz_questions (round_id, number, kind, prompt, options,"
                " answer_index, sentence, doc, title, section, paragraph, part, passage)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [
                    (
                        round_id,
                        number,
                        q.kind,
                        q.prompt,
                        json.dumps(list(q.options), ensure_ascii=False),
                        q.answer_index,
                        q.sentence,
                        q.passage.doc,
                        q.passage.title,
                        json.dumps(list(q.passage.section), ensure_ascii=False),
                        q.passage.paragraph,
                        q.passage.part,
                        q.passage.text,
                    )
                    for number, q in enumerate(questions, start=1)
                ],
            )
            return round_id

    async def quiz_round(self, round_id: int) -> QuizRound | None:
        row = await self._one(f"SELECT {_ROUND_COLUMNS} FROM quiz_rounds WHERE id = ?", (round_id,))
        return QuizRound(*row) if row else None

    async def open_quiz_round(self, chat_id: int) -> QuizRound | None:
        row = await self._one(
            f"SELECT {_ROUND_COLUMNS} FROM quiz_rounds WHERE chat_id = ? AND ended_at IS NULL",
            (chat_id,),
        )
        return QuizRound(*row) if row else None

    async def open_quiz_rounds(self) -> list[QuizRound]:
        rows = await self._all(
            f"SELECT {_ROUND_COLUMNS} FROM quiz_rounds WHERE ended_at IS NULL ORDER BY id"
        )
        return [QuizRound(*row) for row in rows]

    async def end_quiz_round(self, round_id: int, *, at: float, outcome: str) -> bool:
        """Close a round; False if it was closed already."""
        async with self.transaction() as db:
            cursor = await db.execute(
                "UPDATE quiz_rounds SET ended_at = ?, outcome = ?"
                " WHERE id = ? AND ended_at IS NULL",
                (at, outcome, round_id),
            )
            return cursor.rowcount == 1

    async def quiz_questions(self, round_id: int) -> list[StoredQuestion]:
        rows = await self._all(
            f"SELECT {_QUESTION_COLUMNS} FROM quiz_questions q JOIN quiz_rounds r"
            " ON r.id = q.round_id WHERE q.round_id = ? ORDER BY q.number",
            (round_id,),
        )
        return [_stored_question(row) for row in rows]

    async def quiz_question(self, question_id: int) -> StoredQuestion | None:
        row = await self._one(
            f"SELECT {_QUESTION_COLUMNS} FROM quiz_questions q JOIN quiz_rounds r"
            " ON r.id = q.round_id WHERE q.id = ?",
            (question_id,),
        )
        return _stored_question(row) if row else None

    async def mark_question_asked(
        self, question_id: int, *, message_id: int, asked_at: float, deadline: float
    ) -> None:
        async with self.transaction() as db:
            await db.execute(
                "UPDATE quiz_questions SET message_id = ?, asked_at = ?, deadline = ? WHERE id = ?",
                (message_id, asked_at, deadline, question_id),
            )

    async def record_quiz_answer(
        self, question_id: int, *, user_id: int, name: str, choice: int, at: float
    ) -> str:
        """Record a member's answer: "recorded", "repeat" (they had answered) or "closed"
        (revealed, not asked or unknown). Committed before it returns, so an answer the bot
        acknowledges is never lost."""
        async with self.transaction() as db:
            row = await self._one(
                "SELECT q.answer_index, r.chat_id FROM quiz_questions q JOIN quiz_rounds r"
                " ON r.id = q.round_id WHERE q.id = ? AND q.asked_at IS NOT NULL"
                " AND q.revealed_at IS NULL",
                (question_id,),
            )
            if row is None:
                return "closed"
            cursor = await db.execute(
                "INSERT INTO quiz_answers (question_id, chat_id, user_id, name, choice, correct,"
                " at) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (question_id, user_id) DO NOTHING",
                (question_id, row[1], user_id, name, choice, choice == row[0], at),
            )
            return "recorded" if cursor.rowcount == 1 else "repeat"

    async def reveal_quiz_question(self, question_id: int, *, at: float) -> bool:
        """Close a question to answers and add its answers to the scores, once: False if it
        was revealed already (by the timer or by its starter, whichever came second)."""
        async with self.transaction() as db:
            cursor = await db.execute(
                "UPDATE quiz_questions SET revealed_at = ? WHERE id = ? AND revealed_at IS NULL",
                (at, question_id),
            )
            if cursor.rowcount != 1:
                return False
            await db.execute(
                "INSERT INTO quiz_scores (chat_id, user_id, name, correct, answered, updated_at)"
                " SELECT chat_id, user_id, name, correct, 1, ? FROM quiz_answers"
                " WHERE question_id = ?"
                " ON CONFLICT (chat_id, user_id) DO UPDATE SET"
                " correct = correct + excluded.correct, answered = answered + 1,"
                " name = excluded.name, updated_at = excluded.updated_at",
                (at, question_id),
            )
            return True

    async def quiz_answers(self, question_id: int) -> list[QuizAnswer]:
        rows = await self._all(
            "SELECT user_id, name, choice, correct, at FROM quiz_answers WHERE question_id = ?"
            " ORDER BY at, id",
            (question_id,),
        )
        return [QuizAnswer(u, n, c, bool(ok), a) for u, n, c, ok, a in rows]

    async def round_scores(self, round_id: int) -> list[Score]:
        """Members' results in a round's revealed questions, best first."""
        rows = await self._all(
            "SELECT a.user_id, max(a.name), sum(a.correct), count(*) FROM quiz_answers a"
            " JOIN quiz_questions q ON q.id = a.question_id"
            " WHERE q.round_id = ? AND q.revealed_at IS NOT NULL"
            " GROUP BY a.user_id ORDER BY 3 DESC, 4, a.user_id",
            (round_id,),
        )
        return [Score(*row) for row in rows]

    async def leaderboard(
        self, chat_id: int, *, since: float | None = None, limit: int = 10
    ) -> list[Score]:
        """A chat's best members: all time, or in answers given since `since`. Only revealed
        questions count, so the board never tells whether an open answer was right."""
        if since is None:
            rows = await self._all(
                "SELECT user_id, name, correct, answered FROM quiz_scores WHERE chat_id = ?"
                " ORDER BY correct DESC, answered, user_id LIMIT ?",
                (chat_id, limit),
            )
        else:
            rows = await self._all(
                "SELECT a.user_id, coalesce(s.name, max(a.name)), sum(a.correct), count(*)"
                " FROM quiz_answers a JOIN quiz_questions q ON q.id = a.question_id"
                " LEFT JOIN quiz_scores s ON s.chat_id = a.chat_id AND s.user_id = a.user_id"
                " WHERE a.chat_id = ? AND a.at >= ? AND q.revealed_at IS NOT NULL"
                " GROUP BY a.user_id ORDER BY 3 DESC, 4, a.user_id LIMIT ?",
                (chat_id, since, limit),
            )
        return [Score(*row) for row in rows]

    async def recent_quiz_sentences(self, chat_id: int, limit: int = 200) -> list[str]:
        """Source sentences of the chat's latest questions, to keep new rounds fresh."""
        rows = await self._all(
            "SELECT q.sentence FROM quiz_questions q JOIN quiz_rounds r ON r.id = q.round_id"
            " WHERE r.chat_id = ? ORDER BY q.id DESC LIMIT ?",
            (chat_id, limit),
        )
        return [row[0] for row in rows]

    async def subscribe_daily(
        self, chat_id: int, *, time: str, timezone: str, next_due: float, user_id: int, at: float
    ) -> None:
        """Subscribe a chat, or move its time; a chat keeps its reading position."""
        async with self.transaction() as db:
            await db.execute(
                "INSERT INTO daily_subscriptions (chat_id, time, timezone, next_due, created_by,"
                " created_at) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (chat_id) DO UPDATE SET"
                " time = excluded.time, timezone = excluded.timezone,"
                " next_due = excluded.next_due",
                (chat_id, time, timezone, next_due, user_id, at),
            )

    async def unsubscribe_daily(self, chat_id: int) -> bool:
        async with self.transaction() as db:
            cursor = await db.execute(
                "DELETE FROM daily_subscriptions WHERE chat_id = ?", (chat_id,)
            )
            return cursor.rowcount == 1

    async def daily_subscription(self, chat_id: int) -> DailySubscription | None:
        row = await self._one(
            f"SELECT {_DAILY_COLUMNS} FROM daily_subscriptions WHERE chat_id = ?", (chat_id,)
        )
        return DailySubscription(*row) if row else None

    async def daily_subscriptions(self) -> list[DailySubscription]:
        rows = await self._all(f"SELECT {_DAILY_COLUMNS} FROM daily_subscriptions ORDER BY chat_id")
        return [DailySubscription(*row) for row in rows]

    async def advance_daily(
        self, chat_id: int, *, due: float, doc: str, paragraph: int, part: int, next_due: float
    ) -> bool:
        """Move a subscription past the passage just sent, if it was still due at `due`
        (False: another firing got there first, or it was cancelled meanwhile)."""
        async with self.transaction() as db:
            cursor = await db.execute(
                "UPDATE daily_subscriptions SET doc = ?, paragraph = ?, part = ?,"
                " sent = sent + 1, next_due = ? WHERE chat_id = ? AND next_due = ?",
                (doc, paragraph, part, next_due, chat_id, due),
            )
            return cursor.rowcount == 1

    async def reading_position(self, user_id: int, doc: str) -> ReadingPosition | None:
        row = await self._one(
            "SELECT user_id, doc, step, section FROM reading_positions"
            " WHERE user_id = ? AND doc = ?",
            (user_id, doc),
        )
        if row is None:
            return None
        return ReadingPosition(row[0], row[1], row[2], tuple(json.loads(row[3])))

    async def set_reading_position(
        self, user_id: int, doc: str, *, step: int, section: Sequence[str], at: float
    ) -> None:
        async with self.transaction() as db:
            await db.execute(
                "INSERT INTO reading_positions (user_id, doc, step, section, updated_at)"
                " VALUES (?, ?, ?, ?, ?) ON CONFLICT (user_id, doc) DO UPDATE SET"
                " step = excluded.step, section = excluded.section,"
                " updated_at = excluded.updated_at",
                (user_id, doc, step, json.dumps(list(section), ensure_ascii=False), at),
            )


# --- quizzes and reading: records -----------------------------------------------------------


@dataclass(frozen=True, slots=True)
class QuestionDraft:
    """A generated question as the store keeps it (retrieval.quiz.QuizQuestion has these)."""

    kind: str
    prompt: str
    options: tuple[str, ...]
    answer_index: int
    sentence: str
    passage: Passage


@dataclass(frozen=True, slots=True)
class QuizRound:
    id: int
    chat_id: int
    starter_id: int
    total: int
    seconds: int
    seed: int
    started_at: float
    ended_at: float | None
    outcome: str | None


@dataclass(frozen=True, slots=True)
class StoredQuestion:
    id: int
    round_id: int
    chat_id: int
    starter_id: int
    total: int  # questions in its round
    number: int  # 1-based within its round
    kind: str
    prompt: str
    options: tuple[str, ...]
    answer_index: int
    sentence: str
    passage: Passage
    message_id: int | None
    asked_at: float | None
    deadline: float | None
    revealed_at: float | None


@dataclass(frozen=True, slots=True)
class QuizAnswer:
    user_id: int
    name: str
    choice: int
    correct: bool
    at: float


@dataclass(frozen=True, slots=True)
class Score:
    user_id: int
    name: str
    correct: int
    answered: int


@dataclass(frozen=True, slots=True)
class DailySubscription:
    chat_id: int
    time: str  # HH:MM
    timezone: str  # an IANA name, e.g. Asia/Shanghai
    next_due: float  # epoch seconds of the next passage
    doc: str | None  # the last passage sent, or None before the first
    paragraph: int | None
    part: int | None
    sent: int


@dataclass(frozen=True, slots=True)
class ReadingPosition:
    user_id: int
    doc: str
    step: int
    section: tuple[str, ...]


_ROUND_COLUMNS = "id, chat_id, starter_id, total, seconds, seed, started_at, ended_at, outcome"
_QUESTION_COLUMNS = (
    "q.id, q.round_id, r.chat_id, r.starter_id, r.total, q.number, q.kind, q.prompt, q.options,"
    " q.answer_index, q.sentence, q.doc, q.title, q.section, q.paragraph, q.part, q.passage,"
    " q.message_id, q.asked_at, q.deadline, q.revealed_at"
)
_DAILY_COLUMNS = "chat_id, time, timezone, next_due, doc, paragraph, part, sent"


def _stored_question(row: Sequence[Any]) -> StoredQuestion:
    (qid, round_id, chat_id, starter_id, total, number, kind, prompt, options) = row[:9]
    answer_index, sentence, doc, title, section, paragraph, part, text = row[9:17]
    passage = Passage(doc, title, tuple(json.loads(section)), paragraph, part, text)
    return StoredQuestion(
        qid,
        round_id,
        chat_id,
        starter_id,
        total,
        number,
        kind,
        prompt,
        tuple(json.loads(options)),
        answer_index,
        sentence,
        passage,
        *row[17:21],
    )
