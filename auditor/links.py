"""Outbound links classed by domain — primary, news, social, own, other — and the published reference
ratings of the outlet and of the linked domains.

The class lists are data (rules/resources/domains.yaml); the bundled ratings are a derived table of
Lin et al. (2023) in auditor/data/domain_quality.csv (see auditor/data/README.md). Both are read once per
process, on first use, and classifying a link is a handful of dict lookups over its host's parent domains.
The ratings are reported as a reference signal with their provenance, never folded into the score."""
from __future__ import annotations

import csv
import math
import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources as importlib_resources
from pathlib import Path
from typing import TYPE_CHECKING, Literal, Mapping
from urllib.parse import urlsplit

import yaml

from .errors import ConfigError, RuleFileError
from .extract.html import registered_domain
from .ruleset.loader import default_rules_dir

if TYPE_CHECKING:
    from .model import Analysis, Article, Link

LinkClass = Literal["primary", "news", "social", "own", "other"]
LINK_CLASSES: tuple[str, ...] = ("primary", "news", "social", "own", "other")
RATINGS_NOTE = "a reference signal from published ratings, not this tool's verdict"
MAX_RATINGS_BYTES = 20_000_000
_LISTED_CLASSES = ("primary", "social", "news", "other")
_PLAIN_ROW = re.compile(r"((?!www\.)[a-z0-9-]+(?:\.[a-z0-9-]+)+),(-?[0-9]+(?:\.[0-9]+)?)")


class RatingsFileError(ConfigError):
    """A domain-ratings file cannot be read or has a malformed row; points at path:line."""


# --- ratings ------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Ratings:
    """A table of domain → (rating, label) with where it came from."""

    source: str
    scale: str
    provided_by: Literal["auditor", "user"]
    date: str | None = None
    values: Mapping[str, tuple[float, str | None]] = field(default_factory=dict, repr=False, compare=False)

    def get(self, domain: str | None) -> tuple[float, str | None] | None:
        return self.values.get(domain) if domain else None


@lru_cache(maxsize=1)
def bundled_ratings() -> Ratings:
    """The derived Lin et al. (2023) table shipped in auditor/data/."""
    path = importlib_resources.files("auditor") / "data" / "domain_quality.csv"
    return _parse_ratings(path.read_text(encoding="utf-8"), "auditor/data/domain_quality.csv", "auditor")


def load_ratings(path: str | Path) -> Ratings:
    """A user's ratings file (CSV: domain,rating[,label]; '#' comment lines; optional header row;
    '# source: …', '# scale: …' and '# date: …' comments describe it). Raises RatingsFileError."""
    file = Path(path)
    try:
        stat = file.stat()
    except OSError as exc:
        raise RatingsFileError(str(path), None, None, f"cannot read ratings file: {exc.strerror or exc}") from None
    if not file.is_file():
        raise RatingsFileError(str(path), None, None, "not a regular file")
    if stat.st_size > MAX_RATINGS_BYTES:
        raise RatingsFileError(str(path), None, None, f"ratings file is larger than {MAX_RATINGS_BYTES} bytes")
    return _cached_user_ratings(str(file.resolve()), stat.st_mtime_ns, stat.st_size, str(path))


@lru_cache(maxsize=8)
def _cached_user_ratings(resolved: str, mtime_ns: int, size: int, shown: str) -> Ratings:
    try:
        text = Path(resolved).read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise RatingsFileError(shown, None, None, f"cannot read ratings file: {exc}") from None
    return _parse_ratings(text, shown, "user")


def resolve_ratings(domain_ratings: str | Path | Ratings | None) -> Ratings | None:
    """What the API's `domain_ratings=` accepts: a path, a loaded Ratings, or None for the bundled table
    (left None here so the bundled table is read only when a report asks for it)."""
    if domain_ratings is None or isinstance(domain_ratings, Ratings):
        return domain_ratings
    return load_ratings(domain_ratings)


