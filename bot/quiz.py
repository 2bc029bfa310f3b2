"""Quizzes in chats: rounds of generated questions answered with buttons, revealed when time
is up or when the starter ends them, and the leaderboard.

Everything a round needs lives in the bot's records (bot/state/quizzes.py): the questions are
generated and saved when the round starts, each answer is committed before the member is
told it counts, and a restart finds open rounds there (bot/quiz_restart.py). Who may start a
round and the clock are bot/group_study.py's; how a question looks, bot/quiz_render.py's.

Callback data: qa:<question id>:<option>  an answer     qe:<question id>  end the question
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import secrets
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from telegram import InlineKeyboardMarkup, ReplyParameters, Update
from telegram.constants import ParseMode
from telegram.error import BadRequest, TelegramError

from bot import members, render, scope
from bot.context import App, Context
from bot.group_study import bank, may_start, now, timezone
from bot.quiz_render import (
    LETTERS,
    leaderboard_html,
    question_html,
    question_keyboard,
    revealed_html,
    round_summary_html,
)
from bot.state.quizzes import AnswerOutcome, QuestionDraft, RoundEnd, StoredQuestion
from retrieval.quiz import QuizBank, QuizQuestion, generate

log = logging.getLogger(__name__)

MAX_QUESTIONS = 20
RECENT = 200  # sentences of a chat's latest questions that new rounds avoid

USAGE = f"用法：/quiz 出一道题，/quiz N 连续出 N 道题（N 不超过 {MAX_QUESTIONS}）。"
BUSY = "这里已有一轮测验正在进行，请先完成。"
NO_QUESTIONS = "资料库里的内容还不够出题。"
NO_QUESTIONS_IN_SCOPE = "这些资料的内容还不够出题，群管理员可以用 /scope 调整学习范围。"
CLOSED = "这道题已经结束。"
REPEAT = "你已经作答，每题只能回答一次。"
STARTER_ONLY = "只有发起测验的人可以提前结束本题。"


# --- starting a round ---------------------------------------------------------------------


async def quiz_command(update: Update, context: Context) -> None:
    message, user = update.effective_message, update.effective_user
    if message is None or user is None:
        return
    args = context.args or []
    if len(args) > 1 or (args and not (args[0].isdigit() and 1 <= int(args[0]) <= MAX_QUESTIONS)):
        await message.reply_text(USAGE, do_quote=True)
        return
    wanted = int(args[0]) if args else 1
    if not await may_start(update, context):
        return
    app = context.application
    svc = app.bot_data.services
    if await svc.state.quizzes.open_round(message.chat_id) is not None:
        await message.reply_text(BUSY, do_quote=True)
        return
    seed = secrets.randbelow(2**31)
    recent = await svc.state.quizzes.recent_sentences(message.chat_id, RECENT)
    within = await scope.of_chat(svc, message.chat_id)
    questions = await asyncio.to_thread(_questions, bank(app), wanted, seed, recent, within.docs)
    if not questions:
        text = NO_QUESTIONS if within.everything else f"{within.line()}。{NO_QUESTIONS_IN_SCOPE}"
        await message.reply_text(text, do_quote=True)
        return
    seconds = svc.settings.quiz_seconds
    round_id = await svc.state.quizzes.start_round(
        chat_id=message.chat_id,
        starter_id=user.id,
        seconds=seconds,
        seed=seed,
        at=now(app).timestamp(),
        questions=[
            QuestionDraft(q.kind, q.prompt, q.options, q.answer_index, q.sentence, q.passage)
            for q in questions
        ],
    )
    if round_id is None:  # another /quiz got there first
        await message.reply_text(BUSY, do_quote=True)
        return
    # The first question carries the round's rules: one message fewer against flood limits.
    intro = f"📝 测验开始：共 {len(questions)} 题，每人每题只能回答一次。"
    if not within.everything:
        intro += f"\n（{within.line()}）"
    if len(questions) < wanted:
        intro += f"（资料只够出 {len(questions)} 道不重复的题。）"
    await ask_next(app, round_id, intro=intro, reply_to=message.message_id)


def _questions(
    bank: QuizBank, n: int, seed: int, recent: list[str], docs: frozenset[str] | None = None
) -> list[QuizQuestion]:
    """A fresh round from the documents `docs` (None: all), avoiding recent sentences; recent
    sentences again if that leaves too few."""
    questions = generate(bank, n, seed, avoid=set(recent), docs=docs)
    if len(questions) < n:
        questions = generate(bank, n, seed, docs=docs)
    return questions


async def ask_next(
    app: App, round_id: int, *, intro: str = "", reply_to: int | None = None
) -> None:
    """Ask the round's first unasked question, or end the round when none is left."""
    svc = app.bot_data.services
    questions = await svc.state.quizzes.questions(round_id)
    question = next((q for q in questions if q.asked_at is None), None)
    if question is None:
        await finish_round(app, round_id)
        return
    quiz_round = await svc.state.quizzes.round(round_id)
    if quiz_round is None:
        return
    seconds = quiz_round.seconds
    try:
        sent = await app.bot.send_message(
            question.chat_id,
            (render.escape(intro) + "\n" if intro else "") + question_html(question, seconds),
            parse_mode=ParseMode.HTML,
            reply_markup=question_keyboard(question),
            reply_parameters=ReplyParameters(reply_to, allow_sending_without_reply=True)
            if reply_to is not None
            else None,
        )
    except TelegramError:
        # (the rate limiter has retried what could be) a round that cannot go on is closed,
        # so the chat can start another; the answers given so far are kept
        await svc.state.quizzes.end_round(
            round_id, at=now(app).timestamp(), outcome=RoundEnd.FAILED
        )
        raise
    asked = now(app)
    await svc.state.quizzes.mark_asked(
        question.id,
        message_id=sent.message_id,
        asked_at=asked.timestamp(),
        deadline=asked.timestamp() + seconds,
    )
    schedule_reveal(app, question.id, seconds)


