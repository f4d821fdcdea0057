"""Feed documents into FeedItems: RSS 0.9x/1.0/2.0 and Atom through feedparser, JSON Feed by hand.

Feeds come from strangers, so bytes are checked before any XML parser sees them: a DOCTYPE that declares
entities (the shape of every entity-expansion bomb) is refused with a clear reason, and leading whitespace or
a byte-order mark before the XML declaration is dropped (a common mess that strict parsers reject)."""
from __future__ import annotations

import calendar
import json
import re
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Any

from ..errors import InputError

# An internal DTD subset that declares an entity: `<!DOCTYPE x [ ... <!ENTITY ...`. Bounded quantifiers only.
_DOCTYPE_SUBSET = re.compile(rb"<!DOCTYPE[^>\[]{0,2000}\[", re.IGNORECASE)
_ENTITY_DECL = re.compile(rb"<!ENTITY", re.IGNORECASE)
_UTF8_BOM = b"\xef\xbb\xbf"


class FeedError(InputError):
    """A whole feed could not be fetched, read or parsed."""


@dataclass(frozen=True)
class FeedItem:
    index: int  # 1-based position in the feed
    key: str  # what identifies the item across runs: its link, else its id, else feed#index
    link: str | None
    title: str | None
    published: datetime | None
    updated: datetime | None
    authors: tuple[str, ...]
    content_html: str | None  # full content when the feed carries it, else the summary


@dataclass(frozen=True)
class Feed:
    source: str
    title: str | None
    version: str  # rss20, atom10, rss10, json11, … (feedparser's names)
    items: tuple[FeedItem, ...]
    warning: str | None = None  # the feed parsed, but not cleanly (feedparser's "bozo" reason)


def check_safe(data: bytes, source: str) -> bytes:
    """The bytes a parser may see: leading whitespace/BOM before '<' dropped; entity declarations refused."""
    # a UTF-8 BOM is harmless to strip; UTF-16 BOMs must stay for the parser to decode the document
    body = data[3:] if data.startswith(_UTF8_BOM) else data
    stripped = body.lstrip(b" \t\r\n\x00")
    if stripped.startswith(b"<"):
        body = stripped
    head = body[:200_000]
    subset = _DOCTYPE_SUBSET.search(head)
    if subset and _ENTITY_DECL.search(body, subset.end()):
        raise FeedError(source, "refused: the feed's DOCTYPE declares XML entities "
                                "(the shape of an entity-expansion bomb)")
    _check_with_defusedxml(body, source)
    return body


def _check_with_defusedxml(body: bytes, source: str) -> None:
    """Second line of defence for encodings a byte regex cannot read (UTF-16): let expat see the DTD."""
    if not (body.startswith((b"\xff\xfe", b"\xfe\xff")) or body[:4] in (b"<\x00?\x00", b"\x00<\x00?")):
        return
    from defusedxml import DefusedXmlException
    from defusedxml.ElementTree import fromstring
    try:
        fromstring(body, forbid_dtd=False, forbid_entities=True, forbid_external=True)
    except DefusedXmlException:
        raise FeedError(source, "refused: the feed declares XML entities (the shape of an entity-expansion bomb)") from None
    except Exception:  # ill-formed: not a safety question; feedparser's lenient parser gets its chance
        return


def parse_feed(data: bytes, source: str, content_type: str = "") -> Feed:
    """Parse feed bytes; raises FeedError with a reason a person can act on."""
    if not data.strip():
        raise FeedError(source, "the feed is empty")
    head = data.lstrip(b" \t\r\n\xef\xbb\xbf")[:1]
    if head == b"{" or "json" in content_type.lower():
        return _parse_json_feed(data, source)
    body = check_safe(data, source)
    return _parse_xml_feed(body, source)


def _parse_xml_feed(body: bytes, source: str) -> Feed:
    import feedparser
    # sanitize_html/resolve_relative_uris are feedparser's defaults; we never render feed HTML unescaped anyway
    parsed = feedparser.parse(body, response_headers={"content-location": source} if "://" in source else None)
    version = parsed.get("version") or ""
    channel = parsed.get("feed", {})
    entries = parsed.get("entries", [])
    warning = None
    if parsed.get("bozo"):
        exc = parsed.get("bozo_exception")
        warning = f"{exc.__class__.__name__}: {exc}" if exc else "not well-formed"
    if not version and not entries:
        reason = warning or "no RSS, Atom or JSON Feed found"
        raise FeedError(source, f"not a feed that can be read ({_short(reason)})")
    items = tuple(_xml_item(entry, i, source) for i, entry in enumerate(entries, 1))
    return Feed(source, _clean(channel.get("title")), version or "unknown", items,
                _short(warning) if warning else None)


