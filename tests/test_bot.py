"""The bot end to end: the real Application over HTTP against the Bot API stand-in."""

from __future__ import annotations

import shutil
from pathlib import Path

from tests.bot_harness import ADMIN, GROUP, OTHER, USER, USERNAME, harness

FAMILY = "四、以警惕之心对待诱惑 › 三要树立良好家风"


async def test_private_question_gets_passages_with_title_section_and_bold_matches(
    tmp_path: Path,
) -> None:
    async with harness(tmp_path) as h:
        await h.api.send_text(USER, USER, "干部家属如何提醒配偶")
        reply = await h.api.wait_for_reply(USER)
        assert "在全市新任科级领导干部廉政谈话暨家庭助廉活动上的讲话" in reply.plain
        assert f"{FAMILY} › 要提醒好配偶 · 第 22 段" in reply.plain
        assert "配偶" in reply.bold
        assert any(d.startswith("v:") for d in reply.callback_data)
        h.api.assert_nothing_rejected()


async def test_group_chatter_ignored_ask_and_mention_answered(tmp_path: Path) -> None:
    async with harness(tmp_path) as h:
        chatter = await h.api.send_text(GROUP, USER, "大家晚上好，今天学习哪一部分？")
        ask = await h.api.send_text(GROUP, USER, f"/ask@{USERNAME} 家属应该做什么？")
        reply = await h.api.wait_for_reply(GROUP)
        assert reply.reply_to_message_id == ask.message_id
        assert FAMILY in reply.plain
        mention = await h.api.send_text(GROUP, OTHER, f"@{USERNAME} 90后干部贪污丧葬费")
        reply = await h.api.wait_for_reply(GROUP)
        assert reply.reply_to_message_id == mention.message_id
        assert "三、以敬畏之心对待权力 › 二要正确看待权力" in reply.plain
        replies_to_chatter = [
            m for m in h.api.messages(GROUP) if m.reply_to_message_id == chatter.message_id
        ]
        assert replies_to_chatter == []
        h.api.assert_nothing_rejected()


async def test_every_button_on_an_answer_works(tmp_path: Path) -> None:
    async with harness(tmp_path) as h:
        await h.api.send_text(USER, USER, "家属应该做什么？")
        answer = await h.api.wait_for_reply(USER)
        data = answer.callback_data
        full = next(d for d in data if d.endswith(":f"))
        await h.api.press_button(USER, USER, answer.message_id, full)
        shown = await h.api.wait_for_reply(USER)
        assert FAMILY in shown.plain and "…" not in shown.plain
        context = next(d for d in data if d.endswith(":c"))
        await h.api.press_button(USER, USER, answer.message_id, context)
        around = await h.api.wait_for_reply(USER)
        assert around.plain.count("第 ") >= 2 and "▶" in around.plain
        more = next(d for d in data if d.startswith("m:"))
        await h.api.press_button(USER, USER, answer.message_id, more)
        page2 = await h.api.wait_for_reply(USER)
        assert page2.plain.startswith("4. ")
        await h.api.press_button(
            USER, USER, answer.message_id, next(d for d in data if d.endswith(":1"))
        )
        await h.api.press_button(
            USER, USER, answer.message_id, next(d for d in data if d.endswith(":0"))
        )
        prompt = await h.api.wait_for_reply(USER)
        assert "原因" in prompt.plain
        await h.api.send_text(USER, USER, "没有讲到具体的做法", reply_to=prompt.message_id)
        thanks = await h.api.wait_for_reply(USER)
        assert "已记录" in thanks.plain
        rows = await _services(h).store.database.all(
            "SELECT helpful, reason FROM feedback ORDER BY id"
        )
        assert [tuple(r) for r in rows] == [(0, "没有讲到具体的做法")]  # 👎 replaced the 👍
        again = await h.api.press_button(
            USER, USER, answer.message_id, next(d for d in data if d.endswith(":0"))
        )
        assert "已经记录过" in (await h.api.wait_for_answer(again))["text"]
        assert len(await _services(h).store.database.all("SELECT id FROM feedback")) == 1
        prompts = [m for m in h.api.messages(USER) if m.outgoing and m.plain == prompt.plain]
        assert len(prompts) == 1  # the second 👎 asked for no reason again
        for query_id in [
            r.params.get("callback_query_id") for r in h.api.calls("answerCallbackQuery")
        ]:
            assert query_id
        assert len(h.api.calls("answerCallbackQuery", ok_only=True)) == 6
        h.api.assert_nothing_rejected()


