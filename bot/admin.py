"""Admin tools, granted by numeric Telegram user id (never by username, which can change hands).

Every admin action, allowed or refused, goes to the audit log. Uploaded documents are
checked (type, size, a name that cannot leave the corpus folder, parseable text) before they
are written, atomically, into the corpus folder; then the corpus is reloaded.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import re
import tempfile
import time
import unicodedata
from collections.abc import Callable, Coroutine
from functools import wraps
from pathlib import Path, PurePosixPath, PureWindowsPath
from typing import Any

from telegram import Message, Update
from telegram.constants import ParseMode
from telegram.error import TelegramError

from bot import render
from bot.context import Context
from bot.services import Services
from retrieval.corpus import read_document
from retrieval.explanation import explain
from retrieval.ingest import MAX_BYTES, SUFFIXES, DocumentError
from retrieval.library import ReloadReport

Handler = Callable[[Update, Context], Coroutine[Any, Any, None]]

REFUSED = "抱歉，这个操作仅限管理员使用。"
MAX_PATH_CHARS = 60  # of a failed file's path in the reload summary
MAX_NAME_BYTES = 200  # file systems allow 255 bytes; a Chinese character takes 3
PROGRESS_EVERY = 2.0  # seconds between edits of the reload progress message
MAX_UPLOAD_BYTES = min(MAX_BYTES, 20 * 1024 * 1024)  # bots can download at most 20 MB


def admin_only(action: str) -> Callable[[Handler], Handler]:
    """Run the handler for admins; refuse politely and audit everyone else."""

    def decorate(handler: Handler) -> Handler:
        @wraps(handler)
        async def wrapper(update: Update, context: Context) -> None:
            svc = context.bot_data.services
            user = update.effective_user
            user_id = user.id if user else None
            allowed = svc.is_admin(user_id)
            message = update.effective_message
            document = message.document if message else None
            detail = (
                (document.file_name or "") if document else (message.text or "") if message else ""
            )
            detail = detail[:200]
            await svc.state.audit.record(
                user_id=user_id, action=action, allowed=allowed, detail=detail
            )
            if not allowed:
                if update.effective_message is not None:
                    await update.effective_message.reply_text(REFUSED)
                return
            await handler(update, context)

        return wrapper

    return decorate


def reload_summary(report: ReloadReport) -> list[str]:
    """The summary as Telegram HTML messages: every failed file is named, in as many
    messages as that takes."""
    lines = [
        "✅ 语料已更新" if not report.failed else "⚠️ 语料已更新，部分文件未能导入",
        f"新增 {len(report.added)}，更新 {len(report.changed)}，删除 {len(report.removed)}，"
        f"失败 {len(report.failed)}，未变 {report.unchanged}",
        f"现有 {report.documents} 份资料、{report.passages} 个段落，用时 {report.seconds:.1f} 秒"
        + (f"（每秒 {report.chars_per_second:,.0f} 字）" if report.chars else ""),
    ]
    lines += [f"• {_short_path(doc)}：{reason}" for doc, reason in report.failed]
    if report.duplicates:
        lines.append(f"重复 {len(report.duplicates)} 份，只收录一次：")
        lines += [
            f"• {_short_path(d.doc)} 与 {_short_path(d.of)} 内容相同"
            if d.same
            else f"• {_short_path(d.doc)} 的内容已包含在 {_short_path(d.of)} 中"
            for d in report.duplicates
        ]
    return render.pack([render.escape(line) for line in lines], separator="\n")


def _short_path(doc: str) -> str:
    """A long path cut to its file name, and a long name to its two ends (where names
    differ: a number in front, a type behind): the reason after it is what the admin needs."""
    if len(doc) <= MAX_PATH_CHARS:
        return doc
    folder, _, name = doc.rpartition("/")
    half = MAX_PATH_CHARS // 2 - 2
    if len(name) > 2 * half:
        name = f"{name[:half]}…{name[-half:]}"
    return f"…/{name}" if folder else name


async def run_reload(
    message: Message, svc: Services, title: str = "正在重新加载语料", allow_empty: bool = False
) -> ReloadReport | None:
    """Reload with a progress message that is edited while it runs, then with the summary."""
    progress = await message.reply_text(f"⏳ {title}…")
    read: list[tuple[int, int]] = []  # files done, files in all: set by the reload's thread

    def count(done: int, total: int, chars: int) -> None:
        read[:] = [(done, total)]

    task = asyncio.create_task(svc.library.reload(allow_empty, progress=count))
    started = time.monotonic()
    shown = ""
    while not task.done():
        await asyncio.wait({task}, timeout=PROGRESS_EVERY)
        if not task.done():
            files = f"，已读取 {read[0][0]}/{read[0][1]} 个文件" if read else ""
            if read and read[0][0] == read[0][1]:
                files += "，正在建立索引"
            text = f"⏳ {title}…已用 {time.monotonic() - started:.0f} 秒{files}"
            if text != shown:  # Telegram refuses an edit that changes nothing
                shown = text
                with contextlib.suppress(TelegramError):
                    await progress.edit_text(text)
    try:
        report = task.result()
    except Exception as exc:  # the index in service stays as it was
        await progress.edit_text(f"❌ 重新加载失败，仍在使用原有资料。原因：{exc}")
        return None
    first, *more = reload_summary(report)
    await progress.edit_text(first, parse_mode=ParseMode.HTML)
    for text in more:
        await message.reply_html(text)
    return report


@admin_only("reload")
async def reload_command(update: Update, context: Context) -> None:
    if update.effective_message is not None:
        await run_reload(update.effective_message, context.bot_data.services)


@admin_only("docs")
async def docs_command(update: Update, context: Context) -> None:
    message = update.effective_message
    if message is None:
        return
    summaries = await context.bot_data.services.store.summaries()
    if not summaries:
        await message.reply_text(
            f"资料库还是空的。发送 {'、'.join(SUFFIXES)} 文件或网页链接即可添加。"
        )
        return
    metas = {d.doc: d.meta for d in context.bot_data.services.library.index.documents}
    lines = ["<b>资料列表</b>"]
    for s in summaries:
        updated = time.strftime("%Y-%m-%d %H:%M", time.localtime(s.updated_at))
        meta = metas.get(s.doc)
        facts = render.document_facts(meta) if meta else ""
        lines.append(
            f"• <code>{render.escape(s.doc)}</code>\n"
            f"  {render.escape(s.title)}（{s.passages} 段，更新于 {updated}）"
            + (f"\n  <i>{render.escape(facts)}</i>" if facts else "")
        )
    for text in render.pack(lines):
        await message.reply_html(text)


@admin_only("remove")
async def remove_command(update: Update, context: Context) -> None:
    message = update.effective_message
    if message is None:
        return
    svc = context.bot_data.services
    name = " ".join(context.args or []).strip()
    known = {s.doc for s in await svc.store.summaries()}
    if name not in known:
        await message.reply_text(
            "用法：/remove 文件名（用 /docs 查看文件名）。" + (f"\n找不到：{name}" if name else "")
        )
        return
    path = corpus_path(svc.library.corpus_dir, name)
    if path is None:
        await message.reply_text("文件名不合法。")
        return
    with contextlib.suppress(FileNotFoundError):
        path.unlink()
    with contextlib.suppress(FileNotFoundError):  # the source of a document from a link
        path.with_name(path.name + ".source.json").unlink()
    # removing the last document empties the corpus on purpose
    await run_reload(message, svc, f"正在删除 {name} 并重新加载", allow_empty=True)


@admin_only("upload")
async def upload(update: Update, context: Context) -> None:
    """A document sent by an admin joins the corpus, after checks, and the corpus reloads."""
    message = update.effective_message
    if message is None or message.document is None:
        return
    svc = context.bot_data.services
    document = message.document
    name = safe_name(document.file_name or "")
    if name is None:
        await message.reply_text(
            f"不支持这个文件。请发送 {'、'.join(SUFFIXES)} 文件，文件名不能为空。"
        )
        return
    if document.file_size is not None and document.file_size > MAX_UPLOAD_BYTES:
        await message.reply_text(f"文件太大（上限 {MAX_UPLOAD_BYTES // 1024 // 1024} MB）。")
        return
    telegram_file = await document.get_file()
    data = bytes(await telegram_file.download_as_bytearray())
    if len(data) > MAX_UPLOAD_BYTES:
        await message.reply_text(f"文件太大（上限 {MAX_UPLOAD_BYTES // 1024 // 1024} MB）。")
        return
    try:
        await asyncio.to_thread(read_document, name, data)
    except DocumentError as exc:
        await message.reply_text(f"无法导入：{exc}")
        return
    path = corpus_path(svc.library.corpus_dir, name)
    if path is None:
        await message.reply_text("文件名不合法。")
        return
    replaced = path.exists()
    await asyncio.to_thread(write_atomically, path, data)
    await run_reload(message, svc, f"已{'替换' if replaced else '收到'} {name}，正在重新加载")


@admin_only("stats")
async def stats_command(update: Update, context: Context) -> None:
    message = update.effective_message
    if message is None:
        return
    state = context.bot_data.services.state
    asked = await state.queries.stats()
    votes = await state.votes.counts()
    lines = [
        "<b>使用统计</b>",
        f"今日提问 {asked.today}，本周提问 {asked.week}，本周未找到答案 {asked.unanswered}",
        f"反馈：👍 {votes.up}  👎 {votes.down}",
        "<b>本周热门问题</b>",
        *[f"• {render.escape(a.question[:60])}（{a.times}）" for a in asked.top],
        "<b>本周未回答的问题</b>",
        *[f"• {render.escape(a.question[:60])}（{a.times}）" for a in asked.missed],
    ]
    await message.reply_html("\n".join(lines))


@admin_only("explain")
async def explain_command(update: Update, context: Context) -> None:
    """The hit test: question terms, matched terms and scores, and the threshold."""
    message = update.effective_message
    if message is None:
        return
    question = " ".join(context.args or [])
    if not question.strip():
        await message.reply_text("用法：/explain 问题")
        return
    svc = context.bot_data.services
    report = explain(svc.library.index, question, svc.library.segmenter, svc.library.ranking)
    lines = render.explanation(question, report, render.escape, lambda s: f"<b>{s}</b>")
    for text in render.pack(lines):
        await message.reply_html(text)


# --- file names -----------------------------------------------------------------------------

_UNSAFE = re.compile(r'[\x00-\x1f\x7f<>:"/\\|?*]')


def safe_name(name: str) -> str | None:
    """A plain file name for an upload, or None: no folders, no hidden files, a known type."""
    name = unicodedata.normalize("NFKC", name)
    name = PureWindowsPath(PurePosixPath(name).name).name  # drop any folder part, either style
    name = _UNSAFE.sub("_", name).strip().lstrip(".")
    stem, suffix = os.path.splitext(name)
    if not stem.strip(" ._") or suffix.lower() not in SUFFIXES:
        return None
    stem = stem.encode()[:MAX_NAME_BYTES].decode(errors="ignore")  # never half a character
    return stem + suffix.lower()


def corpus_path(corpus_dir: Path, name: str) -> Path | None:
    """`name` inside the corpus folder, or None if it would resolve anywhere else."""
    root = corpus_dir.resolve()
    path = (root / name).resolve()
    return path if path.parent == root or root in path.parents else None


def write_atomically(path: Path, data: bytes) -> None:
    """Write a hidden temporary file (skipped by reloads), flush it to disk, then rename, so a
    reload never reads a half-written document, nor two uploads of one name each other's."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".part")
    try:
        with os.fdopen(fd, "wb") as file:
            file.write(data)
            file.flush()
            os.fsync(file.fileno())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise
