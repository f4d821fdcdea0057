"""Markdown: reads well on GitHub (job summaries, pull-request comments).

Every stranger-supplied string passes through `md_escape`, which neutralises both Markdown and HTML,
so an article cannot inject links, images or markup into the comment it is reported in."""
from __future__ import annotations

import re

from ..model import CATEGORIES
from . import register
from ._facts import (CATEGORY_LABELS, SCORE_IS_AND_IS_NOT, VOICE_LABELS, alternatives, deductions, safe_href,
                     transparency_checklist)

_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]<>()#+!|~&:])")
MAX_EXCERPT = 120


def md_escape(text: str) -> str:
    """Neutralise Markdown and HTML in stranger-supplied text (also autolinks: ':' is escaped)."""
    return _MD_SPECIAL.sub(r"\\\1", " ".join(str(text).split()))


def _clip(text: str, limit: int = MAX_EXCERPT) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _bar(value: float, width: int = 10) -> str:
    filled = int(round(max(0.0, min(100.0, value)) / 100 * width))
    return "█" * filled + "░" * (width - filled)


def _voice(f) -> str:
    if f.voice is None:
        return "headline" if f.field == "title" else md_escape(f.field)
    if f.field == "title" and f.voice == "narrator":
        return "headline"
    label = {"narrator": "narrator", "quoted": "quoted", "attributed": "attributed"}.get(f.voice, f.voice)
    label = f"headline, {label}" if f.field == "title" else label
    return label + (f" ({md_escape(f.speaker)})" if f.speaker else "")


def _mark(ok) -> str:
    return "✅ yes" if ok else ("➖ n/a" if ok is None else "❌ no")


def _article_lines(audit, level: int = 2) -> list[str]:
    a, sc = audit.article, audit.score
    h = "#" * level
    out = [f"{h} Audit: {md_escape(a.title or a.location or 'untitled article')}", ""]
    out.append(f"**Score {sc.overall:g}/100 — grade {sc.grade}** · {len(audit.findings)} finding(s) · "
               f"{sum(1 for f in audit.findings if f.deduction > 0)} cost points")
    out.append("")
    outlet = " — ".join(md_escape(x) for x in (a.outlet.name, a.outlet.domain) if x) or "not identifiable"
    href = safe_href(a.url)
    out += ["| | |", "|---|---|",
            f"| Outlet | {outlet} |",
            f"| Authors | {md_escape(', '.join(a.authors)) or 'none named'} |",
            f"| Published | {md_escape(a.published or 'not stated')} |",
            f"| Kind | {md_escape(a.kind)} |",
            f"| Words | {a.word_count} |"]
    if a.url:
        out.append(f"| Address | {f'<{href}>' if href and '>' not in href else md_escape(a.url)} |")
    out.append("")

    out += [f"{h}# Scores", "", "| Category | Score | | Points off |", "|---|---:|---|---:|"]
    for c in CATEGORIES:
        value = sc.categories.get(c, 100.0)
        out.append(f"| {CATEGORY_LABELS[c]} | {value:g} | `{_bar(value)}` | {sc.deductions.get(c, 0):g} |")
    out.append(f"| **Overall** | **{sc.overall:g}** | `{_bar(sc.overall)}` | |")
    out.append("")
    table = deductions(audit)
    rows = [(c, d) for c in CATEGORIES for d in table.get(c, [])]
    if rows:
        out += ["<details><summary>What took points off</summary>", "",
                "| Category | Rule | Found | Points |", "|---|---|---:|---:|"]
        out += [f"| {CATEGORY_LABELS[c]} | {md_escape(d.message)} (`{d.rule}`) | {d.count} | −{d.points:g} |"
                for c, d in rows]
        out += ["", "</details>", ""]

    out += [f"{h}# Findings", ""]
    if not audit.findings:
        out += ["No findings.", ""]
    else:
        out += ["| # | Category | Severity | Points | Voice | Excerpt | Message | Try instead |",
                "|---:|---|---|---:|---|---|---|---|"]
        for n, f in enumerate(audit.findings, 1):
            excerpt = f"“{md_escape(_clip(f.excerpt))}”" if f.excerpt else ""
            out.append(f"| {n} | {f.category} | {f.severity} | {f.deduction:g} | {_voice(f)} | {excerpt} | "
                       f"{md_escape(_clip(f.message, 160))} | {md_escape(f.suggestion or '')} |")
        out.append("")
        used = sorted({f.rule for f in audit.findings})
        out += ["<details><summary>Why these rules matter</summary>", ""]
        for rule_id in used:
            rule = audit.rules.by_id.get(rule_id)
            if rule is None:
                continue
            ref = safe_href(rule.link)
            more = f" ([reference](<{ref}>))" if ref and ">" not in ref else ""
            out.append(f"- `{rule_id}`: {md_escape(rule.description)}{more}")
        out += ["", "</details>", ""]

    out += [f"{h}# Source map", ""]
    sources = audit.analysis.sources
    if sources:
        out += ["| Who | Kind | Quotes | Statements | Share of attributed words |", "|---|---|---:|---:|---|"]
        for s in sources:
            who = md_escape(s.name) + (f" ({md_escape(s.title)})" if s.title else "")
            out.append(f"| {who} | {s.kind} | {s.quotes} | {s.attributed_statements} | "
                       f"`{_bar(s.share * 100)}` {s.share:.0%} |")
    else:
        out.append("Nobody is quoted or cited.")
    out.append("")

    out += [f"{h}# Transparency checklist", ""]
    out += [f"- {_mark(i.ok)} — {md_escape(i.label)}: {md_escape(i.detail)}" for i in transparency_checklist(audit)]
    out.append("")

    alts = alternatives(audit)
    if alts:
        out += [f"{h}# Neutral alternatives", "", "| Wording | Try instead | Times | Where |", "|---|---|---:|---|"]
        out += [f"| “{md_escape(x.term)}” | {md_escape(x.suggestion)} | {x.count} | {md_escape(', '.join(x.voices))} |"
                for x in alts]
        out.append("")
    return out


def _about_lines() -> list[str]:
    out = ["<details><summary>What this score is and is not</summary>", ""]
    for head, items in SCORE_IS_AND_IS_NOT:
        out.append(f"**{head}:**")
        out += [f"- {item}" for item in items]
        out.append("")
    out += ["Voices: " + "; ".join(f"*{k}* = {v}" for k, v in VOICE_LABELS.items()) + ".", "", "</details>", ""]
    return out


def render_many(audits) -> str:
    out: list[str] = []
    for audit in audits:
        out += _article_lines(audit)
    return "\n".join(out + _about_lines())


@register("md", "md", render_many=render_many)
def render(audit) -> str:
    return "\n".join(_article_lines(audit) + _about_lines())


def render_comparison(comparison) -> str:
    """Several articles side by side (see auditor.compare)."""
    arts = comparison.articles
    head = "| | " + " | ".join(f"**{c.label}**" for c in arts) + " |"
    rule = "|---|" + "---:|" * len(arts)
    out = [f"## Comparison of {len(arts)} articles", ""]
    out += [f"- **{c.label}**: {md_escape(c.name)} — {md_escape(c.audit.article.outlet.name or c.audit.article.outlet.domain or 'outlet not identifiable')}"
            f", {md_escape(', '.join(c.audit.article.authors) or 'no author named')}, {md_escape(c.audit.article.kind)}"
            for c in arts]
    out += ["", "### Scores", "", head, rule]
    out.append("| **Overall** | " + " | ".join(f"**{c.audit.score.overall:g}** ({c.audit.score.grade})" for c in arts) + " |")
    for cat in CATEGORIES:
        out.append(f"| {CATEGORY_LABELS[cat]} | " + " | ".join(f"{c.audit.score.categories.get(cat, 100):g}" for c in arts) + " |")
    out.append("| Findings | " + " | ".join(str(len(c.audit.findings)) for c in arts) + " |")
    out += ["", "### Loaded terms", ""]
    if comparison.terms:
        out.append(f"{len(comparison.shared_terms)} of {len(comparison.terms)} loaded term(s) appear in more than "
                   "one article (**bold**). A count in brackets is how many are in the writer's own voice.")
        out += ["", head.replace("| |", "| Term |", 1), rule]
        for t in comparison.terms:
            name = f"**“{md_escape(t.term)}”**" if t.shared else f"“{md_escape(t.term)}”"
            cells = [f"{n} ({v})" if n else "–" for n, v in zip(t.counts, t.narrator)]
            out.append(f"| {name} | " + " | ".join(cells) + " |")
    else:
        out.append("No loaded terms were found in any of the articles.")
    out.append("")
    for c in arts:
        out += [f"### {c.label}. {md_escape(c.name)}", "", "**Source map**", ""]
        sources = c.audit.analysis.sources
        out += [f"- {md_escape(s.name)} — {s.kind}, {s.quotes} quote(s), {s.attributed_statements} statement(s), "
                f"{s.share:.0%} of attributed words" for s in sources] or ["- nobody is quoted or cited"]
        out += ["", "**Transparency checklist**", ""]
        out += [f"- {_mark(i.ok)} — {md_escape(i.label)}: {md_escape(i.detail)}" for i in c.checklist]
        if c.alternatives:
            out += ["", "**Neutral alternatives**", ""]
            out += [f"- “{md_escape(x.term)}” → {md_escape(x.suggestion)} ({x.count}×)" for x in c.alternatives]
        out.append("")
    return "\n".join(out + _about_lines())
