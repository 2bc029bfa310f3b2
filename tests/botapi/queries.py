"""Callback and inline queries: their lifetimes and the answers to them."""

from __future__ import annotations

import re
import time
from typing import Any

from .entities import utf16_len
from .models import (
    Query,
)
from .protocol import (
    CALLBACK_ANSWER_LIMIT,
    INLINE_RESULTS_LIMIT,
    QUERY_INVALID,
    Params,
    bad,
)
from .state import ServerState
from .validation import (
    INLINE_RESULT_TYPES,
    validate_reply_markup,
)


class QueriesMixin(ServerState):
    """answerCallbackQuery and answerInlineQuery, checked like Telegram checks them."""

    async def _answer_callback_query(self, p: Params) -> bool:
        query_id = p.text("callback_query_id")
        query = self._live_query(query_id, "callback_query")
        text = p.text("text")
        if text is not None and utf16_len(text) > CALLBACK_ANSWER_LIMIT:
            raise bad("MESSAGE_TOO_LONG")
        query.answered = True
        self._answers.setdefault(query_id or "", []).append(p.loggable())
        return True

    async def _answer_inline_query(self, p: Params) -> bool:
        query_id = p.text("inline_query_id")
        query = self._live_query(query_id, "inline_query")
        results = p.json("results")
        if not isinstance(results, list):
            raise bad("can't parse inline query results JSON object")
        if len(results) > INLINE_RESULTS_LIMIT:
            raise bad("RESULTS_TOO_MUCH")
        seen: set[str] = set()
        for result in results:
            self._check_inline_result(result, seen)
        next_offset = p.text("next_offset") or ""
        if len(next_offset.encode()) > 64:
            raise bad("NEXT_OFFSET_INVALID")
        button = p.json("button")
        if button is not None:
            if not isinstance(button, dict) or not button.get("text"):
                raise bad("can't parse InlineQueryResultsButton JSON object")
            start = button.get("start_parameter")
            if start is not None and not re.fullmatch(r"[A-Za-z0-9_-]{1,64}", str(start)):
                raise bad("START_PARAM_INVALID")
        query.answered = True
        self._answers.setdefault(query_id or "", []).append(p.loggable())
        return True

    def _check_inline_result(self, result: Any, seen: set[str]) -> None:
        if not isinstance(result, dict):
            raise bad("can't parse inline query result: InlineQueryResult must be an Object")
        result_id = result.get("id")
        if not isinstance(result_id, str) or not 1 <= len(result_id.encode()) <= 64:
            raise bad("RESULT_ID_INVALID")
        if result_id in seen:
            raise bad("RESULT_ID_DUPLICATE")
        seen.add(result_id)
        kind = result.get("type")
        if kind not in INLINE_RESULT_TYPES:
            raise bad(f'unsupported inline query result type "{kind}"')
        content = result.get("input_message_content")
        if kind == "article":
            if not isinstance(result.get("title"), str) or not result["title"]:
                raise bad('can\'t parse inline query result: Field "title" must be non-empty')
            if content is None:
                raise bad(
                    "can't parse inline query result: Can't find field \"input_message_content\""
                )
        if content is not None:
            if not isinstance(content, dict):
                raise bad("can't parse InputMessageContent JSON object")
            if "message_text" in content:
                self._formatted(
                    content["message_text"], content.get("parse_mode"), content.get("entities")
                )
        if result.get("caption") is not None:
            self._formatted(
                result["caption"],
                result.get("parse_mode"),
                result.get("caption_entities"),
                caption=True,
            )
        validate_reply_markup(result.get("reply_markup"), inline_only=True)

    def _live_query(self, query_id: str | None, kind: str) -> Query:
        query = self._queries.get(query_id or "")
        if query is None or query.kind != kind or query.answered:
            raise bad(QUERY_INVALID.removeprefix("Bad Request: "))
        if self.query_ttl is not None and time.monotonic() - query.created > self.query_ttl:
            raise bad(QUERY_INVALID.removeprefix("Bad Request: "))
        return query
