"""Building and running the Telegram Application: handlers, rate limits, retries, start-up."""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import sqlite3
from collections.abc import Iterable
from typing import Any

from telegram import (
    BotCommand,
    BotCommandScope,
    BotCommandScopeAllGroupChats,
    BotCommandScopeAllPrivateChats,
    BotCommandScopeChat,
    Update,
)
from telegram.error import BadRequest, NetworkError, TelegramError, TimedOut
from telegram.ext import (
    AIORateLimiter,
    ApplicationBuilder,
    CallbackQueryHandler,
    CommandHandler,
    ExtBot,
    InlineQueryHandler,
    MessageHandler,
    TypeHandler,
    filters,
)
from telegram.request import HTTPXRequest

from bot import (
    admin,
    export,
    feedback,
    folder,
    group_study,
    handlers,
    intake,
    members,
    quiz,
    quiz_restart,
    reading,
)
from bot import scope as reading_scope
from bot.context import CONTEXT_TYPES, App
from bot.services import Services, UserRateLimit
from bot.settings import Settings
from bot.state import BotState
from bot.state.inbox import Inbox
from retrieval.library import Library, ReloadError
from retrieval.store import Store

log = logging.getLogger(__name__)

PRIVATE_COMMANDS = [
    BotCommand("start", "开始使用"),
    BotCommand("help", "使用说明和示例问题"),
    BotCommand("toc", "资料目录"),
]
GROUP_COMMANDS = [
    BotCommand("ask", "提问，例如 /ask 家属应该做什么"),
    BotCommand("toc", "资料目录"),
    BotCommand("mode", "设置回答方式（群管理员）"),
    BotCommand("quiz", "测验，/quiz 5 连续出 5 题"),
    BotCommand("rank", "测验排行榜"),
    BotCommand("read", "导读：逐节阅读资料"),
    BotCommand("daily", "每日一段，例如 /daily 08:00"),
    BotCommand("adminonly", "仅管理员发起测验和订阅（群管理员）"),
    BotCommand("scope", "本群学习范围，/scope 关键词 选定资料"),
    BotCommand("export", "导出学习台账（群管理员，私信发送）"),
    BotCommand("help", "使用说明"),
]
ADMIN_COMMANDS = [
    *PRIVATE_COMMANDS,
    BotCommand("reload", "重新加载语料"),
    BotCommand("docs", "资料列表"),
    BotCommand("remove", "删除资料"),
    BotCommand("stats", "使用统计"),
    BotCommand("explain", "命中测试"),
    BotCommand("export", "导出所有群的学习台账"),
]
NETWORK_RETRIES = 3
CONNECTIONS = 256  # what python-telegram-bot's builder gives the bot for concurrent sends
# Telegram allows about 30 messages a second overall and 20 a minute per group. The limiter is
# a leaky bucket: in any window it lets through its burst plus the window's refill, so burst
# and rate are chosen to keep that sum under Telegram's limits (5 + 24/s ≤ 30 in any second,
# 5 + 15/min ≤ 20 in any minute) rather than trusting the averages.
OVERALL_BURST, OVERALL_RATE = 5, 24.0
GROUP_BURST, GROUP_RATE = 5, 15 / 60


class RetryingRateLimiter(AIORateLimiter):
    """Telegram's flood limits, with 429s waited out and failed requests retried.

    AIORateLimiter throttles and retries RetryAfter. On top, a request that failed before
    Telegram could act on it (a 5xx answer or a refused connection) is retried with backoff;
    one that may have gone through (a timeout, a dropped connection) is retried only when
    repeating it is harmless, so no message is ever sent twice.
    """

    async def process_request(
        self,
        callback: Any,
        args: Any,
        kwargs: dict[str, Any],
        endpoint: str,
        data: dict[str, Any],
        rate_limit_args: int | None,
    ) -> Any:
        for attempt in range(NETWORK_RETRIES + 1):
            try:
                if not endpoint.startswith(_SENDS):
                    # flood limits are about messages: lookups such as getChatMember must not
                    # queue behind a group's 20 messages a minute
                    return await callback(*args, **kwargs)
                return await super().process_request(
                    callback, args, kwargs, endpoint, data, rate_limit_args
                )
            except BadRequest:
                raise  # Telegram refused the request itself: repeating it cannot help
            except NetworkError as exc:
                if attempt == NETWORK_RETRIES or not _safe_to_retry(exc, endpoint):
                    raise
                log.warning("%s failed (%s), retrying", endpoint, exc)
                await asyncio.sleep(0.5 * 2**attempt)
        raise AssertionError("unreachable")


