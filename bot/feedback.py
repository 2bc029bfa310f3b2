"""👍/👎 under an answer, and the optional reason for a 👎, as a python-telegram-bot
ConversationHandler per member and chat.

A 👎 opens the conversation: the bot asks for the reason with a ForceReply addressed to the
voter (in groups too), and waits for the voter's reply to that prompt. Any other message the
voter sends meanwhile is what it would have been without the prompt (a question); a new vote
starts over. Callback data: v:<query id>:<1 helpful | 0 not>
"""

from __future__ import annotations

import warnings

from telegram import ForceReply, Message, ReplyParameters, Update
from telegram.constants import ChatType
from telegram.ext import CallbackQueryHandler, ConversationHandler, MessageHandler, filters

from bot import handlers, intake, render
from bot.context import Context
from bot.state.votes import VoteOutcome

REASON = 0  # the conversation's one state: waiting for the reply to the prompt
PROMPT = "reason_prompt"  # user_data: (chat id, prompt message id, feedback id)
MAX_REASON_CHARS = 1000
REASON_WAIT_SECONDS = 86400


async def vote(update: Update, context: Context) -> int:
    query = update.callback_query
    if query is None or query.data is None:
        return ConversationHandler.END
    qid_text, _, choice = query.data.removeprefix("v:").partition(":")
    svc = context.bot_data.services
    logged = await svc.state.queries.get(int(qid_text)) if qid_text.isdigit() else None
    if logged is None:
        await query.answer(handlers.EXPIRED, show_alert=True)
        return ConversationHandler.END
    best = logged.results[0] if logged.results else None
    cast = await svc.state.votes.cast(
        doc=best.doc if best else "",
        paragraph=best.paragraph if best else 0,
        helpful=choice == "1",
        query_id=logged.id,
        chat_id=query.message.chat.id if query.message else None,
        user_id=query.from_user.id,
    )
    # Committed above: only now is the member thanked.
    if cast.outcome is VoteOutcome.UNCHANGED:
        await query.answer("已经记录过您的反馈了。")
        return ConversationHandler.END
    if choice == "1":
        await query.answer("感谢反馈！")
        return ConversationHandler.END
    await query.answer("已记录，感谢反馈。")
    if not isinstance(query.message, Message):
        return ConversationHandler.END
    voter = query.from_user
    # the mention makes the selective reply field open for the voter only, in groups too
    prompt = await query.message.reply_html(
        f'<a href="tg://user?id={voter.id}">{render.escape(voter.first_name)}</a>，'
        "很抱歉没有帮上忙。可以回复这条消息说说原因（可选）。",
        reply_markup=ForceReply(selective=True, input_field_placeholder="哪里不对？"),
        do_quote=True,
    )
    if context.user_data is not None:
        context.user_data[PROMPT] = (prompt.chat_id, prompt.message_id, cast.feedback_id)
    return REASON


async def reason(update: Update, context: Context) -> int:
    """The voter's reply: the reason when it answers the prompt, else a message as usual."""
    message = update.effective_message
    if message is None or message.reply_to_message is None:
        return REASON
    waiting = (context.user_data or {}).get(PROMPT)
    prompt = (message.chat_id, message.reply_to_message.message_id)
    if waiting is None or tuple(waiting[:2]) != prompt:
        if message.chat.type == ChatType.PRIVATE:
            await intake.private_text(update, context)
        else:
            await handlers.group_text(update, context)
        return REASON
    if context.user_data is not None:
        context.user_data.pop(PROMPT, None)
    await context.bot_data.services.state.votes.set_reason(
        waiting[2], (message.text or "")[:MAX_REASON_CHARS]
    )
    reply_to = (
        None
        if message.chat.type == ChatType.PRIVATE
        else ReplyParameters(message.message_id, allow_sending_without_reply=True)
    )
    await message.reply_text("已记录您的意见，谢谢！", reply_parameters=reply_to)
    return ConversationHandler.END


def vote_conversation() -> ConversationHandler[Context]:
    with warnings.catch_warnings():  # a button opens it; per_message tracking is not wanted
        warnings.simplefilter("ignore")
        return ConversationHandler(
            entry_points=[CallbackQueryHandler(vote, pattern=r"^v:")],
            states={
                REASON: [MessageHandler(filters.REPLY & filters.TEXT & ~filters.COMMAND, reason)]
            },
            fallbacks=[],
            allow_reentry=True,  # voting again, on this answer or another, starts over
            # a voter who never replies is forgotten after a day: memory stays bounded
            conversation_timeout=REASON_WAIT_SECONDS,
        )
