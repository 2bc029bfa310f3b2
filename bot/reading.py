"""Reading together: a passage a day in reading order (/daily) and guided reading of a
document section by section (/read).

Daily reading is scheduled with the JobQueue, one daily job per subscribed chat, and made
restart-proof by the store: each subscription keeps the moment its next passage is due, so
`fire_daily(app, now)` sends whatever is due at `now`, whether called by the job, at start-up
for a day the bot was down, or by a test that moved its clock.

Callback data: rd:                 the list of documents
               rd:<docuid>         a document at the presser's last place
               rd:<docuid>:<step>  a step (a section's passages) of a document
"""

from __future__ import annotations

import bisect
import contextlib
import itertools
import logging
import re
import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Message, Update
from telegram.constants import ParseMode
from telegram.error import Forbidden, TelegramError

from bot import handlers, keyboards, render, scope
from bot.context import App, Context
from bot.group_study import bank, may_start, now
from bot.state.reading import DailySubscription
from retrieval.datelines import only_dates
from retrieval.model import Document, Passage
from retrieval.quiz import discussion_question

log = logging.getLogger(__name__)

# A job may fire a moment before its second; a subscription due this soon counts as due.
EARLY = timedelta(seconds=60)
STEP_UNITS = 3500  # a reading step's text, leaving room for its header within 4096
_HHMM = re.compile(r"^([01]?\d|2[0-3])[:：]([0-5]\d)$")

DAILY_USAGE = (
    "用法：/daily HH:MM 每天在这个时间推送一段资料和一个讨论问题（例如 /daily 08:00，"
    "可在后面加时区，如 /daily 08:00 Asia/Shanghai）；/daily off 取消订阅。"
)


# --- reading order ------------------------------------------------------------------------


def parse_hhmm(text: str) -> str | None:
    """'8:05' → '08:05'; None for anything that is not a time of day."""
    match = _HHMM.match(text.strip())
    return f"{int(match.group(1)):02d}:{match.group(2)}" if match else None


def next_occurrence(hhmm: str, tz: ZoneInfo, after: datetime) -> datetime:
    """The first moment strictly after `after` that reads `hhmm` on a clock in `tz`."""
    hour, minute = map(int, hhmm.split(":"))
    local = after.astimezone(tz)
    day = local.date()
    while True:
        candidate = datetime(day.year, day.month, day.day, hour, minute, tzinfo=tz)
        if candidate > local:
            return candidate
        day += timedelta(days=1)


def next_passage(
    passages: Sequence[Passage], last: tuple[str, int, int] | None
) -> tuple[Passage, bool] | None:
    """The passage after `last` in reading order (documents by name, then paragraphs), and
    whether reading started over from the beginning. A removed document is simply passed, and
    so is a passage that only dates its text (a law's history, a speech's dateline): None when
    nothing is left to read."""
    start = 0
    if last is not None:
        keys = [p.key for p in passages]  # the index keeps passages in this order
        start = bisect.bisect_right(keys, last)
    order = itertools.chain(range(start, len(passages)), range(min(start, len(passages))))
    found = next((i for i in order if not only_dates(passages[i])), None)
    return None if found is None else (passages[found], found < start)


def is_due(subscription: DailySubscription, moment: datetime) -> bool:
    return moment.timestamp() >= subscription.next_due - EARLY.total_seconds()


# --- daily reading ------------------------------------------------------------------------


