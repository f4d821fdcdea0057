"""All network access: fetch a URL with timeouts, a size cap and a redirect limit."""
from __future__ import annotations

from dataclasses import dataclass

import httpx

from . import __version__
from .errors import FetchError

USER_AGENT = f"auditor/{__version__} (+news source-credibility audit; offline-first)"
DEFAULT_TIMEOUT = 15.0
DEFAULT_MAX_BYTES = 10_000_000
DEFAULT_MAX_REDIRECTS = 5


@dataclass(frozen=True)
class Fetched:
    url: str  # final URL after redirects
    status: int
    content: bytes
    content_type: str
    headers: dict[str, str]


def fetch(url: str, timeout: float = DEFAULT_TIMEOUT, max_bytes: int = DEFAULT_MAX_BYTES,
          max_redirects: int = DEFAULT_MAX_REDIRECTS, headers: dict[str, str] | None = None,
          client: httpx.Client | None = None) -> Fetched:
    """GET url; raises FetchError naming the URL and the reason (status, timeout, size, redirects)."""
    if not url.lower().startswith(("http://", "https://")):
        raise FetchError(url, "only http and https URLs can be fetched")
    own = client is None
    client = client or httpx.Client(follow_redirects=True, max_redirects=max_redirects,
                                    timeout=httpx.Timeout(timeout))
    request_headers = {"User-Agent": USER_AGENT, "Accept": "text/html,application/xhtml+xml,*/*;q=0.8"}
    request_headers.update(headers or {})
    try:
        with client.stream("GET", url, headers=request_headers) as response:
            declared = response.headers.get("content-length")
            if declared and declared.isdigit() and int(declared) > max_bytes:
                raise FetchError(url, f"response is {declared} bytes, over the {max_bytes}-byte limit")
            chunks: list[bytes] = []
            size = 0
            for chunk in response.iter_bytes():
                size += len(chunk)
                if size > max_bytes:
                    raise FetchError(url, f"response is over the {max_bytes}-byte limit")
                chunks.append(chunk)
            if response.status_code == 304:
                return Fetched(str(response.url), 304, b"", "", dict(response.headers))
            if response.status_code >= 400:
                raise FetchError(url, f"HTTP {response.status_code} {response.reason_phrase}".strip())
            return Fetched(str(response.url), response.status_code, b"".join(chunks),
                           response.headers.get("content-type", ""), dict(response.headers))
    except httpx.TooManyRedirects:
        raise FetchError(url, f"more than {max_redirects} redirects") from None
    except httpx.TimeoutException:
        raise FetchError(url, f"timed out after {timeout:g}s") from None
    except httpx.HTTPError as exc:
        raise FetchError(url, f"network error: {exc.__class__.__name__}: {exc}") from None
    finally:
        if own:
            client.close()
