"""Quizzes end to end: the real Application over HTTP against the Bot API stand-in.

Time is a FakeClock in bot_data; a question's time running out is its JobQueue job run by
the test (Job.run), never a sleep. Questions are long (600 s) so no timer fires on its own.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import UTC, datetime, timedelta
from pathlib import Path

from bot.context import App
from bot.services import Services
from bot.state.quizzes import StoredQuestion
from tests.bot_harness import (
    ADMIN,
    GROUP,
    OTHER,
    TOKEN,
    USER,
    USERNAME,
    FakeClock,
    make_settings,
    populate,
    running_bot,
)
from tests.botapi import BotApiServer, StoredMessage

SECONDS = 600
GROUP_2, GROUP_3 = -100600, -100700


@asynccontextmanager
async def quiz_bot(api: BotApiServer, tmp_path: Path, clock: FakeClock) -> AsyncIterator[App]:
    settings = make_settings(tmp_path, api.root, STUDYBOT_QUIZ_SECONDS=str(SECONDS))
    async with running_bot(api, settings, clock=clock) as app:
        yield app


@asynccontextmanager
async def stand_in() -> AsyncIterator[BotApiServer]:
    async with BotApiServer(token=TOKEN, username=USERNAME) as api:
        populate(api)
        yield api


def start_clock() -> FakeClock:
    return FakeClock(datetime(2025, 3, 5, 12, 0, tzinfo=UTC))  # a Wednesday


async def next_question(api: BotApiServer, chat: int, after: int = 0) -> StoredMessage:
    """The first question (a message with answer buttons) the bot sent after message `after`."""

    def found() -> StoredMessage | None:
        return next(
            (
                m
                for m in api.messages(chat)
                if m.outgoing
                and m.message_id > after
                and any(d.startswith("qa:") for d in m.callback_data)
            ),
            None,
        )

    return await api.wait_for(found, what=f"a quiz question in chat {chat} after #{after}")


async def stored(app: App, message: StoredMessage) -> StoredQuestion:
    qid = int(next(d for d in message.callback_data if d.startswith("qa:")).split(":")[1])
    svc = app.bot_data.services
    assert isinstance(svc, Services)
    question = await svc.state.quizzes.question(qid)
    assert question is not None
    return question


async def press(api: BotApiServer, chat: int, user: int, message: StoredMessage, data: str) -> str:
    query = await api.press_button(chat, user, message.message_id, data)
    return str((await api.wait_for_answer(query)).get("text", ""))


def answer_data(question: StoredQuestion, right: bool) -> str:
    choice = question.answer_index if right else (question.answer_index + 1) % len(question.options)
    return f"qa:{question.id}:{choice}"


async def time_up(app: App, question: StoredQuestion) -> None:
    """What the question's timer does when its time is up."""
    assert app.job_queue is not None
    (job,) = app.job_queue.get_jobs_by_name(f"quiz:{question.id}")
    await job.run(app)


async def test_two_members_answer_the_reveal_and_the_leaderboard(tmp_path: Path) -> None:
    clock = start_clock()
    async with stand_in() as api, quiz_bot(api, tmp_path, clock) as app:
        command = await api.send_text(GROUP, USER, "/quiz")
        message = await next_question(api, GROUP)
        assert message.reply_to_message_id == command.message_id and "共 1 题" in message.plain
        question = await stored(app, message)
        assert "第 1/1 题" in message.plain and question.prompt.splitlines()[0] in message.plain
        assert len(message.callback_data) == 5 and f"qe:{question.id}" in message.callback_data

        assert "已记录" in await press(api, GROUP, USER, message, answer_data(question, True))
        assert "已记录" in await press(api, GROUP, OTHER, message, answer_data(question, False))
        # a second press, even on another option, changes nothing
        again = await press(api, GROUP, USER, message, answer_data(question, False))
        assert "你已经作答" in again

        # nothing counts, and nothing leaks, before the reveal
        await api.send_text(GROUP, OTHER, "/rank")
        assert "还没有测验成绩" in (await api.wait_for_reply(GROUP)).plain

        refused = await press(api, GROUP, OTHER, message, f"qe:{question.id}")
        assert "只有发起测验的人" in refused
        assert "本题结束" in await press(api, GROUP, USER, message, f"qe:{question.id}")
        revealed = await api.wait_for_edit(GROUP, message.message_id)
        assert "已揭晓" in revealed.plain and revealed.callback_data == []
        letter = "ABCD"[question.answer_index]
        assert f"✅ {letter}. {question.options[question.answer_index]}" in revealed.plain
        assert "答对（1）：张三" in revealed.plain and "答错（1）：李四" in revealed.plain
        passage = question.passage
        assert " › ".join(passage.section) in revealed.plain
        assert passage.text in revealed.plain and question.sentence in revealed.bold

        await api.send_text(GROUP, OTHER, "/rank")
        board = (await api.wait_for_reply(GROUP)).plain
        week, ever = board.split("总排行")
        assert "本周排行" in week
        for part in (week, ever):
            assert part.index("1. 张三 · 答对 1 题（共答 1 题）") < part.index(
                "2. 李四 · 答对 0 题（共答 1 题）"
            )
        api.assert_nothing_rejected()


