"""The study record end to end: members ask and answer in a group, an administrator takes
/export in private, and `studybot export` writes the same from the command line. The
spreadsheets are read back with openpyxl, as Excel or WPS would show them."""

from __future__ import annotations

import io
import subprocess
import sys
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

from openpyxl import load_workbook

from bot.context import App
from bot.services import Services
from tests.bot_harness import (
    ADMIN,
    GROUP,
    OTHER,
    TOKEN,
    USER,
    USERNAME,
    clean_env,
    make_settings,
    populate,
    running_bot,
)
from tests.botapi import BotApiServer, StoredMessage
from tests.study_corpus import write_corpus

GROUP_2 = -100600
STRANGER = 1003  # a member of the other group only
NEWCOMER = 1004  # joins the group and only reads
SECRET = "/ask 王五的秘密问题：驻村第一书记要怎么做"  # asked in the other group

Sheet = list[tuple[Any, ...]]


@asynccontextmanager
async def study_group(tmp_path: Path) -> AsyncIterator[tuple[BotApiServer, App]]:
    write_corpus(tmp_path / "corpus")
    async with BotApiServer(token=TOKEN, username=USERNAME) as api:
        populate(api)
        api.add_user(STRANGER, "王五", "wangwu")
        api.add_user(NEWCOMER, "赵六")
        api.add_chat(GROUP_2, "supergroup", "另一个小组", admins=[STRANGER], members=[OTHER])
        settings = make_settings(tmp_path, api.root, STUDYBOT_QUIZ_SECONDS="600")
        async with running_bot(api, settings) as app:
            yield api, app


async def say(api: BotApiServer, chat: int, user: int, text: str) -> StoredMessage:
    await api.send_text(chat, user, text)
    return await api.wait_for_reply(chat)


def sheets(data: bytes) -> dict[str, Sheet]:
    book = load_workbook(io.BytesIO(data), read_only=True)
    return {
        name: [tuple(row) for row in book[name].iter_rows(values_only=True)]
        for name in book.sheetnames
    }


def documents_sent(api: BotApiServer, chat: int) -> list[StoredMessage]:
    return [m for m in api.messages(chat) if m.outgoing and m.document is not None]


def file_of(api: BotApiServer, message: StoredMessage) -> bytes:
    assert message.document is not None
    return api.files[message.document["file_id"]].data


async def take_part(api: BotApiServer, svc: Services) -> None:
    """张三 asks twice and answers a quiz question right, 李四 answers it wrong; in the other
    group 王五 and 李四 ask too."""
    await say(api, GROUP, USER, "/ask 垃圾分类怎么推进")
    await say(api, GROUP, USER, "/ask 今天股市行情如何")
    question = await say(api, GROUP, USER, "/quiz")
    qid = next(d for d in question.callback_data if d.startswith("qa:")).split(":")[1]
    ((right,),) = await svc.store.database.all("SELECT answer_index FROM quiz_questions")
    for user, choice in ((USER, right), (OTHER, (right + 1) % 4)):
        query = await api.press_button(GROUP, user, question.message_id, f"qa:{qid}:{choice}")
        assert "已记录" in str((await api.wait_for_answer(query)).get("text"))
    query = await api.press_button(GROUP, USER, question.message_id, f"qe:{qid}")
    await api.wait_for_answer(query)
    await api.wait_for_edit(GROUP, question.message_id)
    await say(api, GROUP_2, STRANGER, SECRET)
    await say(api, GROUP_2, OTHER, "/ask 李四在另一组问：耕地红线")


