"""The HTTP layer: lifecycle, routing a request to its method, and injected faults."""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
from http import HTTPStatus
from types import TracebackType
from typing import Any, Self

from aiohttp import web

from .files import FilesMixin
from .models import (
    Fault,
    RequestRecord,
)
from .protocol import (
    JSON,
    POLL_CONFLICT,
    UPLOAD_LIMIT,
    ApiError,
    Params,
    UploadedFile,
    bad,
    decode_form_value,
    error_response,
)
from .state import Handler

log = logging.getLogger(__name__)


class RoutingMixin(FilesMixin):
    """Serves the Bot API over HTTP on 127.0.0.1, with the faults a test injects."""

    async def __aenter__(self) -> Self:
        await self.start()
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self.stop()
        if exc is None and self.internal_errors:
            raise AssertionError(f"the Bot API stand-in itself failed: {self.internal_errors!r}")

    async def start(self) -> None:
        app = web.Application(client_max_size=UPLOAD_LIMIT + 1024 * 1024)
        app.router.add_route("*", "/{tail:.*}", self._handle)
        # handler_cancellation: a client that hangs up (e.g. a cancelled long poll) ends its
        # handler, like a real server forgets about it.
        runner = web.AppRunner(
            app, access_log=None, handler_cancellation=True, shutdown_timeout=1.0
        )
        await runner.setup()
        site = web.TCPSite(runner, self.host, self.port)
        await site.start()
        self._runner = runner
        host, port = runner.addresses[0][:2]
        self.port = port
        self._root = f"http://{host}:{port}"

    async def stop(self) -> None:
        self._closing = True
        self._notify()  # pending long polls answer at once; give them a moment to do so
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(self._no_polls.wait(), 0.5)
        if self._webhook_task is not None:
            self._webhook_task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._webhook_task
            self._webhook_task = None
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None

    @property
    def root(self) -> str:
        """E.g. ``http://127.0.0.1:41234``."""
        return self._root

    @property
    def base_url(self) -> str:
        """For ``ApplicationBuilder().base_url(...)`` / ``Bot(base_url=...)``."""
        return f"{self._root}/bot"

    @property
    def base_file_url(self) -> str:
        """For ``ApplicationBuilder().base_file_url(...)`` / ``Bot(base_file_url=...)``."""
        return f"{self._root}/file/bot"

    @property
    def bot_id(self) -> int:
        return self.bot.id

    def fail_next(
        self,
        method: str,
        status: int = 429,
        retry_after: int = 1,
        count: int = 1,
        description: str | None = None,
    ) -> None:
        """Answer the next ``count`` calls of ``method`` ("*": any but getUpdates) with an error,
        without processing them. 429 carries ``retry_after`` like Telegram's flood control."""
        if description is None:
            description = {
                429: f"Too Many Requests: retry after {retry_after}",
                500: "Internal Server Error",
                502: "Bad Gateway",
                400: "Bad Request: injected failure",
                403: "Forbidden: bot was blocked by the user",
                409: POLL_CONFLICT,
            }.get(status, HTTPStatus(status).phrase)
        self._faults.append(Fault(method.lower(), "fail", count, status, retry_after, description))

    def delay_next(
        self, method: str, seconds: float, count: int = 1, *, processed: bool = False
    ) -> None:
        """Delay the next ``count`` calls of ``method``. With ``processed=True`` the call takes
        effect first and only the response is late (a client timeout then hides a success)."""
        self._faults.append(
            Fault(method.lower(), "delay", count, seconds=seconds, processed=processed)
        )

    def drop_next(self, method: str, count: int = 1, *, processed: bool = False) -> None:
        """Close the connection of the next ``count`` calls without answering; with
        ``processed=True`` the call took effect (e.g. the message was sent) before that."""
        self._faults.append(Fault(method.lower(), "drop", count, processed=processed))

    async def _handle(self, request: web.Request) -> web.StreamResponse:
        path = request.path
        if path.startswith("/file/bot"):
            return self._serve_file(path.removeprefix("/file/bot"))
        if not path.startswith("/bot"):
            return error_response(ApiError(HTTPStatus.NOT_FOUND, "Not Found"))
        token, _, method = path.removeprefix("/bot").partition("/")
        try:
            params = await self._read_params(request)
        except ApiError as err:
            return self._respond(method, {}, err)
        logged = params.loggable()
        if token != self.token:
            return self._respond(method, logged, ApiError(HTTPStatus.UNAUTHORIZED, "Unauthorized"))
        handler = self._handlers.get(method.lower())
        if handler is None:
            return self._respond(
                method, logged, ApiError(HTTPStatus.NOT_FOUND, "Not Found: method not found")
            )
        fault = self._take_fault(method)
        try:
            if fault is not None and fault.kind == "fail":
                parameters = {"retry_after": fault.retry_after} if fault.status == 429 else None
                error = ApiError(fault.status, fault.description, parameters)
                return self._respond(method, logged, error, injected=True)
            if fault is not None and not fault.processed:
                if fault.kind == "drop":
                    return self._drop(request, method, logged)
                await asyncio.sleep(fault.seconds)
            outcome = await self._run(handler, params, method)
            if fault is not None and fault.processed:
                if fault.kind == "drop":
                    return self._drop(request, method, logged)
                await asyncio.sleep(fault.seconds)
            return self._respond(method, logged, outcome, injected=fault is not None)
        except asyncio.CancelledError:
            # The client hung up (timeout, cancelled long poll): nothing is sent back.
            self._record(RequestRecord(method, logged, 0, "client disconnected"))
            raise

    async def _run(self, handler: Handler, params: Params, method: str) -> Any:
        try:
            return await handler(params)
        except ApiError as err:
            return err
        except Exception as exc:  # a bug in the stand-in: surface it, don't hide it
            log.exception("Bot API stand-in failed on %s", method)
            self.internal_errors.append(exc)
            return ApiError(HTTPStatus.INTERNAL_SERVER_ERROR, f"stand-in error: {exc!r}")

    async def _read_params(self, request: web.Request) -> Params:
        values: JSON = {k: decode_form_value(k, v) for k, v in request.query.items()}
        files: dict[str, UploadedFile] = {}
        if request.body_exists:
            content_type = request.content_type
            if content_type == "application/json":
                try:
                    body = json.loads(await request.read() or b"{}")
                except ValueError:
                    body = None
                if not isinstance(body, dict):
                    raise bad("can't parse JSON object")
                values.update(body)
            elif content_type in ("application/x-www-form-urlencoded", "multipart/form-data"):
                form = await request.post()
                for name, value in form.items():
                    if isinstance(value, web.FileField):
                        upload = UploadedFile(value.filename, value.content_type, value.file.read())
                        files[name] = upload
                    elif isinstance(value, str):
                        values[name] = decode_form_value(name, value)
        return Params(values, files)

    def _take_fault(self, method: str) -> Fault | None:
        name = method.lower()
        for fault in self._faults:
            if fault.method == name or (fault.method == "*" and name != "getupdates"):
                fault.remaining -= 1
                if fault.remaining <= 0:
                    self._faults.remove(fault)
                return fault
        return None

    def _respond(
        self, method: str, logged: JSON, outcome: Any, *, injected: bool = False
    ) -> web.Response:
        if isinstance(outcome, ApiError):
            self._record(
                RequestRecord(method, logged, outcome.status, outcome.description, None, injected)
            )
            return error_response(outcome)
        self._record(RequestRecord(method, logged, 200, None, outcome, injected))
        return web.json_response({"ok": True, "result": outcome})

    def _drop(self, request: web.Request, method: str, logged: JSON) -> web.Response:
        self._record(RequestRecord(method, logged, 0, "connection dropped", None, injected=True))
        if request.transport is not None:
            request.transport.abort()
        return web.Response(status=HTTPStatus.NO_CONTENT)  # never reaches the client