async def daily_command(update: Update, context: Context) -> None:
    message, user = update.effective_message, update.effective_user
    if message is None or user is None:
        return
    app = context.application
    svc = app.bot_data.services
    args = context.args or []
    if not args:
        await message.reply_text(await _status(app, message.chat_id), do_quote=True)
        return
    if args[0].lower() == "off" and len(args) == 1:
        if not await may_start(update, context):
            return
        _unschedule(app, message.chat_id)
        removed = await svc.state.reading.unsubscribe(message.chat_id)
        await message.reply_text(
            "已取消每日阅读。" if removed else "这里没有订阅每日阅读。", do_quote=True
        )
        return
    hhmm = parse_hhmm(args[0])
    zone_name = args[1] if len(args) == 2 else svc.settings.timezone
    zone = _zone(zone_name)
    if hhmm is None or zone is None or len(args) > 2:
        await message.reply_text(DAILY_USAGE, do_quote=True)
        return
    if not await may_start(update, context):
        return
    due = next_occurrence(hhmm, zone, now(app))
    await svc.state.reading.subscribe(
        message.chat_id,
        time=hhmm,
        timezone=zone_name,
        next_due=due.timestamp(),
        user_id=user.id,
        at=now(app).timestamp(),
    )
    schedule_daily(app, message.chat_id, hhmm, zone_name)
    await message.reply_text(
        f"已订阅每日阅读：每天 {hhmm}（{zone_name}）按顺序推送一段资料和一个讨论问题。\n"
        f"第一次推送：{due.strftime('%Y-%m-%d %H:%M')}。发送 /daily off 取消。",
        do_quote=True,
    )


def _zone(name: str) -> ZoneInfo | None:
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return None


async def _status(app: App, chat_id: int) -> str:
    sub = await app.bot_data.services.state.reading.subscription(chat_id)
    if sub is None:
        return f"这里还没有订阅每日阅读。\n{DAILY_USAGE}"
    due = datetime.fromtimestamp(sub.next_due, ZoneInfo(sub.timezone))
    return (
        f"每日阅读：每天 {sub.time}（{sub.timezone}），已推送 {sub.sent} 段，"
        f"下一次 {due.strftime('%Y-%m-%d %H:%M')}。发送 /daily off 取消。"
    )


def _job_name(chat_id: int) -> str:
    return f"daily:{chat_id}"


def schedule_daily(app: App, chat_id: int, hhmm: str, zone_name: str) -> None:
    if app.job_queue is None:
        raise RuntimeError("the job queue is needed for /daily (python-telegram-bot[job-queue])")
    _unschedule(app, chat_id)
    hour, minute = map(int, hhmm.split(":"))
    app.job_queue.run_daily(
        _daily_job,
        time(hour, minute, tzinfo=ZoneInfo(zone_name)),
        data=chat_id,
        name=_job_name(chat_id),
    )


def _unschedule(app: App, chat_id: int) -> None:
    if app.job_queue is not None:
        for job in app.job_queue.get_jobs_by_name(_job_name(chat_id)):
            with contextlib.suppress(LookupError):  # already gone from the scheduler
                job.schedule_removal()


async def _daily_job(context: Context) -> None:
    job = context.job
    if job is not None and isinstance(job.data, int):
        await fire_daily(context.application, now(context.application), job.data)


async def fire_daily(app: App, moment: datetime, chat_id: int | None = None) -> int:
    """Send the passage each subscription (or only `chat_id`'s) has due at `moment`; the
    number sent. A passage is claimed in the store before it is sent, so two firings never
    send it twice; one that cannot be sent is skipped (logged), not retried."""
    reading = app.bot_data.services.state.reading
    if chat_id is None:
        subscriptions = await reading.subscriptions()
    else:
        one = await reading.subscription(chat_id)
        subscriptions = [one] if one else []
    svc = app.bot_data.services
    sent = 0
    for sub in subscriptions:
        if not is_due(sub, moment):
            continue
        within = await scope.of_chat(svc, sub.chat_id)
        passages = svc.library.index.passages
        if not within.everything:  # the index keeps reading order; so does a part of it
            passages = tuple(p for p in passages if within.admits(p.doc))
        found = next_passage(
            passages, (sub.doc, sub.paragraph or 0, sub.part or 0) if sub.doc else None
        )
        if found is None:  # the library is empty, or holds only dates
            continue
        passage, wrapped = found
        after = max(moment, datetime.fromtimestamp(sub.next_due, moment.tzinfo))
        following = next_occurrence(sub.time, ZoneInfo(sub.timezone), after)
        if not await reading.advance(
            sub.chat_id,
            due=sub.next_due,
            doc=passage.doc,
            paragraph=passage.paragraph,
            part=passage.part,
            next_due=following.timestamp(),
        ):
            continue
        try:
            await app.bot.send_message(
                sub.chat_id,
                daily_html(app, passage, sub.sent + 1, wrapped),
                parse_mode=ParseMode.HTML,
            )
            sent += 1
            await _note_delivery(app, sub.chat_id, passage, moment)
        except Forbidden:  # the bot left the group or was blocked: stop sending there
            log.warning("daily reading for %s stopped: the chat is closed to the bot", sub.chat_id)
            _unschedule(app, sub.chat_id)
            await reading.unsubscribe(sub.chat_id)
        except TelegramError:
            log.warning("daily passage for %s not sent", sub.chat_id, exc_info=True)
    return sent


