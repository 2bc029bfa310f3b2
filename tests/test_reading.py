"""Daily reading and guided reading end to end, over the Bot API stand-in.

The daily job is run by the test (Job.run) after moving the bot's FakeClock, never slept for.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import datetime, timedelta
from itertools import pairwise
from pathlib import Path
from zoneinfo import ZoneInfo

from bot.context import App
from bot.reading import next_occurrence, next_passage, parse_hhmm, reading_steps
from retrieval.ingest import read_lines
from retrieval.model import Passage
from retrieval.structure import parse
from tests.bot_harness import (
    GROUP,
    OTHER,
    SPEECH,
    TOKEN,
    USER,
    USERNAME,
    FakeClock,
    make_settings,
    populate,
    running_bot,
)
from tests.botapi import BotApiServer, StoredMessage

SHANGHAI = ZoneInfo("Asia/Shanghai")
DOCUMENT = parse(SPEECH.name, read_lines(SPEECH.name, SPEECH.read_bytes()))


@asynccontextmanager
async def reading_bot(api: BotApiServer, tmp_path: Path, clock: FakeClock) -> AsyncIterator[App]:
    settings = make_settings(tmp_path, api.root)
    async with running_bot(api, settings, clock=clock) as app:
        yield app


async def run_daily_job(app: App) -> None:
    """What the JobQueue does at the subscription's time."""
    assert app.job_queue is not None
    (job,) = app.job_queue.get_jobs_by_name(f"daily:{GROUP}")
    await job.run(app)


def bot_messages(api: BotApiServer, chat: int) -> list[StoredMessage]:
    return [m for m in api.messages(chat) if m.outgoing]


async def test_daily_passages_follow_reading_order_and_survive_a_restart(tmp_path: Path) -> None:
    clock = FakeClock(datetime(2025, 3, 3, 7, 0, tzinfo=SHANGHAI))
    paragraphs = DOCUMENT.passages
    async with BotApiServer(token=TOKEN, username=USERNAME) as api:
        populate(api)
        async with reading_bot(api, tmp_path, clock) as app:
            await api.send_text(GROUP, USER, "/daily 8:00")
            reply = await api.wait_for_reply(GROUP)
            assert "每天 08:00（Asia/Shanghai）" in reply.plain
            assert "第一次推送：2025-03-03 08:00" in reply.plain

            await run_daily_job(app)  # the job firing before 08:00 (by the clock) sends nothing
            assert len(bot_messages(api, GROUP)) == 1

            clock.moment = datetime(2025, 3, 3, 8, 0, tzinfo=SHANGHAI)
            await run_daily_job(app)
            day1 = bot_messages(api, GROUP)[-1]
            assert "每日一段 · 第 1 天" in day1.plain and paragraphs[0].text in day1.plain
            assert "今日讨论" in day1.plain
            await run_daily_job(app)  # again the same morning: nothing more
            assert bot_messages(api, GROUP)[-1].message_id == day1.message_id

            clock.advance(timedelta(days=1))
            await run_daily_job(app)
            day2 = bot_messages(api, GROUP)[-1]
            assert "第 2 天" in day2.plain and paragraphs[1].text in day2.plain

        # down over the next 08:00: the passage comes at start-up, once, and the job is back
        clock.advance(timedelta(days=1, hours=1, minutes=30))
        async with reading_bot(api, tmp_path, clock) as app:
            day3 = await api.wait_for_reply(GROUP, day2.message_id)
            assert "第 3 天" in day3.plain and paragraphs[2].text in day3.plain
            assert "一、以赤诚之心对待组织" in day3.plain  # the passage's section path
            await run_daily_job(app)
            assert bot_messages(api, GROUP)[-1].message_id == day3.message_id

            await api.send_text(GROUP, USER, "/daily")
            status = await api.wait_for_reply(GROUP)
            assert "已推送 3 段" in status.plain and "下一次 2025-03-06 08:00" in status.plain

            await api.send_text(GROUP, USER, "/daily off")
            assert "已取消" in (await api.wait_for_reply(GROUP)).plain
            assert app.job_queue is not None
            assert not app.job_queue.get_jobs_by_name(f"daily:{GROUP}")

        clock.advance(timedelta(days=2))
        async with reading_bot(api, tmp_path, clock):
            await api.send_text(GROUP, USER, "/daily")
            assert "还没有订阅" in (await api.wait_for_reply(GROUP)).plain
        assert not [m for m in bot_messages(api, GROUP) if "每日一段" in m.plain][3:]
        api.assert_nothing_rejected()


async def test_daily_refuses_a_bad_time(tmp_path: Path) -> None:
    clock = FakeClock(datetime(2025, 3, 3, 7, 0, tzinfo=SHANGHAI))
    async with BotApiServer(token=TOKEN, username=USERNAME) as api:
        populate(api)
        async with reading_bot(api, tmp_path, clock):
            for command in ("/daily 25:00", "/daily 08:00 Mars/Olympus"):
                await api.send_text(USER, USER, command)
                assert "用法" in (await api.wait_for_reply(USER)).plain
            await api.send_text(USER, USER, "/daily 21:30 Europe/Berlin")
            reply = await api.wait_for_reply(USER)
            # 07:00 in Shanghai is 00:00 in Berlin: the same day's 21:30 there
            assert "第一次推送：2025-03-03 21:30" in reply.plain
        api.assert_nothing_rejected()


