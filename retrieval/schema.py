"""The corpus's tables, as versioned migrations applied in order at open.

The corpus owns documents, passages, the postings snapshot and its own settings
(`corpus_meta`); the bot's tables are bot/state/schema.py's. Each migration runs in its own
transaction; later features append to the list, never edit an entry that has shipped.
"""

from __future__ import annotations

from collections.abc import Mapping

import aiosqlite

from retrieval.database import Migration, table_exists

OWNER = "corpus"


async def _own_settings(db: aiosqlite.Connection) -> None:
    """The corpus's settings in a table of its own. Before, they were rows of the bot's
    chat_settings under chat 0, a chat id no Telegram chat has: they move here, the one
    time a corpus migration touches a table that is not its own."""
    await db.execute("CREATE TABLE corpus_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)")
    if await table_exists(db, "chat_settings"):
        await db.execute(
            "INSERT INTO corpus_meta (key, value) SELECT key, value FROM chat_settings"
            " WHERE chat_id = 0 AND key IN ('corpus_dir', 'duplicates_checked')"
        )
        await db.execute(
            "DELETE FROM chat_settings"
            " WHERE chat_id = 0 AND key IN ('corpus_dir', 'duplicates_checked')"
        )


MIGRATIONS: tuple[Migration, ...] = (
    # 1: documents, their passages, and the postings snapshot
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
    """,
    # 2: the postings snapshot holds term counts instead of weights (a reload updates them;
    #    weights take a quarter of a second to compute at 100,000 passages and twice the space)
    #    and records its layout and passage count, so a snapshot of another layout or of other
    #    passages is never used; snapshots of layout 1 are dropped with it
    """
    DROP TABLE index_snapshot;
    CREATE TABLE index_snapshot (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        generation TEXT NOT NULL,
        layout INTEGER NOT NULL,
        passages INTEGER NOT NULL,
        vocabulary BLOB NOT NULL,
        ptr BLOB NOT NULL,
        doc_ids BLOB NOT NULL,
        tf BLOB NOT NULL,
        lengths BLOB NOT NULL,
        created_at REAL NOT NULL
    );
    """,
    # 3: what a document says about itself (date, kind, speaker, the names people use for it),
    #    as JSON; documents indexed before are re-read at the next reload (analyzer version)
    """
    ALTER TABLE documents ADD COLUMN meta TEXT NOT NULL DEFAULT '{}';
    """,
    # 4: the corpus's own settings (its folder, the generation last checked for duplicates)
    _own_settings,
)

# What each version of the single list of migrations before the split meant for the corpus:
# 1 made its tables, 2 the snapshot of counts, 6 the documents' meta; the rest were the bot's.
LEGACY: Mapping[int, int] = {1: 1, 2: 2, 3: 2, 4: 2, 5: 2, 6: 3, 7: 3}
