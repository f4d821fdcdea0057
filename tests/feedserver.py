"""A local threaded HTTP server on 127.0.0.1 for feed tests: routes the test defines, ETag/304 for
conditional requests, injected faults, and a log of every request (path and headers) it saw."""
from __future__ import annotations

import hashlib
import json
import socket
import struct
import threading
import time
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


@dataclass
class Route:
    body: bytes = b""
    content_type: str = "text/html; charset=utf-8"
    status: int = 200
    fault: str | None = None  # slow | reset | flaky | redirect-loop
    delay: float = 0.0  # for slow
    fail_times: int = 0  # for flaky: answer 500 this many times first
    conditional: bool = True  # ETag / Last-Modified, 304 on a match
    hits: int = 0


@dataclass
class Seen:
    path: str
    headers: dict[str, str]
    status: int


class FeedServer:
    def __init__(self) -> None:
        self.routes: dict[str, Route] = {}
        self.log: list[Seen] = []
        self._lock = threading.Lock()
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.0"

            def log_message(self, *args: object) -> None:  # keep test output quiet
                pass

            def do_GET(self) -> None:  # noqa: N802 (the stdlib's name)
                server._handle(self)

        self._httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._httpd.daemon_threads = True
        self._httpd.block_on_close = False
        self.base = f"http://127.0.0.1:{self._httpd.server_address[1]}"
        self._thread = threading.Thread(target=self._httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)

    def __enter__(self) -> "FeedServer":
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._httpd.shutdown()
        self._httpd.server_close()

    def url(self, path: str) -> str:
        return self.base + path

    def add(self, path: str, body: bytes | str = b"", **options) -> str:
        data = body.encode("utf-8") if isinstance(body, str) else body
        self.routes[path] = Route(data, **options)
        return self.url(path)

    def seen(self, path: str) -> list[Seen]:
        with self._lock:
            return [s for s in self.log if s.path == path]

    def _record(self, path: str, headers: dict[str, str], status: int) -> None:
        with self._lock:
            self.log.append(Seen(path, headers, status))

    def _handle(self, req: BaseHTTPRequestHandler) -> None:
        path = req.path.split("?", 1)[0]
        headers = {k.lower(): v for k, v in req.headers.items()}
        route = self.routes.get(path)
        if route is None:
            self._record(path, headers, 404)
            return self._send(req, 404, b"not found", "text/plain")
        with self._lock:
            route.hits += 1
            hit = route.hits
        if route.fault == "reset":
            self._record(path, headers, 0)
            # RST instead of FIN: the client sees a connection reset, not a clean close
            req.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
            req.connection.close()
            req.close_connection = True
            return
        if route.fault == "slow":
            self._record(path, headers, 200)
            time.sleep(route.delay)
            try:
                return self._send(req, 200, route.body, route.content_type)
            except OSError:
                return
        if route.fault == "redirect-loop":
            self._record(path, headers, 302)
            return self._send(req, 302, b"", "text/plain", {"Location": path})
        if route.fault == "flaky" and hit <= route.fail_times:
            self._record(path, headers, 500)
            return self._send(req, 500, b"try again", "text/plain")
        if route.status != 200:
            self._record(path, headers, route.status)
            return self._send(req, route.status, route.body or b"error", "text/plain")
        extra = {}
        if route.conditional:
            etag = '"' + hashlib.sha1(route.body).hexdigest()[:16] + '"'
            extra = {"ETag": etag, "Last-Modified": "Mon, 06 Jan 2025 10:00:00 GMT"}
            if headers.get("if-none-match") == etag:
                self._record(path, headers, 304)
                return self._send(req, 304, b"", None, extra)
        self._record(path, headers, 200)
        self._send(req, 200, route.body, route.content_type, extra)

    @staticmethod
    def _send(req: BaseHTTPRequestHandler, status: int, body: bytes, content_type: str | None,
              headers: dict[str, str] | None = None) -> None:
        req.send_response(status)
        if content_type:
            req.send_header("Content-Type", content_type)
        for key, value in (headers or {}).items():
            req.send_header(key, value)
        if status != 304:
            req.send_header("Content-Length", str(len(body)))
        req.end_headers()
        if status != 304 and body:
            req.wfile.write(body)


# --- content the team writes ------------------------------------------------------------------------
_SENTENCES = (
    "The council of Riverton voted {n} to 2 on Tuesday to extend the library's opening hours into the evening.",
    "Maria Okafor, who chairs the finance committee, said the change would cost about {n}0,000 dollars a year.",
    "\"We heard from students who had nowhere quiet to work after school,\" Okafor said at the meeting.",
    "The proposal was first raised in a public consultation that drew {n}00 written responses last spring.",
    "Library staff will be asked to volunteer for the later shifts before any new hiring takes place.",
    "A report by the county auditor, published in March, found that visits had risen by {n} percent since 2022.",
    "Two members voted against, arguing that the money should go to road repairs in the northern district.",
    "The new hours take effect on the first Monday of next month and will be reviewed after one year.",
)


def article_html(n: int, title: str | None = None, extra: str = "", modified: str = "2025-01-06T10:00:00Z",
                 outlet: str = "The Riverton Ledger") -> str:
    """A small news page with JSON-LD, varied by n so each article has its own text."""
    import html as _html
    title = title or f"Council extends library hours, item {n}"
    paragraphs = [s.format(n=(n + i) % 9 + 1) for i, s in enumerate(_SENTENCES)]
    paragraphs = paragraphs[n % 3:] + paragraphs[: n % 3]
    if extra:
        paragraphs.append(extra)
    ld = {"@context": "https://schema.org", "@type": "NewsArticle", "headline": title,
          "datePublished": "2025-01-06T08:00:00Z", "dateModified": modified,
          "author": {"@type": "Person", "name": "Dana Whitfield"},
          "publisher": {"@type": "Organization", "name": outlet}}
    body = "\n".join(f"<p>{_html.escape(p)}</p>" for p in paragraphs)
    return (f"<!DOCTYPE html><html lang=en><head><meta charset=utf-8><title>{_html.escape(title)}</title>"
            f"<meta property=\"og:site_name\" content=\"{_html.escape(outlet)}\">"
            f"<script type=\"application/ld+json\">{json.dumps(ld)}</script></head><body>"
            f"<article><h1>{_html.escape(title)}</h1><p class=byline>By Dana Whitfield</p>{body}</article>"
            f"</body></html>")


def rss(items: list[tuple[str, str]], title: str = "Riverton Ledger — local news", pub_dates: list[str] | None = None) -> str:
    """An RSS 2.0 feed of (title, link) items."""
    from xml.sax.saxutils import escape
    dates = pub_dates or ["Mon, 06 Jan 2025 08:00:00 GMT"] * len(items)
    entries = "".join(f"<item><title>{escape(t)}</title><link>{escape(link)}</link><guid>{escape(link)}</guid>"
                      f"<pubDate>{d}</pubDate></item>" for (t, link), d in zip(items, dates))
    return (f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>{escape(title)}</title>'
            f"<link>http://127.0.0.1/</link><description>test feed</description>{entries}</channel></rss>")


ROBOTS_ALLOW_ALL = "User-agent: *\nDisallow:\n"


def serve_robots(server: FeedServer, text: str = ROBOTS_ALLOW_ALL) -> None:
    server.add("/robots.txt", text, content_type="text/plain", conditional=False)

