"""GitHub Actions: workflow-command annotations on stdout (::warning file=…,line=…::message), and a Markdown
job summary appended to $GITHUB_STEP_SUMMARY when that variable is set.

Escaping follows the runner's rules: in the message % \\r \\n are percent-encoded; in property values also
: and , (otherwise a title with a comma would end the property list)."""
from __future__ import annotations

import os
from typing import Any, Sequence

from . import register
from ._ci import Policy, artifact_uri, local_file, place
from .markdown import md_escape

LEVELS = {"error": "error", "warning": "warning", "info": "notice"}


def escape_data(text: str) -> str:
    return str(text).replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def command(level: str, message: str, **properties: Any) -> str:
    props = ",".join(f"{k}={escape_property(str(v))}" for k, v in properties.items() if v is not None)
    return f"::{level}{' ' + props if props else ''}::{escape_data(message)}"


def annotations(audit, policy: Policy) -> list[str]:
    lines = []
    path = local_file(audit)
    file_prop = artifact_uri(audit) if path is not None else None
    where_name = artifact_uri(audit)
    for finding in policy.new_findings(audit):
        spot = place(audit, finding)
        props: dict[str, Any] = {"file": file_prop}
        if spot is not None and spot.in_file:
            props.update(line=spot.start_line, col=spot.start_col, endLine=spot.end_line, endColumn=spot.end_col)
        elif file_prop:
            props["line"] = 1
        props["title"] = f"{finding.rule}" + ("" if file_prop else f" ({where_name})")
        text = finding.message
        if finding.excerpt and finding.excerpt not in text:
            text += f": “{finding.excerpt}”"
        if finding.suggestion:
            text += f" (suggestion: {finding.suggestion})"
        if finding.voice and finding.voice != "narrator":
            text += f" [{finding.voice}{' by ' + finding.speaker if finding.speaker else ''}]"
        lines.append(command(LEVELS.get(finding.severity, "warning"), text, **props))
    for reason in policy.breaches(audit):
        lines.append(command("error", f"{where_name}: {reason}", file=file_prop, title="auditor threshold"))
    return lines


def summary_markdown(audits: Sequence, policy: Policy, failed: Sequence[tuple[str, str]] = ()) -> str:
    out = ["### Auditor", "", "| Article | Outlet | Score | Grade | Findings | Result |", "|---|---|---:|---|---:|---|"]
    for audit in audits:
        a = audit.article
        reasons = policy.breaches(audit)
        out.append(f"| {md_escape(a.title or artifact_uri(audit))[:100]} | {md_escape(a.outlet.domain or '—')} | "
                   f"{audit.score.overall:g} | {audit.score.grade} | {len(audit.findings)} | "
                   f"{'❌ ' + md_escape('; '.join(reasons)) if reasons else '✅'} |")
    for name, reason in failed:
        out.append(f"| {md_escape(name)[:100]} | — | — | — | — | ⚠️ {md_escape(reason)} |")
    return "\n".join(out) + "\n\n"


def append_step_summary(markdown: str) -> bool:
    """Append to $GITHUB_STEP_SUMMARY when set; True when written."""
    target = os.environ.get("GITHUB_STEP_SUMMARY")
    if not target:
        return False
    with open(target, "a", encoding="utf-8") as handle:
        handle.write(markdown)
    return True


def render_many(audits: Sequence, *, policy: Policy | None = None, failed: Sequence[tuple[str, str]] = (),
                step_summary: bool = True, **_: Any) -> str:
    """Annotations for every new finding and every threshold breach; the job summary as a side effect
    (only when $GITHUB_STEP_SUMMARY is set and step_summary is true)."""
    policy = policy or Policy()
    lines = [line for audit in audits for line in annotations(audit, policy)]
    for name, reason in failed:
        lines.append(command("error", f"{name}: {reason}", title="auditor input"))
    if step_summary:
        append_step_summary(summary_markdown(audits, policy, failed))
    return "\n".join(lines) + ("\n" if lines else "")


@register("github", "txt", render_many=render_many)
def render(audit, **options: Any) -> str:
    return render_many([audit], **options)
