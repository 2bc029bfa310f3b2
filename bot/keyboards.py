"""Inline keyboards and their callback data.

Callback data is ASCII and short (Telegram allows 64 bytes): a one-letter kind and ids.
Passages are named by `passage_uid` (10 hex digits), not by document names, which may be
long Chinese file names.

    p:<uid>:f          the full passage          p:<uid>:c     the paragraphs around it
    m:<qid>:<offset>   more results of a query   v:<qid>:1|0   👍 / 👎 on a query's answer
    t:                 the list of documents     t:<docuid>    a document's sections
    s:<docuid>:<n>     heading n of a document   g:all|mention a group's answer mode
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence

from telegram import InlineKeyboardButton, InlineKeyboardMarkup

from retrieval.model import Answer, Document, passage_uid

MAX_CALLBACK_BYTES = 64
DOCUMENTS_PER_PAGE = 20


def doc_uid(doc: str) -> str:
    return hashlib.blake2b(doc.encode(), digest_size=5).hexdigest()


def button(text: str, data: str) -> InlineKeyboardButton:
    if not 1 <= len(data.encode()) <= MAX_CALLBACK_BYTES:
        raise ValueError(f"callback data must be 1-64 bytes: {data!r}")
    return InlineKeyboardButton(text, callback_data=data)


def answer_keyboard(
    answer: Answer, qid: int | None, offset: int, per_page: int
) -> InlineKeyboardMarkup:
    """Passage buttons for the page; more/feedback buttons when the query was logged (qid)."""
    rows = [
        [
            button(f"📄 全文 {hit.rank}", f"p:{passage_uid(hit.passage)}:f"),
            button(f"↕ 上下文 {hit.rank}", f"p:{passage_uid(hit.passage)}:c"),
        ]
        for hit in answer.hits[offset : offset + per_page]
    ]
    if qid is not None:
        last = [button("👍", f"v:{qid}:1"), button("👎", f"v:{qid}:0")]
        if len(answer.hits) > offset + per_page:
            last.insert(0, button("更多结果 ›", f"m:{qid}:{offset + per_page}"))
        rows.append(last)
    return InlineKeyboardMarkup(rows)


def not_found_keyboard() -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup([[button("📚 查看目录", "t:")]])


def documents_keyboard(
    documents: Sequence[Document], kind: str = "t", page: int = 0
) -> InlineKeyboardMarkup:
    """A button per document, DOCUMENTS_PER_PAGE at a time (Telegram caps a keyboard's size);
    `kind` says what opening one does (t: sections, rd: reading). Pages are `<kind>:@<n>`."""
    first = page * DOCUMENTS_PER_PAGE
    rows = [
        [button(f"📘 {d.title}"[:60], f"{kind}:{doc_uid(d.doc)}")]
        for d in documents[first : first + DOCUMENTS_PER_PAGE]
    ]
    turn = []
    if page > 0:
        turn.append(button("‹ 上一页", f"{kind}:@{page - 1}"))
    if first + DOCUMENTS_PER_PAGE < len(documents):
        turn.append(button("下一页 ›", f"{kind}:@{page + 1}"))
    return InlineKeyboardMarkup([*rows, turn] if turn else rows)


def page_of(rest: str) -> int | None:
    """The page number in callback data `@<n>`, or None when `rest` names a document."""
    return int(rest[1:]) if rest.startswith("@") and rest[1:].isdigit() else None


def sections_keyboard(document: Document, children: list[int]) -> InlineKeyboardMarkup:
    """Buttons for the headings at positions `children` of the document's heading list."""
    uid = doc_uid(document.doc)
    rows = [[button(document.headings[i].path[-1][:60], f"s:{uid}:{i}")] for i in children]
    rows.append([button("« 全部资料", "t:")])
    return InlineKeyboardMarkup(rows)


def mode_keyboard(mode: str) -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup(
        [
            [
                button(
                    ("✅ " if mode == "mention" else "") + "仅回答 /ask、@提及和回复", "g:mention"
                )
            ],
            [button(("✅ " if mode == "all" else "") + "回答所有问题", "g:all")],
        ]
    )
