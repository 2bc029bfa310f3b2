"""The corpus's SQLite store: its migrations, durability across restarts, the counts
snapshot and its own settings."""

from __future__ import annotations

import asyncio
import sqlite3
from pathlib import Path

import pytest

from retrieval.counts import build_counts, pack_terms
from retrieval.database import SPLIT, StoreError, statements
from retrieval.model import Document, Passage
from retrieval.schema import MIGRATIONS
from retrieval.store import FileInfo, IndexedDocument, Store


def schema(path: Path) -> list[tuple[str, str]]:
    with sqlite3.connect(path) as db:
        return db.execute("SELECT name, sql FROM sqlite_master ORDER BY name").fetchall()


def indexed(doc: str, texts: list[str], terms: list[list[str]], sha: str = "x") -> IndexedDocument:
    passages = tuple(Passage(doc, doc, ("一、标题",), i + 1, 1, t) for i, t in enumerate(texts))
    return IndexedDocument(
        Document(doc, doc, (), passages),
        tuple(pack_terms(t) for t in terms),
        FileInfo(doc, sha, 1, 1, "analyzer"),
    )


async def test_fresh_database_is_migrated_to_the_latest_version(tmp_path: Path) -> None:
    async with await Store.open(tmp_path / "a.db", busy_timeout_ms=1234) as s:
        assert await s.schema_version() == len(MIGRATIONS)
        assert await s.database.all("PRAGMA journal_mode") == [("wal",)]
        assert await s.database.all("PRAGMA foreign_keys") == [(1,)]
        assert await s.database.all("PRAGMA busy_timeout") == [(1234,)]
        assert await s.database.user_version() == SPLIT


async def test_opening_again_changes_nothing(tmp_path: Path) -> None:
    path = tmp_path / "a.db"
    async with await Store.open(path) as s:
        await s.set_folder("/data/corpus")
    before = schema(path)
    async with await Store.open(path) as s:
        assert await s.schema_version() == len(MIGRATIONS)
        assert await s.folder() == "/data/corpus"
    assert schema(path) == before


async def test_the_corpus_keeps_its_settings_in_its_own_table(tmp_path: Path) -> None:
    async with await Store.open(tmp_path / "a.db") as s:
        assert await s.folder() is None and await s.duplicates_checked() is None
        await s.set_folder("/data/corpus")
        await s.set_duplicates_checked("g1")
        await s.set_folder("/data/other")
        assert (await s.folder(), await s.duplicates_checked()) == ("/data/other", "g1")
        tables = {r[0] for r in await s.database.all("SELECT name FROM sqlite_master")}
        assert "corpus_meta" in tables and "chat_settings" not in tables  # the bot's


async def test_a_database_from_a_newer_version_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "new.db"
    with sqlite3.connect(path) as db:
        db.execute(f"PRAGMA user_version = {SPLIT + 1}")
    with pytest.raises(StoreError, match="升级"):
        await Store.open(path)


async def test_a_corpus_schema_newer_than_this_release_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "new.db"
    async with await Store.open(path) as s, s.database.transaction() as db:
        await db.execute(
            "UPDATE schema_versions SET version = ? WHERE owner = 'corpus'",
            (len(MIGRATIONS) + 1,),
        )
    with pytest.raises(StoreError, match="升级"):
        await Store.open(path)


async def test_connections_opening_a_new_database_at_once_migrate_it_once(
    tmp_path: Path,
) -> None:
    path = tmp_path / "a.db"
    stores = await asyncio.gather(*(Store.open(path) for _ in range(4)))
    for s in stores:
        assert await s.schema_version() == len(MIGRATIONS)
        await s.close()


def test_migration_statements_keep_trigger_bodies_and_literals_whole() -> None:
    script = """
    CREATE TABLE t (a TEXT);
    CREATE TRIGGER t_ai AFTER INSERT ON t BEGIN UPDATE t SET a = 'x;y' WHERE a = ''; END;
    INSERT INTO t VALUES ('semi;colon');
    """
    parts = list(statements(script))
    assert len(parts) == 3
    db = sqlite3.connect(":memory:")
    for statement in parts:
        db.execute(statement)
    assert db.execute("SELECT a FROM t").fetchall() == [("semi;colon",)]


async def test_removing_a_document_removes_its_passages(tmp_path: Path) -> None:
    async with await Store.open(tmp_path / "a.db") as s:
        await s.apply([indexed("a.txt", ["甲", "乙"], [["甲"], ["乙"]])], [])
        await s.apply([indexed("b.txt", ["丙"], [["丙"]])], [])
        assert [d.passages for d in await s.summaries()] == [2, 1]
        await s.apply([], ["a.txt"])
        assert await s.database.all("SELECT count(*) FROM passages") == [(1,)]
        assert await s.database.all("PRAGMA foreign_key_check") == []


async def test_replacing_a_document_keeps_its_added_date(tmp_path: Path) -> None:
    async with await Store.open(tmp_path / "a.db") as s:
        await s.apply([indexed("a.txt", ["甲"], [["甲"]], sha="1")], [])
        (first,) = await s.summaries()
        await asyncio.sleep(0.01)
        await s.apply([indexed("a.txt", ["乙", "丙"], [["乙"], ["丙"]], sha="2")], [])
        (second,) = await s.summaries()
        assert second.added_at == first.added_at < second.updated_at
        assert second.passages == 2


async def test_touching_files_keeps_the_snapshot(tmp_path: Path) -> None:
    async with await Store.open(tmp_path / "a.db") as s:
        await s.apply([indexed("a.txt", ["甲"], [["甲"]])], [])
        generation = await s.generation()
        assert await s.save_snapshot(generation, build_counts([pack_terms(["甲"])]))
        await s.apply([], [], [FileInfo("a.txt", "x", 1, 99, "analyzer")])
        assert await s.load_snapshot(generation) is not None
        await s.apply([], ["a.txt"])
        assert await s.load_snapshot(generation) is None


async def test_a_snapshot_for_another_state_is_not_saved(tmp_path: Path) -> None:
    async with await Store.open(tmp_path / "a.db") as s:
        await s.apply([indexed("a.txt", ["甲"], [["甲"]])], [])
        assert not await s.save_snapshot("stale", build_counts([pack_terms(["甲"])]))
        assert await s.database.all("SELECT count(*) FROM index_snapshot") == [(0,)]
