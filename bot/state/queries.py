"""The query log: every question asked, what answered it, and the reports read from it
(/stats). The buttons under an answer (more results, votes, "answer from everywhere") find
their question here by its id."""

from __future__ import annotations

import json
import time
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

from retrieval.database import Database


class Source(StrEnum):
    """Where a question was asked; the value is what the log keeps."""

    PRIVATE = "private"
    GROUP = "group"


@dataclass(frozen=True, slots=True)
class Result:
    """A passage an answer gave, by its place."""

    doc: str
    paragraph: int
    score: float


@dataclass(frozen=True, slots=True)
class LoggedQuery:
    id: int
    chat_id: int | None
    user_id: int | None
    question: str
    results: tuple[Result, ...]  # best first; empty when nothing answered


@dataclass(frozen=True, slots=True)
class Asked:
    """A question and how often it was asked."""

    question: str
    times: int


@dataclass(frozen=True, slots=True)
class QueryStats:
    today: int  # questions in the last 24 hours
    week: int  # in the last 7 days
    unanswered: int  # in the last 7 days
    top: tuple[Asked, ...]  # the week's most asked
    missed: tuple[Asked, ...]  # the week's most asked of those not answered


class QueryLog:
    def __init__(self, database: Database) -> None:
        self._db = database

    async def log(
        self,
        *,
        source: Source,
        question: str,
        results: Sequence[Result],
        latency_ms: float,
        chat_id: int | None = None,
        user_id: int | None = None,
    ) -> int:
        """Keep a question and its answer's passages; the query's id."""
        async with self._db.transaction() as db:
            cursor = await db.execute(
                "INSERT INTO query_log (at, chat_id, user_id, source, question, answered, results,"
                " latency_ms) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    time.time(),
                    chat_id,
                    user_id,
                    source,
                    question,
                    bool(results),
                    json.dumps(
                        [[r.doc, r.paragraph, r.score] for r in results], ensure_ascii=False
                    ),
                    latency_ms,
                ),
            )
            return int(cursor.lastrowid or 0)

    async def get(self, query_id: int) -> LoggedQuery | None:
        row = await self._db.row(
            "SELECT id, chat_id, user_id, question, results FROM query_log WHERE id = ?",
            (query_id,),
        )
        if row is None:
            return None
        return LoggedQuery(
            id=row["id"],
            chat_id=row["chat_id"],
            user_id=row["user_id"],
            question=row["question"],
            results=tuple(Result(d, p, s) for d, p, s in json.loads(row["results"])),
        )

    async def stats(self, now: float | None = None) -> QueryStats:
        now = time.time() if now is None else now
        day, week = now - 86400, now - 7 * 86400
        counts = await self._db.query(
            "SELECT count(*) FILTER (WHERE at >= ?) AS today, count(*) AS week,"
            " count(*) FILTER (WHERE answered = 0) AS unanswered"
            " FROM query_log WHERE at >= ?",
            (day, week),
        )
        top = await self._most_asked("at >= ?", week)
        missed = await self._most_asked("at >= ? AND answered = 0", week)
        (row,) = counts
        return QueryStats(row["today"], row["week"], row["unanswered"], top, missed)

    async def _most_asked(self, where: str, since: float) -> tuple[Asked, ...]:
        rows = await self._db.query(
            f"SELECT question, count(*) AS times FROM query_log WHERE {where}"
            " GROUP BY question ORDER BY times DESC LIMIT 5",
            (since,),
        )
        return tuple(Asked(row["question"], row["times"]) for row in rows)
