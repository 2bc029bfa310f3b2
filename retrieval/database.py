"""One SQLite file shared by owners that each keep their own tables and migrations.

The corpus (retrieval/store.py) and the bot's state (bot/state/) live in the same file, so a
backup is one file and a crash leaves them consistent, but neither defines or migrates the
other's tables: each owner passes its own migrations to `Database.migrate`, and the version
each owner has reached is a row of `schema_versions`.

Databases from before that split counted one list of migrations for everything in
`PRAGMA user_version` (1 to 7). Opening one records that number once, as the `single list`
row, and each owner maps it to its own version (`legacy`), so no migration runs twice and
no row is lost. `user_version` then reads SPLIT, which an older StudyBot refuses as newer
than itself instead of misreading the file.

Writes go through one lock: aiosqlite runs every statement of a connection on one thread,
so two coroutines writing at once would otherwise share (and roll back) one transaction.
Multi-statement reads that must agree with each other take the same lock and run in one
read transaction, so another process's commit cannot fall between them.
"""

from __future__ import annotations

import asyncio
import contextlib
import sqlite3
import time
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator, Mapping, Sequence
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

import aiosqlite

BUSY_TIMEOUT_MS = 5000
SPLIT = 8  # user_version of a database whose owners' versions are rows of schema_versions
LEGACY = "single list"  # the schema_versions row keeping a pre-split database's user_version

# A migration: a SQL script, or a step for what SQL alone cannot say (it runs inside the
# migration's transaction).
Step = Callable[[aiosqlite.Connection], Awaitable[None]]
Migration = str | Step


class StoreError(RuntimeError):
    """The database cannot be used as it is; str() is a complete message for an admin."""


def statements(script: str) -> Iterator[str]:
    """A migration's statements; complete_statement keeps a trigger body (with its own
    semicolons) and semicolons inside literals or comments in one piece."""
    statement = ""
    for piece in script.split(";"):
        statement += piece
        if sqlite3.complete_statement(statement + ";"):
            if statement.strip():
                yield statement.strip() + ";"
            statement = ""
        else:
            statement += ";"
    if statement.strip():
        yield statement.strip()


async def table_exists(db: aiosqlite.Connection, name: str) -> bool:
    async with db.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", (name,)
    ) as cursor:
        return await cursor.fetchone() is not None


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


