"""Each chat's own settings: how the bot answers in a group, who may start quizzes, and the
group's reading scope. The corpus's settings are the corpus's (retrieval/store.py)."""

from __future__ import annotations

import json
import logging
from collections.abc import Collection
from enum import StrEnum

from retrieval.database import Database

log = logging.getLogger(__name__)

MODE = "mode"
ADMIN_ONLY = "admin_only"
SCOPE = "scope"


class AnswerMode(StrEnum):
    """Which messages of a group the bot answers; the value is what the table keeps."""

    MENTION = "mention"  # /ask, mentions and replies to the bot
    ALL = "all"  # every message the corpus answers (privacy mode off)


class ChatSettings:
    def __init__(self, database: Database) -> None:
        self._db = database

    async def _get(self, chat_id: int, key: str) -> str | None:
        row = await self._db.row(
            "SELECT value FROM chat_settings WHERE chat_id = ? AND key = ?", (chat_id, key)
        )
        return None if row is None else str(row["value"])

    async def _set(self, chat_id: int, key: str, value: str) -> None:
        async with self._db.transaction() as db:
            await db.execute(
                "INSERT INTO chat_settings (chat_id, key, value) VALUES (?, ?, ?)"
                " ON CONFLICT (chat_id, key) DO UPDATE SET value = excluded.value",
                (chat_id, key, value),
            )

    async def answer_mode(self, chat_id: int) -> AnswerMode:
        value = await self._get(chat_id, MODE)
        return AnswerMode(value) if value in set(AnswerMode) else AnswerMode.MENTION

    async def set_answer_mode(self, chat_id: int, mode: AnswerMode) -> None:
        await self._set(chat_id, MODE, mode.value)

    async def admin_only(self, chat_id: int) -> bool | None:
        """Whether only group administrators start quizzes and subscriptions (None: never
        set, which is the same as off)."""
        value = await self._get(chat_id, ADMIN_ONLY)
        return None if value is None else value == "on"

    async def set_admin_only(self, chat_id: int, on: bool) -> None:
        await self._set(chat_id, ADMIN_ONLY, "on" if on else "off")

    async def scope(self, chat_id: int) -> frozenset[str]:
        """The documents a group limited itself to (empty: the whole corpus)."""
        value = await self._get(chat_id, SCOPE)
        try:
            ids = json.loads(value) if value else []
        except json.JSONDecodeError:
            log.warning(
                "chat %s has an unreadable scope %r; using the whole corpus", chat_id, value
            )
            return frozenset()
        return frozenset(str(i) for i in ids) if isinstance(ids, list) else frozenset()

    async def set_scope(self, chat_id: int, docs: Collection[str]) -> None:
        await self._set(chat_id, SCOPE, json.dumps(sorted(docs), ensure_ascii=False))
