"""What the bot's handlers share: settings, the corpus's store and library, the bot's own
records (bot/state/), the per-user rate limit and the updates being handled. Handlers reach
it one way, `context.bot_data.services` (bot/context.py)."""

from __future__ import annotations

import time
from collections import deque
from dataclasses import dataclass, field

from bot.settings import Settings
from bot.state import BotState
from retrieval.library import Library
from retrieval.store import Store

MAX_TRACKED_USERS = 10_000


@dataclass
class UserRateLimit:
    """A sliding window per user: one member cannot flood the bot for everyone."""

    limit: int
    window: float = 60.0
    _seen: dict[int, deque[float]] = field(default_factory=dict)
    _pruned_at: float = float("-inf")

    def allow(self, user_id: int, now: float | None = None) -> bool:
        now = time.monotonic() if now is None else now
        if len(self._seen) > MAX_TRACKED_USERS and now - self._pruned_at > self.window:
            # forget users quiet for a whole window; at most once a window, so a crowd of
            # active users does not make every call walk them all
            self._seen = {u: t for u, t in self._seen.items() if t and now - t[-1] <= self.window}
            self._pruned_at = now
        times = self._seen.setdefault(user_id, deque())
        while times and now - times[0] > self.window:
            times.popleft()
        if len(times) >= self.limit:
            return False
        times.append(now)
        return True

    @property
    def tracked(self) -> frozenset[int]:
        """The users whose requests are remembered (memory stays bounded by forgetting)."""
        return frozenset(self._seen)


@dataclass
class Services:
    settings: Settings
    store: Store  # the corpus (library.store)
    state: BotState  # the bot's own records, in the same database file
    library: Library
    rate: UserRateLimit
    in_progress: set[int] = field(default_factory=set)  # update ids being handled now

    def is_admin(self, user_id: int | None) -> bool:
        return user_id is not None and user_id in self.settings.admin_ids
