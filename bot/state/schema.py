"""The bot's tables, as versioned migrations applied in order at open.

The bot owns the update inbox, the query log and votes, chat settings, quizzes, reading
and subscriptions, the study record and the audit log; the corpus's tables are
retrieval/schema.py's. Each migration runs in its own transaction; later features append
to the list, never edit an entry that has shipped.
"""

from __future__ import annotations

from collections.abc import Mapping

from retrieval.database import Migration

OWNER = "bot"

MIGRATIONS: tuple[Migration, ...] = (
    # 1: the query log, feedback, chat settings and the admin audit log
    """
    CREATE TABLE query_log (
        id INTEGER PRIMARY KEY,
        at REAL NOT NULL,
        chat_id INTEGER,
        user_id INTEGER,
        source TEXT NOT NULL,
        question TEXT NOT NULL,
        answered INTEGER NOT NULL,
        results TEXT NOT NULL,
        latency_ms REAL NOT NULL
    );
    CREATE INDEX query_log_at ON query_log(at);
    CREATE TABLE feedback (
        id INTEGER PRIMARY KEY,
        at REAL NOT NULL,
        query_id INTEGER REFERENCES query_log(id) ON DELETE SET NULL,
        chat_id INTEGER,
        user_id INTEGER,
        doc TEXT NOT NULL,
        paragraph INTEGER NOT NULL,
        helpful INTEGER NOT NULL,
        reason TEXT
    );
    CREATE TABLE chat_settings (
        chat_id INTEGER NOT NULL,
        key TEXT NOT NULL,
        value TEXT NOT NULL,
        PRIMARY KEY (chat_id, key)
    );
    CREATE TABLE audit_log (
        id INTEGER PRIMARY KEY,
        at REAL NOT NULL,
        user_id INTEGER,
        action TEXT NOT NULL,
        allowed INTEGER NOT NULL,
        detail TEXT NOT NULL
    );
    """,
    # 2: group study: quiz rounds, their questions (with the message each was asked in),
    #    answers (one per member and question), scores per member and chat, daily reading
    #    subscriptions with their reading position, and each member's place in each document
    """
    CREATE TABLE quiz_rounds (
        id INTEGER PRIMARY KEY,
        chat_id INTEGER NOT NULL,
        starter_id INTEGER NOT NULL,
        total INTEGER NOT NULL,
        seconds INTEGER NOT NULL,
        seed INTEGER NOT NULL,
        started_at REAL NOT NULL,
        ended_at REAL,
        outcome TEXT
    );
    CREATE UNIQUE INDEX quiz_rounds_open ON quiz_rounds(chat_id) WHERE ended_at IS NULL;
    CREATE TABLE quiz_questions (
        id INTEGER PRIMARY KEY,
        round_id INTEGER NOT NULL REFERENCES quiz_rounds(id) ON DELETE CASCADE,
        number INTEGER NOT NULL,
        kind TEXT NOT NULL,
        prompt TEXT NOT NULL,
        options TEXT NOT NULL,
        answer_index INTEGER NOT NULL,
        sentence TEXT NOT NULL,
        doc TEXT NOT NULL,
        title TEXT NOT NULL,
        section TEXT NOT NULL,
        paragraph INTEGER NOT NULL,
        part INTEGER NOT NULL,
        passage TEXT NOT NULL,
        message_id INTEGER,
        asked_at REAL,
        deadline REAL,
        revealed_at REAL,
        UNIQUE (round_id, number)
    );
    CREATE TABLE quiz_answers (
        id INTEGER PRIMARY KEY,
        question_id INTEGER NOT NULL REFERENCES quiz_questions(id) ON DELETE CASCADE,
        chat_id INTEGER NOT NULL,
        user_id INTEGER NOT NULL,
        name TEXT NOT NULL,
        choice INTEGER NOT NULL,
        correct INTEGER NOT NULL,
        at REAL NOT NULL,
        UNIQUE (question_id, user_id)
    );
    CREATE INDEX quiz_answers_chat_at ON quiz_answers(chat_id, at);
    CREATE TABLE quiz_scores (
        chat_id INTEGER NOT NULL,
        user_id INTEGER NOT NULL,
        name TEXT NOT NULL,
        correct INTEGER NOT NULL,
        answered INTEGER NOT NULL,
        updated_at REAL NOT NULL,
        PRIMARY KEY (chat_id, user_id)
    );
    CREATE TABLE daily_subscriptions (
        chat_id INTEGER PRIMARY KEY,
        time TEXT NOT NULL,
        timezone TEXT NOT NULL,
        next_due REAL NOT NULL,
        doc TEXT,
        paragraph INTEGER,
        part INTEGER,
        sent INTEGER NOT NULL DEFAULT 0,
        created_by INTEGER,
        created_at REAL NOT NULL
    );
    CREATE TABLE reading_positions (
        user_id INTEGER NOT NULL,
        doc TEXT NOT NULL,
        step INTEGER NOT NULL,
        section TEXT NOT NULL,
        updated_at REAL NOT NULL,
        PRIMARY KEY (user_id, doc)
    );
    """,
    # 3: the bot's inbox: every update fetched from Telegram is kept until it is handled, so
    #    a crash loses none (Telegram forgets an update once the next fetch confirms it) and
    #    answers none twice
    """
    CREATE TABLE updates (
        update_id INTEGER PRIMARY KEY,
        payload TEXT,
        received_at REAL NOT NULL,
        handled_at REAL
    );
    CREATE INDEX updates_pending ON updates(update_id) WHERE handled_at IS NULL;
    CREATE INDEX updates_handled_at ON updates(handled_at);
    """,
    # 4: one vote per member per answer: pressing 👍/👎 again changes the vote, not the count
    """
    DELETE FROM feedback
    WHERE query_id IS NOT NULL AND user_id IS NOT NULL AND id NOT IN (
        SELECT MAX(id) FROM feedback
        WHERE query_id IS NOT NULL AND user_id IS NOT NULL
        GROUP BY query_id, user_id
    );
    CREATE UNIQUE INDEX feedback_one_vote ON feedback(query_id, user_id);
    """,
    # 5: the study record organisers keep (/export): each group's members (who joined or took
    #    part) with the name Telegram showed, when they were first and last seen and when they
    #    left, the group's title, and every daily passage a group was sent; query_log by chat
    """
    CREATE TABLE study_members (
        chat_id INTEGER NOT NULL,
        user_id INTEGER NOT NULL,
        name TEXT NOT NULL,
        username TEXT,
        first_seen REAL NOT NULL,
        last_seen REAL NOT NULL,
        left_at REAL,
        PRIMARY KEY (chat_id, user_id)
    );
    CREATE TABLE study_chats (
        chat_id INTEGER PRIMARY KEY,
        title TEXT NOT NULL,
        updated_at REAL NOT NULL
    );
    CREATE TABLE study_deliveries (
        id INTEGER PRIMARY KEY,
        chat_id INTEGER NOT NULL,
        at REAL NOT NULL,
        doc TEXT NOT NULL,
        title TEXT NOT NULL,
        section TEXT NOT NULL,
        paragraph INTEGER NOT NULL
    );
    CREATE INDEX study_deliveries_chat_at ON study_deliveries(chat_id, at);
    CREATE INDEX query_log_chat_at ON query_log(chat_id, at);
    """,
)

# What each version of the single list of migrations before the split meant for the bot:
# 1 made its first tables, 3 group study, 4 the inbox, 5 one vote, 7 the study record; the
# rest were the corpus's.
LEGACY: Mapping[int, int] = {1: 1, 2: 1, 3: 2, 4: 3, 5: 4, 6: 4, 7: 5}
