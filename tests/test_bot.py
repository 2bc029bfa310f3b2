"""The bot end to end: the real Application over HTTP against the Bot API stand-in."""

from __future__ import annotations

from pathlib import Path

from tests.bot_harness import ADMIN, GROUP, OTHER, USER, USERNAME, harness

FAMILY = "四、以警惕之心对待诱惑 › 三要树立良好家风"


async def test_private_question_gets_passages_with_title_section_and_bold_matches(tmp_path: Path) -> None:
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
        replies_to_chatter = [m for m in h.api.messages(GROUP) if m.reply_to_message_id == chatter.message_id]
        assert replies_to_chatter == []
        h.api.assert_nothing_rejected()
