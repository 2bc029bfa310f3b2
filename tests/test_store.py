"""The SQLite store: schema migrations, durability across restarts, and the counts snapshot."""

from __future__ import annotations

import asyncio
import contextlib
import sqlite3
from pathlib import Path

import pytest

from retrieval.counts import build_counts, pack_terms
from retrieval.model import Document, Passage
from retrieval.schema import MIGRATIONS, statements
from retrieval.store import FileInfo, IndexedDocument, Store, StoreError


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
        assert await s.query("PRAGMA journal_mode") == [("wal",)]
        assert await s.query("PRAGMA foreign_keys") == [(1,)]
        assert await s.query("PRAGMA busy_timeout") == [(1234,)]


async def test_opening_again_changes_nothing(tmp_path: Path) -> None:
    path = tmp_path / "a.db"
    async with await Store.open(path) as s:
        await s.set_setting(1, "mode", "all")
    before = schema(path)
    async with await Store.open(path) as s:
        assert await s.schema_version() == len(MIGRATIONS)
        assert await s.get_setting(1, "mode") == "all"
    assert schema(path) == before


async def test_a_version_1_database_is_migrated_and_its_old_snapshot_dropped(
    tmp_path: Path,
) -> None:
    path = tmp_path / "old.db"
    with sqlite3.connect(path) as db:
        db.executescript(MIGRATIONS[0])
        db.execute("PRAGMA user_version = 1")
        db.execute(
            "INSERT INTO index_snapshot VALUES (1, 'g', x'', x'0000000000000000', x'', x'', 0)"
        )
        db.execute("INSERT INTO chat_settings VALUES (7, 'mode', 'all')")
    async with await Store.open(path) as s:
        assert await s.schema_version() == len(MIGRATIONS)
        assert await s.query("SELECT count(*) FROM index_snapshot") == [(0,)]
        columns = {row[1] for row in await s.query("PRAGMA table_info(index_snapshot)")}
        assert {"layout", "tf", "lengths"} <= columns
        assert await s.get_setting(7, "mode") == "all"


async def test_a_database_from_a_newer_version_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "new.db"
    with sqlite3.connect(path) as db:
        db.execute(f"PRAGMA user_version = {len(MIGRATIONS) + 1}")
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


async def test_restart_keeps_logs_feedback_settings_and_audit(tmp_path: Path) -> None:
    path = tmp_path / "a.db"
    question = "家属应该做什么？'); DROP TABLE query_log; --"
    async with await Store.open(path) as s:
        qid = await s.log_query(
            source="private",
            question=question,
            results=[("a.txt", 3, 1.5)],
            latency_ms=2.0,
            chat_id=10,
            user_id=20,
        )
        fid, _ = await s.add_feedback(doc="a.txt", paragraph=3, helpful=False, query_id=qid)
        await s.set_feedback_reason(fid, "段落不对")
        await s.set_setting(10, "mode", "all")
        await s.set_setting(10, "mode", "mention")
        await s.audit(user_id=20, action="reload", allowed=True, detail="ok")
    async with await Store.open(path) as s:
        assert await s.query(
            "SELECT chat_id, user_id, question, answered, results FROM query_log"
        ) == [(10, 20, question, 1, '[["a.txt", 3, 1.5]]')]
        assert await s.query("SELECT query_id, helpful, reason FROM feedback") == [
            (qid, 0, "段落不对")
        ]
        assert await s.get_setting(10, "mode") == "mention"
        assert await s.get_setting(11, "mode", "x") == "x"
        assert await s.query("SELECT user_id, action, allowed FROM audit_log") == [
            (20, "reload", 1)
        ]


async def test_report_queries_cannot_write(tmp_path: Path) -> None:
    async with await Store.open(tmp_path / "a.db") as s:
        await s.set_setting(1, "mode", "all")
        with pytest.raises(sqlite3.OperationalError, match="readonly"):
            await s.query("DELETE FROM chat_settings")
        assert await s.get_setting(1, "mode") == "all"
        await s.set_setting(1, "mode", "mention")  # writes still work afterwards
        assert await s.get_setting(1, "mode") == "mention"


