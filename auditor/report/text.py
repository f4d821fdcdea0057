"""Plain text for the terminal: the summary, then each finding with its sentence."""
from __future__ import annotations

import textwrap

from . import register


def _clip(s: str, n: int = 160) -> str:
    s = " ".join(s.split())
    return s if len(s) <= n else s[: n - 1] + "…"


@register("text", "txt")
def render(audit) -> str:
    a, sc = audit.article, audit.score
    lines = [
        f"{a.title or '(untitled)'}",
        f"  source: {a.location or '-'}   outlet: {a.outlet.domain or '?'}"
        f"{' (' + a.outlet.name + ')' if a.outlet.name else ''}",
        f"  authors: {', '.join(a.authors) or 'none'}   published: {a.published or 'unknown'}   kind: {a.kind}"
        f"   words: {a.word_count}",
        f"  score: {sc.overall:g}/100 (grade {sc.grade})   "
        + "   ".join(f"{c} {v:g}" for c, v in sc.categories.items()),
        "",
    ]
    if not audit.findings:
        lines.append("  no findings")
    for f in audit.findings:
        where = f"{f.field}" + (f":{f.start}-{f.end}" if f.start is not None else "")
        voice = f" [{f.voice}{' · ' + f.speaker if f.speaker else ''}]" if f.voice else ""
        lines.append(f"  {f.severity:<7} -{f.deduction:<5g} {f.rule}  {where}{voice}")
        lines.append(textwrap.indent(textwrap.fill(f.message, 96), "      "))
        if f.sentence:
            lines.append(f"      > {_clip(f.sentence)}")
        if f.suggestion:
            lines.append(f"      suggestion: {f.suggestion}")
    named = [s for s in audit.analysis.sources]
    if named:
        lines.append("")
        lines.append("  sources:")
        for s in named[:12]:
            lines.append(f"    {s.name} ({s.kind}{', ' + s.title if s.title else ''}): {s.quotes} quotes, "
                         f"{s.attributed_statements} statements, {s.share:.0%} of attributed words")
    return "\n".join(lines) + "\n"
