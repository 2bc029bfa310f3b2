"""/export [天数]: a group's study record as a spreadsheet, sent to the administrator in
private, never posted to the group. A bot admin's /export in private covers every group.

Who may export: the group's administrators (asked from Telegram) and the bot's admins; every
attempt goes to the audit log. When the bot cannot write to the administrator (they never
started it, or blocked it), the group is told to start the bot first.
"""

from __future__ import annotations

import asyncio
import re
import time
from dataclasses import dataclass
from datetime import datetime
from enum import Enum
from zoneinfo import ZoneInfo

from telegram import InputFile, Message, Update, User
from telegram.constants import ChatType
from telegram.error import Forbidden

from bot import spreadsheet
from bot.context import Context
from bot.permissions import may_manage
from bot.services import Services

MAX_DAYS = 3660
DAY = 86400.0

USAGE = f"用法：/export 导出全部记录，/export 30 只导出最近 30 天（天数为 1 到 {MAX_DAYS}）。"
REFUSED = "只有群管理员可以导出本群的学习台账。"
PRIVATE_USAGE = "请在要导出的群里发送 /export（仅群管理员可以导出该群的学习台账）。"
START_FIRST = (
    "我还不能私信你，所以没有发出学习台账。请先打开与 @{username} 的私聊并点“开始”（/start），"
    "然后在群里再发送一次 /export。"
)
SENT = "✅ 学习台账已私信发给你（{what}）。"


class Delivery(Enum):
    """What became of an export."""

    SENT = "sent"
    NOT_STARTED = "not_started"  # the bot may not write to the user first


@dataclass(frozen=True, slots=True)
class Export:
    """A finished export: the file and what it covers."""

    filename: str
    data: bytes
    members: int
    events: int
    span: str  # 全部记录 / 最近 30 天


def parse_days(args: list[str]) -> int | str | None:
    """None: everything; a number of days; or "" when the arguments are not one of those."""
    if not args:
        return None
    if len(args) == 1 and args[0].isdigit() and 1 <= int(args[0]) <= MAX_DAYS:
        return int(args[0])
    return ""


async def build(
    svc: Services,
    chat_ids: list[int],
    days: int | None,
    *,
    name: str,
    many: bool,
    until: float | None = None,
) -> Export:
    """The record of these chats as a workbook (built off the event loop)."""
    until = time.time() if until is None else until
    since = until - days * DAY if days else None
    tz = ZoneInfo(svc.settings.timezone)
    study = await svc.state.record.collect(chat_ids, since=since, until=until)
    data = await asyncio.to_thread(spreadsheet.workbook_bytes, study, tz, many=many)
    day = datetime.fromtimestamp(until, tz).strftime("%Y%m%d")
    return Export(
        filename=f"学习台账-{safe_filename(name)}-{day}.xlsx",
        data=data,
        members=len(study.members),
        events=len(study.events),
        span=f"最近 {days} 天" if days else "全部记录",
    )


def safe_filename(name: str) -> str:
    """A group title made safe as part of a file name on Windows and elsewhere."""
    cleaned = re.sub(r'[\x00-\x1f\x7f<>:"/\\|?*]+', "_", name).strip(" ._")
    return cleaned[:40] or "群"


async def export_command(update: Update, context: Context) -> None:
    message, user = update.effective_message, update.effective_user
    if message is None or user is None:
        return
    days = parse_days(context.args or [])
    if days == "":
        await message.reply_text(USAGE, do_quote=True)
        return
    assert not isinstance(days, str)
    svc = context.bot_data.services
    private = message.chat.type == ChatType.PRIVATE
    if private:
        allowed = svc.is_admin(user.id)
    else:
        allowed = await may_manage(svc, context, message.chat_id, user.id)
    await svc.state.audit.record(
        user_id=user.id,
        action="export",
        allowed=allowed,
        detail=f"{'all' if private else message.chat_id}:{days or 'all'}",
    )
    if not allowed:
        await message.reply_text(PRIVATE_USAGE if private else REFUSED, do_quote=not private)
        return
    outcome = await _deliver(svc, context, message, user, days, private=private)
    if outcome is Delivery.NOT_STARTED:
        await message.reply_text(START_FIRST.format(username=context.bot.username), do_quote=True)


async def _deliver(
    svc: Services,
    context: Context,
    message: Message,
    user: User,
    days: int | None,
    *,
    private: bool,
) -> Delivery:
    if private:
        chat_ids = await svc.state.record.group_ids()
        name = "全部群"
    else:
        chat_ids = [message.chat_id]
        name = message.chat.title or str(message.chat_id)
        await svc.state.record.chat_named(message.chat_id, name, time.time())
    export = await build(svc, chat_ids, days, name=name, many=private)
    caption = (
        f"📒 {name} 的学习台账（{export.span}）：{export.members} 位成员，"
        f"{export.events} 条记录。可用 Excel 或 WPS 打开。"
    )
    try:
        await context.bot.send_document(
            user.id, InputFile(export.data, filename=export.filename), caption=caption
        )
    except Forbidden:
        return Delivery.NOT_STARTED
    if not private:
        await message.reply_text(SENT.format(what=export.span), do_quote=True)
    return Delivery.SENT
