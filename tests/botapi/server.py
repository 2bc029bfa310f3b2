"""A local stand-in for the Telegram Bot API server, for end-to-end tests.

The real python-telegram-bot ``Bot``/``Application`` talks HTTP to this server on 127.0.0.1::

    async with BotApiServer(token=TOKEN, username="studybot_test_bot") as api:
        api.add_user(42, "Alice", username="alice")
        app = (ApplicationBuilder().token(TOKEN)
               .base_url(api.base_url).base_file_url(api.base_file_url).build())
        ...
        await api.send_text(42, 42, "/start")
        reply = await api.wait_for_reply(42)
        assert reply.entity_texts("bold") == ["Welcome"]
        assert not api.rejected

It validates requests the way Telegram does (HTML/Markdown entity parsing ported from tdlib,
UTF-16 length limits, keyboard and inline-result limits, query-id lifetimes, chat/message
existence) and answers with Telegram's error descriptions, so that bugs which only show up
against the real API fail the tests instead.

Deliberate differences from the real server:

* ``strict_html=True`` (default) additionally rejects a bare ``&`` or ``>`` outside tags, an
  entity without ``;`` and ``<a>`` without ``href``; Telegram tolerates these, but they are
  almost always escaping bugs.  The error says "(strict mode)".
* Text length is counted in UTF-16 code units (Telegram documents "characters"); counting the
  stricter way means a text accepted here is accepted by Telegram.
* Auto-detected entities (urls, mentions, hashtags) are only added to *incoming* messages.
* Privacy mode is on by default: in groups the bot only receives commands, mentions of itself and
  replies to its own messages, unless it is an administrator (as with a fresh BotFather bot).

The stand-in is one class, :class:`BotApiServer`, put together from mixins that each serve one
concern: ``state`` (the world and shared lookups), ``routing`` (lifecycle, HTTP routing, injected
faults), ``updates`` (getUpdates and webhooks), ``messages``, ``files``, ``flood``, ``queries``
(callback and inline), ``chats`` (getMe, getChat*, commands), and the test-facing ``driver``
(plays users) and ``observe`` (what the bot did, and waits for it). Entity parsing lives in
``entities``, ``html_mode`` and ``markdown_mode``; request checks in ``protocol`` and
``validation``.
"""

from __future__ import annotations

from .chats import ChatsMixin
from .driver import DriverMixin
from .messages import MessagesMixin
from .observe import ObserverMixin
from .protocol import Params
from .queries import QueriesMixin
from .routing import RoutingMixin
from .state import Handler
from .updates import UpdatesMixin
from .validation import NOOP_METHODS


class BotApiServer(
    RoutingMixin, DriverMixin, ObserverMixin, UpdatesMixin, MessagesMixin, QueriesMixin, ChatsMixin
):
    """An in-process Telegram Bot API server on 127.0.0.1 for end-to-end tests.

    Use it as ``async with BotApiServer(...) as api`` (or ``await start()`` / ``await stop()``).
    The test-driving methods (``send_text``, ``press_button``, ...) play users; the ``wait_*``
    helpers wait for what the bot does; ``requests``/``rejected``/``sent`` expose everything.
    Its options are those of :class:`tests.botapi.state.ServerState`.
    """

    def _method_table(self) -> dict[str, Handler]:
        table: dict[str, Handler] = {
            "getme": self._get_me,
            "logout": self._ok,
            "close": self._ok,
            "getupdates": self._get_updates,
            "setwebhook": self._set_webhook,
            "deletewebhook": self._delete_webhook,
            "getwebhookinfo": self._get_webhook_info,
            "sendmessage": self._send_message,
            "senddocument": self._send_document,
            "editmessagetext": self._edit_message_text,
            "editmessagecaption": self._edit_message_caption,
            "editmessagereplymarkup": self._edit_message_reply_markup,
            "deletemessage": self._delete_message,
            "deletemessages": self._delete_messages,
            "answercallbackquery": self._answer_callback_query,
            "answerinlinequery": self._answer_inline_query,
            "setmycommands": self._set_my_commands,
            "getmycommands": self._get_my_commands,
            "deletemycommands": self._delete_my_commands,
            "getfile": self._get_file,
            "sendchataction": self._send_chat_action,
            "getchat": self._get_chat,
            "getchatmember": self._get_chat_member,
            "getchatadministrators": self._get_chat_administrators,
            "getchatmembercount": self._get_chat_member_count,
        }
        for name in NOOP_METHODS:
            table[name] = self._ok
        return table

    async def _ok(self, p: Params) -> bool:
        return True
