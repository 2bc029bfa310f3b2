"""The simulated world: users, chats, messages, files and the server's own records."""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from typing import Any, Literal

from .entities import utf16_slice
from .protocol import JSON


@dataclass
class User:
    id: int
    first_name: str
    username: str | None = None
    is_bot: bool = False
    last_name: str | None = None
    language_code: str | None = None

    def to_api(self) -> JSON:
        result: JSON = {"id": self.id, "is_bot": self.is_bot, "first_name": self.first_name}
        for key in ("last_name", "username", "language_code"):
            if getattr(self, key) is not None:
                result[key] = getattr(self, key)
        return result


ChatType = Literal["private", "group", "supergroup", "channel"]


@dataclass
class Chat:
    id: int
    type: ChatType
    title: str | None = None
    username: str | None = None
    first_name: str | None = None
    last_name: str | None = None
    owner: int | None = None
    admins: list[int] = field(default_factory=list)
    members: set[int] = field(default_factory=set)
    is_forum: bool = False
    started: bool = True  # private chats: has the user started the bot?
    blocked: bool = False  # private chats: has the user blocked the bot?
    last_message_id: int = 0

    def to_api(self) -> JSON:
        result: JSON = {"id": self.id, "type": self.type}
        for key in ("title", "username", "first_name", "last_name"):
            if getattr(self, key) is not None:
                result[key] = getattr(self, key)
        if self.is_forum:
            result["is_forum"] = True
        return result


@dataclass(eq=False)
class StoredMessage:
    """A message in the simulated world, incoming or sent by the bot.

    ``text``/``caption`` are the plain texts *after* entity parsing, ``entities`` /
    ``caption_entities`` the Bot API entities (UTF-16 offsets), ``source`` what the bot sent.
    """

    chat_id: int
    message_id: int
    sender: JSON
    chat: JSON
    date: int
    outgoing: bool
    text: str | None = None
    entities: list[JSON] = field(default_factory=list)
    caption: str | None = None
    caption_entities: list[JSON] = field(default_factory=list)
    reply_markup: JSON | None = None
    reply_to: StoredMessage | None = None
    document: JSON | None = None
    source: str | None = None
    parse_mode: str | None = None
    edit_count: int = 0
    edit_date: int | None = None
    deleted: bool = False
    update_id: int | None = None  # incoming: the update that carried it (None: bot didn't see it)

    @property
    def reply_to_message_id(self) -> int | None:
        return None if self.reply_to is None else self.reply_to.message_id

    @property
    def plain(self) -> str:
        """The visible text: ``text`` for text messages, else the caption ("" if none)."""
        return self.text if self.text is not None else (self.caption or "")

    @property
    def all_entities(self) -> list[JSON]:
        return self.entities if self.text is not None else self.caption_entities

    def entity_texts(self, entity_type: str) -> list[str]:
        """The pieces of the visible text covered by entities of this type, e.g. "bold"."""
        return [
            utf16_slice(self.plain, e["offset"], e["length"])
            for e in self.all_entities
            if e["type"] == entity_type
        ]

    @property
    def bold(self) -> list[str]:
        return self.entity_texts("bold")

    @property
    def links(self) -> list[tuple[str, str]]:
        """(visible text, url) of every text_link."""
        return [
            (utf16_slice(self.plain, e["offset"], e["length"]), e["url"])
            for e in self.all_entities
            if e["type"] == "text_link"
        ]

    @property
    def inline_buttons(self) -> list[JSON]:
        """All buttons of the inline keyboard, row by row."""
        if not self.reply_markup or "inline_keyboard" not in self.reply_markup:
            return []
        return [button for row in self.reply_markup["inline_keyboard"] for button in row]

    @property
    def callback_data(self) -> list[str]:
        return [b["callback_data"] for b in self.inline_buttons if "callback_data" in b]

    def button(self, text: str) -> JSON:
        """The inline button with this label (AssertionError if there is none)."""
        for candidate in self.inline_buttons:
            if candidate.get("text") == text:
                return candidate
        labels = [b.get("text") for b in self.inline_buttons]
        raise AssertionError(f"message {self.message_id} has no button {text!r}; it has {labels}")

    def to_api(self, *, include_reply: bool = True) -> JSON:
        result: JSON = {
            "message_id": self.message_id,
            "from": self.sender,
            "chat": self.chat,
            "date": self.date,
        }
        if include_reply and self.reply_to is not None:
            result["reply_to_message"] = self.reply_to.to_api(include_reply=False)
        if self.edit_date is not None:
            result["edit_date"] = self.edit_date
        if self.text is not None:
            result["text"] = self.text
            if self.entities:
                result["entities"] = self.entities
        if self.document is not None:
            result["document"] = self.document
        if self.caption:
            result["caption"] = self.caption
            if self.caption_entities:
                result["caption_entities"] = self.caption_entities
        if self.reply_markup and "inline_keyboard" in self.reply_markup:
            result["reply_markup"] = self.reply_markup
        return result


@dataclass
class FileRecord:
    file_id: str
    file_unique_id: str
    file_path: str
    data: bytes
    file_name: str | None = None
    mime_type: str | None = None

    def document(self) -> JSON:
        result: JSON = {
            "file_id": self.file_id,
            "file_unique_id": self.file_unique_id,
            "file_size": len(self.data),
        }
        if self.file_name is not None:
            result["file_name"] = self.file_name
        if self.mime_type is not None:
            result["mime_type"] = self.mime_type
        return result


@dataclass
class RequestRecord:
    """One Bot API call as the server saw it; ``status`` 0 means no HTTP response was sent."""

    method: str
    params: JSON
    status: int
    description: str | None = None
    result: Any = None
    injected: bool = False
    at: float = field(default_factory=time.monotonic)

    @property
    def ok(self) -> bool:
        return self.status == 200


@dataclass
class WebhookState:
    url: str = ""
    secret_token: str | None = None
    max_connections: int = 40
    allowed_updates: list[str] | None = None
    ip_address: str | None = None
    last_error_date: int | None = None
    last_error_message: str | None = None
    deliveries: list[tuple[int, int]] = field(default_factory=list)  # (update_id, HTTP status)


@dataclass
class Query:
    kind: Literal["callback_query", "inline_query"]
    user_id: int
    created: float
    answered: bool = False


@dataclass
class Fault:
    method: str  # lower-cased method name, or "*"
    kind: Literal["fail", "delay", "drop"]
    remaining: int
    status: int = 0
    retry_after: int = 0
    description: str = ""
    seconds: float = 0.0
    processed: bool = False


@dataclass
class Mark:
    """What a chat looked like at the test's last action in it (see wait_for_reply)."""

    last_message_id: int
    edit_counts: dict[int, int]
