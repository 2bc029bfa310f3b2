"""Bot API methods that send, edit and delete messages."""

from __future__ import annotations

import contextlib
import time
from typing import Any

from .files import FilesMixin
from .flood import FloodMixin
from .models import (
    Chat,
    StoredMessage,
)
from .protocol import (
    JSON,
    NOT_MODIFIED,
    ApiError,
    Params,
    bad,
)
from .validation import (
    validate_reply_markup,
)


class MessagesMixin(FilesMixin, FloodMixin):
    """sendMessage, sendDocument, the edit methods and the delete methods."""

    async def _send_message(self, p: Params) -> JSON:
        chat = self._writable_chat(p)
        text, entities = self._formatted(p.text("text"), p.text("parse_mode"), p.json("entities"))
        markup = validate_reply_markup(p.json("reply_markup"))
        reply_to = self._reply_target(chat, p)
        self._flood_gate(chat)
        message = self._store_message(
            chat,
            self.bot,
            outgoing=True,
            text=text,
            entities=entities,
            reply_markup=markup,
            reply_to=reply_to,
            source=p.text("text"),
            parse_mode=p.text("parse_mode"),
        )
        return message.to_api()

    async def _send_document(self, p: Params) -> JSON:
        chat = self._writable_chat(p)
        record = self._document_input(p)
        caption: str | None = None
        entities: list[JSON] = []
        if p.has("caption"):
            caption, entities = self._formatted(
                p.text("caption"), p.text("parse_mode"), p.json("caption_entities"), caption=True
            )
        markup = validate_reply_markup(p.json("reply_markup"))
        reply_to = self._reply_target(chat, p)
        self._flood_gate(chat)
        message = self._store_message(
            chat,
            self.bot,
            outgoing=True,
            caption=caption,
            caption_entities=entities,
            reply_markup=markup,
            reply_to=reply_to,
            document=record.document(),
            source=p.text("caption"),
            parse_mode=p.text("parse_mode"),
        )
        return message.to_api()

    async def _edit_message_text(self, p: Params) -> JSON:
        message = self._message_to_edit(p)
        if message.text is None:
            raise bad("there is no text in the message to edit")
        text, entities = self._formatted(p.text("text"), p.text("parse_mode"), p.json("entities"))
        # Omitting reply_markup removes the keyboard, exactly as on Telegram.
        markup = validate_reply_markup(p.json("reply_markup"), inline_only=True)
        if (text, entities, markup) == (message.text, message.entities, message.reply_markup):
            raise bad(NOT_MODIFIED.removeprefix("Bad Request: "))
        message.text, message.entities, message.reply_markup = text, entities, markup
        message.source, message.parse_mode = p.text("text"), p.text("parse_mode")
        return self._edited(message)

    async def _edit_message_caption(self, p: Params) -> JSON:
        message = self._message_to_edit(p)
        if message.document is None:
            raise bad("there is no caption in the message to edit")
        caption, entities = self._formatted(
            p.text("caption"), p.text("parse_mode"), p.json("caption_entities"), caption=True
        )
        markup = validate_reply_markup(p.json("reply_markup"), inline_only=True)
        current = (message.caption or "", message.caption_entities, message.reply_markup)
        if (caption, entities, markup) == current:
            raise bad(NOT_MODIFIED.removeprefix("Bad Request: "))
        message.caption, message.caption_entities, message.reply_markup = caption, entities, markup
        return self._edited(message)

    async def _edit_message_reply_markup(self, p: Params) -> JSON:
        message = self._message_to_edit(p)
        markup = validate_reply_markup(p.json("reply_markup"), inline_only=True)
        if markup == message.reply_markup:
            raise bad(NOT_MODIFIED.removeprefix("Bad Request: "))
        message.reply_markup = markup
        return self._edited(message)

    def _edited(self, message: StoredMessage) -> JSON:
        message.edit_count += 1
        message.edit_date = int(time.time())
        return message.to_api()

    def _deletable(self, chat: Chat, message_id: int) -> StoredMessage:
        message = self._messages.get((chat.id, message_id))
        if message is None or message.deleted:
            raise bad("message to delete not found")
        if not (message.outgoing or chat.type == "private" or self.bot.id in chat.admins):
            raise bad("message can't be deleted")
        return message

    async def _delete_message(self, p: Params) -> bool:
        chat = self._chat(p)
        self._deletable(chat, p.required_integer("message_id")).deleted = True
        return True

    async def _delete_messages(self, p: Params) -> bool:
        chat = self._chat(p)
        ids = p.json("message_ids")
        if not isinstance(ids, list) or not 1 <= len(ids) <= 100:
            raise bad("message_ids must be a list of 1-100 identifiers")
        deleted = 0
        for message_id in ids:
            with contextlib.suppress(ApiError):
                self._deletable(chat, int(message_id)).deleted = True
                deleted += 1
        if not deleted:
            raise bad("message to delete not found")
        return True

    def _reply_target(self, chat: Chat, p: Params) -> StoredMessage | None:
        parameters = p.json("reply_parameters")
        allow_missing = p.flag("allow_sending_without_reply")
        message_id: Any = p.integer("reply_to_message_id")
        target_chat = chat
        if parameters is not None:
            if not isinstance(parameters, dict) or "message_id" not in parameters:
                raise bad("can't parse reply parameters JSON object")
            message_id = parameters["message_id"]
            allow_missing = bool(parameters.get("allow_sending_without_reply", allow_missing))
            if parameters.get("chat_id") is not None:
                target_chat = self._chat(Params({"chat_id": parameters["chat_id"]}, {}))
        if message_id is None:
            return None
        target = self._messages.get((target_chat.id, int(message_id)))
        if target is None or target.deleted:
            if allow_missing:
                return None
            raise bad("message to be replied not found")
        return target

    def _message_to_edit(self, p: Params) -> StoredMessage:
        if p.has("inline_message_id"):
            raise bad("MESSAGE_ID_INVALID")  # inline messages are not simulated
        chat = self._chat(p)
        message_id = p.integer("message_id")
        if message_id is None:
            raise bad("message identifier is not specified")
        message = self._messages.get((chat.id, message_id))
        if message is None or message.deleted:
            raise bad("message to edit not found")
        if not message.outgoing:
            raise bad("message can't be edited")
        return message
