"""What the Bot API promises: limits, error texts, errors and the request parameters."""

from __future__ import annotations

import contextlib
import json
from dataclasses import dataclass
from http import HTTPStatus
from typing import Any, Final

from aiohttp import web

JSON = dict[str, Any]

TEXT_LIMIT: Final = 4096
CAPTION_LIMIT: Final = 1024
CALLBACK_DATA_LIMIT: Final = 64
INLINE_RESULTS_LIMIT: Final = 50
CALLBACK_ANSWER_LIMIT: Final = 200
DOWNLOAD_LIMIT: Final = 20 * 1024 * 1024
UPLOAD_LIMIT: Final = 50 * 1024 * 1024

QUERY_INVALID: Final = (
    "Bad Request: query is too old and response timeout expired or query ID is invalid"
)
NOT_MODIFIED: Final = (
    "Bad Request: message is not modified: specified new message content and reply markup are "
    "exactly the same as a current content and reply markup of the message"
)
POLL_CONFLICT: Final = (
    "Conflict: terminated by other getUpdates request; make sure that only one bot instance "
    "is running"
)
WEBHOOK_CONFLICT: Final = (
    "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete "
    "the webhook first"
)


@dataclass(frozen=True)
class UploadedFile:
    filename: str
    content_type: str
    data: bytes


class ApiError(Exception):
    def __init__(self, status: int, description: str, parameters: JSON | None = None) -> None:
        super().__init__(description)
        self.status = int(status)
        self.description = description
        self.parameters = parameters


def bad(description: str) -> ApiError:
    return ApiError(HTTPStatus.BAD_REQUEST, f"Bad Request: {description}")


# Fields whose form values are plain strings; every other form value is JSON-decoded, because
# python-telegram-bot JSON-encodes all non-string values (ints, bools, objects).
_STRING_FIELDS: Final = frozenset(
    {
        "text", "caption", "parse_mode", "callback_query_id", "inline_query_id", "url",
        "next_offset", "switch_pm_text", "switch_pm_parameter", "language_code", "description",
        "short_description", "name", "title", "file_id", "document", "thumbnail", "action",
        "secret_token", "ip_address", "business_connection_id", "message_effect_id",
        "inline_message_id", "custom_title", "emoji", "query", "certificate",
    }
)  # fmt: skip


def decode_form_value(name: str, raw: str) -> Any:
    if name in _STRING_FIELDS:
        return raw
    try:
        value = json.loads(raw)
    except ValueError:
        return raw
    return raw if value is None or isinstance(value, str) else value


class Params:
    """Request parameters, typed the way the Bot API coerces them."""

    def __init__(self, values: JSON, files: dict[str, UploadedFile]) -> None:
        self.values = values
        self.files = files

    def loggable(self) -> JSON:
        logged = dict(self.values)
        for name, upload in self.files.items():
            logged[name] = {"filename": upload.filename, "size": len(upload.data)}
        return logged

    def has(self, name: str) -> bool:
        return self.values.get(name) is not None

    def text(self, name: str) -> str | None:
        value = self.values.get(name)
        if value is None or isinstance(value, str):
            return value
        if isinstance(value, bool):
            return "true" if value else "false"
        if isinstance(value, int | float):
            return str(value)
        return json.dumps(value)

    def integer(self, name: str) -> int | None:
        value = self.values.get(name)
        if value is None:
            return None
        if isinstance(value, int) and not isinstance(value, bool):
            return value
        if isinstance(value, float) and value.is_integer():
            return int(value)
        if isinstance(value, str):
            with contextlib.suppress(ValueError):
                return int(value.strip())
        raise bad(f"invalid {name} specified")

    def number(self, name: str) -> float | None:
        value = self.values.get(name)
        if value is None:
            return None
        try:
            return float(value)
        except (TypeError, ValueError):
            raise bad(f"invalid {name} specified") from None

    def flag(self, name: str) -> bool:
        return self.values.get(name) in (True, 1, "true", "True", "1")

    def json(self, name: str) -> Any:
        value = self.values.get(name)
        if isinstance(value, str):
            try:
                return json.loads(value)
            except ValueError:
                raise bad(f"can't parse {name} JSON object") from None
        return value

    def required_text(self, name: str) -> str:
        value = self.text(name)
        if not value:
            raise bad(f"{name} is empty")
        return value

    def required_integer(self, name: str) -> int:
        value = self.integer(name)
        if value is None:
            raise bad(f"{name} is empty")
        return value


def error_response(error: ApiError) -> web.Response:
    body: JSON = {"ok": False, "error_code": error.status, "description": error.description}
    if error.parameters:
        body["parameters"] = error.parameters
    return web.json_response(body, status=error.status)
