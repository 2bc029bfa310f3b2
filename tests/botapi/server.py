"""A local stand-in for the Telegram Bot API server, for end-to-end tests.

The real python-telegram-bot ``Bot``/``Application`` talks HTTP to this server on 127.0.0.1::

    async with BotApiServer(token=TOKEN, username="studybot_test_bot") as api:
        api.add_user(42, "Alice", username="alice")
        app = (ApplicationBuilder().token(TOKEN)
               .base_url(api.base_url).base_file_url(api.base_file_url).build())
        ...
        await api.send_text(42, 42, "/start")
        reply = await api.wait_for_reply(42)
        assert reply.entity_texts("bold") == ["Welcome"]
        assert not api.rejected

It validates requests the way Telegram does (HTML/Markdown entity parsing ported from tdlib,
UTF-16 length limits, keyboard and inline-result limits, query-id lifetimes, chat/message
existence) and answers with Telegram's error descriptions, so that bugs which only show up
against the real API fail the tests instead.

Deliberate differences from the real server:

* ``strict_html=True`` (default) additionally rejects a bare ``&`` or ``>`` outside tags, an
  entity without ``;`` and ``<a>`` without ``href``; Telegram tolerates these, but they are
  almost always escaping bugs.  The error says "(strict mode)".
* Text length is counted in UTF-16 code units (Telegram documents "characters"); counting the
  stricter way means a text accepted here is accepted by Telegram.
* Auto-detected entities (urls, mentions, hashtags) are only added to *incoming* messages.
* Privacy mode is on by default: in groups the bot only receives commands, mentions of itself and
  replies to its own messages, unless it is an administrator (as with a fresh BotFather bot).
"""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import json
import logging
import math
import re
import secrets
import string
import time
import unicodedata
from collections.abc import Awaitable, Callable, Iterable, Sequence
from dataclasses import dataclass, field
from http import HTTPStatus
from types import TracebackType
from typing import Any, Final, Literal, TypeVar
from urllib.parse import parse_qsl

from aiohttp import ClientError, ClientSession, ClientTimeout, web

JSON = dict[str, Any]
T = TypeVar("T")

log = logging.getLogger(__name__)

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

# ----------------------------------------------------------------------------------------------
# UTF-16 helpers: Telegram measures offsets and lengths in UTF-16 code units.


def utf16_len(text: str) -> int:
    """Length of ``text`` in UTF-16 code units (astral characters such as most emoji count 2)."""
    return len(text.encode("utf-16-le")) // 2


def utf16_slice(text: str, offset: int, length: int) -> str:
    """The part of ``text`` an entity with this UTF-16 ``offset``/``length`` covers."""
    data = text.encode("utf-16-le")
    return data[2 * offset : 2 * (offset + length)].decode("utf-16-le", errors="replace")


# ----------------------------------------------------------------------------------------------
# Entity parsing, ported from tdlib (td/telegram/MessageEntity.cpp) so that error messages and
# the resulting plain text/entities match what Telegram produces.


class EntityParseError(ValueError):
    """Text a parse mode rejects; ``str(err)`` is Telegram's text after "can't parse entities: "."""


# tdlib's is_space() also treats NUL as a space; NUL is our end-of-text sentinel.
_TD_SPACE: Final = frozenset(b" \t\r\n\x00\x0b")
_DIGITS: Final = frozenset(string.digits.encode())
_HEX: Final = frozenset(string.hexdigits.encode())
_ALPHA: Final = frozenset(string.ascii_letters.encode())
_NAME_TOKEN: Final = _DIGITS | _ALPHA | frozenset(b".-")
_NAMED_HTML_ENTITIES: Final = {b"lt": 0x3C, b"gt": 0x3E, b"amp": 0x26, b"quot": 0x22}
_HTML_TAGS: Final = frozenset(
    {"a", "b", "strong", "i", "em", "s", "strike", "del", "u", "ins", "tg-spoiler", "tg-emoji"}
    | {"span", "pre", "code", "blockquote"}
)
_SIMPLE_HTML_TAGS: Final = {
    "b": "bold",
    "strong": "bold",
    "i": "italic",
    "em": "italic",
    "u": "underline",
    "ins": "underline",
    "s": "strikethrough",
    "strike": "strikethrough",
    "del": "strikethrough",
    "tg-spoiler": "spoiler",
    "span": "spoiler",
}
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
_SURROGATE_ERROR: Final = (
    "Text contains invalid Unicode characters after decoding HTML entities, check for unmatched "
    "surrogate code units"
)
_USER_LINK: Final = re.compile(r"tg:(?://)?user\?id=(\d{1,18})", re.IGNORECASE)
_SCHEME: Final = re.compile(r"([A-Za-z][A-Za-z0-9+.\-]*):")
_BARE_HOST: Final = re.compile(r"[\w-]+(\.[\w-]+)+(:\d{1,5})?", re.UNICODE)


@dataclass
class _Entity:
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


def _utf16_units(lead_byte: int) -> int:
    """UTF-16 units of the character whose UTF-8 encoding starts with this byte (0: not a start)."""
    if lead_byte & 0xC0 == 0x80:
        return 0
    return 2 if lead_byte >= 0xF0 else 1


def _sorted_entities(entities: Iterable[_Entity]) -> list[JSON]:
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


def _link_entity(offset: int, length: int, url: str) -> _Entity | None:
    user = _USER_LINK.fullmatch(url)
    if user is not None:
        return _Entity("text_mention", offset, length, user.group(1))
    link = checked_link(url)
    return None if link is None else _Entity("text_link", offset, length, link)


def _decode_html_entity(data: bytes, pos: int) -> tuple[int, int, bool]:
    """tdlib's decode_html_entity: (code point or 0 if none, end position, ended with ';')."""
    end = pos + 1
    code = 0
    if data[end] == 0x23:  # '#': numeric character reference
        end += 1
        if data[end] == 0x78:  # 'x'
            end += 1
            while data[end] in _HEX:
                code = code * 16 + int(chr(data[end]), 16)
                end += 1
        else:
            while data[end] in _DIGITS:
                code = code * 10 + data[end] - 0x30
                end += 1
        if code == 0 or code >= 0x10FFFF or end - pos >= 10:
            return 0, pos, False
    else:
        while data[end] in _ALPHA:
            end += 1
        code = _NAMED_HTML_ENTITIES.get(data[pos + 1 : end], 0)
        if code == 0:
            return 0, pos, False
    if data[end] == 0x3B:
        return code, end + 1, True
    return code, end, False


@dataclass
class _OpenTag:
    tag: str
    argument: str
    offset: int  # UTF-16 offset in the result
    out_pos: int  # byte position in the result
    has_href: bool = False


def parse_html(text: str, *, strict: bool = True) -> tuple[str, list[JSON]]:
    """Parse Telegram HTML into (plain text, Bot API entities) or raise EntityParseError.

    A port of tdlib's parse_html (plus ``<blockquote expandable>``); ``strict`` adds the checks
    described in the module docstring.
    """
    data = text.encode("utf-8") + b"\0"
    size = len(data) - 1
    out = bytearray()
    entities: list[_Entity] = []
    nested: list[_OpenTag] = []
    u16 = 0
    i = 0
    while i < size:
        c = data[i]
        if c == 0x26:  # '&'
            code, end, semicolon = _decode_html_entity(data, i)
            if code:
                if strict and not semicolon:
                    raise EntityParseError(
                        f'HTML entity at byte offset {i} must end with ";" (strict mode)'
                    )
                if 0xD800 <= code <= 0xDFFF:
                    raise EntityParseError(_SURROGATE_ERROR)
                out += chr(code).encode()
                u16 += 2 if code > 0xFFFF else 1
                i = end
                continue
            if strict:
                raise EntityParseError(
                    f'Unescaped "&" at byte offset {i}, use "&amp;" (strict mode)'
                )
        if c == 0x3E and strict:
            raise EntityParseError(f'Unescaped ">" at byte offset {i}, use "&gt;" (strict mode)')
        if c != 0x3C:  # not '<'
            u16 += _utf16_units(c)
            out.append(c)
            i += 1
            continue

        begin = i
        i += 1
        if data[i] != 0x2F:  # start tag
            while data[i] not in _TD_SPACE and data[i] != 0x3E:
                i += 1
            if data[i] == 0:
                raise EntityParseError(f"Unclosed start tag at byte offset {begin}")
            tag = data[begin + 1 : i].decode("utf-8", "replace").lower()
            if tag not in _HTML_TAGS:
                raise EntityParseError(f'Unsupported start tag "{tag}" at byte offset {begin}')
            opened = _OpenTag(tag, "", u16, len(out))
            i = _parse_html_attributes(data, i, begin, opened)
            if tag == "span" and opened.argument != "spoiler":
                raise EntityParseError(
                    f'Tag "span" must have class "tg-spoiler" at byte offset {begin}'
                )
            if strict and tag == "a" and not opened.has_href:
                raise EntityParseError(
                    f'Tag "a" must have an "href" attribute at byte offset {begin} (strict mode)'
                )
            nested.append(opened)
        else:  # end tag
            if not nested:
                raise EntityParseError(f"Unexpected end tag at byte offset {begin}")
            while data[i] not in _TD_SPACE and data[i] != 0x3E:
                i += 1
            end_tag = data[begin + 2 : i].decode("utf-8", "replace").lower()
            while data[i] != 0 and data[i] in _TD_SPACE:
                i += 1
            if data[i] != 0x3E:
                raise EntityParseError(f"Unclosed end tag at byte offset {begin}")
            top = nested.pop()
            if end_tag and end_tag != top.tag:
                raise EntityParseError(
                    f'Unmatched end tag at byte offset {begin}, expected "</{top.tag}>", '
                    f'found "</{end_tag}>"'
                )
            if u16 > top.offset:
                inner = out[top.out_pos :].decode("utf-8", "replace")
                _close_html_entity(top, u16 - top.offset, inner, entities)
        i += 1  # past '>'
    if nested:
        raise EntityParseError(f'Can\'t find end tag corresponding to start tag "{nested[-1].tag}"')
    for entity in entities:
        if entity.type == "code":
            entity.argument = ""  # a language only survives inside <pre>
    return out.decode("utf-8"), _sorted_entities(entities)