def _parse_ratings(text: str, shown: str, provided_by: Literal["auditor", "user"]) -> Ratings:
    described: dict[str, str] = {}
    values: dict[str, tuple[float, str | None]] = {}
    first_line: dict[str, int] = {}
    header_allowed = True
    for number, line in enumerate(text.splitlines(), 1):
        plain = _PLAIN_ROW.fullmatch(line)
        if plain and plain.group(1) not in values:
            # the common row, a bare domain and a plain number (the bundled table's 11,000 rows), read fast
            values[plain.group(1)] = (float(plain.group(2)), None)
            first_line[plain.group(1)] = number
            header_allowed = False
            continue
        stripped = line.strip()
        if not stripped:
            continue
        if stripped.startswith("#"):
            key, sep, value = stripped[1:].partition(":")
            if sep and key.strip().lower() in ("source", "scale", "date") and value.strip():
                described.setdefault(key.strip().lower(), value.strip())
            continue
        row = next(csv.reader([line]))
        if header_allowed and row and row[0].strip().lower() == "domain":
            header_allowed = False
            continue
        header_allowed = False
        if len(row) not in (2, 3):
            raise RatingsFileError(shown, number, 1, f"expected domain,rating[,label] (got {len(row)} fields)")
        domain = _normalise_domain(row[0])
        if not domain:
            raise RatingsFileError(shown, number, 1, f"not a domain: {row[0].strip()[:80]!r}")
        try:
            rating = float(row[1])
        except ValueError:
            rating = math.nan
        if not math.isfinite(rating):
            raise RatingsFileError(shown, number, len(row[0]) + 2, f"rating must be a number (got {row[1].strip()[:40]!r})")
        if domain in values:
            raise RatingsFileError(shown, number, 1, f"{domain} is listed twice (first at line {first_line[domain]})")
        label = row[2].strip() if len(row) == 3 and row[2].strip() else None
        values[domain] = (rating, label)
        first_line[domain] = number
    if provided_by == "user":
        source = described.get("source") or f"user-supplied ratings file {Path(shown).name}"
        scale = described.get("scale") or "as given in the ratings file"
    else:
        source, scale = described["source"], described["scale"]
    return Ratings(source=source, scale=scale, provided_by=provided_by, date=described.get("date"), values=values)


def _normalise_domain(value: str) -> str | None:
    domain = value.strip().lower()
    if "://" in domain:
        domain = domain.split("://", 1)[1]
    domain = domain.split("/", 1)[0].strip(".")
    domain = domain[4:] if domain.startswith("www.") else domain
    if "." not in domain or any(not label for label in domain.split(".")) or " " in domain:
        return None
    return domain


# --- classification -----------------------------------------------------------------------------
@dataclass(frozen=True)
class _ClassLists:
    by_domain: Mapping[str, str]
    country_second_levels: frozenset[str]


@lru_cache(maxsize=1)
def _class_lists() -> _ClassLists:
    data = _domains_file()
    by_domain: dict[str, str] = {}
    for link_class in _LISTED_CLASSES:
        for entry in (data.get(link_class) or {}).get("domains") or []:
            by_domain[str(entry).strip().lower().strip(".")] = link_class
    second = frozenset(str(v).strip().lower() for v in (data.get("primary") or {}).get("country_second_levels") or [])
    return _ClassLists(by_domain, second)


def _domains_file() -> dict:
    # libyaml's safe loader when present: this list is read on the first report of every process
    path = default_rules_dir() / "resources" / "domains.yaml"
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=loader) or {}  # noqa: S506 - a safe loader
    except (OSError, yaml.YAMLError) as exc:
        raise RuleFileError(str(path), None, None, f"cannot read resource file: {exc}") from None
    if not isinstance(data, dict):
        raise RuleFileError(str(path), 1, 1, "a resource file must be a mapping")
    return data


@lru_cache(maxsize=1)
def _bundled_news_domains() -> frozenset[str]:
    return frozenset(bundled_ratings().values)


def host_of(url: str) -> str | None:
    try:
        host = urlsplit(url.strip()).hostname
    except ValueError:
        return None
    if not host:
        return None
    host = host.strip(".")
    return host[4:] if host.startswith("www.") else host


def _parents(host: str) -> list[str]:
    """The host and each domain above it, longest first: a.b.gov.uk, b.gov.uk, gov.uk, uk."""
    labels = host.split(".")
    return [".".join(labels[i:]) for i in range(len(labels))]


