"""A local stand-in for the Telegram Bot API server, for end-to-end tests.

See :mod:`tests.botapi.server` for the details; the usual entry point is::

    async with BotApiServer(token=TOKEN, username="studybot_test_bot") as api:
        ...
"""

from .server import (
    BotApiServer,
    EntityParseError,
    FileRecord,
    RequestRecord,
    StoredMessage,
    parse_html,
    parse_markdown,
    parse_markdown_v2,
    utf16_len,
    utf16_slice,
)

__all__ = [
    "BotApiServer",
    "EntityParseError",
    "FileRecord",
    "RequestRecord",
    "StoredMessage",
    "parse_html",
    "parse_markdown",
    "parse_markdown_v2",
    "utf16_len",
    "utf16_slice",
]
