"""Chinese PDFs made for the tests with reportlab's built-in CJK font (STSong-Light), laid
out as official documents are: a title, headings, paragraphs indented by two characters and
hard-wrapped at the right margin (a sentence may run over a page break), a running header
and a page number at the foot of every page."""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass

from reportlab.lib.pagesizes import A4
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfgen import canvas

FONT = "STSong-Light"
SIZE = 14
LEADING = 26
LEFT = 80
TOP = A4[1] - 90
BOTTOM = 90
CHARS_PER_LINE = 30  # the text block is 30 characters wide, as GB/T 9704 pages nearly are


@dataclass(frozen=True)
class Block:
    text: str
    kind: str = "para"  # "title", "heading" (flush left, not wrapped) or "para"


def make_pdf(
    blocks: Sequence[Block],
    header: str | None = "中共某某委员会办公室文件",
    page_number: str | None = "- {n} -",
    lines_per_page: int = 22,
) -> bytes:
    """A PDF of the blocks with a text layer. `page_number` is a format with {n}."""
    pdfmetrics.registerFont(UnicodeCIDFont(FONT))
    lines: list[tuple[str, float]] = []  # text, x
    for block in blocks:
        if block.kind == "title":
            lines.append((block.text, LEFT + (CHARS_PER_LINE - len(block.text)) * SIZE / 2))
        elif block.kind == "heading":
            lines.append((block.text, LEFT))
        else:
            text = "\u3000\u3000" + block.text  # two-character indent, as typeset
            for start in range(0, len(text), CHARS_PER_LINE):
                piece = text[start : start + CHARS_PER_LINE]
                lines.append(
                    (
                        piece.lstrip("\u3000"),
                        LEFT + (len(piece) - len(piece.lstrip("\u3000"))) * SIZE,
                    )
                )
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=A4)
    pages = [lines[i : i + lines_per_page] for i in range(0, len(lines), lines_per_page)]
    for number, page in enumerate(pages, start=1):
        pdf.setFont(FONT, 10)
        if header:
            pdf.drawCentredString(A4[0] / 2, A4[1] - 50, header)
        if page_number:
            pdf.drawCentredString(A4[0] / 2, 50, page_number.format(n=number))
        pdf.setFont(FONT, SIZE)
        y = TOP
        for text, x in page:
            pdf.drawString(x, y, text)
            y -= LEADING
        pdf.showPage()
    pdf.save()
    return buffer.getvalue()


def make_scanned_pdf(pages: int = 2) -> bytes:
    """A PDF whose pages hold only drawings, as a scan holds only images: no text layer."""
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=A4)
    for _ in range(pages):
        pdf.rect(80, 80, 400, 600, fill=1)
        pdf.showPage()
    pdf.save()
    return buffer.getvalue()
