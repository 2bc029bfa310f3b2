"""The handlers' one context type: python-telegram-bot's ContextTypes with a typed bot_data.

Every handler and job takes a `Context`; what the application keeps for them is a `BotData`,
and the services object is reached one way, `context.bot_data.services` (or
`app.bot_data.services` where only the application is at hand).
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING, Any

from telegram.ext import Application, CallbackContext, ContextTypes, ExtBot

if TYPE_CHECKING:
    from bot.services import Services
    from bot.settings import Settings
    from retrieval.quiz import QuizBank


class BotData:
    """What the application keeps for its handlers. python-telegram-bot makes it with no
    arguments; `build_application` sets the settings, start-up (`app._open`) the services."""

    def __init__(self) -> None:
        self.settings: Settings | None = None
        self._services: Services | None = None
        self.catch_up: asyncio.Task[None] | None = None  # start-up's catch-up with the folder
        # The bot's clock, a callable returning an aware datetime: tests put theirs here.
        self.clock: Callable[[], datetime] | None = None
        self.quiz_bank: QuizBank | None = None  # key terms of the index in service

    @property
    def services(self) -> Services:
        if self._services is None:
            raise RuntimeError("the bot's services are opened at start-up (post_init)")
        return self._services

    @services.setter
    def services(self, services: Services) -> None:
        self._services = services

    @property
    def opened(self) -> Services | None:
        """The services, or None before start-up opened them (or when it failed)."""
        return self._services


Context = CallbackContext[ExtBot[Any], dict[Any, Any], dict[Any, Any], BotData]
CONTEXT_TYPES: ContextTypes[Context, dict[Any, Any], dict[Any, Any], BotData] = ContextTypes(
    bot_data=BotData
)
# The application as handlers and jobs see it (context.application): python-telegram-bot leaves
# its context and job queue parameters open there; bot_data is what matters.
App = Application[Any, Any, Any, Any, BotData, Any]
