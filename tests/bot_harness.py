"""Running the real python-telegram-bot Application against the Bot API stand-in."""

from __future__ import annotations

import asyncio
import json
import os
import random
import shutil
import socket
import sys
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from telegram import Update
from telegram.ext import TypeHandler

from bot.app import build_application
from bot.context import App
from bot.settings import Settings
from bot.state import BotState
from retrieval.store import Store
from tests.botapi import BotApiServer

TOKEN = "123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw0"
USERNAME = "studybot_test_bot"
USER = 1001
OTHER = 1002
ADMIN = 4242
GROUP = -100500
ROOT = Path(__file__).resolve().parent.parent
SPEECH = ROOT / "corpus" / "lianzheng-tanhua-jiating-zhulian.txt"


class HandledUpdates:
    """The update ids the bot is done with, for tests to await instead of sleeping.

    Recorded by a handler in a group after all of the bot's: it runs once the bot's handler
    (with its retries), the error handler (with its apology) and the inbox's mark_handled are
    over, so after `wait(update_id)` nothing more can come of that update.
    """

    GROUP = 1_000  # after every group bot.app.add_handlers uses

    def __init__(self) -> None:
        self.ids: set[int] = set()
        self._changed = asyncio.Condition()

    def install(self, app: App) -> None:
        app.add_handler(TypeHandler(Update, self._record), group=self.GROUP)

    async def _record(self, update: Update, context: object) -> None:
        async with self._changed:
            self.ids.add(update.update_id)
            self._changed.notify_all()

    async def wait(self, update_id: int | None, timeout: float = 10.0) -> None:
        """Until the bot is done with this update (None: the bot never got it, a test bug)."""
        assert update_id is not None, "the bot was never sent this update"
        async with self._changed:
            await asyncio.wait_for(self._changed.wait_for(lambda: update_id in self.ids), timeout)


@dataclass
class Harness:
    api: BotApiServer
    app: App
    settings: Settings
    corpus: Path
    handled: HandledUpdates


def make_settings(tmp_path: Path, api_root: str, **extra: Any) -> Settings:
    corpus = tmp_path / "corpus"
    if not corpus.exists():
        corpus.mkdir()
        shutil.copy(SPEECH, corpus)
    values: dict[str, Any] = {
        "TELEGRAM_BOT_TOKEN": TOKEN,
        "STUDYBOT_DB": tmp_path / "bot.db",
        "STUDYBOT_CORPUS_DIR": corpus,
        "TELEGRAM_API_BASE_URL": api_root,
        "STUDYBOT_ADMIN_IDS": str(ADMIN),
        **extra,
    }
    return Settings(_env_file=None, **values)


@asynccontextmanager
async def running_bot(
    api: BotApiServer,
    settings: Settings,
    webhook: dict[str, Any] | None = None,
    *,
    clock: FakeClock | None = None,
    handled: HandledUpdates | None = None,
) -> AsyncIterator[App]:
    """Start the Application as `studybot run` would (post_init included): polling the
    stand-in, or serving `webhook` (the options `studybot run` would use). `clock` is the
    bot's clock (bot_data.clock) from before post_init; `handled` records the updates the
    bot is done with."""
    app = build_application(settings)
    app.bot_data.clock = clock
    if handled is not None:
        handled.install(app)
    await app.initialize()
    assert app.post_init is not None
    await app.post_init(app)
    await app.start()
    assert app.updater is not None
    if webhook is None:
        await app.updater.start_polling(poll_interval=0, timeout=1)
    else:
        await app.updater.start_webhook(**webhook)
    try:
        yield app
    finally:
        await app.updater.stop()
        await app.stop()
        if app.post_shutdown is not None:
            await app.post_shutdown(app)
        await app.shutdown()


def populate(api: BotApiServer) -> None:
    api.add_user(USER, "张三", "zhangsan")
    api.add_user(OTHER, "李四", "lisi")
    api.add_user(ADMIN, "管理员", "admin")
    api.add_chat(GROUP, "supergroup", "学习小组", admins=[ADMIN], members=[USER, OTHER])


@asynccontextmanager
async def harness(tmp_path: Path, **server_options: Any) -> AsyncIterator[Harness]:
    async with BotApiServer(token=TOKEN, username=USERNAME, **server_options) as api:
        populate(api)
        settings = make_settings(tmp_path, api.root)
        handled = HandledUpdates()
        async with running_bot(api, settings, handled=handled) as app:
            yield Harness(api, app, settings, settings.corpus_dir, handled)


@dataclass
class FakeClock:
    """The bot's clock (bot_data.clock), moved by the test instead of sleeping."""

    moment: datetime

    def __call__(self) -> datetime:
        return self.moment

    def advance(self, delta: timedelta) -> None:
        self.moment += delta


def clean_env(**extra: str) -> dict[str, str]:
    """This process's environment without StudyBot's or Telegram's settings, plus `extra`."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("STUDYBOT_", "TELEGRAM_"))}
    env.update(extra)
    return env


async def start_bot_process(
    api: BotApiServer,
    settings: Settings,
    cwd: Path,
    output: int | None = asyncio.subprocess.DEVNULL,
    **extra: str,
) -> asyncio.subprocess.Process:
    """`studybot run` in its own process, configured like `settings` (and `extra` settings),
    talking to the stand-in."""
    env = clean_env(
        TELEGRAM_BOT_TOKEN=TOKEN,
        TELEGRAM_API_BASE_URL=api.root,
        STUDYBOT_DB=str(settings.db),
        STUDYBOT_CORPUS_DIR=str(settings.corpus_dir),
        **extra,
    )
    return await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "bot.cli",
        "run",
        env=env,
        cwd=cwd,
        stdout=output,
        stderr=asyncio.subprocess.STDOUT if output == asyncio.subprocess.PIPE else output,
    )


async def unhandled_updates(db: Path) -> set[int]:
    """Ids of the updates kept in the bot's inbox and not handled: what a crash left for the
    next start to replay. Read while no bot runs on `db`."""
    async with await Store.open(db) as store:
        inbox = (await BotState.open(store.database)).inbox
        return {json.loads(payload)["update_id"] for payload in await inbox.pending()}


def free_port() -> int:
    """A free port on 127.0.0.1 for the bot's webhook server, below the kernel's ephemeral
    range (32768 up on Linux): nothing that binds port 0 or connects out (the stand-in's
    webhook deliveries, other tests) can take it before the bot listens on it, nor between a
    SIGKILL and the restart."""
    for port in random.sample(range(20_000, 32_000), 100):
        with socket.socket() as probe:
            try:
                probe.bind(("127.0.0.1", port))
            except OSError:
                continue
            return port
    raise RuntimeError("no free port for the webhook")