async def test_export_reaches_the_administrator_in_private_with_only_this_group(
    tmp_path: Path,
) -> None:
    async with study_group(tmp_path) as (api, app):
        svc = app.bot_data.services
        assert isinstance(svc, Services)
        joined = await api.join(GROUP, NEWCOMER)
        await take_part(api, svc)
        assert await svc.state.inbox.was_handled(joined)

        # a member who is not an administrator is told so, and the attempt is audited
        refused = await say(api, GROUP, USER, "/export")
        assert "只有群管理员可以导出" in refused.plain

        # the administrator never started the bot: the group is told to start it first
        first = await say(api, GROUP, ADMIN, "/export")
        assert "请先打开与 @studybot_test_bot 的私聊" in first.plain and "/start" in first.plain
        assert documents_sent(api, ADMIN) == []

        await say(api, ADMIN, ADMIN, "/start")
        sent = await say(api, GROUP, ADMIN, "/export 30")
        assert "学习台账已私信发给你（最近 30 天）" in sent.plain
        (delivered,) = documents_sent(api, ADMIN)
        assert documents_sent(api, GROUP) == []  # never posted to the group
        assert delivered.document is not None
        assert delivered.document["file_name"].startswith("学习台账-学习小组-")
        assert delivered.document["file_name"].endswith(".xlsx")
        assert "学习小组 的学习台账（最近 30 天）：3 位成员" in delivered.plain

        book = sheets(file_of(api, delivered))
        members, events = book["成员汇总"], book["活动记录"]
        assert members[0][:7] == (
            "成员",
            "用户名",
            "用户 ID",
            "提问次数",
            "答题数",
            "答对数",
            "收到每日一段",
        )
        by_name = {row[0]: row for row in members[1:]}
        assert set(by_name) == {"张三", "李四", "赵六"}
        assert by_name["张三"][1:6] == ("@zhangsan", USER, 2, 1, 1)
        assert by_name["李四"][1:6] == ("@lisi", OTHER, 0, 1, 0)
        assert by_name["赵六"][1:7] == (None, NEWCOMER, 0, 0, 0, 0)  # joined, only reads
        assert events[0] == ("时间", "成员", "用户 ID", "事项", "内容", "结果")
        asked = [(row[1], row[3], row[4], row[5]) for row in events[1:] if row[3] == "提问"]
        assert asked == [
            ("张三", "提问", "垃圾分类怎么推进", "已回答"),
            ("张三", "提问", "今天股市行情如何", "未找到"),
        ]
        quiz = sorted((row[1], row[5]) for row in events[1:] if row[3] == "答题")
        assert quiz == [("张三", "答对"), ("李四", "答错")]
        text = repr(book)
        for leak in ("王五", "秘密问题", "李四在另一组问", "另一个小组"):
            assert leak not in text

        # the refusal went to the audit log beside the allowed exports
        rows = await svc.store.database.all(
            "SELECT user_id, allowed FROM audit_log WHERE action = 'export' ORDER BY id"
        )
        assert rows == [(USER, 0), (ADMIN, 1), (ADMIN, 1)]

        # a bot admin in private gets every group, each row naming its group
        await say(api, ADMIN, ADMIN, "/export")
        everything = documents_sent(api, ADMIN)[-1]
        events = sheets(file_of(api, everything))["活动记录"]
        assert events[0][:3] == ("时间", "群", "成员")
        groups = {(row[1], row[2]) for row in events[1:]}
        assert ("另一个小组", "王五") in groups and ("学习小组", "张三") in groups
        # the one refusal: the document the bot could not send before the /start
        assert [(r.method, r.status) for r in api.rejected] == [("sendDocument", 403)]

    # the same record from the command line, with the bot stopped
    out = tmp_path / "台账.xlsx"
    run = subprocess.run(
        [sys.executable, "-m", "bot.cli", "export", f"--chat={GROUP}", "--days", "7", str(out)],
        capture_output=True,
        text=True,
        env=clean_env(STUDYBOT_DB=str(tmp_path / "bot.db")),
        cwd=tmp_path,
        timeout=120,
    )
    assert run.returncode == 0, run.stderr
    assert "3 members" in run.stderr
    cli = sheets(out.read_bytes())
    assert cli["成员汇总"] == members
    assert "王五" not in repr(cli)


async def test_a_member_who_is_not_an_administrator_cannot_export_in_private(
    tmp_path: Path,
) -> None:
    async with study_group(tmp_path) as (api, _app):
        reply = await say(api, USER, USER, "/export")
        assert "请在要导出的群里发送 /export" in reply.plain
        assert documents_sent(api, USER) == []
        usage = await say(api, GROUP, ADMIN, "/export 几天")
        assert "用法" in usage.plain
        api.assert_nothing_rejected()
