"""Real feeds from ../shared/data/feeds: every one parses or fails with a clear reason, none crashes the run.
Skipped when the shared folder is absent. Pages are never fetched from the internet: the feed's own content
is audited (--use-feed-content), or item links are rewritten to pages on the local test server."""
from __future__ import annotations

import csv
import json
import re
from pathlib import Path

import pytest

from auditor.cli import main
from auditor.feed import FeedError, parse_feed
from feedserver import FeedServer, article_html, serve_robots

FEEDS = Path(__file__).resolve().parents[1] / ".." / "shared" / "data" / "feeds"
INDEX = FEEDS / "index.csv"
pytestmark = pytest.mark.skipif(not INDEX.is_file(), reason="../shared/data/feeds is not present")


def index_rows() -> list[dict]:
    if not INDEX.is_file():
        return []
    with INDEX.open(encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


@pytest.mark.parametrize("row", index_rows(), ids=lambda row: row["file"])
def test_real_feed_parses_or_fails_clearly(row):
    path = FEEDS / row["file"]
    try:
        feed = parse_feed(path.read_bytes(), str(path))
    except FeedError as exc:
        assert exc.reason and len(exc.reason) > 10
        return
    assert len(feed.items) == int(row["n_items"])
    assert all(item.key for item in feed.items)


def test_every_real_feed_in_one_run(capsys):
    rows = index_rows()
    sources = [str(FEEDS / row["file"]) for row in rows]
    code = main(["feed", *sources, "--use-feed-content", "--no-state", "--limit", "1", "--summary-format", "json",
                 "--max-failed-items", "1000"])
    summary = json.loads(capsys.readouterr().out)
    assert code in (0, 1)
    assert len(summary["feeds"]) == len(rows)
    for row, feed in zip(rows, summary["feeds"]):
        if feed["status"] == "failed":
            assert feed["reason"], feed
            continue
        assert len(feed["items"]) == int(row["n_items"]), row["file"]
        for item in feed["items"]:
            assert item["status"] in ("audited", "skipped", "failed")
            assert item["status"] == "audited" or item["reason"]


def test_real_feed_over_http_with_local_pages(capsys):
    data = (FEEDS / "rss-parser" / "guardian.rss").read_bytes()
    with FeedServer() as srv:
        serve_robots(srv)
        counter = iter(range(1, 1000))

        def local(match: re.Match) -> bytes:
            n = next(counter)
            srv.add(f"/g/{n}", article_html(n))
            return f"<link>{srv.base}/g/{n}</link>".encode()

        rewritten = re.sub(rb"<link>\s*https?://[^<]+</link>", local, data)
        feed = srv.add("/guardian.rss", rewritten, content_type="application/rss+xml")
        code = main(["feed", feed, "--no-state", "--limit", "4", "--timeout", "2", "--delay", "0",
                     "--summary-format", "json"])
        summary = json.loads(capsys.readouterr().out)
    assert code == 0
    items = summary["feeds"][0]["items"]
    assert len(items) == 55
    assert [i["status"] for i in items[:4]] == ["audited"] * 4
    assert all(i["status"] == "skipped" and i["reason"] == "over --limit 4" for i in items[4:])
    assert all(srv.base in i["link"] for i in items)
