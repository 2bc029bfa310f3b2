"""Admin tools over the Bot API stand-in, and `studybot run` as a process."""

from __future__ import annotations

import asyncio
import io
import sys
from pathlib import Path

import docx

from tests.bot_harness import (
    ADMIN,
    GROUP,
    TOKEN,
    USER,
    USERNAME,
    clean_env,
    harness,
    make_settings,
    populate,
    start_bot_process,
)
from tests.botapi import BotApiServer

NEW_DOC = (
    "关于推进乡村振兴的党课讲稿\n"
    "一、认清形势\n"
    "乡村振兴是新时代做好三农工作的总抓手，要把产业兴旺放在首位。\n"
    "二、明确任务\n"
    "要发展高标准农田建设，稳定粮食生产，守住耕地红线。\n"
)


async def test_non_admin_cannot_reload_or_upload_and_is_logged(tmp_path: Path) -> None:
    async with harness(tmp_path) as h:
        (h.corpus / "乡村振兴.txt").write_text(NEW_DOC, encoding="utf-8")
        await h.api.send_text(USER, USER, "/reload")
        refusal = await h.api.wait_for_reply(USER)
        assert "仅限管理员" in refusal.plain
        await h.api.upload_document(USER, USER, "x.txt", NEW_DOC.encode(), "text/plain")
        assert "仅限管理员" in (await h.api.wait_for_reply(USER)).plain
        await h.api.send_text(USER, USER, "乡村振兴的总抓手是什么")
        assert "没有在资料中找到" in (await h.api.wait_for_reply(USER)).plain
        svc = h.app.bot_data.services
        rows = await svc.store.database.all(
            "SELECT user_id, action, allowed FROM audit_log ORDER BY id"
        )
        assert [tuple(r) for r in rows] == [(USER, "reload", 0), (USER, "upload", 0)]
        h.api.assert_nothing_rejected()


async def test_admin_reload_makes_a_new_document_answerable(tmp_path: Path) -> None:
    async with harness(tmp_path) as h:
        (h.corpus / "乡村振兴.txt").write_text(NEW_DOC, encoding="utf-8")
        await h.api.send_text(ADMIN, ADMIN, "/reload")
        progress = await h.api.wait_for_reply(ADMIN)
        done = await h.api.wait_for(
            lambda: "新增 1" in progress.plain and progress, what="reload summary"
        )
        assert "2 份资料" in done.plain
        await h.api.send_text(USER, USER, "乡村振兴的总抓手是什么")
        reply = await h.api.wait_for_reply(USER)
        assert "关于推进乡村振兴的党课讲稿" in reply.plain and "一、认清形势" in reply.plain
        h.api.assert_nothing_rejected()


async def test_a_reload_names_every_failed_file_within_telegrams_limits(tmp_path: Path) -> None:
    async with harness(tmp_path) as h:
        folder = h.corpus / ("学习材料汇编" * 13) / ("第二批次" * 20)  # long relative paths
        folder.mkdir(parents=True)
        for n in range(80):  # each a broken file
            (folder / f"{n:02}{'损坏的学习材料' * 11}.txt").write_bytes(b"\x00\x01" * 50)
        await h.api.send_text(ADMIN, ADMIN, "/reload")
        progress = await h.api.wait_for_reply(ADMIN)
        done = await h.api.wait_for(
            lambda: "失败 80" in progress.plain and progress, what="reload summary"
        )

        def named() -> list[str]:  # the summary goes on in further messages
            sent = [m for m in h.api.messages(ADMIN) if m.outgoing]
            return [line for m in sent for line in m.plain.splitlines() if "二进制" in line]

        await h.api.wait_for(lambda: len(named()) >= 80, what="every failed file named")
        assert len(named()) == len(set(named())) == 80
        assert all(line.startswith("• …/") for line in named())
        assert "1 份资料" in done.plain and len(named()) > len(done.plain.splitlines())
        h.api.assert_nothing_rejected()


