"""JSON: the machine-readable report; its schema ships as auditor/schema/audit.schema.json."""
from __future__ import annotations

import json
from typing import Any

from ..analysis import source_summary
from ..links import link_report_dict
from . import register


def _flat(record: Any) -> dict[str, Any]:
    """A flat frozen dataclass (strings, numbers, None) as a dict; dataclasses.asdict deep-copies and
    is several times slower on the hundreds of records of a long article."""
    return dict(record.__dict__)


def audit_to_dict(audit) -> dict[str, Any]:
    from .. import __version__
    from ..audit import SCHEMA_VERSION
    article = audit.article
    link_items, link_summary, reference_ratings = link_report_dict(audit.link_report)
    return {
        "schema_version": SCHEMA_VERSION,
        "tool": {"name": "auditor", "version": __version__},
        "input": {"kind": article.input_kind, "location": article.location},
        "article": {
            "title": article.title, "url": article.url,
            "outlet": {"domain": article.outlet.domain, "name": article.outlet.name},
            "authors": list(article.authors), "author_bios": list(article.author_bios),
            "published": article.published, "modified": article.modified, "section": article.section,
            "kind": article.kind, "language": article.language, "word_count": article.word_count,
        },
        "text": article.text,
        "score": {"overall": audit.score.overall, "grade": audit.score.grade,
                  "categories": dict(audit.score.categories), "deductions": dict(audit.score.deductions)},
        "findings": [_flat(f) for f in audit.findings],
        "sources": [_flat(s) for s in audit.analysis.sources],
        "source_summary": source_summary(audit.analysis),
        "attributions": [_flat(a) for a in audit.analysis.attributions],
        "title_attributions": [_flat(a) for a in audit.analysis.title_attributions],
        "links": [{**_flat(link), **extra} for link, extra in zip(article.links, link_items)],
        "link_summary": link_summary,
        "reference_ratings": reference_ratings,
    }


@register("json", "json")
def render(audit) -> str:
    return json.dumps(audit.to_dict(), ensure_ascii=False, indent=2) + "\n"
