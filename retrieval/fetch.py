"""Fetching a document from a link, safely.

A bot that fetches whatever it is sent is a way into its operator's network, so every hop of
a fetch is checked before it is made:

* only http and https, at most MAX_REDIRECTS redirects, each one checked like the first;
* the host name is resolved here and every address it resolves to must be public (not
  loopback, private, link-local, shared, multicast or reserved) unless private addresses are
  allowed (STUDYBOT_ALLOW_PRIVATE_URLS, for intranets and tests); the connection then goes to
  the address that was checked, not to a second lookup (which could be rebound), with the
  host name kept for the Host header and TLS;
* the whole fetch has a time limit and the body a size limit (counted as it arrives, not
  trusted from Content-Length); the content type must be one StudyBot reads.

FetchError messages are in Chinese, for the admin who sent the link.
"""

from __future__ import annotations

import asyncio
import ipaddress
import socket
import time
from dataclasses import dataclass
from email.message import Message
from pathlib import PurePosixPath
from urllib.parse import unquote, urljoin, urlsplit, urlunsplit

import httpx

MAX_REDIRECTS = 5
MAX_FETCH_BYTES = 20 * 1024 * 1024
FETCH_SECONDS = 30.0
USER_AGENT = "Mozilla/5.0 (compatible; StudyBot; +https://github.com/) document fetcher"

ACCEPT = "text/html,application/xhtml+xml,application/pdf,text/plain;q=0.9,*/*;q=0.5"
# content type -> suffix of the file it is saved as
CONTENT_TYPES = {
    "text/html": ".html",
    "application/xhtml+xml": ".html",
    "application/pdf": ".pdf",
    "application/x-pdf": ".pdf",
    "text/plain": ".txt",
    "text/markdown": ".md",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": ".docx",
}
# servers often send files as a generic type: then the link's own suffix decides
GENERIC_TYPES = ("application/octet-stream", "binary/octet-stream", "application/download", "")
KNOWN_SUFFIXES = (".pdf", ".docx", ".txt", ".md", ".html", ".htm")


class FetchError(ValueError):
    """Why a link was not fetched; str() is a complete message in Chinese."""


@dataclass(frozen=True)
class Fetched:
    url: str  # as given
    final_url: str  # after redirects
    content_type: str
    suffix: str  # the type StudyBot reads it as
    data: bytes
    seconds: float

    @property
    def path_name(self) -> str:
        """The last part of the final URL's path, decoded ('' for a bare host)."""
        return unquote(PurePosixPath(urlsplit(self.final_url).path).name)


def is_url(text: str) -> bool:
    return urlsplit(text.strip()).scheme.lower() in ("http", "https")


def _refused_address(address: ipaddress.IPv4Address | ipaddress.IPv6Address) -> str | None:
    """Why an address may not be fetched from, or None when it is public."""
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        address = address.ipv4_mapped
    if address.is_loopback:
        return "本机回环地址"
    if address.is_link_local:
        return "链路本地地址"
    if address.is_private or address.is_reserved or address.is_unspecified:
        return "内网或保留地址"
    if address.is_multicast:
        return "组播地址"
    if isinstance(address, ipaddress.IPv4Address) and address in ipaddress.ip_network(
        "100.64.0.0/10"
    ):
        return "运营商共享地址"
    if not address.is_global:
        return "非公网地址"
    return None


Network = ipaddress.IPv4Network | ipaddress.IPv6Network


async def resolve(
    host: str, port: int, allow_private: bool, allowed: tuple[Network, ...] = ()
) -> str:
    """An address of `host` that may be fetched from; FetchError if any address is refused
    (a name that resolves to a public and a private address is refused: the client could
    be sent to either)."""
    try:
        literal = ipaddress.ip_address(host.strip("[]"))
        addresses = [str(literal)]
    except ValueError:
        loop = asyncio.get_running_loop()
        try:
            infos = await loop.getaddrinfo(host, port, type=socket.SOCK_STREAM)
        except (socket.gaierror, UnicodeError) as exc:
            raise FetchError(f"无法解析域名 {host}") from exc
        addresses = list(dict.fromkeys(str(info[4][0]) for info in infos))
    if not addresses:
        raise FetchError(f"无法解析域名 {host}")
    if not allow_private:
        for text in addresses:
            address = ipaddress.ip_address(text.split("%")[0])
            reason = _refused_address(address)
            if reason and not any(address in network for network in allowed):
                raise FetchError(
                    f"拒绝访问 {host}：它指向{reason}（{text}）。为防止机器人被用来访问内部网络，"
                    "默认只抓取公网地址；如确需抓取内网资料，请由运维设置 "
                    "STUDYBOT_ALLOW_PRIVATE_URLS=true"
                )
    return addresses[0]


def _check_url(url: str) -> tuple[str, str, int]:
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    if scheme not in ("http", "https"):
        raise FetchError(f"只能抓取 http 或 https 链接，不支持 {scheme or '（无协议）'}")
    if parts.username or parts.password:
        raise FetchError("链接中不能包含用户名或密码")
    host = parts.hostname
    if not host:
        raise FetchError("链接中没有主机名")
    try:
        port = parts.port or (443 if scheme == "https" else 80)
    except ValueError as exc:
        raise FetchError("链接中的端口号无效") from exc
    return scheme, host, port


def _media_type(header: str) -> str:
    message = Message()
    message["content-type"] = header
    return message.get_content_type() if header else ""


