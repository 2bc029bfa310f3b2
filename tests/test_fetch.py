"""Links: fetched with bounded time, size, redirects and content types, never from the
operator's own network unless allowed, and added to the corpus with their source."""

from __future__ import annotations

import asyncio
import ipaddress
import json
from pathlib import Path

import pytest

from bot.adding import add, read_source
from retrieval.fetch import FetchError, fetch
from tests.pdfmaker import Block, make_pdf
from tests.test_cli import studybot
from tests.webpages import PARAGRAPHS, TITLE, wechat_page
from tests.webserver import Route, serve

LOOPBACK = (ipaddress.ip_network("127.0.0.1/32"),)  # this test server only, not 127.0.0.0/8


def run_fetch(url: str, **kwargs: object) -> object:
    return asyncio.run(fetch(url, **kwargs))  # type: ignore[arg-type]


def test_a_loopback_link_is_refused_without_the_setting_and_never_requested() -> None:
    with serve({"/a.html": Route(wechat_page().encode())}) as server:
        for url in (server.url("/a.html"), f"http://localhost:{server.port}/a.html"):
            with pytest.raises(FetchError, match="回环") as caught:
                run_fetch(url)
            assert "STUDYBOT_ALLOW_PRIVATE_URLS" in str(caught.value)
        assert server.requests == []
        fetched = run_fetch(server.url("/a.html"), allow_private=True)
    assert fetched.suffix == ".html" and TITLE.encode() in fetched.data  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("target", "reason"),
    [
        ("http://127.0.0.2:{port}/secret", "回环"),
        ("http://169.254.169.254/latest/meta-data/", "链路本地"),
        ("http://10.0.0.1/admin", "内网"),
        ("http://[::1]:{port}/secret", "回环"),
        ("http://[::ffff:192.168.1.1]/", "内网"),
        ("file:///etc/passwd", "http"),
    ],
)
def test_every_redirect_hop_is_checked_before_it_is_requested(target: str, reason: str) -> None:
    with serve({"/secret": Route(b"internal")}, host="127.0.0.2") as inside:
        location = target.format(port=inside.port)
        with serve({"/go": Route(status=302, headers={"Location": location})}) as server:
            with pytest.raises(FetchError, match=reason):
                run_fetch(server.url("/go"), allowed=LOOPBACK)
            assert server.requests == ["/go"]
        assert inside.requests == []  # the private server was never contacted


def test_redirects_are_followed_a_bounded_number_of_times() -> None:
    routes = {f"/r{i}": Route(status=301, headers={"Location": f"/r{i + 1}"}) for i in range(9)}
    routes["/r9"] = Route(wechat_page().encode())
    with serve(routes) as server:
        with pytest.raises(FetchError, match="跳转次数过多"):
            run_fetch(server.url("/r0"), allowed=LOOPBACK)
        fetched = run_fetch(server.url("/r5"), allowed=LOOPBACK)
    assert fetched.final_url.endswith("/r9")  # type: ignore[attr-defined]


def test_an_oversized_response_is_refused_whether_declared_or_not() -> None:
    chunk = b"x" * 65536
    routes = {
        "/declared": Route(chunk, repeat=40),  # 2.5 MB with Content-Length
        "/chunked": Route(chunk, repeat=40, length=False),  # no length: counted as it comes
    }
    with serve(routes) as server:
        for path in routes:
            with pytest.raises(FetchError, match="文档过大"):
                run_fetch(server.url(path), allowed=LOOPBACK, max_bytes=1024 * 1024)


def test_a_slow_response_is_abandoned_at_the_time_limit() -> None:
    import time

    with serve({"/slow": Route(wechat_page().encode(), delay=5)}) as server:
        started = time.monotonic()
        with pytest.raises(FetchError, match="超时"):
            run_fetch(server.url("/slow"), allowed=LOOPBACK, seconds=1.0)
        assert time.monotonic() - started < 3


@pytest.mark.parametrize(
    ("route", "message"),
    [
        (Route(b"\x89PNG\r\n", content_type="image/png"), "image/png"),
        (Route(b"{}", content_type="application/json"), "application/json"),
        (Route(b"<html>", content_type="application/pdf"), "不是 PDF"),
        (Route(b"gone", status=404), "404"),
    ],
)
def test_wrong_content_types_and_errors_are_refused(route: Route, message: str) -> None:
    with serve({"/doc": route}) as server, pytest.raises(FetchError, match=message):
        run_fetch(server.url("/doc"), allowed=LOOPBACK)


