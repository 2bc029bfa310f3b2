"""What a database file holds, read without changing it (`studybot doctor`): whether it opens
and is whole, its schema versions, the corpus folder it was built from and its documents.

Read-only and without migrating, so a database of any version is described as it is: one
from before the corpus had its own settings keeps its folder under chat 0 of the bot's
chat_settings (retrieval/schema.py's migration 4 moves it).
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field
from pathlib import Path

from retrieval.database import LEGACY, SPLIT


@dataclass(frozen=True)
class Health:
    schema: str  # e.g. "corpus 4, bot 5"; "" for a new, empty file
    integrity: str  # "ok", or SQLite's description of the damage
    documents: int


@dataclass(frozen=True)
class StoredCorpus:
    """The store's corpus folder and its documents' hashes."""

    folder: str | None = None
    documents: dict[str, str] = field(default_factory=dict)  # doc -> sha256 of its file


def _connect(path: Path) -> sqlite3.Connection:
    db = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=5)
    db.row_factory = sqlite3.Row
    return db


def _tables(db: sqlite3.Connection) -> set[str]:
    return {r["name"] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}


def _schema(db: sqlite3.Connection) -> str:
    version = int(db.execute("PRAGMA user_version").fetchone()[0])
    if version != SPLIT:
        return str(version) if version else ""
    rows = db.execute("SELECT owner, version FROM schema_versions WHERE owner != ?", (LEGACY,))
    return ", ".join(f"{r['owner']} {r['version']}" for r in rows)


def health(path: Path, thorough: bool = True) -> Health:
    """How the file is; sqlite3.Error when it cannot be read at all."""
    with _connect(path) as db:
        schema = _schema(db)
        integrity = str(
            db.execute("PRAGMA quick_check" if thorough else "SELECT 'ok'").fetchone()[0]
        )
        documents = (
            int(db.execute("SELECT count(*) FROM documents").fetchone()[0])
            if "documents" in _tables(db)
            else 0
        )
    return Health(schema, integrity, documents)


def stored_corpus(path: Path) -> StoredCorpus:
    """The store's folder and documents; empty when there is no readable store."""
    if not path.is_file():
        return StoredCorpus()
    try:
        with _connect(path) as db:
            tables = _tables(db)
            if "documents" not in tables:
                return StoredCorpus()
            if "corpus_meta" in tables:
                row = db.execute(
                    "SELECT value FROM corpus_meta WHERE key = 'corpus_dir'"
                ).fetchone()
            elif "chat_settings" in tables:
                row = db.execute(
                    "SELECT value FROM chat_settings WHERE chat_id = 0 AND key = 'corpus_dir'"
                ).fetchone()
            else:
                row = None
            docs = db.execute("SELECT doc, sha256 FROM documents").fetchall()
    except sqlite3.Error:
        return StoredCorpus()
    return StoredCorpus(
        None if row is None else str(row["value"]),
        {str(d["doc"]): str(d["sha256"]) for d in docs},
    )
