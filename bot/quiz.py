"""Quizzes in chats: rounds of generated questions answered with buttons, revealed when time
is up or when the starter ends them, scores and the leaderboard, and the group setting that
lets only administrators start quizzes and daily reading.

Everything a round needs lives in the store: the questions are generated and saved when the
round starts, each answer is committed before the member is told it counts, and a restart
finds open rounds there (`resume`). Time comes from `now(app)`, which tests replace.

Callback data: qa:<question id>:<option>  an answer     qe:<question id>  end the question
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import secrets
from datetime import UTC, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from telegram import InlineKeyboardMarkup, ReplyParameters, Update, User
from telegram.constants import ChatType, ParseMode
from telegram.error import BadRequest, TelegramError
from telegram.ext import Application, ContextTypes

from bot import keyboards, members, render, scope
from bot.permissions import may_manage
from bot.services import Services
from bot.state.quizzes import AnswerOutcome, QuestionDraft, RoundEnd, Score, StoredQuestion
from retrieval.quiz import QuizBank, QuizQuestion, generate

log = logging.getLogger(__name__)

App = Application[Any, Any, Any, Any, Any, Any]
CLOCK_KEY = "clock"  # bot_data: a callable returning an aware datetime; tests put theirs here
BANK_KEY = "quiz_bank"
MAX_QUESTIONS = 20
RECENT = 200  # sentences of a chat's latest questions that new rounds avoid
# A round whose question was due less than this long ago when the bot came back continues;
# an older one is closed: the group has most likely moved on.
RESUME_WINDOW = timedelta(minutes=10)
LETTERS = "ABCD"
MAX_NAMES = 20
BUTTON_CHARS = 40

USAGE = f"用法：/quiz 出一道题，/quiz N 连续出 N 道题（N 不超过 {MAX_QUESTIONS}）。"
BUSY = "这里已有一轮测验正在进行，请先完成。"
NO_QUESTIONS = "资料库里的内容还不够出题。"
NO_QUESTIONS_IN_SCOPE = "这些资料的内容还不够出题，群管理员可以用 /scope 调整学习范围。"
ADMINS_ONLY = "本群已设为仅管理员可以发起测验和每日阅读订阅。"
CLOSED = "这道题已经结束。"
REPEAT = "你已经作答，每题只能回答一次。"
STARTER_ONLY = "只有发起测验的人可以提前结束本题。"
INTERRUPTED = "上一轮测验因机器人重启中断，已结束。已经作答的成绩都已计入，发送 /rank 查看排行榜。"


# --- shared -------------------------------------------------------------------------------


def now(app: App) -> datetime:
    clock = app.bot_data.get(CLOCK_KEY)
    return clock() if callable(clock) else datetime.now(UTC)


def services_of(app: App) -> Services:
    svc = app.bot_data["services"]
    assert isinstance(svc, Services)
    return svc


def timezone(app: App) -> ZoneInfo:
    return ZoneInfo(services_of(app).settings.timezone)


def bank(app: App) -> QuizBank:
    """Key terms are worked out once per index: a reload brings a new bank."""
    svc = services_of(app)
    current = app.bot_data.get(BANK_KEY)
    if not isinstance(current, QuizBank) or current.index is not svc.library.index:
        current = QuizBank(svc.library.index, svc.library.segmenter)
        app.bot_data[BANK_KEY] = current
    return current


def display_name(user: User) -> str:
    return members.display_name(user)


async def may_start(update: Update, context: ContextTypes.DEFAULT_TYPE) -> bool:
    """Whether the sender may start a quiz or change daily reading here (telling them if not)."""
    message, user = update.effective_message, update.effective_user
    if message is None or user is None:
        return False
    if message.chat.type == ChatType.PRIVATE:
        return True
    svc = services_of(context.application)
    if not await svc.state.settings.admin_only(message.chat_id):
        return True
    if await may_manage(svc, context, message.chat_id, user.id):
        return True
    await message.reply_text(ADMINS_ONLY, do_quote=True)
    return False


# --- starting a round ---------------------------------------------------------------------


async def quiz_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
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
    svc = services_of(app)
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
    svc = services_of(app)
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


async def _time_up(context: ContextTypes.DEFAULT_TYPE) -> None:
    job = context.job
    if job is not None and isinstance(job.data, int):
        await reveal(context.application, job.data)


# --- answering and revealing --------------------------------------------------------------


async def button(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
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
    svc = services_of(app)
    if kind == "qa":
        choice = int(choice_text) if choice_text.isdigit() else -1
        if not 0 <= choice < len(LETTERS):
            await query.answer(CLOSED)
            return
        outcome = await svc.state.quizzes.record_answer(
            int(qid_text),
            user_id=query.from_user.id,
            name=display_name(query.from_user),
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
    svc = services_of(app)
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
    svc = services_of(app)
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


# --- restart ------------------------------------------------------------------------------


async def resume(app: App) -> None:
    """Pick up the rounds a stopped bot left open: wait out a question still running, reveal
    one that fell due meanwhile and go on, or close a round the group has left behind."""
    svc = services_of(app)
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
    svc = services_of(app)
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


# --- leaderboard --------------------------------------------------------------------------


async def rank_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    message = update.effective_message
    if message is None:
        return
    app = context.application
    quizzes = services_of(app).state.quizzes
    since = week_start(now(app), timezone(app))
    week = await quizzes.leaderboard(message.chat_id, since=since.timestamp())
    ever = await quizzes.leaderboard(message.chat_id)
    await message.reply_html(leaderboard_html(week, ever), do_quote=True)


def week_start(moment: datetime, tz: ZoneInfo) -> datetime:
    """Monday 00:00 of the week `moment` falls in, in the given time zone."""
    local = moment.astimezone(tz)
    monday = local.date() - timedelta(days=local.weekday())
    return datetime(monday.year, monday.month, monday.day, tzinfo=tz)


# --- group control ------------------------------------------------------------------------


async def admin_only_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """/adminonly on|off: whether only group administrators start quizzes and daily reading."""
    message, user = update.effective_message, update.effective_user
    if message is None or user is None:
        return
    if message.chat.type == ChatType.PRIVATE:
        await message.reply_text("这个设置只用于群聊。")
        return
    svc = services_of(context.application)
    args = [a.lower() for a in context.args or []]
    current = await svc.state.settings.admin_only(message.chat_id)
    if args not in (["on"], ["off"]):
        state = "仅管理员可以发起" if current else "所有成员都可以发起"
        await message.reply_text(
            f"当前设置：{state}测验和每日阅读订阅。\n"
            "群管理员可以发送 /adminonly on 限定为仅管理员，/adminonly off 取消限制。",
            do_quote=True,
        )
        return
    allowed = await may_manage(svc, context, message.chat_id, user.id)
    await svc.state.audit.record(
        user_id=user.id,
        action="adminonly",
        allowed=allowed,
        detail=f"{message.chat_id}:{args[0]}",
    )
    if not allowed:
        await message.reply_text("只有群管理员可以更改这个设置。", do_quote=True)
        return
    await svc.state.settings.set_admin_only(message.chat_id, args[0] == "on")
    await message.reply_text(
        "已设置：仅管理员可以发起测验和每日阅读订阅。"
        if args[0] == "on"
        else "已设置：所有成员都可以发起测验和每日阅读订阅。",
        do_quote=True,
    )


# --- rendering ----------------------------------------------------------------------------


def question_keyboard(question: StoredQuestion) -> InlineKeyboardMarkup:
    rows = [
        [keyboards.button(_clip(f"{LETTERS[i]}. {option}"), f"qa:{question.id}:{i}")]
        for i, option in enumerate(question.options)
    ]
    rows.append([keyboards.button("⏹ 结束本题", f"qe:{question.id}")])
    return InlineKeyboardMarkup(rows)


def _clip(text: str) -> str:
    return text if len(text) <= BUTTON_CHARS else text[: BUTTON_CHARS - 1] + "…"


def _options_html(question: StoredQuestion, revealed: bool) -> str:
    lines = []
    for i, option in enumerate(question.options):
        line = f"{LETTERS[i]}. {render.escape(option)}"
        if revealed and i == question.answer_index:
            line = f"✅ <b>{line}</b>"
        lines.append(line)
    return "\n".join(lines)


def question_html(question: StoredQuestion, seconds: int) -> str:
    return (
        f"🧩 <b>第 {question.number}/{question.total} 题</b> · 限时 {seconds} 秒\n"
        f"{render.escape(question.prompt)}\n\n{_options_html(question, False)}"
    )


def _names(names: list[str]) -> str:
    shown = "、".join(render.escape(n) for n in names[:MAX_NAMES])
    return shown + (f" 等 {len(names)} 人" if len(names) > MAX_NAMES else "")


def revealed_html(question: StoredQuestion, right: list[str], wrong: list[str]) -> str:
    p = question.passage
    if right or wrong:
        who = (
            f"答对（{len(right)}）：{_names(right) or '无'}\n"
            f"答错（{len(wrong)}）：{_names(wrong) or '无'}"
        )
    else:
        who = "无人作答。"
    start = p.text.find(question.sentence)
    body = (
        render.escape(p.text)
        if start < 0
        else render.marked(
            p.text,
            [(start, start + len(question.sentence))],
            (0, len(p.text)),
            render.bold,
            render.escape,
        )
    )
    text = (
        f"🧩 <b>第 {question.number}/{question.total} 题 · 已揭晓</b>\n"
        f"{render.escape(question.prompt)}\n\n{_options_html(question, True)}\n\n{who}\n\n"
        f"📖 <b>{render.escape(p.title)}</b>\n<i>{render.escape(render.place(p))}</i>\n{body}"
    )
    return render.fit(text)


def round_summary_html(total: int, scores: list[Score]) -> str:
    lines = [f"🏁 <b>本轮测验结束</b>（共 {total} 题）"]
    lines += [
        f"{rank}. {render.escape(s.name)} · 答对 {s.correct}/{total}"
        for rank, s in enumerate(scores[:MAX_NAMES], start=1)
    ] or ["本轮无人作答。"]
    lines.append("发送 /rank 查看排行榜。")
    return "\n".join(lines)


def leaderboard_html(week: list[Score], ever: list[Score]) -> str:
    if not ever:
        return "这里还没有测验成绩。发送 /quiz 开始一轮测验吧！"

    def board(scores: list[Score]) -> list[str]:
        return [
            f"{rank}. {render.escape(s.name)} · 答对 {s.correct} 题（共答 {s.answered} 题）"
            for rank, s in enumerate(scores, start=1)
        ] or ["本周还没有人答题。"]

    return "\n".join(["🏆 <b>本周排行</b>", *board(week), "", "🏅 <b>总排行</b>", *board(ever)])


__all__ = [
    "CLOCK_KEY",
    "admin_only_command",
    "button",
    "may_start",
    "now",
    "quiz_command",
    "rank_command",
    "resume",
    "reveal",
]