async def test_a_failed_transaction_leaves_nothing_and_the_next_one_works(
    tmp_path: Path,
) -> None:
    async with await Store.open(tmp_path / "a.db") as s:
        with pytest.raises(RuntimeError):
            async with s.transaction() as db:
                await db.execute("INSERT INTO chat_settings VALUES (1, 'k', 'v')")
                raise RuntimeError("midway")
        assert await s.get_setting(1, "k") is None
        await s.set_setting(1, "k", "w")
        assert await s.get_setting(1, "k") == "w"


async def test_removing_a_document_removes_its_passages(tmp_path: Path) -> None:
    async with await Store.open(tmp_path / "a.db") as s:
        await s.apply([indexed("a.txt", ["甲", "乙"], [["甲"], ["乙"]])], [])
        await s.apply([indexed("b.txt", ["丙"], [["丙"]])], [])
        assert [d.passages for d in await s.summaries()] == [2, 1]
        await s.apply([], ["a.txt"])
        assert await s.query("SELECT count(*) FROM passages") == [(1,)]
        assert await s.query("PRAGMA foreign_key_check") == []


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
        assert await s.query("SELECT count(*) FROM index_snapshot") == [(0,)]


async def test_migration_keeps_each_members_last_vote(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    with sqlite3.connect(path) as db:
        for script in MIGRATIONS[:4]:
            for statement in statements(script):
                db.execute(statement)
        db.execute("PRAGMA user_version = 4")
        db.execute(
            "INSERT INTO query_log (id, at, source, question, answered, results, latency_ms)"
            " VALUES (1, 0, 'private', '问', 1, '[]', 1)"
        )
        votes = [(1, 7, 1), (1, 7, 0), (1, 8, 1), (None, 7, 1), (None, 7, 0)]
        db.executemany(
            "INSERT INTO feedback (at, query_id, user_id, doc, paragraph, helpful)"
            " VALUES (0, ?, ?, 'a.txt', 1, ?)",
            votes,
        )
    async with await Store.open(path) as s:
        rows = await s.query("SELECT query_id, user_id, helpful FROM feedback ORDER BY id")
        assert [tuple(r) for r in rows] == [(1, 7, 0), (1, 8, 1), (None, 7, 1), (None, 7, 0)]
        vote = await s.add_feedback(doc="a.txt", paragraph=1, helpful=False, query_id=1, user_id=7)
        assert vote == (2, False)  # the same vote again: the kept row, nothing changed


async def test_a_write_cancelled_while_it_begins_leaves_the_store_usable(tmp_path: Path) -> None:
    async with await Store.open(tmp_path / "c.db") as s:
        for pause in range(5):  # cancel at each point of starting the transaction

            async def write() -> None:
                async with s.transaction() as db:
                    await db.execute("INSERT OR REPLACE INTO chat_settings VALUES (1, 'k', 'v')")

            task = asyncio.create_task(write())
            for _ in range(pause):
                await asyncio.sleep(0)
            task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await task
            await s.set_setting(2, "k", str(pause))  # would fail inside a stale transaction
            assert await s.get_setting(2, "k") == str(pause)


async def test_a_reason_arriving_after_the_vote_changed_to_helpful_is_not_kept(
    tmp_path: Path,
) -> None:
    async with await Store.open(tmp_path / "v.db") as s:
        qid = await s.log_query(source="private", question="问", results=[], latency_ms=1.0)
        down, _ = await s.add_feedback(doc="a", paragraph=1, helpful=False, query_id=qid, user_id=5)
        up, changed = await s.add_feedback(
            doc="a", paragraph=1, helpful=True, query_id=qid, user_id=5
        )
        assert up == down and changed
        await s.set_feedback_reason(down, "段落不对")  # a reply to the old 👎 prompt
        assert await s.query("SELECT helpful, reason FROM feedback") == [(1, None)]
