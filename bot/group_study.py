"""What quizzes and daily reading share: the bot's clock, the quiz bank of the index in
service, and who may start them in a group (`/adminonly`, kept in the chat's settings).

Time comes from `now(app)`: the clock tests put in `bot_data.clock`, else the system's.
"""

from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

from telegram import Update
from telegram.constants import ChatType

from bot.context import App, Context
from bot.permissions import may_manage, may_manage_audited
from retrieval.quiz import QuizBank

ADMINS_ONLY = "本群已设为仅管理员可以发起测验和每日阅读订阅。"


def now(app: App) -> datetime:
    clock = app.bot_data.clock
    return clock() if clock is not None else datetime.now(UTC)


def timezone(app: App) -> ZoneInfo:
    return ZoneInfo(app.bot_data.services.settings.timezone)


def bank(app: App) -> QuizBank:
    """Key terms are worked out once per index: a reload brings a new bank."""
    svc = app.bot_data.services
    current = app.bot_data.quiz_bank
    if current is None or current.index is not svc.library.index:
        current = app.bot_data.quiz_bank = QuizBank(svc.library.index, svc.library.segmenter)
    return current


async def may_start(update: Update, context: Context) -> bool:
    """Whether the sender may start a quiz or change daily reading here (telling them if not)."""
    message, user = update.effective_message, update.effective_user
    if message is None or user is None:
        return False
    if message.chat.type == ChatType.PRIVATE:
        return True
    svc = context.bot_data.services
    if not await svc.state.settings.admin_only(message.chat_id):
        return True
    if await may_manage(svc, context, message.chat_id, user.id):
        return True
    await message.reply_text(ADMINS_ONLY, do_quote=True)
    return False


async def admin_only_command(update: Update, context: Context) -> None:
    """/adminonly on|off: whether only group administrators start quizzes and daily reading."""
    message, user = update.effective_message, update.effective_user
    if message is None or user is None:
        return
    if message.chat.type == ChatType.PRIVATE:
        await message.reply_text("这个设置只用于群聊。")
        return
    svc = context.bot_data.services
    args = [a.lower() for a in context.args or []]
    current = await svc.state.settings.admin_only(message.chat_id)
    if args not in (["on"], ["off"]):
        state = "仅管理员可以发起" if current else "所有成员都可以发起"
        await message.reply_text(
            f"当前设置：{state}测验和每日阅读订阅。\n"
            "群管理员可以发送 /adminonly on 限定为仅管理员，/adminonly off 取消限制。",
            do_quote=True,
        )
        return
    if not await may_manage_audited(
        svc, context, message.chat_id, user.id, action="adminonly", detail=args[0]
    ):
        await message.reply_text("只有群管理员可以更改这个设置。", do_quote=True)
        return
    await svc.state.settings.set_admin_only(message.chat_id, args[0] == "on")
    await message.reply_text(
        "已设置：仅管理员可以发起测验和每日阅读订阅。"
        if args[0] == "on"
        else "已设置：所有成员都可以发起测验和每日阅读订阅。",
        do_quote=True,
    )
