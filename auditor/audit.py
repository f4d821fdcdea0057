"""The pipeline: source → Article → analysis → rules → findings → score → Audit."""
from __future__ import annotations

import dataclasses
import gc
import hashlib
import re
import threading
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any, Iterable, Iterator

from .analysis import analyse
from .analysis.attribution import UNSPECIFIED
from .config import Config
from .errors import UsageError
from .extract.html import from_html, registered_domain
from .extract.text import from_text
from .links import LinkReport, Ratings, assess_links, resolve_ratings
from .model import ARTICLE_KINDS, Analysis, Article, Finding, Outlet, Score
from .ruleset.engine import Hit, RuleSet
from .ruleset.loader import build_ruleset
from .score import deduction, score
from .textutil import forget_document_tokens

SCHEMA_VERSION = "1.0"
METADATA_KEYS = ("title", "url", "authors", "author_bios", "published", "modified", "section", "kind",
                 "language", "outlet_name", "outlet_domain")


@dataclass(frozen=True)
class Audit:
    article: Article
    analysis: Analysis
    findings: tuple[Finding, ...]
    score: Score
    rules: RuleSet
    # the reference ratings table the report cites; None = the bundled derived table, read on first use
    ratings: Ratings | None = None

    @cached_property
    def link_report(self) -> LinkReport:
        """Links classed by domain, their counts and the reference ratings (computed when first asked for)."""
        return assess_links(self.article, self.analysis, self.ratings)

    def to_dict(self) -> dict[str, Any]:
        from .report.jsonfmt import audit_to_dict
        with gc_paused():
            return audit_to_dict(self)


_RULESETS: dict[tuple, RuleSet] = {}

# The cyclic garbage collector sleeps while an audit is analysed and reported. An audit makes a
# short-lived object for every word, sentence, match and finding, reference counting frees them all
# (none forms a cycle), and each few hundred of them would otherwise wake the collector, which now and
# then walks every live object of the process: the compiled rules, the public suffix list. That came
# to about a tenth of the audit time (bench/README.md). It wakes as it was; anything that did form a
# cycle is collected later; a program that keeps it off keeps it off; concurrent audits share one pause.
_gc_lock = threading.Lock()
_gc_pausers = 0
_gc_restore = False


@contextmanager
def gc_paused() -> Iterator[None]:
    global _gc_pausers, _gc_restore
    with _gc_lock:
        if _gc_pausers == 0:
            _gc_restore = gc.isenabled()
            gc.disable()
        _gc_pausers += 1
    try:
        yield
    finally:
        with _gc_lock:
            _gc_pausers -= 1
            if _gc_pausers == 0 and _gc_restore:
                gc.enable()


def get_ruleset(rules_dirs: Iterable[str | Path] | None = None, config: Config | None = None) -> RuleSet:
    """Compiled rules, cached per (folders, config): loading and compiling happens once per process."""
    config = config or Config()
    dirs = tuple(str(Path(d).resolve()) for d in (rules_dirs or ())) + tuple(str(d) for d in config.rules_dirs)
    key = (dirs, config)
    if key not in _RULESETS:
        _RULESETS[key] = build_ruleset([Path(d) for d in dirs], config)
    return _RULESETS[key]


def apply_metadata(article: Article, metadata: dict[str, Any]) -> Article:
    """Explicit metadata overrides what was extracted."""
    unknown = set(metadata) - set(METADATA_KEYS)
    if unknown:
        raise UsageError(f"unknown metadata {', '.join(sorted(unknown))}; allowed: {', '.join(METADATA_KEYS)}")
    changes: dict[str, Any] = {}
    for key, value in metadata.items():
        if value is None:
            continue
        if key in ("authors", "author_bios"):
            changes[key] = tuple([value] if isinstance(value, str) else value)
        elif key == "kind":
            if value not in ARTICLE_KINDS:
                raise UsageError(f"kind must be one of {', '.join(ARTICLE_KINDS)} (got {value!r})")
            changes[key] = value
        elif key not in ("outlet_name", "outlet_domain"):
            changes[key] = str(value)
    outlet = article.outlet
    url = changes.get("url", article.url)
    if "url" in changes and not metadata.get("outlet_domain"):
        outlet = Outlet(registered_domain(url), outlet.name)
    if metadata.get("outlet_domain") or metadata.get("outlet_name"):
        outlet = Outlet(metadata.get("outlet_domain") or outlet.domain, metadata.get("outlet_name") or outlet.name)
    changes["outlet"] = outlet
    return dataclasses.replace(article, **changes)


