"""Faults from the Bot API and the database: what the user sees and what is kept."""

from __future__ import annotations

import asyncio
import contextlib
import sqlite3
from collections.abc import Sequence
from pathlib import Path

import pytest

from bot.services import Services
from bot.state.queries import Source
from tests.bot_harness import USER, harness


def services(h: object) -> Services:
    svc = h.app.bot_data.services
    assert isinstance(svc, Services)
    return svc


async def test_a_reply_that_timed_out_is_not_sent_twice(tmp_path: Path) -> None:
    async with harness(tmp_path) as h:
        # Telegram takes the message but answers after the client's 5 s read timeout
        h.api.delay_next("sendMessage", 6, processed=True)
        question = await h.api.send_text(USER, USER, "杨溥有哪些故事")
        first = await h.api.wait_for_reply(USER, timeout=15)
        assert "二要珍视个人声誉" in first.plain
        # the fault landed: the bot hung up on the reply's request before Telegram answered
        await h.api.wait_for_request("sendMessage", lambda r: r.status == 0, timeout=15)
        # once the bot is done with the question, a retry or an apology would have been sent
        await h.handled.wait(question.update_id, timeout=15)
        assert [m.message_id for m in h.api.messages(USER) if m.outgoing] == [first.message_id]
        assert [r.status for r in h.api.calls("sendMessage")] == [0]
        await h.api.send_text(USER, USER, "副局长收了多少礼金")
        assert "三要带头遵纪守法" in (await h.api.wait_for_reply(USER)).plain


async def test_a_gateway_error_on_a_send_is_not_retried_but_on_a_lookup_it_is(
    tmp_path: Path,
) -> None:
    async with harness(tmp_path) as h:
        # a 502 or 504 from a proxy may come after the Bot API delivered the message
        h.api.fail_next("sendMessage", status=504)
        question = await h.api.send_text(USER, USER, "杨溥有哪些故事")
        # once the bot is done with the question, a retry or an apology would have been sent
        await h.handled.wait(question.update_id, timeout=15)
        assert [r.status for r in h.api.calls("sendMessage")] == [504]
        assert not [m for m in h.api.messages(USER) if m.outgoing]
        await h.api.send_text(USER, USER, "家属应该做什么？")
        answer = await h.api.wait_for_reply(USER)
        h.api.fail_next("answerCallbackQuery", status=502)
        query_id = await h.api.press_button(USER, USER, answer.message_id, answer.callback_data[0])
        await h.api.wait_for_answer(query_id, timeout=15)
        assert [r.status for r in h.api.calls("answerCallbackQuery")] == [502, 200]


async def test_dropped_connections_on_harmless_calls_are_retried(tmp_path: Path) -> None:
    async with harness(tmp_path) as h:
        h.api.drop_next("getUpdates")
        await h.api.send_text(USER, USER, "家属应该做什么？")
        answer = await h.api.wait_for_reply(USER, timeout=20)
        h.api.drop_next("answerCallbackQuery")
        query_id = await h.api.press_button(USER, USER, answer.message_id, answer.callback_data[0])
        await h.api.wait_for_answer(query_id, timeout=15)
        assert "全文" not in (await h.api.wait_for_reply(USER)).plain  # the passage itself came
        assert len(h.api.calls("answerCallbackQuery", ok_only=True)) == 1


async def test_a_server_that_refuses_command_menus_still_gets_a_working_bot(
    tmp_path: Path,
) -> None:
    from tests.bot_harness import TOKEN, USERNAME, make_settings, populate, running_bot
    from tests.botapi import BotApiServer

    async with BotApiServer(token=TOKEN, username=USERNAME) as api:
        populate(api)
        api.fail_next("setMyCommands", status=400, count=10)
        async with running_bot(api, make_settings(tmp_path, api.root)):
            await api.send_text(USER, USER, "家属应该做什么？")
            assert "三要树立良好家风" in (await api.wait_for_reply(USER)).plain
        assert api.calls("setMyCommands") and not api.calls("setMyCommands", ok_only=True)


async def test_a_busy_database_delays_but_does_not_lose_the_answer(tmp_path: Path) -> None:
    async with harness(tmp_path) as h:
        inbox = services(h).state.inbox
        inbox_write, inbox_written = asyncio.Event(), asyncio.Event()
        receive = inbox.receive

        async def receiving(updates: Sequence[tuple[int, str]]) -> None:
            inbox_write.set()
            await receive(updates)
            inbox_written.set()

        inbox.receive = receiving  # type: ignore[method-assign]
        other = sqlite3.connect(h.settings.db, timeout=1)
        other.execute("BEGIN EXCLUSIVE")
        await h.api.send_text(USER, USER, "为什么要坚定理想信念")
        # the bot's first write of the question (keeping it in the inbox) is held by the lock
        await asyncio.wait_for(inbox_write.wait(), 10)
        assert not inbox_written.is_set()
        other.rollback()  # released within the store's busy timeout: the question is logged
        reply = await h.api.wait_for_reply(USER)
        assert "一要坚定理想信念" in reply.plain
        assert any(d.startswith("v:") for d in reply.callback_data)
        other.close()
        rows = await services(h).store.database.all("SELECT question FROM query_log")
        assert [r[0] for r in rows] == ["为什么要坚定理想信念"]


