"""The bot's own records (bot/state/): what survives a restart, votes, reports that cannot
write, and transactions that fail or are cancelled."""

from __future__ import annotations

import asyncio
import contextlib
import sqlite3
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

import pytest

from bot.state import BotState
from bot.state.queries import Result, Source
from bot.state.settings import AnswerMode
from bot.state.votes import Vote, VoteOutcome
from retrieval.store import Store


@asynccontextmanager
async def opened(path: Path) -> AsyncIterator[BotState]:
    async with await Store.open(path) as store:
        yield await BotState.open(store.database)


async def test_restart_keeps_logs_feedback_settings_and_audit(tmp_path: Path) -> None:
    path = tmp_path / "a.db"
    question = "家属应该做什么？'); DROP TABLE query_log; --"
    async with opened(path) as s:
        qid = await s.queries.log(
            source=Source.PRIVATE,
            question=question,
            results=[Result("a.txt", 3, 1.5)],
            latency_ms=2.0,
            chat_id=10,
            user_id=20,
        )
        vote = await s.votes.cast(doc="a.txt", paragraph=3, helpful=False, query_id=qid)
        await s.votes.set_reason(vote.feedback_id, "段落不对")
        await s.settings.set_answer_mode(10, AnswerMode.ALL)
        await s.settings.set_answer_mode(10, AnswerMode.MENTION)
        await s.audit.record(user_id=20, action="reload", allowed=True, detail="ok")
    async with opened(path) as s:
        assert await s.database.all(
            "SELECT chat_id, user_id, question, answered, results FROM query_log"
        ) == [(10, 20, question, 1, '[["a.txt", 3, 1.5]]')]
        logged = await s.queries.get(qid)
        assert logged is not None
        assert (logged.question, logged.chat_id, logged.results) == (
            question,
            10,
            (Result("a.txt", 3, 1.5),),
        )
        assert await s.database.all("SELECT query_id, helpful, reason FROM feedback") == [
            (qid, 0, "段落不对")
        ]
        assert await s.settings.answer_mode(10) is AnswerMode.MENTION
        assert await s.settings.answer_mode(11) is AnswerMode.MENTION  # the default
        assert await s.database.all("SELECT user_id, action, allowed FROM audit_log") == [
            (20, "reload", 1)
        ]


async def test_report_queries_cannot_write(tmp_path: Path) -> None:
    async with opened(tmp_path / "a.db") as s:
        await s.settings.set_answer_mode(1, AnswerMode.ALL)
        with pytest.raises(sqlite3.OperationalError, match="readonly"):
            await s.database.query("DELETE FROM chat_settings")
        assert await s.settings.answer_mode(1) is AnswerMode.ALL
        await s.settings.set_answer_mode(1, AnswerMode.MENTION)  # writes still work afterwards
        assert await s.settings.answer_mode(1) is AnswerMode.MENTION


async def test_a_failed_transaction_leaves_nothing_and_the_next_one_works(
    tmp_path: Path,
) -> None:
    async with opened(tmp_path / "a.db") as s:
        with pytest.raises(RuntimeError):
            async with s.database.transaction() as db:
                await db.execute("INSERT INTO chat_settings VALUES (1, 'scope', '[\"a\"]')")
                raise RuntimeError("midway")
        assert await s.settings.scope(1) == frozenset()
        await s.settings.set_scope(1, ["b"])
        assert await s.settings.scope(1) == frozenset({"b"})


async def test_a_write_cancelled_while_it_begins_leaves_the_store_usable(tmp_path: Path) -> None:
    async with opened(tmp_path / "c.db") as s:
        for pause in range(5):  # cancel at each point of starting the transaction

            async def write() -> None:
                async with s.database.transaction() as db:
                    await db.execute("INSERT OR REPLACE INTO chat_settings VALUES (1, 'k', 'v')")

            task = asyncio.create_task(write())
            for _ in range(pause):
                await asyncio.sleep(0)
            task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await task
            on = pause % 2 == 0
            await s.settings.set_admin_only(2, on)  # would fail inside a stale transaction
            assert await s.settings.admin_only(2) is on


async def test_a_reason_arriving_after_the_vote_changed_to_helpful_is_not_kept(
    tmp_path: Path,
) -> None:
    async with opened(tmp_path / "v.db") as s:
        qid = await s.queries.log(source=Source.PRIVATE, question="问", results=[], latency_ms=1.0)
        down = await s.votes.cast(doc="a", paragraph=1, helpful=False, query_id=qid, user_id=5)
        up = await s.votes.cast(doc="a", paragraph=1, helpful=True, query_id=qid, user_id=5)
        assert up == Vote(down.feedback_id, VoteOutcome.CHANGED)
        await s.votes.set_reason(down.feedback_id, "段落不对")  # a reply to the old 👎 prompt
        assert await s.database.all("SELECT helpful, reason FROM feedback") == [(1, None)]
        again = await s.votes.cast(doc="a", paragraph=1, helpful=True, query_id=qid, user_id=5)
        assert again.outcome is VoteOutcome.UNCHANGED