async def test_guided_reading_crosses_sections_and_remembers_each_member(tmp_path: Path) -> None:
    clock = FakeClock(datetime(2025, 3, 3, 7, 0, tzinfo=SHANGHAI))
    steps = reading_steps(DOCUMENT)
    async with BotApiServer(token=TOKEN, username=USERNAME) as api:
        populate(api)
        async with reading_bot(api, tmp_path, clock):
            await api.send_text(USER, USER, "/read")
            page = await api.wait_for_reply(USER)
            assert f"第 1/{len(steps)} 节" in page.plain and "开篇" in page.plain
            assert DOCUMENT.passages[0].text in page.plain
            assert [b["text"] for b in page.inline_buttons] == ["下一节 ▶"]

            seen = []
            for _ in range(5):
                await api.press_button(USER, USER, page.message_id, text="下一节 ▶")
                page = await api.wait_for_edit(USER, page.message_id)
                seen.append(page.plain.splitlines()[1])
            # from the last sub-point of part one into part two
            assert seen[-2:] == [
                "一、以赤诚之心对待组织 › 三要保持政治定力",
                "二、以责任之心对待工作",
            ]
            assert "第 6/" in page.plain and DOCUMENT.passages[6].text in page.plain
            await api.press_button(USER, USER, page.message_id, text="◀ 上一节")
            page = await api.wait_for_edit(USER, page.message_id)
            assert page.plain.splitlines()[1] == "一、以赤诚之心对待组织 › 三要保持政治定力"

            await api.send_text(USER, USER, "/read")  # a new /read opens where they stopped
            resumed = await api.wait_for_reply(USER)
            assert "接着上次读到的地方" in resumed.plain and "第 5/" in resumed.plain

            await api.send_text(OTHER, OTHER, "/read")  # another member starts at the beginning
            assert "第 1/" in (await api.wait_for_reply(OTHER)).plain

            # in a group, whoever turns the page keeps that place as their own
            await api.send_text(GROUP, OTHER, "/read")
            shared = await api.wait_for_reply(GROUP)
            await api.press_button(GROUP, OTHER, shared.message_id, text="下一节 ▶")
            assert "第 2/" in (await api.wait_for_edit(GROUP, shared.message_id)).plain
            await api.send_text(OTHER, OTHER, "/read")
            assert "第 2/" in (await api.wait_for_reply(OTHER)).plain

            # to the end of the document, in the private chat
            while "下一节 ▶" in [b["text"] for b in resumed.inline_buttons]:
                await api.press_button(USER, USER, resumed.message_id, text="下一节 ▶")
                resumed = await api.wait_for_edit(USER, resumed.message_id)
            assert f"第 {len(steps)}/{len(steps)} 节" in resumed.plain
            assert "全文读完了" in resumed.plain and DOCUMENT.passages[-1].text in resumed.plain
            assert [b["text"] for b in resumed.inline_buttons] == ["◀ 上一节"]
        api.assert_nothing_rejected()


def test_reading_order_wraps_after_the_last_passage() -> None:
    passages = DOCUMENT.passages
    assert next_passage(passages, None) == (passages[0], False)
    assert next_passage(passages, passages[3].key) == (passages[4], False)
    assert next_passage(passages, passages[-1].key) == (passages[0], True)
    # a document that was removed: reading goes on with the next one in name order
    assert next_passage(passages, ("a-removed.txt", 9, 1)) == (passages[0], False)
    other = Passage("z.txt", "z", (), 1, 1, "z")
    assert next_passage([*passages, other], passages[-1].key) == (other, False)
    assert next_passage([], None) is None


def test_schedule_arithmetic() -> None:
    assert parse_hhmm("8:05") == "08:05" and parse_hhmm("08：30") == "08:30"
    assert parse_hhmm("24:00") is None and parse_hhmm("8") is None
    at = datetime(2025, 3, 3, 8, 0, tzinfo=SHANGHAI)
    assert next_occurrence("08:00", SHANGHAI, at) == at + timedelta(days=1)
    assert next_occurrence("08:00", SHANGHAI, at - timedelta(seconds=1)) == at
    # across a daylight saving change the local time stays the same
    berlin = ZoneInfo("Europe/Berlin")
    before = datetime(2025, 3, 29, 9, 0, tzinfo=berlin)
    after = next_occurrence("09:00", berlin, before)
    assert after.hour == 9 and after.timestamp() - before.timestamp() == 23 * 3600


def test_reading_steps_cover_the_document_in_order() -> None:
    steps = reading_steps(DOCUMENT)
    assert [p for s in steps for p in s.passages] == list(DOCUMENT.passages)
    assert all(len({p.section for p in s.passages}) == 1 for s in steps)
    assert all(a.section != b.section for a, b in pairwise(steps))