def _suffix(content_type: str, url: str) -> str:
    if content_type in CONTENT_TYPES:
        return CONTENT_TYPES[content_type]
    path_suffix = PurePosixPath(urlsplit(url).path).suffix.lower()
    if content_type in GENERIC_TYPES and path_suffix in KNOWN_SUFFIXES:
        return ".html" if path_suffix == ".htm" else path_suffix
    raise FetchError(
        f"链接返回的内容类型是 {content_type or '（未注明）'}，不是网页、PDF、Word 或文本文档"
    )


async def fetch(
    url: str,
    *,
    allow_private: bool = False,
    max_bytes: int = MAX_FETCH_BYTES,
    seconds: float = FETCH_SECONDS,
    max_redirects: int = MAX_REDIRECTS,
    allowed: tuple[Network, ...] = (),
) -> Fetched:
    """The document at `url` (see the module's doc for the checks). FetchError otherwise.

    `allowed` names networks fetched from although they are not public: a narrower
    exception than `allow_private` (one intranet server, or a test's loopback server)."""
    started = time.monotonic()
    try:
        async with asyncio.timeout(seconds):
            return await _fetch(
                url.strip(), allow_private, allowed, max_bytes, max_redirects, started
            )
    except TimeoutError as exc:
        raise FetchError(f"抓取超时（超过 {seconds:.0f} 秒），请稍后再试或下载后发送文件") from exc


async def _fetch(
    url: str,
    allow_private: bool,
    allowed: tuple[Network, ...],
    max_bytes: int,
    max_redirects: int,
    started: float,
) -> Fetched:
    current = url
    timeout = httpx.Timeout(10.0)
    # trust_env=False: no proxy from the environment may carry a request past the checks;
    # no kept-alive connections: one made for another host name on the same address must not
    # carry a request whose certificate was never checked
    limits = httpx.Limits(max_keepalive_connections=0)
    async with httpx.AsyncClient(
        timeout=timeout, trust_env=False, follow_redirects=False, limits=limits
    ) as http:
        for _hop in range(max_redirects + 1):
            scheme, host, port = _check_url(current)
            address = await resolve(host, port, allow_private, allowed)
            parts = urlsplit(current)
            ip_host = f"[{address}]" if ":" in address else address
            pinned = urlunsplit((scheme, f"{ip_host}:{port}", parts.path or "/", parts.query, ""))
            default_port = port == (443 if scheme == "https" else 80)
            headers = {
                "Host": host if default_port else f"{host}:{port}",
                "User-Agent": USER_AGENT,
                "Accept": ACCEPT,
                "Accept-Encoding": "gzip, deflate",
            }
            request = http.build_request(
                "GET", pinned, headers=headers, extensions={"sni_hostname": host}
            )
            try:
                response = await http.send(request, stream=True)
            except httpx.TimeoutException as exc:
                raise FetchError("连接或读取超时，请稍后再试或下载后发送文件") from exc
            except httpx.HTTPError as exc:
                raise FetchError(f"无法连接 {host}（{type(exc).__name__}）") from exc
            try:
                if response.is_redirect:
                    location = response.headers.get("location", "")
                    if not location:
                        raise FetchError("网站返回了没有目标地址的跳转")
                    current = urljoin(current, location)
                    continue
                if response.status_code != 200:
                    raise FetchError(f"网站返回错误 {response.status_code}，未能取得文档")
                content_type = _media_type(response.headers.get("content-type", ""))
                suffix = _suffix(content_type, current)
                data = await _body(response, max_bytes)
            finally:
                await response.aclose()
            if suffix == ".pdf" and not data.startswith(b"%PDF"):
                raise FetchError("链接声称是 PDF，但内容不是 PDF 文件")
            return Fetched(url, current, content_type, suffix, data, time.monotonic() - started)
    raise FetchError(f"跳转次数过多（超过 {max_redirects} 次）")


async def _body(response: httpx.Response, max_bytes: int) -> bytes:
    too_big = FetchError(f"文档过大（超过 {max_bytes // 1024 // 1024} MB），未下载")
    declared = response.headers.get("content-length", "")
    if declared.isdecimal() and int(declared) > max_bytes:
        raise too_big
    chunks, size = [], 0
    async for chunk in response.aiter_raw():
        size += len(chunk)
        if size > max_bytes:
            raise too_big
        chunks.append(chunk)
    data = b"".join(chunks)
    encoding = response.headers.get("content-encoding", "").lower()
    if encoding in ("gzip", "deflate", "br", "zstd"):
        data = _decompress(data, encoding, max_bytes, too_big)
    return data


def _decompress(data: bytes, encoding: str, max_bytes: int, too_big: FetchError) -> bytes:
    """A compressed body, unpacked with the same size limit (a small gzip can unpack to
    gigabytes)."""
    import zlib

    if encoding not in ("gzip", "deflate"):
        raise FetchError(f"网站使用了不支持的压缩方式 {encoding}")
    wbits = 16 + zlib.MAX_WBITS if encoding == "gzip" else zlib.MAX_WBITS
    inflater = zlib.decompressobj(wbits)
    try:
        out = inflater.decompress(data, max_bytes + 1)
    except zlib.error as exc:
        raise FetchError("网站返回的压缩数据已损坏") from exc
    if len(out) > max_bytes or inflater.unconsumed_tail:
        raise too_big
    return out