async def test_a_timed_round_in_a_private_chat(tmp_path: Path) -> None:
    clock = start_clock()
    async with stand_in() as api, quiz_bot(api, tmp_path, clock) as app:
        await api.send_text(USER, USER, "/quiz 21")
        assert "不超过 20" in (await api.wait_for_reply(USER)).plain
        await api.send_text(USER, USER, "/quiz 2")
        first = await next_question(api, USER)
        q1 = await stored(app, first)
        await press(api, USER, USER, first, answer_data(q1, True))
        await api.send_text(USER, USER, "/quiz")
        assert "正在进行" in (await api.wait_for_reply(USER)).plain
        clock.advance(timedelta(seconds=SECONDS))
        await time_up(app, q1)
        assert "已揭晓" in (await api.wait_for_edit(USER, first.message_id)).plain
        second = await next_question(api, USER, first.message_id)
        q2 = await stored(app, second)
        assert q2.number == 2 and q2.sentence != q1.sentence
        await press(api, USER, USER, second, answer_data(q2, False))
        clock.advance(timedelta(seconds=SECONDS))
        await time_up(app, q2)
        summary = await api.wait_for(
            lambda: next((m for m in api.messages(USER) if "本轮测验结束" in m.plain), None)
        )
        assert "1. 张三 · 答对 1/2" in summary.plain
        await api.send_text(USER, USER, "/quiz")  # the round is over: a new one may start
        assert (await next_question(api, USER, summary.message_id)).message_id > summary.message_id
        api.assert_nothing_rejected()


async def test_a_restart_in_the_middle_of_a_round_loses_no_answer(tmp_path: Path) -> None:
    clock = start_clock()
    async with stand_in() as api:
        async with quiz_bot(api, tmp_path, clock) as app:
            await api.send_text(GROUP, USER, "/quiz 3")
            first = await next_question(api, GROUP)
            q1 = await stored(app, first)
            await press(api, GROUP, USER, first, answer_data(q1, True))
            await press(api, GROUP, OTHER, first, answer_data(q1, False))

        # back before the question's time is up: it keeps running, with its answers
        async with quiz_bot(api, tmp_path, clock) as app:
            assert app.job_queue is not None
            assert app.job_queue.get_jobs_by_name(f"quiz:{q1.id}")
            assert "你已经作答" in await press(api, GROUP, OTHER, first, answer_data(q1, True))
            await press(api, GROUP, USER, first, f"qe:{q1.id}")
            revealed = await api.wait_for_edit(GROUP, first.message_id)
            assert "答对（1）：张三" in revealed.plain and "答错（1）：李四" in revealed.plain
            second = await next_question(api, GROUP, first.message_id)
            q2 = await stored(app, second)
            await press(api, GROUP, OTHER, second, answer_data(q2, True))

        # back after the second question fell due: it is revealed at start-up, the round goes on
        clock.advance(timedelta(seconds=SECONDS + 60))
        async with quiz_bot(api, tmp_path, clock) as app:
            revealed = await api.wait_for_edit(GROUP, second.message_id)
            assert "答对（1）：李四" in revealed.plain
            third = await next_question(api, GROUP, second.message_id)
            q3 = await stored(app, third)
            await press(api, GROUP, OTHER, third, answer_data(q3, True))
            await press(api, GROUP, USER, third, f"qe:{q3.id}")
            summary = await api.wait_for(
                lambda: next((m for m in api.messages(GROUP) if "本轮测验结束" in m.plain), None)
            )
            assert "1. 李四 · 答对 2/3" in summary.plain and "2. 张三 · 答对 1/3" in summary.plain
            await api.send_text(GROUP, USER, "/rank")
            board = (await api.wait_for_reply(GROUP)).plain
            assert "1. 李四 · 答对 2 题（共答 3 题）" in board.split("总排行")[1]
        api.assert_nothing_rejected()


