"""Load harness (not in the default run): `pytest -m load -s tests/test_load.py`.

The real bot runs as `studybot run` in its own process against the Bot API stand-in, which
enforces Telegram's flood limits (429 when exceeded). 200 users send 1,000 private questions
in one burst while 10 groups ask with /ask. Every question must be answered exactly once and
no request rejected; the run prints throughput, update-to-reply latency, CPU and peak memory.
"""

from __future__ import annotations

import random
import resource
import statistics
import time
from pathlib import Path

import pytest

from tests.bot_harness import (
    TOKEN,
    USERNAME,
    make_settings,
    start_bot_process,
    unhandled_updates,
)
from tests.botapi import BotApiServer

pytestmark = pytest.mark.load

USERS = 200
PRIVATE_QUESTIONS = 1_000
GROUPS = 10
GROUP_QUESTIONS = 10  # each: Telegram allows about 20 messages a minute per group
QUESTIONS = [
    "家属应该做什么？",
    "为什么要坚定理想信念",
    "对干部要严管还要厚爱",
    "90后干部贪污丧葬费的案例",
    "杨溥有哪些故事",
    "如何防止子女成为衙内",
    "今天股市行情如何",
    "政治定力有什么作用",
    "会后为什么要检查笔记本",
    "家屬應該做什麼？",
]


async def test_burst_of_questions_is_answered_exactly_once(tmp_path: Path) -> None:
    rng = random.Random(7)
    async with BotApiServer(
        token=TOKEN, username=USERNAME, enforce_flood_limits=True, query_ttl=None
    ) as api:
        users = list(range(10_000, 10_000 + USERS))
        for user in users:
            api.add_user(user, f"用户{user}")
        groups = [-(2_000 + g) for g in range(GROUPS)]
        for group in groups:
            api.add_chat(group, "supergroup", f"学习小组{group}", members=users[:20])
        settings = make_settings(tmp_path, api.root)
        bot = await start_bot_process(api, settings, tmp_path)
        try:
            await api.wait_for(lambda: api.calls("getUpdates"), timeout=60, what="the bot polling")
            sent_at: dict[tuple[int, int], float] = {}
            private_counts: dict[int, int] = {}
            started = time.monotonic()
            for i in range(PRIVATE_QUESTIONS):
                user = users[i % USERS]
                message = await api.send_text(user, user, rng.choice(QUESTIONS))
                sent_at[(user, message.message_id)] = time.monotonic()
                private_counts[user] = private_counts.get(user, 0) + 1
                if i % 100 == 0:
                    for group in groups[:GROUP_QUESTIONS]:
                        if sum(1 for c, _ in sent_at if c == group) < GROUP_QUESTIONS:
                            asker = users[rng.randrange(20)]
                            text = f"/ask@{USERNAME} {rng.choice(QUESTIONS)}"
                            ask = await api.send_text(group, asker, text)
                            sent_at[(group, ask.message_id)] = time.monotonic()
            total = len(sent_at)

            def replies() -> list[object]:
                return [m for m in api.sent if m.chat_id in private_counts or m.reply_to_message_id]

            await api.wait_for(lambda: len(replies()) >= total, timeout=600, what="all replies")
            elapsed = time.monotonic() - started
        finally:
            bot.terminate()  # a clean stop handles every update it has fetched first
            await bot.wait()
        usage = resource.getrusage(resource.RUSAGE_CHILDREN)
        # nothing is left that could still bring a late duplicate
        assert not await unhandled_updates(settings.db)

        for user, count in private_counts.items():
            got = [m for m in api.messages(user) if m.outgoing]
            assert len(got) == count, f"user {user}: {count} questions, {len(got)} replies"
        for group in groups:
            asked = [m for m in api.messages(group) if not m.outgoing]
            answered = [m.reply_to_message_id for m in api.messages(group) if m.outgoing]
            assert sorted(answered) == sorted(m.message_id for m in asked)
        api.assert_nothing_rejected()
        assert api.max_sends_in_window(1.0) <= 30
        assert all(api.max_sends_in_window(60.0, g) <= 20 for g in groups)
        reply_times = _reply_latency(api, sent_at)
        p50 = statistics.median(reply_times)
        p99 = reply_times[int(len(reply_times) * 0.99) - 1]
        cpu = usage.ru_utime + usage.ru_stime
        print(
            f"\n{total} questions ({PRIVATE_QUESTIONS} private from {USERS} users, "
            f"{total - PRIVATE_QUESTIONS} /ask in {GROUPS} groups) answered in {elapsed:.1f} s: "
            f"{total / elapsed:.1f} replies/s; update-to-reply p50 {p50:.2f} s, p99 {p99:.2f} s; "
            f"bot CPU {cpu:.1f} s; bot peak RSS {usage.ru_maxrss / 1024:.0f} MB; "
            f"max sends in 1 s: {api.max_sends_in_window(1.0)}"
        )


def _reply_latency(api: BotApiServer, sent_at: dict[tuple[int, int], float]) -> list[float]:
    """Seconds from each question to its reply: per chat, questions and successful sends are
    paired in order (each question gets exactly one reply, checked above)."""
    sends: dict[int, list[float]] = {}
    for record in api.calls("sendMessage", ok_only=True):
        sends.setdefault(int(record.params["chat_id"]), []).append(record.at)
    asked: dict[int, list[float]] = {}
    for (chat, _), at in sorted(sent_at.items(), key=lambda item: item[1]):
        asked.setdefault(chat, []).append(at)
    return sorted(
        reply - question
        for chat, questions in asked.items()
        for question, reply in zip(questions, sorted(sends.get(chat, [])), strict=False)
    )
