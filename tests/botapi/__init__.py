"""A local stand-in for the Telegram Bot API server, for end-to-end tests.

See :mod:`tests.botapi.server` for the details and a map of the modules; the usual entry
point is::

    async with BotApiServer(token=TOKEN, username="studybot_test_bot") as api:
        ...
"""

from .entities import EntityParseError, utf16_len, utf16_slice
from .html_mode import parse_html
from .markdown_mode import parse_markdown, parse_markdown_v2
from .models import FileRecord, RequestRecord, StoredMessage
from .server import BotApiServer

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
