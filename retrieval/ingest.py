"""Reading documents from disk into clean lines of text.

Accepts .txt, .md, .docx, .pdf (text layer; `retrieval.formats.pdf`) and saved web pages
.html/.htm (`retrieval.formats.html`). Text files may be UTF-8 (with or without BOM), UTF-16 (with a
BOM, or without one when the NUL pattern shows it) or GB18030/GBK; anything else is refused
with a DocumentError that names the file and the reason, in Chinese, because admins read it.
"""

from __future__ import annotations

import codecs
import html
import io
import itertools
import re
import zipfile
from pathlib import Path
from typing import TYPE_CHECKING

from charset_normalizer import from_bytes

from retrieval.boilerplate import Cleaned, clean, strip_boilerplate
from retrieval.formats.wrapped import unwrapped

if TYPE_CHECKING:
    from docx.table import Table

SUFFIXES = (".txt", ".md", ".docx", ".pdf", ".html", ".htm")
# Documents people keep in a corpus folder that cannot be read: reported, so admins convert
# them, with what to do for each
CONVERT = {
    ".doc": "旧版 Word 文档，请用 Word 或 WPS 打开后另存为 .docx",
    ".wps": "WPS 文字文档，请用 WPS 打开后另存为 .docx（文件→另存为→Word 文档）",
    ".et": "WPS 表格，请另存为 .xlsx 后把内容复制到 .docx 或 .txt",
    ".dps": "WPS 演示，请导出为 PDF（文件→输出为 PDF）",
    ".rtf": "RTF 文档，请用 Word 或 WPS 另存为 .docx",
    ".odt": "OpenDocument 文档，请另存为 .docx",
    ".ppt": "演示文稿，请导出为 PDF（文件→导出→PDF）",
    ".pptx": "演示文稿，请导出为 PDF（文件→导出→PDF）",
    ".xls": "表格，请把内容复制到 .docx 或 .txt",
    ".xlsx": "表格，请把内容复制到 .docx 或 .txt",
    ".mhtml": "网页归档，请在浏览器中另存为“网页，仅 HTML”（.html）",
    ".mht": "网页归档，请在浏览器中另存为“网页，仅 HTML”（.html）",
    ".ofd": "OFD 版式文档，请用数科或福昕 OFD 阅读器导出为 PDF",
    ".caj": "知网 CAJ 文档，请用 CAJViewer 导出为 PDF",
}
OTHER_DOCUMENTS = tuple(CONVERT)
MAX_BYTES = 20 * 1024 * 1024  # a speech is kilobytes; this is generous and bounds memory
MAX_DOCX_UNZIPPED = 100 * 1024 * 1024  # zip-bomb guard for .docx

_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff"))
_SPACES = re.compile(r"[\u3000\u00a0\t ]+")


class DocumentError(ValueError):
    """A document that cannot be ingested. str() is a complete message for an admin."""

    def __init__(self, name: str, reason: str) -> None:
        super().__init__(f"{name}：{reason}")
        self.name = name
        self.reason = reason


