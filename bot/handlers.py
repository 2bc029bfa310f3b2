"""Telegram updates in, calls of the one answer pipeline out, replies formatted by render.

Private chats: any text is a question. Groups: /ask, @mentions and replies to the bot (so
privacy mode can stay on), or every message when a group admin chose that. Inline mode
offers passages to send into any chat. Each button's handler is registered in app.py with
the pattern of its callback data's prefix (p: m: t: s: g: x:); 👍/👎 are bot/feedback.py's.
"""

from __future__ import annotations

import contextlib
import logging
import sqlite3
import time

from telegram import (
    InlineKeyboardMarkup,
    InlineQueryResultArticle,
    InputTextMessageContent,
    Message,
    MessageEntity,
    ReplyParameters,
    Update,
)
from telegram.constants import ChatType, ParseMode
from telegram.error import BadRequest, NetworkError, TelegramError
from telegram.ext import ApplicationHandlerStop

from bot import keyboards, members, render, scope
from bot.context import Context
from bot.permissions import is_group_admin
from bot.state.queries import Result, Source
from bot.state.settings import AnswerMode
from retrieval.model import Answer, NoAnswer, passage_uid

log = logging.getLogger(__name__)

RESULTS = 9  # hits fetched per question: three pages of three
MAX_INLINE_RESULTS = 10

HELP = (
    "我是学习资料问答助手：用中文提问，我会从讲话稿和学习材料中找出最相关的段落，"
    "并标明所在的文件、章节和段落。\n\n"
    "<b>示例问题</b>\n"
    "• 家属应该做什么？\n"
    "• 为什么要坚定理想信念？\n"
    "• 对干部要严管还要厚爱\n\n"
    "<b>命令</b>\n"
    "/toc 查看资料目录\n"
    "/ask 问题 在群里提问（也可以 @我 或回复我的消息）\n"
    "/read 逐节导读一份资料\n"
    "/quiz 或 /quiz 5 知识测验，/rank 排行榜\n"
    "/daily 08:00 每天推送一段，/daily off 取消\n"
    "/mode 群管理员设置回答方式\n"
    "/scope 查看或设置本群的学习范围（只用选定的资料）\n"
    "/export 群管理员导出本群的学习台账（私信发送表格）\n\n"
    "在任意聊天中输入 @{username} 加问题，可以直接发送找到的段落。"
)
RATE_LIMITED = "提问太频繁了，请稍等一会儿再试。"
APOLOGY = "抱歉，处理这条消息时出错了，请稍后再试。"
ASK_USAGE = "请在 /ask 后面写上问题，例如：/ask 家属应该做什么？"
TOC_HEADER = "<b>资料目录</b>\n选择一份资料查看章节："
EXPIRED = "这条消息对应的内容已更新或过期，请重新提问。"


async def start(update: Update, context: Context) -> None:
    message = update.effective_message
    if message is not None:
        await message.reply_html(HELP.format(username=render.escape(context.bot.username)))


async def private_text(update: Update, context: Context) -> None:
    message = update.effective_message
    if message is None or message.text is None:
        return
    await answer_question(message, context, message.text, source=Source.PRIVATE)


async def ask_command(update: Update, context: Context) -> None:
    message = update.effective_message
    if message is None:
        return
    question = " ".join(context.args or [])
    if not question.strip():
        await message.reply_text(ASK_USAGE, reply_parameters=_reply_to(message))
        return
    await answer_question(message, context, question, source=_source(message))


async def group_text(update: Update, context: Context) -> None:
    """Group messages: answer mentions and replies to the bot; others only in 'all' mode."""
    message = update.effective_message
    if message is None or message.text is None:
        return
    question = _strip_mentions(message, context.bot.username)
    if question is not None:
        if not question:  # only "@bot": nothing to look up
            await message.reply_text(ASK_USAGE, reply_parameters=_reply_to(message))
            return
        await answer_question(message, context, question, source=Source.GROUP)
        return
    if _replies_to_bot(message, context.bot.id):
        await answer_question(message, context, message.text, source=Source.GROUP)
        return
    try:
        mode = await context.bot_data.services.state.settings.answer_mode(message.chat_id)
    except sqlite3.Error:  # a busy database must not make the bot talk over chatter
        return
    if mode is AnswerMode.ALL:
        # chatter that the corpus does not answer is left alone rather than refused
        await answer_question(message, context, message.text, source=Source.GROUP, quiet=True)


