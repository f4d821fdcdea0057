"""The feed-run summary: every feed and every item with its fate, as text, Markdown, HTML or JSON."""
from __future__ import annotations

import html
import json
import re
from typing import Any

from ..report.markdown import md_escape
from .outlets import HTML_STYLE, OutletStats, render_html_section
from .outlets import render_markdown as outlets_markdown
from .runner import ItemResult, RunResult


def item_to_dict(item: ItemResult) -> dict[str, Any]:
    audit = item.audit
    return {
        "feed": item.feed, "index": item.index, "key": item.key, "link": item.link, "title": item.title,
        "status": item.status, "reason": item.reason, "changed": item.changed, "attempts": item.attempts,
        "score": audit.score.overall if audit else item.previous_score,
        "grade": audit.score.grade if audit else None,
        "findings": len(audit.findings) if audit else None,
        "outlet": audit.article.outlet.domain if audit else None,
    }


def run_to_dict(run: RunResult, exit_code: int | None = None, breaches: dict[str, list[str]] | None = None) -> dict:
    return {
        "started": run.started, "finished": run.finished,
        "counts": {"items": len(run.items), "audited": run.count("audited"), "changed": sum(i.changed for i in run.items),
                   "skipped": run.count("skipped"), "failed": run.count("failed"),
                   "feeds": len(run.feeds), "failed_feeds": len(run.failed_feeds)},
        "exit_code": exit_code,
        "feeds": [{"source": f.source, "title": f.title, "status": f.status, "reason": f.reason, "version": f.version,
                   "items": [dict(item_to_dict(i), breaches=(breaches or {}).get(_id(i), [])) for i in f.items]}
                  for f in run.feeds],
    }


def _id(item: ItemResult) -> str:
    return f"{item.feed}#{item.index}"


def _score(item: ItemResult) -> str:
    if item.audit:
        return f"{item.audit.score.overall:g} ({item.audit.score.grade})"
    return f"{item.previous_score:g} (last run)" if item.previous_score is not None else "—"


def _counts_line(run: RunResult) -> str:
    changed = sum(i.changed for i in run.items)
    return (f"{len(run.items)} items in {len(run.feeds)} feed(s): {run.count('audited')} audited "
            f"({changed} changed), {run.count('skipped')} skipped, {run.count('failed')} failed"
            + (f"; {len(run.failed_feeds)} feed(s) failed" if run.failed_feeds else ""))


def render_text(run: RunResult, breaches: dict[str, list[str]] | None = None) -> str:
    out = []
    for feed in run.feeds:
        if feed.status == "failed":
            out.append(f"FEED FAILED {_one_line(feed.source)}: {_one_line(feed.reason or '')}")
            continue
        out.append(f"feed {_one_line(feed.source)} — {_one_line(feed.title or 'untitled')} ({feed.version}, "
                   f"{len(feed.items)} items)" + (f"\n  note: {_one_line(feed.reason)}" if feed.reason else ""))
        for item in feed.items:
            label = item.title or item.link or item.key
            extra = "; ".join((breaches or {}).get(_id(item), []))
            out.append(f"  {item.index:>3} {item.status:<8} {_score(item):<16} {_one_line(label)[:70]}"
                       + (f"  [{_one_line(item.reason)}]" if item.reason else "") + (f"  FAIL: {extra}" if extra else ""))
    out.append(_counts_line(run))
    return "\n".join(out) + "\n"


_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")


def _one_line(text: str) -> str:
    """One line with no control characters: titles from strangers must not drive the terminal (ANSI escapes)."""
    return _CONTROL.sub("", " ".join(str(text).split()))


def render_markdown(run: RunResult, outlets: list[OutletStats] | None = None,
                    breaches: dict[str, list[str]] | None = None) -> str:
    out = ["# Feed audit", "", md_escape(_counts_line(run)), ""]
    changed = [i for i in run.items if i.changed]
    if changed:
        out += ["**Changed since last seen**", ""]
        out += [f"- {md_escape(i.title or i.link or i.key)} — {md_escape(i.reason or '')}" for i in changed]
        out.append("")
    for feed in run.feeds:
        out.append(f"## {md_escape(feed.title or feed.source)}")
        out.append("")
        out.append(f"Source: {md_escape(feed.source)}  ")
        if feed.status == "failed":
            out += [f"**Feed failed:** {md_escape(feed.reason or '')}", ""]
            continue
        if feed.reason:
            out.append(f"Note: {md_escape(feed.reason)}  ")
        out += ["", "| # | Status | Score | Article | Reason | Threshold |", "|---:|---|---:|---|---|---|"]
        for item in feed.items:
            label = md_escape(item.title or item.link or item.key)[:120]
            fail = md_escape("; ".join((breaches or {}).get(_id(item), [])))
            out.append(f"| {item.index} | {item.status} | {_score(item)} | {label} | {md_escape(item.reason or '')} "
                       f"| {fail} |")
        out.append("")
    if outlets is not None:
        out.append(outlets_markdown(outlets))
    return "\n".join(out) + "\n"


def render_html(run: RunResult, outlets: list[OutletStats] | None = None,
                breaches: dict[str, list[str]] | None = None) -> str:
    esc = html.escape
    out = ["<!DOCTYPE html><html lang=en><head><meta charset=utf-8><title>Feed audit</title>",
           f"<style>{HTML_STYLE}</style></head><body><h1>Feed audit</h1><p>{esc(_counts_line(run))}</p>"]
    for feed in run.feeds:
        out.append(f"<h2>{esc(feed.title or feed.source)}</h2><p>Source: <code>{esc(feed.source)}</code></p>")
        if feed.status == "failed":
            out.append(f"<p class=failed><strong>Feed failed:</strong> {esc(feed.reason or '')}</p>")
            continue
        if feed.reason:
            out.append(f"<p>Note: {esc(feed.reason)}</p>")
        out.append("<table><thead><tr><th>#</th><th>Status</th><th>Score</th><th>Article</th><th>Reason</th>"
                   "<th>Threshold</th></tr></thead><tbody>")
        for item in feed.items:
            label = esc(item.title or item.link or item.key)
            if item.link:  # only http(s) links reach here (parse keeps no other scheme)
                label = f'<a href="{esc(item.link, quote=True)}" rel="nofollow noopener">{label}</a>'
            fail = esc("; ".join((breaches or {}).get(_id(item), [])))
            out.append(f"<tr class={item.status}><td class=num>{item.index}</td><td>{item.status}</td>"
                       f"<td class=num>{esc(_score(item))}</td><td>{label}</td><td>{esc(item.reason or '')}</td>"
                       f"<td>{fail}</td></tr>")
        out.append("</tbody></table>")
    if outlets is not None:
        out.append(render_html_section(outlets))
    out.append("</body></html>\n")
    return "".join(out)


def render_json(run: RunResult, exit_code: int | None = None, breaches: dict[str, list[str]] | None = None) -> str:
    return json.dumps(run_to_dict(run, exit_code, breaches), ensure_ascii=False, indent=2) + "\n"
