"""The study record organisers keep (学习台账): who took part in a group and how.

Written as the bot works (`member_seen` when a member joins or takes part, `member_left`,
`delivered`), read back for `/export` and `studybot export` (`collect`). Questions come from
the query log, quiz answers from the quiz tables, daily passages from the deliveries kept
here. Every read is filtered by chat id in SQL, so a group's record never holds another
group's rows. A member is in the group from the first time the bot saw them there (joining,
or taking part before the bot could see them join) until they leave.

It knows no Telegram.
"""

from __future__ import annotations

import bisect
import json
import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

import aiosqlite

from bot.state.rows import mapped
from retrieval.database import Database
from retrieval.model import Passage


class EventKind(StrEnum):
    """What a member (or the group) did; the values are what the spreadsheet shows."""

    QUESTION = "提问"
    QUIZ = "答题"
    DAILY = "每日一段"


@dataclass(frozen=True, slots=True)
class Chat:
    chat_id: int
    title: str


@dataclass(frozen=True, slots=True)
class Event:
    at: float  # epoch seconds
    chat_id: int
    user_id: int | None  # None: the whole group (a daily passage)
    name: str  # the member's name as Telegram showed it; "" for the whole group
    kind: EventKind
    detail: str  # the question, the quiz prompt, the passage's title and place
    result: str  # 已回答 / 未找到, 答对 / 答错 / 待揭晓, ""


@dataclass(frozen=True, slots=True)
class MemberRow:
    chat_id: int
    user_id: int
    name: str
    username: str
    questions: int
    quiz_answered: int  # of revealed questions
    quiz_right: int
    daily: int  # daily passages the group was sent while the member was in it
    first_seen: float
    last_active: float
    left_at: float | None = None


@dataclass(frozen=True, slots=True)
class StudyRecord:
    chats: tuple[Chat, ...]
    members: tuple[MemberRow, ...]
    events: tuple[Event, ...]  # oldest first
    since: float | None  # None: from the beginning
    until: float


class Record:
    """The study record's writes and reads (the tables study_members, study_chats and
    study_deliveries, with the query log and quiz answers read back)."""

    def __init__(self, database: Database) -> None:
        self._db = database

    # --- writing ----------------------------------------------------------------------------

    async def member_seen(
        self,
        *,
        chat_id: int,
        chat_title: str,
        user_id: int,
        name: str,
        username: str | None,
        at: float,
        joined: bool = False,
    ) -> None:
        """A member took part in a group, or `joined` it: keep their current name and when they
        were seen. Joining again after leaving starts their membership anew."""
        async with self._db.transaction() as db:
            await db.execute(
                "INSERT INTO study_members (chat_id, user_id, name, username, first_seen,"
                " last_seen) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (chat_id, user_id) DO UPDATE SET"
                " name = excluded.name, username = excluded.username,"
                " last_seen = max(last_seen, excluded.last_seen),"
                " first_seen = CASE WHEN ? AND left_at IS NOT NULL THEN excluded.first_seen"
                " ELSE min(first_seen, excluded.first_seen) END,"
                " left_at = CASE WHEN ? THEN NULL ELSE left_at END",
                (chat_id, user_id, name, username, at, at, joined, joined),
            )
            await _name_chat(db, chat_id, chat_title, at)

    async def member_left(self, *, chat_id: int, user_id: int, at: float) -> None:
        """A member left a group (or was removed)."""
        async with self._db.transaction() as db:
            await db.execute(
                "UPDATE study_members SET left_at = ? WHERE chat_id = ? AND user_id = ?",
                (at, chat_id, user_id),
            )

    async def chat_named(self, chat_id: int, title: str, at: float) -> None:
        """Keep a group's title for its record."""
        async with self._db.transaction() as db:
            await _name_chat(db, chat_id, title, at)

    async def delivered(self, chat_id: int, passage: Passage, at: float) -> None:
        """A daily passage went out to a chat."""
        async with self._db.transaction() as db:
            await db.execute(
                "INSERT INTO study_deliveries (chat_id, at, doc, title, section, paragraph)"
                " VALUES (?, ?, ?, ?, ?, ?)",
                (
                    chat_id,
                    at,
                    passage.doc,
                    passage.title,
                    json.dumps(list(passage.section), ensure_ascii=False),
                    passage.paragraph,
                ),
            )

    # --- reading ----------------------------------------------------------------------------

    async def group_ids(self) -> list[int]:
        """Every group with something on record (group and supergroup ids are negative)."""
        rows = await self._db.query(
            "SELECT chat_id FROM study_members WHERE chat_id < 0"
            " UNION SELECT chat_id FROM query_log WHERE chat_id < 0"
            " UNION SELECT chat_id FROM quiz_answers WHERE chat_id < 0"
            " UNION SELECT chat_id FROM study_deliveries WHERE chat_id < 0"
            " ORDER BY chat_id"
        )
        return [int(row["chat_id"]) for row in rows]

    async def collect(
        self, chat_ids: Sequence[int], *, since: float | None, until: float
    ) -> StudyRecord:
        """The record of these chats between `since` (None: ever) and `until`."""
        if not chat_ids:
            return StudyRecord((), (), (), since, until)
        where = f"chat_id IN ({', '.join('?' * len(chat_ids))})"
        window = (since if since is not None else float("-inf"), until)
        ids = tuple(chat_ids)

        titles = {
            row["chat_id"]: row["title"]
            for row in await self._db.query(
                f"SELECT chat_id, title FROM study_chats WHERE {where}", ids
            )
        }
        known = {
            (row["chat_id"], row["user_id"]): mapped(_Known, row, username=row["username"] or "")
            for row in await self._db.query(
                "SELECT chat_id, user_id, name, username, first_seen, last_seen, left_at"
                f" FROM study_members WHERE {where}",
                ids,
            )
        }
        quiz_names = {
            (row["chat_id"], row["user_id"]): row["name"]
            for row in await self._db.query(
                f"SELECT chat_id, user_id, max(name) AS name FROM quiz_answers WHERE {where}"
                " GROUP BY chat_id, user_id",
                ids,
            )
        }

        def name_of(chat_id: int, user_id: int | None) -> str:
            if user_id is None:
                return ""
            if (chat_id, user_id) in known:
                return known[(chat_id, user_id)].name
            return quiz_names.get((chat_id, user_id)) or str(user_id)

        def member_event(row: sqlite3.Row, kind: EventKind, detail: str, result: str) -> Event:
            chat_id, user_id = row["chat_id"], row["user_id"]
            return Event(
                row["at"], chat_id, user_id, name_of(chat_id, user_id), kind, detail, result
            )

        events: list[Event] = []
        for row in await self._db.query(
            "SELECT at, chat_id, user_id, question, answered FROM query_log"
            f" WHERE {where} AND at >= ? AND at <= ? ORDER BY at, id",
            (*ids, *window),
        ):
            result = "已回答" if row["answered"] else "未找到"
            events.append(member_event(row, EventKind.QUESTION, row["question"], result))
        for row in await self._db.query(
            "SELECT a.at, a.chat_id, a.user_id, q.prompt, a.correct,"
            " q.revealed_at IS NOT NULL AS revealed"
            " FROM quiz_answers a JOIN quiz_questions q ON q.id = a.question_id"
            f" WHERE a.{where} AND a.at >= ? AND a.at <= ? ORDER BY a.at, a.id",
            (*ids, *window),
        ):
            result = ("答对" if row["correct"] else "答错") if row["revealed"] else "待揭晓"
            events.append(member_event(row, EventKind.QUIZ, _one_line(row["prompt"]), result))
        for row in await self._db.query(
            "SELECT at, chat_id, title, section, paragraph FROM study_deliveries"
            f" WHERE {where} AND at >= ? AND at <= ? ORDER BY at, id",
            (*ids, *window),
        ):
            place = " › ".join(json.loads(row["section"]))
            detail = (
                f"《{row['title']}》"
                + (f" {place}" if place else "")
                + f" 第 {row['paragraph']} 段"
            )
            events.append(Event(row["at"], row["chat_id"], None, "", EventKind.DAILY, detail, ""))
        events.sort(key=lambda e: e.at)

        members = _members(events, known, window)
        chats = tuple(Chat(c, str(titles.get(c) or c)) for c in chat_ids)
        return StudyRecord(chats, members, tuple(events), since, until)


