"""Run feeds: read each feed, decide every item's fate, fetch and audit the rest on a bounded thread pool.

Every item ends as exactly one ItemResult: audited, skipped (with reason) or failed (with reason). A worker
never raises: whatever goes wrong with one item becomes that item's failure, and the run goes on."""
from __future__ import annotations

import dataclasses
import hashlib
import re
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any, Literal

from ..audit import Audit, audit_article, get_ruleset
from ..config import Config
from ..errors import AuditorError, FetchError
from ..extract.html import from_html, registered_domain
from ..extract.text import from_text
from .net import NetOptions, PoliteClient
from .parse import Feed, FeedError, FeedItem, parse_feed, text_as_html
from .state import AuditRecord, ItemState, State, now_iso

Status = Literal["audited", "skipped", "failed"]
_HAS_TAG = re.compile(r"<[A-Za-z!/]")
FEED_ACCEPT = ("application/rss+xml, application/atom+xml, application/feed+json, application/rdf+xml, "
               "application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5")


@dataclass(frozen=True)
class FeedOptions:
    net: NetOptions = NetOptions()
    concurrency: int = 4
    limit: int | None = None  # per feed, in feed order, after --since
    since: datetime | None = None
    use_feed_content: bool = False
    config: Config = Config()


@dataclass(frozen=True)
class ItemResult:
    feed: str
    index: int
    key: str
    link: str | None
    title: str | None
    status: Status
    reason: str | None  # why skipped/failed; for audited: "new", or what changed
    audit: Audit | None = None
    attempts: int = 0
    previous_score: float | None = None

    @property
    def changed(self) -> bool:
        return self.status == "audited" and bool(self.reason) and self.reason.startswith("changed")


@dataclass(frozen=True)
class FeedResult:
    source: str
    title: str | None
    status: Literal["ok", "failed"]
    reason: str | None  # why the whole feed failed, or a note on a feed that parsed with warnings
    items: tuple[ItemResult, ...] = ()
    version: str | None = None


@dataclass(frozen=True)
class RunResult:
    feeds: tuple[FeedResult, ...]
    started: str
    finished: str
    known_findings: tuple[str, ...] = field(default_factory=tuple)  # ids of unchanged items, for baselines

    @property
    def items(self) -> list[ItemResult]:
        return [item for feed in self.feeds for item in feed.items]

    @property
    def audits(self) -> list[Audit]:
        return [item.audit for item in self.items if item.audit is not None]

    def count(self, status: Status) -> int:
        return sum(1 for item in self.items if item.status == status)

    @property
    def failed_feeds(self) -> list[FeedResult]:
        return [feed for feed in self.feeds if feed.status == "failed"]


@dataclass(frozen=True)
class _Outcome:
    """What a worker hands back: the result plus what the state should remember."""

    result: ItemResult
    etag: str | None = None
    last_modified: str | None = None
    raw_hash: str | None = None
    text_hash: str | None = None
    date_modified: str | None = None


def run_feeds(sources: list[str], options: FeedOptions, state: State, client: PoliteClient | None = None) -> RunResult:
    started = now_iso()
    # rule errors surface before any network traffic; thresholds do not change the rules, so they stay out
    # of the ruleset cache key
    ruleset = get_ruleset(config=dataclasses.replace(options.config, fail_under=None, fail_on=None))
    own = client is None
    client = client or PoliteClient(options.net)
    feeds: list[FeedResult] = []
    known: list[str] = []
    try:
        with ThreadPoolExecutor(max_workers=max(1, options.concurrency), thread_name_prefix="auditor-feed") as pool:
            # every feed is read and every item dispatched first, so one slow feed's pages overlap the next
            seen_keys: dict[str, tuple[str, int]] = {}
            pending: list[tuple[str, Feed | None, str | None, list, dict, dict]] = []
            for source in sources:
                try:
                    feed, note = _load_feed(source, client, state, options)
                except (FeedError, FetchError) as exc:
                    pending.append((source, None, exc.reason, [], {}, {}))
                    continue
                except Exception as exc:  # a feed that breaks the parser in a new way fails alone
                    pending.append((source, None, f"internal error: {exc.__class__.__name__}: {exc}", [], {}, {}))
                    continue
                prior = state.items(item.key for item in feed.items)
                plan = _plan(feed, options, prior, seen_keys)
                futures = {item.index: pool.submit(_process, item, feed, prior.get(item.key), client, options, ruleset)
                           for item, skip in plan if skip is None}
                pending.append((source, feed, note, plan, prior, futures))
            for source, feed, note, plan, prior, futures in pending:
                if feed is None:
                    feeds.append(FeedResult(source, None, "failed", note))
                    continue
                results: list[ItemResult] = []
                for item, skip in plan:
                    before = prior.get(item.key)
                    if skip is not None:
                        results.append(ItemResult(source, item.index, item.key, item.link, item.title, "skipped",
                                                  skip, previous_score=before.score if before else None))
                        continue
                    outcome = futures[item.index].result()
                    _remember(state, outcome, feed, known, before)
                    results.append(outcome.result)
                feeds.append(FeedResult(source, feed.title, "ok", note, tuple(results), feed.version))
    finally:
        if own:
            client.close()
    return RunResult(tuple(feeds), started, now_iso(), tuple(sorted(set(known))))


