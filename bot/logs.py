"""Logging for `studybot run`: plain or JSON lines, with the bot token redacted everywhere."""

from __future__ import annotations

import json
import logging
import time

TEXT_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


class Redacting(logging.Formatter):
    """Formats with `inner`, then replaces the token: URLs in library messages and in
    tracebacks carry it (…/bot<token>/…), and only the finished line has all of them."""

    def __init__(self, inner: logging.Formatter, token: str) -> None:
        super().__init__()
        self.inner = inner
        self.token = token

    def format(self, record: logging.LogRecord) -> str:
        line = self.inner.format(record)
        return line.replace(self.token, "<token>") if self.token else line


class JsonFormatter(logging.Formatter):
    """One JSON object per line, for log collectors."""

    def format(self, record: logging.LogRecord) -> str:
        entry = {
            "time": time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(record.created)) + "Z",
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
        }
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        return json.dumps(entry, ensure_ascii=False)


def configure(token: str, json_lines: bool, level: int = logging.INFO) -> None:
    handler = logging.StreamHandler()
    inner = JsonFormatter() if json_lines else logging.Formatter(TEXT_FORMAT)
    handler.setFormatter(Redacting(inner, token))
    logging.basicConfig(level=level, handlers=[handler], force=True)
    logging.getLogger("httpx").setLevel(logging.WARNING)  # a line per request, token in the URL
    logging.getLogger("apscheduler").setLevel(logging.WARNING)
