"""A group's reading scope end to end: the real Application over HTTP against the Bot API
stand-in, on a corpus of three small documents of different years and kinds."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from bot.context import App
from bot.services import Services
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
from tests.study_corpus import (
    ECOLOGY,
    ECOLOGY_TITLE,
    RURAL_TITLE,
    STYLE_TITLE,
    write_corpus,
)

SHANGHAI = ZoneInfo("Asia/Shanghai")
ONLY_RURAL = "/ask 高标准农田建设有什么要求"  # only the 2023 report answers this
ECOLOGICAL = "/ask 垃圾分类怎么推进"  # the 2019 speech answers this
ELSEWHERE = "📚 查看全部资料中的答案"


@asynccontextmanager
async def scoped_bot(
    tmp_path: Path, **server_options: Any
) -> AsyncIterator[tuple[BotApiServer, App]]:
    write_corpus(tmp_path / "corpus")
    clock = FakeClock(datetime(2025, 3, 3, 7, 0, tzinfo=SHANGHAI))
    async with BotApiServer(token=TOKEN, username=USERNAME, **server_options) as api:
        populate(api)
        settings = make_settings(tmp_path, api.root, STUDYBOT_QUIZ_SECONDS="600")
        async with running_bot(api, settings, clock=clock) as app:
            yield api, app


def services_of(app: App) -> Services:
    svc = app.bot_data.services
    assert isinstance(svc, Services)
    return svc


async def say(api: BotApiServer, chat: int, user: int, text: str) -> StoredMessage:
    await api.send_text(chat, user, text)
    return await api.wait_for_reply(chat)


async def press(api: BotApiServer, chat: int, user: int, message: StoredMessage, label: str) -> str:
    query = await api.press_button(chat, user, message.message_id, text=label)
    return str((await api.wait_for_answer(query)).get("text", ""))


async def audited(app: App, user: int) -> list[tuple[str, int]]:
    rows = await services_of(app).store.database.all(
        "SELECT action, allowed FROM audit_log WHERE user_id = ? ORDER BY id", (user,)
    )
    return [(action, allowed) for action, allowed in rows]


async def test_a_scoped_group_is_answered_from_its_document_or_offered_the_rest(
    tmp_path: Path,
) -> None:
    async with scoped_bot(tmp_path) as (api, _app):
        # the whole corpus to begin with, every document on the keyboard with year and kind
        shown = await say(api, GROUP, USER, "/scope")
        assert "本群学习范围：全部资料" in shown.plain and "共 3 份" in shown.plain
        labels = [b["text"] for b in shown.inline_buttons]
        assert f"2019 · 讲话 · {ECOLOGY_TITLE}" in labels
        assert f"2023 · 报告 · {RURAL_TITLE}" in labels

        # an administrator scopes the group to one document by a word of its title
        done = await say(api, GROUP, ADMIN, "/scope 生态环境")
        assert f"本群学习范围已设为：《{ECOLOGY_TITLE}》" in done.plain

        # a question only another document answers: no passage of it, the offer instead
        refusal = await say(api, GROUP, USER, ONLY_RURAL)
        assert RURAL_TITLE not in refusal.plain and "耕地" not in refusal.plain
        assert f"本群学习范围：《{ECOLOGY_TITLE}》中没有找到" in refusal.plain
        assert "其他资料中有相关内容" in refusal.plain
        await press(api, GROUP, USER, refusal, ELSEWHERE)
        everywhere = await api.wait_for_reply(GROUP)
        assert "以下答案来自全部资料，不限于本群学习范围" in everywhere.plain
        assert RURAL_TITLE in everywhere.plain and "旱能灌" in everywhere.plain

        # a question the scoped document answers is answered from it, the scope in the header
        answer = await say(api, GROUP, OTHER, ECOLOGICAL)
        assert answer.plain.startswith(f"本群学习范围：《{ECOLOGY_TITLE}》")
        assert f"1. {ECOLOGY_TITLE}" in answer.plain and "垃圾分类督导员" in answer.plain
        assert RURAL_TITLE not in answer.plain and STYLE_TITLE not in answer.plain

        # /scope all brings the whole corpus back
        cleared = await say(api, GROUP, ADMIN, "/scope all")
        assert "已恢复为全部资料" in cleared.plain
        whole = await say(api, GROUP, USER, ONLY_RURAL)
        assert f"1. {RURAL_TITLE}" in whole.plain and "本群学习范围" not in whole.plain
        api.assert_nothing_rejected()


async def test_a_scoped_group_reads_and_quizzes_only_its_document(tmp_path: Path) -> None:
    async with scoped_bot(tmp_path) as (api, app):
        done = await say(api, GROUP, ADMIN, "/scope 生态环境")
        assert f"本群学习范围已设为：《{ECOLOGY_TITLE}》" in done.plain

        # /read and /toc offer only the scoped document
        reading = await say(api, GROUP, USER, "/read")
        assert ECOLOGY_TITLE in reading.plain and "第 1/" in reading.plain
        toc = await say(api, GROUP, USER, "/toc")
        assert [b["text"] for b in toc.inline_buttons] == [f"📘 {ECOLOGY_TITLE}"]

        # a quiz asks about the scoped document only
        first = await say(api, GROUP, USER, "/quiz 3")
        assert f"本群学习范围：《{ECOLOGY_TITLE}》" in first.plain
        store = services_of(app).store
        rows = await store.database.all("SELECT DISTINCT doc FROM quiz_questions")
        assert rows == [(ECOLOGY,)]
        await press(api, GROUP, USER, first, "⏹ 结束本题")
        revealed = await api.wait_for_edit(GROUP, first.message_id)
        assert "已揭晓" in revealed.plain and f"📖 {ECOLOGY_TITLE}" in revealed.plain
        second = await api.wait_for_reply(GROUP, first.message_id)
        assert "第 2/3 题" in second.plain
        api.assert_nothing_rejected()


async def test_a_member_who_is_not_an_administrator_cannot_change_the_scope(
    tmp_path: Path,
) -> None:
    async with scoped_bot(tmp_path) as (api, app):
        refused = await say(api, GROUP, USER, "/scope 生态环境")
        assert "只有群管理员可以更改本群的学习范围" in refused.plain
        shown = await say(api, GROUP, USER, "/scope")
        alert = await press(api, GROUP, USER, shown, f"2023 · 报告 · {RURAL_TITLE}")
        assert "只有群管理员" in alert
        assert await audited(app, USER) == [("scope", 0), ("scope", 0)]
        answer = await say(api, GROUP, USER, ONLY_RURAL)  # nothing changed
        assert f"1. {RURAL_TITLE}" in answer.plain

        # the administrator's presses change it: one document in, then a second one
        await press(api, GROUP, ADMIN, shown, f"2023 · 报告 · {RURAL_TITLE}")
        edited = await api.wait_for_edit(GROUP, shown.message_id)
        assert f"✅ 2023 · 报告 · {RURAL_TITLE}" in [b["text"] for b in edited.inline_buttons]
        await press(api, GROUP, ADMIN, edited, f"2021 · 决定 · {STYLE_TITLE}")
        both = await say(api, GROUP, OTHER, "/toc")
        assert sorted(b["text"] for b in both.inline_buttons) == sorted(
            [f"📘 {RURAL_TITLE}", f"📘 {STYLE_TITLE}"]
        )
        assert await audited(app, ADMIN) == [("scope", 1), ("scope", 1)]
        api.assert_nothing_rejected()


async def test_a_keyword_that_several_documents_match_asks_which(tmp_path: Path) -> None:
    async with scoped_bot(tmp_path) as (api, _app):
        question = await say(api, GROUP, ADMIN, "/scope 全县")
        assert "有 2 份资料符合“全县”" in question.plain
        await press(api, GROUP, ADMIN, question, f"2023 · 报告 · {RURAL_TITLE}")
        chosen = await api.wait_for_edit(GROUP, question.message_id)
        assert f"本群学习范围已设为：《{RURAL_TITLE}》" in chosen.plain
        answer = await say(api, GROUP, USER, ECOLOGICAL)
        assert ECOLOGY_TITLE not in answer.plain and ELSEWHERE in [
            b["text"] for b in answer.inline_buttons
        ]
        api.assert_nothing_rejected()


async def test_daily_reading_follows_the_scope(tmp_path: Path) -> None:
    async with scoped_bot(tmp_path) as (api, app):
        await say(api, GROUP, ADMIN, "/scope 作风建设")
        subscribed = await say(api, GROUP, ADMIN, "/daily 8:00")
        clock = app.bot_data.clock
        assert isinstance(clock, FakeClock)
        clock.moment = datetime(2025, 3, 3, 8, 0, tzinfo=SHANGHAI)
        assert app.job_queue is not None
        (job,) = app.job_queue.get_jobs_by_name(f"daily:{GROUP}")
        await job.run(app)
        daily = await api.wait_for_reply(GROUP, subscribed.message_id)
        assert "每日一段 · 第 1 天" in daily.plain and STYLE_TITLE in daily.plain
        assert "形式主义" in daily.plain  # the decision's first passage
        api.assert_nothing_rejected()


async def test_answer_every_question_mode_keeps_to_the_scope(tmp_path: Path) -> None:
    async with scoped_bot(tmp_path, privacy_mode=False) as (api, app):
        await say(api, GROUP, ADMIN, "/scope 生态环境")
        menu = await say(api, GROUP, ADMIN, "/mode")
        await api.press_button(GROUP, ADMIN, menu.message_id, "g:all")
        await api.wait_for_edit(GROUP, menu.message_id)

        outside = await api.send_text(GROUP, USER, "高标准农田建设有什么要求")
        inside = await api.send_text(GROUP, OTHER, "垃圾分类怎么推进")
        reply = await api.wait_for_reply(GROUP)
        assert reply.reply_to_message_id == inside.message_id
        assert f"本群学习范围：《{ECOLOGY_TITLE}》" in reply.plain and "垃圾分类" in reply.plain
        await say(api, GROUP, USER, "/help")
        assert outside.update_id is not None
        assert await services_of(app).state.inbox.was_handled(outside.update_id)
        # a question only other documents answer is chatter here: left alone, no offer
        assert [m for m in api.messages(GROUP) if m.reply_to_message_id == outside.message_id] == []
        api.assert_nothing_rejected()