_IDEMPOTENT = ("get", "answer", "edit", "set", "delete")
_SENDS = ("send", "edit", "copy", "forward")


def _safe_to_retry(exc: NetworkError, endpoint: str) -> bool:
    """Whether repeating the request cannot duplicate its effect.

    python-telegram-bot reports transport failures as "httpx.<Error>: …" and an error status
    from the server (5xx) with the server's description: the Bot API answered an error, so it
    did not act. A refused connection never reached it. A timeout, a dropped connection, or a
    gateway that lost its way to the Bot API (502, 504) may come after it acted.
    """
    message = str(exc)
    uncertain = (
        isinstance(exc, TimedOut)
        or (message.startswith("httpx.") and not message.startswith("httpx.ConnectError"))
        or message.startswith(_GATEWAY_ERRORS)
    )
    return not uncertain or endpoint.startswith(_IDEMPOTENT)


_GATEWAY_ERRORS = ("Bad Gateway", "Gateway Timeout", "Gateway Time-out")


class InboxQueue(asyncio.Queue[object]):
    """The application's update queue, which keeps each update in the store's inbox first.

    Updates are confirmed to Telegram before they are handled: long polling confirms them
    with the next fetch, the webhook server answers 200 as soon as `put` returns. A crash in
    between would lose them; stored first, they are replayed at the next start (see `_open`)
    and skipped once handled (`handlers.skip_handled`).
    """

    def __init__(self) -> None:
        super().__init__()
        self.inbox: Inbox | None = None  # the database opens after the application is built

    async def put(self, item: object) -> None:
        if self.inbox is not None and isinstance(item, Update):
            payload = json.dumps(item.to_dict(), ensure_ascii=False)
            try:
                await self.inbox.receive([(item.update_id, payload)])
            except (sqlite3.Error, OSError):  # keep answering; only crash safety is lost
                log.warning("could not keep update %d in the inbox", item.update_id, exc_info=True)
        await super().put(item)


def build_application(settings: Settings) -> App:
    if settings.telegram_bot_token is None:
        raise ValueError("TELEGRAM_BOT_TOKEN is not set")
    root = settings.api_base_url.rstrip("/")
    bot: ExtBot[Any] = ExtBot(
        token=settings.telegram_bot_token.get_secret_value(),
        base_url=f"{root}/bot",
        base_file_url=f"{root}/file/bot",
        request=HTTPXRequest(connection_pool_size=CONNECTIONS),
        get_updates_request=HTTPXRequest(),
        rate_limiter=RetryingRateLimiter(
            overall_max_rate=OVERALL_BURST,
            overall_time_period=OVERALL_BURST / OVERALL_RATE,
            group_max_rate=GROUP_BURST,
            group_time_period=GROUP_BURST / GROUP_RATE,
            max_retries=5,
        ),
    )
    application = (
        ApplicationBuilder()
        .bot(bot)
        .update_queue(InboxQueue())
        .context_types(CONTEXT_TYPES)
        .concurrent_updates(True)
        .post_init(_open)
        .post_shutdown(_close)
        .build()
    )
    application.bot_data.settings = settings
    add_handlers(application)
    return application


