"""Adding one document to the corpus folder: a file on disk or a link (`studybot add`, and
links and pasted texts sent by admins).

The document is read and parsed before anything is written, so a page without an article or
a scan without text is refused with the reason and leaves the folder as it was. It is written
atomically. A document fetched from a link keeps its source beside it, in a sidecar file
`<name>.source.json` ({"url", "final_url", "fetched_at", "content_type", "title", "date"}):
the document's bytes stay exactly what the site sent (so a later fetch of an unchanged page
is recognised), and the sidecar is plain JSON any tool can read. Reloads read only the
document; `/remove` removes both.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import time
from dataclasses import dataclass
from pathlib import Path

from bot.admin import corpus_path, safe_name, write_atomically
from retrieval.corpus import read_document
from retrieval.fetch import Fetched, Network, fetch, is_url
from retrieval.ingest import MAX_BYTES, DocumentError

SIDECAR = ".source.json"
MAX_TITLE_NAME_CHARS = 40


@dataclass(frozen=True)
class Added:
    name: str  # the file's name in the corpus folder
    title: str
    replaced: bool  # a document of that name was there before
    source: str | None = None  # the link it was fetched from


def sidecar_path(document: Path) -> Path:
    return document.with_name(document.name + SIDECAR)


def read_source(document: Path) -> dict[str, str] | None:
    """The source recorded beside a document fetched from a link, if any."""
    try:
        data = json.loads(sidecar_path(document).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) else None


def remove_source(document: Path) -> None:
    with contextlib.suppress(FileNotFoundError):
        sidecar_path(document).unlink()


async def add(
    source: str,
    corpus_dir: Path,
    *,
    allow_private: bool = False,
    allowed: tuple[Network, ...] = (),
) -> Added:
    """Put the file or the document at the link into the corpus folder. DocumentError or
    FetchError (both ValueError, with a message in Chinese) when it cannot be added."""
    if is_url(source):
        fetched = await fetch(source, allow_private=allow_private, allowed=allowed)
        return await asyncio.to_thread(_add_fetched, fetched, corpus_dir)
    return await asyncio.to_thread(_add_file, Path(source), corpus_dir)


async def add_text(title: str, text: str, corpus_dir: Path) -> Added:
    """A pasted text as a document named by its title (its first line is the title)."""
    title = " ".join(title.split())
    name = _name_for(title, ".txt")
    body = text if text.lstrip().startswith(title) else f"{title}\n\n{text}"
    return await asyncio.to_thread(_write_new, corpus_dir, name, body.encode("utf-8"), None)


def _add_file(path: Path, corpus_dir: Path) -> Added:
    name = safe_name(path.name)
    if name is None:
        raise DocumentError(path.name, f"不支持的文件类型 {path.suffix or '（无扩展名）'}")
    try:
        if path.stat().st_size > MAX_BYTES:
            raise DocumentError(name, f"文件过大，上限 {MAX_BYTES // 1024 // 1024} MB")
        data = path.read_bytes()
    except OSError as exc:
        raise DocumentError(path.name, f"无法读取文件（{exc.strerror or exc}）") from exc
    target = corpus_path(corpus_dir, name)
    if target is not None and target.exists() and target.samefile(path):
        title = read_document(name, data).title  # already in the folder: just check it
        return Added(name, title, replaced=False)
    return _write_new(corpus_dir, name, data, None, replace=True)


def _add_fetched(fetched: Fetched, corpus_dir: Path) -> Added:
    # parsed once under a provisional name, to name the file after its title
    provisional = f"page{fetched.suffix}"
    title = read_document(provisional, fetched.data).title
    from_path = safe_name(fetched.path_name)
    if fetched.suffix == ".html" or from_path is None or not from_path.endswith(fetched.suffix):
        name = _name_for(title if title != "page" else urlsafe(fetched.final_url), fetched.suffix)
    else:
        name = from_path
    return _write_new(corpus_dir, name, fetched.data, fetched)


def urlsafe(url: str) -> str:
    return url.split("//", 1)[-1].replace("/", "_")[:MAX_TITLE_NAME_CHARS]


def _name_for(title: str, suffix: str) -> str:
    name = safe_name(title[:MAX_TITLE_NAME_CHARS] + suffix)
    if name is None:
        raise DocumentError(title or "（无标题）", "无法用标题作文件名，请换一个标题")
    return name


def _write_new(
    corpus_dir: Path,
    name: str,
    data: bytes,
    fetched: Fetched | None,
    replace: bool = False,
) -> Added:
    """Write under `name`, or `name (2)`… when another document has the name. The same link
    fetched again, or a file of the same name given on purpose (`replace`), replaces it."""
    document = read_document(name, data)  # DocumentError before anything is written
    stem, suffix = name[: -len(Path(name).suffix)], Path(name).suffix
    for number in range(1, 100):
        candidate = name if number == 1 else f"{stem} ({number}){suffix}"
        path = corpus_path(corpus_dir, candidate)
        if path is None:
            raise DocumentError(name, "文件名不合法")
        if not path.exists():
            break
        known = read_source(path)
        same_source = fetched is not None and known is not None and known.get("url") == fetched.url
        if same_source or replace or path.read_bytes() == data:
            break
    else:
        raise DocumentError(name, "同名文件过多，请先整理资料目录")
    replaced = path.exists()
    write_atomically(path, data)
    if fetched is not None:
        record = {
            "url": fetched.url,
            "final_url": fetched.final_url,
            "fetched_at": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
            "content_type": fetched.content_type,
            "title": document.title,
            "date": _page_date(fetched),
        }
        write_atomically(
            sidecar_path(path), json.dumps(record, ensure_ascii=False, indent=1).encode()
        )
    return Added(path.name, document.title, replaced, fetched.url if fetched else None)


def _page_date(fetched: Fetched) -> str:
    if fetched.suffix != ".html":
        return ""
    from retrieval.formats.html import HtmlError, read_page

    try:
        return read_page(fetched.data).date or ""
    except HtmlError:
        return ""
