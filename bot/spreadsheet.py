"""A study record as an XLSX workbook that Excel and WPS open: a sheet of members and a sheet
of events, headed in Chinese, times in the bot's time zone.

Written with openpyxl in write-only mode. Text is always stored as text: a question that
starts with "=" stays a question and is never run as a formula, and characters XML cannot
hold (control characters a user may paste) are dropped.
"""

from __future__ import annotations

import io
from collections.abc import Iterable, Sequence
from datetime import datetime
from zoneinfo import ZoneInfo

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Font
from openpyxl.worksheet._write_only import WriteOnlyWorksheet

from bot.state.record import StudyRecord

MEMBERS_SHEET = "成员汇总"
EVENTS_SHEET = "活动记录"
ABOUT_SHEET = "说明"
TIME_FORMAT = "yyyy-mm-dd hh:mm:ss"
MAX_CELL_CHARS = 32_767  # Excel's limit for one cell

Value = str | int | datetime | None


def workbook_bytes(record: StudyRecord, tz: ZoneInfo, *, many: bool) -> bytes:
    """The workbook; `many` adds a column naming the group (an export across groups)."""
    book = Workbook(write_only=True)
    titles = {c.chat_id: c.title for c in record.chats}

    def local(at: float) -> datetime:
        return datetime.fromtimestamp(at, tz).replace(tzinfo=None)

    group = ["群"] if many else []
    members = book.create_sheet(MEMBERS_SHEET)
    _widths(members, ([16] if many else []) + [18, 14, 14, 10, 10, 10, 14, 20, 20])
    _row(
        members,
        [
            *group,
            "成员",
            "用户名",
            "用户 ID",
            "提问次数",
            "答题数",
            "答对数",
            "收到每日一段",
            "首次参与",
            "最近活动",
        ],
        header=True,
    )
    for m in record.members:
        _row(
            members,
            [
                *([titles.get(m.chat_id, str(m.chat_id))] if many else []),
                m.name,
                f"@{m.username}" if m.username else "",
                m.user_id,
                m.questions,
                m.quiz_answered,
                m.quiz_right,
                m.daily,
                local(m.first_seen),
                local(m.last_active),
            ],
        )
    events = book.create_sheet(EVENTS_SHEET)
    _widths(events, [20] + ([16] if many else []) + [18, 14, 10, 60, 10])
    _row(events, ["时间", *group, "成员", "用户 ID", "事项", "内容", "结果"], header=True)
    for e in record.events:
        _row(
            events,
            [
                local(e.at),
                *([titles.get(e.chat_id, str(e.chat_id))] if many else []),
                e.name or "（全群）",
                e.user_id,
                e.kind.value,
                e.detail,
                e.result,
            ],
        )
    about = book.create_sheet(ABOUT_SHEET)
    _widths(about, [14, 60])
    since = local(record.since).strftime("%Y-%m-%d %H:%M") if record.since else "最早的记录"
    for line in (
        ["群", "、".join(c.title for c in record.chats)],
        ["时间范围", f"{since} 至 {local(record.until).strftime('%Y-%m-%d %H:%M')}"],
        ["时区", str(tz.key)],
        ["答题数", "已揭晓的测验题中作答的题数；答对数为其中答对的题数"],
        ["收到每日一段", "成员首次在群里参与之后，本群收到的每日一段的段数"],
    ):
        _row(about, list(line))
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _widths(sheet: WriteOnlyWorksheet, widths: Sequence[int]) -> None:
    for i, width in enumerate(widths):
        sheet.column_dimensions[chr(ord("A") + i)].width = width


def _row(sheet: WriteOnlyWorksheet, values: Iterable[Value], *, header: bool = False) -> None:
    cells = []
    for value in values:
        cell = WriteOnlyCell(sheet, value=_clean(value))
        if isinstance(value, str):
            cell.data_type = "s"  # text, even when it starts with "=": never a formula
        elif isinstance(value, datetime):
            cell.number_format = TIME_FORMAT
        if header:
            cell.font = Font(bold=True)
        cells.append(cell)
    sheet.append(cells)


def _clean(value: Value) -> Value:
    if isinstance(value, str):
        return str(ILLEGAL_CHARACTERS_RE.sub("", value))[:MAX_CELL_CHARS]
    return value
