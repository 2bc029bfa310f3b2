"""parse_mode=HTML, a port of tdlib's parse_html."""

from __future__ import annotations

import re
import string
from dataclasses import dataclass
from typing import Final

from .entities import TD_SPACE, Entity, EntityParseError, link_entity, sorted_entities, utf16_units
from .protocol import JSON

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
_SURROGATE_ERROR: Final = (
    "Text contains invalid Unicode characters after decoding HTML entities, check for unmatched "
    "surrogate code units"
)


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
    entities: list[Entity] = []
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
            u16 += utf16_units(c)
            out.append(c)
            i += 1
            continue

        begin = i
        i += 1
        if data[i] != 0x2F:  # start tag
            while data[i] not in TD_SPACE and data[i] != 0x3E:
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
            while data[i] not in TD_SPACE and data[i] != 0x3E:
                i += 1
            end_tag = data[begin + 2 : i].decode("utf-8", "replace").lower()
            while data[i] != 0 and data[i] in TD_SPACE:
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
    return out.decode("utf-8"), sorted_entities(entities)


def _parse_html_attributes(data: bytes, i: int, begin: int, opened: _OpenTag) -> int:
    """Parse the attributes of a start tag from ``i``; return the position of its '>'."""
    tag = opened.tag
    while data[i] != 0x3E:
        while data[i] != 0 and data[i] in TD_SPACE:
            i += 1
        if data[i] == 0x3E:
            break
        name_begin = i
        while data[i] not in TD_SPACE and data[i] not in b"=>/\"'":
            i += 1
        name = data[name_begin:i].decode("utf-8", "replace")
        if not name:
            raise EntityParseError(
                f'Empty attribute name in the tag "{tag}" at byte offset {begin}'
            )
        while data[i] != 0 and data[i] in TD_SPACE:
            i += 1
        if data[i] != 0x3D:  # '='
            if data[i] == 0:
                raise EntityParseError(f'Unclosed start tag "{tag}" at byte offset {begin}')
            if tag == "blockquote" and name == "expandable":  # valueless attributes are ignored
                opened.argument = "expandable"
            continue
        i += 1
        while data[i] != 0 and data[i] in TD_SPACE:
            i += 1
        if data[i] == 0:
            raise EntityParseError(f'Unclosed start tag "{tag}" at byte offset {begin}')
        if data[i] not in b"'\"":
            # A name token: letters, digits, periods or hyphens; case-insensitive.
            token_begin = i
            while data[i] in _NAME_TOKEN:
                i += 1
            value = data[token_begin:i].decode().lower()
            if data[i] not in TD_SPACE and data[i] != 0x3E:
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


def _close_html_entity(top: _OpenTag, length: int, inner: str, entities: list[Entity]) -> None:
    tag, offset, argument = top.tag, top.offset, top.argument
    last = entities[-1] if entities else None
    same_range = last is not None and last.offset == offset and last.length == length
    if tag in _SIMPLE_HTML_TAGS:
        entities.append(Entity(_SIMPLE_HTML_TAGS[tag], offset, length))
    elif tag == "tg-emoji":
        if not re.fullmatch(r"-?\d{1,19}", argument) or not 0 < abs(int(argument)) < 2**63:
            raise EntityParseError("Invalid custom emoji identifier specified")
        entities.append(Entity("custom_emoji", offset, length, argument))
    elif tag == "a":
        link = link_entity(offset, length, argument or inner)
        if link is not None:  # Telegram silently drops links it considers invalid
            entities.append(link)
    elif tag == "pre":
        if last is not None and same_range and last.type == "code" and last.argument:
            last.type = "pre"  # <pre><code class="language-x">
        else:
            entities.append(Entity("pre", offset, length))
    elif tag == "code":
        if last is not None and same_range and last.type == "pre" and argument:
            last.argument = argument  # <code class="language-x"><pre>
        else:
            entities.append(Entity("code", offset, length, argument))
    elif tag == "blockquote":
        kind = "expandable_blockquote" if argument == "expandable" else "blockquote"
        entities.append(Entity(kind, offset, length))