def _xml_item(entry: Any, index: int, source: str) -> FeedItem:
    link = _http_link(entry.get("link"))
    if link is None:
        for candidate in entry.get("links", []) or []:
            if candidate.get("rel", "alternate") == "alternate" and _http_link(candidate.get("href")):
                link = _http_link(candidate.get("href"))
                break
    content = None
    for block in entry.get("content", []) or []:
        if block.get("value"):
            content = block["value"]
            break
    content = content or entry.get("summary") or None
    authors = tuple(a.get("name") for a in entry.get("authors", []) or [] if a.get("name"))
    if not authors and entry.get("author"):
        authors = (entry["author"],)
    guid = entry.get("id") or None
    return FeedItem(index, link or guid or f"{source}#{index}", link, _clean(entry.get("title")),
                    _from_struct(dict.get(entry, "published_parsed")),
                    _from_struct(dict.get(entry, "updated_parsed")),  # dict.get: no feedparser key aliasing
                    tuple(_clean(a) or "" for a in authors), content)


def _parse_json_feed(data: bytes, source: str) -> Feed:
    try:
        doc = json.loads(data.decode("utf-8-sig"))
    except (UnicodeDecodeError, ValueError) as exc:
        raise FeedError(source, f"not valid JSON Feed: {exc}") from None
    if not isinstance(doc, dict) or "jsonfeed.org/version/" not in str(doc.get("version", "")):
        raise FeedError(source, "JSON document is not a JSON Feed (no jsonfeed.org version)")
    raw_items = doc.get("items")
    if not isinstance(raw_items, list):
        raise FeedError(source, "JSON Feed has no 'items' list")
    version = "json" + str(doc["version"]).rstrip("/").rsplit("/", 1)[-1].replace(".", "")
    items = []
    for i, it in enumerate(raw_items, 1):
        if not isinstance(it, dict):
            it = {}
        link = _http_link(it.get("url")) or _http_link(it.get("external_url"))
        authors = it.get("authors") or ([it["author"]] if isinstance(it.get("author"), dict) else [])
        names = tuple(str(a["name"]) for a in authors if isinstance(a, dict) and a.get("name"))
        content = it.get("content_html") or text_as_html(it.get("content_text")) or it.get("summary")
        key = link or (str(it["id"]) if it.get("id") is not None else f"{source}#{i}")
        items.append(FeedItem(i, key, link, _clean(it.get("title")), _iso(it.get("date_published")),
                              _iso(it.get("date_modified")), names, content if isinstance(content, str) else None))
    return Feed(source, _clean(doc.get("title")), version, tuple(items))


def text_as_html(text: Any) -> str | None:
    """Plain text as HTML paragraphs (escaped), for feed content that carries no markup."""
    if not isinstance(text, str) or not text.strip():
        return None
    import html
    return "".join(f"<p>{html.escape(p.strip())}</p>" for p in text.split("\n\n") if p.strip())


def _http_link(value: Any) -> str | None:
    if isinstance(value, str) and value.strip().lower().startswith(("http://", "https://")):
        return value.strip()
    return None


def _clean(value: Any) -> str | None:
    if not isinstance(value, str):
        return None
    text = " ".join(value.split())
    return text[:500] or None


def _short(text: str, limit: int = 200) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _from_struct(value: Any) -> datetime | None:
    if not value:
        return None
    try:
        return datetime.fromtimestamp(calendar.timegm(value), tz=timezone.utc)
    except (TypeError, ValueError, OverflowError):
        return None


def _iso(value: Any) -> datetime | None:
    if not isinstance(value, str):
        return None
    try:
        parsed = datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
    except ValueError:
        return None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=timezone.utc)


def parse_since(value: str) -> datetime:
    """--since: an ISO date/time, or a duration back from now such as 36h, 7d, 2w."""
    match = re.fullmatch(r"\s*(\d{1,5})\s*([hdw])\s*", value)
    if match:
        from datetime import timedelta
        amount, unit = int(match.group(1)), match.group(2)
        delta = {"h": timedelta(hours=amount), "d": timedelta(days=amount), "w": timedelta(weeks=amount)}[unit]
        return datetime.now(timezone.utc) - delta
    parsed = _iso(value)
    if parsed is None:
        raise ValueError(f"--since takes an ISO date (2025-01-31, 2025-01-31T08:00Z) or 36h/7d/2w (got {value!r})")
    return parsed
