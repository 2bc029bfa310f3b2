"""The update inbox: every update fetched from Telegram is kept until it is handled, so a
crash loses none and answers none twice (bot/app.py's InboxQueue, handlers.skip_handled)."""

from __future__ import annotations

import time
from collections.abc import Sequence

from retrieval.database import Database

HANDLED_UPDATES_KEPT = 3 * 86400  # Telegram keeps unconfirmed updates for 24 hours


class Inbox:
    def __init__(self, database: Database) -> None:
        self._db = database

    async def receive(self, updates: Sequence[tuple[int, str]]) -> None:
        """Keep fetched updates (id, JSON) until handled; one already known is left as it is."""
        now = time.time()
        async with self._db.transaction() as db:
            await db.executemany(
                "INSERT OR IGNORE INTO updates (update_id, payload, received_at) VALUES (?, ?, ?)",
                [(update_id, payload, now) for update_id, payload in updates],
            )

    async def pending(self) -> list[str]:
        """Updates fetched but not handled when the bot last stopped, oldest first."""
        rows = await self._db.rows(
            "SELECT payload FROM updates WHERE handled_at IS NULL AND payload IS NOT NULL"
            " ORDER BY update_id"
        )
        return [str(row["payload"]) for row in rows]

    async def was_handled(self, update_id: int) -> bool:
        row = await self._db.row(
            "SELECT 1 FROM updates WHERE update_id = ? AND handled_at IS NOT NULL", (update_id,)
        )
        return row is not None

    async def mark_handled(self, update_id: int) -> None:
        """Record the update as handled (dropping its payload) and forget very old ones."""
        now = time.time()
        async with self._db.transaction() as db:
            await db.execute(
                "INSERT INTO updates (update_id, payload, received_at, handled_at)"
                " VALUES (?, NULL, ?, ?) ON CONFLICT (update_id)"
                " DO UPDATE SET payload = NULL, handled_at = excluded.handled_at",
                (update_id, now, now),
            )
            if update_id % 1000 == 0:  # now and then: Telegram never resends these
                await db.execute(
                    "DELETE FROM updates WHERE handled_at < ?", (now - HANDLED_UPDATES_KEPT,)
                )
