"""Quiz rounds, their questions, members' answers and scores, as the bot keeps them.

Everything a round needs lives here, so a restart finds open rounds (bot/quiz/restart.py):
the questions are saved when the round starts, each answer is committed before the member
is told it counts, and a question's answers are added to the scores once, when revealed.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

from bot.state.rows import mapped
from retrieval.database import Database
from retrieval.model import Passage


class RoundEnd(StrEnum):
    """How a quiz round ended; the table keeps the value."""

    DONE = "done"
    FAILED = "failed"  # a question could not be sent, or the round could not resume
    INTERRUPTED = "interrupted"  # a restart stopped it for longer than RESUME_WINDOW


class AnswerOutcome(StrEnum):
    """What became of a member's answer."""

    RECORDED = "recorded"
    REPEAT = "repeat"  # they had answered this question
    CLOSED = "closed"  # revealed, not asked or unknown


@dataclass(frozen=True, slots=True)
class QuestionDraft:
    """A generated question as it is kept (retrieval.quiz.QuizQuestion has these)."""

    kind: str
    prompt: str
    options: tuple[str, ...]
    answer_index: int
    sentence: str
    passage: Passage


@dataclass(frozen=True, slots=True)
class QuizRound:
    id: int
    chat_id: int
    starter_id: int
    total: int
    seconds: int
    seed: int
    started_at: float
    ended_at: float | None
    outcome: str | None


@dataclass(frozen=True, slots=True)
class StoredQuestion:
    id: int
    round_id: int
    chat_id: int
    starter_id: int
    total: int  # questions in its round
    number: int  # 1-based within its round
    kind: str
    prompt: str
    options: tuple[str, ...]
    answer_index: int
    sentence: str
    passage: Passage
    message_id: int | None
    asked_at: float | None
    deadline: float | None
    revealed_at: float | None


@dataclass(frozen=True, slots=True)
class QuizAnswer:
    user_id: int
    name: str
    choice: int
    correct: bool
    at: float


@dataclass(frozen=True, slots=True)
class Score:
    user_id: int
    name: str
    correct: int
    answered: int


_ROUND_COLUMNS = "id, chat_id, starter_id, total, seconds, seed, started_at, ended_at, outcome"
_QUESTION_COLUMNS = (
    "q.id, q.round_id, r.chat_id, r.starter_id, r.total, q.number, q.kind, q.prompt, q.options,"
    " q.answer_index, q.sentence, q.doc, q.title, q.section, q.paragraph, q.part, q.passage,"
    " q.message_id, q.asked_at, q.deadline, q.revealed_at"
)


def _question(row: sqlite3.Row) -> StoredQuestion:
    passage = Passage(
        row["doc"],
        row["title"],
        tuple(json.loads(row["section"])),
        row["paragraph"],
        row["part"],
        row["passage"],
    )
    return mapped(StoredQuestion, row, options=tuple(json.loads(row["options"])), passage=passage)


