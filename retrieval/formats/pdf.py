"""PDF documents with a text layer, read with pypdf (BSD, pure Python; see the README).

A PDF holds positioned runs of text, not paragraphs. Lines are rebuilt from the runs'
positions and re-joined into paragraphs the way a reader sees them on the page:

* a line that reaches the right edge of the text block continues on the next line (Chinese
  typesetting breaks lines anywhere, mid-word and mid-sentence), also over a page break;
* a line that stops short of the right edge ends its paragraph, and an indented line or a
  heading marker (一、 （一） 第一章) after a finished sentence starts one;
* running headers and footers (the same text in the top or bottom line of most pages,
  digits aside) and page numbers (- 3 -, 第 3 页, 3/10) are dropped;
* the 版头 of a 红头文件 (the issuing organ's mark, copy number, secrecy and urgency, up to
  the 发文字号 line) and its 版记 (抄送… and …印发 at the very end) is dropped: distribution
  information, not content.

A PDF without text (a scan) is refused with a message saying so: there is no OCR here.
"""

from __future__ import annotations

import io
import itertools
import re
from collections import Counter
from dataclasses import dataclass

from retrieval.formats.wrapped import joined
from retrieval.markers import CLAUSE_END, HEADING_START

MIN_CHARS_PER_PAGE = 10  # fewer letters than this on average: a scan, not a text layer
EDGE_LINES = 2  # lines at the top and bottom of a page that may be running headers/footers
RUNNING_SHARE = 0.5  # a top or bottom line on at least this share of pages is running
TAIL_LINES = 8  # the 版记 is looked for among this many last lines
MARGIN_GAP = 1.3  # a header or footer stands this many body lines or more from the text

_PAGE_NUMBER = re.compile(
    r"^[-—–－·•\s]*\d{1,4}[-—–－·•\s]*$"  # 3, - 3 -, — 3 —
    r"|^第\s*\d{1,4}\s*页(\s*[,，/]?\s*共\s*\d{1,4}\s*页)?$"  # 第 3 页, 第3页 共10页
    r"|^\d{1,4}\s*/\s*\d{1,4}$"  # 3/10
    r"|^(page|p\.)\s*\d{1,4}(\s*(of|/)\s*\d{1,4})?$",
    re.IGNORECASE,
)
# 发文字号 alone on its line (某发〔2024〕3号), optionally with 签发人
_DOC_NUMBER = re.compile(
    r"^[\u4e00-\u9fff]{1,12}\s*[〔\[［(（]\s*\d{4}\s*[〕\]］)）]\s*第?\s*\d{1,4}\s*号"
    r"(\s*签发人\s*[:：].{0,20})?$"
)
HEAD_LINES = 6  # the 版头 is looked for among this many first lines
_IMPRINT = re.compile(
    r"^(抄\s*送|分\s*送|印\s*发)\s*[:：]|\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*印\s*发$"
)


class PdfError(ValueError):
    """Why a PDF cannot be read, in Chinese for an admin."""


@dataclass
class _Line:
    text: str
    x0: float
    x1: float  # estimated right edge
    y: float
    size: float


@dataclass
class _Run:
    text: str
    x: float
    y: float
    size: float


def _width(text: str, size: float) -> float:
    """Approximate width: CJK characters and full-width punctuation are one em, others half."""
    return sum(size if ord(ch) > 0x2E80 else size / 2 for ch in text)


def _page_lines(page: object) -> list[_Line]:
    runs: list[_Run] = []

    def visit(text: str, cm: list[float], tm: list[float], font: object, size: float) -> None:
        if not text.strip("\n"):
            return
        x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
        y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
        scale = (abs(tm[3] * cm[3]) or 1.0) * (size or 1.0)
        for part in text.split("\n"):
            if part.strip():
                runs.append(_Run(part, x, y, scale))

    page.extract_text(visitor_text=visit)  # type: ignore[attr-defined]
    runs.sort(key=lambda r: (-r.y, r.x))
    lines: list[_Line] = []
    for run in runs:
        last = lines[-1] if lines else None
        if last is not None and abs(last.y - run.y) <= 0.4 * max(run.size, last.size):
            gap = run.x - last.x1
            joiner = " " if gap > run.size * 0.8 and _ascii_edge(last.text, run.text) else ""
            last.text += joiner + run.text
            last.x1 = max(last.x1, run.x + _width(run.text, run.size))
            continue
        lines.append(_Line(run.text, run.x, run.x + _width(run.text, run.size), run.y, run.size))
    for line in lines:
        line.text = line.text.strip()
        # leading full-width spaces are indentation drawn as text
        stripped = line.text.lstrip("\u3000 ")
        line.x0 += _width(line.text[: len(line.text) - len(stripped)], line.size)
        line.text = stripped
    return [line for line in lines if line.text]


def _ascii_edge(left: str, right: str) -> bool:
    return bool(left) and bool(right) and left[-1].isascii() and right[0].isascii()


def _running_key(line: _Line) -> tuple[int, str]:
    """Running headers and footers repeat at one place on the page, digits aside."""
    return round(line.y / 4), re.sub(r"\d+", "#", re.sub(r"\s+", "", line.text))


