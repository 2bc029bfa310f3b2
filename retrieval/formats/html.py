"""Web pages and WeChat articles saved as .html/.htm (or fetched from a link).

The article body is found by trafilatura (Apache-2.0; maintained, the best-scoring open
extractor in published comparisons): navigation, breadcrumbs, scripts, styles, sidebars and
footers go. The title comes from the page's article metadata or heading (og:title,
ArticleTitle, <h1>), not the <title> with the site's name appended; the date from the page
where it has one. What remains of a site's or an account's furniture inside the body is
removed by the general rules in `retrieval.formats.web`.
"""

from __future__ import annotations

from dataclasses import dataclass

from retrieval.formats.web import strip_web_clutter

MAX_TITLE_CHARS = 80
NO_ARTICLE = "网页中没有找到正文（可能需要登录、是动态加载的页面或只有图片）"


class HtmlError(ValueError):
    """Why a page cannot be read, in Chinese for an admin."""


@dataclass(frozen=True)
class Page:
    title: str
    date: str | None  # ISO 8601 (YYYY-MM-DD) when the page states one
    paragraphs: tuple[str, ...]

    def lines(self) -> list[str]:
        return ([self.title] if self.title else []) + list(self.paragraphs)


def read_page(data: bytes | str) -> Page:
    """The article in a web page. HtmlError when there is none."""
    import trafilatura

    try:
        extracted = trafilatura.bare_extraction(
            data,
            with_metadata=True,
            include_comments=False,
            include_tables=True,
            include_images=False,
            deduplicate=False,
        )
    except Exception as exc:  # the parser raises many types for broken pages
        raise HtmlError(f"无法解析网页（{type(exc).__name__}）") from exc

    def field(name: str) -> str:
        value = (
            extracted.get(name) if isinstance(extracted, dict) else getattr(extracted, name, None)
        )
        return str(value or "")

    text = field("text")
    if not text.strip():
        raise HtmlError(NO_ARTICLE)
    title = " ".join(field("title").split())[:MAX_TITLE_CHARS]
    date = field("date") or None
    paragraphs = [" ".join(line.split()) for line in text.splitlines()]
    paragraphs = [p for p in strip_web_clutter(paragraphs) if p]
    if paragraphs and title and paragraphs[0] == title:
        paragraphs = paragraphs[1:]
    if not paragraphs:
        raise HtmlError(NO_ARTICLE)
    return Page(title, date, tuple(paragraphs))


def html_lines(data: bytes) -> list[str]:
    return read_page(data).lines()
