"""Fetching URLs on behalf of a web visitor without letting them reach the server's own network.

Every DNS answer of every hop (the first URL and each redirect, followed by hand) is checked; the
connection then goes to the address that was checked, so a second, different DNS answer cannot slip
in between check and use. Loopback, private, link-local, multicast, reserved and unspecified
addresses are refused unless the policy allows private addresses (tests, a trusted local setup)."""
from __future__ import annotations

import ipaddress
import socket
import time
from dataclasses import dataclass, field
from typing import Callable, Iterable, Iterator
from urllib.parse import urljoin

import httpx

from ..errors import FetchError
from ..fetch import Fetched, fetch

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
Resolver = Callable[[str, int], list[str]]
REDIRECTS = (301, 302, 303, 307, 308)


class AddressRefused(FetchError):
    """The URL's host is, or resolves to, an address the policy does not allow."""


def system_resolver(host: str, port: int) -> list[str]:
    try:
        answers = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except socket.gaierror as exc:
        raise FetchError(host, f"cannot resolve {host}: {exc.strerror or exc}") from None
    return [info[4][0] for info in answers]


def address_kind(ip: IPAddress) -> str | None:
    """Why an address is not public ('a loopback address', …), or None when it is a public address."""
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    checks = (("is_unspecified", "an unspecified"), ("is_loopback", "a loopback"), ("is_link_local", "a link-local"),
              ("is_multicast", "a multicast"), ("is_private", "a private"), ("is_reserved", "a reserved"))
    for attribute, kind in checks:
        if getattr(ip, attribute):
            return f"{kind} address"
    if not ip.is_global:
        return "a non-public address"
    return None


@dataclass(frozen=True)
class AddressPolicy:
    """Which addresses the server may connect to on a visitor's behalf."""

    allow_private: bool = False
    resolver: Resolver = system_resolver
    allowed_networks: tuple[ipaddress.IPv4Network | ipaddress.IPv6Network, ...] = field(default=())

    def addresses(self, url: str) -> list[IPAddress]:
        """The checked addresses for url's host; raises AddressRefused or FetchError."""
        parsed = httpx.URL(url)
        if parsed.scheme not in ("http", "https"):
            raise FetchError(url, "only http and https URLs can be fetched")
        host = parsed.host
        if not host:
            raise FetchError(url, "the URL has no host")
        port = parsed.port or (443 if parsed.scheme == "https" else 80)
        try:
            answers = [ipaddress.ip_address(host)]
            literal = True
        except ValueError:
            answers = [ipaddress.ip_address(a.split("%", 1)[0]) for a in self.resolver(host, port)]
            literal = False
        if not answers:
            raise FetchError(url, f"{host} has no address")
        for ip in answers:
            kind = address_kind(ip)
            if kind is None or self.allow_private or any(ip in net for net in self.allowed_networks):
                continue
            where = f"{ip} is {kind}" if literal else f"{host} resolves to {ip}, {kind}"
            raise AddressRefused(url, f"refused: {where}")
        return answers


class _DeadlineStream(httpx.SyncByteStream):
    def __init__(self, inner: httpx.SyncByteStream, deadline: float, url: str, seconds: float):
        self.inner, self.deadline, self.url, self.seconds = inner, deadline, url, seconds

    def __iter__(self) -> Iterator[bytes]:
        for chunk in self.inner:
            if time.monotonic() > self.deadline:
                raise FetchError(self.url, f"took longer than {self.seconds:g}s")
            yield chunk

    def close(self) -> None:
        self.inner.close()


class GuardedTransport(httpx.HTTPTransport):
    """Checks the host of every request and connects to the checked address (Host header and TLS
    server name keep the original name); stops reading when the overall deadline passes."""

    def __init__(self, policy: AddressPolicy, deadline: float, seconds: float, **kwargs):
        super().__init__(**kwargs)
        self.policy, self.deadline, self.seconds = policy, deadline, seconds

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        url = str(request.url)
        ip = self.policy.addresses(url)[0]
        host = request.url.host
        if host != str(ip):
            request.url = request.url.copy_with(host=str(ip))
            request.extensions = {**request.extensions, "sni_hostname": host}
        response = super().handle_request(request)
        return httpx.Response(response.status_code, headers=response.headers,
                              stream=_DeadlineStream(response.stream, self.deadline, url, self.seconds),  # type: ignore[arg-type]
                              extensions=response.extensions)


def fetch_public(url: str, policy: AddressPolicy, timeout: float = 10.0, max_bytes: int = 5_000_000,
                 max_redirects: int = 5) -> Fetched:
    """GET url for a visitor: every hop's addresses checked, redirects followed by hand, size and
    total time capped. Raises AddressRefused / FetchError with a message for the visitor."""
    deadline = time.monotonic() + timeout
    transport = GuardedTransport(policy, deadline, timeout)
    with httpx.Client(transport=transport, follow_redirects=False, timeout=httpx.Timeout(timeout)) as client:
        current = url
        for _ in range(max_redirects + 1):
            policy.addresses(current)  # refuse before any connection, with a clear message
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise FetchError(url, f"took longer than {timeout:g}s")
            fetched = fetch(current, timeout=remaining, max_bytes=max_bytes, max_redirects=0, client=client)
            if fetched.status not in REDIRECTS:
                return fetched
            location = _header(fetched.headers, "location")
            if not location:
                raise FetchError(current, f"HTTP {fetched.status} redirect without a Location header")
            current = urljoin(current, location)
        raise FetchError(url, f"more than {max_redirects} redirects")


def _header(headers: dict[str, str], name: str) -> str | None:
    return next((v for k, v in headers.items() if k.lower() == name), None)


def networks(values: Iterable[str]) -> tuple[ipaddress.IPv4Network | ipaddress.IPv6Network, ...]:
    return tuple(ipaddress.ip_network(v, strict=False) for v in values)