class Database:
    def __init__(self, db: aiosqlite.Connection, path: Path | None = None) -> None:
        self._db = db
        self._write = asyncio.Lock()
        self.path = path  # the database file; None for an in-memory database

    @classmethod
    async def open(cls, path: Path | str, *, busy_timeout_ms: int = BUSY_TIMEOUT_MS) -> Database:
        """Open (creating if needed) a database of this layout; a statement waits up to
        `busy_timeout_ms` for another connection's lock before failing with "database is
        locked". Owners migrate their own tables afterwards (`migrate`)."""
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
            database = cls(db, None if memory else Path(path))
            await database._adopt()
        except BaseException:
            await db.close()
            raise
        return database

    async def close(self) -> None:
        await self._db.close()

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
    async def read(self) -> AsyncIterator[aiosqlite.Connection]:
        """One read transaction: every statement in it sees the same committed state."""
        async with self._write:  # keeps other coroutines' statements out of it
            await self._begin("BEGIN")
            try:
                yield self._db
            finally:
                if self._db.in_transaction:
                    await self._db.execute("COMMIT")

    async def one(self, sql: str, params: Sequence[Any] = ()) -> Any:
        async with self._db.execute(sql, params) as cursor:
            return await cursor.fetchone()

    async def all(self, sql: str, params: Sequence[Any] = ()) -> list[Any]:
        async with self._db.execute(sql, params) as cursor:
            return list(await cursor.fetchall())

    async def row(self, sql: str, params: Sequence[Any] = ()) -> sqlite3.Row | None:
        """One row whose columns are read by name."""
        rows = await self.rows(sql, params)
        return rows[0] if rows else None

    async def rows(self, sql: str, params: Sequence[Any] = ()) -> list[sqlite3.Row]:
        """Rows whose columns are read by name (the corpus's bulk reads keep plain tuples,
        which are cheaper at 100,000 passages)."""
        async with self._db.execute(sql, params) as cursor:
            cursor.row_factory = sqlite3.Row
            return list(await cursor.fetchall())

    async def query(self, sql: str, params: Sequence[Any] = ()) -> list[sqlite3.Row]:
        """Read-only rows for reports; parameters are always bound, never formatted.

        query_only makes SQLite refuse a write, so a mistaken report cannot change the data.
        """
        async with self._write:  # query_only is per connection: no write may run meanwhile
            await self._db.execute("PRAGMA query_only = ON")
            try:
                return await self.rows(sql, params)
            finally:
                await self._db.execute("PRAGMA query_only = OFF")

    # --- versions ---------------------------------------------------------------------------

    async def user_version(self) -> int:
        return int((await self.one("PRAGMA user_version"))[0])

    async def _adopt(self) -> None:
        """Bring a new or pre-split database to this layout, once."""
        if await self.user_version() == SPLIT:
            return
        async with self.transaction() as db:
            version = await self.user_version()  # another process may have done it meanwhile
            if version == SPLIT:
                return
            if version > SPLIT:
                raise StoreError(
                    f"数据库结构版本为 {version}，高于本程序支持的 {SPLIT}，请升级 StudyBot"
                )
            await db.execute(
                "CREATE TABLE IF NOT EXISTS schema_versions"
                " (owner TEXT PRIMARY KEY, version INTEGER NOT NULL)"
            )
            if version:
                await db.execute(
                    "INSERT INTO schema_versions (owner, version) VALUES (?, ?)", (LEGACY, version)
                )
            await db.execute(f"PRAGMA user_version = {SPLIT}")

    async def version(self, owner: str, legacy: Mapping[int, int]) -> int:
        """How many of its migrations `owner` has applied; for a pre-split database whose
        owner has not migrated since, what the single list's version meant for it."""
        row = await self.row("SELECT version FROM schema_versions WHERE owner = ?", (owner,))
        if row is not None:
            return int(row["version"])
        before = await self.row("SELECT version FROM schema_versions WHERE owner = ?", (LEGACY,))
        return legacy[int(before["version"])] if before is not None else 0

    async def migrate(
        self, owner: str, migrations: Sequence[Migration], legacy: Mapping[int, int]
    ) -> None:
        """Apply `owner`'s migrations it has not applied yet, each in its own transaction."""
        version = await self.version(owner, legacy)
        if version > len(migrations):
            raise StoreError(
                f"数据库中 {owner} 的结构版本为 {version}，高于本程序支持的 {len(migrations)}，"
                "请升级 StudyBot"
            )
        if version == len(migrations):
            await self._record_version(owner, legacy)
        for number, migration in enumerate(migrations[version:], start=version + 1):
            async with self.transaction() as db:
                # Another process may have migrated while this one waited for the lock.
                if await self.version(owner, legacy) >= number:
                    continue
                if isinstance(migration, str):
                    for statement in statements(migration):
                        await db.execute(statement)
                else:
                    await migration(db)
                await db.execute(
                    "INSERT INTO schema_versions (owner, version) VALUES (?, ?)"
                    " ON CONFLICT (owner) DO UPDATE SET version = excluded.version",
                    (owner, number),
                )

    async def _record_version(self, owner: str, legacy: Mapping[int, int]) -> None:
        """Give an owner of a pre-split database that needs no migration its own row, so its
        version no longer depends on the single list's."""
        if await self.row("SELECT 1 FROM schema_versions WHERE owner = ?", (owner,)):
            return
        async with self.transaction() as db:
            await db.execute(
                "INSERT OR IGNORE INTO schema_versions (owner, version) VALUES (?, ?)",
                (owner, await self.version(owner, legacy)),
            )