def _parse_html_attributes(data: bytes, i: int, begin: int, opened: _OpenTag) -> int:
    """Parse the attributes of a start tag from ``i``; return the position of its '>'."""
    tag = opened.tag
    while data[i] != 0x3E:
        while data[i] != 0 and data[i] in _TD_SPACE:
            i += 1
        if data[i] == 0x3E:
            break
        name_begin = i
        while data[i] not in _TD_SPACE and data[i] not in b"=>/\"'":
            i += 1
        name = data[name_begin:i].decode("utf-8", "replace")
        if not name:
            raise EntityParseError(
                f'Empty attribute name in the tag "{tag}" at byte offset {begin}'
            )
        while data[i] != 0 and data[i] in _TD_SPACE:
            i += 1
        if data[i] != 0x3D:  # '='
            if data[i] == 0:
                raise EntityParseError(f'Unclosed start tag "{tag}" at byte offset {begin}')
            if tag == "blockquote" and name == "expandable":  # valueless attributes are ignored
                opened.argument = "expandable"
            continue
        i += 1
        while data[i] != 0 and data[i] in _TD_SPACE:
            i += 1
        if data[i] == 0:
            raise EntityParseError(f'Unclosed start tag "{tag}" at byte offset {begin}')
        if data[i] not in b"'\"":
            # A name token: letters, digits, periods or hyphens; case-insensitive.
            token_begin = i
            while data[i] in _NAME_TOKEN:
                i += 1
            value = data[token_begin:i].decode().lower()
            if data[i] not in _TD_SPACE and data[i] != 0x3E:
                raise EntityParseError(f"Unexpected end of name token at byte offset {token_begin}")
        else:
            quote = data[i]
            i += 1
            buf = bytearray()
            while data[i] != quote and data[i] != 0:
                if data[i] == 0x26:
                    code, end, _ = _decode_html_entity(data, i)
                    if code:
                        buf += chr(code).encode("utf-8", "surrogatepass")
                        i = end
                        continue
                buf.append(data[i])
                i += 1
            if data[i] == quote:
                i += 1
            value = buf.decode("utf-8", "replace")
        if data[i] == 0:
            raise EntityParseError(f"Unclosed start tag at byte offset {begin}")
        if tag == "a" and name == "href":
            opened.argument = value
            opened.has_href = True
        elif tag == "code" and name == "class" and value.startswith("language-"):
            opened.argument = value.removeprefix("language-")
        elif tag == "span" and name == "class" and value.startswith("tg-"):
            opened.argument = value.removeprefix("tg-")
        elif tag == "tg-emoji" and name == "emoji-id":
            opened.argument = value
        elif tag == "blockquote" and name == "expandable":
            opened.argument = "expandable"
    return i


def _close_html_entity(top: _OpenTag, length: int, inner: str, entities: list[_Entity]) -> None:
    tag, offset, argument = top.tag, top.offset, top.argument
    last = entities[-1] if entities else None
    same_range = last is not None and last.offset == offset and last.length == length
    if tag in _SIMPLE_HTML_TAGS:
        entities.append(_Entity(_SIMPLE_HTML_TAGS[tag], offset, length))
    elif tag == "tg-emoji":
        if not re.fullmatch(r"-?\d{1,19}", argument) or not 0 < abs(int(argument)) < 2**63:
            raise EntityParseError("Invalid custom emoji identifier specified")
        entities.append(_Entity("custom_emoji", offset, length, argument))
    elif tag == "a":
        link = _link_entity(offset, length, argument or inner)
        if link is not None:  # Telegram silently drops links it considers invalid
            entities.append(link)
    elif tag == "pre":
        if last is not None and same_range and last.type == "code" and last.argument:
            last.type = "pre"  # <pre><code class="language-x">
        else:
            entities.append(_Entity("pre", offset, length))
    elif tag == "code":
        if last is not None and same_range and last.type == "pre" and argument:
            last.argument = argument  # <code class="language-x"><pre>
        else:
            entities.append(_Entity("code", offset, length, argument))
    elif tag == "blockquote":
        kind = "expandable_blockquote" if argument == "expandable" else "blockquote"
        entities.append(_Entity(kind, offset, length))


_MDV2_RESERVED: Final = frozenset(b"_*[]()~`>#+-=|{}.!\n")
_MDV2_NAMES: Final = {
    "bold": "Bold",
    "italic": "Italic",
    "underline": "Underline",
    "strikethrough": "Strikethrough",
    "spoiler": "Spoiler",
    "code": "Code",
    "pre": "Pre",
    "pre_code": "PreCode",
    "text_link": "TextUrl",
    "custom_emoji": "CustomEmoji",
    "blockquote": "BlockQuote",
}


@dataclass
class _MdOpen:
    kind: str
    argument: str
    offset: int
    byte_offset: int
    out_pos: int


def _reserved(c: int) -> EntityParseError:
    return EntityParseError(
        f"Character '{chr(c)}' is reserved and must be escaped with the preceding '\\'"
    )


def _md_url(data: bytes, i: int, size: int, what: str) -> tuple[str, int]:
    """Read a MarkdownV2 "(url)" whose '(' is at i - 1; return (url, position of ')')."""
    begin = i
    buf = bytearray()
    while i < size and data[i] != 0x29:
        if data[i] == 0x5C and 0 < data[i + 1] <= 126:
            buf.append(data[i + 1])
            i += 2
            continue
        buf.append(data[i])
        i += 1
    if data[i] != 0x29:
        raise EntityParseError(f"Can't find end of {what} at byte offset {begin}")
    return buf.decode("utf-8", "replace"), i


def parse_markdown_v2(text: str) -> tuple[str, list[JSON]]:
    """Parse MarkdownV2 into (plain text, Bot API entities); a port of tdlib's parse_markdown_v2
    (2024, with ">" blockquotes and "||"-terminated expandable blockquotes)."""
    data = text.encode("utf-8") + b"\0"
    size = len(data) - 1
    out = bytearray()
    entities: list[_Entity] = []
    nested: list[_MdOpen] = []
    have_blockquote = False
    can_start_blockquote = True
    u16 = 0
    i = 0
    while i < size:
        c = data[i]
        if c == 0x5C and 0 < data[i + 1] <= 126:  # backslash escape
            escaped = data[i + 1]
            out.append(escaped)
            u16 += 1
            if escaped != 0x0D:
                can_start_blockquote = escaped == 0x0A
            i += 2
            continue
        in_code = bool(nested) and nested[-1].kind in ("code", "pre", "pre_code")
        if c not in (b"`" if in_code else _MDV2_RESERVED):
            units = _utf16_units(c)
            u16 += units
            if units and c != 0x0D:
                can_start_blockquote = False
            out.append(c)
            i += 1
            continue

        if nested and _md_v2_closes(nested[-1].kind, data, i, size, have_blockquote):
            i, entity = _md_v2_close(nested, data, i, size, out, u16)
            if entity is not None:
                if entity.type in ("blockquote", "expandable_blockquote"):
                    have_blockquote = False
                    can_start_blockquote = True
                    u16 = entity.offset + entity.length  # the closing newline is kept
                if entity.length > 0:
                    entities.append(entity)
            i += 1
            continue

        byte_offset = i
        kind: str | None
        argument = ""
        if c == 0x5F:  # '_'
            kind = "underline" if data[i + 1] == 0x5F else "italic"
            i += 1 if kind == "underline" else 0
        elif c == 0x2A:
            kind = "bold"
        elif c == 0x7E:
            kind = "strikethrough"
        elif c == 0x7C:  # '|'
            if data[i + 1] != 0x7C:
                raise _reserved(c)
            kind = "spoiler"
            i += 1
        elif c == 0x5B:
            kind = "text_link"
        elif c == 0x60:  # '`'
            if data[i + 1] == 0x60 and data[i + 2] == 0x60:
                i += 3
                kind = "pre"
                lang_end = i
                while data[lang_end] not in _TD_SPACE and data[lang_end] != 0x60:
                    lang_end += 1
                if i != lang_end and lang_end < size and data[lang_end] != 0x60:
                    kind = "pre_code"
                    argument = data[i:lang_end].decode("utf-8", "replace")
                    i = lang_end
                if data[i] in b"\r\n":  # skip one new line at the beginning
                    i += 2 if data[i + 1] in b"\r\n" and data[i] != data[i + 1] else 1
                i -= 1
            else:
                kind = "code"
        elif c == 0x21:  # '!'
            if data[i + 1] != 0x5B:
                raise _reserved(c)
            kind = "custom_emoji"
            i += 1
        elif c == 0x0A:
            out.append(c)
            u16 += 1
            can_start_blockquote = True
            kind = None
        elif c == 0x3E:  # '>'
            if not can_start_blockquote:
                raise _reserved(c)
            kind = None if have_blockquote else "blockquote"  # a continued quote line
            have_blockquote = True
        else:
            raise _reserved(c)
        if kind is not None:
            nested.append(_MdOpen(kind, argument, u16, byte_offset, len(out)))
        i += 1
    if have_blockquote:
        kind = "blockquote"
        if nested[-1].kind == "spoiler" and nested[-1].byte_offset == size - 2:
            nested.pop()  # "||" at the very end makes the quote expandable
            kind = "expandable_blockquote"
        if nested[-1].kind == "blockquote":
            top = nested.pop()
            if u16 > top.offset:
                entities.append(_Entity(kind, top.offset, u16 - top.offset))
    if nested:
        top = nested[-1]
        name = _MDV2_NAMES[top.kind]
        raise EntityParseError(f"Can't find end of {name} entity at byte offset {top.byte_offset}")
    return out.decode("utf-8"), _sorted_entities(entities)


def _md_v2_close(
    nested: list[_MdOpen], data: bytes, i: int, size: int, out: bytearray, u16: int
) -> tuple[int, _Entity | None]:
    """Close the innermost MarkdownV2 entity at data[i]; (new position, entity or None)."""
    c = data[i]
    top = nested.pop()
    kind = top.kind
    if c == 0x0A and kind != "blockquote":
        # "||" right before the newline ending a quote line marks an expandable blockquote.
        ends_quote = kind == "spoiler" and (
            top.byte_offset == i - 2 or (top.byte_offset == i - 3 and out[-1:] == b"\r")
        )
        if not ends_quote:
            name = _MDV2_NAMES[kind]
            raise EntityParseError(
                f"Can't find end of {name} entity at byte offset {top.byte_offset}"
            )
        top = nested.pop()
        if top.kind != "blockquote":
            name = _MDV2_NAMES[top.kind]
            raise EntityParseError(
                f"Can't find end of {name} entity at byte offset {top.byte_offset}"
            )
        kind = "expandable_blockquote"
    length = u16 - top.offset
    entity: _Entity | None = _Entity(kind, top.offset, length, top.argument)
    if kind in ("underline", "spoiler"):
        i += 1
    elif kind in ("pre", "pre_code"):
        i += 2
        entity = _Entity("pre", top.offset, length, top.argument)
    elif kind == "text_link":
        if data[i + 1] != 0x28:
            url = out[top.out_pos :].decode("utf-8", "replace")
        else:
            url, i = _md_url(data, i + 2, size, "a URL")
        entity = _link_entity(top.offset, length, url)
    elif kind == "custom_emoji":
        if data[i + 1] != 0x28:
            raise EntityParseError("Custom emoji entity must contain a tg://emoji URL")
        url, i = _md_url(data, i + 2, size, "a custom emoji URL")
        entity = _Entity("custom_emoji", top.offset, length, _custom_emoji_id(url))
    elif kind in ("blockquote", "expandable_blockquote"):
        out.append(c)  # the newline that ends the quote stays in the text
        entity = _Entity(kind, top.offset, length + 1)
    return i, entity


