"""Documents from an admin's private chat that are not files: a link, or a long text pasted
from an article (WeChat articles are copied more often than saved).

A link is fetched and added like `studybot add URL` (the same address checks), then the
corpus reloads with the progress and summary of /reload. A long pasted text is offered as a
document ("加入资料库"); the bot asks for its title, then adds and reloads. Members who send
links or long texts are answered as before: they are questions.
"""

from __future__ import annotations

import warnings

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Message, Update
from telegram.ext import (
    CallbackQueryHandler,
    CommandHandler,
    ConversationHandler,
    MessageHandler,
    filters,
)

from bot import admin, handlers, render
from bot.context import Context
from bot.state.queries import Source
from retrieval.fetch import is_url
from retrieval.formats.web import strip_web_clutter
from retrieval.ingest import clean_lines, split_lines

PASTE_MIN_CHARS = 300  # a question is shorter; an article longer
MAX_TITLE_CHARS = 80
TITLE = 1  # the conversation's one state: waiting for the title
PASTED = "pasted_text"  # user_data key
ADD, AS_QUESTION = "paste:add", "paste:ask"


def _single_url(text: str) -> str | None:
    words = text.split()
    return words[0] if len(words) == 1 and is_url(words[0]) else None


async def private_text(update: Update, context: Context) -> None:
    """Admins' links and long texts become documents; everything else is a question."""
    message = update.effective_message
    user = update.effective_user
    if (
        message is None
        or message.text is None
        or message.reply_to_message is not None  # e.g. a reason for 👎
        or not context.bot_data.services.is_admin(user.id if user else None)
    ):
        await handlers.private_text(update, context)
        return
    url = _single_url(message.text)
    if url is not None:
        await add_link(update, context)
    elif len(message.text.strip()) >= PASTE_MIN_CHARS:
        await offer_paste(message, context)
    else:
        await handlers.private_text(update, context)


@admin.admin_only("add_link")
async def add_link(update: Update, context: Context) -> None:
    from bot.adding import add

    message = update.effective_message
    if message is None or message.text is None:
        return
    url = message.text.strip()
    svc = context.bot_data.services
    status = await message.reply_text("⏳ 正在抓取链接…")
    try:
        added = await add(
            url, svc.library.corpus_dir, allow_private=svc.settings.allow_private_urls
        )
    except ValueError as exc:  # FetchError or DocumentError, in Chinese
        await status.edit_text(f"❌ 无法添加这个链接：{exc}")
        return
    verb = "更新" if added.replaced else "加入"
    await status.edit_text(f"✅ 已{verb}《{added.title}》（{added.name}）")
    await admin.run_reload(message, svc, f"已{verb} {added.name}，正在重新加载")


async def offer_paste(message: Message, context: Context) -> None:
    if context.user_data is not None:
        context.user_data[PASTED] = message.text
    keyboard = InlineKeyboardMarkup(
        [
            [
                InlineKeyboardButton("📥 加入资料库", callback_data=ADD),
                InlineKeyboardButton("🔍 当作问题", callback_data=AS_QUESTION),
            ]
        ]
    )
    await message.reply_text(
        f"这段文字有 {len(message.text or '')} 字，像是一篇文章。要把它加入资料库吗？",
        reply_markup=keyboard,
    )


async def ask_title(update: Update, context: Context) -> int:
    query = update.callback_query
    if query is None:
        return ConversationHandler.END
    await query.answer()
    pasted = (context.user_data or {}).get(PASTED)
    user = update.effective_user
    if not context.bot_data.services.is_admin(user.id if user else None) or not pasted:
        if query.message is not None and isinstance(query.message, Message):
            await query.message.reply_text("这段文字已过期，请重新发送。")
        return ConversationHandler.END
    lines = [line for line in strip_web_clutter(clean_lines(split_lines(pasted))) if line]
    suggestion = lines[0] if lines and len(lines[0]) <= MAX_TITLE_CHARS else ""
    if isinstance(query.message, Message):
        hint = (
            f"\n（第一行是：<code>{render.escape(suggestion)}</code>，可直接复制）"
            if suggestion
            else ""
        )
        await query.message.reply_html(f"请发送这篇资料的标题。/cancel 取消{hint}")
    return TITLE


async def got_title(update: Update, context: Context) -> int:
    from bot.adding import add_text

    message = update.effective_message
    if message is None or message.text is None:
        return TITLE
    title = " ".join(message.text.split())
    if not title or len(title) > MAX_TITLE_CHARS:
        await message.reply_text(f"标题应为 1 到 {MAX_TITLE_CHARS} 个字，请重新发送。/cancel 取消")
        return TITLE
    user_data = context.user_data if context.user_data is not None else {}
    pasted = str(user_data.pop(PASTED, "") or "")
    if not pasted:
        await message.reply_text("这段文字已过期，请重新发送。")
        return ConversationHandler.END
    svc = context.bot_data.services
    # the clutter a copy from WeChat brings along goes before the text is kept
    lines = strip_web_clutter(clean_lines(split_lines(pasted)))
    try:
        added = await add_text(title, "\n".join(lines), svc.library.corpus_dir)
    except ValueError as exc:
        await message.reply_text(f"❌ 无法加入：{exc}")
        return ConversationHandler.END
    await admin.run_reload(message, svc, f"已加入《{title}》（{added.name}），正在重新加载")
    return ConversationHandler.END


async def as_question(update: Update, context: Context) -> None:
    query = update.callback_query
    if query is None:
        return
    await query.answer()
    pasted = (context.user_data or {}).pop(PASTED, None)
    if pasted and isinstance(query.message, Message):
        await handlers.answer_question(query.message, context, str(pasted), source=Source.PRIVATE)


async def cancel(update: Update, context: Context) -> int:
    if context.user_data is not None:
        context.user_data.pop(PASTED, None)
    if update.effective_message is not None:
        await update.effective_message.reply_text("已取消。")
    return ConversationHandler.END


def paste_conversation() -> ConversationHandler[Context]:
    private = filters.ChatType.PRIVATE
    with warnings.catch_warnings():  # a button opens it; per_message tracking is not wanted
        warnings.simplefilter("ignore")
        return ConversationHandler(
            entry_points=[CallbackQueryHandler(ask_title, pattern=f"^{ADD}$")],
            states={TITLE: [MessageHandler(private & filters.TEXT & ~filters.COMMAND, got_title)]},
            fallbacks=[CommandHandler("cancel", cancel, filters=private)],
            conversation_timeout=600,
        )