def decode(data: bytes, name: str) -> str:
    """Decode a text file's bytes, detecting the encodings Chinese documents arrive in."""
    if not data.strip():
        raise DocumentError(name, "文件是空的")
    for bom, encoding in (
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if data.startswith(bom):
            return _strict(data, encoding, name)
    if b"\x00" in data:
        utf16 = _utf16_without_bom(data)
        if utf16 is None:
            raise DocumentError(name, "这是二进制文件，不是文本文档")
        return _strict(data, utf16, name)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    for encoding in _legacy_chinese(data):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise DocumentError(name, "无法识别文件编码（支持 UTF-8、GBK/GB18030、Big5、UTF-16）")


def _legacy_chinese(data: bytes) -> tuple[str, ...]:
    """GB18030 or Big5, most likely first. Big5 bytes mostly decode as GB18030 too, into
    nonsense, so a strict decode cannot tell them apart; charset-normalizer's character
    statistics on a sample can."""
    guess = from_bytes(data[:65536], cp_isolation=["gb18030", "big5"]).best()
    return (
        ("big5", "gb18030")
        if guess is not None and guess.encoding == "big5"
        else ("gb18030", "big5")
    )


def _utf16_without_bom(data: bytes) -> str | None:
    """The UTF-16 byte order under which `data` reads as plausible text, if any.

    Line breaks and ASCII in UTF-16 put NUL bytes in the file; binary files have NULs too,
    but decode to code points scattered over all of Unicode rather than Chinese text.
    """
    if len(data) % 2:
        return None
    for encoding in ("utf-16-le", "utf-16-be"):
        try:
            sample = data[:8192].decode(encoding)
        except UnicodeDecodeError:
            continue
        if sample and sum(map(_is_texty, sample)) / len(sample) > 0.95:
            return encoding
    return None


def _is_texty(ch: str) -> bool:
    """ASCII, Han characters, and the punctuation and spaces Chinese text uses."""
    code = ord(ch)
    return (
        (ch.isascii() and (ch.isprintable() or ch.isspace()))
        or 0x3400 <= code <= 0x9FFF
        or 0x2000 <= code <= 0x206F
        or 0x3000 <= code <= 0x303F
        or 0xFF00 <= code <= 0xFFEF
    )


def _strict(data: bytes, encoding: str, name: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise DocumentError(
            name, f"文件编码损坏（{encoding}）：第 {exc.start} 字节无法解码"
        ) from exc


def docx_lines(data: bytes, name: str) -> list[str]:
    """Paragraph texts of a .docx; Word headings become Markdown headings so structure survives."""
    import docx  # python-docx is imported lazily: most documents are plain text
    from docx.table import Table

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            if sum(info.file_size for info in zf.infolist()) > MAX_DOCX_UNZIPPED:
                raise DocumentError(name, "文档解压后过大，已拒绝")
        document = docx.Document(io.BytesIO(data))
    except DocumentError:
        raise
    except Exception as exc:  # python-docx raises many types for broken files
        raise DocumentError(name, "不是有效的 Word（.docx）文档") from exc
    lines = []
    for block in document.iter_inner_content():
        if isinstance(block, Table):
            lines.extend(_table_lines(block))
            continue
        style = (block.style.name if block.style is not None else "") or ""
        level = _heading_level(style)
        lines.append("#" * level + " " + block.text if level and block.text.strip() else block.text)
    return lines


def _table_lines(table: Table) -> list[str]:
    """One line per table row, its cells joined by " | ", so what study materials put in
    tables (schedules, checklists) is searchable like any paragraph. A merged cell is
    repeated by python-docx in each grid column it spans: consecutive repeats count once."""
    lines = []
    for row in table.rows:
        texts = (" ".join(cell.text.split()) for cell in row.cells)
        line = " | ".join(text for text, _ in itertools.groupby(texts) if text)
        if line:
            lines.append(line)
    return lines


def _heading_level(style: str) -> int:
    if style == "Title":
        return 1
    match = re.fullmatch(r"Heading (\d)", style)
    return int(match.group(1)) + 1 if match else 0


def normalise_lines(lines: list[str]) -> list[str]:
    """Normalise whitespace and invisible characters; a letter-spaced title or heading
    (政 府 工 作 报 告) is closed up."""
    return [_close_up(_SPACES.sub(" ", line.translate(_INVISIBLE)).strip()) for line in lines]


# Han characters each followed by one space, at least four of them: typesetting, not words
_LETTER_SPACED = re.compile(r"(?:[\u4e00-\u9fff] ){3,}[\u4e00-\u9fff]")


# a two-character heading spaced to the width of longer ones (第一章 总 则, 附 则, 前 言),
# alone or after a Markdown mark and a chapter's number
_SPACED_PAIR = re.compile(
    r"^((?:#+ )?(?:第\S{1,6}[章节编] )?)([\u4e00-\u9fff]) +([\u4e00-\u9fff])$"
)


def _close_up(line: str) -> str:
    line = _SPACED_PAIR.sub(r"\1\2\3", line)
    return _LETTER_SPACED.sub(lambda m: m.group(0).replace(" ", ""), line)


def clean_lines(lines: list[str]) -> list[str]:
    """Normalise whitespace and invisible characters, and drop adverts and clutter."""
    return strip_boilerplate(normalise_lines(lines))


def split_lines(text: str) -> list[str]:
    return text.replace("\r\n", "\n").replace("\r", "\n").split("\n")


def check_type(name: str) -> None:
    """DocumentError unless the file name has a type StudyBot reads."""
    suffix = Path(name).suffix.lower()
    if suffix not in SUFFIXES:
        hint = f"：这是{CONVERT[suffix]}" if suffix in CONVERT else ""
        raise DocumentError(
            name,
            f"不支持的文件类型 {suffix or '（无扩展名）'}{hint}（可导入 {'、'.join(SUFFIXES)}）",
        )


def text_lines(name: str, data: bytes) -> list[str]:
    """A document's lines, decoded and normalised, clutter still in: given its file name (for
    the type) and its bytes."""
    check_type(name)
    suffix = Path(name).suffix.lower()
    if len(data) > MAX_BYTES:
        raise DocumentError(
            name, f"文件过大（{len(data) // 1024} KB），上限 {MAX_BYTES // 1024 // 1024} MB"
        )
    lines = normalise_lines(_raw_lines(name, suffix, data))
    if not any(lines):
        raise DocumentError(name, "文档中没有正文")
    return lines


def read_lines(name: str, data: bytes) -> list[str]:
    """Clean lines of a document given its file name (for the type) and its bytes."""
    return list(read_cleaned(name, data).lines)


def read_cleaned(name: str, data: bytes) -> Cleaned:
    """A document's lines cleaned, with what the cleaning removed."""
    cleaned = clean(text_lines(name, data))
    if not any(cleaned.lines):
        raise DocumentError(name, "文档中没有正文")
    return cleaned


def _raw_lines(name: str, suffix: str, data: bytes) -> list[str]:
    if suffix == ".docx":
        return docx_lines(data, name)
    if suffix == ".pdf":
        from retrieval.formats.pdf import PdfError, pdf_lines

        try:
            return pdf_lines(data)
        except PdfError as exc:
            raise DocumentError(name, str(exc)) from exc
    if suffix in (".html", ".htm"):
        from retrieval.formats.html import HtmlError, html_lines

        try:
            return html_lines(data)
        except HtmlError as exc:
            raise DocumentError(name, str(exc)) from exc
    # (a text wrapped at a width, as a PDF's exported text is, back in paragraphs)
    return unwrapped(split_lines(without_markup(decode(data, name), suffix == ".md")))


# HTML a Markdown or text export carries inline (<span id="一">, </span>, <font …>): known
# tags only, so <Nature> or a<b and c>d stay text; a <br> or </p> ends a line
_TAG_NAMES = (
    "a|b|i|u|s|em|strong|span|font|p|div|sup|sub|small|big|center|img|table|tbody|thead|tr|td|th"
    "|ul|ol|li|h[1-6]|pre|code|section|article|label|acronym|xmp|track|del|ins|blockquote|hr"
    "|iframe|script|style|meta|link|nav|header|footer|input|button|form|select|option"
    # (and those a spam mirror scatters with random ids: <fieldset id="m6qy2"><menu …>)
    "|fieldset|legend|menu|strike|samp|var|dfn|abbr|cite|kbd|tt|dl|dt|dd|caption|tfoot|aside"
    "|figure|figcaption|mark|noscript|optgroup|address"
)
_INLINE_TAG = re.compile(
    rf"</?(?:{_TAG_NAMES})(?:\s+[A-Za-z-]+=(?:\"[^\"]*\"|'[^']*'|[^\s<>]+))*\s*/?>", re.IGNORECASE
)
_BREAK = re.compile(r"<br\s*/?>|</p>", re.IGNORECASE)
# an entity with its semicolon (&emsp; &#10;): not &para=2 of an address
_ENTITY = re.compile(r"&(?:#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
# a wiki page's edit link by a heading or an article ([编辑]第一条, 第一章 总则[编辑])
_EDIT = r"\[(?:编辑|編輯)(?:源代码|原始碼)?(?:\s*\|\s*(?:编辑|編輯)(?:源代码|原始碼))?\]"
# (or the link's word alone on the line under a heading, its brackets lost with the page)
_EDIT_LINK = re.compile(rf"^[ \t]*{_EDIT}|{_EDIT}[ \t]*$|^[ \t]*(?:编辑|編輯)[ \t]*$", re.MULTILINE)
_EMPHASIS = re.compile(r"\*\*")  # Markdown's bold: **第一条** (not __, a form's blank ____年)
# a Markdown quote's mark, not a trail's (> 首页 > …)
_QUOTED = re.compile(r"^>\s?(?=[^>»›\n]*$)", re.MULTILINE)


def without_markup(text: str, markdown: bool) -> str:
    """A text file's text without the markup of the page it came from: its inline tags
    dropped (a <br> a line break) and a wiki's edit links, in Markdown its bold and quote
    marks, then its entities read (&emsp; a space, &lt; a <, &#10; a line break); headings
    (#) and HTML comments stay for the structure and cleaning."""
    if "<" in text:
        text = _INLINE_TAG.sub("", _BREAK.sub("\n", text))
    if markdown:
        text = _QUOTED.sub("", _EMPHASIS.sub("", text))
    if "[" in text or "编辑" in text or "編輯" in text:
        text = _EDIT_LINK.sub("", text)
    if "&" in text:
        text = _ENTITY.sub(lambda m: html.unescape(m.group(0)), text)
    return text