def _custom_emoji_id(url: str) -> str:
    link = re.fullmatch(r"tg:(?://)?emoji/?\?([^#]*)(#.*)?", url, re.IGNORECASE | re.DOTALL)
    if link is None:
        raise EntityParseError('Custom emoji URL must have scheme tg and host "emoji"')
    emoji_id: str = dict(parse_qsl(link.group(1))).get("id", "")
    if not re.fullmatch(r"[1-9]\d{0,18}", emoji_id) or int(emoji_id) >= 2**63:
        raise EntityParseError("Invalid custom emoji identifier specified")
    return emoji_id


def _md_v2_closes(kind: str, data: bytes, i: int, size: int, have_blockquote: bool) -> bool:
    c = data[i]
    if have_blockquote and c == 0x0A and (i + 1 == size or data[i + 1] != 0x3E):
        return True
    nxt = data[i + 1]
    return {
        "bold": c == 0x2A,
        "italic": c == 0x5F and nxt != 0x5F,
        "code": c == 0x60,
        "pre": c == 0x60 and nxt == 0x60 and data[min(i + 2, size)] == 0x60,
        "pre_code": c == 0x60 and nxt == 0x60 and data[min(i + 2, size)] == 0x60,
        "text_link": c == 0x5D,
        "underline": c == 0x5F and nxt == 0x5F,
        "strikethrough": c == 0x7E,
        "spoiler": c == 0x7C and nxt == 0x7C,
        "custom_emoji": c == 0x5D,
        "blockquote": False,
    }[kind]


def parse_markdown(text: str) -> tuple[str, list[JSON]]:
    """Parse legacy Markdown into (plain text, Bot API entities); ports tdlib's parse_markdown."""
    data = text.encode("utf-8") + b"\0"
    size = len(data) - 1
    out = bytearray()
    entities: list[_Entity] = []
    u16 = 0
    i = 0
    while i < size:
        c = data[i]
        if c == 0x5C and data[i + 1] in b"_*`[":
            out.append(data[i + 1])
            u16 += 1
            i += 2
            continue
        if c not in b"_*`[":
            u16 += _utf16_units(c)
            out.append(c)
            i += 1
            continue
        begin = i
        end_char = 0x5D if c == 0x5B else c
        is_pre = False
        language = ""
        i += 1
        if c == 0x60 and data[i] == 0x60 and data[i + 1] == 0x60:
            i += 2
            is_pre = True
            lang_end = i
            while data[lang_end] not in _TD_SPACE and data[lang_end] != 0x60:
                lang_end += 1
            if i != lang_end and lang_end < size and data[lang_end] != 0x60:
                language = data[i:lang_end].decode("utf-8", "replace")
                i = lang_end
            if data[i] in b"\r\n":
                i += 2 if data[i + 1] in b"\r\n" and data[i] != data[i + 1] else 1
        offset = u16
        content_begin = len(out)
        while i < size and (
            data[i] != end_char or (is_pre and not (data[i + 1] == 0x60 and data[i + 2] == 0x60))
        ):
            u16 += _utf16_units(data[i])
            out.append(data[i])
            i += 1
        if i == size:
            raise EntityParseError(f"Can't find end of the entity starting at byte offset {begin}")
        length = u16 - offset
        if length:
            if c == 0x5F:
                entities.append(_Entity("italic", offset, length))
            elif c == 0x2A:
                entities.append(_Entity("bold", offset, length))
            elif c == 0x60:
                entities.append(_Entity("pre" if is_pre else "code", offset, length, language))
            else:
                if data[i + 1] == 0x28:
                    url_begin = i + 2
                    i = url_begin
                    while i < size and data[i] != 0x29:
                        i += 1
                    url = data[url_begin:i].decode("utf-8", "replace")
                else:
                    url = out[content_begin:].decode("utf-8", "replace")
                link = _link_entity(offset, length, url)
                if link is not None:
                    entities.append(link)
        i += 3 if is_pre else 1
    return out.decode("utf-8"), _sorted_entities(entities)


_TRIM_CHARS: Final = " \t\r\n\x0b\x0c"


def _trim(text: str, entities: list[JSON]) -> tuple[str, list[JSON]]:
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


# ----------------------------------------------------------------------------------------------
# World state.


@dataclass
class User:
    id: int
    first_name: str
    username: str | None = None
    is_bot: bool = False
    last_name: str | None = None
    language_code: str | None = None

    def to_api(self) -> JSON:
        result: JSON = {"id": self.id, "is_bot": self.is_bot, "first_name": self.first_name}
        for key in ("last_name", "username", "language_code"):
            if getattr(self, key) is not None:
                result[key] = getattr(self, key)
        return result


ChatType = Literal["private", "group", "supergroup", "channel"]


@dataclass
class Chat:
    id: int
    type: ChatType
    title: str | None = None
    username: str | None = None
    first_name: str | None = None
    last_name: str | None = None
    owner: int | None = None
    admins: list[int] = field(default_factory=list)
    members: set[int] = field(default_factory=set)
    is_forum: bool = False
    started: bool = True  # private chats: has the user started the bot?
    blocked: bool = False  # private chats: has the user blocked the bot?
    last_message_id: int = 0

    def to_api(self) -> JSON:
        result: JSON = {"id": self.id, "type": self.type}
        for key in ("title", "username", "first_name", "last_name"):
            if getattr(self, key) is not None:
                result[key] = getattr(self, key)
        if self.is_forum:
            result["is_forum"] = True
        return result


@dataclass(eq=False)
class StoredMessage:
    """A message in the simulated world, incoming or sent by the bot.

    ``text``/``caption`` are the plain texts *after* entity parsing, ``entities`` /
    ``caption_entities`` the Bot API entities (UTF-16 offsets), ``source`` what the bot sent.
    """

    chat_id: int
    message_id: int
    sender: JSON
    chat: JSON
    date: int
    outgoing: bool
    text: str | None = None
    entities: list[JSON] = field(default_factory=list)
    caption: str | None = None
    caption_entities: list[JSON] = field(default_factory=list)
    reply_markup: JSON | None = None
    reply_to: StoredMessage | None = None
    document: JSON | None = None
    source: str | None = None
    parse_mode: str | None = None
    edit_count: int = 0
    edit_date: int | None = None
    deleted: bool = False
    update_id: int | None = None  # incoming: the update that carried it (None: bot didn't see it)

    @property
    def reply_to_message_id(self) -> int | None:
        return None if self.reply_to is None else self.reply_to.message_id

    @property
    def plain(self) -> str:
        """The visible text: ``text`` for text messages, else the caption ("" if none)."""
        return self.text if self.text is not None else (self.caption or "")

    @property
    def all_entities(self) -> list[JSON]:
        return self.entities if self.text is not None else self.caption_entities

    def entity_texts(self, entity_type: str) -> list[str]:
        """The pieces of the visible text covered by entities of this type, e.g. "bold"."""
        return [
            utf16_slice(self.plain, e["offset"], e["length"])
            for e in self.all_entities
            if e["type"] == entity_type
        ]

    @property
    def bold(self) -> list[str]:
        return self.entity_texts("bold")

    @property
    def links(self) -> list[tuple[str, str]]:
        """(visible text, url) of every text_link."""
        return [
            (utf16_slice(self.plain, e["offset"], e["length"]), e["url"])
            for e in self.all_entities
            if e["type"] == "text_link"
        ]

    @property
    def inline_buttons(self) -> list[JSON]:
        """All buttons of the inline keyboard, row by row."""
        if not self.reply_markup or "inline_keyboard" not in self.reply_markup:
            return []
        return [button for row in self.reply_markup["inline_keyboard"] for button in row]

    @property
    def callback_data(self) -> list[str]:
        return [b["callback_data"] for b in self.inline_buttons if "callback_data" in b]

    def button(self, text: str) -> JSON:
        """The inline button with this label (AssertionError if there is none)."""
        for candidate in self.inline_buttons:
            if candidate.get("text") == text:
                return candidate
        labels = [b.get("text") for b in self.inline_buttons]
        raise AssertionError(f"message {self.message_id} has no button {text!r}; it has {labels}")

    def to_api(self, *, include_reply: bool = True) -> JSON:
        result: JSON = {
            "message_id": self.message_id,
            "from": self.sender,
            "chat": self.chat,
            "date": self.date,
        }
        if include_reply and self.reply_to is not None:
            result["reply_to_message"] = self.reply_to.to_api(include_reply=False)
        if self.edit_date is not None:
            result["edit_date"] = self.edit_date
        if self.text is not None:
            result["text"] = self.text
            if self.entities:
                result["entities"] = self.entities
        if self.document is not None:
            result["document"] = self.document
        if self.caption:
            result["caption"] = self.caption
            if self.caption_entities:
                result["caption_entities"] = self.caption_entities
        if self.reply_markup and "inline_keyboard" in self.reply_markup:
            result["reply_markup"] = self.reply_markup
        return result


@dataclass
class FileRecord:
    file_id: str
    file_unique_id: str
    file_path: str
    data: bytes
    file_name: str | None = None
    mime_type: str | None = None

    def document(self) -> JSON:
        result: JSON = {
            "file_id": self.file_id,
            "file_unique_id": self.file_unique_id,
            "file_size": len(self.data),
        }
        if self.file_name is not None:
            result["file_name"] = self.file_name
        if self.mime_type is not None:
            result["mime_type"] = self.mime_type
        return result


@dataclass
class RequestRecord:
    """One Bot API call as the server saw it; ``status`` 0 means no HTTP response was sent."""

    method: str
    params: JSON
    status: int
    description: str | None = None
    result: Any = None
    injected: bool = False
    at: float = field(default_factory=time.monotonic)

    @property
    def ok(self) -> bool:
        return self.status == 200


@dataclass
class WebhookState:
    url: str = ""
    secret_token: str | None = None
    max_connections: int = 40
    allowed_updates: list[str] | None = None
    ip_address: str | None = None
    last_error_date: int | None = None
    last_error_message: str | None = None
    deliveries: list[tuple[int, int]] = field(default_factory=list)  # (update_id, HTTP status)


@dataclass
class _Query:
    kind: Literal["callback_query", "inline_query"]
    user_id: int
    created: float
    answered: bool = False


@dataclass
class _Fault:
    method: str  # lower-cased method name, or "*"
    kind: Literal["fail", "delay", "drop"]
    remaining: int
    status: int = 0
    retry_after: int = 0
    description: str = ""
    seconds: float = 0.0
    processed: bool = False