def run(article: Article, rules: RuleSet, category_weights: dict[str, float] | None = None, *,
        domain_ratings: str | Path | Ratings | None = None) -> Audit:
    ratings = resolve_ratings(domain_ratings)
    with gc_paused():
        analysis = analyse(article)
        text_hits = rules.check(article, analysis)
        hits = text_hits + rules.check_document(article, analysis, text_hits)
        findings = _findings(hits, article)
        forget_document_tokens()
    result_score = score([(f.category, f.deduction) for f in findings], category_weights)
    return Audit(article, analysis, tuple(findings), result_score, rules, ratings)


def _findings(hits: list[Hit], article: Article) -> list[Finding]:
    words = article.word_count
    seen: dict[str, int] = {}
    repeats: dict[tuple[str, str], int] = {}  # (rule, field) -> findings so far, for the repeat damping
    out: list[Finding] = []
    field_order = {"title": 0, "text": 1}
    for hit in sorted(hits, key=lambda h: (field_order.get(h.field, 2), h.field, h.start if h.start is not None else -1,
                                           h.rule.id)):
        rule = hit.rule
        repeat = repeats.get((rule.id, hit.field), 0)
        points = deduction(rule.weight, hit.field, hit.voice, rule.scope, words, repeat)
        if points > 0:
            repeats[(rule.id, hit.field)] = repeat + 1  # only findings that cost points are repeats
        severity = rule.severity
        if hit.field in ("text", "title") and points == 0 and hit.voice in ("quoted", "attributed"):
            severity = "info"
        norm = re.sub(r"\s+", " ", hit.excerpt.lower()).strip()
        base = f"{rule.id}|{hit.field}|{norm}"
        n = seen.get(base, 0)
        seen[base] = n + 1
        fingerprint = hashlib.sha1(f"{base}|{n}".encode("utf-8")).hexdigest()[:16]
        message = rule.message.replace("{match}", hit.excerpt).replace("{value}", hit.excerpt)
        if "{voice}" in message:
            message = " ".join(message.replace("{voice}", _voice_phrase(hit)).split()).replace(" :", ":")
        out.append(Finding(
            id=fingerprint, rule=rule.id, category=rule.category, severity=severity, message=message,
            field=hit.field, start=hit.start, end=hit.end, excerpt=hit.excerpt,
            voice=hit.voice if hit.field in ("text", "title") else None,  # type: ignore[arg-type]
            speaker=hit.speaker, suggestion=hit.suggestion, deduction=points, sentence=hit.sentence,
            note=hit.note or _repeat_note(hit.field, repeat, points),
        ))
    return out


def _repeat_note(field: str, repeat: int, points: float) -> str | None:
    """Why a repeated finding in a short field costs less than its rule's weight."""
    if field == "text" or repeat == 0 or points == 0:
        return None
    times = "once" if repeat == 1 else f"{repeat} times"
    return (f"this rule already fired {times} in this field; each repeat costs half the one before, "
            f"so this finding costs {points:g} points")


