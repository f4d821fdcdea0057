"""A polite client over auditor.fetch: retries with exponential backoff, a per-host delay, robots.txt.

All bytes still come through auditor.fetch.fetch (the one module that touches the network); this module only
decides when to ask, how often, and whether robots.txt lets us."""
from __future__ import annotations

import re
import threading
import time
from dataclasses import dataclass
from typing import Callable
from urllib.parse import urlsplit
from urllib.robotparser import RobotFileParser

import httpx

from ..errors import FetchError
from ..fetch import USER_AGENT, Fetched, fetch

ROBOTS_AGENT = "auditor"
_HTTP_STATUS = re.compile(r"^HTTP (\d{3})\b")


@dataclass(frozen=True)
class NetOptions:
    timeout: float = 15.0
    retries: int = 2
    backoff: float = 1.0  # seconds before the first retry; doubled each further try
    max_bytes: int = 5_000_000
    feed_max_bytes: int = 10_000_000
    max_redirects: int = 5
    delay: float = 1.0  # politeness: seconds between two requests to the same host
    respect_robots: bool = True


def http_status(error: FetchError) -> int | None:
    match = _HTTP_STATUS.match(error.reason)
    return int(match.group(1)) if match else None


def is_transient(error: FetchError) -> bool:
    """Worth another try: timeouts, connection errors and 5xx. Not 4xx, size caps or redirect loops."""
    status = http_status(error)
    if status is not None:
        return status >= 500
    return error.reason.startswith(("timed out", "network error"))


@dataclass(frozen=True)
class Response:
    fetched: Fetched
    attempts: int


class RetryFailed(FetchError):
    """The last error after every try; `attempts` says how many were made."""

    def __init__(self, url: str, reason: str, attempts: int):
        self.attempts = attempts
        super().__init__(url, reason if attempts == 1 else f"{reason} (after {attempts} attempts)")


class PoliteClient:
    """Thread-safe: one shared httpx client, one politeness clock per host, one robots.txt per origin."""

    def __init__(self, options: NetOptions, sleep: Callable[[float], None] = time.sleep):
        self.options = options
        self._sleep = sleep
        self._client = httpx.Client(follow_redirects=True, max_redirects=options.max_redirects,
                                    timeout=httpx.Timeout(options.timeout))
        self._lock = threading.Lock()
        self._next_slot: dict[str, float] = {}
        self._host_delay: dict[str, float] = {}
        self._robots: dict[str, tuple[RobotFileParser | None, str | None]] = {}
        self._robots_locks: dict[str, threading.Lock] = {}

    def close(self) -> None:
        self._client.close()

    def __enter__(self) -> "PoliteClient":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # --- politeness -----------------------------------------------------------------------------
    def _wait_turn(self, url: str) -> None:
        host = urlsplit(url).netloc.lower()
        with self._lock:
            now = time.monotonic()
            slot = max(now, self._next_slot.get(host, now))
            self._next_slot[host] = slot + max(self.options.delay, self._host_delay.get(host, 0.0))
        if slot > now:
            self._sleep(slot - now)

    # --- fetching ---------------------------------------------------------------------------------
    def get(self, url: str, headers: dict[str, str] | None = None, max_bytes: int | None = None,
            retries: int | None = None) -> Response:
        """GET with retries on transient errors; raises RetryFailed naming the URL, reason and attempts."""
        tries = 1 + (self.options.retries if retries is None else retries)
        for attempt in range(1, tries + 1):
            self._wait_turn(url)
            try:
                fetched = fetch(url, timeout=self.options.timeout, max_bytes=max_bytes or self.options.max_bytes,
                                max_redirects=self.options.max_redirects, headers=headers, client=self._client)
                return Response(fetched, attempt)
            except FetchError as exc:
                if attempt < tries and is_transient(exc):
                    self._sleep(self.options.backoff * (2 ** (attempt - 1)))
                    continue
                raise RetryFailed(url, exc.reason, attempt) from None
        raise AssertionError("unreachable")  # the loop always returns or raises

    # --- robots.txt -------------------------------------------------------------------------------
    def allowed(self, url: str) -> tuple[str, str | None]:
        """("allow" | "disallow" | "error", why). RFC 9309: a missing robots.txt (4xx) allows everything; a
        server error (5xx) disallows everything for now; a robots.txt that cannot be reached at all
        (timeout, connection error) is an error: the page would not be reachable either."""
        if not self.options.respect_robots:
            return "allow", None
        parts = urlsplit(url)
        origin = f"{parts.scheme}://{parts.netloc}".lower()
        with self._lock:
            lock = self._robots_locks.setdefault(origin, threading.Lock())
        with lock:  # one fetch of robots.txt per origin, however many workers ask at once
            if origin not in self._robots:
                self._robots[origin] = self._load_robots(origin)
        parser, problem = self._robots[origin]
        if parser is None:
            if problem is None:
                return "allow", None
            if problem.startswith("HTTP 5"):
                return "disallow", f"robots.txt answered {problem}: treated as disallow (RFC 9309)"
            return "error", f"robots.txt unreachable: {problem}"
        if parser.can_fetch(USER_AGENT, url):
            return "allow", None
        return "disallow", "disallowed by robots.txt"

    def _load_robots(self, origin: str) -> tuple[RobotFileParser | None, str | None]:
        try:
            response = self.get(origin + "/robots.txt", max_bytes=500_000, retries=min(1, self.options.retries))
        except FetchError as exc:
            status = http_status(exc)
            if status is not None and 400 <= status < 500:
                return None, None
            return None, exc.reason
        parser = RobotFileParser()
        parser.parse(response.fetched.content.decode("utf-8", "replace").splitlines())
        delay = parser.crawl_delay(ROBOTS_AGENT)
        if delay:
            with self._lock:
                self._host_delay[urlsplit(origin).netloc] = min(float(delay), 30.0)
        return parser, None