def schedule_reveal(app: App, question_id: int, seconds: float) -> None:
    if app.job_queue is None:
        raise RuntimeError("the job queue is needed for quizzes (python-telegram-bot[job-queue])")
    app.job_queue.run_once(
        _time_up, when=max(seconds, 0.0), data=question_id, name=_job_name(question_id)
    )


def _job_name(question_id: int) -> str:
    return f"quiz:{question_id}"


async def _time_up(context: Context) -> None:
    job = context.job
    if job is not None and isinstance(job.data, int):
        await reveal(context.application, job.data)


# --- answering and revealing --------------------------------------------------------------


async def button(update: Update, context: Context) -> None:
    """qa:<question>:<option> records an answer; qe:<question> ends the question early."""
    query = update.callback_query
    if query is None or query.data is None:
        return
    kind, _, rest = query.data.partition(":")
    qid_text, _, choice_text = rest.partition(":")
    if not qid_text.isdigit():
        await query.answer(CLOSED)
        return
    app = context.application
    svc = app.bot_data.services
    if kind == "qa":
        choice = int(choice_text) if choice_text.isdigit() else -1
        if not 0 <= choice < len(LETTERS):
            await query.answer(CLOSED)
            return
        outcome = await svc.state.quizzes.record_answer(
            int(qid_text),
            user_id=query.from_user.id,
            name=members.display_name(query.from_user),
            choice=choice,
            at=now(app).timestamp(),
        )
        # Only now, with the answer committed, is the member told it counts.
        if outcome is AnswerOutcome.RECORDED:
            await query.answer(f"已记录你的答案：{LETTERS[choice]}。揭晓时公布结果。")
            if query.message is not None:
                await members.seen(svc.state.record, query.message.chat, query.from_user)
        else:
            await query.answer(REPEAT if outcome is AnswerOutcome.REPEAT else CLOSED)
        return
    question = await svc.state.quizzes.question(int(qid_text))
    if question is None or question.revealed_at is not None:
        await query.answer(CLOSED)
        return
    if query.from_user.id != question.starter_id:
        await query.answer(STARTER_ONLY, show_alert=True)
        return
    await query.answer("本题结束，揭晓答案。")
    await reveal(app, question.id)


async def reveal(app: App, question_id: int, *, carry_on: bool = True) -> bool:
    """Close a question, show its answer, who got it right and its passage, then ask the
    next one (unless `carry_on` is False). False if it had been revealed already."""
    svc = app.bot_data.services
    if not await svc.state.quizzes.reveal(question_id, at=now(app).timestamp()):
        return False
    if app.job_queue is not None:
        for job in app.job_queue.get_jobs_by_name(_job_name(question_id)):
            with contextlib.suppress(LookupError):  # the timer's own run may have removed it
                job.schedule_removal()
    question = await svc.state.quizzes.question(question_id)
    if question is None:
        return False
    answers = await svc.state.quizzes.answers(question_id)
    right = [a.name for a in answers if a.correct]
    wrong = [a.name for a in answers if not a.correct]
    await show(app, question, revealed_html(question, right, wrong), None)
    if carry_on:
        await ask_next(app, question.round_id)
    return True


async def finish_round(app: App, round_id: int) -> None:
    svc = app.bot_data.services
    quiz_round = await svc.state.quizzes.round(round_id)
    if quiz_round is None or not await svc.state.quizzes.end_round(
        round_id, at=now(app).timestamp(), outcome=RoundEnd.DONE
    ):
        return
    if quiz_round.total > 1:
        scores = await svc.state.quizzes.round_scores(round_id)
        await app.bot.send_message(
            quiz_round.chat_id,
            round_summary_html(quiz_round.total, scores),
            parse_mode=ParseMode.HTML,
        )


async def show(
    app: App, question: StoredQuestion, text: str, markup: InlineKeyboardMarkup | None
) -> None:
    """Edit the question's message; send the text anew if that message is gone."""
    if question.message_id is not None:
        try:
            await app.bot.edit_message_text(
                text,
                chat_id=question.chat_id,
                message_id=question.message_id,
                parse_mode=ParseMode.HTML,
                reply_markup=markup,
            )
            return
        except BadRequest as exc:  # e.g. the message was deleted
            if "not modified" in str(exc):
                return
            log.warning("could not edit quiz message %s: %s", question.message_id, exc)
        except TelegramError:  # it may have gone through: no second copy; the round goes on
            log.warning("quiz message %s not edited", question.message_id, exc_info=True)
            return
    await app.bot.send_message(question.chat_id, text, parse_mode=ParseMode.HTML)


# --- leaderboard --------------------------------------------------------------------------


async def rank_command(update: Update, context: Context) -> None:
    message = update.effective_message
    if message is None:
        return
    app = context.application
    quizzes = app.bot_data.services.state.quizzes
    since = week_start(now(app), timezone(app))
    week = await quizzes.leaderboard(message.chat_id, since=since.timestamp())
    ever = await quizzes.leaderboard(message.chat_id)
    await message.reply_html(leaderboard_html(week, ever), do_quote=True)


def week_start(moment: datetime, tz: ZoneInfo) -> datetime:
    """Monday 00:00 of the week `moment` falls in, in the given time zone."""
    local = moment.astimezone(tz)
    monday = local.date() - timedelta(days=local.weekday())
    return datetime(monday.year, monday.month, monday.day, tzinfo=tz)
