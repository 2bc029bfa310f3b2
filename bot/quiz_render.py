"""How quiz questions, their reveal, a round's summary and the leaderboard look in Telegram.

Callback data: qa:<question id>:<option>  an answer     qe:<question id>  end the question
"""

from __future__ import annotations

from telegram import InlineKeyboardMarkup

from bot import keyboards, render
from bot.state.quizzes import Score, StoredQuestion

LETTERS = "ABCD"
MAX_NAMES = 20
BUTTON_CHARS = 40


def question_keyboard(question: StoredQuestion) -> InlineKeyboardMarkup:
    rows = [
        [keyboards.button(_clip(f"{LETTERS[i]}. {option}"), f"qa:{question.id}:{i}")]
        for i, option in enumerate(question.options)
    ]
    rows.append([keyboards.button("⏹ 结束本题", f"qe:{question.id}")])
    return InlineKeyboardMarkup(rows)


def _clip(text: str) -> str:
    return text if len(text) <= BUTTON_CHARS else text[: BUTTON_CHARS - 1] + "…"


def _options_html(question: StoredQuestion, revealed: bool) -> str:
    lines = []
    for i, option in enumerate(question.options):
        line = f"{LETTERS[i]}. {render.escape(option)}"
        if revealed and i == question.answer_index:
            line = f"✅ <b>{line}</b>"
        lines.append(line)
    return "\n".join(lines)


def question_html(question: StoredQuestion, seconds: int) -> str:
    return (
        f"🧩 <b>第 {question.number}/{question.total} 题</b> · 限时 {seconds} 秒\n"
        f"{render.escape(question.prompt)}\n\n{_options_html(question, False)}"
    )


def _names(names: list[str]) -> str:
    shown = "、".join(render.escape(n) for n in names[:MAX_NAMES])
    return shown + (f" 等 {len(names)} 人" if len(names) > MAX_NAMES else "")


def revealed_html(question: StoredQuestion, right: list[str], wrong: list[str]) -> str:
    p = question.passage
    if right or wrong:
        who = (
            f"答对（{len(right)}）：{_names(right) or '无'}\n"
            f"答错（{len(wrong)}）：{_names(wrong) or '无'}"
        )
    else:
        who = "无人作答。"
    start = p.text.find(question.sentence)
    body = (
        render.escape(p.text)
        if start < 0
        else render.marked(
            p.text,
            [(start, start + len(question.sentence))],
            (0, len(p.text)),
            render.bold,
            render.escape,
        )
    )
    text = (
        f"🧩 <b>第 {question.number}/{question.total} 题 · 已揭晓</b>\n"
        f"{render.escape(question.prompt)}\n\n{_options_html(question, True)}\n\n{who}\n\n"
        f"📖 <b>{render.escape(p.title)}</b>\n<i>{render.escape(render.place(p))}</i>\n{body}"
    )
    return render.fit(text)


def round_summary_html(total: int, scores: list[Score]) -> str:
    lines = [f"🏁 <b>本轮测验结束</b>（共 {total} 题）"]
    lines += [
        f"{rank}. {render.escape(s.name)} · 答对 {s.correct}/{total}"
        for rank, s in enumerate(scores[:MAX_NAMES], start=1)
    ] or ["本轮无人作答。"]
    lines.append("发送 /rank 查看排行榜。")
    return "\n".join(lines)


def leaderboard_html(week: list[Score], ever: list[Score]) -> str:
    if not ever:
        return "这里还没有测验成绩。发送 /quiz 开始一轮测验吧！"

    def board(scores: list[Score]) -> list[str]:
        return [
            f"{rank}. {render.escape(s.name)} · 答对 {s.correct} 题（共答 {s.answered} 题）"
            for rank, s in enumerate(scores, start=1)
        ] or ["本周还没有人答题。"]

    return "\n".join(["🏆 <b>本周排行</b>", *board(week), "", "🏅 <b>总排行</b>", *board(ever)])
