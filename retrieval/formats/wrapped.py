"""Plain text wrapped at a fixed width (a PDF's text exported, a mail's body) joined back into
paragraphs, as the PDF reader joins a page's lines: Chinese breaks anywhere, mid-word and
mid-sentence, so a line that reaches the text's width continues on the next one."""

from __future__ import annotations

import re
from collections.abc import Sequence

from retrieval.markers import CN_NUM

MIN_LINES = 8  # fewer lines tell no width
MIN_WIDTH = 30  # columns (15 Chinese characters): a narrower text is a list or a menu
WIDE_SHARE = 0.4  # of a wrapped text's lines reach its width...
OPEN_SHARE = 0.6  # ...and most of those stop mid-sentence
NEAR_FULL = 0.8  # of the width, for a line that stops mid-sentence (an indented first line)
SLACK = 4  # columns a full line may fall short of the width by (digits and Latin are narrow)

SENTENCE_END = "。！？!?；;：:…”』」）)"
# a heading's marker, which opens a paragraph after a finished sentence
HEADING_START = re.compile(
    rf"^(第[{CN_NUM}\d]+[章节部分篇条]|[一二三四五六七八九十]+[、.．]"
    r"|[（(][一二三四五六七八九十]+[）)]|\d{1,2}[、．]|[（(]\d{1,2}[）)])"
)
# a list's item opens one wherever it stands (a menu's - 关于…2025-11-25, a contents page)
_ITEM_START = re.compile(r"[-•*·]\s|\d{1,2}[.、．]|[①-⑳]")


def columns(text: str) -> int:
    """A line's width as typeset: Latin letters, digits and spaces take one column, the rest
    two (a Chinese text's punctuation is full width, even where a page made it ASCII)."""
    return sum(1 if ch.isascii() and (ch.isalnum() or ch == " ") else 2 for ch in text)


def text_width(lines: Sequence[str]) -> int:
    """The width a text is wrapped at, or 0 when it is not wrapped: many of its lines reach
    the width of its longest tenth, and most of those stop mid-sentence (a list's items left
    out: a menu's are cut at one width too)."""
    texts = [t for line in lines if (t := line.strip()) and not _ITEM_START.match(t)]
    if len(texts) < MIN_LINES:
        return 0
    widths = sorted(columns(t) for t in texts)
    edge = widths[int(len(widths) * 0.9)]
    full = [t for t in texts if columns(t) >= edge - SLACK]
    if edge < MIN_WIDTH or len(full) < WIDE_SHARE * len(texts):
        return 0
    return edge if sum(t[-1] not in SENTENCE_END for t in full) >= OPEN_SHARE * len(full) else 0


def unwrapped(lines: Sequence[str]) -> list[str]:
    """The lines, a wrapped text's joined back into paragraphs: a full line continues on the
    next, unless that one is blank, indented, a list's item, or a heading after a finished
    sentence; the rest are returned as they are."""
    edge = text_width(lines)
    if not edge:
        return list(lines)
    out: list[str] = []
    going = False
    for line in lines:
        text = line.strip()
        if going and not _opens(line, out[-1].rstrip()):
            left = out[-1].rstrip()
            joiner = " " if left[-1].isascii() and left[-1].isalnum() and text[0].isascii() else ""
            out[-1] = left + joiner + text
        else:
            out.append(line)
        # a full line goes on; so does one stopping mid-sentence a little short of the width
        full = edge - SLACK if text[-1:] in SENTENCE_END else NEAR_FULL * edge
        going = bool(text) and columns(text) >= full
    return out


def _opens(line: str, before: str) -> bool:
    """Whether a line opens a paragraph after a full one (`before`, stripped)."""
    text = line.strip()
    return (
        not text
        or line[:1] in (" ", "\t", "\u3000")
        or bool(_ITEM_START.match(text))
        or (before[-1] in SENTENCE_END and bool(HEADING_START.match(text)))
    )
