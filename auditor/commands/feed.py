"""`auditor feed SOURCE...`: audit the articles of RSS/Atom/JSON feeds for CI. Parses arguments, prints and
writes files; the work happens in auditor.feed."""
from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path
from typing import Callable

from ..cli import EXIT_INPUT, EXIT_OK, EXIT_THRESHOLD, add_rule_options, add_threshold_options, config_from
from ..errors import UsageError

DEFAULT_STATE = "reports/auditor-state.sqlite"
EXIT_HELP = """\
exit codes:
  0  every feed read; no audited item breached a threshold; failed items within --max-failed-items
  1  an audited item breached --fail-under or --fail-on (findings in --baseline do not count)
  2  usage, rule or configuration error (nothing was fetched)
  3  more items failed than --max-failed-items allows (default 0); a feed that cannot be fetched or parsed
     counts as one failed item. 3 wins over 1.
Unchanged articles (skipped) are not re-judged; every item is listed as audited, skipped or failed.
See docs/ci.md."""


def add_parser(sub: argparse._SubParsersAction) -> dict[str, Callable[[argparse.Namespace], int]]:
    from .. import report
    p = sub.add_parser("feed", help="audit the articles of RSS, Atom or JSON feeds (URLs or files)",
                       description="Read feeds, fetch and audit each new or changed article, and summarise.",
                       epilog=EXIT_HELP, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("sources", nargs="+", metavar="SOURCE", help="feed URL or file (RSS 0.9x/1.0/2.0, Atom, JSON Feed)")
    out = p.add_argument_group("output")
    out.add_argument("--output", "-o", metavar="DIR", help="write per-item reports, batch reports and summary.{md,html,json}")
    out.add_argument("--format", "-f", action="append", choices=report.names(), metavar="FMT",
                     help=f"report format, repeatable ({', '.join(report.names())}); per-item formats write "
                          "DIR/items/*, batch formats (sarif, junit, csv, github) one DIR/auditor.EXT (default: json)")
    out.add_argument("--summary-format", choices=("text", "md", "html", "json"), default="text",
                     help="the summary printed on stdout (default text)")
    sel = p.add_argument_group("which items")
    sel.add_argument("--limit", type=int, metavar="N", help="process at most N items of each feed (feed order)")
    sel.add_argument("--since", metavar="WHEN", help="skip items dated before WHEN (ISO date, or 36h/7d/2w ago)")
    sel.add_argument("--use-feed-content", action="store_true", help="audit the content in the feed; fetch no pages")
    net = p.add_argument_group("network")
    net.add_argument("--concurrency", type=int, default=4, metavar="N", help="parallel fetches (default 4)")
    net.add_argument("--delay", type=float, default=1.0, metavar="S",
                     help="seconds between requests to one host (default 1; robots.txt Crawl-delay can raise it)")
    net.add_argument("--timeout", type=float, default=15.0, metavar="S", help="per request (default 15)")
    net.add_argument("--retries", type=int, default=2, metavar="N",
                     help="retries on timeouts, connection errors and 5xx (default 2)")
    net.add_argument("--backoff", type=float, default=1.0, metavar="S",
                     help="first retry delay, doubled each retry (default 1)")
    net.add_argument("--max-bytes", type=int, default=5_000_000, metavar="N", help="size cap per page (default 5 MB)")
    net.add_argument("--feed-max-bytes", type=int, default=10_000_000, metavar="N", help="size cap per feed (10 MB)")
    net.add_argument("--max-redirects", type=int, default=5, metavar="N")
    net.add_argument("--ignore-robots", action="store_true", help="do not consult robots.txt (only for your own sites)")
    st = p.add_argument_group("state")
    st.add_argument("--state", default=DEFAULT_STATE, metavar="PATH", help=f"SQLite history (default {DEFAULT_STATE})")
    st.add_argument("--no-state", action="store_true", help="remember nothing: audit every item, keep no history")
    ci = p.add_argument_group("CI")
    add_threshold_options(ci)
    ci.add_argument("--max-failed-items", type=int, default=0, metavar="N",
                    help="exit 3 only when more than N items (or feeds) failed (default 0)")
    ci.add_argument("--baseline", metavar="FILE", help="finding fingerprints to ignore for --fail-on and JUnit failures")
    ci.add_argument("--write-baseline", metavar="FILE", help="write the fingerprints of every current finding")
    add_rule_options(p)

    h = sub.add_parser("history", help="outlet summary from the feed history (scores over time, frequent rules)")
    h.add_argument("--state", default=DEFAULT_STATE, metavar="PATH", help=f"SQLite history (default {DEFAULT_STATE})")
    h.add_argument("--format", "-f", choices=("md", "html", "json"), default="md")
    h.add_argument("--outlet", metavar="DOMAIN", help="only this outlet domain")
    h.add_argument("--output", "-o", metavar="FILE", help="write to FILE instead of stdout")
    return {"feed": cmd_feed, "history": cmd_history}


def cmd_feed(args: argparse.Namespace) -> int:
    from .. import report
    from ..feed import FeedOptions, NetOptions, State, run_feeds
    from ..feed.parse import parse_since
    from ..report._ci import load_baseline, policy_from_config, write_baseline
    for name in ("concurrency", "retries", "max_bytes", "feed_max_bytes", "max_redirects"):
        if getattr(args, name) < (1 if name == "concurrency" else 0):
            raise UsageError(f"--{name.replace('_', '-')} must be {'at least 1' if name == 'concurrency' else '0 or more'}")
    if args.limit is not None and args.limit < 0:
        raise UsageError("--limit must be 0 or more")
    try:
        since = parse_since(args.since) if args.since else None
    except ValueError as exc:
        raise UsageError(str(exc)) from None
    config = config_from(args)
    baseline = load_baseline(args.baseline) if args.baseline else frozenset()
    policy = policy_from_config(config, baseline)
    formats = [report.get(name) for name in (args.format or (["json"] if args.output else []))]
    if not args.output and any(f.name != "github" for f in formats):
        raise UsageError("--format writes files: give --output DIR (only github prints, as annotations on stdout)")
    options = FeedOptions(
        net=NetOptions(timeout=args.timeout, retries=args.retries, backoff=args.backoff, max_bytes=args.max_bytes,
                       feed_max_bytes=args.feed_max_bytes, max_redirects=args.max_redirects, delay=args.delay,
                       respect_robots=not args.ignore_robots),
        concurrency=args.concurrency, limit=args.limit, since=since, use_feed_content=args.use_feed_content,
        config=config)
    with State(":memory:" if args.no_state else args.state) as state:
        run = run_feeds(args.sources, options, state)
        history = state.history()
    return _report(args, run, history, formats, policy, write_baseline)


def _report(args, run, history, formats, policy, write_baseline) -> int:
    from ..feed.outlets import outlet_stats
    from ..feed import summary
    from ..report import github
    breaches = {f"{i.feed}#{i.index}": policy.breaches(i.audit) for i in run.items if i.audit is not None}
    failed_count = run.count("failed") + len(run.failed_feeds)
    breached = any(breaches.values())
    code = EXIT_INPUT if failed_count > args.max_failed_items else (EXIT_THRESHOLD if breached else EXIT_OK)
    audits = run.audits
    failed_pairs = [(i.link or i.key, i.reason or "failed") for i in run.items if i.status == "failed"]
    failed_pairs += [(f.source, f"feed failed: {f.reason}") for f in run.failed_feeds]
    skipped_pairs = [(i.link or i.key, i.reason or "skipped") for i in run.items if i.status == "skipped"]
    outlets = outlet_stats(history)
    batch_options = {"policy": policy, "failed": failed_pairs, "skipped": skipped_pairs, "step_summary": False,
                     "suite_name": "auditor feed"}
    if args.output:
        out_dir = Path(args.output)
        (out_dir / "items").mkdir(parents=True, exist_ok=True)
        for formatter in formats:
            if formatter.render_many:
                (out_dir / f"auditor.{formatter.extension}").write_text(
                    formatter.render_many(audits, **batch_options), encoding="utf-8")
                continue
            feed_numbers = {f.source: n for n, f in enumerate(run.feeds, 1)}
            for item in run.items:
                if item.audit is not None:
                    stem = f"{feed_numbers[item.feed]:02d}-{item.index:03d}-{_slug(item.title or item.link or item.key)}"
                    (out_dir / "items" / f"{stem}.{formatter.extension}").write_text(
                        formatter.render(item.audit), encoding="utf-8")
        (out_dir / "summary.md").write_text(summary.render_markdown(run, outlets, breaches), encoding="utf-8")
        (out_dir / "summary.html").write_text(summary.render_html(run, outlets, breaches), encoding="utf-8")
        (out_dir / "summary.json").write_text(summary.render_json(run, code, breaches), encoding="utf-8")
    if any(f.name == "github" for f in formats):
        sys.stdout.write(github.render_many(audits, policy=policy, failed=failed_pairs, step_summary=False))
        github.append_step_summary(summary.render_markdown(run, outlets, breaches))
    printer = {"text": lambda: summary.render_text(run, breaches), "json": lambda: summary.render_json(run, code, breaches),
               "md": lambda: summary.render_markdown(run, outlets, breaches),
               "html": lambda: summary.render_html(run, outlets, breaches)}[args.summary_format]
    sys.stdout.write(printer())
    if args.write_baseline:
        ids = [f.id for a in audits for f in a.findings] + list(run.known_findings)
        count = write_baseline(args.write_baseline, ids)
        print(f"auditor: wrote {count} fingerprint(s) to {args.write_baseline}", file=sys.stderr)
    if code == EXIT_INPUT:
        print(f"auditor: {failed_count} item(s) or feed(s) failed, more than --max-failed-items "
              f"{args.max_failed_items}", file=sys.stderr)
    elif code == EXIT_THRESHOLD:
        print(f"auditor: {sum(1 for b in breaches.values() if b)} article(s) breached a threshold", file=sys.stderr)
    return code


def _slug(text: str) -> str:
    text = re.sub(r"^[a-z]+://", "", text, flags=re.IGNORECASE)
    return re.sub(r"[^A-Za-z0-9]+", "-", text).strip("-").lower()[:60] or "item"


def cmd_history(args: argparse.Namespace) -> int:
    import json
    from dataclasses import asdict
    from ..feed import State
    from ..feed.outlets import outlet_stats, render_html, render_markdown
    if not Path(args.state).is_file():
        raise UsageError(f"{args.state}: no state file yet (run `auditor feed` first, or give --state PATH)")
    with State(args.state) as state:
        stats = outlet_stats(state.history(args.outlet))
    if args.format == "json":
        text = json.dumps([asdict(s) for s in stats], ensure_ascii=False, indent=2) + "\n"
    elif args.format == "html":
        text = render_html(stats)
    else:
        text = render_markdown(stats)
    if args.output:
        Path(args.output).parent.mkdir(parents=True, exist_ok=True)
        Path(args.output).write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)
    return EXIT_OK
