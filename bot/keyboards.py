"""Inline keyboards and their callback data.

Callback data is ASCII and short (Telegram allows 64 bytes): a one-letter kind and ids.
Passages are named by `passage_uid` (10 hex digits), not by document names, which may be
long Chinese file names.

    p:<uid>:f          the full passage          p:<uid>:c     the paragraphs around it
    m:<qid>:<offset>   more results of a query   v:<qid>:1|0   👍 / 👎 on a query's answer
    m:<qid>:<offset>:a ... from all documents    x:<qid>       a scoped query's answer from all
    t:                 the list of documents     t:<docuid>    a document's sections
    s:<docuid>:<n>     heading n of a document   g:all|mention a group's answer mode

Lists longer than a page turn with `@<page>` appended (t:@1, t:<docuid>@1, s:<docuid>:<n>@1).
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence

from telegram import InlineKeyboardButton, InlineKeyboardMarkup

from retrieval.model import Answer, Document, passage_uid

MAX_CALLBACK_BYTES = 64
PER_PAGE = 20  # buttons in a list; Telegram refuses keyboards over 100 buttons


def doc_uid(doc: str) -> str:
    return hashlib.blake2b(doc.encode(), digest_size=5).hexdigest()


def find_document(documents: Sequence[Document], uid: str) -> Document | None:
    """The document a button's `doc_uid` names, or None if it has since been removed."""
    return next((d for d in documents if doc_uid(d.doc) == uid), None)


def button(text: str, data: str) -> InlineKeyboardButton:
    if not 1 <= len(data.encode()) <= MAX_CALLBACK_BYTES:
        raise ValueError(f"callback data must be 1-64 bytes: {data!r}")
    return InlineKeyboardButton(text, callback_data=data)


def answer_keyboard(
    answer: Answer, qid: int | None, offset: int, per_page: int, *, everywhere: bool = False
) -> InlineKeyboardMarkup:
    """Passage buttons for the page; more/feedback buttons when the query was logged (qid).
    `everywhere`: the answer is from all documents, past the group's scope, and so are more."""
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
            more = f"m:{qid}:{offset + per_page}" + (":a" if everywhere else "")
            last.insert(0, button("更多结果 ›", more))
        rows.append(last)
    return InlineKeyboardMarkup(rows)


def not_found_keyboard() -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup([[button("📚 查看目录", "t:")]])


def elsewhere_keyboard(qid: int) -> InlineKeyboardMarkup:
    """Offered when a group's scope does not answer but other documents do."""
    return InlineKeyboardMarkup([[button("📚 查看全部资料中的答案", f"x:{qid}")]])


def documents_keyboard(
    documents: Sequence[Document], kind: str = "t", page: int = 0
) -> InlineKeyboardMarkup:
    """A button per document, a page at a time; `kind` says what opening one does (t:
    sections, rd: reading). Pages are `<kind>:@<n>`."""
    rows = [[button(f"📘 {d.title}"[:60], f"{kind}:{doc_uid(d.doc)}")] for d in documents]
    return paged(rows, page, f"{kind}:")


def sections_keyboard(
    document: Document, children: list[int], base: str, page: int = 0
) -> InlineKeyboardMarkup:
    """Buttons for the headings at positions `children` of the document's heading list, a
    page at a time; `base` is the callback data of the list's first page."""
    uid = doc_uid(document.doc)
    rows = [[button(document.headings[i].path[-1][:60], f"s:{uid}:{i}")] for i in children]
    return paged(rows, page, base, [[button("« 全部资料", "t:")]])


def paged(
    rows: list[list[InlineKeyboardButton]],
    page: int,
    base: str,
    tail: list[list[InlineKeyboardButton]] | None = None,
) -> InlineKeyboardMarkup:
    """Page `page` of `rows`, with buttons to the pages around it (`<base>@<n>`)."""
    first = page * PER_PAGE
    turn = []
    if page > 0:
        turn.append(button("‹ 上一页", f"{base}@{page - 1}"))
    if first + PER_PAGE < len(rows):
        turn.append(button("下一页 ›", f"{base}@{page + 1}"))
    return InlineKeyboardMarkup(
        [*rows[first : first + PER_PAGE], *([turn] if turn else []), *(tail or [])]
    )


def split_page(data: str) -> tuple[str, int | None]:
    """Callback data without its `@<page>`, and the page (None when there is none: the
    list is being opened, not turned)."""
    head, at, page = data.rpartition("@")
    return (head, int(page)) if at and page.isdigit() else (data, None)


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
