"""The test-facing API that observes the bot and waits for what it does."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Callable
from typing import TypeVar

from .models import (
    RequestRecord,
    StoredMessage,
)
from .protocol import (
    JSON,
)
from .state import ServerState
from .validation import (
    scope_key,
)

T = TypeVar("T")


class ObserverMixin(ServerState):
    """What the bot sent and asked, and waits for it."""

    @property
    def sent(self) -> list[StoredMessage]:
        """Every message the bot sent, in order (edits update them in place)."""
        return list(self._sent)

    @property
    def rejected(self) -> list[RequestRecord]:
        """Requests answered with a 4xx that was not injected by fail_next()."""
        return [r for r in self.requests if 400 <= r.status < 500 and not r.injected]

    def assert_nothing_rejected(self) -> None:
        if self.rejected:
            lines = [f"{r.method}: {r.description} params={r.params}" for r in self.rejected]
            raise AssertionError("the Bot API rejected requests:\n" + "\n".join(lines))

    def calls(self, method: str, *, ok_only: bool = False) -> list[RequestRecord]:
        """Logged requests of this method (case-insensitive)."""
        return [
            r for r in self.requests if r.method.lower() == method.lower() and (r.ok or not ok_only)
        ]

    def message(self, chat_id: int, message_id: int) -> StoredMessage:
        return self._driver_message(chat_id, message_id, allow_deleted=True)

    def answers_for(self, query_id: str) -> list[JSON]:
        """Parameters of the accepted answerCallbackQuery/answerInlineQuery calls for a query."""
        return list(self._answers.get(query_id, []))

    def commands(self, scope: JSON | None = None, language_code: str = "") -> list[JSON]:
        """The command list set for exactly this scope and language (like getMyCommands)."""
        return list(self._commands.get((scope_key(scope), language_code), []))

    def visible_commands(self, chat_id: int, user_id: int, language_code: str = "") -> list[JSON]:
        """The command menu this user sees in this chat, by Telegram's scope resolution order."""
        chat = self._driver_chat(chat_id)
        if chat.type == "private":
            keys: list[tuple[str, int | None, int | None]] = [
                ("chat", chat_id, None),
                ("all_private_chats", None, None),
                ("default", None, None),
            ]
        else:
            is_admin = user_id in chat.admins or user_id == chat.owner
            keys = [("chat_member", chat_id, user_id)]
            keys += [("chat_administrators", chat_id, None)] if is_admin else []
            keys += [("chat", chat_id, None)]
            keys += [("all_chat_administrators", None, None)] if is_admin else []
            keys += [("all_group_chats", None, None), ("default", None, None)]
        for key in keys:
            for language in ([language_code] if language_code else []) + [""]:
                found = self._commands.get((key, language))
                if found:
                    return list(found)
        return []

    @property
    def active_polls(self) -> int:
        """getUpdates calls the server holds open now (long polls waiting for updates)."""
        return self._active_polls

    @property
    def pending_updates(self) -> list[JSON]:
        """Updates not yet confirmed by a getUpdates offset (or webhook delivery)."""
        return list(self._updates)

    async def wait_for(
        self, predicate: Callable[[], T | None], timeout: float = 10.0, what: str = "condition"
    ) -> T:
        """Wait until ``predicate()`` returns something truthy (re-checked after every request
        and update) and return it; TimeoutError with the recent requests otherwise."""
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        while True:
            changed = self._changed
            value = predicate()
            if value:
                return value
            remaining = deadline - loop.time()
            if remaining <= 0:
                recent = "\n".join(
                    f"  {r.method} -> {r.status} {r.description or ''}" for r in self.requests[-15:]
                )
                raise TimeoutError(f"no {what} within {timeout}s; last requests:\n{recent}")
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(changed.wait(), remaining)

    async def wait_for_reply(
        self, chat_id: int, after_message_id: int | None = None, timeout: float = 10.0
    ) -> StoredMessage:
        """The bot's first message in the chat after ``after_message_id`` (default: after the
        test's last send_text/upload_document/press_button/edit_text in that chat)."""
        if after_message_id is None:
            mark = self._marks.get(chat_id)
            after_message_id = mark.last_message_id if mark else 0
        after = after_message_id

        def reply() -> StoredMessage | None:
            return next(
                (
                    m
                    for m in self.messages(chat_id, include_deleted=True)
                    if m.outgoing and m.message_id > after
                ),
                None,
            )

        return await self.wait_for(reply, timeout, f"bot message in chat {chat_id} after #{after}")

    async def wait_for_edit(
        self, chat_id: int, message_id: int, timeout: float = 10.0
    ) -> StoredMessage:
        """Wait until the bot edits this message (relative to the test's last action in the
        chat, or to now if there was none)."""
        message = self._driver_message(chat_id, message_id, allow_deleted=True)
        mark = self._marks.get(chat_id)
        if mark is not None and message_id in mark.edit_counts:
            baseline = mark.edit_counts[message_id]
        else:
            baseline = message.edit_count

        def edited() -> StoredMessage | None:
            return message if message.edit_count > baseline else None

        return await self.wait_for(edited, timeout, f"edit of message {message_id}")

    async def wait_for_request(
        self,
        method: str,
        predicate: Callable[[RequestRecord], bool] | None = None,
        timeout: float = 10.0,
        since: int | None = None,
    ) -> RequestRecord:
        """The first logged ``method`` request (matching ``predicate``) from index ``since`` of
        ``requests`` (default: since the test's last user action)."""
        start = self._action_request_index if since is None else since

        def found() -> RequestRecord | None:
            for record in self.requests[start:]:
                if record.method.lower() == method.lower() and (
                    predicate is None or predicate(record)
                ):
                    return record
            return None

        return await self.wait_for(found, timeout, f"{method} request")

    async def wait_for_answer(self, query_id: str, timeout: float = 10.0) -> JSON:
        """The parameters of the accepted answer to a callback or inline query."""

        def answer() -> JSON | None:
            answers = self._answers.get(query_id)
            return answers[0] if answers else None

        return await self.wait_for(answer, timeout, f"answer to query {query_id}")

    async def wait_for_delivery(self, update_id: int, timeout: float = 10.0) -> None:
        """Wait until the bot has fetched this update (via getUpdates or the webhook)."""
        await self.wait_for(lambda: update_id in self._delivered, timeout, f"update {update_id}")
