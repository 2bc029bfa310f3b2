"""Daily reading subscriptions (each with where its reading has got to) and each member's
place in each document (/read)."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass

from bot.state.rows import mapped
from retrieval.database import Database


@dataclass(frozen=True, slots=True)
class DailySubscription:
    chat_id: int
    time: str  # HH:MM
    timezone: str  # an IANA name, e.g. Asia/Shanghai
    next_due: float  # epoch seconds of the next passage
    doc: str | None  # the last passage sent, or None before the first
    paragraph: int | None
    part: int | None
    sent: int


@dataclass(frozen=True, slots=True)
class ReadingPosition:
    user_id: int
    doc: str
    step: int
    section: tuple[str, ...]


_DAILY_COLUMNS = "chat_id, time, timezone, next_due, doc, paragraph, part, sent"


class Reading:
    def __init__(self, database: Database) -> None:
        self._db = database

    async def subscribe(
        self, chat_id: int, *, time: str, timezone: str, next_due: float, user_id: int, at: float
    ) -> None:
        """Subscribe a chat, or move its time; a chat keeps its reading position."""
        async with self._db.transaction() as db:
            await db.execute(
                "INSERT INTO daily_subscriptions (chat_id, time, timezone, next_due, created_by,"
                " created_at) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (chat_id) DO UPDATE SET"
                " time = excluded.time, timezone = excluded.timezone,"
                " next_due = excluded.next_due",
                (chat_id, time, timezone, next_due, user_id, at),
            )

    async def unsubscribe(self, chat_id: int) -> bool:
        async with self._db.transaction() as db:
            cursor = await db.execute(
                "DELETE FROM daily_subscriptions WHERE chat_id = ?", (chat_id,)
            )
            return cursor.rowcount == 1

    async def subscription(self, chat_id: int) -> DailySubscription | None:
        row = await self._db.row(
            f"SELECT {_DAILY_COLUMNS} FROM daily_subscriptions WHERE chat_id = ?", (chat_id,)
        )
        return mapped(DailySubscription, row) if row else None

    async def subscriptions(self) -> list[DailySubscription]:
        rows = await self._db.rows(
            f"SELECT {_DAILY_COLUMNS} FROM daily_subscriptions ORDER BY chat_id"
        )
        return [mapped(DailySubscription, row) for row in rows]

    async def advance(
        self, chat_id: int, *, due: float, doc: str, paragraph: int, part: int, next_due: float
    ) -> bool:
        """Move a subscription past the passage just sent, if it was still due at `due`
        (False: another firing got there first, or it was cancelled meanwhile)."""
        async with self._db.transaction() as db:
            cursor = await db.execute(
                "UPDATE daily_subscriptions SET doc = ?, paragraph = ?, part = ?,"
                " sent = sent + 1, next_due = ? WHERE chat_id = ? AND next_due = ?",
                (doc, paragraph, part, next_due, chat_id, due),
            )
            return cursor.rowcount == 1

    async def position(self, user_id: int, doc: str) -> ReadingPosition | None:
        row = await self._db.row(
            "SELECT user_id, doc, step, section FROM reading_positions"
            " WHERE user_id = ? AND doc = ?",
            (user_id, doc),
        )
        if row is None:
            return None
        return mapped(ReadingPosition, row, section=tuple(json.loads(row["section"])))

    async def set_position(
        self, user_id: int, doc: str, *, step: int, section: Sequence[str], at: float
    ) -> None:
        async with self._db.transaction() as db:
            await db.execute(
                "INSERT INTO reading_positions (user_id, doc, step, section, updated_at)"
                " VALUES (?, ?, ?, ?, ?) ON CONFLICT (user_id, doc) DO UPDATE SET"
                " step = excluded.step, section = excluded.section,"
                " updated_at = excluded.updated_at",
                (user_id, doc, step, json.dumps(list(section), ensure_ascii=False), at),
            )
