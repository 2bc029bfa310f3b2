"""Plain text wrapped at a fixed width (a PDF's text exported, a mail's body) joined back into
paragraphs, as the PDF reader joins a page's lines: Chinese breaks anywhere, mid-word and
mid-sentence, so a line that reaches the text's width continues on the next one."""

from __future__ import annotations

import re
from collections.abc import Sequence

from retrieval.markers import CLAUSE_END, HEADING_START, SENTENCE_END

MIN_LINES = 8  # fewer lines tell no width
MIN_WIDTH = 30  # columns (15 Chinese characters): a narrower text is a list or a menu
WIDE_SHARE = 0.4  # of a wrapped text's lines reach its width...
OPEN_SHARE = 0.6  # ...most of those stop mid-sentence...
PROSE_SHARE = 0.5  # ...and hold a clause mark (a list's, a table's or a poem's lines hold none)
NEAR_FULL = 0.8  # of the width, for a line that stops mid-sentence (an indented first line)
SLACK = 4  # columns a full line may fall short of the width by (digits and Latin are narrow)

# a list's item, a Markdown heading or a table's row opens a line wherever it stands (a
# menu's - 关于…2025-11-25, a contents page); not a decimal (20.3%，总数突破…)
_ITEM_START = re.compile(r"[-•*·]\s|\d{1,2}(?:、|[.．](?!\d))|[①-⑳]|#{1,6}\s|\|")
_CLAUSE = re.compile(r"[，、；。！？：,;:]")
_PROSE = re.compile(r"[，、；。,;]")  # (not a colon: 东城营业部：北京市… is a list's line)


def columns(text: str) -> int:
    """A line's width as typeset: Latin letters, digits and spaces take one column, the rest
    two (a Chinese text's punctuation is full width, even where a page made it ASCII)."""
    return sum(1 if ch.isascii() and (ch.isalnum() or ch == " ") else 2 for ch in text)


def text_width(lines: Sequence[str]) -> int:
    """The width a text is wrapped at, or 0 when it is not wrapped: many of its lines reach
    the width of its longest tenth, and most of those are prose stopping mid-sentence (a
    list's items left out: a menu's are cut at one width too)."""
    texts = [t for line in lines if (t := line.strip()) and not _ITEM_START.match(t)]
    if len(texts) < MIN_LINES:
        return 0
    widths = sorted(columns(t) for t in texts)
    edge = widths[int(len(widths) * 0.9)]
    full = [t for t in texts if columns(t) >= edge - SLACK]
    if edge < MIN_WIDTH or len(full) < WIDE_SHARE * len(texts):
        return 0
    prose = sum(bool(_PROSE.search(t)) and "  " not in t for t in full)
    stopped = sum(t[-1] not in CLAUSE_END for t in full)
    wrapped = prose >= PROSE_SHARE * len(full) and stopped >= OPEN_SHARE * len(full)
    return edge if wrapped else 0


def unwrapped(lines: Sequence[str]) -> list[str]:
    """The lines, a wrapped text's joined back into paragraphs: a full line continues on the
    next, unless that one is blank, indented past the text's margin, a list's item, or a
    heading after a finished sentence; the rest are returned as they are."""
    edge = text_width(lines)
    if not edge:
        return list(lines)
    margin = min(_indent(line) for line in lines if line.strip())
    out: list[str] = []
    going = started = False
    for line in lines:
        text = line.strip()
        if going and not _opens(line, out[-1].rstrip(), margin):
            out[-1] = joined(out[-1].rstrip(), text)
        else:
            out.append(line)
        # (the text's first line, its title, goes on only as a sentence: clutter may follow)
        title = bool(text) and not started and not _CLAUSE.search(text)
        started = started or bool(text)
        going = bool(text) and not title and columns(text) >= _full(text, edge)
    return out


def joined(left: str, right: str) -> str:
    """Two pieces of a paragraph broken at a line's end: Chinese runs on, Latin words keep
    their space (…of the council, / and it asks…)."""
    spaced = (
        left[-1:].isascii()
        and right[:1].isascii()
        and (left[-1:].isalnum() or (left[-1:] in ",.;:!?" and right[:1].isalnum()))
    )
    return f"{left} {right}" if spaced and left and right else left + right


def _full(text: str, edge: int) -> float:
    """The width from which a line goes on to the next."""
    if text[-1] in SENTENCE_END:
        # a finished sentence two columns short ends its paragraph, unless narrow digits or
        # Latin letters make its width uncertain
        return edge - (SLACK if any(ch.isascii() for ch in text) else 2)
    if text[-1] in CLAUSE_END or not _CLAUSE.search(text):
        return edge - SLACK  # no clause inside: a title or heading, unless it fills the line
    return NEAR_FULL * edge  # stopping mid-clause, a little short: an indented first line


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip())


def _opens(line: str, before: str, margin: int) -> bool:
    """Whether a line opens a paragraph after a full one (`before`, stripped); `margin` is
    the text's own left margin (pdftotext -layout keeps one)."""
    text = line.strip()
    return (
        not text
        or _indent(line) > margin
        or bool(_ITEM_START.match(text))
        or (before[-1] in CLAUSE_END and bool(HEADING_START.match(text)))
    )