async def answer_question(
    message: Message,
    context: Context,
    question: str,
    *,
    source: Source,
    quiet: bool = False,
) -> None:
    svc = context.bot_data.services
    user_id = message.from_user.id if message.from_user else None

    def allowed() -> bool:
        return user_id is None or svc.rate.allow(user_id)

    if not quiet and not allowed():  # checked before searching: a flood costs no searches
        await message.reply_text(RATE_LIMITED, reply_parameters=_reply_to(message))
        return
    started = time.perf_counter()
    within = await scope.of_chat(svc, message.chat_id)
    answer = svc.library.answer(question, RESULTS, within.docs)
    # in a group answered quietly, chatter the bot leaves alone costs nobody their budget
    # (nor does it answer with passages only close to it: 明天下午开会学习教师法)
    if quiet and (not answer.hits or answer.note or not allowed()):
        return
    # the scope does not answer: do the other documents? (then the group is offered them)
    elsewhere = (
        not answer.hits
        and answer.reason == NoAnswer.WEAK
        and not within.everything
        and bool(svc.library.answer(question, 1).hits)
    )
    try:
        qid: int | None = await svc.state.queries.log(
            source=source,
            question=question,
            results=[Result(h.passage.doc, h.passage.paragraph, h.score) for h in answer.hits],
            latency_ms=(time.perf_counter() - started) * 1000,
            chat_id=message.chat_id,
            user_id=user_id,
        )
    except (sqlite3.Error, OSError):
        # a busy or full database must not cost the user the answer: it goes out without the
        # buttons that need the logged query (more results, feedback)
        log.exception("could not log the question; answering without feedback buttons")
        qid = None
    await members.seen(svc.state.record, message.chat, message.from_user)
    if elsewhere:
        text = render.OUTSIDE_SCOPE.format(scope=within.line())
        await message.reply_text(
            text,
            reply_markup=keyboards.elsewhere_keyboard(qid) if qid is not None else None,
            reply_parameters=_reply_to(message),
        )
        return
    await send_answer(message, answer, qid, 0, lead="" if within.everything else within.line())


async def send_answer(
    message: Message,
    answer: Answer,
    qid: int | None,
    offset: int,
    *,
    lead: str = "",
    everywhere: bool = False,
) -> None:
    """Send hits[offset:offset + 3] (or the refusal), buttons under the last message. `lead`
    heads the answer; `everywhere`: it is from all documents, past the group's scope."""
    texts = render.answer_html(answer, offset, lead=lead)
    markup = (
        keyboards.answer_keyboard(
            answer, qid, offset, render.HITS_PER_MESSAGE, everywhere=everywhere
        )
        if answer.hits
        else keyboards.not_found_keyboard()
        if answer.reason == NoAnswer.WEAK
        else None
    )
    for i, text in enumerate(texts):
        await message.reply_html(
            text,
            reply_markup=markup if i == len(texts) - 1 else None,
            reply_parameters=_reply_to(message),
            disable_web_page_preview=True,
        )