async def test_hostile_long_and_emoji_messages(tmp_path: Path) -> None:
    async with harness(tmp_path) as h:
        await h.api.send_text(USER, USER, "<b>家属</b> & <script>alert('x')</script> 应该做什么？")
        reply = await h.api.wait_for_reply(USER)
        assert FAMILY in reply.plain
        await h.api.send_text(USER, USER, "家属应该做什么" * 570)  # 3,990 characters
        reply = await h.api.wait_for_reply(USER)
        assert FAMILY in reply.plain
        await h.api.send_text(USER, USER, "😀🎉👍")
        reply = await h.api.wait_for_reply(USER)
        assert "没有可以检索的词语" in reply.plain
        await h.api.send_text(USER, USER, "今天股市行情如何")
        reply = await h.api.wait_for_reply(USER)
        assert "没有在资料中找到" in reply.plain and "/toc" in reply.plain
        h.api.assert_nothing_rejected()


async def test_inline_mode_offers_passages_titled_by_section(tmp_path: Path) -> None:
    async with harness(tmp_path) as h:
        query_id = await h.api.inline_query(USER, "如何防止子女成为衙内")
        answer = await h.api.wait_for_answer(query_id)
        results = answer["results"]
        assert 1 <= len(results) <= 10
        assert results[0]["title"] == f"{FAMILY} › 要教育好子女"
        assert "衙内" in results[0]["input_message_content"]["message_text"]
        empty_id = await h.api.inline_query(USER, "")
        assert (await h.api.wait_for_answer(empty_id))["results"] == []
        h.api.assert_nothing_rejected()


async def test_an_inline_refusal_is_not_cached_for_other_users(tmp_path: Path) -> None:
    async with harness(tmp_path) as h:
        for _ in range(20):  # the per-user budget (STUDYBOT_USER_RATE_LIMIT)
            answered = await h.api.wait_for_answer(await h.api.inline_query(USER, "家属"))
            assert answered["results"] and not answered.get("is_personal")
        refused = await h.api.wait_for_answer(await h.api.inline_query(USER, "家属"))
        assert refused["results"] == []
        assert refused.get("is_personal") is True and refused.get("cache_time") == 0
        other = await h.api.wait_for_answer(await h.api.inline_query(OTHER, "家属"))
        assert other["results"]
        h.api.assert_nothing_rejected()


async def test_table_of_contents_opens_sections(tmp_path: Path) -> None:
    async with harness(tmp_path) as h:
        await h.api.send_text(USER, USER, "/toc")
        toc = await h.api.wait_for_reply(USER)
        await h.api.press_button(USER, USER, toc.message_id, toc.callback_data[0])
        parts = await h.api.wait_for_edit(USER, toc.message_id)
        labels = [b["text"] for b in parts.inline_buttons]
        assert "四、以警惕之心对待诱惑" in labels
        await h.api.press_button(USER, USER, toc.message_id, text="四、以警惕之心对待诱惑")
        section = await h.api.wait_for_reply(USER)
        assert section.plain.startswith("四、以警惕之心对待诱惑")
        assert "三要树立良好家风" in [b["text"] for b in section.inline_buttons]
        await h.api.press_button(USER, USER, section.message_id, text="三要树立良好家风")
        sub = await h.api.wait_for_reply(USER)
        assert "要提醒好配偶" in [b["text"] for b in sub.inline_buttons]
        h.api.assert_nothing_rejected()


