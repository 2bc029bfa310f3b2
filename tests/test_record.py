"""The study record from the store to the spreadsheet, without Telegram: what a member is
counted for, what a period leaves out, and that a cell's text is never a formula."""

from __future__ import annotations

import io
from pathlib import Path
from zoneinfo import ZoneInfo

from openpyxl import load_workbook

from bot.spreadsheet import workbook_bytes
from bot.state import BotState
from bot.state.queries import QueryLog, Source
from bot.state.record import EventKind
from retrieval.model import Passage
from retrieval.store import Store

GROUP, OTHER_GROUP = -100500, -100600
DAY = 86400.0
T0 = 1_740_000_000.0  # 2025-02-20 05:20 in Shanghai


def passage(n: int) -> Passage:
    return Passage("a.txt", "学习材料", ("一、总体要求",), n, 1, "正文")


async def test_daily_passages_count_from_a_members_first_visit_and_periods_cut(
    tmp_path: Path,
) -> None:
    async with await Store.open(tmp_path / "r.db") as store:
        record = (await BotState.open(store.database)).record
        for day in range(4):
            await record.delivered(GROUP, passage(day + 1), T0 + day * DAY)
        await record.delivered(OTHER_GROUP, passage(9), T0 + DAY)
        await record.member_seen(
            chat_id=GROUP,
            chat_title="学习小组",
            user_id=7,
            name="张三",
            username="zs",
            at=T0 + 1.5 * DAY,
        )
        for chat in (GROUP, OTHER_GROUP):
            await QueryLog(store.database).log(
                source=Source.GROUP,
                question='=HYPERLINK("http://x")怎么学',
                results=[],
                latency_ms=1.0,
                chat_id=chat,
                user_id=7,
            )
        # log_query stamps the time itself: put these questions where the test needs them
        async with store.database.transaction() as db:
            await db.execute("UPDATE query_log SET at = ?", (T0 + 2.5 * DAY,))

        study = await record.collect([GROUP], since=None, until=T0 + 10 * DAY)
        (member,) = study.members
        assert (member.name, member.username, member.questions) == ("张三", "zs", 1)
        assert member.daily == 2  # days 2 and 3 came after the first visit at day 1.5
        assert [e.kind for e in study.events].count(EventKind.DAILY) == 4
        assert all(e.chat_id == GROUP for e in study.events)

        # a member who joined at day 0.5 and left at day 2.2 was sent days 1 and 2
        await record.member_seen(
            chat_id=GROUP,
            chat_title="学习小组",
            user_id=8,
            name="李四",
            username=None,
            at=T0 + 0.5 * DAY,
            joined=True,
        )
        await record.member_left(chat_id=GROUP, user_id=8, at=T0 + 2.2 * DAY)
        study = await record.collect([GROUP], since=None, until=T0 + 10 * DAY)
        left = next(m for m in study.members if m.user_id == 8)
        assert (left.daily, left.questions, left.left_at) == (2, 0, T0 + 2.2 * DAY)
        gone = await record.collect([GROUP], since=T0 + 3 * DAY, until=T0 + 10 * DAY)
        assert [m.user_id for m in gone.members] == [7]  # left before the period

        recent = await record.collect([GROUP], since=T0 + 2 * DAY, until=T0 + 10 * DAY)
        assert [e.kind.value for e in recent.events] == ["每日一段", "提问", "每日一段"]
        assert await record.group_ids() == [OTHER_GROUP, GROUP]

    book = load_workbook(
        io.BytesIO(workbook_bytes(study, ZoneInfo("Asia/Shanghai"), many=False)), read_only=False
    )
    question = next(
        cell
        for row in book["活动记录"].iter_rows()
        for cell in row
        if cell.value == '=HYPERLINK("http://x")怎么学'
    )
    assert question.data_type == "s"  # text, not a formula
    first = book["活动记录"]["A2"].value
    assert first.strftime("%Y-%m-%d %H:%M") == "2025-02-20 05:20"  # Shanghai time
