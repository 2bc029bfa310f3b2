"""A group's reading scope: the documents it is studying now.

Kept as the chat setting "scope" (a JSON list of document ids; absent or empty: the whole
corpus). Everything the group does reads it through `of_chat`: questions, quizzes, /read,
/daily and /toc. A document removed from the corpus drops out of the scope; when none of the
scope is left, the group has the whole corpus again (and /scope says so).

Only group administrators (asked from Telegram) and the bot's admins change it; anyone may
look. Refusals go to the audit log.

Callback data: sc:@<page>          turn the list          sc:a            the whole corpus
               sc:t:<docuid>@<page> add or remove one      sc:o:<docuid>   only this document
               sc:m:<uid>.<uid>…   only these (a keyword's matches, at most MAX_TOGETHER)
"""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from enum import Enum

from telegram import InlineKeyboardMarkup, Message, Update
from telegram.constants import ChatType
from telegram.error import BadRequest

from bot import keyboards, render
from bot.context import Context
from bot.permissions import may_manage_audited
from bot.services import Services
from retrieval.model import Document

log = logging.getLogger(__name__)

MAX_TITLES = 3  # titles named in a one-line scope (answer headers)
MAX_TOGETHER = 4  # a keyword's matches offered as one choice: their ids fit 64 bytes

PRIVATE_ONLY = "学习范围只用于群聊：在群里发送 /scope 查看或设置。"
REFUSED = "只有群管理员可以更改本群的学习范围。"
HOW_TO = (
    "群管理员可以点下面的资料把它加入或移出学习范围，也可以发送 /scope 关键词 按名称选择，"
    "/scope all 恢复全部资料。"
)


class Change(Enum):
    """What a request to change the scope came to."""

    SET = "set"
    CLEARED = "cleared"
    AMBIGUOUS = "ambiguous"
    NO_MATCH = "no_match"
    REFUSED = "refused"


@dataclass(frozen=True, slots=True)
class Scope:
    """The documents a chat studies: `docs` None means the whole corpus."""

    docs: frozenset[str] | None = None
    titles: tuple[str, ...] = ()  # of `docs`, in the index's order
    lapsed: bool = False  # a scope was set, but none of its documents is left

    @property
    def everything(self) -> bool:
        return self.docs is None

    def admits(self, doc: str) -> bool:
        return self.docs is None or doc in self.docs

    def documents(self, documents: Sequence[Document]) -> list[Document]:
        return [d for d in documents if self.admits(d.doc)]

    def line(self) -> str:
        """One line naming the scope, for answer headers: 本群学习范围：《A》、《B》"""
        shown = "、".join(f"《{t}》" for t in self.titles[:MAX_TITLES])
        if len(self.titles) > MAX_TITLES:
            shown += f" 等 {len(self.titles)} 份资料"
        return f"本群学习范围：{shown}"


WHOLE = Scope()


def resolve(stored: Collection[str], documents: Sequence[Document]) -> Scope:
    """The scope of these stored ids over the documents in service."""
    if not stored:
        return WHOLE
    kept = [d for d in documents if d.doc in stored]
    if not kept:
        return Scope(lapsed=True)
    return Scope(frozenset(d.doc for d in kept), tuple(d.title for d in kept))


async def of_chat(svc: Services, chat_id: int) -> Scope:
    """A chat's scope now. Private chats have none; a busy database means the whole corpus
    rather than no answer."""
    if chat_id > 0:
        return WHOLE
    try:
        ids = await svc.state.settings.scope(chat_id)
    except (sqlite3.Error, OSError):
        log.warning("could not read the scope of chat %s", chat_id, exc_info=True)
        return WHOLE
    return resolve(ids, svc.library.index.documents)


async def save(svc: Services, chat_id: int, docs: Collection[str]) -> None:
    await svc.state.settings.set_scope(chat_id, docs)


# --- showing ------------------------------------------------------------------------------


def label(document: Document) -> str:
    """A document as the keyboard names it: year, kind and title."""
    facts = [str(document.meta.year) if document.meta.year else "", document.meta.kind]
    head = " · ".join(f for f in facts if f)
    return f"{head} · {document.title}" if head else document.title


def describe(scope: Scope, documents: Sequence[Document]) -> str:
    """The /scope message (HTML)."""
    if scope.everything:
        lapsed = "（原来选定的资料已从资料库中删除。）\n" if scope.lapsed else ""
        return (
            f"📌 <b>本群学习范围：全部资料</b>（共 {len(documents)} 份）\n{lapsed}"
            "提问、测验、导读和每日一段都使用全部资料。\n\n" + HOW_TO
        )
    chosen = scope.documents(documents)
    lines = [f"📌 <b>本群学习范围</b>（{len(chosen)} 份资料）："]
    lines += [f"• {render.escape(label(d))}" for d in chosen]
    lines += [
        "提问、测验（/quiz）、导读（/read）、每日一段（/daily）和目录（/toc）都只使用这些资料。",
        "",
        HOW_TO,
    ]
    return "\n".join(lines)


def keyboard(scope: Scope, documents: Sequence[Document], page: int = 0) -> InlineKeyboardMarkup:
    """Every document, ✅ on those in the scope; pressing one adds or removes it."""
    rows = [
        [
            keyboards.button(
                (("✅ " if scope.docs and d.doc in scope.docs else "") + label(d))[:60],
                f"sc:t:{keyboards.doc_uid(d.doc)}@{page}",
            )
        ]
        for d in documents
    ]
    tail = [] if scope.everything else [[keyboards.button("🌐 恢复全部资料", "sc:a")]]
    return keyboards.paged(rows, page, "sc:", tail)


