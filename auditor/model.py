"""The small typed model every stage shares: Article in, Findings and an Audit out."""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from typing import Literal

Voice = Literal["narrator", "quoted", "attributed"]
Category = Literal["language", "sourcing", "framing", "transparency"]
Severity = Literal["info", "warning", "error"]
ArticleKind = Literal["news", "opinion", "analysis", "sponsored", "unknown"]

CATEGORIES: tuple[str, ...] = ("language", "sourcing", "framing", "transparency")
SEVERITIES: tuple[str, ...] = ("info", "warning", "error")
ARTICLE_KINDS: tuple[str, ...] = ("news", "opinion", "analysis", "sponsored", "unknown")


@dataclass(frozen=True)
class Outlet:
    domain: str | None = None
    name: str | None = None


@dataclass(frozen=True)
class Link:
    """An outbound link found in the body; start/end index into Article.text (-1 when not placed)."""

    href: str
    anchor: str
    start: int = -1
    end: int = -1


@dataclass(frozen=True)
class Article:
    """What the article says about itself, plus the body text every finding offset indexes into."""

    text: str
    title: str | None = None
    url: str | None = None
    outlet: Outlet = Outlet()
    authors: tuple[str, ...] = ()
    author_bios: tuple[str, ...] = ()
    published: str | None = None
    modified: str | None = None
    section: str | None = None
    kind: str = "unknown"
    language: str | None = None
    links: tuple[Link, ...] = ()
    # Character spans of HTML blockquotes in `text`: quoted material even without quote marks.
    blockquotes: tuple[tuple[int, int], ...] = ()
    input_kind: str = "text"
    location: str | None = None

    @cached_property  # the text never changes (frozen); several stages ask
    def word_count(self) -> int:
        return len(self.text.split())


@dataclass(frozen=True)
class Span:
    """A stretch of body text spoken in one voice."""

    start: int
    end: int
    voice: Voice
    speaker: str | None = None


@dataclass(frozen=True)
class Attribution:
    source: str | None
    cue: str | None
    kind: Literal["direct", "indirect"]
    source_start: int
    source_end: int
    cue_start: int
    cue_end: int
    content_start: int
    content_end: int


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    voice: Voice  # the voice of most of the sentence
    attributed: bool  # any attribution touches the sentence
    has_link: bool


@dataclass(frozen=True)
class Source:
    name: str
    kind: Literal["named", "anonymous", "institution", "document"]
    title: str | None = None
    quotes: int = 0
    attributed_statements: int = 0
    words: int = 0
    share: float = 0.0


@dataclass(frozen=True)
class Analysis:
    """Who says what: voice spans, attributions, sentences and sources of one article's body, and the voice
    spans and attributions of its headline (offsets into the title)."""

    spans: tuple[Span, ...]
    attributions: tuple[Attribution, ...]
    sentences: tuple[Sentence, ...]
    sources: tuple[Source, ...]
    title_spans: tuple[Span, ...] = ()
    title_attributions: tuple[Attribution, ...] = ()

    def voice_at(self, start: int, end: int) -> tuple[Voice, str | None]:
        """The voice of the body text [start, end): the voice covering most of it, the text no span covers
        being narrator; on a tie quoted beats attributed beats narrator. A word or phrase lies inside one span,
        so this is the voice of the span around it; a long stretch takes the voice of most of its words."""
        return _voice_of(self.spans, start, end)

    def title_voice_at(self, start: int, end: int) -> tuple[Voice, str | None]:
        """The voice of the headline text [start, end), read as voice_at reads the body."""
        return _voice_of(self.title_spans, start, end)


def _voice_of(spans: tuple[Span, ...], start: int, end: int) -> tuple[Voice, str | None]:
    rank = {"quoted": 2, "attributed": 1, "narrator": 0}
    covered: dict[str, list[Span]] = {"quoted": [], "attributed": []}
    best_span: dict[str, Span] = {}
    for span in spans:
        if span.start < end and span.end > start and span.voice in covered:
            covered[span.voice].append(span)
            current = best_span.get(span.voice)
            if current is None or _overlap(span, start, end) > _overlap(current, start, end):
                best_span[span.voice] = span
    length = max(1, end - start)
    quoted = _union(covered["quoted"], start, end)
    attributed = _union(covered["quoted"] + covered["attributed"], start, end) - quoted
    amounts = {"quoted": quoted, "attributed": attributed, "narrator": length - quoted - attributed}
    voice = max(amounts, key=lambda v: (amounts[v], rank[v]))
    if voice == "narrator" or amounts[voice] == 0:
        return "narrator", None
    return voice, best_span[voice].speaker  # type: ignore[return-value]


def _overlap(span: Span, start: int, end: int) -> int:
    return max(0, min(end, span.end) - max(start, span.start))


def _union(spans: list, start: int, end: int) -> int:
    """Characters of [start, end) covered by any of the spans."""
    total, reach = 0, start
    for span in sorted(spans, key=lambda sp: sp.start):
        lo, hi = max(reach, span.start, start), min(end, span.end)
        if hi > lo:
            total += hi - lo
            reach = hi
    return total


@dataclass(frozen=True)
class Finding:
    id: str
    rule: str
    category: str
    severity: str
    message: str
    field: str
    start: int | None
    end: int | None
    excerpt: str
    voice: Voice | None
    speaker: str | None
    suggestion: str | None
    deduction: float
    sentence: str | None = None
    note: str | None = None


@dataclass(frozen=True)
class Score:
    overall: float
    grade: str
    categories: dict[str, float] = field(default_factory=dict)
    deductions: dict[str, float] = field(default_factory=dict)
