"""A simple per-client sliding-window rate limit, kept in memory (one process, one classroom)."""
from __future__ import annotations

import time
from collections import deque
from typing import Callable


class RateLimiter:
    """At most `limit` requests per `window` seconds per client key."""

    def __init__(self, limit: int, window: float = 60.0, clock: Callable[[], float] = time.monotonic,
                 max_clients: int = 10_000):
        self.limit, self.window, self.clock, self.max_clients = limit, window, clock, max_clients
        self._seen: dict[str, deque[float]] = {}

    def allow(self, key: str) -> float | None:
        """None when the request may go ahead, else the seconds to wait."""
        if self.limit <= 0:
            return None
        now = self.clock()
        if len(self._seen) > self.max_clients:  # bound memory: forget clients idle for a window
            self._seen = {k: q for k, q in self._seen.items() if q and now - q[-1] < self.window}
        stamps = self._seen.setdefault(key, deque())
        while stamps and now - stamps[0] >= self.window:
            stamps.popleft()
        if len(stamps) >= self.limit:
            return max(0.0, self.window - (now - stamps[0]))
        stamps.append(now)
        return None