async def _name_chat(db: aiosqlite.Connection, chat_id: int, title: str, at: float) -> None:
    await db.execute(
        "INSERT INTO study_chats (chat_id, title, updated_at) VALUES (?, ?, ?)"
        " ON CONFLICT (chat_id) DO UPDATE SET title = excluded.title,"
        " updated_at = excluded.updated_at",
        (chat_id, title, at),
    )


@dataclass(frozen=True, slots=True)
class _Known:
    """A member as study_members keeps them."""

    name: str
    username: str
    first_seen: float
    last_seen: float
    left_at: float | None


def _members(
    events: Sequence[Event],
    known: dict[tuple[int, int], _Known],
    window: tuple[float, float],
) -> tuple[MemberRow, ...]:
    """A row per member who was in the group during the window or did something in it,
    busiest first; members who did nothing are listed too, with nothing counted."""
    since, until = window
    keys = {
        key
        for key, k in known.items()
        if k.first_seen <= until and (k.left_at is None or k.left_at >= since)
    }
    by_member: dict[tuple[int, int], list[Event]] = {}
    daily: dict[int, list[float]] = {}  # each chat's delivery times, in order
    for e in events:
        if e.user_id is not None:
            by_member.setdefault((e.chat_id, e.user_id), []).append(e)
        elif e.kind is EventKind.DAILY:
            daily.setdefault(e.chat_id, []).append(e.at)
    keys |= by_member.keys()
    rows = []
    for chat_id, user_id in keys:
        own = by_member.get((chat_id, user_id), [])
        k = known.get((chat_id, user_id))
        first = min([e.at for e in own] + ([k.first_seen] if k else []))
        left = k.left_at if k else None
        quiz = [e for e in own if e.kind is EventKind.QUIZ and e.result != "待揭晓"]
        rows.append(
            MemberRow(
                chat_id=chat_id,
                user_id=user_id,
                name=k.name if k else own[0].name,
                username=k.username if k else "",
                questions=sum(1 for e in own if e.kind is EventKind.QUESTION),
                quiz_answered=len(quiz),
                quiz_right=sum(1 for e in quiz if e.result == "答对"),
                daily=_between(daily.get(chat_id, []), first, left),
                first_seen=first,
                last_active=max([e.at for e in own] + ([k.last_seen] if k else [])),
                left_at=left,
            )
        )
    rows.sort(key=lambda r: (r.chat_id, -(r.questions + r.quiz_answered), r.name, r.user_id))
    return tuple(rows)


def _between(times: list[float], start: float, end: float | None) -> int:
    """How many of these sorted times fall from `start` to `end` (None: no end)."""
    stop = len(times) if end is None else bisect.bisect_right(times, end)
    return max(0, stop - bisect.bisect_left(times, start))


def _one_line(prompt: str) -> str:
    """A quiz prompt without its instruction line: the sentence asked about."""
    lines = [line for line in prompt.splitlines() if line.strip()]
    return lines[-1] if lines else prompt
