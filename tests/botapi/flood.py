"""Telegram's flood limits: enforced on request, and measured for the tests."""

from __future__ import annotations

import math
import time
from http import HTTPStatus

from .models import (
    Chat,
)
from .protocol import (
    ApiError,
)
from .state import ServerState


def flood_error(retry_after: int) -> ApiError:
    return ApiError(
        HTTPStatus.TOO_MANY_REQUESTS,
        f"Too Many Requests: retry after {retry_after}",
        {"retry_after": retry_after},
    )


class FloodMixin(ServerState):
    """Refuses sends beyond Telegram's rates (when enforced) and measures them."""

    def _flood_gate(self, chat: Chat) -> None:
        if not self.enforce_flood_limits:
            return
        now = time.monotonic()
        if sum(1 for t, _ in self._send_times if now - t < 1.0) >= 30:
            raise flood_error(1)
        if chat.type in ("group", "supergroup"):
            recent = [t for t, c in self._send_times if c == chat.id and now - t < 60.0]
            if len(recent) >= 20:
                raise flood_error(max(1, math.ceil(60.0 - (now - min(recent)))))

    def max_sends_in_window(self, window: float, chat_id: int | None = None) -> int:
        """Most messages the bot sent within any ``window`` seconds (to one chat, or overall).

        E.g. ``assert api.max_sends_in_window(60, group_id) <= 20`` and
        ``assert api.max_sends_in_window(1) <= 30`` check Telegram's flood limits.
        """
        times = sorted(t for t, c in self._send_times if chat_id is None or c == chat_id)
        best = start = 0
        for end, moment in enumerate(times):
            while moment - times[start] >= window:
                start += 1
            best = max(best, end - start + 1)
        return best
