"""Who may change a group's settings: its administrators (asked from Telegram each time, so a
demoted administrator loses the right at once) and the bot's admins (by numeric user id)."""

from __future__ import annotations

from telegram.constants import ChatMemberStatus

from bot.context import Context
from bot.services import Services


async def is_group_admin(context: Context, chat_id: int, user_id: int) -> bool:
    member = await context.bot.get_chat_member(chat_id, user_id)
    return member.status in (ChatMemberStatus.ADMINISTRATOR, ChatMemberStatus.OWNER)


async def may_manage(svc: Services, context: Context, chat_id: int, user_id: int) -> bool:
    """Whether the user may change this group's settings or take its study record."""
    return svc.is_admin(user_id) or await is_group_admin(context, chat_id, user_id)


async def may_manage_audited(
    svc: Services, context: Context, chat_id: int, user_id: int, *, action: str, detail: str
) -> bool:
    """`may_manage`, with the attempt in the audit log whichever the answer."""
    allowed = await may_manage(svc, context, chat_id, user_id)
    await svc.state.audit.record(
        user_id=user_id, action=action, allowed=allowed, detail=f"{chat_id}:{detail}"[:200]
    )
    return allowed
