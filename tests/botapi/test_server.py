"""Tests of the Bot API stand-in itself, driven by python-telegram-bot's real Bot/Application."""

from __future__ import annotations

import asyncio
import datetime as dtm
import html
import json
import time
import warnings
from collections.abc import AsyncIterator

import pytest
import pytest_asyncio
from aiohttp import ClientSession, web
from telegram import (
    Bot,
    BotCommand,
    BotCommandScopeChatAdministrators,
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    InlineQueryResultArticle,
    InputTextMessageContent,
    ReplyParameters,
    Update,
)
from telegram.error import BadRequest, Conflict, Forbidden, InvalidToken, NetworkError, RetryAfter
from telegram.ext import ApplicationBuilder, CallbackQueryHandler, CommandHandler, ContextTypes

from . import BotApiServer, EntityParseError, parse_html, parse_markdown_v2, utf16_len

TOKEN = "123456789:AAE-stand-in_test-token"
ALICE = 1001
BOB = 1002
GROUP = -1001234567890


@pytest_asyncio.fixture
async def api() -> AsyncIterator[BotApiServer]:
    async with BotApiServer(token=TOKEN, username="studybot_test_bot") as server:
        server.add_user(ALICE, "Alice", username="alice", started=True)
        server.add_user(BOB, "Bob", username="bob")
        server.add_chat(GROUP, "supergroup", title="Study group", admins=[ALICE])
        yield server


@pytest_asyncio.fixture
async def bot(api: BotApiServer) -> AsyncIterator[Bot]:
    async with Bot(TOKEN, base_url=api.base_url, base_file_url=api.base_file_url) as client:
        yield client


def keyboard(*data: str) -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup(
        [[InlineKeyboardButton(d[:10] or "?", callback_data=d)] for d in data]
    )


def retry_seconds(error: RetryAfter) -> float:
    with warnings.catch_warnings():  # PTB warns about the int/timedelta transition
        warnings.simplefilter("ignore")
        value = error.retry_after
    return value.total_seconds() if isinstance(value, dtm.timedelta) else float(value)


# -- entity parsing ---------------------------------------------------------------------------


@pytest.mark.asyncio
async def test_valid_html_is_accepted_and_stored_as_plain_text_with_entities(
    api: BotApiServer, bot: Bot
) -> None:
    source = (
        "<b>Bold</b> &amp; <i>ital</i> 😀 "
        '<a href="https://example.com/?a=1&amp;b=2">link</a> '
        '<pre><code class="language-python">x = 1 &lt; 2</code></pre>'
        '<blockquote expandable>quote</blockquote><span class="tg-spoiler">s</span>&#x4e2d;'
    )
    message = await bot.send_message(ALICE, source, parse_mode="HTML")

    stored = api.sent[-1]
    assert stored.text == "Bold & ital 😀 link x = 1 < 2quotes中"
    assert stored.bold == ["Bold"]
    assert stored.entity_texts("italic") == ["ital"]
    assert stored.links == [("link", "https://example.com/?a=1&b=2")]
    pre = next(e for e in stored.entities if e["type"] == "pre")
    assert pre["language"] == "python"
    assert stored.entity_texts("expandable_blockquote") == ["quote"]
    assert stored.entity_texts("spoiler") == ["s"]
    # PTB reads the same text and UTF-16 based entities back from the response.
    assert message.text == stored.text
    assert message.parse_entities(["bold", "italic"]) == {
        message.entities[0]: "Bold",
        message.entities[1]: "ital",
    }
    assert api.rejected == []


@pytest.mark.asyncio
@pytest.mark.parametrize(
    ("text", "error"),
    [
        ("a < b", 'Unsupported start tag "" at byte offset 2'),
        ("<br>line", 'Unsupported start tag "br" at byte offset 0'),
        ("Tom & Jerry", 'Unescaped "&" at byte offset 4, use "&amp;" (strict mode)'),
        ("a > b", 'Unescaped ">" at byte offset 2, use "&gt;" (strict mode)'),
        (
            "<b>bold <i>both</b></i>",
            'Unmatched end tag at byte offset 15, expected "</i>", found "</b>"',
        ),
        ("<b>never closed", 'Can\'t find end tag corresponding to start tag "b"'),
        ('<span class="x">s</span>', 'Tag "span" must have class "tg-spoiler" at byte offset 0'),
        ("<a>no href</a>", 'Tag "a" must have an "href" attribute at byte offset 0 (strict mode)'),
    ],
)
async def test_broken_html_is_rejected_like_telegram(bot: Bot, text: str, error: str) -> None:
    with pytest.raises(BadRequest) as caught:
        await bot.send_message(ALICE, text, parse_mode="HTML")
    # PTB drops "Bad Request: " and lower-cases the rest of the description.
    assert str(caught.value).lower() == f"can't parse entities: {error}".lower()


