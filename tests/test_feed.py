"""`auditor feed` against a local HTTP server on 127.0.0.1: faults, conditional re-runs, robots.txt,
thresholds and the outlet summary. Every test checks that each item is accounted for, and the exit code."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from auditor.cli import main
from auditor.feed.net import NetOptions, PoliteClient
from feedserver import FeedServer, article_html, rss, serve_robots

FAST = ["--timeout", "0.5", "--retries", "1", "--backoff", "0.01", "--delay", "0", "--concurrency", "4"]
FIXTURES = Path(__file__).parent / "fixtures" / "feeds"


def run_feed(capsys, *args: str) -> tuple[int, dict]:
    code = main(["feed", *args, "--summary-format", "json"])
    out = capsys.readouterr().out
    return code, json.loads(out)


def all_items(summary: dict) -> list[dict]:
    return [item for feed in summary["feeds"] for item in feed["items"]]


def assert_accounted(summary: dict, expected: int) -> list[dict]:
    """Every item appears once, with a status, and a reason unless it was audited as new."""
    items = all_items(summary)
    assert len(items) == expected
    for feed in summary["feeds"]:
        assert [i["index"] for i in feed["items"]] == list(range(1, len(feed["items"]) + 1))
    for item in items:
        assert item["status"] in ("audited", "skipped", "failed")
        if item["status"] != "audited":
            assert item["reason"], item
    counts = summary["counts"]
    assert counts["audited"] + counts["skipped"] + counts["failed"] == counts["items"] == expected
    return items


def by_link(summary: dict) -> dict[str, dict]:
    return {i["link"]: i for i in all_items(summary)}


# --- acceptance: 50 items, 10 failing in different ways; re-run is conditional ----------------------
FAULTS = {
    "/f/slow": ({"body": article_html(101), "fault": "slow", "delay": 1.2}, "timed out"),
    "/f/reset": ({"fault": "reset"}, "network error"),
    "/f/404": ({"status": 404}, "HTTP 404"),
    "/f/410": ({"status": 410}, "HTTP 410"),
    "/f/500": ({"status": 500}, "HTTP 500"),
    "/f/big": ({"body": article_html(102, extra="padding " * 4000)}, "limit"),
    "/f/loop": ({"fault": "redirect-loop"}, "redirects"),
    "/f/pdf": ({"body": b"%PDF-1.4 not a page", "content_type": "application/pdf"}, "not an article page"),
    "/f/empty": ({"body": "<html><head><title>x</title></head><body></body></html>"}, "no article text"),
}


def fifty_item_server(srv: FeedServer) -> str:
    serve_robots(srv)
    entries = []
    for n in range(1, 41):
        entries.append((f"Article {n}", srv.add(f"/a/{n}", article_html(n))))
    srv.routes["/a/7"].fault, srv.routes["/a/7"].fail_times = "flaky", 1  # 500 once, then 200
    for path, (options, _) in FAULTS.items():
        entries.append((f"Fault {path}", srv.add(path, **options)))
    entries.append(("Closed port", "http://127.0.0.1:9/nothing-listens-here"))
    return srv.add("/feed.xml", rss(entries), content_type="application/rss+xml")


def test_fifty_items_ten_failures_then_conditional_rerun(tmp_path, capsys):
    state = str(tmp_path / "state.sqlite")
    with FeedServer() as srv:
        feed = fifty_item_server(srv)
        args = [feed, *FAST, "--max-bytes", "20000", "--state", state, "--output", str(tmp_path / "out"),
                "-f", "json", "-f", "sarif", "-f", "junit", "-f", "csv"]
        code, summary = run_feed(capsys, *args, "--max-failed-items", "10")
        items = assert_accounted(summary, 50)
        assert code == 0
        assert summary["counts"]["audited"] == 40 and summary["counts"]["failed"] == 10
        links = by_link(summary)
        for path, (_, reason) in FAULTS.items():
            item = links[srv.url(path)]
            assert item["status"] == "failed" and reason in item["reason"], item
        assert links["http://127.0.0.1:9/nothing-listens-here"]["status"] == "failed"
        assert "after 2 attempts" in links[srv.url("/f/500")]["reason"]  # 5xx is retried
        assert "after" not in links[srv.url("/f/404")]["reason"]  # 4xx is not
        assert links[srv.url("/a/7")]["status"] == "audited" and links[srv.url("/a/7")]["attempts"] == 2
        assert all(i["reason"] == "new" for i in items if i["status"] == "audited")
        assert all(s.headers["user-agent"].startswith("auditor/") for s in srv.log)
        out = tmp_path / "out"
        assert len(list((out / "items").glob("*.json"))) == 40
        assert {p.name for p in out.iterdir()} >= {"auditor.sarif", "auditor.xml", "auditor.csv", "summary.md",
                                                     "summary.html", "summary.json"}

        # the exit code follows --max-failed-items; the unchanged server answers every page with 304
        before = len(srv.log)
        code, summary = run_feed(capsys, *args, "--max-failed-items", "9")
        assert code == 3
        assert_accounted(summary, 50)
        assert summary["counts"] == {**summary["counts"], "audited": 0, "skipped": 40, "failed": 10}
        assert all(i["reason"] == "unchanged (HTTP 304)" for i in all_items(summary) if i["status"] == "skipped")
        rerun = srv.log[before:]
        assert [s.status for s in rerun if s.path == "/feed.xml"] == [304]
        pages = [s for s in rerun if s.path.startswith("/a/")]
        assert len(pages) == 40 and all(s.status == 304 and s.headers.get("if-none-match") for s in pages)

        # one article's text changes, another's dateModified only: both are re-audited and reported changed
        srv.routes["/a/3"].body = article_html(3, extra="The mayor later vetoed the extension.").encode()
        srv.routes["/a/5"].body = article_html(5, modified="2025-01-07T09:00:00Z").encode()
        code, summary = run_feed(capsys, *args, "--max-failed-items", "10")
        assert code == 0
        assert_accounted(summary, 50)
        changed = {i["link"]: i["reason"] for i in all_items(summary) if i["status"] == "audited"}
        assert set(changed) == {srv.url("/a/3"), srv.url("/a/5")}
        assert changed[srv.url("/a/3")].startswith("changed: text")
        assert "dateModified" in changed[srv.url("/a/5")] and "text" not in changed[srv.url("/a/5")]
        assert summary["counts"]["changed"] == 2
        assert "Changed since last seen" in (tmp_path / "out" / "summary.md").read_text(encoding="utf-8")


def test_history_command_outlet_summary(tmp_path, capsys):
    state = str(tmp_path / "state.sqlite")
    with FeedServer() as srv:
        serve_robots(srv)
        links = [(f"<script>alert({n})</script> story", srv.add(f"/a/{n}", article_html(n))) for n in range(1, 4)]
        feed = srv.add("/feed.xml", rss(links))
        code, _ = run_feed(capsys, feed, *FAST, "--state", state, "--output", str(tmp_path / "out"))
        assert code == 0
    assert main(["history", "--state", state, "--format", "html"]) == 0
    page = capsys.readouterr().out
    assert "<svg" in page and "<script" not in page.lower() and "127.0.0.1" in page
    summary_html = (tmp_path / "out" / "summary.html").read_text(encoding="utf-8")
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in summary_html and "<script" not in summary_html.lower()
    assert main(["history", "--state", state, "--format", "md"]) == 0
    md = capsys.readouterr().out
    assert "| 127.0.0.1 | 3 | 3 |" in md
    assert main(["history", "--state", str(tmp_path / "missing.sqlite")]) == 2


def test_robots_txt_is_respected_unless_ignored(tmp_path, capsys):
    with FeedServer() as srv:
        serve_robots(srv, "User-agent: *\nDisallow: /private/\n")
        feed = srv.add("/feed.xml", rss([("open", srv.add("/public/1", article_html(1))),
                                         ("closed", srv.add("/private/2", article_html(2)))]))
        code, summary = run_feed(capsys, feed, *FAST, "--no-state")
        assert code == 0
        links = by_link(summary)
        assert links[srv.url("/public/1")]["status"] == "audited"
        assert links[srv.url("/private/2")] == {**links[srv.url("/private/2")], "status": "skipped",
                                                 "reason": "disallowed by robots.txt"}
        assert not srv.seen("/private/2")
        assert len(srv.seen("/robots.txt")) == 1  # fetched once per origin
        code, summary = run_feed(capsys, feed, *FAST, "--no-state", "--ignore-robots")
        assert code == 0 and summary["counts"]["audited"] == 2


def test_robots_server_error_means_disallow(capsys):
    with FeedServer() as srv:
        srv.add("/robots.txt", status=503)
        feed = srv.add("/feed.xml", rss([("a", srv.add("/a/1", article_html(1)))]))
        code, summary = run_feed(capsys, feed, *FAST, "--no-state")
        item = assert_accounted(summary, 1)[0]
        assert code == 0 and item["status"] == "skipped" and "treated as disallow" in item["reason"]


def test_entity_bomb_feed_fails_cleanly(capsys):
    with FeedServer() as srv:
        bomb = (FIXTURES / "bomb.xml").read_text().replace("{base}", srv.base)
        feed = srv.add("/bomb.xml", bomb, content_type="application/rss+xml")
        ok = srv.add("/ok.xml", rss([("a", srv.add("/a/1", article_html(1)))]))
        serve_robots(srv)
        code, summary = run_feed(capsys, feed, ok, *FAST, "--no-state")
        assert code == 3  # a failed feed counts as a failed item
        bad, good = summary["feeds"]
        assert bad["status"] == "failed" and "entity" in bad["reason"] and bad["items"] == []
        assert good["status"] == "ok" and good["items"][0]["status"] == "audited"
        code, _ = run_feed(capsys, feed, ok, *FAST, "--no-state", "--max-failed-items", "1")
        assert code == 0


def test_feed_level_faults_are_reported(capsys):
    with FeedServer() as srv:
        feeds = [srv.add("/slow.xml", rss([]), fault="slow", delay=1.2), srv.add("/gone.xml", status=404),
                 srv.add("/loop.xml", fault="redirect-loop"), srv.add("/big.xml", rss([("x", "http://127.0.0.1/x")] * 400)),
                 srv.add("/notfeed.xml", "<html><body><p>hello</p></body></html>")]
        code, summary = run_feed(capsys, *feeds, *FAST, "--no-state", "--feed-max-bytes", "20000")
        assert code == 3 and summary["counts"]["failed_feeds"] == 5
        reasons = [f["reason"] for f in summary["feeds"]]
        assert "timed out" in reasons[0] and "HTTP 404" in reasons[1] and "redirects" in reasons[2]
        assert "limit" in reasons[3] and "not a feed" in reasons[4]


@pytest.mark.parametrize("name, expected", [
    ("rss20.xml", 3), ("atom10.xml", 2), ("rss10.rdf", 1), ("rss091.xml", 1), ("jsonfeed.json", 2),
    ("latin1-undeclared.xml", 1), ("windows1251.xml", 1), ("whitespace-before-declaration.xml", 1),
])
def test_team_fixture_feeds_over_http(name, expected, capsys):
    with FeedServer() as srv:
        serve_robots(srv)
        srv.add("/news/library-hours", article_html(1))
        srv.add("/news/bridge-repairs", article_html(2, title="Bridge repairs to close Mill Street"))
        srv.add("/news/old-item", article_html(3))
        data = (FIXTURES / name).read_bytes().replace(b"{base}", srv.base.encode())
        feed = srv.add("/" + name, data, content_type="application/xml")  # no charset: the feed must say
        code, summary = run_feed(capsys, feed, *FAST, "--no-state")
        items = assert_accounted(summary, expected)
        assert code == 0, summary
        assert all(i["status"] == "audited" for i in items), items
        assert summary["feeds"][0]["title"]
        if name == "latin1-undeclared.xml":
            assert items[0]["title"] == "Câmara prolonga horário da biblioteca"
        if name == "windows1251.xml":
            assert items[0]["title"] == "Библиотека будет работать дольше"


def test_limit_since_and_feed_content(capsys):
    code, summary = run_feed(capsys, str(FIXTURES / "rss20.xml"), "--use-feed-content", "--no-state",
                             "--limit", "1", "--since", "2025-01-01")
    items = assert_accounted(summary, 3)
    assert code == 0
    assert [i["status"] for i in items] == ["audited", "skipped", "skipped"]
    assert items[1]["reason"] == "over --limit 1" and items[2]["reason"].startswith("older than --since")


def test_duplicate_items_are_listed_not_dropped(capsys):
    with FeedServer() as srv:
        serve_robots(srv)
        link = srv.add("/a/1", article_html(1))
        feed = srv.add("/feed.xml", rss([("a", link), ("a again", link)]))
        code, summary = run_feed(capsys, feed, *FAST, "--no-state")
        items = assert_accounted(summary, 2)
        assert code == 0 and items[1]["status"] == "skipped" and items[1]["reason"] == "duplicate of item 1"


def test_same_article_in_two_feeds_is_audited_once(capsys):
    with FeedServer() as srv:
        serve_robots(srv)
        link = srv.add("/a/1", article_html(1))
        first = srv.add("/one.xml", rss([("a", link)]))
        second = srv.add("/two.xml", rss([("a", link), ("b", srv.add("/a/2", article_html(2)))]))
        code, summary = run_feed(capsys, first, second, *FAST, "--no-state")
        items = assert_accounted(summary, 3)
        assert code == 0 and [i["status"] for i in items] == ["audited", "skipped", "audited"]
        assert items[1]["reason"] == f"duplicate of item 1 of {first}"
        assert len(srv.seen("/a/1")) == 1


def test_thresholds_and_baseline(tmp_path, capsys):
    slanted = ("<p>The regime's outrageous and shameful scheme was rammed through by radical extremists, a "
               "disgraceful betrayal that sparked outrage across the city.</p><p>Critics say the so-called reform "
               "is a disaster, and many believe it will be a catastrophe for everyone.</p>")
    feed = tmp_path / "feed.json"
    feed.write_text(json.dumps({"version": "https://jsonfeed.org/version/1.1", "title": "t", "items": [
        {"id": "1", "url": "https://news.example.org/a", "title": "A slanted piece", "content_html": slanted}]}))
    base = [str(feed), "--use-feed-content", "--no-state", "--fail-on", "warning"]
    code, summary = run_feed(capsys, *base)
    assert_accounted(summary, 1)
    assert code == 1 and summary["feeds"][0]["items"][0]["breaches"]
    baseline = tmp_path / "baseline.json"
    code, _ = run_feed(capsys, *base, "--write-baseline", str(baseline))
    assert code == 1 and json.loads(baseline.read_text())["fingerprints"]
    code, summary = run_feed(capsys, *base, "--baseline", str(baseline))
    assert code == 0 and not summary["feeds"][0]["items"][0]["breaches"]
    code, _ = run_feed(capsys, str(feed), "--use-feed-content", "--no-state", "--fail-under", "100")
    assert code == 1
    assert main(["feed", *base, "--baseline", str(tmp_path / "missing.json")]) == 2


def test_github_format_prints_annotations_and_writes_step_summary(tmp_path, capsys, monkeypatch):
    step = tmp_path / "step.md"
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(step))
    code = main(["feed", str(FIXTURES / "rss20.xml"), "--use-feed-content", "--no-state", "-f", "github",
                 "--fail-under", "101", "--output", str(tmp_path / "out")])
    out = capsys.readouterr().out
    assert code == 1
    assert "::error " in out and "auditor threshold" in out
    assert "# Feed audit" in step.read_text(encoding="utf-8")


def test_politeness_delay_spaces_requests_to_one_host():
    waits: list[float] = []
    client = PoliteClient(NetOptions(delay=5.0), sleep=waits.append)
    try:
        for _ in range(3):
            client._wait_turn("http://one.example/a")
        client._wait_turn("http://other.example/a")
    finally:
        client.close()
    assert len(waits) == 2 and waits[0] == pytest.approx(5.0, abs=0.5) and waits[1] == pytest.approx(10.0, abs=0.5)


def test_usage_errors_exit_2(capsys):
    assert main(["feed", "x.xml", "--since", "last tuesday"]) == 2
    assert main(["feed", "x.xml", "--concurrency", "0"]) == 2
    assert main(["feed", "x.xml", "--format", "sarif"]) == 2  # a file format needs --output


def test_text_summary_strips_terminal_escapes(tmp_path, capsys):
    feed = tmp_path / "feed.json"
    feed.write_text(json.dumps({"version": "https://jsonfeed.org/version/1.1", "title": "t\x1b[2J", "items": [
        {"id": "1", "title": "Evil \x1b]0;pwned\x07 title", "content_text": "The council met on Tuesday."}]}))
    assert main(["feed", str(feed), "--no-state", "--use-feed-content"]) == 0
    out = capsys.readouterr().out
    assert "\x1b" not in out and "\x07" not in out and "Evil ]0;pwned title" in out
