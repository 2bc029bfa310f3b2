"""Admins add documents from the chat: a link, a long pasted article; the reload shows how
many files it has read. Over the Bot API stand-in, with the real Application."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

import pytest

from bot import admin
from tests.bot_harness import (
    ADMIN,
    TOKEN,
    USER,
    USERNAME,
    HandledUpdates,
    Harness,
    make_settings,
    populate,
    running_bot,
)
from tests.botapi import BotApiServer
from tests.pdfmaker import Block, make_pdf
from tests.webpages import PARAGRAPHS, TITLE, wechat_page
from tests.webserver import Route, serve


@asynccontextmanager
async def bot(tmp_path: Path, **settings: Any) -> AsyncIterator[Harness]:
    async with BotApiServer(token=TOKEN, username=USERNAME) as api:
        populate(api)
        values = make_settings(tmp_path, api.root, **settings)
        handled = HandledUpdates()
        async with running_bot(api, values, handled=handled) as app:
            yield Harness(api, app, values, values.corpus_dir, handled)


async def test_an_admins_link_is_fetched_added_and_answerable(tmp_path: Path) -> None:
    with serve({"/s/article": Route(wechat_page().encode())}) as site:
        async with bot(tmp_path, STUDYBOT_ALLOW_PRIVATE_URLS=True) as h:
            await h.api.send_text(ADMIN, ADMIN, site.url("/s/article"))
            status = await h.api.wait_for_reply(ADMIN)
            await h.api.wait_for(lambda: "已加入" in status.plain, what="fetch status")
            assert TITLE in status.plain
            summary = await h.api.wait_for(
                lambda: next(
                    (m for m in h.api.messages(ADMIN) if m.outgoing and "新增 1" in m.plain), None
                ),
                what="reload summary",
            )
            assert "2 份资料" in summary.plain
            await h.api.send_text(USER, USER, "怎样解决群众急难愁盼问题")
            reply = await h.api.wait_for_reply(USER)
            assert TITLE in reply.plain and "问题清单" in reply.plain
            assert "关注" not in reply.plain and "编辑" not in reply.plain
            h.api.assert_nothing_rejected()
    assert (h.corpus / f"{TITLE}.html.source.json").exists()


async def test_a_loopback_link_is_refused_with_the_reason_and_members_links_are_questions(
    tmp_path: Path,
) -> None:
    with serve({"/s/article": Route(wechat_page().encode())}) as site:
        async with bot(tmp_path) as h:
            await h.api.send_text(ADMIN, ADMIN, site.url("/s/article"))
            status = await h.api.wait_for_reply(ADMIN)
            await h.api.wait_for(lambda: "无法添加" in status.plain, what="refusal")
            assert "回环" in status.plain and "STUDYBOT_ALLOW_PRIVATE_URLS" in status.plain
            await h.api.send_text(USER, USER, site.url("/s/article"))
            reply = await h.api.wait_for_reply(USER)
            assert "仅限管理员" not in reply.plain and "抓取" not in reply.plain
            h.api.assert_nothing_rejected()
        assert site.requests == []


PASTED = "\n".join(
    [
        "点击蓝字 关注我们",
        TITLE,
        "来源：某某日报",
        *PARAGRAPHS,
        "今后一个时期，各级党组织要坚持学用结合、知行合一，把学习成效体现到推动高质量发展的实际行动中，"
        "体现到为民办实事、解难题的具体成效上，以实干实绩检验学习成果。",
        "END",
        "编辑：张三",
        "长按识别二维码",
    ]
)


async def test_a_long_pasted_text_is_offered_and_added_under_the_title_given(
    tmp_path: Path,
) -> None:
    assert len(PASTED) >= 300
    async with bot(tmp_path) as h:
        await h.api.send_text(ADMIN, ADMIN, PASTED)
        offer = await h.api.wait_for_reply(ADMIN)
        assert "加入资料库" in str(offer.inline_buttons)
        await h.api.press_button(ADMIN, ADMIN, offer.message_id, text="📥 加入资料库")
        prompt = await h.api.wait_for_reply(ADMIN)
        assert "标题" in prompt.plain and TITLE in prompt.plain  # the first line is offered
        await h.api.send_text(ADMIN, ADMIN, "理论学习走深走实")
        await h.api.wait_for(
            lambda: next(
                (m for m in h.api.messages(ADMIN) if m.outgoing and "新增 1" in m.plain), None
            ),
            what="reload summary",
        )
        await h.api.send_text(USER, USER, "怎样解决群众急难愁盼问题")
        reply = await h.api.wait_for_reply(USER)
        assert "理论学习走深走实" in reply.plain and "问题清单" in reply.plain
        h.api.assert_nothing_rejected()
    text = (h.corpus / "理论学习走深走实.txt").read_text("utf-8")
    assert text.startswith("理论学习走深走实\n")
    for clutter in ("关注我们", "来源", "END", "编辑", "二维码"):
        assert clutter not in text


async def test_a_long_text_from_a_member_is_a_question_not_an_offer(tmp_path: Path) -> None:
    async with bot(tmp_path) as h:
        await h.api.send_text(USER, USER, PASTED)
        reply = await h.api.wait_for_reply(USER)
        assert "加入资料库" not in str(reply.inline_buttons)
        h.api.assert_nothing_rejected()


async def test_reload_progress_shows_files_read_of_total(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(admin, "PROGRESS_EVERY", 0.2)

    def pdf(n: int) -> bytes:  # documents that differ in every paragraph: none is a duplicate
        body = [f"第{n}号文件第{i}段：{p}" for i, p in enumerate(PARAGRAPHS * 12)]
        return make_pdf([Block(f"关于做好学习宣传工作的第{n}号通知", "title"), *map(Block, body)])

    async with bot(tmp_path) as h:
        await h.api.send_text(ADMIN, ADMIN, "/reload")  # after the catch-up at start
        first = await h.api.wait_for_reply(ADMIN)
        await h.api.wait_for(lambda: "未变" in first.plain, what="first summary")
        for n in range(60):
            (h.corpus / f"通知{n:02}.pdf").write_bytes(pdf(n))
        await h.api.send_text(ADMIN, ADMIN, "/reload")
        progress = await h.api.wait_for_reply(ADMIN)
        await h.api.wait_for(lambda: "新增 60" in progress.plain, what="summary", timeout=60)
        edits = [str(r.params.get("text")) for r in h.api.calls("editMessageText", ok_only=True)]
        h.api.assert_nothing_rejected()
    counted = [text for text in edits if "个文件" in text]
    assert counted, edits
    assert all("/61 个文件" in text for text in counted)  # 60 PDFs and the bundled speech


async def test_an_admin_uploads_a_pdf_and_a_scan_is_refused_with_the_reason(
    tmp_path: Path,
) -> None:
    from tests.pdfmaker import make_scanned_pdf

    pdf = make_pdf([Block("关于做好学习宣传工作的通知", "title"), *map(Block, PARAGRAPHS)])
    async with bot(tmp_path) as h:
        await h.api.upload_document(
            ADMIN, ADMIN, "扫描件.pdf", make_scanned_pdf(), "application/pdf"
        )
        refusal = await h.api.wait_for_reply(ADMIN)
        assert "无法导入" in refusal.plain and "没有文字层" in refusal.plain
        await h.api.upload_document(ADMIN, ADMIN, "通知.pdf", pdf, "application/pdf")
        progress = await h.api.wait_for_reply(ADMIN)
        await h.api.wait_for(lambda: "新增 1" in progress.plain, what="reload summary")
        await h.api.send_text(USER, USER, "怎样解决群众急难愁盼问题")
        reply = await h.api.wait_for_reply(USER)
        assert "关于做好学习宣传工作的通知" in reply.plain and "问题清单" in reply.plain
        h.api.assert_nothing_rejected()
    assert sorted(p.name for p in h.corpus.iterdir() if p.suffix == ".pdf") == ["通知.pdf"]