def add_handlers(app: App) -> None:
    private = filters.ChatType.PRIVATE
    groups = filters.ChatType.GROUPS
    app.add_handler(CommandHandler(["start", "help"], handlers.start))
    app.add_handler(CommandHandler("ask", handlers.ask_command))
    app.add_handler(CommandHandler("toc", handlers.toc))
    app.add_handler(CommandHandler("mode", handlers.mode))
    # admin tools only in private chats: /stats in a group would show others' questions
    app.add_handler(CommandHandler("reload", admin.reload_command, filters=private))
    app.add_handler(CommandHandler("docs", admin.docs_command, filters=private))
    app.add_handler(CommandHandler("remove", admin.remove_command, filters=private))
    app.add_handler(CommandHandler("stats", admin.stats_command, filters=private))
    app.add_handler(CommandHandler("explain", admin.explain_command, filters=private))
    app.add_handler(MessageHandler(private & filters.Document.ALL, admin.upload))
    # a pasted article's title: the conversation takes the admin's next message first
    app.add_handler(intake.paste_conversation())
    app.add_handler(CallbackQueryHandler(intake.as_question, pattern=f"^{intake.AS_QUESTION}$"))
    # 👍/👎 and a 👎's reason: the voter's reply to the prompt comes before the text handlers
    app.add_handler(feedback.vote_conversation())
    # admins' links and long texts become documents; other texts are questions
    app.add_handler(MessageHandler(private & filters.TEXT & ~filters.COMMAND, intake.private_text))
    app.add_handler(MessageHandler(groups & filters.TEXT & ~filters.COMMAND, handlers.group_text))
    # members joining and leaving, for the study record (/export)
    joins = filters.StatusUpdate.NEW_CHAT_MEMBERS | filters.StatusUpdate.LEFT_CHAT_MEMBER
    app.add_handler(MessageHandler(groups & joins, members.membership))
    app.add_handler(InlineQueryHandler(handlers.inline_query))
    app.add_handler(CommandHandler("quiz", quiz.quiz_command))
    app.add_handler(CommandHandler("rank", quiz.rank_command))
    app.add_handler(CommandHandler("adminonly", group_study.admin_only_command))
    app.add_handler(CommandHandler("daily", reading.daily_command))
    app.add_handler(CommandHandler("read", reading.read_command))
    app.add_handler(CommandHandler("scope", reading_scope.scope_command))
    app.add_handler(CommandHandler("export", export.export_command))
    app.add_handler(CallbackQueryHandler(quiz.button, pattern=r"^q[ae]:"))
    app.add_handler(CallbackQueryHandler(reading.button, pattern=r"^rd:"))
    app.add_handler(CallbackQueryHandler(reading_scope.button, pattern=r"^sc:"))
    app.add_handler(CallbackQueryHandler(handlers.passage_button, pattern=r"^p:"))
    app.add_handler(CallbackQueryHandler(handlers.more_button, pattern=r"^m:"))
    app.add_handler(CallbackQueryHandler(handlers.elsewhere_button, pattern=r"^x:"))
    app.add_handler(CallbackQueryHandler(handlers.toc_button, pattern=r"^t:"))
    app.add_handler(CallbackQueryHandler(handlers.section_button, pattern=r"^s:"))
    app.add_handler(CallbackQueryHandler(handlers.mode_button, pattern=r"^g:"))
    app.add_handler(CallbackQueryHandler(handlers.expired_button))  # any other data
    # exactly-once across crashes: skip what was handled, record what is handled
    app.add_handler(TypeHandler(Update, handlers.skip_handled), group=-1)
    app.add_handler(TypeHandler(Update, handlers.mark_handled), group=1)
    app.add_error_handler(handlers.error_handler)


