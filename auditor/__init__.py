"""auditor: a source-credibility and bias-metadata auditor for news articles."""
from __future__ import annotations

__version__ = "0.1.0"

from .audit import Audit, audit_article, audit_html, audit_text, audit_url, get_ruleset  # noqa: E402

__all__ = ["Audit", "audit_article", "audit_html", "audit_text", "audit_url", "get_ruleset", "__version__"]
