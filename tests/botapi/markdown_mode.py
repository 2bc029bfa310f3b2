"""parse_mode=MarkdownV2 and the legacy Markdown, ports of tdlib's parsers."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Final
from urllib.parse import parse_qsl

from .entities import TD_SPACE, Entity, EntityParseError, link_entity, sorted_entities, utf16_units
from .protocol import JSON

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
    entities: list[Entity] = []
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
            units = utf16_units(c)
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
                while data[lang_end] not in TD_SPACE and data[lang_end] != 0x60:
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
                entities.append(Entity(kind, top.offset, u16 - top.offset))
    if nested:
        top = nested[-1]
        name = _MDV2_NAMES[top.kind]
        raise EntityParseError(f"Can't find end of {name} entity at byte offset {top.byte_offset}")
    return out.decode("utf-8"), sorted_entities(entities)


def _md_v2_close(
    nested: list[_MdOpen], data: bytes, i: int, size: int, out: bytearray, u16: int
) -> tuple[int, Entity | None]:
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
    entity: Entity | None = Entity(kind, top.offset, length, top.argument)
    if kind in ("underline", "spoiler"):
        i += 1
    elif kind in ("pre", "pre_code"):
        i += 2
        entity = Entity("pre", top.offset, length, top.argument)
    elif kind == "text_link":
        if data[i + 1] != 0x28:
            url = out[top.out_pos :].decode("utf-8", "replace")
        else:
            url, i = _md_url(data, i + 2, size, "a URL")
        entity = link_entity(top.offset, length, url)
    elif kind == "custom_emoji":
        if data[i + 1] != 0x28:
            raise EntityParseError("Custom emoji entity must contain a tg://emoji URL")
        url, i = _md_url(data, i + 2, size, "a custom emoji URL")
        entity = Entity("custom_emoji", top.offset, length, _custom_emoji_id(url))
    elif kind in ("blockquote", "expandable_blockquote"):
        out.append(c)  # the newline that ends the quote stays in the text
        entity = Entity(kind, top.offset, length + 1)
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
    entities: list[Entity] = []
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
            u16 += utf16_units(c)
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
            while data[lang_end] not in TD_SPACE and data[lang_end] != 0x60:
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
            u16 += utf16_units(data[i])
            out.append(data[i])
            i += 1
        if i == size:
            raise EntityParseError(f"Can't find end of the entity starting at byte offset {begin}")
        length = u16 - offset
        if length:
            if c == 0x5F:
                entities.append(Entity("italic", offset, length))
            elif c == 0x2A:
                entities.append(Entity("bold", offset, length))
            elif c == 0x60:
                entities.append(Entity("pre" if is_pre else "code", offset, length, language))
            else:
                if data[i + 1] == 0x28:
                    url_begin = i + 2
                    i = url_begin
                    while i < size and data[i] != 0x29:
                        i += 1
                    url = data[url_begin:i].decode("utf-8", "replace")
                else:
                    url = out[content_begin:].decode("utf-8", "replace")
                link = link_entity(offset, length, url)
                if link is not None:
                    entities.append(link)
        i += 3 if is_pre else 1
    return out.decode("utf-8"), sorted_entities(entities)


_TRIM_CHARS: Final = " \t\r\n\x0b\x0c"
