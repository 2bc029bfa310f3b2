"""Entities shared by the parse modes: UTF-16 measures, links, trimming, auto-detection.

Ported from tdlib (td/telegram/MessageEntity.cpp) so that error messages and the resulting
plain text/entities match what Telegram produces.
"""

from __future__ import annotations

import re
import string
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Final

from .protocol import JSON

# ----------------------------------------------------------------------------------------------
# UTF-16 helpers: Telegram measures offsets and lengths in UTF-16 code units.


def utf16_len(text: str) -> int:
    """Length of ``text`` in UTF-16 code units (astral characters such as most emoji count 2)."""
    return len(text.encode("utf-16-le")) // 2


def utf16_slice(text: str, offset: int, length: int) -> str:
    """The part of ``text`` an entity with this UTF-16 ``offset``/``length`` covers."""
    data = text.encode("utf-16-le")
    return data[2 * offset : 2 * (offset + length)].decode("utf-16-le", errors="replace")


class EntityParseError(ValueError):
    """Text a parse mode rejects; ``str(err)`` is Telegram's text after "can't parse entities: "."""


# tdlib's is_space() also treats NUL as a space; NUL is our end-of-text sentinel.
TD_SPACE: Final = frozenset(b" \t\r\n\x00\x0b")
# tdlib's sort order for entities starting at the same place with the same length.
_ENTITY_PRIORITY: Final = {
    "blockquote": 0,
    "expandable_blockquote": 0,
    "pre": 11,
    "code": 20,
    "text_link": 49,
    "text_mention": 49,
    "bold": 90,
    "italic": 91,
    "underline": 92,
    "strikethrough": 93,
    "spoiler": 94,
    "custom_emoji": 99,
}
_USER_LINK: Final = re.compile(r"tg:(?://)?user\?id=(\d{1,18})", re.IGNORECASE)
_SCHEME: Final = re.compile(r"([A-Za-z][A-Za-z0-9+.\-]*):")
_BARE_HOST: Final = re.compile(r"[\w-]+(\.[\w-]+)+(:\d{1,5})?", re.UNICODE)


@dataclass
class Entity:
    """An entity while parsing; ``argument`` is the url/language/emoji id, as in tdlib."""

    type: str
    offset: int
    length: int
    argument: str = ""

    def to_api(self) -> JSON:
        result: JSON = {"type": self.type, "offset": self.offset, "length": self.length}
        if self.type == "text_link":
            result["url"] = self.argument
        elif self.type == "text_mention":
            result["user"] = {"id": int(self.argument), "is_bot": False, "first_name": ""}
        elif self.type == "pre" and self.argument:
            result["language"] = self.argument
        elif self.type == "custom_emoji":
            result["custom_emoji_id"] = self.argument
        return result


def utf16_units(lead_byte: int) -> int:
    """UTF-16 units of the character whose UTF-8 encoding starts with this byte (0: not a start)."""
    if lead_byte & 0xC0 == 0x80:
        return 0
    return 2 if lead_byte >= 0xF0 else 1


def sorted_entities(entities: Iterable[Entity]) -> list[JSON]:
    ordered = sorted(
        entities, key=lambda e: (e.offset, -e.length, _ENTITY_PRIORITY.get(e.type, 50))
    )
    return [e.to_api() for e in ordered]


def checked_link(url: str) -> str | None:
    """Roughly tdlib's LinkManager::get_checked_link: the link Telegram keeps (normalized like
    "http://telegram.org/"), or None when Telegram would drop it."""
    if not url or any(ch.isspace() for ch in url):
        return None
    scheme = _SCHEME.match(url)
    if scheme is not None and not url[scheme.end() :][:1].isdigit():  # "host:8080" is no scheme
        name = scheme.group(1).lower()
        if name in ("tg", "ton"):
            return url
        rest = url[scheme.end() :]
        if name not in ("http", "https", "ftp") or not rest.startswith("//"):
            return None
        name, rest = name + "://", rest[2:]
    else:
        name, rest = "http://", url
    host = re.split(r"[/?#]", rest, maxsplit=1)[0]
    tail = rest[len(host) :]
    if not _BARE_HOST.fullmatch(host):
        return None
    return f"{name}{host.lower()}{tail if tail.startswith('/') else '/' + tail}"


