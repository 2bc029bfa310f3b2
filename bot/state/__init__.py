"""The bot's own state, in the database file the corpus shares (retrieval/database.py): one
small repository per kind of record, each with named methods. SQL of the bot's lives in this
package only; the tables and their migrations are schema.py's.

    inbox      updates kept until handled          queries   the query log and /stats
    votes      👍/👎 and reasons                   settings  each chat's settings
    quizzes    rounds, questions, answers, scores  reading   daily subscriptions, /read places
    record     the study record (/export)          audit     admin and group-admin actions
"""

from __future__ import annotations

from dataclasses import dataclass

from bot.state import schema
from bot.state.audit import Audit
from bot.state.inbox import Inbox
from bot.state.queries import QueryLog
from bot.state.quizzes import Quizzes
from bot.state.reading import Reading
from bot.state.record import Record
from bot.state.settings import ChatSettings
from bot.state.votes import Votes
from retrieval.database import Database


@dataclass(frozen=True)
class BotState:
    database: Database  # shared with the corpus's Store: closing is the Store's
    inbox: Inbox
    queries: QueryLog
    votes: Votes
    settings: ChatSettings
    quizzes: Quizzes
    reading: Reading
    record: Record
    audit: Audit

    @classmethod
    async def open(cls, database: Database) -> BotState:
        """The bot's repositories over an open database, its tables migrated first."""
        await database.migrate(schema.OWNER, schema.MIGRATIONS, schema.LEGACY)
        return cls(
            database,
            Inbox(database),
            QueryLog(database),
            Votes(database),
            ChatSettings(database),
            Quizzes(database),
            Reading(database),
            Record(database),
            Audit(database),
        )