@dataclass
class _Mark:
    """What a chat looked like at the test's last action in it (see wait_for_reply)."""

    last_message_id: int
    edit_counts: dict[int, int]


@dataclass(frozen=True)
class UploadedFile:
    filename: str
    content_type: str
    data: bytes


class _ApiError(Exception):
    def __init__(self, status: int, description: str, parameters: JSON | None = None) -> None:
        super().__init__(description)
        self.status = int(status)
        self.description = description
        self.parameters = parameters


def _bad(description: str) -> _ApiError:
    return _ApiError(HTTPStatus.BAD_REQUEST, f"Bad Request: {description}")


# ----------------------------------------------------------------------------------------------
# Request parameters.

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


def _decode_form_value(name: str, raw: str) -> Any:
    if name in _STRING_FIELDS:
        return raw
    try:
        value = json.loads(raw)
    except ValueError:
        return raw
    return raw if value is None or isinstance(value, str) else value


class _Params:
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
        raise _bad(f"invalid {name} specified")

    def number(self, name: str) -> float | None:
        value = self.values.get(name)
        if value is None:
            return None
        try:
            return float(value)
        except (TypeError, ValueError):
            raise _bad(f"invalid {name} specified") from None

    def flag(self, name: str) -> bool:
        return self.values.get(name) in (True, 1, "true", "True", "1")

    def json(self, name: str) -> Any:
        value = self.values.get(name)
        if isinstance(value, str):
            try:
                return json.loads(value)
            except ValueError:
                raise _bad(f"can't parse {name} JSON object") from None
        return value

    def required_text(self, name: str) -> str:
        value = self.text(name)
        if not value:
            raise _bad(f"{name} is empty")
        return value

    def required_integer(self, name: str) -> int:
        value = self.integer(name)
        if value is None:
            raise _bad(f"{name} is empty")
        return value


# ----------------------------------------------------------------------------------------------
# Keyboard, inline-result and command validation.

_INLINE_BUTTON_ACTIONS: Final = (
    "url", "callback_data", "web_app", "login_url", "switch_inline_query",
    "switch_inline_query_current_chat", "switch_inline_query_chosen_chat", "copy_text",
    "callback_game", "pay",
)  # fmt: skip
_INLINE_RESULT_TYPES: Final = frozenset(
    {
        "article", "photo", "gif", "mpeg4_gif", "video", "audio", "voice", "document",
        "location", "venue", "contact", "game", "sticker",
    }
)  # fmt: skip
_CHAT_ACTIONS: Final = frozenset(
    {
        "typing", "upload_photo", "record_video", "upload_video", "record_voice", "upload_voice",
        "upload_document", "choose_sticker", "find_location", "record_video_note",
        "upload_video_note",
    }
)  # fmt: skip
_COMMAND_SCOPES: Final = frozenset(
    {
        "default", "all_private_chats", "all_group_chats", "all_chat_administrators", "chat",
        "chat_administrators", "chat_member",
    }
)  # fmt: skip
_UPDATE_TYPES_OFF_BY_DEFAULT: Final = frozenset(
    {"chat_member", "message_reaction", "message_reaction_count"}
)
_NOOP_METHODS: Final = frozenset(
    {
        "setmydescription", "setmyshortdescription", "setmyname", "setchatmenubutton",
        "setmydefaultadministratorrights", "pinchatmessage", "unpinchatmessage",
        "unpinallchatmessages", "setmessagereaction",
    }
)  # fmt: skip


def _button_error(detail: str) -> _ApiError:
    return _bad(f"can't parse inline keyboard button: {detail}")


def validate_reply_markup(markup: Any, *, inline_only: bool = False) -> JSON | None:
    """Check a reply_markup like Telegram does; returns it (None for no markup)."""
    if markup is None:
        return None
    if not isinstance(markup, dict):
        raise _bad("can't parse reply keyboard markup JSON object")
    if "inline_keyboard" in markup:
        _validate_inline_keyboard(markup["inline_keyboard"])
        return markup
    if inline_only:
        raise _bad("inline keyboard expected")
    if "keyboard" in markup:
        rows = markup["keyboard"]
        if not isinstance(rows, list) or not all(isinstance(row, list) for row in rows):
            raise _bad('Field "keyboard" must be an Array of Arrays')
        for row in rows:
            for button in row:
                label = button if isinstance(button, str) else None
                if isinstance(button, dict):
                    label = button.get("text")
                if not isinstance(label, str) or not label:
                    raise _bad("can't parse keyboard button: Text must be non-empty")
        return markup
    if markup.get("remove_keyboard") is True or markup.get("force_reply") is True:
        return markup
    raise _bad("can't parse reply keyboard markup JSON object")


def _validate_inline_keyboard(rows: Any) -> None:
    if not isinstance(rows, list) or not all(isinstance(row, list) for row in rows):
        raise _bad('Field "inline_keyboard" of the InlineKeyboardMarkup must be an Array of Arrays')
    if sum(len(row) for row in rows) > 100:
        raise _bad("REPLY_MARKUP_TOO_LONG")
    for row in rows:
        for button in row:
            if not isinstance(button, dict):
                raise _button_error("InlineKeyboardButton must be an Object")
            if "text" not in button:
                raise _button_error('Can\'t find field "text"')
            if not isinstance(button["text"], str):
                raise _button_error('Field "text" must be of type String')
            if not button["text"].strip():
                raise _button_error("Text must be non-empty")
            # Telegram treats an empty callback_data as absent.
            actions = [a for a in _INLINE_BUTTON_ACTIONS if button.get(a) not in (None, "")]
            if not actions:
                raise _button_error("Text buttons are unallowed in the inline keyboard")
            if len(actions) > 1:
                raise _button_error(f"exactly one of {actions} may be used")
            data = button.get("callback_data")
            if data is not None:
                if not isinstance(data, str):
                    raise _button_error('Field "callback_data" must be of type String')
                if len(data.encode()) > CALLBACK_DATA_LIMIT:
                    raise _bad("BUTTON_DATA_INVALID")
            url = button.get("url")
            if url is not None and (not isinstance(url, str) or checked_link(url) is None):
                raise _bad("BUTTON_URL_INVALID")


def _scope_key(scope: Any) -> tuple[str, int | None, int | None]:
    if scope is None:
        return ("default", None, None)
    if not isinstance(scope, dict) or scope.get("type") not in _COMMAND_SCOPES:
        raise _bad("can't parse BotCommandScope JSON object")
    chat_id = scope.get("chat_id")
    user_id = scope.get("user_id")
    return (scope["type"], chat_id, user_id)


# ----------------------------------------------------------------------------------------------
# The server.

Handler = Callable[[_Params], Awaitable[Any]]