def link_entity(offset: int, length: int, url: str) -> Entity | None:
    user = _USER_LINK.fullmatch(url)
    if user is not None:
        return Entity("text_mention", offset, length, user.group(1))
    link = checked_link(url)
    return None if link is None else Entity("text_link", offset, length, link)


_TRIM_CHARS: Final = " \t\r\n\x0b\x0c"


def trim(text: str, entities: list[JSON]) -> tuple[str, list[JSON]]:
    """Telegram strips leading/trailing whitespace from texts; entities move and shrink with it."""
    left_stripped = text.lstrip(_TRIM_CHARS)
    lead = utf16_len(text) - utf16_len(left_stripped)
    result = left_stripped.rstrip(_TRIM_CHARS)
    total = utf16_len(result)
    trimmed: list[JSON] = []
    for entity in entities:
        start = max(entity["offset"] - lead, 0)
        end = min(entity["offset"] + entity["length"] - lead, total)
        if end > start:
            trimmed.append({**entity, "offset": start, "length": end - start})
    return result, trimmed


# Auto-detection for incoming messages (tdlib's match_bot_commands / match_mentions).
_USERNAME_CHARS: Final = frozenset(string.ascii_letters + string.digits + "_")
_URL: Final = re.compile(r"(?<![\w@/.])https?://[^\s<>\"']+", re.IGNORECASE)


def _is_word_char(ch: str) -> bool:
    return ch == "_" or unicodedata.category(ch)[0] in "LN"


def _scan_name(text: str, start: int) -> int:
    end = start
    while end < len(text) and text[end] in _USERNAME_CHARS:
        end += 1
    return end


def _find_bot_commands(text: str) -> list[tuple[int, int]]:
    found: list[tuple[int, int]] = []
    i = text.find("/")
    while i != -1:
        nxt = i + 1
        prev = text[i - 1] if i else ""
        if not prev or not (_is_word_char(prev) or prev in "/<>"):
            end = _scan_name(text, i + 1)
            nxt = max(end, i + 1)
            ok = 1 <= end - i - 1 <= 64
            if ok and end < len(text) and text[end] == "@":
                mention_end = _scan_name(text, end + 1)
                ok = 3 <= mention_end - end - 1 <= 32
                end = nxt = mention_end
            after = text[end] if end < len(text) else ""
            if ok and not (after and (_is_word_char(after) or after in "/<>")):
                found.append((i, end))
        i = text.find("/", nxt)
    return found


def _find_mentions(text: str) -> list[tuple[int, int]]:
    found: list[tuple[int, int]] = []
    i = text.find("@")
    while i != -1:
        nxt = i + 1
        if i == 0 or not _is_word_char(text[i - 1]):
            end = _scan_name(text, i + 1)
            nxt = max(end, i + 1)
            after = text[end] if end < len(text) else ""
            if 2 <= end - i - 1 <= 32 and not (after and _is_word_char(after)):
                found.append((i, end))
        i = text.find("@", nxt)
    return found


def detect_entities(text: str) -> list[JSON]:
    """Entities Telegram adds to an incoming text by itself: bot_command, mention and url."""
    spans: list[tuple[int, int, str]] = [(s, e, "bot_command") for s, e in _find_bot_commands(text)]
    spans += [(s, e, "mention") for s, e in _find_mentions(text)]
    for match in _URL.finditer(text):
        url = match.group(0).rstrip(".,;:!?)")
        spans.append((match.start(), match.start() + len(url), "url"))
    entities = [
        {"type": kind, "offset": utf16_len(text[:start]), "length": utf16_len(text[start:end])}
        for start, end, kind in spans
    ]
    return sorted(entities, key=lambda e: e["offset"])