@pytest.mark.asyncio
async def test_length_is_counted_in_utf16_units_after_parsing(api: BotApiServer, bot: Bot) -> None:
    emoji = "😀" * 2048  # 2048 code points, but 4096 UTF-16 units
    assert utf16_len(emoji) == 4096
    await bot.send_message(ALICE, emoji)
    await bot.send_message(ALICE, f"<b>{emoji}</b>", parse_mode="HTML")  # tags don't count
    with pytest.raises(BadRequest, match=r"(?i)message is too long"):
        await bot.send_message(ALICE, emoji + "a")
    with pytest.raises(BadRequest, match=r"(?i)message text is empty"):
        await bot.send_message(ALICE, "<b> </b>\n", parse_mode="HTML")
    assert len(api.rejected) == 2


@pytest.mark.asyncio
async def test_callback_data_is_limited_to_64_bytes(bot: Bot) -> None:
    await bot.send_message(ALICE, "ok", reply_markup=keyboard("я" * 32))  # 64 bytes
    for too_long in ("я" * 33, "x" * 65):  # 33 characters are 66 bytes
        with pytest.raises(BadRequest, match=r"(?i)BUTTON_DATA_INVALID"):
            await bot.send_message(ALICE, "too long", reply_markup=keyboard(too_long))
    text_only = InlineKeyboardMarkup([[InlineKeyboardButton("no action")]])
    with pytest.raises(BadRequest, match=r"(?i)Text buttons are unallowed"):
        await bot.send_message(ALICE, "bad", reply_markup=text_only)


@pytest.mark.asyncio
async def test_markdown_v2_needs_escaping(api: BotApiServer, bot: Bot) -> None:
    with pytest.raises(BadRequest, match=r"(?i)character '\.' is reserved"):
        await bot.send_message(ALICE, "Score: 4.5", parse_mode="MarkdownV2")
    await bot.send_message(
        ALICE, r"*Score:* 4\.5 [Alice](tg://user?id=1001)", parse_mode="MarkdownV2"
    )
    assert api.sent[-1].text == "Score: 4.5 Alice" and api.sent[-1].bold == ["Score:"]
    mention = api.sent[-1].entities[-1]
    assert mention["type"] == "text_mention" and mention["user"]["first_name"] == "Alice"


def test_parsers_follow_tdlib() -> None:
    assert parse_html("🏟 🏟&lt;<i>a</i>", strict=False) == (
        "🏟 🏟<a",
        [{"type": "italic", "offset": 6, "length": 1}],
    )
    assert parse_html("&ge;&lt;&amp;&#12345678;", strict=False)[0] == "&ge;<&&#12345678;"
    for text, error in [
        ("🏟 🏟&lt;<i>a</i   ", "Unclosed end tag at byte offset 17"),
        ("🏟 🏟&lt;<i>a</em   >", 'found "</em>"'),
        ("x</b>", "Unexpected end tag at byte offset 1"),
        ('<tg-emoji emoji-id="x">y</tg-emoji>', "Invalid custom emoji identifier specified"),
    ]:
        with pytest.raises(EntityParseError, match=error):
            parse_html(text, strict=False)
    plain, entities = parse_markdown_v2(r"*b* _i_ __u__ ~s~ ||p|| `c` [l](https://t.me/x) 1\.5")
    assert plain == "b i u s p c l 1.5"
    assert [e["type"] for e in entities] == [
        "bold", "italic", "underline", "strikethrough", "spoiler", "code", "text_link",
    ]  # fmt: skip
    with pytest.raises(EntityParseError, match=r"Character '\.' is reserved"):
        parse_markdown_v2("1.5")


# -- keyboards, callback and inline queries ---------------------------------------------------


@pytest.mark.asyncio
async def test_callback_query_can_be_answered_once(api: BotApiServer, bot: Bot) -> None:
    sent = await bot.send_message(ALICE, "Choose", reply_markup=keyboard("a", "b"))
    with pytest.raises(AssertionError, match=r"(?i)no button"):
        await api.press_button(ALICE, ALICE, sent.message_id, "zzz")
    query_id = await api.press_button(ALICE, ALICE, sent.message_id, text="b")

    await bot.answer_callback_query(query_id, text="Done")
    with pytest.raises(BadRequest, match=r"(?i)query is too old"):
        await bot.answer_callback_query(query_id)
    with pytest.raises(BadRequest, match=r"(?i)query is too old"):
        await bot.answer_callback_query("12345")
    assert api.answers_for(query_id) == [{"callback_query_id": query_id, "text": "Done"}]
    (update,) = await bot.get_updates(timeout=0)
    assert update.callback_query is not None and update.callback_query.data == "b"


