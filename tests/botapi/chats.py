"""What the bot can ask about itself and chats: getMe, getChat*, commands, chat actions."""

from __future__ import annotations

import re

from .models import (
    Chat,
)
from .protocol import (
    JSON,
    Params,
    bad,
)
from .state import ServerState
from .validation import (
    CHAT_ACTIONS,
    scope_key,
)


class ChatsMixin(ServerState):
    """getMe, getChat, members and administrators, command lists, chat actions."""

    async def _get_me(self, p: Params) -> JSON:
        return {
            **self.bot.to_api(),
            "can_join_groups": True,
            "can_read_all_group_messages": not self.privacy_mode,
            "supports_inline_queries": self.inline_mode,
            "can_connect_to_business": False,
            "has_main_web_app": False,
        }

    async def _send_chat_action(self, p: Params) -> bool:
        chat = self._writable_chat(p)
        action = p.text("action")
        if action not in CHAT_ACTIONS:
            raise bad("wrong parameter action in request")
        self.chat_actions.append((chat.id, action))
        return True

    async def _get_chat(self, p: Params) -> JSON:
        chat = self._chat(p)
        return {
            **chat.to_api(),
            "accent_color_id": 0,
            "max_reaction_count": 11,
            "accepted_gift_types": {
                "unlimited_gifts": False,
                "limited_gifts": False,
                "unique_gifts": False,
                "premium_subscription": False,
                "gifts_from_channels": False,
            },
        }

    async def _get_chat_member(self, p: Params) -> JSON:
        return self._member(self._chat(p), p.required_integer("user_id"))

    async def _get_chat_administrators(self, p: Params) -> list[JSON]:
        chat = self._chat(p)
        if chat.type == "private":
            raise bad("there are no administrators in the private chat")
        ids = ([chat.owner] if chat.owner is not None else []) + chat.admins
        return [self._member(chat, user_id) for user_id in dict.fromkeys(ids)]

    async def _get_chat_member_count(self, p: Params) -> int:
        chat = self._chat(p)
        return 2 if chat.type == "private" else len(chat.members | {self.bot.id})

    def _member(self, chat: Chat, user_id: int) -> JSON:
        user = self.users.get(user_id)
        if user is None:
            raise bad("user not found")
        if chat.owner == user_id:
            return {"status": "creator", "user": user.to_api(), "is_anonymous": False}
        if user_id in chat.admins:
            return {
                "status": "administrator",
                "user": user.to_api(),
                "can_be_edited": False,
                "is_anonymous": False,
                "can_manage_chat": True,
                "can_delete_messages": True,
                "can_manage_video_chats": True,
                "can_restrict_members": True,
                "can_promote_members": False,
                "can_change_info": True,
                "can_invite_users": True,
                "can_post_stories": False,
                "can_edit_stories": False,
                "can_delete_stories": False,
                "can_pin_messages": True,
            }
        present = user_id in chat.members or user_id == self.bot.id
        if chat.type == "private":
            present = user_id in (chat.id, self.bot.id)
        return {"status": "member" if present else "left", "user": user.to_api()}

    async def _set_my_commands(self, p: Params) -> bool:
        commands = p.json("commands")
        if not isinstance(commands, list):
            raise bad("can't parse commands JSON object")
        if len(commands) > 100:
            raise bad("BOT_COMMANDS_TOO_MUCH")
        cleaned: list[JSON] = []
        for command in commands:
            if not isinstance(command, dict):
                raise bad("can't parse BotCommand JSON object")
            name, description = command.get("command"), command.get("description")
            if not isinstance(name, str) or not re.fullmatch(r"[a-z0-9_]{1,32}", name):
                raise bad("BOT_COMMAND_INVALID")
            if not isinstance(description, str) or not 1 <= len(description.strip()) <= 256:
                raise bad("BOT_COMMAND_DESCRIPTION_INVALID")
            cleaned.append({"command": name, "description": description})
        key = self._command_key(p)
        if cleaned:
            self._commands[key] = cleaned
        else:
            self._commands.pop(key, None)
        return True

    async def _get_my_commands(self, p: Params) -> list[JSON]:
        return list(self._commands.get(self._command_key(p), []))

    async def _delete_my_commands(self, p: Params) -> bool:
        self._commands.pop(self._command_key(p), None)
        return True

    def _command_key(self, p: Params) -> tuple[tuple[str, int | None, int | None], str]:
        language = p.text("language_code") or ""
        if language and not re.fullmatch(r"[a-z]{2}", language):
            raise bad("invalid language code specified")
        kind, chat_id, user_id = scope_key(p.json("scope"))
        if kind in ("chat", "chat_administrators", "chat_member"):
            chat_id = self._chat(Params({"chat_id": chat_id}, {})).id
        if kind == "chat_member" and (not isinstance(user_id, int) or user_id not in self.users):
            raise bad("user not found")
        return (kind, chat_id, user_id), language