async def test_group_admin_switches_to_answer_everything(tmp_path: Path) -> None:
    async with harness(tmp_path, privacy_mode=False) as h:
        await h.api.send_text(GROUP, USER, "/mode")
        menu = await h.api.wait_for_reply(GROUP)
        pressed = await h.api.press_button(GROUP, USER, menu.message_id, "g:all")
        refusal = await h.api.wait_for_answer(pressed)
        assert "管理员" in refusal.get("text", "")
        await h.api.send_text(GROUP, OTHER, "政治定力有什么作用")
        await h.api.send_text(GROUP, USER, "/help")
        help_reply = await h.api.wait_for_reply(GROUP)
        assert "示例问题" in help_reply.plain  # the question before it got no answer
        await h.api.press_button(GROUP, ADMIN, menu.message_id, "g:all")
        await h.api.wait_for_edit(GROUP, menu.message_id)
        question = await h.api.send_text(GROUP, OTHER, "政治定力有什么作用")
        reply = await h.api.wait_for_reply(GROUP)
        assert reply.reply_to_message_id == question.message_id
        assert "三要保持政治定力" in reply.plain
        for chatter in ["好的，明天见", "大家好", "更多", "还有吗"] * 8:  # no answers: silence,
            await h.api.send_text(GROUP, USER, chatter)  # and no cost to the member's budget
        question = await h.api.send_text(GROUP, USER, "家属应该做什么？")
        reply = await h.api.wait_for_reply(GROUP)
        assert reply.reply_to_message_id == question.message_id and FAMILY in reply.plain
        h.api.assert_nothing_rejected()


async def test_rate_limited_429_is_waited_out_and_answer_delivered(tmp_path: Path) -> None:
    async with harness(tmp_path) as h:
        h.api.fail_next("sendMessage", status=429, retry_after=1)
        await h.api.send_text(USER, USER, "杨溥有哪些故事")
        reply = await h.api.wait_for_reply(USER, timeout=15)
        assert "二要珍视个人声誉" in reply.plain
        statuses = [r.status for r in h.api.calls("sendMessage")]
        assert statuses == [429, 200]


async def test_server_errors_are_retried(tmp_path: Path) -> None:
    async with harness(tmp_path) as h:
        h.api.fail_next("sendMessage", status=500, count=2)
        await h.api.send_text(USER, USER, "副局长收了多少礼金")
        reply = await h.api.wait_for_reply(USER, timeout=15)
        assert "三要带头遵纪守法" in reply.plain
        assert [r.status for r in h.api.calls("sendMessage")] == [500, 500, 200]


def _services(h: object) -> object:
    from bot.services import Services

    svc = h.app.bot_data.services
    assert isinstance(svc, Services)
    return svc


