"""Noting who takes part in a group, for its study record. Losing a note must never cost a
member their answer: a busy or full database is logged and passed over."""

from __future__ import annotations

import logging
import sqlite3
import time

from telegram import Chat, User
from telegram.constants import ChatType

from retrieval import record
from retrieval.store import Store

log = logging.getLogger(__name__)


def display_name(user: User) -> str:
    """The name Telegram shows for a member."""
    return user.full_name or user.username or str(user.id)


async def seen(store: Store, chat: Chat, user: User | None, at: float | None = None) -> None:
    """A member took part in a group chat (private chats and bots are not recorded)."""
    if user is None or user.is_bot or chat.type == ChatType.PRIVATE:
        return
    try:
        await record.member_seen(
            store,
            chat_id=chat.id,
            chat_title=chat.title or str(chat.id),
            user_id=user.id,
            name=display_name(user),
            username=user.username,
            at=time.time() if at is None else at,
        )
    except (sqlite3.Error, OSError):
        log.warning("could not note member %s of chat %s", user.id, chat.id, exc_info=True)
