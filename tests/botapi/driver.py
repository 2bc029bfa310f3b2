"""The test-facing API that builds the world and plays its users."""

from __future__ import annotations

import time
from collections.abc import Iterable, Sequence

from .entities import detect_entities, utf16_len
from .files import FilesMixin
from .models import (
    Chat,
    ChatType,
    Query,
    StoredMessage,
    User,
)
from .protocol import (
    JSON,
    TEXT_LIMIT,
)


class DriverMixin(FilesMixin):
    """Users, chats and what users do: write, upload, join, leave, edit, press, query inline."""

    def add_user(
        self,
        id: int,
        first_name: str,
        username: str | None = None,
        is_bot: bool = False,
        *,
        last_name: str | None = None,
        language_code: str | None = None,
        started: bool = False,
    ) -> User:
        """Add a user and their private chat with the bot (id == user id).

        Until the user writes to the bot (or ``started=True``), the bot can't message them,
        like on Telegram ("bot can't initiate conversation with a user").
        """
        if id <= 0:
            raise ValueError("user ids are positive")
        user = User(id, first_name, username, is_bot, last_name, language_code)
        self.users[id] = user
        if not is_bot:
            self.chats[id] = Chat(
                id,
                "private",
                username=username,
                first_name=first_name,
                last_name=last_name,
                members={id},
                started=started,
            )
        return user

    def add_chat(
        self,
        id: int,
        type: ChatType,
        title: str | None = None,
        admins: Sequence[int] = (),
        *,
        owner: int | None = None,
        members: Iterable[int] = (),
        username: str | None = None,
        is_forum: bool = False,
    ) -> Chat:
        """Add a group/supergroup/channel the bot is in. Put ``api.bot_id`` in ``admins`` to
        make the bot an administrator (it then sees every message despite privacy mode)."""
        if type == "private":
            raise ValueError("private chats come from add_user()")
        if id >= 0:
            raise ValueError("group, supergroup and channel ids are negative")
        chat = Chat(
            id,
            type,
            title=title or f"Chat {id}",
            username=username,
            owner=owner,
            admins=list(admins),
            members={*members, *admins, *([owner] if owner else [])},
            is_forum=is_forum,
        )
        self.chats[id] = chat
        return chat

    def set_admins(self, chat_id: int, admins: Sequence[int]) -> None:
        chat = self._driver_chat(chat_id)
        chat.admins = list(admins)
        chat.members.update(admins)

    def block_bot(self, user_id: int, blocked: bool = True) -> None:
        """The user blocks (or unblocks) the bot: sends to them fail with 403."""
        self._driver_chat(user_id).blocked = blocked

    async def send_text(
        self,
        chat_id: int,
        user_id: int,
        text: str,
        reply_to: int | None = None,
        entities: list[JSON] | None = None,
    ) -> StoredMessage:
        """A user writes ``text`` in a chat. Entities are auto-detected unless given.

        Returns the stored message; its ``update_id`` is None if privacy mode hid it from the bot.
        """
        chat, user = self._driver_chat(chat_id), self._driver_user(user_id)
        if not 0 < utf16_len(text.strip()) <= TEXT_LIMIT:
            raise AssertionError("a Telegram text message has 1-4096 characters")
        message = self._store_message(
            chat,
            user,
            outgoing=False,
            text=text,
            entities=detect_entities(text) if entities is None else entities,
            reply_to=self._driver_reply_target(chat, reply_to),
        )
        self._user_acted(chat, user)
        if self._bot_sees(chat, message):
            message.update_id = self._enqueue("message", message.to_api())
        return message

    async def upload_document(
        self,
        chat_id: int,
        user_id: int,
        filename: str,
        data: bytes,
        mime_type: str = "application/octet-stream",
        caption: str | None = None,
        reply_to: int | None = None,
    ) -> StoredMessage:
        """A user sends a file; the bot can fetch it with getFile and the file URL."""
        chat, user = self._driver_chat(chat_id), self._driver_user(user_id)
        record = self._store_file(data, filename, mime_type)
        message = self._store_message(
            chat,
            user,
            outgoing=False,
            caption=caption,
            caption_entities=detect_entities(caption) if caption else [],
            document=record.document(),
            reply_to=self._driver_reply_target(chat, reply_to),
        )
        self._user_acted(chat, user)
        if self._bot_sees(chat, message):
            message.update_id = self._enqueue("message", message.to_api())
        return message

    async def join(self, chat_id: int, user_id: int) -> int:
        """A user joins a group: the member list changes and the bot gets the service message
        (privacy mode never hides service messages); returns its update id."""
        return self._membership(chat_id, user_id, joined=True)

    async def leave(self, chat_id: int, user_id: int) -> int:
        """A user leaves a group; the bot gets the service message. Returns its update id."""
        return self._membership(chat_id, user_id, joined=False)

    def _membership(self, chat_id: int, user_id: int, *, joined: bool) -> int:
        chat, user = self._driver_chat(chat_id), self._driver_user(user_id)
        if chat.type == "private":
            raise AssertionError("only groups have members joining and leaving")
        if joined:
            chat.members.add(user_id)
        else:
            chat.members.discard(user_id)
            chat.admins = [a for a in chat.admins if a != user_id]
        message = self._store_message(chat, user, outgoing=False)
        payload = message.to_api()
        if joined:
            payload["new_chat_members"] = [user.to_api()]
        else:
            payload["left_chat_member"] = user.to_api()
        message.update_id = self._enqueue("message", payload)
        return message.update_id

    async def edit_text(self, chat_id: int, user_id: int, message_id: int, text: str) -> int:
        """A user edits their own earlier message; returns the edited_message update id."""
        chat, user = self._driver_chat(chat_id), self._driver_user(user_id)
        message = self._driver_message(chat_id, message_id)
        if message.outgoing or message.sender["id"] != user_id or message.text is None:
            raise AssertionError(f"user {user_id} can't edit message {message_id}")
        message.text, message.entities = text, detect_entities(text)
        message.edit_count += 1
        message.edit_date = int(time.time())
        self._user_acted(chat, user)
        return self._enqueue("edited_message", message.to_api())

    async def press_button(
        self,
        chat_id: int,
        user_id: int,
        message_id: int,
        callback_data: str | None = None,
        *,
        text: str | None = None,
    ) -> str:
        """A user presses an inline button (by callback_data or by its label ``text``) on a bot
        message; returns the callback query id. Fails the test if there is no such button."""
        chat, user = self._driver_chat(chat_id), self._driver_user(user_id)
        message = self._driver_message(chat_id, message_id)
        if not message.outgoing:
            raise AssertionError(f"message {message_id} in chat {chat_id} is not the bot's")
        if text is not None:
            callback_data = message.button(text).get("callback_data")
        if callback_data is None or callback_data not in message.callback_data:
            raise AssertionError(
                f"message {message_id} has no button with callback_data {callback_data!r}; "
                f"it has {message.callback_data}"
            )
        query_id = str(10**15 + next(self._ids))
        self._queries[query_id] = Query("callback_query", user.id, time.monotonic())
        self._user_acted(chat, user, write=False)
        self._enqueue(
            "callback_query",
            {
                "id": query_id,
                "from": user.to_api(),
                "message": message.to_api(),
                "chat_instance": str(abs(chat_id) * 7919 + 17),
                "data": callback_data,
            },
        )
        return query_id

    async def inline_query(
        self, user_id: int, query: str, offset: str = "", chat_type: str | None = "sender"
    ) -> str:
        """A user types ``@bot query``; returns the inline query id."""
        if not self.inline_mode:
            raise AssertionError("inline mode is off for this bot (BotFather /setinline)")
        user = self._driver_user(user_id)
        query_id = str(2 * 10**15 + next(self._ids))
        self._queries[query_id] = Query("inline_query", user.id, time.monotonic())
        self._action_request_index = len(self.requests)
        payload: JSON = {"id": query_id, "from": user.to_api(), "query": query, "offset": offset}
        if chat_type is not None:
            payload["chat_type"] = chat_type
        self._enqueue("inline_query", payload)
        return query_id