@pytest.mark.asyncio
async def test_inline_answers_are_validated(api: BotApiServer, bot: Bot) -> None:
    query_id = await api.inline_query(ALICE, "confucius")
    results = [
        InlineQueryResultArticle(
            str(i), f"Result {i}", InputTextMessageContent(f"<b>{i}</b>", parse_mode="HTML")
        )
        for i in range(51)
    ]
    with pytest.raises(BadRequest, match=r"(?i)RESULTS_TOO_MUCH"):
        await bot.answer_inline_query(query_id, results)
    broken = InlineQueryResultArticle("x", "t", InputTextMessageContent("1 < 2", parse_mode="HTML"))
    with pytest.raises(BadRequest, match=r"(?i)can't parse entities"):
        await bot.answer_inline_query(query_id, [broken])
    with pytest.raises(BadRequest, match=r"(?i)RESULT_ID_DUPLICATE"):
        await bot.answer_inline_query(query_id, [results[0], results[0]])

    await bot.answer_inline_query(query_id, results[:50], next_offset="50")
    with pytest.raises(BadRequest, match=r"(?i)query is too old"):
        await bot.answer_inline_query(query_id, results[:1])
    (answer,) = api.answers_for(query_id)
    assert len(answer["results"]) == 50 and answer["next_offset"] == "50"


# -- fault injection ---------------------------------------------------------------------------


@pytest.mark.asyncio
@pytest.mark.filterwarnings("ignore::telegram.warnings.PTBDeprecationWarning")
async def test_injected_faults_reach_ptb_as_its_errors(api: BotApiServer, bot: Bot) -> None:
    api.fail_next("sendMessage", status=429, retry_after=3)
    with pytest.raises(RetryAfter) as caught:
        await bot.send_message(ALICE, "hi")
    assert retry_seconds(caught.value) == 3

    api.fail_next("sendMessage", status=500)
    with pytest.raises(NetworkError, match=r"(?i)Internal Server Error"):
        await bot.send_message(ALICE, "hi")

    # The message goes out but the response is lost: the classic duplicate-send trap.
    api.drop_next("sendMessage", processed=True)
    with pytest.raises(NetworkError):
        await bot.send_message(ALICE, "lost response")
    assert api.sent[-1].text == "lost response"

    api.delay_next("getMe", 0.3)
    started = time.monotonic()
    await bot.get_me()
    assert time.monotonic() - started >= 0.3

    await bot.send_message(ALICE, "fine again")
    assert [r.status for r in api.calls("sendMessage")] == [429, 500, 0, 200]
    assert api.rejected == []  # injected faults are not the bot's fault


@pytest.mark.asyncio
@pytest.mark.filterwarnings("ignore::telegram.warnings.PTBDeprecationWarning")
async def test_flood_limits_can_be_enforced() -> None:
    async with BotApiServer(token=TOKEN, enforce_flood_limits=True) as api:
        api.add_chat(GROUP, "supergroup")
        async with Bot(TOKEN, base_url=api.base_url) as bot:
            for i in range(20):
                await bot.send_message(GROUP, f"message {i}")
            with pytest.raises(RetryAfter) as caught:
                await bot.send_message(GROUP, "one too many")
        assert 1 <= retry_seconds(caught.value) <= 60
        assert api.max_sends_in_window(60, GROUP) == 20
        assert api.max_sends_in_window(1) == 20


# -- world state -------------------------------------------------------------------------------


@pytest.mark.asyncio
async def test_messages_chats_and_replies_must_exist(api: BotApiServer, bot: Bot) -> None:
    sent = await bot.send_message(ALICE, "<b>same</b>", parse_mode="HTML")
    with pytest.raises(BadRequest, match=r"(?i)message is not modified"):
        # Trailing whitespace is trimmed by Telegram, so this is the same content.
        await bot.edit_message_text("<b>same</b>\n", ALICE, sent.message_id, parse_mode="HTML")
    await bot.edit_message_text("same", ALICE, sent.message_id)  # entities differ: fine
    assert api.message(ALICE, sent.message_id).edit_count == 1

    with pytest.raises(BadRequest, match=r"(?i)chat not found"):
        await bot.send_message(-42, "anyone?")
    with pytest.raises(BadRequest, match=r"(?i)message to be replied not found"):
        await bot.send_message(ALICE, "re", reply_parameters=ReplyParameters(999))
    lenient = ReplyParameters(999, allow_sending_without_reply=True)
    assert (await bot.send_message(ALICE, "re", reply_parameters=lenient)).reply_to_message is None
    with pytest.raises(Forbidden, match=r"(?i)can't initiate conversation"):
        await bot.send_message(BOB, "hello stranger")
    with pytest.raises(BadRequest, match=r"(?i)message to edit not found"):
        await bot.edit_message_text("x", ALICE, 999)

    admins = await bot.get_chat_administrators(GROUP)
    assert [(m.status, m.user.id) for m in admins] == [("administrator", ALICE)]
    assert (await bot.get_chat_member(GROUP, BOB)).status == "left"
    assert (await bot.get_chat(GROUP)).title == "Study group"