def _drop_page_furniture(pages: list[list[_Line]]) -> list[list[_Line]]:
    """Running headers and footers, and page numbers, from the edges of every page: text
    repeated at one place on most pages, a page number, or (on any page, a single one too) a
    line in a smaller type than the body standing apart in the top or bottom margin."""
    counts: Counter[tuple[int, str]] = Counter()
    for lines in pages:
        edge = {_running_key(line) for line in lines[:EDGE_LINES] + lines[-EDGE_LINES:]}
        counts.update(edge)
    running = {
        key
        for key, n in counts.items()
        if len(pages) >= 2 and n >= max(2, RUNNING_SHARE * len(pages))
    }
    body, leading = _body_type([line for lines in pages for line in lines])
    kept = []
    for lines in pages:
        last = len(lines) - 1
        kept.append(
            [
                line
                for i, line in enumerate(lines)
                if not (
                    (i < EDGE_LINES or i > last - EDGE_LINES)
                    and (
                        _running_key(line) in running
                        or _PAGE_NUMBER.match(line.text)
                        or _in_margin(lines, i, body, leading)
                    )
                )
            ]
        )
    return kept


def _in_margin(lines: list[_Line], i: int, body: int, leading: float) -> bool:
    """Whether the first or last line of a page stands in the margin: in smaller type than
    the body, and further from its neighbour than the body's lines are from each other."""
    last = len(lines) - 1
    if round(lines[i].size) >= body or last < 1 or 0 < i < last:
        return False
    neighbour = lines[1] if i == 0 else lines[last - 1]
    return abs(lines[i].y - neighbour.y) > MARGIN_GAP * leading


def _body_type(lines: list[_Line]) -> tuple[int, float]:
    """The body's type size (the most common) and its line spacing (the most common gap
    between consecutive lines of that size)."""
    if not lines:
        return 0, 0.0
    body = Counter(round(line.size) for line in lines).most_common(1)[0][0]
    gaps = Counter(
        round(a.y - b.y)
        for a, b in itertools.pairwise(lines)
        if round(a.size) == round(b.size) == body and a.y > b.y
    )
    leading = float(gaps.most_common(1)[0][0]) if gaps else 1.2 * body
    return body, leading


def _paragraphs(lines: list[_Line]) -> list[str]:
    """Lines joined back into paragraphs (see the module's doc)."""
    if not lines:
        return []
    body = Counter(round(line.size) for line in lines).most_common(1)[0][0]
    body_lines = [line for line in lines if round(line.size) == body] or lines
    left = Counter(round(line.x0) for line in body_lines).most_common(1)[0][0]
    rights = sorted(line.x1 for line in body_lines)
    right = rights[int(len(rights) * 0.9)] if rights else 0.0
    paragraphs: list[str] = []
    previous: _Line | None = None
    for line in lines:
        if previous is not None and _continues(previous, line, left, right, body):
            paragraphs[-1] = joined(paragraphs[-1], line.text)
        else:
            paragraphs.append(line.text)
        previous = line
    return paragraphs


def _continues(previous: _Line, line: _Line, left: float, right: float, body: int) -> bool:
    em = line.size
    if round(previous.size) != round(line.size):
        return False  # a title or heading in another size
    if previous.x1 < right - 1.5 * em:
        return False  # the previous line stopped short: its paragraph ended
    if previous.x0 > left + 2.5 * em and abs((previous.x0 - left) - (right - previous.x1)) < em:
        return False  # a centred line stands alone (a title)
    if line.x0 > left + 0.8 * em:
        return False  # an indented line opens a paragraph
    ended = previous.text[-1] in CLAUSE_END
    return not (ended and HEADING_START.match(line.text))


def _drop_masthead(paragraphs: list[str]) -> list[str]:
    """The 版头 of a 红头文件: everything up to and including its 发文字号 line, when there is
    one among the first lines (a document without a number keeps its first lines)."""
    for i, paragraph in enumerate(paragraphs[:HEAD_LINES]):
        if _DOC_NUMBER.match(paragraph):
            following = paragraphs[i + 1 :]
            if following and following[0].startswith("签发人"):
                following = following[1:]
            return following
    return paragraphs


def _drop_imprint(paragraphs: list[str]) -> list[str]:
    """The 版记 at the very end of a 红头文件: from its first 抄送/印发 line to the end."""
    start = max(0, len(paragraphs) - TAIL_LINES)
    for i in range(start, len(paragraphs)):
        if _IMPRINT.search(paragraphs[i]):
            return paragraphs[:i]
    return paragraphs


def pdf_lines(data: bytes) -> list[str]:
    """Paragraphs of a PDF's text layer. PdfError (in Chinese) when it cannot be read."""
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise PdfError("PDF 已加密，需要密码才能打开；请提供未加密的版本")
        pages = [_page_lines(page) for page in reader.pages]
    except PdfError:
        raise
    except (PdfReadError, ValueError, KeyError, TypeError, AttributeError, OSError) as exc:
        raise PdfError(f"不是有效的 PDF 文件，或文件已损坏（{type(exc).__name__}）") from exc
    letters = sum(len(line.text) for lines in pages for line in lines)
    if not pages or letters < MIN_CHARS_PER_PAGE * len(pages):
        raise PdfError(
            "PDF 中没有文字层（可能是扫描件或图片），无法提取文字；本程序不做文字识别（OCR），"
            "请提供可复制文字的 PDF，或另存为 .docx / .txt"
        )
    lines = [line for page in _drop_page_furniture(pages) for line in page]
    return _drop_imprint(_drop_masthead(_paragraphs(lines)))
