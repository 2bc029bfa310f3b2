"""Turning a document's lines into its title, heading tree and passages.

Chinese official documents and speeches mark structure in three ways, all handled here:

* heading lines: 一、 / （一） / 1. / （1） (GB/T 9704 levels, which may skip), 第一章, and
  Markdown `#` headings (Word headings arrive as those);
* enumerations that open a paragraph: 一要…。 / 一是…。 / 第一，… / 首先…其次…最后; the
  paragraph belongs to the item, and so do the unnumbered paragraphs after it, up to the
  next sibling or a higher heading;
* runs of parallel lead sentences: three or more consecutive paragraphs opening with a short
  sentence of the same shape (要守得住清廉。/ 要提醒好配偶。/ …); each is a sub-point of the
  current section whose scope is that paragraph only.

Nesting is decided by marker kind, like an outline: a marker whose kind is already open
closes everything below it and replaces its sibling; a new kind opens a level underneath.
This copes with skipped levels without a fixed ranking of kinds.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import PurePath

from retrieval.model import Document, Heading, Passage

_CN_NUM = "一二三四五六七八九十百零〇两"
MAX_PASSAGE_CHARS = 600  # longer paragraphs are split at sentence ends
MAX_LABEL_CHARS = 30
MAX_HEADING_LINE_CHARS = 40
MAX_TITLE_CHARS = 80  # a longer "heading" is a paragraph styled as one (common in Word files)
MIN_RUN = 3  # parallel lead sentences needed to form a run
MAX_RUN_LEAD_CHARS = 15

_SENTENCE_END = "。！？!?"

# (kind, pattern) for markers at the start of a line; the first match wins.
_MARKERS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (kind, re.compile(pattern))
    for kind, pattern in (
        ("chapter", rf"^第[{_CN_NUM}\d]+[章节部分篇]"),
        ("cn", rf"^[{_CN_NUM}]+[、.．]"),
        ("pcn", rf"^[（(][{_CN_NUM}]+[）)]"),
        ("num", r"^\d{1,2}(?:[、．]|\.(?!\d))"),
        ("pnum", r"^[（(]\d{1,2}[）)]"),
        ("circled", r"^[①②③④⑤⑥⑦⑧⑨⑩]"),
    )
)
# Enumerations that open a paragraph: kind, pattern.
_ENUMERATIONS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (kind, re.compile(pattern))
    for kind, pattern in (
        ("yao", rf"^[{_CN_NUM}]要"),  # 一要 / 二要
        ("shi", rf"^[{_CN_NUM}]是"),  # 一是 / 二是
        ("di", rf"^第[{_CN_NUM}]+[，,、：:]"),  # 第一，
        ("seq", r"^(首先|其次|再次|然后|最后)[，,、：:]"),
    )
)
_MARKDOWN = re.compile(r"^(#{1,6})\s+(.+?)\s*#*$")
_CLOSING = re.compile(r"^同志们[，,！!：:]")


@dataclass(frozen=True, slots=True)
class _Line:
    text: str
    kind: str | None  # marker kind, or None for an unmarked line
    label: str  # the heading text the marker names
    pure: bool  # a heading line with no body text of its own


def lead_sentence(text: str, limit: int = MAX_LABEL_CHARS) -> str:
    """The opening sentence of a paragraph, as a heading label."""
    match = re.search(r"[。！？!?；;：:]", text)
    lead = text[: match.start()] if match else text
    if len(lead) > limit:
        comma = re.search(r"[，,]", lead[1:])
        lead = (
            lead[: comma.start() + 1]
            if comma and comma.start() + 1 <= limit
            else lead[:limit] + "…"
        )
    return lead


def _classify(text: str) -> _Line:
    md = _MARKDOWN.match(text)
    if md and len(md.group(2)) > MAX_TITLE_CHARS:
        text = md.group(2)  # too long for a heading: a paragraph styled as one
    elif md:
        body = md.group(2)
        for kind, pattern in _MARKERS:
            if pattern.match(body):
                return _Line(body, kind, body, True)
        return _Line(body, f"md{len(md.group(1))}", body, True)
    for kind, pattern in _MARKERS:
        if pattern.match(text):
            if _is_heading_line(text):
                return _Line(text, kind, text.rstrip("。：:"), True)
            return _Line(text, kind, lead_sentence(text), False)
    for kind, pattern in _ENUMERATIONS:
        if pattern.match(text):
            return _Line(text, kind, lead_sentence(text), False)
    return _Line(text, None, "", False)


def _is_heading_line(text: str) -> bool:
    body = text.rstrip("。：:")
    return len(body) <= MAX_HEADING_LINE_CHARS and not any(c in body for c in _SENTENCE_END)


def _is_title(line: _Line) -> bool:
    return (
        line.kind is None
        and len(line.text) <= MAX_TITLE_CHARS
        and line.text[-1] not in _SENTENCE_END + "；;，,"
    ) or line.kind == "md1"


def _is_leaf(lines: list[_Line], i: int, open_kinds: list[str]) -> bool:
    """Whether heading line i has nothing under it: the next line is a sibling or a higher
    heading (its kind is open, line i's included), or there is none. Such a line is content
    (a rule list 一、…。二、…。, an outline's last level) and becomes a passage too."""
    if i + 1 == len(lines):
        return True
    following = lines[i + 1].kind
    return following is not None and following in open_kinds


def _run_members(lines: list[_Line]) -> set[int]:
    """Indexes of unmarked paragraphs that form runs of parallel lead sentences."""
    members: set[int] = set()
    run: list[int] = []

    def lead_of(line: _Line) -> str | None:
        if line.kind is not None:
            return None
        match = re.search(r"[。！？!?：:]", line.text)
        if (
            not match
            or not 2 <= match.start() <= MAX_RUN_LEAD_CHARS
            or match.end() == len(line.text)
        ):
            return None
        return line.text[: match.start()]

    def flush() -> None:
        if len(run) >= MIN_RUN:
            members.update(run)
        run.clear()

    for i, line in enumerate(lines):
        lead = lead_of(line)
        if lead is None or (run and lines[run[0]].text[0] != lead[0]):
            flush()
        if lead is not None:
            run.append(i)
    flush()
    return members


def split_passage(text: str, limit: int = MAX_PASSAGE_CHARS) -> list[str]:
    """Split a long paragraph into pieces of at most `limit` chars: at sentence ends, and a
    sentence longer than that at commas or, failing those, anywhere."""
    if len(text) <= limit:
        return [text]
    sentences = [
        piece
        for sentence in re.findall(
            r"[^。！？!?；;]*[。！？!?；;]+[”’」』）)]*|[^。！？!?；;]+$", text
        )
        for piece in _cut(sentence, limit)
    ]
    pieces: list[str] = []
    current = ""
    for sentence in sentences:
        if current and len(current) + len(sentence) > limit:
            pieces.append(current)
            current = ""
        current += sentence
    if current:
        pieces.append(current)
    return pieces


def _cut(sentence: str, limit: int) -> list[str]:
    if len(sentence) <= limit:
        return [sentence]
    clauses = re.findall(r"[^，,、：:]*[，,、：:]+|[^，,、：:]+$", sentence)
    pieces: list[str] = []
    for clause in clauses:
        for start in range(0, len(clause), limit):  # a clause with no comma at all
            part = clause[start : start + limit]
            if pieces and len(pieces[-1]) + len(part) <= limit:
                pieces[-1] += part
            else:
                pieces.append(part)
    return pieces


def parse(doc: str, lines: list[str]) -> Document:
    """Parse the clean lines of the document `doc` (its id) into a Document."""
    classified = [_classify(text) for text in lines if text.strip()]
    title = PurePath(doc).stem
    if classified and _is_title(classified[0]):
        title = classified[0].label or classified[0].text
        classified = classified[1:]
    runs = _run_members(classified)
    last_marker = max((i for i, ln in enumerate(classified) if ln.kind), default=-1)

    stack: list[tuple[str, str]] = []
    headings: list[Heading] = []
    passages: list[Passage] = []
    paragraph = 0

    for i, line in enumerate(classified):
        section: tuple[str, ...]
        if line.kind is not None:
            kinds = [kind for kind, _ in stack]
            if line.kind in kinds:
                del stack[kinds.index(line.kind) :]
            stack.append((line.kind, line.label))
            headings.append(Heading(tuple(lbl for _, lbl in stack), paragraph + 1))
            if line.pure and not _is_leaf(classified, i, [kind for kind, _ in stack]):
                continue
            section = tuple(lbl for _, lbl in stack)
        elif i in runs:
            section = (*(lbl for _, lbl in stack), lead_sentence(line.text))
            headings.append(Heading(section, paragraph + 1))
        else:
            if i > last_marker and stack and _CLOSING.match(line.text):
                stack.clear()  # closing remarks belong to the whole speech
            section = tuple(lbl for _, lbl in stack)
        paragraph += 1
        for part, piece in enumerate(split_passage(line.text), start=1):
            passages.append(Passage(doc, title, section, paragraph, part, piece))
    return Document(doc, title, tuple(headings), tuple(passages))