async def _open(app: App) -> None:
    """Open the store and serve its index; catch up with its corpus folder meanwhile.

    The folder is the store's; STUDYBOT_CORPUS_DIR naming another is refused (FolderMismatch)
    and nothing is changed. Only a store with no documents yet waits for that first reload:
    there is nothing to serve before it. The catch-up adds and re-indexes but removes nothing
    (documents gone from the folder are kept until someone reloads); if it fails, the stored
    index stays in service.
    """
    settings = app.bot_data.settings
    assert settings is not None  # build_application sets them
    store = await Store.open(settings.db)
    try:
        state = await BotState.open(store.database)
        choice = await folder.choose(store, settings)
        library = Library(store, folder.refuse_other(choice, settings.db))
    except BaseException:
        await store.close()
        raise
    note = settings.legacy_note()
    if note:
        log.warning("%s", note)
    log.info("database %s, corpus folder %s", settings.db, library.folder)
    await library.load()
    catch_up = asyncio.create_task(_catch_up(library))
    if not library.index.passages:
        await catch_up
    app.bot_data.catch_up = catch_up
    # jieba's dictionary loads on first use (~1 s): not on the event loop, in a question
    await asyncio.to_thread(library.answer, "预热", 1)
    app.bot_data.services = Services(
        settings, store, state, library, UserRateLimit(settings.user_rate_limit)
    )
    for payload in await state.inbox.pending():  # what a crash left unanswered
        await app.update_queue.put(Update.de_json(json.loads(payload), app.bot))
    # from here on each arriving update is kept (the replayed ones already are); nothing
    # arrives before: polling or the webhook starts after this post_init
    if isinstance(app.update_queue, InboxQueue):
        app.update_queue.inbox = state.inbox
    await _set_menus(app.bot, settings.admin_ids)
    await quiz_restart.resume(app)  # rounds and subscriptions a stopped bot left open
    await reading.restore(app)


async def _set_menus(bot: ExtBot[Any], admin_ids: Iterable[int]) -> None:
    """Command menus in Chinese. A menu is a convenience: when Telegram (or a self-hosted Bot
    API server) refuses one, or an admin never opened a chat with the bot, the bot still runs."""
    menus: list[tuple[list[BotCommand], BotCommandScope]] = [
        (PRIVATE_COMMANDS, BotCommandScopeAllPrivateChats()),
        (GROUP_COMMANDS, BotCommandScopeAllGroupChats()),
        *((ADMIN_COMMANDS, BotCommandScopeChat(admin_id)) for admin_id in admin_ids),
    ]
    for commands, scope in menus:
        try:
            await bot.set_my_commands(commands, scope=scope)
        except TelegramError as exc:
            log.warning("command menu for %s not set: %s", scope.type, exc)


async def _catch_up(library: Library) -> None:
    try:
        report = await library.reload(keep_missing=True)
    except (ReloadError, FileNotFoundError) as exc:
        log.error("corpus not reloaded, serving the stored index: %s", exc)
        return
    log.info(
        "corpus: %d documents, %d passages; %d added, %d changed, %d removed, %d failed",
        report.documents,
        report.passages,
        len(report.added),
        len(report.changed),
        len(report.removed),
        len(report.failed),
    )
    for d in report.duplicates:
        log.info("duplicate: %s %s %s; indexed once", d.doc, "=" if d.same else "in", d.of)
    if report.kept:
        log.warning(
            "%d document(s) no longer in %s are kept in service until a reload (/reload or"
            " `studybot reload`) removes them: %s",
            len(report.kept),
            library.folder,
            ", ".join(report.kept),
        )


async def _close(app: App) -> None:
    catch_up = app.bot_data.catch_up
    if catch_up is not None and not catch_up.done():
        catch_up.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await catch_up
    svc = app.bot_data.opened
    if svc is not None:
        await svc.store.close()


def webhook_options(settings: Settings) -> dict[str, Any]:
    """How the webhook server listens; Telegram must send the secret with every update."""
    return {
        "listen": settings.webhook_listen,
        "port": settings.webhook_port,
        "url_path": settings.webhook_path,
        "webhook_url": settings.webhook_url,
        "secret_token": settings.webhook_secret.get_secret_value()
        if settings.webhook_secret
        else None,
        "allowed_updates": Update.ALL_TYPES,
    }


def run(settings: Settings) -> None:
    """Long polling, or a webhook when STUDYBOT_WEBHOOK_URL is set."""
    application = build_application(settings)
    if settings.webhook_url:
        application.run_webhook(**webhook_options(settings))
    else:
        application.run_polling(allowed_updates=Update.ALL_TYPES)
