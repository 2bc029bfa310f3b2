"""StudyBot's durable state in one SQLite file, over aiosqlite.

Holds the corpus (documents, passages with their section paths and search terms, and a
snapshot of the BM25 postings so start-up needs no segmentation), the query log, feedback,
per-chat settings and the admin audit log. The schema is versioned: MIGRATIONS are applied
in order at open, each in its own transaction, and later features append to the list.

Writes go through one lock: aiosqlite runs every statement of a connection on one thread,
so two coroutines writing at once would otherwise share (and roll back) one transaction.
"""

from __future__ import annotations

import asyncio
import json
import time
from collections.abc import AsyncIterator, Iterable, Sequence
from contextlib import asynccontextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import aiosqlite
import numpy as np

from retrieval import bm25
from retrieval.model import Document, Heading, Passage

BUSY_TIMEOUT_MS = 5000
_SEP = "\x1f"  # joins a passage's terms; jieba never yields this control character

MIGRATIONS: tuple[str, ...] = (
    # 1: corpus, logs, feedback, settings, audit
    """
    CREATE TABLE documents (
        id INTEGER PRIMARY KEY,
        doc TEXT NOT NULL UNIQUE,
        title TEXT NOT NULL,
        sha256 TEXT NOT NULL,
        size INTEGER NOT NULL,
        mtime_ns INTEGER NOT NULL,
        analyzer TEXT NOT NULL,
        headings TEXT NOT NULL,
        added_at REAL NOT NULL,
        updated_at REAL NOT NULL
    );
    CREATE TABLE passages (
        id INTEGER PRIMARY KEY,
        document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        paragraph INTEGER NOT NULL,
        part INTEGER NOT NULL,
        section TEXT NOT NULL,
        text TEXT NOT NULL,
        terms TEXT NOT NULL,
        UNIQUE (document_id, paragraph, part)
    );
    CREATE TABLE index_snapshot (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        generation TEXT NOT NULL,
        vocabulary BLOB NOT NULL,
        ptr BLOB NOT NULL,
        doc_ids BLOB NOT NULL,
        weights BLOB NOT NULL,
        created_at REAL NOT NULL
    );
    CREATE TABLE query_log (
        id INTEGER PRIMARY KEY,
        at REAL NOT NULL,
        chat_id INTEGER,
        user_id INTEGER,
        source TEXT NOT NULL,
        question TEXT NOT NULL,
        answered INTEGER NOT NULL,
        results TEXT NOT NULL,
        latency_ms REAL NOT NULL
    );
    CREATE INDEX query_log_at ON query_log(at);
    CREATE TABLE feedback (
        id INTEGER PRIMARY KEY,
        at REAL NOT NULL,
        query_id INTEGER REFERENCES query_log(id) ON DELETE SET NULL,
        chat_id INTEGER,
        user_id INTEGER,
        doc TEXT NOT NULL,
        paragraph INTEGER NOT NULL,
        helpful INTEGER NOT NULL,
        reason TEXT
    );
    CREATE TABLE chat_settings (
        chat_id INTEGER NOT NULL,
        key TEXT NOT NULL,
        value TEXT NOT NULL,
        PRIMARY KEY (chat_id, key)
    );
    CREATE TABLE audit_log (
        id INTEGER PRIMARY KEY,
        at REAL NOT NULL,
        user_id INTEGER,
        action TEXT NOT NULL,
        allowed INTEGER NOT NULL,
        detail TEXT NOT NULL
    );
    """,
)


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
    """A parsed document with one term list per passage, ready to store."""

    document: Document
    terms: tuple[tuple[str, ...], ...]
    info: FileInfo