async def test_a_full_disk_still_answers_and_keeps_the_corpus(tmp_path: Path) -> None:
    async with harness(tmp_path) as h:
        database, queries = services(h).store.database, services(h).state.queries
        pages = (await database.all("PRAGMA page_count"))[0][0]
        # SQLite's page cap gives exactly the error a full disk gives: SQLITE_FULL
        await database.all(f"PRAGMA max_page_count = {pages}")
        for size in (2000, 100, 1):  # fill the query log's pages up to the cap
            with contextlib.suppress(sqlite3.OperationalError):
                for _ in range(1000):
                    await queries.log(
                        source=Source.GROUP, question="x" * size, results=[], latency_ms=0
                    )
        await h.api.send_text(USER, USER, "如何防止子女成为衙内")
        reply = await h.api.wait_for_reply(USER)
        assert "要教育好子女" in reply.plain
        assert not any(d.startswith("v:") for d in reply.callback_data)  # nothing to attach it to
        await h.api.send_text(USER, USER, "政治定力有什么作用")
        assert "三要保持政治定力" in (await h.api.wait_for_reply(USER)).plain
        docs = await services(h).store.summaries()
        assert [d.passages for d in docs] == [25]
        h.api.assert_nothing_rejected()


@pytest.mark.parametrize("mode", ["polling", "webhook"])
async def test_sigkill_mid_burst_then_restart_answers_every_question_once(
    tmp_path: Path, mode: str
) -> None:
    import os
    import signal
    import time

    from tests.bot_harness import (
        TOKEN,
        USERNAME,
        free_port,
        make_settings,
        start_bot_process,
        unhandled_updates,
    )
    from tests.botapi import BotApiServer

    users = list(range(20_000, 20_030))
    port = free_port()
    webhook = {
        "STUDYBOT_WEBHOOK_URL": f"http://127.0.0.1:{port}/hook",
        "STUDYBOT_WEBHOOK_SECRET": "s3cret",
        "STUDYBOT_WEBHOOK_PORT": str(port),
        "STUDYBOT_WEBHOOK_PATH": "hook",
    }
    async with BotApiServer(token=TOKEN, username=USERNAME, query_ttl=None) as api:
        for user in users:
            api.add_user(user, f"用户{user}")
        settings = make_settings(tmp_path, api.root)

        async def start() -> asyncio.subprocess.Process:
            extra = webhook if mode == "webhook" else {}
            return await start_bot_process(api, settings, tmp_path, **extra)

        bot = await start()
        questions = ["家属应该做什么？", "杨溥有哪些故事", "为什么要坚定理想信念"]
        update_ids: set[int] = set()
        for question in questions:
            for user in users:
                update_id = (await api.send_text(user, user, question)).update_id
                assert update_id is not None
                update_ids.add(update_id)
        total = len(users) * len(questions)

        def confirmed_beyond_answered() -> bool:
            # the kill must find questions confirmed to Telegram (so never sent again) that
            # are not answered yet: more confirmed than replies sent, one reply a question
            confirmed = update_ids - {u["update_id"] for u in api.pending_updates}
            return len(api.sent) >= 20 and len(confirmed) > len(api.sent)

        await api.wait_for(
            confirmed_beyond_answered, timeout=60, what="questions confirmed and not yet answered"
        )
        os.kill(bot.pid, signal.SIGKILL)
        killed_at = time.monotonic()
        await bot.wait()
        before = len(api.sent)
        assert before < total, "the kill must land in the middle of the burst"
        # ...after the bot kept questions in its inbox and confirmed them to Telegram, which
        # will not send them again, and before it handled them: only the inbox can answer them
        confirmed = update_ids - {u["update_id"] for u in api.pending_updates}
        kept = await unhandled_updates(settings.db)
        assert kept & confirmed, f"{len(kept)} kept, {len(confirmed)} confirmed at the kill"
        bot = await start()
        try:
            await api.wait_for(lambda: len(api.sent) >= total, timeout=120, what="all replies")
        finally:
            bot.terminate()  # a clean stop handles every update it has fetched first
            await bot.wait()
        # nothing is left that could still bring a duplicate
        assert not await unhandled_updates(settings.db)
        in_flight = {
            int(r.params["chat_id"])
            for r in api.calls("sendMessage", ok_only=True)
            if killed_at - 0.05 <= r.at <= killed_at
        }
        for user in users:
            replies = [m for m in api.messages(user) if m.outgoing]
            if len(replies) != len(questions):
                # the only possible duplicate: a reply Telegram accepted in the last instant
                # before the kill, before the bot could record the update as handled
                assert len(replies) == len(questions) + 1 and user in in_flight, (
                    user,
                    len(replies),
                )
        api.assert_nothing_rejected()