def _voice_phrase(hit: Hit) -> str:
    """What a rule message's {voice} says: whose words the match is in ("in a quotation from Jane Doe")."""
    speaker = hit.speaker if hit.speaker and hit.speaker != UNSPECIFIED else None
    if hit.field == "title":
        if hit.voice == "quoted":
            return f"in a quotation from {speaker} in the headline" if speaker else "in a quotation in the headline"
        if hit.voice == "attributed":
            return f"in the headline, in words it attributes to {speaker}" if speaker else \
                "in the headline, in words it attributes to others"
        return "in the headline"
    if hit.field.startswith("author_bios"):
        return "in the author's bio"
    if hit.field != "text":
        return ""
    words = speaker.split() if speaker else []
    if len(words) > 1 and words[0] in ("The", "A", "An") and words[1][:1].islower():
        speaker = speaker[0].lower() + speaker[1:]  # "The treasurer" opened its sentence; mid-sentence it is "the"
    if hit.voice == "quoted":
        return f"in a quotation from {speaker}" if speaker else "in a quotation"
    if hit.voice == "attributed":
        return f"in words attributed to {speaker}" if speaker else "in words the text attributes to others"
    return "in the writer's own voice"


# --- public entry points ------------------------------------------------------------------------
def _rules_and_weights(rules_dirs, config: Config | None, ruleset: RuleSet | None):
    rules = ruleset or get_ruleset(rules_dirs, config)
    weights = dict(config.category_weights) if config else None
    return rules, weights


def audit_article(article: Article, *, rules_dirs=None, config: Config | None = None,
                  ruleset: RuleSet | None = None, domain_ratings: str | Path | Ratings | None = None,
                  **metadata: Any) -> Audit:
    """`domain_ratings`: a CSV file (domain,rating[,label]) or loaded Ratings to cite instead of the
    bundled reference table (see docs/links.md)."""
    rules, weights = _rules_and_weights(rules_dirs, config, ruleset)
    return run(apply_metadata(article, metadata), rules, weights, domain_ratings=domain_ratings)


def audit_text(text: str, *, markdown: bool = False, location: str | None = None, rules_dirs=None,
               config: Config | None = None, ruleset: RuleSet | None = None,
               domain_ratings: str | Path | Ratings | None = None, **metadata: Any) -> Audit:
    """Audit plain text (or Markdown); keyword metadata (title, authors, published, kind, url, …)
    overrides what the text says of itself."""
    article = from_text(text, markdown=markdown, location=location)
    return audit_article(article, rules_dirs=rules_dirs, config=config, ruleset=ruleset,
                         domain_ratings=domain_ratings, **metadata)


def audit_html(html: str | bytes, url: str | None = None, *, location: str | None = None, rules_dirs=None,
               config: Config | None = None, ruleset: RuleSet | None = None,
               domain_ratings: str | Path | Ratings | None = None, **metadata: Any) -> Audit:
    article = from_html(html, url=url, location=location)
    return audit_article(article, rules_dirs=rules_dirs, config=config, ruleset=ruleset,
                         domain_ratings=domain_ratings, **metadata)


def audit_url(url: str, *, rules_dirs=None, config: Config | None = None, ruleset: RuleSet | None = None,
              timeout: float = 15.0, max_bytes: int = 10_000_000,
              domain_ratings: str | Path | Ratings | None = None, **metadata: Any) -> Audit:
    from .fetch import fetch
    domain_ratings = resolve_ratings(domain_ratings)  # a bad ratings file fails before the fetch
    fetched = fetch(url, timeout=timeout, max_bytes=max_bytes)
    if "html" in fetched.content_type or fetched.content.lstrip()[:1] == b"<" or not fetched.content_type:
        return audit_html(fetched.content, url=fetched.url, location=url, rules_dirs=rules_dirs, config=config,
                          ruleset=ruleset, domain_ratings=domain_ratings, **metadata)
    text = fetched.content.decode("utf-8", "replace")
    return audit_text(text, location=url, rules_dirs=rules_dirs, config=config, ruleset=ruleset,
                      domain_ratings=domain_ratings, **{"url": fetched.url, **metadata})