async def inline_query(update: Update, context: Context) -> None:
    query = update.inline_query
    if query is None:
        return
    svc = context.bot_data.services
    # inline queries arrive on every keystroke; they count against the same per-user budget
    wanted = query.query.strip() and svc.rate.allow(query.from_user.id)
    answer = svc.library.answer(query.query, MAX_INLINE_RESULTS) if wanted else None
    results = [
        InlineQueryResultArticle(
            id=passage_uid(hit.passage),
            title=(render.SECTION_SEP.join(hit.passage.section) or hit.passage.title)[:200],
            # a passage shown only as the closest says so
            description=(
                (render.CLOSEST_LABEL if answer and answer.note else "")
                + render.marked(hit.passage.text, (), hit.snippet, lambda s: s, lambda s: s)
            )[:200],
            input_message_content=InputTextMessageContent(
                render.passage_html(hit.passage, hit.spans), parse_mode=ParseMode.HTML
            ),
        )
        for hit in (answer.hits if answer else ())
    ]
    # a refusal (over the user's budget) must not be cached for everyone typing the same text
    await query.answer(results, cache_time=30 if wanted else 0, is_personal=not wanted)


# --- buttons ------------------------------------------------------------------------------


async def expired_button(update: Update, context: Context) -> None:
    """A button no handler knows (e.g. from an older version of the bot)."""
    if update.callback_query is not None:
        await update.callback_query.answer(EXPIRED)


def _payload(update: Update) -> str:
    """The callback data after its prefix (p:, m:, …), which the handler's pattern matched."""
    data = update.callback_query.data if update.callback_query else None
    return (data or "").partition(":")[2]


async def passage_button(update: Update, context: Context) -> None:
    query = update.callback_query
    assert query is not None
    rest = _payload(update)
    uid, _, what = rest.partition(":")
    index = context.bot_data.services.library.index
    passage = index.find(uid)
    if passage is None or not isinstance(query.message, Message):
        await query.answer(EXPIRED, show_alert=True)
        return
    await query.answer()
    if what == "c":
        blocks = [
            ("▶ " if p.key == passage.key else "") + render.passage_html(p)
            for p in index.neighbours(passage)
        ]
    else:
        blocks = [render.passage_html(passage)]
    for text in render.pack(blocks):
        await query.message.reply_html(text, do_quote=True)


async def more_button(update: Update, context: Context) -> None:
    query = update.callback_query
    assert query is not None
    rest = _payload(update)
    qid_text, _, offset_text = rest.partition(":")
    offset_text, _, everywhere = offset_text.partition(":")
    svc = context.bot_data.services
    logged = await svc.state.queries.get(int(qid_text))
    if logged is None or not isinstance(query.message, Message):
        await query.answer(EXPIRED, show_alert=True)
        return
    await query.answer()
    within = scope.WHOLE if everywhere else await scope.of_chat(svc, query.message.chat.id)
    answer = svc.library.answer(logged.question, RESULTS, within.docs)
    offset = int(offset_text)
    if offset >= len(answer.hits):
        await query.message.reply_text("没有更多结果了。")
        return
    await send_answer(query.message, answer, int(qid_text), offset, everywhere=bool(everywhere))


async def elsewhere_button(update: Update, context: Context) -> None:
    """A question the group's scope did not answer, answered from all documents."""
    query = update.callback_query
    assert query is not None
    rest = _payload(update)
    svc = context.bot_data.services
    logged = await svc.state.queries.get(int(rest)) if rest.isdigit() else None
    # only the chat the question was asked in may see its answer
    if (
        logged is None
        or not isinstance(query.message, Message)
        or logged.chat_id != query.message.chat.id
    ):
        await query.answer(EXPIRED, show_alert=True)
        return
    await query.answer()
    answer = svc.library.answer(logged.question, RESULTS)
    await send_answer(
        query.message, answer, int(rest), 0, lead=render.FROM_EVERYWHERE, everywhere=True
    )


# --- table of contents --------------------------------------------------------------------


async def toc(update: Update, context: Context) -> None:
    message = update.effective_message
    if message is None:
        return
    svc = context.bot_data.services
    within = await scope.of_chat(svc, message.chat_id)
    documents = within.documents(svc.library.index.documents)
    if not documents:
        await message.reply_text("资料库还是空的。", reply_parameters=_reply_to(message))
        return
    await message.reply_html(
        _toc_header(within),
        reply_markup=keyboards.documents_keyboard(documents),
        reply_parameters=_reply_to(message),
    )


