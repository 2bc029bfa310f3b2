"""The stand-in's state and the lookups every part of it shares."""

from __future__ import annotations

import asyncio
import itertools
import json
import time
from collections.abc import Awaitable, Callable
from http import HTTPStatus
from typing import Any

from aiohttp import web

from .entities import EntityParseError, trim, utf16_len, utf16_slice
from .html_mode import parse_html
from .markdown_mode import parse_markdown, parse_markdown_v2
from .models import (
    Chat,
    Fault,
    FileRecord,
    Mark,
    Query,
    RequestRecord,
    StoredMessage,
    User,
    WebhookState,
)
from .protocol import (
    CAPTION_LIMIT,
    JSON,
    TEXT_LIMIT,
    ApiError,
    Params,
    bad,
)

Handler = Callable[[Params], Awaitable[Any]]


class ServerState:
    """The simulated world and the server's records, with the helpers the Bot API methods
    and the test-facing API share. The mixins in the sibling modules add one concern each;
    :class:`tests.botapi.server.BotApiServer` puts them together."""

    def __init__(
        self,
        token: str = "123456789:TEST-stand-in-token",
        username: str = "studybot_test_bot",
        first_name: str = "StudyBot",
        *,
        strict_html: bool = True,
        privacy_mode: bool = True,
        inline_mode: bool = True,
        enforce_flood_limits: bool = False,
        query_ttl: float | None = 15.0,
        host: str = "127.0.0.1",
        port: int = 0,
    ) -> None:
        bot_id, sep, _ = token.partition(":")
        if not sep or not bot_id.isdigit():
            raise ValueError(f"a bot token looks like '123456:ABC...', not {token!r}")
        self.token = token
        self.bot = User(int(bot_id), first_name, username=username, is_bot=True)
        self.strict_html = strict_html
        self.privacy_mode = privacy_mode
        self.inline_mode = inline_mode
        self.enforce_flood_limits = enforce_flood_limits
        self.query_ttl = query_ttl
        self.host = host
        self.port = port

        self.users: dict[int, User] = {self.bot.id: self.bot}
        self.chats: dict[int, Chat] = {}
        self.files: dict[str, FileRecord] = {}
        self.requests: list[RequestRecord] = []
        self.chat_actions: list[tuple[int, str]] = []
        self.webhook = WebhookState()
        self.internal_errors: list[BaseException] = []

        self._messages: dict[tuple[int, int], StoredMessage] = {}
        self._sent: list[StoredMessage] = []
        self._updates: list[JSON] = []
        self._delivered: set[int] = set()
        self._update_ids = itertools.count(1)
        self._allowed_updates: set[str] | None = None
        self._poll_generation = 0
        self._active_polls = 0
        self._no_polls = asyncio.Event()  # set while no getUpdates is held open
        self._no_polls.set()
        self._queries: dict[str, Query] = {}
        self._answers: dict[str, list[JSON]] = {}
        self._commands: dict[tuple[tuple[str, int | None, int | None], str], list[JSON]] = {}
        self._faults: list[Fault] = []
        self._send_times: list[tuple[float, int]] = []
        self._marks: dict[int, Mark] = {}
        self._action_request_index = 0
        self._ids = itertools.count(1)
        self._changed = asyncio.Event()
        self._closing = False
        self._runner: web.AppRunner | None = None
        self._webhook_task: asyncio.Task[None] | None = None
        self._root = ""

        self._handlers: dict[str, Handler] = self._method_table()

    def _method_table(self) -> dict[str, Handler]:
        """Bot API method (lower-cased) -> handler; the assembled server fills it in."""
        raise NotImplementedError

    def _record(self, record: RequestRecord) -> None:
        self.requests.append(record)
        self._notify()

    def _notify(self) -> None:
        self._changed.set()
        self._changed = asyncio.Event()

    def _enqueue(self, kind: str, payload: JSON) -> int:
        update_id = next(self._update_ids)
        self._updates.append({"update_id": update_id, kind: payload})
        self._notify()
        return update_id

    def _user_acted(self, chat: Chat, user: User, *, write: bool = True) -> None:
        if write and chat.type == "private":
            chat.started = True
        if chat.type != "private":
            chat.members.add(user.id)
        self._marks[chat.id] = Mark(
            chat.last_message_id,
            {m.message_id: m.edit_count for m in self.messages(chat.id) if m.outgoing},
        )
        self._action_request_index = len(self.requests)

    def _bot_sees(self, chat: Chat, message: StoredMessage) -> bool:
        if chat.type == "private" or not self.privacy_mode or self.bot.id in chat.admins:
            return True
        if message.reply_to is not None and message.reply_to.outgoing:
            return True
        own = (self.bot.username or "").lower()
        for entity in message.all_entities:
            piece = utf16_slice(message.plain, entity["offset"], entity["length"])
            if entity["type"] == "bot_command":
                _, _, target = piece.partition("@")
                if not target or target.lower() == own:
                    return True
            if entity["type"] == "mention" and piece[1:].lower() == own:
                return True
        return False

    def _store_message(
        self,
        chat: Chat,
        sender: User,
        *,
        outgoing: bool,
        text: str | None = None,
        entities: list[JSON] | None = None,
        caption: str | None = None,
        caption_entities: list[JSON] | None = None,
        reply_markup: JSON | None = None,
        reply_to: StoredMessage | None = None,
        document: JSON | None = None,
        source: str | None = None,
        parse_mode: str | None = None,
    ) -> StoredMessage:
        chat.last_message_id += 1
        message = StoredMessage(
            chat_id=chat.id,
            message_id=chat.last_message_id,
            sender=sender.to_api(),
            chat=chat.to_api(),
            date=int(time.time()),
            outgoing=outgoing,
            text=text,
            entities=entities or [],
            caption=caption,
            caption_entities=caption_entities or [],
            reply_markup=reply_markup,
            reply_to=reply_to,
            document=document,
            source=source,
            parse_mode=parse_mode,
        )
        self._messages[(chat.id, message.message_id)] = message
        if outgoing:
            self._sent.append(message)
            self._send_times.append((time.monotonic(), chat.id))
        return message

    def messages(self, chat_id: int, *, include_deleted: bool = False) -> list[StoredMessage]:
        return [
            m
            for (cid, _), m in sorted(self._messages.items())
            if cid == chat_id and (include_deleted or not m.deleted)
        ]

    def _driver_chat(self, chat_id: int) -> Chat:
        if chat_id not in self.chats:
            raise AssertionError(f"unknown chat {chat_id}: add_user()/add_chat() it first")
        return self.chats[chat_id]

    def _driver_user(self, user_id: int) -> User:
        if user_id not in self.users or user_id == self.bot.id:
            raise AssertionError(f"unknown user {user_id}: add_user() it first")
        return self.users[user_id]

    def _driver_message(
        self, chat_id: int, message_id: int, *, allow_deleted: bool = False
    ) -> StoredMessage:
        message = self._messages.get((chat_id, message_id))
        if message is None or (message.deleted and not allow_deleted):
            raise AssertionError(f"no message {message_id} in chat {chat_id}")
        return message

    def _driver_reply_target(self, chat: Chat, reply_to: int | None) -> StoredMessage | None:
        return None if reply_to is None else self._driver_message(chat.id, reply_to)

    def _chat(self, p: Params, name: str = "chat_id") -> Chat:
        value = p.values.get(name)
        if value is None or value == "":
            raise bad(f"{name} is empty")
        if isinstance(value, str) and value.startswith("@"):
            for candidate in self.chats.values():
                if candidate.type != "private" and f"@{candidate.username}" == value:
                    return candidate
            raise bad("chat not found")
        try:
            chat_id = int(value)
        except (TypeError, ValueError):
            raise bad("chat not found") from None
        chat = self.chats.get(chat_id)
        if chat is None:
            raise bad("chat not found")
        return chat

    def _writable_chat(self, p: Params) -> Chat:
        chat = self._chat(p)
        if chat.type == "private":
            if chat.blocked:
                raise ApiError(HTTPStatus.FORBIDDEN, "Forbidden: bot was blocked by the user")
            if not chat.started:
                raise ApiError(
                    HTTPStatus.FORBIDDEN, "Forbidden: bot can't initiate conversation with a user"
                )
        return chat

    def _formatted(
        self,
        raw: Any,
        parse_mode: Any,
        entities: Any,
        *,
        caption: bool = False,
    ) -> tuple[str, list[JSON]]:
        """Apply parse_mode/entities, trimming and the length limits; (plain text, entities)."""
        if raw is not None and not isinstance(raw, str):
            raise bad("message text must be a string")
        text = raw or ""
        mode = (parse_mode or "").lower() if isinstance(parse_mode, str) else ""
        if isinstance(entities, str):
            try:
                entities = json.loads(entities)
            except ValueError:
                raise bad("can't parse entities JSON object") from None
        try:
            if entities is not None:  # explicit entities win over parse_mode, as on Telegram
                parsed = text, self._explicit_entities(text, entities)
            elif mode == "":
                parsed = text, []
            elif mode == "html":
                parsed = parse_html(text, strict=self.strict_html)
            elif mode == "markdownv2":
                parsed = parse_markdown_v2(text)
            elif mode == "markdown":
                parsed = parse_markdown(text)
            else:
                raise bad("unsupported parse_mode")
        except EntityParseError as err:
            raise bad(f"can't parse entities: {err}") from None
        text, parsed_entities = trim(*parsed)
        for entity in parsed_entities:
            known = self.users.get(entity.get("user", {}).get("id", 0))
            if entity["type"] == "text_mention" and known is not None:
                entity["user"] = known.to_api()
        length = utf16_len(text)
        if caption:
            if length > CAPTION_LIMIT:
                raise bad("message caption is too long")
        elif length == 0:
            raise bad("message text is empty")
        elif length > TEXT_LIMIT:
            raise bad("message is too long")
        return text, parsed_entities

    @staticmethod
    def _explicit_entities(text: str, entities: Any) -> list[JSON]:
        if not isinstance(entities, list):
            raise bad("can't parse entities JSON object")
        total = utf16_len(text)
        result: list[JSON] = []
        for entity in entities:
            if not isinstance(entity, dict) or not isinstance(entity.get("type"), str):
                raise bad("can't parse MessageEntity JSON object")
            offset, length = entity.get("offset"), entity.get("length")
            if not isinstance(offset, int) or not isinstance(length, int):
                raise bad("can't parse MessageEntity JSON object")
            if length > 0 and offset >= 0 and offset + length <= total:
                result.append(entity)
        return sorted(result, key=lambda e: (e["offset"], -e["length"]))
