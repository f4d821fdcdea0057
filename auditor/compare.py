"""Several audits of articles on the same story, side by side: scores, the loaded terms each uses and
which they share, source maps, transparency checklists and neutral alternatives.

`compare(audits)` is a pure function; report formats (`html`, `md`) and `Comparison.to_dict()` (JSON)
present it."""
from __future__ import annotations

import string
from dataclasses import asdict, dataclass
from typing import Any, Sequence

from .report._facts import Alternative, CheckItem, alternatives, loaded_terms, transparency_checklist

MAX_ARTICLES = 26  # labelled A–Z


@dataclass(frozen=True)
class TermUse:
    """One loaded wording across the compared articles: counts[i] is how often article i uses it,
    narrator[i] how many of those are in the writer's own voice."""

    term: str
    counts: tuple[int, ...]
    narrator: tuple[int, ...]

    @property
    def used_by(self) -> tuple[int, ...]:
        return tuple(i for i, n in enumerate(self.counts) if n)

    @property
    def shared(self) -> bool:
        return len(self.used_by) > 1


@dataclass(frozen=True)
class Compared:
    """One article in a comparison."""

    label: str  # "A", "B", …
    name: str  # the title, else where it came from
    audit: Any  # auditor.audit.Audit
    checklist: tuple[CheckItem, ...]
    alternatives: tuple[Alternative, ...]


@dataclass(frozen=True)
class Comparison:
    articles: tuple[Compared, ...]
    terms: tuple[TermUse, ...]

    @property
    def shared_terms(self) -> tuple[TermUse, ...]:
        return tuple(t for t in self.terms if t.shared)

    def terms_of(self, index: int) -> tuple[TermUse, ...]:
        return tuple(t for t in self.terms if t.counts[index])

    def to_dict(self) -> dict[str, Any]:
        articles = []
        for index, c in enumerate(self.articles):
            a, sc = c.audit.article, c.audit.score
            articles.append({
                "label": c.label, "name": c.name,
                "input": {"kind": a.input_kind, "location": a.location},
                "article": {"title": a.title, "url": a.url,
                            "outlet": {"domain": a.outlet.domain, "name": a.outlet.name},
                            "authors": list(a.authors), "published": a.published, "kind": a.kind,
                            "word_count": a.word_count},
                "score": {"overall": sc.overall, "grade": sc.grade, "categories": dict(sc.categories),
                          "deductions": dict(sc.deductions)},
                "findings": len(c.audit.findings),
                "loaded_terms": [{"term": t.term, "count": t.counts[index], "narrator": t.narrator[index],
                                  "shared": t.shared} for t in self.terms_of(index)],
                "sources": [asdict(s) for s in c.audit.analysis.sources],
                "checklist": [asdict(item) for item in c.checklist],
                "alternatives": [asdict(alt) | {"voices": list(alt.voices)} for alt in c.alternatives],
            })
        return {
            "articles": articles,
            "terms": [{"term": t.term, "counts": list(t.counts), "narrator": list(t.narrator),
                       "used_by": [self.articles[i].label for i in t.used_by]} for t in self.terms],
            "shared_terms": [t.term for t in self.shared_terms],
        }


def compare(audits: Sequence[Any]) -> Comparison:
    """Put audits side by side; raises ValueError for fewer than one or more than 26 audits."""
    if not audits or len(audits) > MAX_ARTICLES:
        raise ValueError(f"compare takes 1 to {MAX_ARTICLES} audits (got {len(audits)})")
    per_article = [loaded_terms(a) for a in audits]
    all_terms = sorted(set().union(*per_article))
    terms = tuple(
        TermUse(term,
                tuple(len(found.get(term, ())) for found in per_article),
                tuple(sum(1 for f in found.get(term, ()) if f.voice == "narrator") for found in per_article))
        for term in all_terms)
    articles = tuple(
        Compared(label=string.ascii_uppercase[i], name=_name(a, i), audit=a,
                 checklist=tuple(transparency_checklist(a)), alternatives=tuple(alternatives(a)))
        for i, a in enumerate(audits))
    return Comparison(articles, terms)


def _name(audit, index: int) -> str:
    article = audit.article
    return " ".join((article.title or article.location or f"Article {index + 1}").split())