class Store:
    def __init__(self, db: aiosqlite.Connection) -> None:
        self._db = db
        self._write = asyncio.Lock()

    @classmethod
    async def open(cls, path: Path | str) -> Store:
        if str(path) != ":memory:":
            Path(path).parent.mkdir(parents=True, exist_ok=True)
        db = await aiosqlite.connect(
            str(path), isolation_level=None, timeout=BUSY_TIMEOUT_MS / 1000
        )
        try:
            await db.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            await db.execute("PRAGMA journal_mode = WAL")
            await db.execute("PRAGMA synchronous = NORMAL")
            await db.execute("PRAGMA foreign_keys = ON")
            store = cls(db)
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

    @asynccontextmanager
    async def transaction(self) -> AsyncIterator[aiosqlite.Connection]:
        """One write transaction; IMMEDIATE so a busy database fails at the start, not midway."""
        async with self._write:
            await self._db.execute("BEGIN IMMEDIATE")
            try:
                yield self._db
            except BaseException:
                await self._db.execute("ROLLBACK")
                raise
            await self._db.execute("COMMIT")

    async def _migrate(self) -> None:
        version = await self.schema_version()
        for number, script in enumerate(MIGRATIONS[version:], start=version + 1):
            async with self.transaction() as db:
                for statement in filter(str.strip, script.split(";")):
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
    ) -> None:
        """Replace, add and remove documents in one transaction, dropping the stale snapshot."""
        now = time.time()
        async with self.transaction() as db:
            for doc in removed:
                await db.execute("DELETE FROM documents WHERE doc = ?", (doc,))
            for info in touched:  # content unchanged, file times changed
                await db.execute(
                    "UPDATE documents SET size = ?, mtime_ns = ? WHERE doc = ?",
                    (info.size, info.mtime_ns, info.doc),
                )
            for item in upserts:
                await self._upsert(db, item, now)
            await db.execute("DELETE FROM index_snapshot")

    async def _upsert(self, db: aiosqlite.Connection, item: IndexedDocument, now: float) -> None:
        d, info = item.document, item.info
        headings = json.dumps(
            [[list(h.path), h.first_paragraph] for h in d.headings], ensure_ascii=False
        )
        row = await self._one("SELECT id, added_at FROM documents WHERE doc = ?", (d.doc,))
        if row:
            await db.execute("DELETE FROM documents WHERE id = ?", (row[0],))
        cursor = await db.execute(
            "INSERT INTO documents (doc, title, sha256, size, mtime_ns, analyzer, headings,"
            " added_at,"
            " updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                d.doc,
                d.title,
                info.sha256,
                info.size,
                info.mtime_ns,
                info.analyzer,
                headings,
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
                    _SEP.join(terms),
                )
                for p, terms in zip(d.passages, item.terms, strict=True)
            ),
        )

    async def documents(self) -> list[Document]:
        """Every stored document with its passages, in document order."""
        docs = await self._all("SELECT id, doc, title, headings FROM documents ORDER BY doc")
        rows = await self._all(
            "SELECT document_id, paragraph, part, section, text FROM passages"
            " ORDER BY document_id, paragraph, part"
        )
        by_doc: dict[int, list[tuple[Any, ...]]] = {}
        for row in rows:
            by_doc.setdefault(row[0], []).append(row)
        sections: dict[str, tuple[str, ...]] = {}  # shared tuples: sections repeat a lot
        result = []
        for doc_id, doc, title, headings in docs:
            passages = tuple(
                Passage(
                    doc,
                    title,
                    sections.get(s) or sections.setdefault(s, tuple(json.loads(s))),
                    paragraph,
                    part,
                    text,
                )
                for _, paragraph, part, s, text in by_doc.get(doc_id, ())
            )
            heads = tuple(Heading(tuple(path), first) for path, first in json.loads(headings))
            result.append(Document(doc, title, heads, passages))
        return result

    async def terms(self) -> list[list[str]]:
        """Search terms of every passage, in the order of `documents()`."""
        rows = await self._all(
            "SELECT p.terms FROM passages p JOIN documents d ON d.id = p.document_id"
            " ORDER BY d.doc, p.paragraph, p.part"
        )
        return [row[0].split(_SEP) if row[0] else [] for row in rows]

    async def generation(self) -> str:
        """Identifies the stored corpus: changes whenever any document or the analyzer does."""
        rows = await self._all("SELECT doc, sha256, analyzer FROM documents ORDER BY doc")
        return json.dumps(rows)

    async def load_snapshot(self, generation: str) -> bm25.Postings | None:
        row = await self._one(
            "SELECT vocabulary, ptr, doc_ids, weights FROM index_snapshot WHERE generation = ?",
            (generation,),
        )
        if row is None:
            return None
        vocabulary_blob, ptr, doc_ids, weights = row
        terms = bytes(vocabulary_blob).decode("utf-8").split(_SEP) if vocabulary_blob else []
        ptr_array = np.frombuffer(ptr, dtype=np.int64)
        return bm25.Postings(
            dict(zip(terms, range(len(terms)), strict=True)),
            ptr_array,
            np.frombuffer(doc_ids, dtype=np.int32),
            np.frombuffer(weights, dtype=np.float64),
            int(await self._passage_count()),
        )

    async def _passage_count(self) -> int:
        return int((await self._one("SELECT count(*) FROM passages"))[0])

    async def save_snapshot(self, generation: str, postings: bm25.Postings) -> None:
        vocabulary = _SEP.join(postings.vocabulary).encode("utf-8")
        async with self.transaction() as db:
            await db.execute(
                "INSERT OR REPLACE INTO index_snapshot VALUES (1, ?, ?, ?, ?, ?, ?)",
                (
                    generation,
                    vocabulary,
                    postings.ptr.tobytes(),
                    postings.doc_ids.tobytes(),
                    postings.weights.tobytes(),
                    time.time(),
                ),
            )

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
    ) -> int:
        async with self.transaction() as db:
            cursor = await db.execute(
                "INSERT INTO feedback (at, query_id, chat_id, user_id, doc, paragraph, helpful,"
                " reason)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (time.time(), query_id, chat_id, user_id, doc, paragraph, helpful, reason),
            )
            return int(cursor.lastrowid or 0)

    async def set_feedback_reason(self, feedback_id: int, reason: str) -> None:
        async with self.transaction() as db:
            await db.execute("UPDATE feedback SET reason = ? WHERE id = ?", (reason, feedback_id))

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

    async def query(self, sql: str, params: Sequence[Any] = ()) -> list[Any]:
        """Read-only access for reports (/stats); parameters are always bound, never formatted."""
        return await self._all(sql, params)
