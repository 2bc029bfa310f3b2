"""How updates reach the bot: getUpdates long polling and webhook delivery."""

from __future__ import annotations

import asyncio
import contextlib
import re
import time
from http import HTTPStatus

from aiohttp import ClientError, ClientSession, ClientTimeout

from .models import (
    WebhookState,
)
from .protocol import (
    JSON,
    POLL_CONFLICT,
    WEBHOOK_CONFLICT,
    ApiError,
    Params,
    bad,
)
from .state import ServerState
from .validation import (
    UPDATE_TYPES_OFF_BY_DEFAULT,
)


class UpdatesMixin(ServerState):
    """getUpdates, the webhook methods and the task that pushes updates to a webhook."""

    async def _get_updates(self, p: Params) -> list[JSON]:
        if self.webhook.url:
            raise ApiError(HTTPStatus.CONFLICT, WEBHOOK_CONFLICT)
        offset = p.integer("offset")
        limit = min(max(p.integer("limit") or 100, 1), 100)
        timeout = max(p.number("timeout") or 0.0, 0.0)
        allowed = p.json("allowed_updates")
        if allowed is not None:
            if not isinstance(allowed, list):
                raise bad("can't parse allowed_updates JSON object")
            self._allowed_updates = {str(kind) for kind in allowed} or None
        if offset is not None:
            self._confirm(offset)
        # A newer getUpdates ends an older one, like on Telegram.
        self._poll_generation += 1
        self._notify()
        self._active_polls += 1
        self._no_polls.clear()
        try:
            return await self._poll(limit, timeout, self._poll_generation)
        finally:
            self._active_polls -= 1
            if not self._active_polls:
                self._no_polls.set()

    async def _poll(self, limit: int, timeout: float, generation: int) -> list[JSON]:
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        while True:
            changed = self._changed
            updates = self._deliverable(limit, self._allowed_updates)
            if updates or self._closing:
                self._delivered.update(u["update_id"] for u in updates)
                return updates
            if generation != self._poll_generation:
                # If this poll's client is gone, the handler gets cancelled meanwhile and nothing
                # is logged; only a live concurrent poller gets the 409.
                await asyncio.sleep(0.2)
                raise ApiError(HTTPStatus.CONFLICT, POLL_CONFLICT)
            remaining = deadline - loop.time()
            if remaining <= 0:
                return []
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(changed.wait(), remaining)

    def _confirm(self, offset: int) -> None:
        if offset < 0:
            self._updates = self._updates[offset:]
        else:
            self._updates = [u for u in self._updates if u["update_id"] >= offset]

    def _deliverable(self, limit: int, allowed: set[str] | None) -> list[JSON]:
        def wanted(update: JSON) -> bool:
            kind = next(k for k in update if k != "update_id")
            return kind in allowed if allowed else kind not in UPDATE_TYPES_OFF_BY_DEFAULT

        # Updates of unwanted types are never delivered, so Telegram doesn't keep them either.
        self._updates = [u for u in self._updates if wanted(u)]
        return self._updates[:limit]

    async def _set_webhook(self, p: Params) -> bool:
        url = p.text("url") or ""
        if url:
            scheme, _, rest = url.partition("://")
            host = re.split(r"[/:?#]", rest, maxsplit=1)[0]
            loopback = host in ("127.0.0.1", "localhost", "[::1]")
            if scheme != "https" and not (scheme == "http" and loopback):
                raise bad("bad webhook: HTTPS url must be provided for webhook")
        allowed = p.json("allowed_updates")
        if p.flag("drop_pending_updates"):
            self._updates.clear()
        self.webhook = WebhookState(
            url=url,
            secret_token=p.text("secret_token"),
            max_connections=p.integer("max_connections") or 40,
            allowed_updates=allowed if isinstance(allowed, list) else None,
            ip_address=p.text("ip_address"),
        )
        if isinstance(allowed, list):
            self._allowed_updates = {str(kind) for kind in allowed} or None
        if url and (self._webhook_task is None or self._webhook_task.done()):
            self._webhook_task = asyncio.create_task(self._deliver_webhooks())
        return True

    async def _delete_webhook(self, p: Params) -> bool:
        if p.flag("drop_pending_updates"):
            self._updates.clear()
        self.webhook = WebhookState()
        self._notify()
        return True

    async def _get_webhook_info(self, p: Params) -> JSON:
        info: JSON = {
            "url": self.webhook.url,
            "has_custom_certificate": False,
            "pending_update_count": len(self._updates),
        }
        if self.webhook.url:
            info["max_connections"] = self.webhook.max_connections
            if self.webhook.allowed_updates is not None:
                info["allowed_updates"] = self.webhook.allowed_updates
            if self.webhook.last_error_date is not None:
                info["last_error_date"] = self.webhook.last_error_date
                info["last_error_message"] = self.webhook.last_error_message
        return info

    async def _deliver_webhooks(self) -> None:
        """Push updates to a loopback webhook, one at a time, retrying failures."""
        async with ClientSession(timeout=ClientTimeout(total=10)) as session:
            while not self._closing and self.webhook.url:
                changed = self._changed
                url = self.webhook.url
                host = re.split(r"[/:?#]", url.partition("://")[2], maxsplit=1)[0]
                pending = self._deliverable(1, self._allowed_updates)
                if not pending or host not in ("127.0.0.1", "localhost", "[::1]"):
                    with contextlib.suppress(TimeoutError):
                        await asyncio.wait_for(changed.wait(), 1.0)
                    continue
                update = pending[0]
                headers = {}
                if self.webhook.secret_token:
                    headers["X-Telegram-Bot-Api-Secret-Token"] = self.webhook.secret_token
                try:
                    async with session.post(url, json=update, headers=headers) as response:
                        status = response.status
                        error = f"Wrong response from the webhook: {status} {response.reason}"
                except (ClientError, TimeoutError) as exc:
                    status, error = 0, f"Connection failed: {exc!r}"
                self.webhook.deliveries.append((update["update_id"], status))
                self._delivered.add(update["update_id"])
                if 200 <= status < 300:
                    self._updates = [u for u in self._updates if u is not update]
                    self._notify()
                else:
                    self.webhook.last_error_date = int(time.time())
                    self.webhook.last_error_message = error
                    await asyncio.sleep(0.2)