@pytest.mark.asyncio
async def test_commands_are_stored_per_scope_and_language(api: BotApiServer, bot: Bot) -> None:
    await bot.set_my_commands([BotCommand("ask", "Ask a question")])
    await bot.set_my_commands([BotCommand("ask", "Frage stellen")], language_code="de")
    admin_scope = BotCommandScopeChatAdministrators(GROUP)
    await bot.set_my_commands([BotCommand("reindex", "Rebuild")], scope=admin_scope)

    assert [c.command for c in await bot.get_my_commands()] == ["ask"]
    assert [c["command"] for c in api.visible_commands(GROUP, ALICE)] == ["reindex"]
    assert [c["command"] for c in api.visible_commands(GROUP, BOB)] == ["ask"]
    assert api.visible_commands(ALICE, ALICE, "de")[0]["description"] == "Frage stellen"
    with pytest.raises(BadRequest, match=r"(?i)BOT_COMMAND_INVALID"):
        await bot.set_my_commands([BotCommand("Ask", "capitals are not allowed")])


@pytest.mark.asyncio
async def test_uploaded_file_can_be_downloaded(api: BotApiServer, bot: Bot) -> None:
    data = "第一章 学而\n".encode() * 200
    incoming = await api.upload_document(ALICE, ALICE, "lunyu.txt", data, "text/plain")
    assert incoming.document is not None

    file = await bot.get_file(incoming.document["file_id"])
    assert file.file_size == len(data)
    assert bytes(await file.download_as_bytearray()) == data

    await bot.send_document(
        ALICE, b"report", filename="report.txt", caption="<b>Report</b>", parse_mode="HTML"
    )
    outgoing = api.sent[-1]
    assert outgoing.document is not None and outgoing.document["file_name"] == "report.txt"
    assert outgoing.caption == "Report" and outgoing.bold == ["Report"]
    assert api.files[outgoing.document["file_id"]].data == b"report"


@pytest.mark.asyncio
async def test_http_encodings_tokens_and_unknown_methods(api: BotApiServer) -> None:
    url = f"{api.root}/bot{TOKEN}"
    async with ClientSession() as http:
        markup = {"inline_keyboard": [[{"text": "go", "callback_data": "go"}]]}
        payload = {"chat_id": ALICE, "text": "<i>json</i>", "parse_mode": "HTML"}
        async with http.post(f"{url}/sendMessage", json={**payload, "reply_markup": markup}) as r:
            assert (await r.json())["result"]["entities"][0]["type"] == "italic"
        form = {"chat_id": str(ALICE), "text": "form", "reply_markup": json.dumps(markup)}
        async with http.post(f"{url}/sendMessage", data=form) as r:
            assert (await r.json())["result"]["reply_markup"] == markup
        async with http.get(f"{url}/getChat", params={"chat_id": str(GROUP)}) as r:
            assert (await r.json())["result"]["type"] == "supergroup"
        async with http.post(f"{url}/noSuchMethod") as r:
            assert r.status == 404
            assert await r.json() == {
                "ok": False,
                "error_code": 404,
                "description": "Not Found: method not found",
            }
        async with http.get(f"{api.root}/bot1:wrong/getMe") as r:
            assert r.status == 401 and (await r.json())["description"] == "Unauthorized"
    with pytest.raises(InvalidToken):
        async with Bot("1:wrong", base_url=api.base_url):
            pass


# -- updates -----------------------------------------------------------------------------------


