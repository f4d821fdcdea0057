"""Markdown: reads well on GitHub (job summaries, pull-request comments)."""
from __future__ import annotations

import re

from . import register

_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]<>()#+!|~])")


def md_escape(text: str) -> str:
    """Neutralise Markdown and HTML in stranger-supplied text."""
    return _MD_SPECIAL.sub(r"\\\1", " ".join(str(text).split()))


@register("md", "md")
def render(audit) -> str:
    a, sc = audit.article, audit.score
    out = [f"## Audit: {md_escape(a.title or a.location or 'untitled article')}", ""]
    out.append(f"**Score {sc.overall:g}/100 — grade {sc.grade}**  ")
    out.append(" · ".join(f"{c} {v:g}" for c, v in sc.categories.items()))
    out.append("")
    out.append("| | |\n|---|---|")
    out.append(f"| Outlet | {md_escape(a.outlet.domain or 'not identifiable')}"
               f"{' (' + md_escape(a.outlet.name) + ')' if a.outlet.name else ''} |")
    out.append(f"| Authors | {md_escape(', '.join(a.authors)) or 'none'} |")
    out.append(f"| Published | {md_escape(a.published or 'unknown')} |")
    out.append(f"| Kind | {a.kind} |")
    out.append(f"| Words | {a.word_count} |")
    out.append("")
    if audit.findings:
        out.append("| Severity | Points | Rule | Voice | Excerpt | Suggestion |")
        out.append("|---|---:|---|---|---|---|")
        for f in audit.findings:
            voice = f"{f.voice or '—'}{' (' + md_escape(f.speaker) + ')' if f.speaker else ''}"
            out.append(f"| {f.severity} | {f.deduction:g} | `{f.rule}` | {voice} | {md_escape(f.excerpt)[:120]} | "
                       f"{md_escape(f.suggestion or '')} |")
    else:
        out.append("No findings.")
    if audit.analysis.sources:
        out.append("")
        out.append("**Sources**")
        out.append("")
        for s in audit.analysis.sources[:12]:
            out.append(f"- {md_escape(s.name)} — {s.kind}, {s.quotes} quotes, {s.attributed_statements} statements, "
                       f"{s.share:.0%} of attributed words")
    return "\n".join(out) + "\n"
