"""Outlet summary from the history: per outlet domain, items audited, the score distribution, the most
frequent rules and the trend over time. Markdown (a text sparkline) and HTML (inline SVG, no JavaScript).
Everything that came from a feed or a page is escaped."""
from __future__ import annotations

import html
import statistics
from collections import Counter, defaultdict
from dataclasses import dataclass
from typing import Iterable

from ..report.markdown import md_escape
from .state import AuditRecord

BINS = ((0, 50), (50, 60), (60, 70), (70, 80), (80, 90), (90, 101))
_SPARKS = "▁▂▃▄▅▆▇█"


@dataclass(frozen=True)
class OutletStats:
    domain: str
    items: int  # distinct articles ever audited
    audits: int  # audits recorded, re-audits of changed articles included
    mean: float
    median: float
    distribution: tuple[tuple[str, int], ...]  # ("70–79", n) over each article's latest score
    top_rules: tuple[tuple[str, int], ...]  # over each article's latest audit
    trend: tuple[tuple[str, float, int], ...]  # (day, mean score of that day's audits, n)


def outlet_stats(records: Iterable[AuditRecord], top: int = 5) -> list[OutletStats]:
    by_outlet: dict[str, list[AuditRecord]] = defaultdict(list)
    for record in records:
        by_outlet[record.outlet or "unknown"].append(record)
    stats = []
    for domain in sorted(by_outlet):
        rows = sorted(by_outlet[domain], key=lambda r: r.audited_at)
        latest = {r.key: r for r in rows}  # later audits of the same article win
        scores = [r.score for r in latest.values()]
        bins = []
        for low, high in BINS:
            label = f"{low}–{min(high, 100) - (0 if high > 100 else 1)}"
            bins.append((label, sum(1 for s in scores if low <= s < high)))
        rules: Counter[str] = Counter()
        for r in latest.values():
            rules.update(r.rule_counts)
        days: dict[str, list[float]] = defaultdict(list)
        for r in rows:
            days[r.audited_at[:10]].append(r.score)
        trend = tuple((day, round(statistics.fmean(v), 1), len(v)) for day, v in sorted(days.items()))
        stats.append(OutletStats(domain, len(latest), len(rows), round(statistics.fmean(scores), 1),
                                 round(statistics.median(scores), 1), tuple(bins),
                                 tuple(sorted(rules.items(), key=lambda kv: (-kv[1], kv[0]))[:top]), trend))
    return stats


def sparkline(values: list[float]) -> str:
    if not values:
        return ""
    return "".join(_SPARKS[min(7, max(0, int(v / 100 * 7.999)))] for v in values)


def render_markdown(stats: list[OutletStats], heading: str = "Outlets") -> str:
    out = [f"## {md_escape(heading)}", ""]
    if not stats:
        return "\n".join(out + ["No audits recorded yet.", ""])
    out += ["| Outlet | Articles | Audits | Mean | Median | Trend (daily mean) | Most frequent rules |",
            "|---|---:|---:|---:|---:|---|---|"]
    for s in stats:
        trend = sparkline([t[1] for t in s.trend])
        first, last = (s.trend[0][1], s.trend[-1][1]) if s.trend else (s.mean, s.mean)
        rules = ", ".join(f"`{md_escape(rule)}` ×{n}" for rule, n in s.top_rules) or "none"
        out.append(f"| {md_escape(s.domain)} | {s.items} | {s.audits} | {s.mean:g} | {s.median:g} | "
                   f"{trend} {first:g} → {last:g} | {rules} |")
    out += ["", "**Score distribution** (each article's latest audit)", "",
            "| Outlet | " + " | ".join(label for label, _ in stats[0].distribution) + " |",
            "|---|" + "---:|" * len(stats[0].distribution)]
    for s in stats:
        out.append(f"| {md_escape(s.domain)} | " + " | ".join(str(n) for _, n in s.distribution) + " |")
    return "\n".join(out) + "\n"


