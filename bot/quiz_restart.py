"""A restart in the middle of a quiz: rounds a stopped bot left open are picked up from the
bot's records, resumed when the group is likely still there, closed when it has moved on."""

from __future__ import annotations

import logging
from datetime import datetime, timedelta

from telegram.error import TelegramError

from bot.context import App
from bot.group_study import now
from bot.quiz import ask_next, finish_round, reveal, schedule_reveal
from bot.state.quizzes import RoundEnd

log = logging.getLogger(__name__)

# A round whose question was due less than this long ago when the bot came back continues;
# an older one is closed: the group has most likely moved on.
RESUME_WINDOW = timedelta(minutes=10)
INTERRUPTED = "上一轮测验因机器人重启中断，已结束。已经作答的成绩都已计入，发送 /rank 查看排行榜。"


async def resume(app: App) -> None:
    """Pick up the rounds a stopped bot left open: wait out a question still running, reveal
    one that fell due meanwhile and go on, or close a round the group has left behind."""
    svc = app.bot_data.services
    current = now(app)
    for quiz_round in await svc.state.quizzes.open_rounds():
        try:
            await _resume_round(app, quiz_round.id, current)
        except TelegramError:  # e.g. the bot was removed from the group: close, go on
            log.warning("quiz round %s could not resume", quiz_round.id, exc_info=True)
            await svc.state.quizzes.end_round(
                quiz_round.id, at=current.timestamp(), outcome=RoundEnd.FAILED
            )


async def _resume_round(app: App, round_id: int, current: datetime) -> None:
    svc = app.bot_data.services
    asked = [q for q in await svc.state.quizzes.questions(round_id) if q.asked_at is not None]
    if not asked:
        await ask_next(app, round_id)
        return
    last = asked[-1]
    if last.revealed_at is not None and len(asked) == last.total:
        await finish_round(app, round_id)  # stopped just before the round's summary
        return
    # seconds since the question fell due (negative: still running), or since it was revealed
    since = current.timestamp() - (
        last.revealed_at if last.revealed_at is not None else last.deadline or 0.0
    )
    if last.revealed_at is None and since < 0:
        schedule_reveal(app, last.id, -since)
        return
    if since <= RESUME_WINDOW.total_seconds():
        if last.revealed_at is None:
            await reveal(app, last.id)
        else:
            await ask_next(app, round_id)
        return
    if last.revealed_at is None:
        await reveal(app, last.id, carry_on=False)
    quiz_round = await svc.state.quizzes.round(round_id)
    if quiz_round and await svc.state.quizzes.end_round(
        round_id, at=current.timestamp(), outcome=RoundEnd.INTERRUPTED
    ):
        await app.bot.send_message(quiz_round.chat_id, INTERRUPTED)