async def test_table_of_contents_pages_through_many_documents(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for n in range(25):
        (corpus / f"doc{n:02}.txt").write_text(
            f"学习材料第{n}号\n要加强学习，提高本领。\n", encoding="utf-8"
        )
    async with harness(tmp_path) as h:
        await h.api.send_text(USER, USER, "/toc")
        toc = await h.api.wait_for_reply(USER)
        labels = [b["text"] for b in toc.inline_buttons]
        assert len(labels) == 21 and labels[-1] == "下一页 ›" and "📘 学习材料第0号" in labels
        await h.api.press_button(USER, USER, toc.message_id, text="下一页 ›")
        page2 = await h.api.wait_for_edit(USER, toc.message_id)
        labels = [b["text"] for b in page2.inline_buttons]
        assert len(labels) == 6 and labels[-1] == "‹ 上一页" and "📘 学习材料第24号" in labels
        h.api.assert_nothing_rejected()


async def test_table_of_contents_pages_through_many_sections(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    parts = [f"第{n}章 学习专题{n}\n（一）要点{n}\n本章正文，讲学习专题{n}。" for n in range(1, 46)]
    points = "\n".join(f"{n}.细则{n}\n细则{n}的正文。" for n in range(1, 31))
    text = "学习汇编\n" + "\n".join(parts) + "\n第46章 细则汇总\n" + points + "\n"
    (corpus / "big.txt").write_text(text, encoding="utf-8")
    async with harness(tmp_path) as h:
        await h.api.send_text(USER, USER, "/toc")
        toc = await h.api.wait_for_reply(USER)
        await h.api.press_button(USER, USER, toc.message_id, text="📘 学习汇编")
        page1 = await h.api.wait_for_edit(USER, toc.message_id)
        labels = [b["text"] for b in page1.inline_buttons]
        assert labels[:2] == ["第1章 学习专题1", "第2章 学习专题2"] and len(labels) == 22
        assert labels[-2:] == ["下一页 ›", "« 全部资料"]
        await h.api.press_button(USER, USER, toc.message_id, text="下一页 ›")
        page2 = await h.api.wait_for_edit(USER, toc.message_id)
        await h.api.press_button(USER, USER, toc.message_id, text="下一页 ›")
        page3 = await h.api.wait_for_edit(USER, toc.message_id)
        labels = [b["text"] for b in page3.inline_buttons]
        assert labels == [
            "第41章 学习专题41",
            *labels[1:5],
            "第46章 细则汇总",
            "‹ 上一页",
            "« 全部资料",
        ]
        await h.api.press_button(USER, USER, toc.message_id, text="第46章 细则汇总")
        section = await h.api.wait_for_reply(USER)
        assert section.plain.startswith("第46章 细则汇总")
        assert [b["text"] for b in section.inline_buttons][:2] == ["1.细则1", "2.细则2"]
        await h.api.press_button(USER, USER, section.message_id, text="下一页 ›")
        turned = await h.api.wait_for_edit(USER, section.message_id)
        labels = [b["text"] for b in turned.inline_buttons]
        assert labels[0] == "21.细则21" and labels[-3:] == ["30.细则30", "‹ 上一页", "« 全部资料"]
        assert turned.plain == section.plain  # only the buttons turned
        await h.api.press_button(USER, USER, section.message_id, text="‹ 上一页")
        back = await h.api.wait_for_edit(USER, section.message_id)
        assert back.inline_buttons[0]["text"] == "1.细则1"
        assert h.api.messages(USER)[-1].message_id == section.message_id  # no new message
        assert page2.plain == page1.plain
        h.api.assert_nothing_rejected()


async def test_a_reason_is_the_voters_reply_to_the_prompt_and_nothing_else(
    tmp_path: Path,
) -> None:
    async with harness(tmp_path) as h:
        await h.api.send_text(GROUP, USER, "/ask 家属应该做什么？")
        answer = await h.api.wait_for_reply(GROUP)
        down = next(d for d in answer.callback_data if d.startswith("v:") and d.endswith(":0"))
        await h.api.press_button(GROUP, USER, answer.message_id, down)
        prompt = await h.api.wait_for_reply(GROUP)
        assert "原因" in prompt.plain
        # another member's reply to the prompt is a reply to the bot: a question, not a reason
        other = await h.api.send_text(
            GROUP, OTHER, "如何防止子女成为衙内", reply_to=prompt.message_id
        )
        assert (await h.api.wait_for_reply(GROUP)).reply_to_message_id == other.message_id
        # the voter's own question meanwhile is answered as one
        ask = await h.api.send_text(GROUP, USER, "/ask 政治定力有什么作用")
        assert "三要保持政治定力" in (await h.api.wait_for_reply(GROUP, ask.message_id)).plain
        database = h.app.bot_data.services.store.database
        assert await database.all("SELECT reason FROM feedback") == [(None,)]
        reason = await h.api.send_text(
            GROUP, USER, "没有讲到具体的做法", reply_to=prompt.message_id
        )
        thanks = await h.api.wait_for_reply(GROUP, reason.message_id)
        assert "已记录" in thanks.plain and thanks.reply_to_message_id == reason.message_id
        assert await database.all("SELECT helpful, reason FROM feedback") == [
            (0, "没有讲到具体的做法")
        ]
        h.api.assert_nothing_rejected()


async def test_a_passage_shown_only_as_the_closest_says_so_in_chat_and_inline(
    tmp_path: Path,
) -> None:
    consumers = Path(__file__).resolve().parent / "data" / "corpora" / "consumer_markets_folder"
    shutil.copytree(consumers / "docs", tmp_path / "corpus")
    question = "视频会员到期自动续费扣了钱，事先一点提醒都没有，这合规吗？"
    async with harness(tmp_path) as h:
        await h.api.send_text(USER, USER, question)
        reply = await h.api.wait_for_reply(USER)
        assert reply.plain.startswith("没有找到完全对应的段落，以下是最接近的一段：")
        assert "消费者权益保护法实施条例" in reply.plain and "续费" in reply.bold
        assert "2. " not in reply.plain  # the closest passage comes alone
        found = await h.api.wait_for_answer(await h.api.inline_query(USER, question))
        (only,) = found["results"]
        assert only["description"].startswith("（最接近）")
        h.api.assert_nothing_rejected()
