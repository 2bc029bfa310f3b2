"""A small HTTP server on loopback for the link tests: each path answers as told (a page, a
redirect, a slow or endless body, any content type), and every request is recorded."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


@dataclass
class Route:
    body: bytes = b""
    status: int = 200
    content_type: str = "text/html; charset=utf-8"
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0  # seconds before the body starts
    repeat: int = 1  # the body is sent this many times (a large response without buffering)
    length: bool = True  # send Content-Length


@dataclass
class Server:
    host: str
    port: int
    routes: dict[str, Route]
    requests: list[str]

    def url(self, path: str) -> str:
        return f"http://{self.host}:{self.port}{path}"


@contextmanager
def serve(routes: dict[str, Route], host: str = "127.0.0.1") -> Iterator[Server]:
    requests: list[str] = []

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            requests.append(self.path)
            route = routes.get(self.path)
            if route is None:
                self.send_error(404)
                return
            self.send_response(route.status)
            self.send_header("Content-Type", route.content_type)
            if route.length:
                self.send_header("Content-Length", str(len(route.body) * route.repeat))
            for name, value in route.headers.items():
                self.send_header(name, value)
            self.end_headers()
            try:
                if route.delay:
                    time.sleep(route.delay)
                for _ in range(route.repeat):
                    self.wfile.write(route.body)
            except (BrokenPipeError, ConnectionResetError):
                pass  # the client gave up, as it should

        def log_message(self, format: str, *args: object) -> None:
            pass

    server = ThreadingHTTPServer((host, 0), Handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    try:
        yield Server(host, server.server_address[1], routes, requests)
    finally:
        server.shutdown()
        server.server_close()