class BotApiServer:
    """An in-process Telegram Bot API server on 127.0.0.1 for end-to-end tests.

    Use it as ``async with BotApiServer(...) as api`` (or ``await start()`` / ``await stop()``).
    The test-driving methods (``send_text``, ``press_button``, ...) play users; the ``wait_*``
    helpers wait for what the bot does; ``requests``/``rejected``/``sent`` expose everything.
    """

    def __init__(
        self,
        token: str = "123456789:TEST-stand-in-token",
        username: str = "studybot_test_bot",
        first_name: str = "StudyBot",
        *,
        strict_html: bool = True,
        privacy_mode: bool = True,
        inline_mode: bool = True,
        enforce_flood_limits: bool = False,
        query_ttl: float | None = 15.0,
        host: str = "127.0.0.1",
        port: int = 0,
    ) -> None:
        bot_id, sep, _ = token.partition(":")
        if not sep or not bot_id.isdigit():
            raise ValueError(f"a bot token looks like '123456:ABC...', not {token!r}")
        self.token = token
        self.bot = User(int(bot_id), first_name, username=username, is_bot=True)
        self.strict_html = strict_html
        self.privacy_mode = privacy_mode
        self.inline_mode = inline_mode
        self.enforce_flood_limits = enforce_flood_limits
        self.query_ttl = query_ttl
        self.host = host
        self.port = port

        self.users: dict[int, User] = {self.bot.id: self.bot}
        self.chats: dict[int, Chat] = {}
        self.files: dict[str, FileRecord] = {}
        self.requests: list[RequestRecord] = []
        self.chat_actions: list[tuple[int, str]] = []
        self.webhook = WebhookState()
        self.internal_errors: list[BaseException] = []

        self._messages: dict[tuple[int, int], StoredMessage] = {}
        self._sent: list[StoredMessage] = []
        self._updates: list[JSON] = []
        self._delivered: set[int] = set()
        self._update_ids = itertools.count(1)
        self._allowed_updates: set[str] | None = None
        self._poll_generation = 0
        self._active_polls = 0
        self._queries: dict[str, _Query] = {}
        self._answers: dict[str, list[JSON]] = {}
        self._commands: dict[tuple[tuple[str, int | None, int | None], str], list[JSON]] = {}
        self._faults: list[_Fault] = []
        self._send_times: list[tuple[float, int]] = []
        self._marks: dict[int, _Mark] = {}
        self._action_request_index = 0
        self._ids = itertools.count(1)
        self._changed = asyncio.Event()
        self._closing = False
        self._runner: web.AppRunner | None = None
        self._webhook_task: asyncio.Task[None] | None = None
        self._root = ""

        self._handlers: dict[str, Handler] = {
            "getme": self._get_me,
            "logout": self._ok,
            "close": self._ok,
            "getupdates": self._get_updates,
            "setwebhook": self._set_webhook,
            "deletewebhook": self._delete_webhook,
            "getwebhookinfo": self._get_webhook_info,
            "sendmessage": self._send_message,
            "senddocument": self._send_document,
            "editmessagetext": self._edit_message_text,
            "editmessagecaption": self._edit_message_caption,
            "editmessagereplymarkup": self._edit_message_reply_markup,
            "deletemessage": self._delete_message,
            "deletemessages": self._delete_messages,
            "answercallbackquery": self._answer_callback_query,
            "answerinlinequery": self._answer_inline_query,
            "setmycommands": self._set_my_commands,
            "getmycommands": self._get_my_commands,
            "deletemycommands": self._delete_my_commands,
            "getfile": self._get_file,
            "sendchataction": self._send_chat_action,
            "getchat": self._get_chat,
            "getchatmember": self._get_chat_member,
            "getchatadministrators": self._get_chat_administrators,
            "getchatmembercount": self._get_chat_member_count,
        }
        for name in _NOOP_METHODS:
            self._handlers[name] = self._ok

    # -- lifecycle ---------------------------------------------------------------------------

    async def __aenter__(self) -> BotApiServer:
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
        for _ in range(50):
            if not self._active_polls:
                break
            await asyncio.sleep(0.01)
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

    # -- world set-up --------------------------------------------------------------------------

    def add_user(
        self,
        id: int,
        first_name: str,
        username: str | None = None,
        is_bot: bool = False,
        *,
        last_name: str | None = None,
        language_code: str | None = None,
        started: bool = False,
    ) -> User:
        """Add a user and their private chat with the bot (id == user id).

        Until the user writes to the bot (or ``started=True``), the bot can't message them,
        like on Telegram ("bot can't initiate conversation with a user").
        """
        if id <= 0:
            raise ValueError("user ids are positive")
        user = User(id, first_name, username, is_bot, last_name, language_code)
        self.users[id] = user
        if not is_bot:
            self.chats[id] = Chat(
                id,
                "private",
                username=username,
                first_name=first_name,
                last_name=last_name,
                members={id},
                started=started,
            )
        return user

    def add_chat(
        self,
        id: int,
        type: ChatType,
        title: str | None = None,
        admins: Sequence[int] = (),
        *,
        owner: int | None = None,
        members: Iterable[int] = (),
        username: str | None = None,
        is_forum: bool = False,
    ) -> Chat:
        """Add a group/supergroup/channel the bot is in. Put ``api.bot_id`` in ``admins`` to
        make the bot an administrator (it then sees every message despite privacy mode)."""
        if type == "private":
            raise ValueError("private chats come from add_user()")
        if id >= 0:
            raise ValueError("group, supergroup and channel ids are negative")
        chat = Chat(
            id,
            type,
            title=title or f"Chat {id}",
            username=username,
            owner=owner,
            admins=list(admins),
            members={*members, *admins, *([owner] if owner else [])},
            is_forum=is_forum,
        )
        self.chats[id] = chat
        return chat

    def set_admins(self, chat_id: int, admins: Sequence[int]) -> None:
        chat = self._driver_chat(chat_id)
        chat.admins = list(admins)
        chat.members.update(admins)

    def block_bot(self, user_id: int, blocked: bool = True) -> None:
        """The user blocks (or unblocks) the bot: sends to them fail with 403."""
        self._driver_chat(user_id).blocked = blocked

    # -- playing users -------------------------------------------------------------------------

    async def send_text(
        self,
        chat_id: int,
        user_id: int,
        text: str,
        reply_to: int | None = None,
        entities: list[JSON] | None = None,
    ) -> StoredMessage:
        """A user writes ``text`` in a chat. Entities are auto-detected unless given.

        Returns the stored message; its ``update_id`` is None if privacy mode hid it from the bot.
        """
        chat, user = self._driver_chat(chat_id), self._driver_user(user_id)
        if not 0 < utf16_len(text.strip()) <= TEXT_LIMIT:
            raise AssertionError("a Telegram text message has 1-4096 characters")
        message = self._store_message(
            chat,
            user,
            outgoing=False,
            text=text,
            entities=detect_entities(text) if entities is None else entities,
            reply_to=self._driver_reply_target(chat, reply_to),
        )
        self._user_acted(chat, user)
        if self._bot_sees(chat, message):
            message.update_id = self._enqueue("message", message.to_api())
        return message

    async def upload_document(
        self,
        chat_id: int,
        user_id: int,
        filename: str,
        data: bytes,
        mime_type: str = "application/octet-stream",
        caption: str | None = None,
        reply_to: int | None = None,
    ) -> StoredMessage:
        """A user sends a file; the bot can fetch it with getFile and the file URL."""
        chat, user = self._driver_chat(chat_id), self._driver_user(user_id)
        record = self._store_file(data, filename, mime_type)
        message = self._store_message(
            chat,
            user,
            outgoing=False,
            caption=caption,
            caption_entities=detect_entities(caption) if caption else [],
            document=record.document(),
            reply_to=self._driver_reply_target(chat, reply_to),
        )
        self._user_acted(chat, user)
        if self._bot_sees(chat, message):
            message.update_id = self._enqueue("message", message.to_api())
        return message

    async def join(self, chat_id: int, user_id: int) -> int:
        """A user joins a group: the member list changes and the bot gets the service message
        (privacy mode never hides service messages); returns its update id."""
        return self._membership(chat_id, user_id, joined=True)

    async def leave(self, chat_id: int, user_id: int) -> int:
        """A user leaves a group; the bot gets the service message. Returns its update id."""
        return self._membership(chat_id, user_id, joined=False)

    def _membership(self, chat_id: int, user_id: int, *, joined: bool) -> int:
        chat, user = self._driver_chat(chat_id), self._driver_user(user_id)
        if chat.type == "private":
            raise AssertionError("only groups have members joining and leaving")
        if joined:
            chat.members.add(user_id)
        else:
            chat.members.discard(user_id)
            chat.admins = [a for a in chat.admins if a != user_id]
        message = self._store_message(chat, user, outgoing=False)
        payload = message.to_api()
        if joined:
            payload["new_chat_members"] = [user.to_api()]
        else:
            payload["left_chat_member"] = user.to_api()
        message.update_id = self._enqueue("message", payload)
        return message.update_id

    async def edit_text(self, chat_id: int, user_id: int, message_id: int, text: str) -> int:
        """A user edits their own earlier message; returns the edited_message update id."""
        chat, user = self._driver_chat(chat_id), self._driver_user(user_id)
        message = self._driver_message(chat_id, message_id)
        if message.outgoing or message.sender["id"] != user_id or message.text is None:
            raise AssertionError(f"user {user_id} can't edit message {message_id}")
        message.text, message.entities = text, detect_entities(text)
        message.edit_count += 1
        message.edit_date = int(time.time())
        self._user_acted(chat, user)
        return self._enqueue("edited_message", message.to_api())

    async def press_button(
        self,
        chat_id: int,
        user_id: int,
        message_id: int,
        callback_data: str | None = None,
        *,
        text: str | None = None,
    ) -> str:
        """A user presses an inline button (by callback_data or by its label ``text``) on a bot
        message; returns the callback query id. Fails the test if there is no such button."""
        chat, user = self._driver_chat(chat_id), self._driver_user(user_id)
        message = self._driver_message(chat_id, message_id)
        if not message.outgoing:
            raise AssertionError(f"message {message_id} in chat {chat_id} is not the bot's")
        if text is not None:
            callback_data = message.button(text).get("callback_data")
        if callback_data is None or callback_data not in message.callback_data:
            raise AssertionError(
                f"message {message_id} has no button with callback_data {callback_data!r}; "
                f"it has {message.callback_data}"
            )
        query_id = str(10**15 + next(self._ids))
        self._queries[query_id] = _Query("callback_query", user.id, time.monotonic())
        self._user_acted(chat, user, write=False)
        self._enqueue(
            "callback_query",
            {
                "id": query_id,
                "from": user.to_api(),
                "message": message.to_api(),
                "chat_instance": str(abs(chat_id) * 7919 + 17),
                "data": callback_data,
            },
        )
        return query_id

    async def inline_query(
        self, user_id: int, query: str, offset: str = "", chat_type: str | None = "sender"
    ) -> str:
        """A user types ``@bot query``; returns the inline query id."""
        if not self.inline_mode:
            raise AssertionError("inline mode is off for this bot (BotFather /setinline)")
        user = self._driver_user(user_id)
        query_id = str(2 * 10**15 + next(self._ids))
        self._queries[query_id] = _Query("inline_query", user.id, time.monotonic())
        self._action_request_index = len(self.requests)
        payload: JSON = {"id": query_id, "from": user.to_api(), "query": query, "offset": offset}
        if chat_type is not None:
            payload["chat_type"] = chat_type
        self._enqueue("inline_query", payload)
        return query_id

    # -- observing the bot ---------------------------------------------------------------------

    @property
    def sent(self) -> list[StoredMessage]:
        """Every message the bot sent, in order (edits update them in place)."""
        return list(self._sent)

    @property
    def rejected(self) -> list[RequestRecord]:
        """Requests answered with a 4xx that was not injected by fail_next()."""
        return [r for r in self.requests if 400 <= r.status < 500 and not r.injected]

    def assert_nothing_rejected(self) -> None:
        if self.rejected:
            lines = [f"{r.method}: {r.description} params={r.params}" for r in self.rejected]
            raise AssertionError("the Bot API rejected requests:\n" + "\n".join(lines))

    def calls(self, method: str, *, ok_only: bool = False) -> list[RequestRecord]:
        """Logged requests of this method (case-insensitive)."""
        return [
            r for r in self.requests if r.method.lower() == method.lower() and (r.ok or not ok_only)
        ]

    def messages(self, chat_id: int, *, include_deleted: bool = False) -> list[StoredMessage]:
        return [
            m
            for (cid, _), m in sorted(self._messages.items())
            if cid == chat_id and (include_deleted or not m.deleted)
        ]

    def message(self, chat_id: int, message_id: int) -> StoredMessage:
        return self._driver_message(chat_id, message_id, allow_deleted=True)

    def answers_for(self, query_id: str) -> list[JSON]:
        """Parameters of the accepted answerCallbackQuery/answerInlineQuery calls for a query."""
        return list(self._answers.get(query_id, []))

    def commands(self, scope: JSON | None = None, language_code: str = "") -> list[JSON]:
        """The command list set for exactly this scope and language (like getMyCommands)."""
        return list(self._commands.get((_scope_key(scope), language_code), []))

    def visible_commands(self, chat_id: int, user_id: int, language_code: str = "") -> list[JSON]:
        """The command menu this user sees in this chat, by Telegram's scope resolution order."""
        chat = self._driver_chat(chat_id)
        if chat.type == "private":
            keys: list[tuple[str, int | None, int | None]] = [
                ("chat", chat_id, None),
                ("all_private_chats", None, None),
                ("default", None, None),
            ]
        else:
            is_admin = user_id in chat.admins or user_id == chat.owner
            keys = [("chat_member", chat_id, user_id)]
            keys += [("chat_administrators", chat_id, None)] if is_admin else []
            keys += [("chat", chat_id, None)]
            keys += [("all_chat_administrators", None, None)] if is_admin else []
            keys += [("all_group_chats", None, None), ("default", None, None)]
        for key in keys:
            for language in ([language_code] if language_code else []) + [""]:
                found = self._commands.get((key, language))
                if found:
                    return list(found)
        return []

    @property
    def pending_updates(self) -> list[JSON]:
        """Updates not yet confirmed by a getUpdates offset (or webhook delivery)."""
        return list(self._updates)

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

    async def wait_for(
        self, predicate: Callable[[], T | None], timeout: float = 10.0, what: str = "condition"
    ) -> T:
        """Wait until ``predicate()`` returns something truthy (re-checked after every request
        and update) and return it; TimeoutError with the recent requests otherwise."""
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        while True:
            changed = self._changed
            value = predicate()
            if value:
                return value
            remaining = deadline - loop.time()
            if remaining <= 0:
                recent = "\n".join(
                    f"  {r.method} -> {r.status} {r.description or ''}" for r in self.requests[-15:]
                )
                raise TimeoutError(f"no {what} within {timeout}s; last requests:\n{recent}")
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(changed.wait(), remaining)

    async def wait_for_reply(
        self, chat_id: int, after_message_id: int | None = None, timeout: float = 10.0
    ) -> StoredMessage:
        """The bot's first message in the chat after ``after_message_id`` (default: after the
        test's last send_text/upload_document/press_button/edit_text in that chat)."""
        if after_message_id is None:
            mark = self._marks.get(chat_id)
            after_message_id = mark.last_message_id if mark else 0
        after = after_message_id

        def reply() -> StoredMessage | None:
            return next(
                (
                    m
                    for m in self.messages(chat_id, include_deleted=True)
                    if m.outgoing and m.message_id > after
                ),
                None,
            )

        return await self.wait_for(reply, timeout, f"bot message in chat {chat_id} after #{after}")

    async def wait_for_edit(
        self, chat_id: int, message_id: int, timeout: float = 10.0
    ) -> StoredMessage:
        """Wait until the bot edits this message (relative to the test's last action in the
        chat, or to now if there was none)."""
        message = self._driver_message(chat_id, message_id, allow_deleted=True)
        mark = self._marks.get(chat_id)
        if mark is not None and message_id in mark.edit_counts:
            baseline = mark.edit_counts[message_id]
        else:
            baseline = message.edit_count

        def edited() -> StoredMessage | None:
            return message if message.edit_count > baseline else None

        return await self.wait_for(edited, timeout, f"edit of message {message_id}")

    async def wait_for_request(
        self,
        method: str,
        predicate: Callable[[RequestRecord], bool] | None = None,
        timeout: float = 10.0,
        since: int | None = None,
    ) -> RequestRecord:
        """The first logged ``method`` request (matching ``predicate``) from index ``since`` of
        ``requests`` (default: since the test's last user action)."""
        start = self._action_request_index if since is None else since

        def found() -> RequestRecord | None:
            for record in self.requests[start:]:
                if record.method.lower() == method.lower() and (
                    predicate is None or predicate(record)
                ):
                    return record
            return None

        return await self.wait_for(found, timeout, f"{method} request")

    async def wait_for_answer(self, query_id: str, timeout: float = 10.0) -> JSON:
        """The parameters of the accepted answer to a callback or inline query."""

        def answer() -> JSON | None:
            answers = self._answers.get(query_id)
            return answers[0] if answers else None

        return await self.wait_for(answer, timeout, f"answer to query {query_id}")

    async def wait_for_delivery(self, update_id: int, timeout: float = 10.0) -> None:
        """Wait until the bot has fetched this update (via getUpdates or the webhook)."""
        await self.wait_for(lambda: update_id in self._delivered, timeout, f"update {update_id}")

    # -- fault injection -----------------------------------------------------------------------

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
        self._faults.append(_Fault(method.lower(), "fail", count, status, retry_after, description))

    def delay_next(
        self, method: str, seconds: float, count: int = 1, *, processed: bool = False
    ) -> None:
        """Delay the next ``count`` calls of ``method``. With ``processed=True`` the call takes
        effect first and only the response is late (a client timeout then hides a success)."""
        self._faults.append(
            _Fault(method.lower(), "delay", count, seconds=seconds, processed=processed)
        )

    def drop_next(self, method: str, count: int = 1, *, processed: bool = False) -> None:
        """Close the connection of the next ``count`` calls without answering; with
        ``processed=True`` the call took effect (e.g. the message was sent) before that."""
        self._faults.append(_Fault(method.lower(), "drop", count, processed=processed))

    # -- HTTP plumbing -------------------------------------------------------------------------

    async def _handle(self, request: web.Request) -> web.StreamResponse:
        path = request.path
        if path.startswith("/file/bot"):
            return self._serve_file(path.removeprefix("/file/bot"))
        if not path.startswith("/bot"):
            return _error_response(_ApiError(HTTPStatus.NOT_FOUND, "Not Found"))
        token, _, method = path.removeprefix("/bot").partition("/")
        try:
            params = await self._read_params(request)
        except _ApiError as err:
            return self._respond(method, {}, err)
        logged = params.loggable()
        if token != self.token:
            return self._respond(method, logged, _ApiError(HTTPStatus.UNAUTHORIZED, "Unauthorized"))
        handler = self._handlers.get(method.lower())
        if handler is None:
            return self._respond(
                method, logged, _ApiError(HTTPStatus.NOT_FOUND, "Not Found: method not found")
            )
        fault = self._take_fault(method)
        try:
            if fault is not None and fault.kind == "fail":
                parameters = {"retry_after": fault.retry_after} if fault.status == 429 else None
                error = _ApiError(fault.status, fault.description, parameters)
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

    async def _run(self, handler: Handler, params: _Params, method: str) -> Any:
        try:
            return await handler(params)
        except _ApiError as err:
            return err
        except Exception as exc:  # a bug in the stand-in: surface it, don't hide it
            log.exception("Bot API stand-in failed on %s", method)
            self.internal_errors.append(exc)
            return _ApiError(HTTPStatus.INTERNAL_SERVER_ERROR, f"stand-in error: {exc!r}")

    async def _read_params(self, request: web.Request) -> _Params:
        values: JSON = {k: _decode_form_value(k, v) for k, v in request.query.items()}
        files: dict[str, UploadedFile] = {}
        if request.body_exists:
            content_type = request.content_type
            if content_type == "application/json":
                try:
                    body = json.loads(await request.read() or b"{}")
                except ValueError:
                    body = None
                if not isinstance(body, dict):
                    raise _bad("can't parse JSON object")
                values.update(body)
            elif content_type in ("application/x-www-form-urlencoded", "multipart/form-data"):
                form = await request.post()
                for name, value in form.items():
                    if isinstance(value, web.FileField):
                        upload = UploadedFile(value.filename, value.content_type, value.file.read())
                        files[name] = upload
                    elif isinstance(value, str):
                        values[name] = _decode_form_value(name, value)
        return _Params(values, files)

    def _take_fault(self, method: str) -> _Fault | None:
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
        if isinstance(outcome, _ApiError):
            self._record(
                RequestRecord(method, logged, outcome.status, outcome.description, None, injected)
            )
            return _error_response(outcome)
        self._record(RequestRecord(method, logged, 200, None, outcome, injected))
        return web.json_response({"ok": True, "result": outcome})

    def _drop(self, request: web.Request, method: str, logged: JSON) -> web.Response:
        self._record(RequestRecord(method, logged, 0, "connection dropped", None, injected=True))
        if request.transport is not None:
            request.transport.abort()
        return web.Response(status=HTTPStatus.NO_CONTENT)  # never reaches the client

    def _record(self, record: RequestRecord) -> None:
        self.requests.append(record)
        self._notify()

    def _notify(self) -> None:
        self._changed.set()
        self._changed = asyncio.Event()

    def _serve_file(self, rest: str) -> web.Response:
        token, _, file_path = rest.partition("/")
        if token != self.token:
            return _error_response(_ApiError(HTTPStatus.UNAUTHORIZED, "Unauthorized"))
        for record in self.files.values():
            if record.file_path == file_path:
                return web.Response(
                    body=record.data, content_type=record.mime_type or "application/octet-stream"
                )
        return _error_response(_ApiError(HTTPStatus.NOT_FOUND, "Not Found"))

    # -- internals shared by handlers and drivers ----------------------------------------------

    def _enqueue(self, kind: str, payload: JSON) -> int:
        update_id = next(self._update_ids)
        self._updates.append({"update_id": update_id, kind: payload})
        self._notify()
        return update_id

    def _user_acted(self, chat: Chat, user: User, *, write: bool = True) -> None:
        if write and chat.type == "private":
            chat.started = True
        if chat.type != "private":
            chat.members.add(user.id)
        self._marks[chat.id] = _Mark(
            chat.last_message_id,
            {m.message_id: m.edit_count for m in self.messages(chat.id) if m.outgoing},
        )
        self._action_request_index = len(self.requests)

    def _bot_sees(self, chat: Chat, message: StoredMessage) -> bool:
        if chat.type == "private" or not self.privacy_mode or self.bot.id in chat.admins:
            return True
        if message.reply_to is not None and message.reply_to.outgoing:
            return True
        own = (self.bot.username or "").lower()
        for entity in message.all_entities:
            piece = utf16_slice(message.plain, entity["offset"], entity["length"])
            if entity["type"] == "bot_command":
                _, _, target = piece.partition("@")
                if not target or target.lower() == own:
                    return True
            if entity["type"] == "mention" and piece[1:].lower() == own:
                return True
        return False

    def _store_message(
        self,
        chat: Chat,
        sender: User,
        *,
        outgoing: bool,
        text: str | None = None,
        entities: list[JSON] | None = None,
        caption: str | None = None,
        caption_entities: list[JSON] | None = None,
        reply_markup: JSON | None = None,
        reply_to: StoredMessage | None = None,
        document: JSON | None = None,
        source: str | None = None,
        parse_mode: str | None = None,
    ) -> StoredMessage:
        chat.last_message_id += 1
        message = StoredMessage(
            chat_id=chat.id,
            message_id=chat.last_message_id,
            sender=sender.to_api(),
            chat=chat.to_api(),
            date=int(time.time()),
            outgoing=outgoing,
            text=text,
            entities=entities or [],
            caption=caption,
            caption_entities=caption_entities or [],
            reply_markup=reply_markup,
            reply_to=reply_to,
            document=document,
            source=source,
            parse_mode=parse_mode,
        )
        self._messages[(chat.id, message.message_id)] = message
        if outgoing:
            self._sent.append(message)
            self._send_times.append((time.monotonic(), chat.id))
        return message

    def _store_file(self, data: bytes, filename: str | None, mime_type: str | None) -> FileRecord:
        number = next(self._ids)
        suffix = ""
        if filename and "." in filename:
            suffix = "." + filename.rsplit(".", 1)[1]
        record = FileRecord(
            file_id=f"BQACAgIAAxkBAAI{number:06d}{secrets.token_urlsafe(18)}",
            file_unique_id=f"AgAD{number:06d}",
            file_path=f"documents/file_{number}{suffix}",
            data=data,
            file_name=filename,
            mime_type=mime_type,
        )
        self.files[record.file_id] = record
        return record

    def _driver_chat(self, chat_id: int) -> Chat:
        if chat_id not in self.chats:
            raise AssertionError(f"unknown chat {chat_id}: add_user()/add_chat() it first")
        return self.chats[chat_id]

    def _driver_user(self, user_id: int) -> User:
        if user_id not in self.users or user_id == self.bot.id:
            raise AssertionError(f"unknown user {user_id}: add_user() it first")
        return self.users[user_id]

    def _driver_message(
        self, chat_id: int, message_id: int, *, allow_deleted: bool = False
    ) -> StoredMessage:
        message = self._messages.get((chat_id, message_id))
        if message is None or (message.deleted and not allow_deleted):
            raise AssertionError(f"no message {message_id} in chat {chat_id}")
        return message

    def _driver_reply_target(self, chat: Chat, reply_to: int | None) -> StoredMessage | None:
        return None if reply_to is None else self._driver_message(chat.id, reply_to)

    # -- validation used by the handlers ---------------------------------------------------------

    def _chat(self, p: _Params, name: str = "chat_id") -> Chat:
        value = p.values.get(name)
        if value is None or value == "":
            raise _bad(f"{name} is empty")
        if isinstance(value, str) and value.startswith("@"):
            for candidate in self.chats.values():
                if candidate.type != "private" and f"@{candidate.username}" == value:
                    return candidate
            raise _bad("chat not found")
        try:
            chat_id = int(value)
        except (TypeError, ValueError):
            raise _bad("chat not found") from None
        chat = self.chats.get(chat_id)
        if chat is None:
            raise _bad("chat not found")
        return chat

    def _writable_chat(self, p: _Params) -> Chat:
        chat = self._chat(p)
        if chat.type == "private":
            if chat.blocked:
                raise _ApiError(HTTPStatus.FORBIDDEN, "Forbidden: bot was blocked by the user")
            if not chat.started:
                raise _ApiError(
                    HTTPStatus.FORBIDDEN, "Forbidden: bot can't initiate conversation with a user"
                )
        return chat

    def _formatted(
        self,
        raw: Any,
        parse_mode: Any,
        entities: Any,
        *,
        caption: bool = False,
    ) -> tuple[str, list[JSON]]:
        """Apply parse_mode/entities, trimming and the length limits; (plain text, entities)."""
        if raw is not None and not isinstance(raw, str):
            raise _bad("message text must be a string")
        text = raw or ""
        mode = (parse_mode or "").lower() if isinstance(parse_mode, str) else ""
        if isinstance(entities, str):
            try:
                entities = json.loads(entities)
            except ValueError:
                raise _bad("can't parse entities JSON object") from None
        try:
            if entities is not None:  # explicit entities win over parse_mode, as on Telegram
                parsed = text, self._explicit_entities(text, entities)
            elif mode == "":
                parsed = text, []
            elif mode == "html":
                parsed = parse_html(text, strict=self.strict_html)
            elif mode == "markdownv2":
                parsed = parse_markdown_v2(text)
            elif mode == "markdown":
                parsed = parse_markdown(text)
            else:
                raise _bad("unsupported parse_mode")
        except EntityParseError as err:
            raise _bad(f"can't parse entities: {err}") from None
        text, parsed_entities = _trim(*parsed)
        for entity in parsed_entities:
            known = self.users.get(entity.get("user", {}).get("id", 0))
            if entity["type"] == "text_mention" and known is not None:
                entity["user"] = known.to_api()
        length = utf16_len(text)
        if caption:
            if length > CAPTION_LIMIT:
                raise _bad("message caption is too long")
        elif length == 0:
            raise _bad("message text is empty")
        elif length > TEXT_LIMIT:
            raise _bad("message is too long")
        return text, parsed_entities

    @staticmethod
    def _explicit_entities(text: str, entities: Any) -> list[JSON]:
        if not isinstance(entities, list):
            raise _bad("can't parse entities JSON object")
        total = utf16_len(text)
        result: list[JSON] = []
        for entity in entities:
            if not isinstance(entity, dict) or not isinstance(entity.get("type"), str):
                raise _bad("can't parse MessageEntity JSON object")
            offset, length = entity.get("offset"), entity.get("length")
            if not isinstance(offset, int) or not isinstance(length, int):
                raise _bad("can't parse MessageEntity JSON object")
            if length > 0 and offset >= 0 and offset + length <= total:
                result.append(entity)
        return sorted(result, key=lambda e: (e["offset"], -e["length"]))

    def _reply_target(self, chat: Chat, p: _Params) -> StoredMessage | None:
        parameters = p.json("reply_parameters")
        allow_missing = p.flag("allow_sending_without_reply")
        message_id: Any = p.integer("reply_to_message_id")
        target_chat = chat
        if parameters is not None:
            if not isinstance(parameters, dict) or "message_id" not in parameters:
                raise _bad("can't parse reply parameters JSON object")
            message_id = parameters["message_id"]
            allow_missing = bool(parameters.get("allow_sending_without_reply", allow_missing))
            if parameters.get("chat_id") is not None:
                target_chat = self._chat(_Params({"chat_id": parameters["chat_id"]}, {}))
        if message_id is None:
            return None
        target = self._messages.get((target_chat.id, int(message_id)))
        if target is None or target.deleted:
            if allow_missing:
                return None
            raise _bad("message to be replied not found")
        return target

    def _flood_gate(self, chat: Chat) -> None:
        if not self.enforce_flood_limits:
            return
        now = time.monotonic()
        if sum(1 for t, _ in self._send_times if now - t < 1.0) >= 30:
            raise _flood_error(1)
        if chat.type in ("group", "supergroup"):
            recent = [t for t, c in self._send_times if c == chat.id and now - t < 60.0]
            if len(recent) >= 20:
                raise _flood_error(max(1, math.ceil(60.0 - (now - min(recent)))))

    def _message_to_edit(self, p: _Params) -> StoredMessage:
        if p.has("inline_message_id"):
            raise _bad("MESSAGE_ID_INVALID")  # inline messages are not simulated
        chat = self._chat(p)
        message_id = p.integer("message_id")
        if message_id is None:
            raise _bad("message identifier is not specified")
        message = self._messages.get((chat.id, message_id))
        if message is None or message.deleted:
            raise _bad("message to edit not found")
        if not message.outgoing:
            raise _bad("message can't be edited")
        return message

    def _live_query(self, query_id: str | None, kind: str) -> _Query:
        query = self._queries.get(query_id or "")
        if query is None or query.kind != kind or query.answered:
            raise _bad(QUERY_INVALID.removeprefix("Bad Request: "))
        if self.query_ttl is not None and time.monotonic() - query.created > self.query_ttl:
            raise _bad(QUERY_INVALID.removeprefix("Bad Request: "))
        return query

    def _member(self, chat: Chat, user_id: int) -> JSON:
        user = self.users.get(user_id)
        if user is None:
            raise _bad("user not found")
        if chat.owner == user_id:
            return {"status": "creator", "user": user.to_api(), "is_anonymous": False}
        if user_id in chat.admins:
            return {
                "status": "administrator",
                "user": user.to_api(),
                "can_be_edited": False,
                "is_anonymous": False,
                "can_manage_chat": True,
                "can_delete_messages": True,
                "can_manage_video_chats": True,
                "can_restrict_members": True,
                "can_promote_members": False,
                "can_change_info": True,
                "can_invite_users": True,
                "can_post_stories": False,
                "can_edit_stories": False,
                "can_delete_stories": False,
                "can_pin_messages": True,
            }
        present = user_id in chat.members or user_id == self.bot.id
        if chat.type == "private":
            present = user_id in (chat.id, self.bot.id)
        return {"status": "member" if present else "left", "user": user.to_api()}

    # -- Bot API methods -----------------------------------------------------------------------

    async def _ok(self, p: _Params) -> bool:
        return True

    async def _get_me(self, p: _Params) -> JSON:
        return {
            **self.bot.to_api(),
            "can_join_groups": True,
            "can_read_all_group_messages": not self.privacy_mode,
            "supports_inline_queries": self.inline_mode,
            "can_connect_to_business": False,
            "has_main_web_app": False,
        }

    async def _get_updates(self, p: _Params) -> list[JSON]:
        if self.webhook.url:
            raise _ApiError(HTTPStatus.CONFLICT, WEBHOOK_CONFLICT)
        offset = p.integer("offset")
        limit = min(max(p.integer("limit") or 100, 1), 100)
        timeout = max(p.number("timeout") or 0.0, 0.0)
        allowed = p.json("allowed_updates")
        if allowed is not None:
            if not isinstance(allowed, list):
                raise _bad("can't parse allowed_updates JSON object")
            self._allowed_updates = {str(kind) for kind in allowed} or None
        if offset is not None:
            self._confirm(offset)
        # A newer getUpdates ends an older one, like on Telegram.
        self._poll_generation += 1
        self._notify()
        self._active_polls += 1
        try:
            return await self._poll(limit, timeout, self._poll_generation)
        finally:
            self._active_polls -= 1

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
                raise _ApiError(HTTPStatus.CONFLICT, POLL_CONFLICT)
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
            return kind in allowed if allowed else kind not in _UPDATE_TYPES_OFF_BY_DEFAULT

        # Updates of unwanted types are never delivered, so Telegram doesn't keep them either.
        self._updates = [u for u in self._updates if wanted(u)]
        return self._updates[:limit]

    async def _set_webhook(self, p: _Params) -> bool:
        url = p.text("url") or ""
        if url:
            scheme, _, rest = url.partition("://")
            host = re.split(r"[/:?#]", rest, maxsplit=1)[0]
            loopback = host in ("127.0.0.1", "localhost", "[::1]")
            if scheme != "https" and not (scheme == "http" and loopback):
                raise _bad("bad webhook: HTTPS url must be provided for webhook")
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

    async def _delete_webhook(self, p: _Params) -> bool:
        if p.flag("drop_pending_updates"):
            self._updates.clear()
        self.webhook = WebhookState()
        self._notify()
        return True

    async def _get_webhook_info(self, p: _Params) -> JSON:
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

    async def _send_message(self, p: _Params) -> JSON:
        chat = self._writable_chat(p)
        text, entities = self._formatted(p.text("text"), p.text("parse_mode"), p.json("entities"))
        markup = validate_reply_markup(p.json("reply_markup"))
        reply_to = self._reply_target(chat, p)
        self._flood_gate(chat)
        message = self._store_message(
            chat,
            self.bot,
            outgoing=True,
            text=text,
            entities=entities,
            reply_markup=markup,
            reply_to=reply_to,
            source=p.text("text"),
            parse_mode=p.text("parse_mode"),
        )
        return message.to_api()

    async def _send_document(self, p: _Params) -> JSON:
        chat = self._writable_chat(p)
        record = self._document_input(p)
        caption: str | None = None
        entities: list[JSON] = []
        if p.has("caption"):
            caption, entities = self._formatted(
                p.text("caption"), p.text("parse_mode"), p.json("caption_entities"), caption=True
            )
        markup = validate_reply_markup(p.json("reply_markup"))
        reply_to = self._reply_target(chat, p)
        self._flood_gate(chat)
        message = self._store_message(
            chat,
            self.bot,
            outgoing=True,
            caption=caption,
            caption_entities=entities,
            reply_markup=markup,
            reply_to=reply_to,
            document=record.document(),
            source=p.text("caption"),
            parse_mode=p.text("parse_mode"),
        )
        return message.to_api()

    def _document_input(self, p: _Params) -> FileRecord:
        value = p.values.get("document")
        upload = p.files.get("document")
        if upload is None and isinstance(value, str) and value.startswith("attach://"):
            upload = p.files.get(value.removeprefix("attach://"))
        if upload is not None:
            if not upload.data:
                raise _bad("file must be non-empty")
            if len(upload.data) > UPLOAD_LIMIT:
                raise _ApiError(HTTPStatus.REQUEST_ENTITY_TOO_LARGE, "Request Entity Too Large")
            return self._store_file(upload.data, upload.filename, upload.content_type)
        if isinstance(value, str) and value:
            if value in self.files:
                return self.files[value]
            if value.startswith(("http://", "https://")):
                raise _bad("failed to get HTTP URL content")  # the stand-in has no internet
            raise _bad("wrong file identifier/HTTP URL specified")
        raise _bad("there is no document in the request")

    async def _edit_message_text(self, p: _Params) -> JSON:
        message = self._message_to_edit(p)
        if message.text is None:
            raise _bad("there is no text in the message to edit")
        text, entities = self._formatted(p.text("text"), p.text("parse_mode"), p.json("entities"))
        # Omitting reply_markup removes the keyboard, exactly as on Telegram.
        markup = validate_reply_markup(p.json("reply_markup"), inline_only=True)
        if (text, entities, markup) == (message.text, message.entities, message.reply_markup):
            raise _bad(NOT_MODIFIED.removeprefix("Bad Request: "))
        message.text, message.entities, message.reply_markup = text, entities, markup
        message.source, message.parse_mode = p.text("text"), p.text("parse_mode")
        return self._edited(message)

    async def _edit_message_caption(self, p: _Params) -> JSON:
        message = self._message_to_edit(p)
        if message.document is None:
            raise _bad("there is no caption in the message to edit")
        caption, entities = self._formatted(
            p.text("caption"), p.text("parse_mode"), p.json("caption_entities"), caption=True
        )
        markup = validate_reply_markup(p.json("reply_markup"), inline_only=True)
        current = (message.caption or "", message.caption_entities, message.reply_markup)
        if (caption, entities, markup) == current:
            raise _bad(NOT_MODIFIED.removeprefix("Bad Request: "))
        message.caption, message.caption_entities, message.reply_markup = caption, entities, markup
        return self._edited(message)

    async def _edit_message_reply_markup(self, p: _Params) -> JSON:
        message = self._message_to_edit(p)
        markup = validate_reply_markup(p.json("reply_markup"), inline_only=True)
        if markup == message.reply_markup:
            raise _bad(NOT_MODIFIED.removeprefix("Bad Request: "))
        message.reply_markup = markup
        return self._edited(message)

    def _edited(self, message: StoredMessage) -> JSON:
        message.edit_count += 1
        message.edit_date = int(time.time())
        return message.to_api()

    def _deletable(self, chat: Chat, message_id: int) -> StoredMessage:
        message = self._messages.get((chat.id, message_id))
        if message is None or message.deleted:
            raise _bad("message to delete not found")
        if not (message.outgoing or chat.type == "private" or self.bot.id in chat.admins):
            raise _bad("message can't be deleted")
        return message

    async def _delete_message(self, p: _Params) -> bool:
        chat = self._chat(p)
        self._deletable(chat, p.required_integer("message_id")).deleted = True
        return True

    async def _delete_messages(self, p: _Params) -> bool:
        chat = self._chat(p)
        ids = p.json("message_ids")
        if not isinstance(ids, list) or not 1 <= len(ids) <= 100:
            raise _bad("message_ids must be a list of 1-100 identifiers")
        deleted = 0
        for message_id in ids:
            with contextlib.suppress(_ApiError):
                self._deletable(chat, int(message_id)).deleted = True
                deleted += 1
        if not deleted:
            raise _bad("message to delete not found")
        return True

    async def _answer_callback_query(self, p: _Params) -> bool:
        query_id = p.text("callback_query_id")
        query = self._live_query(query_id, "callback_query")
        text = p.text("text")
        if text is not None and utf16_len(text) > CALLBACK_ANSWER_LIMIT:
            raise _bad("MESSAGE_TOO_LONG")
        query.answered = True
        self._answers.setdefault(query_id or "", []).append(p.loggable())
        return True

    async def _answer_inline_query(self, p: _Params) -> bool:
        query_id = p.text("inline_query_id")
        query = self._live_query(query_id, "inline_query")
        results = p.json("results")
        if not isinstance(results, list):
            raise _bad("can't parse inline query results JSON object")
        if len(results) > INLINE_RESULTS_LIMIT:
            raise _bad("RESULTS_TOO_MUCH")
        seen: set[str] = set()
        for result in results:
            self._check_inline_result(result, seen)
        next_offset = p.text("next_offset") or ""
        if len(next_offset.encode()) > 64:
            raise _bad("NEXT_OFFSET_INVALID")
        button = p.json("button")
        if button is not None:
            if not isinstance(button, dict) or not button.get("text"):
                raise _bad("can't parse InlineQueryResultsButton JSON object")
            start = button.get("start_parameter")
            if start is not None and not re.fullmatch(r"[A-Za-z0-9_-]{1,64}", str(start)):
                raise _bad("START_PARAM_INVALID")
        query.answered = True
        self._answers.setdefault(query_id or "", []).append(p.loggable())
        return True

    def _check_inline_result(self, result: Any, seen: set[str]) -> None:
        if not isinstance(result, dict):
            raise _bad("can't parse inline query result: InlineQueryResult must be an Object")
        result_id = result.get("id")
        if not isinstance(result_id, str) or not 1 <= len(result_id.encode()) <= 64:
            raise _bad("RESULT_ID_INVALID")
        if result_id in seen:
            raise _bad("RESULT_ID_DUPLICATE")
        seen.add(result_id)
        kind = result.get("type")
        if kind not in _INLINE_RESULT_TYPES:
            raise _bad(f'unsupported inline query result type "{kind}"')
        content = result.get("input_message_content")
        if kind == "article":
            if not isinstance(result.get("title"), str) or not result["title"]:
                raise _bad('can\'t parse inline query result: Field "title" must be non-empty')
            if content is None:
                raise _bad(
                    "can't parse inline query result: Can't find field \"input_message_content\""
                )
        if content is not None:
            if not isinstance(content, dict):
                raise _bad("can't parse InputMessageContent JSON object")
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

    async def _set_my_commands(self, p: _Params) -> bool:
        commands = p.json("commands")
        if not isinstance(commands, list):
            raise _bad("can't parse commands JSON object")
        if len(commands) > 100:
            raise _bad("BOT_COMMANDS_TOO_MUCH")
        cleaned: list[JSON] = []
        for command in commands:
            if not isinstance(command, dict):
                raise _bad("can't parse BotCommand JSON object")
            name, description = command.get("command"), command.get("description")
            if not isinstance(name, str) or not re.fullmatch(r"[a-z0-9_]{1,32}", name):
                raise _bad("BOT_COMMAND_INVALID")
            if not isinstance(description, str) or not 1 <= len(description.strip()) <= 256:
                raise _bad("BOT_COMMAND_DESCRIPTION_INVALID")
            cleaned.append({"command": name, "description": description})
        key = self._command_key(p)
        if cleaned:
            self._commands[key] = cleaned
        else:
            self._commands.pop(key, None)
        return True

    async def _get_my_commands(self, p: _Params) -> list[JSON]:
        return list(self._commands.get(self._command_key(p), []))

    async def _delete_my_commands(self, p: _Params) -> bool:
        self._commands.pop(self._command_key(p), None)
        return True

    def _command_key(self, p: _Params) -> tuple[tuple[str, int | None, int | None], str]:
        language = p.text("language_code") or ""
        if language and not re.fullmatch(r"[a-z]{2}", language):
            raise _bad("invalid language code specified")
        kind, chat_id, user_id = _scope_key(p.json("scope"))
        if kind in ("chat", "chat_administrators", "chat_member"):
            chat_id = self._chat(_Params({"chat_id": chat_id}, {})).id
        if kind == "chat_member" and (not isinstance(user_id, int) or user_id not in self.users):
            raise _bad("user not found")
        return (kind, chat_id, user_id), language

    async def _get_file(self, p: _Params) -> JSON:
        record = self.files.get(p.text("file_id") or "")
        if record is None:
            raise _bad("invalid file_id")
        if len(record.data) > DOWNLOAD_LIMIT:
            raise _bad("file is too big")
        return {
            "file_id": record.file_id,
            "file_unique_id": record.file_unique_id,
            "file_size": len(record.data),
            "file_path": record.file_path,
        }

    async def _send_chat_action(self, p: _Params) -> bool:
        chat = self._writable_chat(p)
        action = p.text("action")
        if action not in _CHAT_ACTIONS:
            raise _bad("wrong parameter action in request")
        self.chat_actions.append((chat.id, action))
        return True

    async def _get_chat(self, p: _Params) -> JSON:
        chat = self._chat(p)
        return {
            **chat.to_api(),
            "accent_color_id": 0,
            "max_reaction_count": 11,
            "accepted_gift_types": {
                "unlimited_gifts": False,
                "limited_gifts": False,
                "unique_gifts": False,
                "premium_subscription": False,
                "gifts_from_channels": False,
            },
        }

    async def _get_chat_member(self, p: _Params) -> JSON:
        return self._member(self._chat(p), p.required_integer("user_id"))

    async def _get_chat_administrators(self, p: _Params) -> list[JSON]:
        chat = self._chat(p)
        if chat.type == "private":
            raise _bad("there are no administrators in the private chat")
        ids = ([chat.owner] if chat.owner is not None else []) + chat.admins
        return [self._member(chat, user_id) for user_id in dict.fromkeys(ids)]

    async def _get_chat_member_count(self, p: _Params) -> int:
        chat = self._chat(p)
        return 2 if chat.type == "private" else len(chat.members | {self.bot.id})


def _flood_error(retry_after: int) -> _ApiError:
    return _ApiError(
        HTTPStatus.TOO_MANY_REQUESTS,
        f"Too Many Requests: retry after {retry_after}",
        {"retry_after": retry_after},
    )


def _error_response(error: _ApiError) -> web.Response:
    body: JSON = {"ok": False, "error_code": error.status, "description": error.description}
    if error.parameters:
        body["parameters"] = error.parameters
    return web.json_response(body, status=error.status)