async def _note_delivery(app: App, chat_id: int, passage: Passage, moment: datetime) -> None:
    """Keep the delivery for the group's study record; a database problem is only logged."""
    try:
        await app.bot_data.services.state.record.delivered(chat_id, passage, moment.timestamp())
    except (sqlite3.Error, OSError):
        log.warning("daily passage for %s not recorded", chat_id, exc_info=True)


def daily_html(app: App, passage: Passage, day: int, wrapped: bool) -> str:
    quiz_bank = bank(app)
    i = quiz_bank.index.by_key.get(passage.key)
    question = discussion_question(quiz_bank, i) if i is not None else ""
    lines = [f"📖 <b>每日一段</b> · 第 {day} 天"]
    if wrapped:
        lines.append("（全部资料已读完一遍，今天从头开始。）")
    lines += [
        f"<b>{render.escape(passage.title)}</b>",
        f"<i>{render.escape(render.place(passage))}</i>",
        render.escape(passage.text),
    ]
    if question:
        lines += ["", f"💬 <b>今日讨论</b>：{render.escape(question)}"]
    return render.fit("\n".join(lines))


async def restore(app: App) -> None:
    """At start-up: schedule every subscription again and send what fell due meanwhile."""
    for sub in await app.bot_data.services.state.reading.subscriptions():
        schedule_daily(app, sub.chat_id, sub.time, sub.timezone)
    await fire_daily(app, now(app))


# --- guided reading -----------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ReadingStep:
    """What one page of guided reading shows: consecutive passages of one section."""

    section: tuple[str, ...]
    passages: tuple[Passage, ...]


def reading_steps(document: Document) -> list[ReadingStep]:
    """A document as steps: each run of passages under the same section path is one step,
    cut where its text would not fit one message."""
    steps: list[ReadingStep] = []
    current: list[Passage] = []
    units = 0
    for passage in document.passages:
        size = render.utf16_len(passage.text) + 20
        if current and (passage.section != current[0].section or units + size > STEP_UNITS):
            steps.append(ReadingStep(current[0].section, tuple(current)))
            current, units = [], 0
        current.append(passage)
        units += size
    if current:
        steps.append(ReadingStep(current[0].section, tuple(current)))
    return steps


def resume_step(steps: Sequence[ReadingStep], step: int, section: tuple[str, ...]) -> int:
    """Where a member stopped: the step of their section nearest their step number (the
    document may have changed since), else their step number within range."""
    matches = [i for i, s in enumerate(steps) if s.section == section]
    if matches:
        return min(matches, key=lambda i: abs(i - step))
    return max(0, min(step, len(steps) - 1))


