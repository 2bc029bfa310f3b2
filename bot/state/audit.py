"""The admin audit log: who tried an admin or group-admin action, and whether it was allowed."""

from __future__ import annotations

import time

from retrieval.database import Database


class Audit:
    def __init__(self, database: Database) -> None:
        self._db = database

    async def record(
        self, *, user_id: int | None, action: str, allowed: bool, detail: str = ""
    ) -> None:
        async with self._db.transaction() as db:
            await db.execute(
                "INSERT INTO audit_log (at, user_id, action, allowed, detail)"
                " VALUES (?, ?, ?, ?, ?)",
                (time.time(), user_id, action, allowed, detail),
            )
