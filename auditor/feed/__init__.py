"""Feed audits for CI: read RSS/Atom/JSON feeds, audit new or changed articles, remember what was seen.

    from auditor.feed import FeedOptions, NetOptions, State, run_feeds
    with State("reports/auditor-state.sqlite") as state:
        run = run_feeds(["https://example.org/feed.xml"], FeedOptions(), state)
    for item in run.items:
        print(item.status, item.reason, item.link)
"""
from __future__ import annotations

from .net import NetOptions, PoliteClient
from .parse import Feed, FeedError, FeedItem, parse_feed
from .runner import FeedOptions, FeedResult, ItemResult, RunResult, run_feeds
from .state import State

__all__ = ["Feed", "FeedError", "FeedItem", "FeedOptions", "FeedResult", "ItemResult", "NetOptions", "PoliteClient",
           "RunResult", "State", "parse_feed", "run_feeds"]
