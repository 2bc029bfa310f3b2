"""Keyboard, inline-result and command-scope checks, with Telegram's error texts."""

from __future__ import annotations

from typing import Any, Final

from .entities import checked_link
from .protocol import CALLBACK_DATA_LIMIT, JSON, ApiError, bad

_INLINE_BUTTON_ACTIONS: Final = (
    "url", "callback_data", "web_app", "login_url", "switch_inline_query",
    "switch_inline_query_current_chat", "switch_inline_query_chosen_chat", "copy_text",
    "callback_game", "pay",
)  # fmt: skip
INLINE_RESULT_TYPES: Final = frozenset(
    {
        "article", "photo", "gif", "mpeg4_gif", "video", "audio", "voice", "document",
        "location", "venue", "contact", "game", "sticker",
    }
)  # fmt: skip
CHAT_ACTIONS: Final = frozenset(
    {
        "typing", "upload_photo", "record_video", "upload_video", "record_voice", "upload_voice",
        "upload_document", "choose_sticker", "find_location", "record_video_note",
        "upload_video_note",
    }
)  # fmt: skip
_COMMAND_SCOPES: Final = frozenset(
    {
        "default", "all_private_chats", "all_group_chats", "all_chat_administrators", "chat",
        "chat_administrators", "chat_member",
    }
)  # fmt: skip
UPDATE_TYPES_OFF_BY_DEFAULT: Final = frozenset(
    {"chat_member", "message_reaction", "message_reaction_count"}
)
NOOP_METHODS: Final = frozenset(
    {
        "setmydescription", "setmyshortdescription", "setmyname", "setchatmenubutton",
        "setmydefaultadministratorrights", "pinchatmessage", "unpinchatmessage",
        "unpinallchatmessages", "setmessagereaction",
    }
)  # fmt: skip


def _button_error(detail: str) -> ApiError:
    return bad(f"can't parse inline keyboard button: {detail}")


def validate_reply_markup(markup: Any, *, inline_only: bool = False) -> JSON | None:
    """Check a reply_markup like Telegram does; returns it (None for no markup)."""
    if markup is None:
        return None
    if not isinstance(markup, dict):
        raise bad("can't parse reply keyboard markup JSON object")
    if "inline_keyboard" in markup:
        _validate_inline_keyboard(markup["inline_keyboard"])
        return markup
    if inline_only:
        raise bad("inline keyboard expected")
    if "keyboard" in markup:
        rows = markup["keyboard"]
        if not isinstance(rows, list) or not all(isinstance(row, list) for row in rows):
            raise bad('Field "keyboard" must be an Array of Arrays')
        for row in rows:
            for button in row:
                label = button if isinstance(button, str) else None
                if isinstance(button, dict):
                    label = button.get("text")
                if not isinstance(label, str) or not label:
                    raise bad("can't parse keyboard button: Text must be non-empty")
        return markup
    if markup.get("remove_keyboard") is True or markup.get("force_reply") is True:
        return markup
    raise bad("can't parse reply keyboard markup JSON object")


def _validate_inline_keyboard(rows: Any) -> None:
    if not isinstance(rows, list) or not all(isinstance(row, list) for row in rows):
        raise bad('Field "inline_keyboard" of the InlineKeyboardMarkup must be an Array of Arrays')
    if sum(len(row) for row in rows) > 100:
        raise bad("REPLY_MARKUP_TOO_LONG")
    for row in rows:
        for button in row:
            if not isinstance(button, dict):
                raise _button_error("InlineKeyboardButton must be an Object")
            if "text" not in button:
                raise _button_error('Can\'t find field "text"')
            if not isinstance(button["text"], str):
                raise _button_error('Field "text" must be of type String')
            if not button["text"].strip():
                raise _button_error("Text must be non-empty")
            # Telegram treats an empty callback_data as absent.
            actions = [a for a in _INLINE_BUTTON_ACTIONS if button.get(a) not in (None, "")]
            if not actions:
                raise _button_error("Text buttons are unallowed in the inline keyboard")
            if len(actions) > 1:
                raise _button_error(f"exactly one of {actions} may be used")
            data = button.get("callback_data")
            if data is not None:
                if not isinstance(data, str):
                    raise _button_error('Field "callback_data" must be of type String')
                if len(data.encode()) > CALLBACK_DATA_LIMIT:
                    raise bad("BUTTON_DATA_INVALID")
            url = button.get("url")
            if url is not None and (not isinstance(url, str) or checked_link(url) is None):
                raise bad("BUTTON_URL_INVALID")


def scope_key(scope: Any) -> tuple[str, int | None, int | None]:
    if scope is None:
        return ("default", None, None)
    if not isinstance(scope, dict) or scope.get("type") not in _COMMAND_SCOPES:
        raise bad("can't parse BotCommandScope JSON object")
    chat_id = scope.get("chat_id")
    user_id = scope.get("user_id")
    return (scope["type"], chat_id, user_id)
