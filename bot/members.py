"""Noting who is in a group and who takes part, for its study record: members joining and
leaving (Telegram sends bots these service messages even in privacy mode), asking and
answering. Losing a note must never cost a member their answer: a busy or full database is
logged and passed over."""

from __future__ import annotations

import logging
import sqlite3
import time

from telegram import Chat, Update, User
from telegram.constants import ChatType

from bot.context import Context
from bot.state.record import Record

log = logging.getLogger(__name__)


def display_name(user: User) -> str:
    """The name Telegram shows for a member."""
    return user.full_name or user.username or str(user.id)


async def seen(
    record: Record,
    chat: Chat,
    user: User | None,
    at: float | None = None,
    *,
    joined: bool = False,
) -> None:
    """A member took part in (or `joined`) a group chat; private chats and bots are not
    recorded."""
    if user is None or user.is_bot or chat.type == ChatType.PRIVATE:
        return
    try:
        await record.member_seen(
            chat_id=chat.id,
            chat_title=chat.title or str(chat.id),
            user_id=user.id,
            name=display_name(user),
            username=user.username,
            at=time.time() if at is None else at,
            joined=joined,
        )
    except (sqlite3.Error, OSError):
        log.warning("could not note member %s of chat %s", user.id, chat.id, exc_info=True)


async def membership(update: Update, context: Context) -> None:
    """Members joining or leaving a group."""
    message = update.effective_message
    if message is None or message.chat.type == ChatType.PRIVATE:
        return
    record = context.bot_data.services.state.record
    at = message.date.timestamp()
    for user in message.new_chat_members or ():
        await seen(record, message.chat, user, at, joined=True)
    gone = message.left_chat_member
    if gone is not None and not gone.is_bot:
        try:
            await record.member_left(chat_id=message.chat_id, user_id=gone.id, at=at)
        except (sqlite3.Error, OSError):
            log.warning("could not note that %s left %s", gone.id, message.chat_id, exc_info=True)