# --- the feed itself ------------------------------------------------------------------------------
def _load_feed(source: str, client: PoliteClient, state: State, options: FeedOptions) -> tuple[Feed, str | None]:
    if not source.lower().startswith(("http://", "https://")):
        path = Path(source)
        if not path.is_file():
            raise FeedError(source, "no such file" if not path.exists() else "not a regular file")
        if path.stat().st_size > options.net.feed_max_bytes:
            raise FeedError(source, f"feed file is over the {options.net.feed_max_bytes}-byte limit")
        feed = parse_feed(path.read_bytes(), source)
        return feed, feed.warning
    before = state.feed(source)
    headers = {"Accept": FEED_ACCEPT}
    if before and before.body:
        if before.etag:
            headers["If-None-Match"] = before.etag
        if before.last_modified:
            headers["If-Modified-Since"] = before.last_modified
    response = client.get(source, headers=headers, max_bytes=options.net.feed_max_bytes)
    fetched = response.fetched
    if fetched.status == 304 and before and before.body:
        feed = parse_feed(before.body, source)
        return feed, "feed unchanged since the last run (HTTP 304); its items were checked again"
    feed = parse_feed(fetched.content, source, fetched.content_type)
    state.save_feed(source, _header(fetched.headers, "etag"), _header(fetched.headers, "last-modified"),
                    fetched.content)
    return feed, feed.warning


def _header(headers: dict[str, str], name: str) -> str | None:
    for key, value in headers.items():
        if key.lower() == name:
            return value
    return None


def _plan(feed: Feed, options: FeedOptions, prior: dict[str, ItemState],
          seen_keys: dict[str, tuple[str, int]]) -> list[tuple[FeedItem, str | None]]:
    """Each item with the reason it is skipped before any fetch, or None when it is to be processed.
    seen_keys (item key -> (feed, index) where it was first listed) spans every feed of the run."""
    plan: list[tuple[FeedItem, str | None]] = []
    taken = 0
    for item in feed.items:
        if item.key in seen_keys:
            source, index = seen_keys[item.key]
            plan.append((item, f"duplicate of item {index}" + ("" if source == feed.source else f" of {source}")))
            continue
        seen_keys[item.key] = (feed.source, item.index)
        dated = item.updated or item.published
        if options.since is not None and dated is not None and dated < options.since:
            plan.append((item, f"older than --since ({dated.date().isoformat()})"))
            continue
        if options.limit is not None and taken >= options.limit:
            plan.append((item, f"over --limit {options.limit}"))
            continue
        taken += 1
        plan.append((item, None))
    return plan


# --- one item (runs on a worker thread; never raises) -------------------------------------------
def _process(item: FeedItem, feed: Feed, before: ItemState | None, client: PoliteClient,
             options: FeedOptions, ruleset) -> _Outcome:
    try:
        if options.use_feed_content or not item.link:
            return _from_feed_content(item, feed, before, options, ruleset)
        return _from_page(item, feed, before, client, options, ruleset)
    except AuditorError as exc:
        reason = getattr(exc, "reason", None) or str(exc)
        return _Outcome(_result(item, feed, "failed", reason, attempts=getattr(exc, "attempts", 0)))
    except Exception as exc:  # one item's surprise must not sink the run
        return _Outcome(_result(item, feed, "failed", f"internal error: {exc.__class__.__name__}: {exc}"))


def _result(item: FeedItem, feed: Feed, status: Status, reason: str | None, audit: Audit | None = None,
            attempts: int = 0, before: ItemState | None = None) -> ItemResult:
    return ItemResult(feed.source, item.index, item.key, item.link, item.title, status, reason, audit, attempts,
                      before.score if before else None)


def _from_feed_content(item: FeedItem, feed: Feed, before: ItemState | None, options: FeedOptions,
                       ruleset) -> _Outcome:
    if not item.content_html:
        why = "item has no content in the feed" if options.use_feed_content else "item has neither a link nor content"
        return _Outcome(_result(item, feed, "failed", why))
    raw = item.content_html.encode("utf-8")
    raw_hash = _digest(raw)
    if before and before.raw_hash == raw_hash:
        return _Outcome(_result(item, feed, "skipped", "unchanged (same feed content)", before=before))
    location = item.link or item.key
    published = (item.published or item.updated).isoformat() if (item.published or item.updated) else None
    metadata: dict[str, Any] = {"title": item.title, "authors": list(item.authors) or None, "published": published,
                                "modified": item.updated.isoformat() if item.updated else None}
    if item.link:
        metadata["url"] = item.link
    content = item.content_html
    if not _HAS_TAG.search(content):  # a plain-text summary: paragraphs, escaped
        content = text_as_html(content) or ""
    article = from_html(f"<html><body><article>{content}</article></body></html>", url=item.link, location=location)
    return _audit(item, feed, before, article, {k: v for k, v in metadata.items() if v}, ruleset, options,
                  raw_hash=raw_hash, attempts=0)