@pytest.mark.asyncio
async def test_get_updates_long_polls_and_confirms_by_offset(api: BotApiServer, bot: Bot) -> None:
    async def user_writes_later() -> None:
        await api.wait_for(lambda: api.active_polls, what="the long poll")
        assert api.calls("getUpdates") == []  # the poll is open and has not answered
        await api.send_text(ALICE, ALICE, "/start@studybot_test_bot 😀 hi @alice")

    writer = asyncio.create_task(user_writes_later())
    started = time.monotonic()
    (update,) = await bot.get_updates(timeout=5)
    assert time.monotonic() - started < 3  # waited, but returned as soon as it came
    assert len(api.calls("getUpdates")) == 1  # the same poll, open before the message existed
    await writer

    assert update.message is not None
    entities = [(e.type, e.offset, e.length) for e in update.message.entities]
    assert entities == [("bot_command", 0, 24), ("mention", 31, 6)]  # 😀 is two UTF-16 units

    again = await bot.get_updates(timeout=0)  # not confirmed yet: delivered again
    assert [u.update_id for u in again] == [update.update_id]
    started = time.monotonic()
    assert await bot.get_updates(offset=update.update_id + 1, timeout=1) == ()
    assert time.monotonic() - started >= 0.9  # nothing new: waited the whole timeout
    assert api.pending_updates == []


@pytest.mark.asyncio
async def test_a_second_poller_ends_the_first_with_conflict(api: BotApiServer, bot: Bot) -> None:
    async with Bot(TOKEN, base_url=api.base_url) as other:
        first = asyncio.create_task(bot.get_updates(timeout=5))
        await api.wait_for(lambda: api.active_polls, what="the first long poll")
        assert await other.get_updates(timeout=0) == ()
        with pytest.raises(Conflict, match=r"(?i)terminated by other getupdates request"):
            await first
    assert [r.status for r in api.rejected] == [409]


@pytest.mark.asyncio
async def test_application_polling_round_trip(api: BotApiServer) -> None:
    async def start(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        assert update.effective_message is not None and update.effective_user is not None
        name = html.escape(update.effective_user.first_name)
        await update.effective_message.reply_html(
            f"Hello <b>{name}</b> &lt;3", reply_markup=keyboard("more")
        )

    async def more(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        query = update.callback_query
        assert query is not None
        await query.answer("Loading")
        await query.edit_message_text("<i>More</i>", parse_mode="HTML")

    app = (
        ApplicationBuilder()
        .token(TOKEN)
        .base_url(api.base_url)
        .base_file_url(api.base_file_url)
        .build()
    )
    app.add_handler(CommandHandler("start", start))
    app.add_handler(CallbackQueryHandler(more))
    async with app:
        await app.start()
        assert app.updater is not None
        await app.updater.start_polling(poll_interval=0, timeout=1)
        try:
            await api.send_text(ALICE, ALICE, "/start")
            reply = await api.wait_for_reply(ALICE, timeout=5)
            assert reply.text == "Hello Alice <3" and reply.bold == ["Alice"]

            query_id = await api.press_button(ALICE, ALICE, reply.message_id, "more")
            edited = await api.wait_for_edit(ALICE, reply.message_id, timeout=5)
            assert edited.entity_texts("italic") == ["More"]
            assert edited.inline_buttons == []  # not re-sent with the edit, so it is gone
            assert (await api.wait_for_answer(query_id))["text"] == "Loading"

            # Privacy mode: in a group the bot sees commands, not small talk.
            assert (await api.send_text(GROUP, BOB, "just chatting")).update_id is None
            command = await api.send_text(GROUP, BOB, "/start@studybot_test_bot")
            group_reply = await api.wait_for_reply(GROUP, timeout=5)
            assert group_reply.reply_to_message_id == command.message_id
        finally:
            await app.updater.stop()
            await app.stop()
    api.assert_nothing_rejected()


@pytest.mark.asyncio
async def test_webhook_delivery_to_a_local_endpoint(api: BotApiServer, bot: Bot) -> None:
    received: list[tuple[dict[str, object], str | None]] = []

    async def endpoint(request: web.Request) -> web.Response:
        received.append(
            (await request.json(), request.headers.get("X-Telegram-Bot-Api-Secret-Token"))
        )
        return web.Response()

    app = web.Application()
    app.router.add_post("/hook", endpoint)
    runner = web.AppRunner(app)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    try:
        port = runner.addresses[0][1]
        await bot.set_webhook(f"http://127.0.0.1:{port}/hook", secret_token="s3cret")
        with pytest.raises(Conflict, match=r"(?i)can't use getupdates"):
            await bot.get_updates()
        message = await api.send_text(ALICE, ALICE, "via webhook")
        assert message.update_id is not None
        await api.wait_for_delivery(message.update_id, timeout=5)
        await api.wait_for(lambda: received, timeout=5)
        assert received[0][0]["message"]["text"] == "via webhook"  # type: ignore[index]
        assert received[0][1] == "s3cret"
        assert (await bot.get_webhook_info()).pending_update_count == 0
        await bot.delete_webhook()
    finally:
        await runner.cleanup()