def _toc_header(within: scope.Scope) -> str:
    if within.everything:
        return TOC_HEADER
    return f"{TOC_HEADER}\n<i>{render.escape(within.line())}</i>"


async def toc_button(update: Update, context: Context) -> None:
    query = update.callback_query
    assert query is not None
    rest = _payload(update)
    svc = context.bot_data.services
    documents = svc.library.index.documents
    uid, page = keyboards.split_page(rest)
    if not uid:
        chat_id = query.message.chat.id if query.message else 0
        within = await scope.of_chat(svc, chat_id)
        await query.answer()
        await edit_message(
            query.message,
            _toc_header(within),
            keyboards.documents_keyboard(within.documents(documents), page=page or 0),
        )
        return
    document = keyboards.find_document(documents, uid)
    if document is None:
        await query.answer(EXPIRED, show_alert=True)
        return
    await query.answer()
    top = [i for i, h in enumerate(document.headings) if len(h.path) == 1]
    text = f"<b>{render.escape(document.title)}</b>\n共 {len(document.passages)} 段。选择章节："
    markup = keyboards.sections_keyboard(document, top, f"t:{uid}", page or 0)
    await edit_message(query.message, text, markup)


async def section_button(update: Update, context: Context) -> None:
    query = update.callback_query
    assert query is not None
    rest = _payload(update)
    target, page = keyboards.split_page(rest)
    uid, _, number = target.partition(":")
    documents = context.bot_data.services.library.index.documents
    document = keyboards.find_document(documents, uid)
    n = int(number) if number.isdigit() else -1
    if (
        document is None
        or not 0 <= n < len(document.headings)
        or not isinstance(query.message, Message)
    ):
        await query.answer(EXPIRED, show_alert=True)
        return
    await query.answer()
    heading = document.headings[n]
    depth = len(heading.path)
    children = [
        i
        for i, h in enumerate(document.headings)
        if len(h.path) == depth + 1 and h.path[:depth] == heading.path
    ]
    markup = keyboards.sections_keyboard(document, children, f"s:{target}", page or 0)
    if page is not None:  # turning this section's list: the message stays, its buttons change
        try:
            await query.message.edit_reply_markup(markup)
        except BadRequest as exc:
            if "not modified" not in str(exc):  # a double tap changes nothing
                raise
        return
    own = [p for p in document.passages if p.section[:depth] == heading.path]
    intro = [p for p in own if len(p.section) == depth] or own[:1]
    blocks = [f"<b>{render.escape(render.SECTION_SEP.join(heading.path))}</b>"]
    blocks += [render.passage_html(p) for p in intro[:3]]
    text = render.pack(blocks)[0]
    await query.message.reply_html(text, reply_markup=markup)


# --- group settings -----------------------------------------------------------------------


async def mode(update: Update, context: Context) -> None:
    message = update.effective_message
    if message is None:
        return
    if message.chat.type == ChatType.PRIVATE:
        await message.reply_text("这个设置只用于群聊。")
        return
    current = await context.bot_data.services.state.settings.answer_mode(message.chat_id)
    await message.reply_text(
        "选择我在本群的回答方式（仅群管理员可更改）。\n"
        "“回答所有问题”需要在 @BotFather 关闭隐私模式后才收得到普通消息。",
        reply_markup=keyboards.mode_keyboard(current),
        reply_parameters=_reply_to(message),
    )


async def mode_button(update: Update, context: Context) -> None:
    query = update.callback_query
    assert query is not None
    rest = _payload(update)
    if rest not in set(AnswerMode) or query.message is None:
        await query.answer(EXPIRED, show_alert=True)
        return
    chat_id = query.message.chat.id
    if not await is_group_admin(context, chat_id, query.from_user.id):
        await query.answer("只有群管理员可以更改回答方式。", show_alert=True)
        return
    svc = context.bot_data.services
    await svc.state.settings.set_answer_mode(chat_id, AnswerMode(rest))
    await svc.state.audit.record(
        user_id=query.from_user.id, action="mode", allowed=True, detail=f"{chat_id}:{rest}"
    )
    await query.answer("已更新。")
    await edit_message(query.message, "回答方式已更新。", keyboards.mode_keyboard(rest))