@lru_cache(maxsize=4096)  # pages link the same URLs over and over (home page, sections, share buttons)
def classify(url: str, own_domain: str | None = None) -> tuple[str | None, str]:
    """(registered domain, class) of one link. Own outlet first, then the listed domains (longest match),
    then government and academic country suffixes, then any domain the ratings table rates (news)."""
    domain = registered_domain(url)
    if domain and domain.startswith("www."):
        domain = domain[4:]  # www.gov.uk: "gov.uk" is itself a public suffix, its site is the www host
    if domain and own_domain and domain == own_domain.lower():
        return domain, "own"
    host = host_of(url)
    if not host:
        return domain, "other"
    lists = _class_lists()
    parents = _parents(host)
    for candidate in parents:
        link_class = lists.by_domain.get(candidate)
        if link_class:
            return domain, link_class
    labels = host.split(".")
    if (len(labels) >= 2 and labels[-2] in lists.country_second_levels
            and len(labels[-1]) == 2 and labels[-1].isalpha()):
        return domain, "primary"
    news = _bundled_news_domains()
    if any(candidate in news for candidate in parents[:-1]):
        return domain, "news"
    return domain, "other"


# --- the report -----------------------------------------------------------------------------------
@dataclass(frozen=True)
class ClassifiedLink:
    link: "Link"
    domain: str | None
    link_class: str


@dataclass(frozen=True)
class DomainRating:
    domain: str
    rating: float | None
    label: str | None = None


@dataclass(frozen=True)
class LinkSummary:
    links: int
    by_class: Mapping[str, int]
    distinct_domains: int
    external_domains: int
    distinct_classes: int
    sentences_with_links: int
    links_visible: bool


@dataclass(frozen=True)
class LinkReport:
    links: tuple[ClassifiedLink, ...]
    summary: LinkSummary
    ratings: Ratings
    outlet: DomainRating | None
    linked: tuple[DomainRating, ...]


def assess_links(article: "Article", analysis: "Analysis", ratings: Ratings | None = None) -> LinkReport:
    """Every body link classed, the counts and diversity, and the reference ratings of the outlet and the
    linked domains (`ratings` None = the bundled table)."""
    ratings = ratings or bundled_ratings()
    own = article.outlet.domain
    classified = tuple(ClassifiedLink(link, *classify(link.href, own)) for link in article.links)
    by_class = {name: 0 for name in LINK_CLASSES}
    for item in classified:
        by_class[item.link_class] += 1
    domains = {c.domain for c in classified if c.domain}
    external = [c for c in classified if c.link_class != "own"]
    summary = LinkSummary(
        links=len(classified), by_class=by_class, distinct_domains=len(domains),
        external_domains=len({c.domain for c in external if c.domain}),
        distinct_classes=len({c.link_class for c in external}),
        sentences_with_links=sum(1 for s in analysis.sentences if s.has_link),
        links_visible=article.input_kind != "text",
    )
    linked: dict[str, DomainRating] = {}
    for item in external:
        if item.domain and item.domain not in linked:
            linked[item.domain] = _rating(ratings, item.domain)
    outlet = _rating(ratings, own) if own else None
    return LinkReport(classified, summary, ratings, outlet, tuple(linked.values()))


def _rating(ratings: Ratings, domain: str) -> DomainRating:
    found = ratings.get(domain.lower())
    return DomainRating(domain, found[0], found[1]) if found else DomainRating(domain, None, None)


def link_report_dict(report: LinkReport) -> tuple[list[dict], dict, dict]:
    """The JSON pieces: link items' added fields (in link order), `link_summary`, `reference_ratings`."""
    items = [{"domain": c.domain, "class": c.link_class} for c in report.links]
    s = report.summary
    summary = {"links": s.links, "by_class": dict(s.by_class), "distinct_domains": s.distinct_domains,
               "external_domains": s.external_domains, "distinct_classes": s.distinct_classes,
               "sentences_with_links": s.sentences_with_links, "links_visible": s.links_visible}
    r = report.ratings
    reference = {
        "source": r.source, "scale": r.scale, "note": RATINGS_NOTE, "date": r.date, "provided_by": r.provided_by,
        "outlet": _rating_dict(report.outlet) if report.outlet else None,
        "linked": [_rating_dict(d) for d in report.linked],
    }
    return items, summary, reference


def _rating_dict(rating: DomainRating) -> dict:
    return {"domain": rating.domain, "rating": rating.rating, "label": rating.label}