def test_a_pdf_served_as_octet_stream_is_taken_by_its_suffix(tmp_path: Path) -> None:
    pdf = make_pdf([Block("关于做好学习宣传工作的通知", "title"), Block(PARAGRAPHS[0])])
    route = Route(pdf, content_type="application/octet-stream")
    with serve({"/files/P020240315.pdf": route}) as server:
        url = server.url("/files/P020240315.pdf")
        added = asyncio.run(add(url, tmp_path, allowed=LOOPBACK))
    assert added.name == "P020240315.pdf" and added.title == "关于做好学习宣传工作的通知"
    assert (tmp_path / "P020240315.pdf").read_bytes() == pdf


def test_a_page_added_from_a_link_keeps_its_source_and_replaces_itself(tmp_path: Path) -> None:
    with serve({"/s/abc": Route(wechat_page().encode())}) as server:
        url = server.url("/s/abc")
        first = asyncio.run(add(url, tmp_path, allowed=LOOPBACK))
        again = asyncio.run(add(url, tmp_path, allowed=LOOPBACK))
    assert first.name == f"{TITLE}.html" and not first.replaced
    assert again.name == first.name and again.replaced
    source = read_source(tmp_path / first.name)
    assert source is not None and source["url"] == url and source["title"] == TITLE
    assert source["date"] == "2024-03-15"
    assert sorted(p.name for p in tmp_path.iterdir()) == [first.name, first.name + ".source.json"]


def test_a_page_without_an_article_leaves_the_folder_as_it_was(tmp_path: Path) -> None:
    empty = "<html><head><title>x</title></head><body><nav>首页</nav></body></html>".encode()
    with serve({"/empty": Route(empty)}) as server, pytest.raises(ValueError, match="正文"):
        asyncio.run(add(server.url("/empty"), tmp_path, allowed=LOOPBACK))
    assert list(tmp_path.iterdir()) == []


def test_studybot_add_fetches_a_link_indexes_it_and_answers_from_it(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    db = tmp_path / "s.db"
    with serve({"/article": Route(wechat_page().encode())}) as server:
        url = server.url("/article")
        refused = studybot("add", url, "--corpus", str(corpus), db=db)
        assert refused.returncode == 2 and "回环" in refused.stderr
        assert server.requests == [] and list(corpus.iterdir()) == []
        env = {"STUDYBOT_ALLOW_PRIVATE_URLS": "true"}
        run = studybot("add", url, "--corpus", str(corpus), db=db, env=env)
    assert run.returncode == 0, run.stderr
    assert f"added: {TITLE}.html" in run.stdout and url in run.stdout
    assert "1 added" in run.stdout
    assert "[" not in run.stderr  # no progress bar in a pipe
    assert json.loads((corpus / f"{TITLE}.html.source.json").read_text("utf-8"))["url"] == url
    ask = studybot("search", "--json", "急难愁盼问题怎么解决", "--corpus", str(corpus), db=db)
    result = json.loads(ask.stdout)["results"][0]
    assert result["title"] == TITLE and result["text"] == PARAGRAPHS[1]


def test_studybot_add_copies_a_pdf_file_into_the_corpus(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    source = tmp_path / "通知.pdf"
    source.write_bytes(
        make_pdf([Block("关于做好学习宣传工作的通知", "title"), Block(PARAGRAPHS[2])])
    )
    run = studybot("add", str(source), "--corpus", str(corpus), db=tmp_path / "s.db")
    assert run.returncode == 0, run.stderr
    assert (corpus / "通知.pdf").read_bytes() == source.read_bytes()
    assert "1 added" in run.stdout


def test_index_draws_a_progress_bar_on_a_terminal_only(tmp_path: Path) -> None:
    import os
    import subprocess
    import sys

    from tests.bot_harness import clean_env

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for n in range(5):
        (corpus / f"{n}.html").write_text(wechat_page(), encoding="utf-8")
    leader, follower = os.openpty()
    try:
        process = subprocess.run(
            [sys.executable, "-m", "bot.cli", "index", "--corpus", str(corpus)],
            stdout=subprocess.PIPE,
            stderr=follower,
            env=clean_env(STUDYBOT_DB=str(tmp_path / "s.db")),
            cwd=tmp_path,
            timeout=120,
        )
        os.close(follower)
        terminal = b""
        while True:
            try:
                chunk = os.read(leader, 65536)
            except OSError:  # the terminal's other end is closed: all is read
                break
            if not chunk:
                break
            terminal += chunk
    finally:
        os.close(leader)
    assert process.returncode == 0
    bar = terminal.decode().replace("\r\n", "\n").split("\r")[-1]  # the last redraw
    assert "5/5 files" in bar and "100%" in bar and "chars/s" in bar and "00:00 left" in bar
    assert b"files" not in process.stdout  # the report, not the bar, goes to stdout
    piped = studybot("index", "--corpus", str(corpus), db=tmp_path / "t.db")
    assert piped.returncode == 0 and "files" not in piped.stderr