class Quizzes:
    def __init__(self, database: Database) -> None:
        self._db = database

    async def start_round(
        self,
        *,
        chat_id: int,
        starter_id: int,
        seconds: int,
        seed: int,
        at: float,
        questions: Sequence[QuestionDraft],
    ) -> int | None:
        """A new round with all its questions, or None while the chat has a round open."""
        async with self._db.transaction() as db:
            if await self._db.row(
                "SELECT 1 FROM quiz_rounds WHERE chat_id = ? AND ended_at IS NULL", (chat_id,)
            ):
                return None
            cursor = await db.execute(
                "INSERT INTO quiz_rounds (chat_id, starter_id, total, seconds, seed, started_at)"
                " VALUES (?, ?, ?, ?, ?, ?)",
                (chat_id, starter_id, len(questions), seconds, seed, at),
            )
            round_id = int(cursor.lastrowid or 0)
            await db.executemany(
                "INSERT INTO quiz_questions (round_id, number, kind, prompt, options,"
                " answer_index, sentence, doc, title, section, paragraph, part, passage)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [
                    (
                        round_id,
                        number,
                        q.kind,
                        q.prompt,
                        json.dumps(list(q.options), ensure_ascii=False),
                        q.answer_index,
                        q.sentence,
                        q.passage.doc,
                        q.passage.title,
                        json.dumps(list(q.passage.section), ensure_ascii=False),
                        q.passage.paragraph,
                        q.passage.part,
                        q.passage.text,
                    )
                    for number, q in enumerate(questions, start=1)
                ],
            )
            return round_id

    async def round(self, round_id: int) -> QuizRound | None:
        row = await self._db.row(
            f"SELECT {_ROUND_COLUMNS} FROM quiz_rounds WHERE id = ?", (round_id,)
        )
        return mapped(QuizRound, row) if row else None

    async def open_round(self, chat_id: int) -> QuizRound | None:
        row = await self._db.row(
            f"SELECT {_ROUND_COLUMNS} FROM quiz_rounds WHERE chat_id = ? AND ended_at IS NULL",
            (chat_id,),
        )
        return mapped(QuizRound, row) if row else None

    async def open_rounds(self) -> list[QuizRound]:
        rows = await self._db.rows(
            f"SELECT {_ROUND_COLUMNS} FROM quiz_rounds WHERE ended_at IS NULL ORDER BY id"
        )
        return [mapped(QuizRound, row) for row in rows]

    async def end_round(self, round_id: int, *, at: float, outcome: RoundEnd) -> bool:
        """Close a round; False if it was closed already."""
        async with self._db.transaction() as db:
            cursor = await db.execute(
                "UPDATE quiz_rounds SET ended_at = ?, outcome = ?"
                " WHERE id = ? AND ended_at IS NULL",
                (at, outcome.value, round_id),
            )
            return cursor.rowcount == 1

    async def questions(self, round_id: int) -> list[StoredQuestion]:
        rows = await self._db.rows(
            f"SELECT {_QUESTION_COLUMNS} FROM quiz_questions q JOIN quiz_rounds r"
            " ON r.id = q.round_id WHERE q.round_id = ? ORDER BY q.number",
            (round_id,),
        )
        return [_question(row) for row in rows]

    async def question(self, question_id: int) -> StoredQuestion | None:
        row = await self._db.row(
            f"SELECT {_QUESTION_COLUMNS} FROM quiz_questions q JOIN quiz_rounds r"
            " ON r.id = q.round_id WHERE q.id = ?",
            (question_id,),
        )
        return _question(row) if row else None

    async def mark_asked(
        self, question_id: int, *, message_id: int, asked_at: float, deadline: float
    ) -> None:
        async with self._db.transaction() as db:
            await db.execute(
                "UPDATE quiz_questions SET message_id = ?, asked_at = ?, deadline = ? WHERE id = ?",
                (message_id, asked_at, deadline, question_id),
            )

    async def record_answer(
        self, question_id: int, *, user_id: int, name: str, choice: int, at: float
    ) -> AnswerOutcome:
        """Record a member's answer. Committed before it returns, so an answer the bot
        acknowledges is never lost."""
        async with self._db.transaction() as db:
            row = await self._db.row(
                "SELECT q.answer_index, r.chat_id FROM quiz_questions q JOIN quiz_rounds r"
                " ON r.id = q.round_id WHERE q.id = ? AND q.asked_at IS NOT NULL"
                " AND q.revealed_at IS NULL",
                (question_id,),
            )
            if row is None:
                return AnswerOutcome.CLOSED
            cursor = await db.execute(
                "INSERT INTO quiz_answers (question_id, chat_id, user_id, name, choice, correct,"
                " at) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (question_id, user_id) DO NOTHING",
                (
                    question_id,
                    row["chat_id"],
                    user_id,
                    name,
                    choice,
                    choice == row["answer_index"],
                    at,
                ),
            )
            return AnswerOutcome.RECORDED if cursor.rowcount == 1 else AnswerOutcome.REPEAT

    async def reveal(self, question_id: int, *, at: float) -> bool:
        """Close a question to answers and add its answers to the scores, once: False if it
        was revealed already (by the timer or by its starter, whichever came second)."""
        async with self._db.transaction() as db:
            cursor = await db.execute(
                "UPDATE quiz_questions SET revealed_at = ? WHERE id = ? AND revealed_at IS NULL",
                (at, question_id),
            )
            if cursor.rowcount != 1:
                return False
            await db.execute(
                "INSERT INTO quiz_scores (chat_id, user_id, name, correct, answered, updated_at)"
                " SELECT chat_id, user_id, name, correct, 1, ? FROM quiz_answers"
                " WHERE question_id = ?"
                " ON CONFLICT (chat_id, user_id) DO UPDATE SET"
                " correct = correct + excluded.correct, answered = answered + 1,"
                " name = excluded.name, updated_at = excluded.updated_at",
                (at, question_id),
            )
            return True

    async def answers(self, question_id: int) -> list[QuizAnswer]:
        rows = await self._db.rows(
            "SELECT user_id, name, choice, correct, at FROM quiz_answers WHERE question_id = ?"
            " ORDER BY at, id",
            (question_id,),
        )
        return [mapped(QuizAnswer, row, correct=bool(row["correct"])) for row in rows]

    async def round_scores(self, round_id: int) -> list[Score]:
        """Members' results in a round's revealed questions, best first."""
        rows = await self._db.rows(
            "SELECT a.user_id, max(a.name) AS name, sum(a.correct) AS correct,"
            " count(*) AS answered FROM quiz_answers a"
            " JOIN quiz_questions q ON q.id = a.question_id"
            " WHERE q.round_id = ? AND q.revealed_at IS NOT NULL"
            " GROUP BY a.user_id ORDER BY 3 DESC, 4, a.user_id",
            (round_id,),
        )
        return [mapped(Score, row) for row in rows]

    async def leaderboard(
        self, chat_id: int, *, since: float | None = None, limit: int = 10
    ) -> list[Score]:
        """A chat's best members: all time, or in answers given since `since`. Only revealed
        questions count, so the board never tells whether an open answer was right."""
        if since is None:
            rows = await self._db.rows(
                "SELECT user_id, name, correct, answered FROM quiz_scores WHERE chat_id = ?"
                " ORDER BY correct DESC, answered, user_id LIMIT ?",
                (chat_id, limit),
            )
        else:
            rows = await self._db.rows(
                "SELECT a.user_id, coalesce(s.name, max(a.name)) AS name,"
                " sum(a.correct) AS correct, count(*) AS answered"
                " FROM quiz_answers a JOIN quiz_questions q ON q.id = a.question_id"
                " LEFT JOIN quiz_scores s ON s.chat_id = a.chat_id AND s.user_id = a.user_id"
                " WHERE a.chat_id = ? AND a.at >= ? AND q.revealed_at IS NOT NULL"
                " GROUP BY a.user_id ORDER BY 3 DESC, 4, a.user_id LIMIT ?",
                (chat_id, since, limit),
            )
        return [mapped(Score, row) for row in rows]

    async def recent_sentences(self, chat_id: int, limit: int = 200) -> list[str]:
        """Source sentences of the chat's latest questions, to keep new rounds fresh."""
        rows = await self._db.rows(
            "SELECT q.sentence FROM quiz_questions q JOIN quiz_rounds r ON r.id = q.round_id"
            " WHERE r.chat_id = ? ORDER BY q.id DESC LIMIT ?",
            (chat_id, limit),
        )
        return [row["sentence"] for row in rows]