def choices(matches: Sequence[Document]) -> InlineKeyboardMarkup:
    """A keyword's several matches: one of them, or (when few) all of them."""
    rows = [
        [keyboards.button(label(d)[:60], f"sc:o:{keyboards.doc_uid(d.doc)}")]
        for d in matches[: keyboards.PER_PAGE]
    ]
    if len(matches) <= MAX_TOGETHER:
        uids = ".".join(keyboards.doc_uid(d.doc) for d in matches)
        rows.append([keyboards.button(f"这 {len(matches)} 份都选", f"sc:m:{uids}")])
    return InlineKeyboardMarkup(rows)


def confirmation(scope: Scope) -> str:
    if scope.everything:
        return "✅ 已恢复为全部资料：提问、测验、导读和每日一段都使用全部资料。"
    names = "、".join(f"《{render.escape(t)}》" for t in scope.titles)
    return (
        f"✅ 本群学习范围已设为：{names}。\n"
        "提问、测验、导读、每日一段和目录都只使用这些资料；发送 /scope all 恢复全部资料。"
    )


# --- changing -----------------------------------------------------------------------------


async def scope_command(update: Update, context: Context) -> None:
    """/scope shows the scope; /scope 关键词 sets it; /scope all clears it."""
    message, user = update.effective_message, update.effective_user
    if message is None or user is None:
        return
    if message.chat.type == ChatType.PRIVATE:
        await message.reply_text(PRIVATE_ONLY)
        return
    svc = context.bot_data.services
    documents = svc.library.index.documents
    words = " ".join(context.args or []).strip()
    if not words:
        current = await of_chat(svc, message.chat_id)
        await message.reply_html(
            describe(current, documents),
            reply_markup=keyboard(current, documents),
            do_quote=True,
        )
        return
    outcome, markup, text = await _change_by_name(svc, context, message, user.id, words)
    log.info("scope of %s by %s: %s", message.chat_id, user.id, outcome.value)
    await message.reply_html(text, reply_markup=markup, do_quote=True)


async def _change_by_name(
    svc: Services,
    context: Context,
    message: Message,
    user_id: int,
    words: str,
) -> tuple[Change, InlineKeyboardMarkup | None, str]:
    chat_id = message.chat_id
    if not await may_manage_audited(svc, context, chat_id, user_id, action="scope", detail=words):
        return Change.REFUSED, None, REFUSED
    documents = svc.library.index.documents
    if words.lower() in ("all", "全部", "off"):
        await save(svc, chat_id, ())
        return Change.CLEARED, None, confirmation(WHOLE)
    found = svc.library.find_documents(words)
    matches = [d for d in documents if d.doc in found]
    if not matches:
        current = await of_chat(svc, chat_id)
        text = f"没有找到标题或名称含“{render.escape(words)}”的资料。请从下面选择："
        return Change.NO_MATCH, keyboard(current, documents), text
    if len(matches) > 1:
        text = f"有 {len(matches)} 份资料符合“{render.escape(words)}”，请选择："
        if len(matches) > keyboards.PER_PAGE:
            text += f"（只列出前 {keyboards.PER_PAGE} 份，可以用更具体的关键词）"
        return Change.AMBIGUOUS, choices(matches), text
    await save(svc, chat_id, [matches[0].doc])
    return Change.SET, None, confirmation(resolve({matches[0].doc}, documents))


async def button(update: Update, context: Context) -> None:
    """The scope keyboard's buttons; turning pages is for everyone, changes for admins."""
    query = update.callback_query
    if query is None or query.data is None or not isinstance(query.message, Message):
        return
    svc = context.bot_data.services
    chat_id = query.message.chat.id
    documents = svc.library.index.documents
    rest = query.data.removeprefix("sc:")
    if rest.startswith("@"):
        _, page = keyboards.split_page(rest)
        current = await of_chat(svc, chat_id)
        await query.answer()
        markup = keyboard(current, documents, page or 0)
        await _edit(query.message, describe(current, documents), markup)
        return
    user_id = query.from_user.id
    if not await may_manage_audited(svc, context, chat_id, user_id, action="scope", detail=rest):
        await query.answer(REFUSED, show_alert=True)
        return
    kind, _, target = rest.partition(":")
    current = await of_chat(svc, chat_id)
    if kind == "a":
        await save(svc, chat_id, ())
        await query.answer("已恢复为全部资料。")
        await _edit(query.message, confirmation(WHOLE), None)
        return
    if kind == "t":
        uid, page = keyboards.split_page(target)
        document = keyboards.find_document(documents, uid)
        if document is None:
            await query.answer("这份资料已更新或删除，请重新发送 /scope。", show_alert=True)
            return
        docs = set(current.docs or ())
        docs ^= {document.doc}
        await save(svc, chat_id, docs)
        now = resolve(docs, documents)
        await query.answer("已加入学习范围。" if document.doc in docs else "已移出学习范围。")
        await _edit(query.message, describe(now, documents), keyboard(now, documents, page or 0))
        return
    uids = target.split(".") if kind == "m" else [target] if kind == "o" else []
    chosen = [keyboards.find_document(documents, uid) for uid in uids]
    if not chosen or any(d is None for d in chosen):
        await query.answer("这份资料已更新或删除，请重新发送 /scope。", show_alert=True)
        return
    docs = {d.doc for d in chosen if d is not None}
    await save(svc, chat_id, docs)
    await query.answer("已更新学习范围。")
    await _edit(query.message, confirmation(resolve(docs, documents)), None)


async def _edit(message: Message, text: str, markup: InlineKeyboardMarkup | None) -> None:
    try:
        await message.edit_text(text, parse_mode="HTML", reply_markup=markup)
    except BadRequest as exc:
        if "not modified" not in str(exc):  # a double tap changes nothing
            raise