async def test_admin_uploads_documents(tmp_path: Path) -> None:
    async with harness(tmp_path) as h:
        document = docx.Document()
        document.add_heading("关于推进乡村振兴的党课讲稿", level=0)
        document.add_heading("一、认清形势", level=1)
        document.add_paragraph("乡村振兴是新时代做好三农工作的总抓手。")
        buffer = io.BytesIO()
        document.save(buffer)
        await h.api.upload_document(ADMIN, ADMIN, "../../etc/乡村振兴.docx", buffer.getvalue())
        progress = await h.api.wait_for_reply(ADMIN)
        await h.api.wait_for(lambda: "新增 1" in progress.plain, what="reload summary")
        assert (h.corpus / "乡村振兴.docx").exists()
        assert sorted(p.name for p in h.corpus.iterdir()) == [
            "lianzheng-tanhua-jiating-zhulian.txt",
            "乡村振兴.docx",
        ]
        await h.api.send_text(USER, USER, "三农工作的总抓手")
        assert "一、认清形势" in (await h.api.wait_for_reply(USER)).plain

        await h.api.upload_document(ADMIN, ADMIN, "gbk.txt", NEW_DOC.encode("gbk"))
        progress = await h.api.wait_for_reply(ADMIN)
        await h.api.wait_for(lambda: "新增 1" in progress.plain, what="reload summary")

        for name, data, reason in [
            ("tool.exe", b"MZ\x90\x00", "不支持"),
            ("empty.txt", b"   ", "空"),
            ("image.txt", b"\x89PNG\r\n\x1a\n\x00\x00" + bytes(range(256)), "二进制"),
            ("bomb.docx", b"PK\x03\x04garbage", "docx"),
            ("title-only.txt", "关于学习的通知\n".encode(), "没有可检索的正文"),
        ]:
            await h.api.upload_document(ADMIN, ADMIN, name, data)
            reply = await h.api.wait_for_reply(ADMIN)
            assert reason in reply.plain, (name, reply.plain)
        assert len(list(h.corpus.iterdir())) == 3
        h.api.assert_nothing_rejected()


async def test_docs_remove_stats_and_explain(tmp_path: Path) -> None:
    async with harness(tmp_path) as h:
        (h.corpus / "乡村振兴.txt").write_text(NEW_DOC, encoding="utf-8")
        await h.api.send_text(ADMIN, ADMIN, "/reload")
        progress = await h.api.wait_for_reply(ADMIN)
        await h.api.wait_for(lambda: "新增 1" in progress.plain, what="reload summary")
        await h.api.send_text(ADMIN, ADMIN, "/docs")
        docs = await h.api.wait_for_reply(ADMIN)
        assert "乡村振兴.txt" in docs.plain and "25 段" in docs.plain
        assert "讲话 · 全市新任科级领导干部廉政谈话暨家庭助廉活动" in docs.plain  # its metadata
        await h.api.send_text(USER, USER, "家属应该做什么？")
        await h.api.wait_for_reply(USER)
        await h.api.send_text(USER, USER, "今天股市行情如何")
        await h.api.wait_for_reply(USER)
        await h.api.send_text(ADMIN, ADMIN, "/stats")
        stats = await h.api.wait_for_reply(ADMIN)
        assert "今日提问 2" in stats.plain and "今天股市行情如何" in stats.plain
        await h.api.send_text(ADMIN, ADMIN, "/explain 家属应该做什么")
        explained = await h.api.wait_for_reply(ADMIN)
        assert "家属" in explained.plain and "阈值" in explained.plain and "✅" in explained.plain
        await h.api.send_text(ADMIN, ADMIN, "/remove 乡村振兴.txt")
        progress = await h.api.wait_for_reply(ADMIN)
        await h.api.wait_for(lambda: "删除 1" in progress.plain, what="remove summary")
        assert not (h.corpus / "乡村振兴.txt").exists()
        await h.api.send_text(ADMIN, ADMIN, "/remove ../../bot.db")
        assert "用法" in (await h.api.wait_for_reply(ADMIN)).plain
        assert (tmp_path / "bot.db").exists()
        h.api.assert_nothing_rejected()