async def test_a_round_left_for_hours_is_closed_at_restart(tmp_path: Path) -> None:
    clock = start_clock()
    async with stand_in() as api:
        async with quiz_bot(api, tmp_path, clock) as app:
            await api.send_text(GROUP, USER, "/quiz 3")
            first = await next_question(api, GROUP)
            q1 = await stored(app, first)
            await press(api, GROUP, OTHER, first, answer_data(q1, True))
        clock.advance(timedelta(hours=3))
        async with quiz_bot(api, tmp_path, clock):
            closed = await api.wait_for(
                lambda: next((m for m in api.messages(GROUP) if "重启中断" in m.plain), None)
            )
            assert "答对（1）：李四" in api.message(GROUP, first.message_id).plain
            assert not [m for m in api.messages(GROUP) if m.message_id > closed.message_id]
            await api.send_text(GROUP, USER, "/rank")
            assert "1. 李四 · 答对 1 题" in (await api.wait_for_reply(GROUP)).plain
            await api.send_text(GROUP, USER, "/quiz")  # no round is left open
            await next_question(api, GROUP, closed.message_id)
        api.assert_nothing_rejected()


async def test_group_can_require_administrators_to_start(tmp_path: Path) -> None:
    # Three groups, a few requests each: the bot keeps to Telegram's 20 a minute per group
    # (getChatMember included), which would otherwise make this test wait.
    clock = start_clock()
    async with stand_in() as api, quiz_bot(api, tmp_path, clock) as app:
        svc = app.bot_data.services
        assert isinstance(svc, Services)
        api.add_chat(GROUP_2, "supergroup", "读书会", admins=[OTHER], members=[USER])
        api.add_chat(GROUP_3, "supergroup", "党小组", admins=[ADMIN], members=[USER])

        await api.send_text(GROUP, USER, "/adminonly on")
        assert "只有群管理员" in (await api.wait_for_reply(GROUP)).plain
        await api.send_text(GROUP, ADMIN, "/adminonly on")
        assert "仅管理员可以发起" in (await api.wait_for_reply(GROUP)).plain
        await api.send_text(GROUP, USER, "/quiz")
        assert "仅管理员" in (await api.wait_for_reply(GROUP)).plain
        assert await svc.state.quizzes.open_round(GROUP) is None

        # a group's own administrator (not one of the bot's) is recognised by getChatMember
        await api.send_text(GROUP_2, OTHER, "/adminonly on")
        assert "仅管理员可以发起" in (await api.wait_for_reply(GROUP_2)).plain
        await api.send_text(GROUP_2, OTHER, "/daily 08:00")
        assert "已订阅" in (await api.wait_for_reply(GROUP_2)).plain

        await api.send_text(GROUP_3, ADMIN, "/adminonly on")
        await api.wait_for_reply(GROUP_3)
        await api.send_text(GROUP_3, USER, "/daily 08:00")
        assert "仅管理员" in (await api.wait_for_reply(GROUP_3)).plain
        assert await svc.state.reading.subscription(GROUP_3) is None
        await api.send_text(GROUP_3, ADMIN, "/quiz")
        message = await next_question(api, GROUP_3)
        question = await stored(app, message)
        assert "已记录" in await press(api, GROUP_3, USER, message, answer_data(question, True))
        await api.send_text(GROUP_3, ADMIN, "/adminonly off")
        assert "所有成员" in (await api.wait_for_reply(GROUP_3, message.message_id)).plain
        assert await svc.state.settings.admin_only(GROUP_3) is False  # set, to off

        await api.send_text(USER, USER, "/quiz")  # private chats are not affected
        await next_question(api, USER)
        rows = await svc.store.database.all(
            "SELECT user_id, allowed FROM audit_log WHERE action = 'adminonly' ORDER BY id"
        )
        assert [tuple(r) for r in rows] == [
            (USER, 0),
            (ADMIN, 1),
            (OTHER, 1),
            (ADMIN, 1),
            (ADMIN, 1),
        ]
        api.assert_nothing_rejected()
