"""Members' votes (👍/👎) on answers, with the optional reason for a 👎: one vote per member
and answer, which pressing the other button changes."""

from __future__ import annotations

import sqlite3
import time
from dataclasses import dataclass
from enum import Enum

from retrieval.database import Database


class VoteOutcome(Enum):
    NEW = "new"
    CHANGED = "changed"  # the member's other vote was replaced
    UNCHANGED = "unchanged"  # the same vote again


@dataclass(frozen=True, slots=True)
class Vote:
    feedback_id: int
    outcome: VoteOutcome


@dataclass(frozen=True, slots=True)
class VoteCounts:
    up: int
    down: int


class Votes:
    def __init__(self, database: Database) -> None:
        self._db = database

    async def cast(
        self,
        *,
        doc: str,
        paragraph: int,
        helpful: bool,
        query_id: int | None = None,
        chat_id: int | None = None,
        user_id: int | None = None,
        reason: str | None = None,
    ) -> Vote:
        """Record a vote. A member has one vote per answer: the same vote again changes
        nothing, the other vote replaces it. Committed before it returns."""
        async with self._db.transaction() as db:
            if query_id is not None and user_id is not None:
                async with db.execute(
                    "SELECT id, helpful FROM feedback WHERE query_id = ? AND user_id = ?",
                    (query_id, user_id),
                ) as cursor:
                    cursor.row_factory = sqlite3.Row
                    row = await cursor.fetchone()
                if row is not None:
                    if bool(row["helpful"]) == helpful:
                        return Vote(row["id"], VoteOutcome.UNCHANGED)
                    await db.execute(
                        "UPDATE feedback SET at = ?, helpful = ?, reason = ? WHERE id = ?",
                        (time.time(), helpful, reason, row["id"]),
                    )
                    return Vote(row["id"], VoteOutcome.CHANGED)
            cursor = await db.execute(
                "INSERT INTO feedback (at, query_id, chat_id, user_id, doc, paragraph, helpful,"
                " reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (time.time(), query_id, chat_id, user_id, doc, paragraph, helpful, reason),
            )
            return Vote(int(cursor.lastrowid or 0), VoteOutcome.NEW)

    async def set_reason(self, feedback_id: int, reason: str) -> None:
        """The reason for a 👎; none is kept once the member has changed the vote to 👍."""
        async with self._db.transaction() as db:
            await db.execute(
                "UPDATE feedback SET reason = ? WHERE id = ? AND helpful = 0", (reason, feedback_id)
            )

    async def counts(self) -> VoteCounts:
        (row,) = await self._db.query(
            "SELECT count(*) FILTER (WHERE helpful = 1) AS up,"
            " count(*) FILTER (WHERE helpful = 0) AS down FROM feedback"
        )
        return VoteCounts(row["up"], row["down"])