def _from_page(item: FeedItem, feed: Feed, before: ItemState | None, client: PoliteClient,
               options: FeedOptions, ruleset) -> _Outcome:
    assert item.link is not None
    verdict, why = client.allowed(item.link)
    if verdict != "allow":
        status: Status = "skipped" if verdict == "disallow" else "failed"
        return _Outcome(_result(item, feed, status, why, before=before))
    headers = {}
    if before and before.text_hash:
        if before.etag:
            headers["If-None-Match"] = before.etag
        if before.last_modified:
            headers["If-Modified-Since"] = before.last_modified
    response = client.get(item.link, headers=headers)
    fetched = response.fetched
    etag, last_modified = _header(fetched.headers, "etag"), _header(fetched.headers, "last-modified")
    if fetched.status == 304:
        return _Outcome(_result(item, feed, "skipped", "unchanged (HTTP 304)", attempts=response.attempts,
                                before=before), etag=etag, last_modified=last_modified)
    raw_hash = _digest(fetched.content)
    if before and before.raw_hash == raw_hash:
        return _Outcome(_result(item, feed, "skipped", "unchanged (same page)", attempts=response.attempts,
                                before=before), etag=etag, last_modified=last_modified)
    kind = fetched.content_type.lower()
    if "html" in kind or not kind or fetched.content.lstrip()[:1] == b"<":
        article = from_html(fetched.content, url=fetched.url, location=item.link)
    elif kind.startswith("text/"):
        article = from_text(fetched.content.decode("utf-8", "replace"), location=item.link)
        article = dataclasses.replace(article, url=fetched.url)
    else:
        return _Outcome(_result(item, feed, "failed", f"not an article page (content type {fetched.content_type})",
                                attempts=response.attempts))
    return _audit(item, feed, before, article, {}, ruleset, options, raw_hash=raw_hash, etag=etag,
                  last_modified=last_modified, attempts=response.attempts)


def _audit(item: FeedItem, feed: Feed, before: ItemState | None, article, metadata: dict[str, Any], ruleset,
           options: FeedOptions, *, raw_hash: str, attempts: int, etag: str | None = None,
           last_modified: str | None = None) -> _Outcome:
    text_hash = _digest(re.sub(r"\s+", " ", article.text).strip().encode("utf-8"))
    modified = metadata.get("modified") or article.modified
    if before and before.text_hash == text_hash and before.date_modified == modified:
        return _Outcome(_result(item, feed, "skipped", "unchanged (same text)", attempts=attempts, before=before),
                        etag=etag, last_modified=last_modified, raw_hash=raw_hash, text_hash=text_hash,
                        date_modified=modified)
    audit = audit_article(article, ruleset=ruleset, config=options.config, **metadata)
    if before is None or before.text_hash is None:
        change = "new"
    else:
        what = []
        if before.text_hash != text_hash:
            what.append("text")
        if before.date_modified != audit.article.modified:
            what.append(f"dateModified {before.date_modified or 'none'} → {audit.article.modified or 'none'}")
        change = "changed: " + ", ".join(what or ["content"])
    return _Outcome(_result(item, feed, "audited", change, audit, attempts, before), etag=etag,
                    last_modified=last_modified, raw_hash=raw_hash, text_hash=text_hash,
                    date_modified=audit.article.modified)


def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()[:32]


# --- back on the main thread ----------------------------------------------------------------------
def outlet_of(audit: Audit | None, link: str | None) -> str:
    """The outlet's registered domain; a bare host (an IP, a local name) when there is none."""
    if audit is not None and audit.article.outlet.domain:
        return audit.article.outlet.domain
    url = (audit.article.url if audit is not None else None) or link or ""
    domain = registered_domain(url) if url else None
    if domain:
        return domain
    match = re.match(r"^[a-z][a-z0-9+.-]*://([^/:?#]+)", url, re.IGNORECASE)
    return match.group(1).lower() if match else "unknown"


def _remember(state: State, outcome: _Outcome, feed: Feed, known: list[str], before: ItemState | None) -> None:
    result = outcome.result
    if result.status == "skipped":
        if before is not None:
            known.extend(before.finding_ids)
            state.touch(result.key, result.link, feed.source, outcome.etag, outcome.last_modified, outcome.raw_hash)
        return
    if result.status != "audited" or result.audit is None:
        return
    audit = result.audit
    rule_counts = Counter(f.rule for f in audit.findings)
    record = AuditRecord(result.key, audit.article.url or result.link, feed.source, outlet_of(audit, result.link),
                         audit.article.title or result.title, now_iso(), result.reason or "new", audit.score.overall,
                         audit.score.grade, dict(audit.score.categories), dict(rule_counts), len(audit.findings))
    state.record_audit(record, etag=outcome.etag, last_modified=outcome.last_modified, raw_hash=outcome.raw_hash,
                       text_hash=outcome.text_hash or "", date_modified=outcome.date_modified,
                       finding_ids=[f.id for f in audit.findings])