async def test_commands_are_set_in_chinese_per_scope(tmp_path: Path) -> None:
    async with harness(tmp_path) as h:
        private = h.api.visible_commands(USER, USER)
        group = h.api.visible_commands(GROUP, USER)
        admin = h.api.visible_commands(ADMIN, ADMIN)
        assert {c["command"] for c in private} == {"start", "help", "toc"}
        assert "ask" in {c["command"] for c in group}
        assert {"reload", "stats", "explain"} <= {c["command"] for c in admin}
        assert all(
            any("\u4e00" <= ch <= "\u9fff" for ch in c["description"]) for c in private + group
        )


async def test_studybot_run_process_answers_through_the_stand_in(tmp_path: Path) -> None:
    async with BotApiServer(token=TOKEN, username=USERNAME) as api:
        populate(api)
        settings = make_settings(tmp_path, api.root)
        process = await start_bot_process(api, settings, tmp_path, output=asyncio.subprocess.PIPE)
        try:
            await api.send_text(USER, USER, "家属应该做什么？")
            reply = await api.wait_for_reply(USER, timeout=60)
            assert "三要树立良好家风" in reply.plain
        finally:
            process.terminate()
            output, _ = await asyncio.wait_for(process.communicate(), 30)
        assert TOKEN not in output.decode(), "the token must never be logged"
        api.assert_nothing_rejected()


async def test_run_without_a_valid_token_is_a_one_line_error(tmp_path: Path) -> None:
    for token in ("", "not-a-token"):
        process = await asyncio.create_subprocess_exec(
            sys.executable,
            "-m",
            "bot.cli",
            "run",
            env=clean_env(TELEGRAM_BOT_TOKEN=token),
            cwd=tmp_path,
            stdout=asyncio.subprocess.PIPE,
            stderr=asyncio.subprocess.PIPE,
        )
        _, err = await asyncio.wait_for(process.communicate(), 60)
        assert process.returncode == 2
        lines = err.decode().strip().splitlines()
        assert len(lines) == 1 and "TELEGRAM_BOT_TOKEN" in lines[0] and "Traceback" not in lines[0]


async def test_webhook_mode_checks_the_secret_token(tmp_path: Path) -> None:
    import httpx

    from bot.app import webhook_options
    from tests.bot_harness import free_port, running_bot

    port = free_port()
    async with BotApiServer(token=TOKEN, username=USERNAME) as api:
        populate(api)
        settings = make_settings(
            tmp_path,
            api.root,
            STUDYBOT_WEBHOOK_URL=f"http://127.0.0.1:{port}/hook",
            STUDYBOT_WEBHOOK_SECRET="s3cret-token_42",
            STUDYBOT_WEBHOOK_PORT=port,
            STUDYBOT_WEBHOOK_PATH="hook",
        )
        async with running_bot(api, settings, webhook=webhook_options(settings)):
            assert api.webhook.url == f"http://127.0.0.1:{port}/hook"
            assert api.webhook.secret_token == "s3cret-token_42"
            await api.send_text(
                USER, USER, "家属应该做什么？"
            )  # delivered by the stand-in's webhook
            assert "三要树立良好家风" in (await api.wait_for_reply(USER)).plain
            async with httpx.AsyncClient() as client:
                forged = await client.post(
                    f"http://127.0.0.1:{port}/hook",
                    json={
                        "update_id": 999,
                        "message": {
                            "message_id": 1,
                            "date": 0,
                            "chat": {"id": USER, "type": "private"},
                            "text": "x",
                        },
                    },
                )
            assert forged.status_code == 403
        api.assert_nothing_rejected()