def step_html(
    document: Document, steps: Sequence[ReadingStep], k: int, *, resumed: bool = False
) -> str:
    step = steps[k]
    heading = render.SECTION_SEP.join(step.section) or "开篇"
    blocks = [
        ("（接着上次读到的地方）\n" if resumed else "")
        + f"📖 <b>{render.escape(document.title)}</b> · 第 {k + 1}/{len(steps)} 节",
        f"<b>{render.escape(heading)}</b>",
    ]
    for p in step.passages:
        number = f"第 {p.paragraph} 段" + (f"（{p.part}）" if p.part > 1 else "")
        blocks.append(f"<i>{number}</i>\n{render.escape(p.text)}")
    if k == len(steps) - 1:
        blocks.append("✅ 全文读完了。")
    return render.fit("\n".join(blocks[:2]) + "\n\n" + "\n\n".join(blocks[2:]))


def step_keyboard(
    document: Document, steps: Sequence[ReadingStep], k: int, many: bool
) -> InlineKeyboardMarkup:
    uid = keyboards.doc_uid(document.doc)
    row: list[InlineKeyboardButton] = []
    if k > 0:
        row.append(keyboards.button("◀ 上一节", f"rd:{uid}:{k - 1}"))
    if k < len(steps) - 1:
        row.append(keyboards.button("下一节 ▶", f"rd:{uid}:{k + 1}"))
    rows = [row] if row else []
    if many:
        rows.append([keyboards.button("📚 全部资料", "rd:")])
    return InlineKeyboardMarkup(rows)


async def read_command(update: Update, context: Context) -> None:
    message, user = update.effective_message, update.effective_user
    if message is None or user is None:
        return
    svc = context.bot_data.services
    within = await scope.of_chat(svc, message.chat_id)
    documents = within.documents(svc.library.index.documents)
    if not documents:
        await message.reply_text("资料库还是空的。", do_quote=True)
        return
    if len(documents) > 1:
        await message.reply_html(
            "<b>导读</b>：选择要阅读的资料，我会记住你读到哪里。",
            reply_markup=keyboards.documents_keyboard(documents, "rd"),
            do_quote=True,
        )
        return
    text, markup = await _open_at(context.application, documents[0], user.id, None, many=False)
    await message.reply_html(text, reply_markup=markup, do_quote=True)


async def _open_at(
    app: App, document: Document, user_id: int, k: int | None, *, many: bool
) -> tuple[str, InlineKeyboardMarkup]:
    """The page of step k (None: where the member stopped), remembered as their place."""
    reading = app.bot_data.services.state.reading
    steps = reading_steps(document)
    resumed = k is None
    if k is None:
        position = await reading.position(user_id, document.doc)
        k = resume_step(steps, position.step, position.section) if position else 0
        resumed = position is not None and k > 0
    k = max(0, min(k, len(steps) - 1))
    await reading.set_position(
        user_id, document.doc, step=k, section=steps[k].section, at=now(app).timestamp()
    )
    return step_html(document, steps, k, resumed=resumed), step_keyboard(document, steps, k, many)


async def button(update: Update, context: Context) -> None:
    query = update.callback_query
    if query is None or query.data is None or not isinstance(query.message, Message):
        return
    _, _, rest = query.data.partition(":")
    uid, _, number = rest.partition(":")
    svc = context.bot_data.services
    within = await scope.of_chat(svc, query.message.chat.id)
    documents = within.documents(svc.library.index.documents)
    if not uid or uid.startswith("@"):
        await query.answer()
        await handlers.edit_message(
            query.message,
            "<b>导读</b>：选择要阅读的资料。",
            keyboards.documents_keyboard(documents, "rd", keyboards.split_page(uid)[1] or 0),
        )
        return
    document = keyboards.find_document(documents, uid)
    if document is None or (number and not number.isdigit()):
        await query.answer("这份资料已更新或删除，请重新发送 /read。", show_alert=True)
        return
    await query.answer()
    text, markup = await _open_at(
        context.application,
        document,
        query.from_user.id,
        int(number) if number else None,
        many=len(documents) > 1,
    )
    await handlers.edit_message(query.message, text, markup)
