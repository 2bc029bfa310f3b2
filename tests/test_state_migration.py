"""Databases made before the bot's state and the corpus had their own tables and migrations
(one `PRAGMA user_version` for everything, the corpus folder under chat 0) open with this
release's code without losing a row."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import Any

from bot.state import BotState
from bot.state import schema as bot_schema
from bot.state.settings import AnswerMode
from retrieval import schema as corpus_schema
from retrieval.database import LEGACY, SPLIT, Migration, statements
from retrieval.store import Store

# Made by running the release's code (8da0eda): its migrations, a reload of a one-file corpus,
# then every kind of bot record (query log, votes, chat settings, audit, inbox, quiz rounds
# with questions, answers and scores, daily subscriptions, reading positions, the study
# record), dumped with sqlite3's iterdump.
RELEASE = Path(__file__).parent / "data" / "release_0_1_db.sql"


def rows(path: Path) -> dict[str, list[tuple[Any, ...]]]:
    """Every table's rows, sorted, by table."""
    with sqlite3.connect(path) as db:
        names = [r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
        return {n: sorted(db.execute(f"SELECT * FROM {n}").fetchall(), key=repr) for n in names}


def layout(path: Path) -> list[tuple[str, str, str]]:
    """Every table's and index's definition, white space aside."""
    with sqlite3.connect(path) as db:
        found = db.execute("SELECT type, name, sql FROM sqlite_master ORDER BY type, name")
        return [(t, n, " ".join((sql or "").split())) for t, n, sql in found]


def legacy(path: Path, version: int, scripts: list[Migration]) -> None:
    """A database as the single list of migrations left it at `version`."""
    with sqlite3.connect(path) as db:
        for script in scripts:
            assert isinstance(script, str)
            for statement in statements(script):
                db.execute(statement)
        db.execute(f"PRAGMA user_version = {version}")


async def test_the_releases_database_keeps_every_row(tmp_path: Path) -> None:
    path = tmp_path / "studybot.db"
    with sqlite3.connect(path) as db:
        db.executescript(RELEASE.read_text(encoding="utf-8"))
    before = rows(path)
    assert all(before[table] for table in before), "the fixture has rows in every table"
    moved = [(k, v) for c, k, v in before["chat_settings"] if c == 0]
    assert {k for k, _ in moved} == {"corpus_dir", "duplicates_checked"}

    async with await Store.open(path) as store:
        state = await BotState.open(store.database)
        assert await store.folder() == "/tmp/wt13fx/corpus"
        assert [d.doc for d in (await store.load_corpus()).documents] == ["讲话.txt"]
        assert await state.settings.answer_mode(-100) is AnswerMode.ALL
        assert await state.settings.admin_only(-100) is True
        assert await state.settings.scope(-100) == frozenset({"讲话.txt"})
        assert [json.loads(p)["update_id"] for p in await state.inbox.pending()] == [502]
        assert await state.inbox.was_handled(501)
        assert [r.chat_id for r in await state.quizzes.open_rounds()] == [-200]
        scores = await state.quizzes.leaderboard(-100)
        assert [(s.name, s.correct, s.answered) for s in scores] == [("张三", 1, 1), ("李四", 0, 1)]
        sub = await state.reading.subscription(-100)
        assert sub is not None and (sub.sent, sub.time) == (1, "08:00")
        assert (await state.reading.position(7, "讲话.txt")) is not None
        study = await state.record.collect([-100], since=None, until=1e10)
        assert {m.name for m in study.members} == {"张三", "李四"}
    after = rows(path)

    assert after.pop("corpus_meta") == sorted(moved, key=repr)
    assert after.pop("schema_versions") == sorted(
        [
            (LEGACY, 7),
            (corpus_schema.OWNER, len(corpus_schema.MIGRATIONS)),
            (bot_schema.OWNER, len(bot_schema.MIGRATIONS)),
        ],
        key=repr,
    )
    before["chat_settings"] = [r for r in before["chat_settings"] if r[0] != 0]
    assert after == before  # every other row of every table, unchanged

    # the moved database has the very layout a new one gets
    fresh = tmp_path / "fresh.db"
    async with await Store.open(fresh) as store:
        await BotState.open(store.database)
    assert layout(path) == layout(fresh)
    with sqlite3.connect(path) as db:
        assert db.execute("PRAGMA user_version").fetchone() == (SPLIT,)


async def test_a_version_1_database_is_migrated_and_its_old_snapshot_dropped(
    tmp_path: Path,
) -> None:
    path = tmp_path / "old.db"
    legacy(path, 1, [corpus_schema.MIGRATIONS[0], bot_schema.MIGRATIONS[0]])
    with sqlite3.connect(path) as db:
        db.execute(
            "INSERT INTO index_snapshot VALUES (1, 'g', x'', x'0000000000000000', x'', x'', 0)"
        )
        db.execute("INSERT INTO chat_settings VALUES (7, 'mode', 'all')")
        db.execute("INSERT INTO chat_settings VALUES (0, 'corpus_dir', '/srv/corpus')")
    async with await Store.open(path) as s:
        assert await s.schema_version() == len(corpus_schema.MIGRATIONS)
        assert await s.database.all("SELECT count(*) FROM index_snapshot") == [(0,)]
        columns = {row[1] for row in await s.database.all("PRAGMA table_info(index_snapshot)")}
        assert {"layout", "tf", "lengths"} <= columns
        assert await s.folder() == "/srv/corpus"
        state = await BotState.open(s.database)
        assert await state.settings.answer_mode(7) is AnswerMode.ALL
        assert await s.database.all("SELECT * FROM chat_settings WHERE chat_id = 0") == []


async def test_migration_keeps_each_members_last_vote(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    # the single list's first four: the corpus's first two, the bot's first three
    legacy(path, 4, [*corpus_schema.MIGRATIONS[:2], *bot_schema.MIGRATIONS[:3]])
    with sqlite3.connect(path) as db:
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
        state = await BotState.open(s.database)
        found = await s.database.all("SELECT query_id, user_id, helpful FROM feedback ORDER BY id")
        assert found == [(1, 7, 0), (1, 8, 1), (None, 7, 1), (None, 7, 0)]
        vote = await state.votes.cast(
            doc="a.txt", paragraph=1, helpful=False, query_id=1, user_id=7
        )
        assert (vote.feedback_id, vote.outcome.value) == (2, "unchanged")  # the kept row


async def test_the_bot_opening_first_still_leaves_the_corpus_its_folder(tmp_path: Path) -> None:
    """Owners migrate in either order: the corpus's settings move whenever it migrates."""
    path = tmp_path / "studybot.db"
    with sqlite3.connect(path) as db:
        db.executescript(RELEASE.read_text(encoding="utf-8"))
    from retrieval.database import Database

    database = await Database.open(path)
    try:
        await BotState.open(database)
        await database.migrate(corpus_schema.OWNER, corpus_schema.MIGRATIONS, corpus_schema.LEGACY)
        store = Store(database)
        assert await store.folder() == "/tmp/wt13fx/corpus"
    finally:
        await database.close()
