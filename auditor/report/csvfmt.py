"""CSV: a row per article, for spreadsheets and dashboards. Cells that a spreadsheet would run as a formula
are defused (a leading ' before = + - @), since titles come from strangers."""
from __future__ import annotations

import csv
import io
from collections import Counter
from typing import Any, Sequence

from . import register
from ._ci import Policy, artifact_uri
from ..model import CATEGORIES, SEVERITIES

COLUMNS = ("location", "url", "title", "outlet", "outlet_name", "kind", "published", "words", "score", "grade",
           *(f"score_{c}" for c in CATEGORIES), "findings", *(f"findings_{s}" for s in SEVERITIES),
           "narrator_findings", "points_lost", "breaches")


def _cell(value: Any) -> Any:
    if isinstance(value, str):
        value = " ".join(value.split())
        if value[:1] in ("=", "+", "-", "@", "\t", "\r"):
            return "'" + value
    return "" if value is None else value


def row(audit, policy: Policy) -> dict[str, Any]:
    a, sc = audit.article, audit.score
    severities = Counter(f.severity for f in audit.findings)
    values: dict[str, Any] = {
        "location": artifact_uri(audit), "url": a.url, "title": a.title, "outlet": a.outlet.domain,
        "outlet_name": a.outlet.name, "kind": a.kind, "published": a.published, "words": a.word_count,
        "score": f"{sc.overall:g}", "grade": sc.grade,
        **{f"score_{c}": f"{sc.categories.get(c, 100.0):g}" for c in CATEGORIES},
        "findings": len(audit.findings), **{f"findings_{s}": severities.get(s, 0) for s in SEVERITIES},
        "narrator_findings": sum(1 for f in audit.findings if f.voice == "narrator"),
        "points_lost": f"{sum(f.deduction for f in audit.findings):g}",
        "breaches": "; ".join(policy.breaches(audit)),
    }
    return {k: _cell(v) for k, v in values.items()}


def render_many(audits: Sequence, *, policy: Policy | None = None, **_: Any) -> str:
    policy = policy or Policy()
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    for audit in audits:
        writer.writerow(row(audit, policy))
    return buffer.getvalue()


@register("csv", "csv", render_many=render_many)
def render(audit, **options: Any) -> str:
    return render_many([audit], **options)