# --- delivery -------------------------------------------------------------------------------


async def skip_handled(update: Update, context: Context) -> None:
    """Runs first: an update already handled, or being handled (the inbox replays what a
    crash left, and Telegram may send the same again), is dropped instead of answered twice."""
    svc = context.bot_data.services
    if update.update_id in svc.in_progress:
        raise ApplicationHandlerStop
    svc.in_progress.add(update.update_id)  # before any await: a second copy stops above
    try:
        handled = await svc.state.inbox.was_handled(update.update_id)
    except (sqlite3.Error, OSError):
        handled = False  # better a rare duplicate than a lost question
    if handled:
        svc.in_progress.discard(update.update_id)
        raise ApplicationHandlerStop


async def mark_handled(update: Update, context: Context) -> None:
    """Runs last, after the reply went out (or the handler failed and apologised)."""
    svc = context.bot_data.services
    try:
        await svc.state.inbox.mark_handled(update.update_id)
    except (sqlite3.Error, OSError):
        log.warning("could not record update %s as handled", update.update_id, exc_info=True)
    finally:
        svc.in_progress.discard(update.update_id)


# --- errors and helpers -------------------------------------------------------------------


async def error_handler(update: object, context: Context) -> None:
    """Log the failure and apologise to the user; one bad update never stops the bot.

    No apology for a network failure talking to Telegram: the reply may have arrived (a
    timeout), and a second message would then be a duplicate.
    """
    log.error("update failed: %s", context.error, exc_info=context.error)
    if isinstance(context.error, NetworkError) and not isinstance(context.error, BadRequest):
        return
    if isinstance(update, Update):
        if update.callback_query is not None:
            with contextlib.suppress(TelegramError):
                await update.callback_query.answer(APOLOGY)
            return
        if update.effective_chat is not None and update.inline_query is None:
            try:
                await context.bot.send_message(update.effective_chat.id, APOLOGY)
            except TelegramError:
                log.warning("could not send the apology", exc_info=True)


async def edit_message(message: object, text: str, markup: InlineKeyboardMarkup | None) -> None:
    """Edit a bot message; an edit that changes nothing is not an error."""
    if not isinstance(message, Message):
        return
    try:
        await message.edit_text(text, parse_mode=ParseMode.HTML, reply_markup=markup)
    except BadRequest as exc:
        if "not modified" not in str(exc):
            raise


def _reply_to(message: Message) -> ReplyParameters | None:
    """Replies thread to the asker's message in groups; private chats need no quote."""
    if message.chat.type == ChatType.PRIVATE:
        return None
    return ReplyParameters(message.message_id, allow_sending_without_reply=True)


def _source(message: Message) -> Source:
    return Source.PRIVATE if message.chat.type == ChatType.PRIVATE else Source.GROUP


def _replies_to_bot(message: Message, bot_id: int) -> bool:
    replied = message.reply_to_message
    return bool(replied and replied.from_user and replied.from_user.id == bot_id)


def _strip_mentions(message: Message, username: str) -> str | None:
    """The text without @mentions of this bot, or None when the bot is not mentioned.

    Entity offsets count UTF-16 units, so the text is cut in that encoding.
    """
    mention = f"@{username.lower()}"
    ours = [
        e
        for e, value in message.parse_entities([MessageEntity.MENTION]).items()
        if value.lower() == mention
    ]
    if not ours:
        return None
    units = (message.text or "").encode("utf-16-le")
    for entity in sorted(ours, key=lambda e: e.offset, reverse=True):
        units = units[: 2 * entity.offset] + units[2 * (entity.offset + entity.length) :]
    return units.decode("utf-16-le").strip()