def trend_svg(trend: tuple[tuple[str, float, int], ...], width: int = 240, height: int = 60) -> str:
    """A small line chart of the daily mean score (0–100), with a title for each point."""
    pad = 4
    inner_w, inner_h = width - 2 * pad, height - 2 * pad
    esc = html.escape
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
             f'viewBox="0 0 {width} {height}" role="img" aria-label="score trend">',
             f'<rect x="0" y="0" width="{width}" height="{height}" fill="#f6f8fa" stroke="#d0d7de"/>']
    for level in (50, 75):
        y = pad + inner_h * (1 - level / 100)
        parts.append(f'<line x1="{pad}" y1="{y:.1f}" x2="{width - pad}" y2="{y:.1f}" stroke="#d0d7de" '
                     f'stroke-dasharray="2,2"/>')
    n = len(trend)
    points = []
    for i, (day, mean, count) in enumerate(trend):
        x = pad + (inner_w * (i / (n - 1)) if n > 1 else inner_w / 2)
        y = pad + inner_h * (1 - max(0.0, min(100.0, mean)) / 100)
        points.append((x, y, day, mean, count))
    if len(points) > 1:
        parts.append('<polyline fill="none" stroke="#0969da" stroke-width="2" points="'
                     + " ".join(f"{x:.1f},{y:.1f}" for x, y, *_ in points) + '"/>')
    for x, y, day, mean, count in points:
        parts.append(f'<circle cx="{x:.1f}" cy="{y:.1f}" r="2.5" fill="#0969da">'
                     f'<title>{esc(day)}: mean {mean:g} over {count} audit(s)</title></circle>')
    parts.append("</svg>")
    return "".join(parts)


def distribution_svg(distribution: tuple[tuple[str, int], ...], width: int = 180, height: int = 60) -> str:
    top = max((n for _, n in distribution), default=0) or 1
    bar_w = width / max(1, len(distribution))
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
             f'viewBox="0 0 {width} {height}" role="img" aria-label="score distribution">']
    for i, (label, n) in enumerate(distribution):
        h = (height - 12) * n / top
        parts.append(f'<rect x="{i * bar_w + 2:.1f}" y="{height - 12 - h:.1f}" width="{bar_w - 4:.1f}" '
                     f'height="{h:.1f}" fill="#8250df"><title>{html.escape(label)}: {n}</title></rect>')
        parts.append(f'<text x="{i * bar_w + bar_w / 2:.1f}" y="{height - 2}" font-size="8" '
                     f'text-anchor="middle">{html.escape(label.split("–")[0])}</text>')
    parts.append("</svg>")
    return "".join(parts)


HTML_STYLE = ("body{font-family:system-ui,sans-serif;margin:2rem;color:#1f2328}"
              "table{border-collapse:collapse;margin:1rem 0}td,th{border:1px solid #d0d7de;padding:.3rem .6rem;"
              "vertical-align:top;text-align:left}th{background:#f6f8fa}.num{text-align:right}"
              ".audited{color:#1a7f37}.skipped{color:#6e7781}.failed{color:#cf222e}code{font-size:90%}")


def render_html_section(stats: list[OutletStats], heading: str = "Outlets") -> str:
    esc = html.escape
    out = [f"<h2>{esc(heading)}</h2>"]
    if not stats:
        return out[0] + "<p>No audits recorded yet.</p>"
    out.append("<table><thead><tr><th>Outlet</th><th>Articles</th><th>Audits</th><th>Mean</th><th>Median</th>"
               "<th>Trend (daily mean)</th><th>Distribution</th><th>Most frequent rules</th></tr></thead><tbody>")
    for s in stats:
        rules = "<br>".join(f"<code>{esc(rule)}</code> ×{n}" for rule, n in s.top_rules) or "none"
        out.append(f"<tr><td>{esc(s.domain)}</td><td class=num>{s.items}</td><td class=num>{s.audits}</td>"
                   f"<td class=num>{s.mean:g}</td><td class=num>{s.median:g}</td><td>{trend_svg(s.trend)}</td>"
                   f"<td>{distribution_svg(s.distribution)}</td><td>{rules}</td></tr>")
    out.append("</tbody></table>")
    return "".join(out)


def render_html(stats: list[OutletStats], title: str = "Outlet summary") -> str:
    return ("<!DOCTYPE html><html lang=en><head><meta charset=utf-8>"
            f"<title>{html.escape(title)}</title><style>{HTML_STYLE}</style></head><body>"
            f"<h1>{html.escape(title)}</h1>{render_html_section(stats)}</body></html>\n")
