"""Facts the human-facing reports share (HTML, Markdown, comparison): the transparency checklist,
the loaded terms, the neutral alternatives and the deductions behind each category score.

Pure functions of an Audit; no formatting here, so every format says the same thing."""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterable

from ..model import CATEGORIES, Finding

CATEGORY_LABELS = {
    "language": "Language",
    "sourcing": "Sourcing",
    "framing": "Framing",
    "transparency": "Transparency",
}
VOICE_LABELS = {
    "narrator": "the writer's own voice",
    "quoted": "inside a quotation",
    "attributed": "reported speech",
}

SCORE_IS_AND_IS_NOT = (
    ("It is", (
        "a count of wording, sourcing, framing and transparency habits that media-literacy guides "
        "ask readers to notice, each traced to a rule you can read;",
        "charged mainly for the writer's own voice: loaded words inside quotations are shown for "
        "information and cost nothing;",
        "scaled to length, so a long article is not punished for being long.",
    )),
    ("It is not", (
        "a fact-check: it does not know whether any statement is true;",
        "a verdict on the outlet, the writer or the people quoted;",
        "a substitute for reading: a rule can miss context, and an opinion column is expected to argue.",
    )),
)


@dataclass(frozen=True)
class CheckItem:
    """One line of the transparency checklist: `ok` is True, False, or None when it does not apply."""

    label: str
    ok: bool | None
    detail: str


@dataclass(frozen=True)
class Alternative:
    term: str
    suggestion: str
    count: int
    voices: tuple[str, ...]


@dataclass(frozen=True)
class Deduction:
    rule: str
    message: str
    count: int
    points: float


def normalise_term(excerpt: str) -> str:
    return re.sub(r"\s+", " ", excerpt.replace("’", "'")).strip().lower()


def body_findings(findings: Iterable[Finding]) -> list[Finding]:
    """Findings placed in the body text, in reading order."""
    return sorted((f for f in findings if f.field == "text" and f.start is not None and f.end is not None),
                  key=lambda f: (f.start, -(f.end or 0), f.rule))


def loaded_terms(audit) -> dict[str, list[Finding]]:
    """Language findings in the body and headline, keyed by their normalised wording."""
    terms: dict[str, list[Finding]] = {}
    for f in audit.findings:
        if f.category == "language" and f.field in ("text", "title") and f.excerpt:
            terms.setdefault(normalise_term(f.excerpt), []).append(f)
    return dict(sorted(terms.items()))


def alternatives(audit) -> list[Alternative]:
    """Each flagged wording that has a suggested neutral alternative, once, with how often it occurs."""
    grouped: dict[tuple[str, str], list[Finding]] = {}
    for f in audit.findings:
        if f.suggestion and f.excerpt and f.start is not None:
            grouped.setdefault((normalise_term(f.excerpt), f.suggestion), []).append(f)
    out = []
    for (term, suggestion), found in sorted(grouped.items()):
        voices = tuple(sorted({f.voice if f.field == "text" and f.voice else f.field for f in found}))
        out.append(Alternative(term, suggestion, len(found), voices))
    return out


def deductions(audit) -> dict[str, list[Deduction]]:
    """Per category, the rules that took points off, with how many findings and how many points."""
    table: dict[str, dict[str, list[Finding]]] = {c: {} for c in CATEGORIES}
    for f in audit.findings:
        if f.deduction > 0:
            table.setdefault(f.category, {}).setdefault(f.rule, []).append(f)
    out: dict[str, list[Deduction]] = {}
    for category, rules in table.items():
        rows = []
        for rule_id, found in rules.items():
            rule = audit.rules.by_id.get(rule_id)
            message = rule.message.split("{")[0].strip(" '\"‘“:") if rule else found[0].message
            rows.append(Deduction(rule_id, message or found[0].message, len(found),
                                  round(sum(f.deduction for f in found), 2)))
        out[category] = sorted(rows, key=lambda d: (-d.points, d.rule))
    return out


def transparency_checklist(audit) -> list[CheckItem]:
    """What the article tells readers about itself and its sources."""
    a = audit.article
    sources = audit.analysis.sources
    named = [s for s in sources if s.kind in ("named", "institution", "document")]
    anonymous = [s for s in sources if s.kind == "anonymous"]
    outlet = a.outlet.name or a.outlet.domain
    items = [
        CheckItem("Named author", bool(a.authors), ", ".join(a.authors) if a.authors else "no byline found"),
        CheckItem("About the author", bool(a.author_bios),
                  f"{len(a.author_bios)} author bio(s)" if a.author_bios else "no author bio found"),
        CheckItem("Publication date", bool(a.published), a.published or "not stated"),
        CheckItem("Update date", bool(a.modified) if a.modified else None, a.modified or "not stated (optional)"),
        CheckItem("Outlet identified", bool(outlet), outlet or "not identifiable"),
        CheckItem("Labelled as news, opinion or analysis", a.kind != "unknown",
                  a.kind if a.kind != "unknown" else "no label found"),
        CheckItem("Links to sources or documents", bool(a.links) if a.input_kind != "text" else None,
                  f"{len(a.links)} link(s) in the body" if a.input_kind != "text"
                  else "plain text: links cannot be seen"),
        CheckItem("Named sources", bool(named) if sources else False,
                  f"{len(named)} named, {len(anonymous)} anonymous" if sources else "nobody is cited"),
    ]
    for f in audit.findings:
        if f.category == "transparency" and f.field not in ("text", "title"):
            items.append(CheckItem(f.message, False, f"rule {f.rule}"))
    return items


def safe_href(url: str | None) -> str | None:
    """The URL when it is an absolute http(s) address without whitespace or control characters."""
    if not url:
        return None
    url = url.strip()
    if re.match(r"(?i)^https?://[^\s\x00-\x1f\x7f\"'<>`\\]+$", url):
        return url
    return None
