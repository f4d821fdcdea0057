"""Named document measures that metric rules compare against bounds (the bounds live in YAML)."""
from __future__ import annotations

from functools import lru_cache
from operator import itemgetter
from typing import Callable, Iterable, Protocol

from .model import Analysis, Article


class _Hit(Protocol):
    field: str
    start: int | None
    voice: str | None
    category: str


Measure = Callable[[Article, Analysis, "list[_Hit]"], "float | None"]
MEASURES: dict[str, Measure] = {}
DESCRIPTIONS: dict[str, str] = {}


def measure(name: str, description: str):
    def register(fn: Measure) -> Measure:
        MEASURES[name] = fn
        DESCRIPTIONS[name] = description
        return fn
    return register


def _narrator_sentences(analysis: Analysis):
    return [s for s in analysis.sentences if s.voice == "narrator"]


@measure("narrator_evaluative_share",
         "share of narrator-voice sentences that carry a narrator-voice language or framing finding")
def narrator_evaluative_share(article: Article, analysis: Analysis, hits: list) -> float | None:
    sentences = _narrator_sentences(analysis)
    if len(sentences) < 4:
        return None  # too short to judge a density
    starts = sorted(h.start for h in hits if h.field == "text" and h.voice == "narrator"
                    and h.category in ("language", "framing") and h.start is not None)
    flagged = sum(1 for s in sentences if any(s.start <= x < s.end for x in starts))
    return flagged / len(sentences)


@measure("word_count", "number of words in the body")
def word_count(article: Article, analysis: Analysis, hits: list) -> float:
    return float(article.word_count)


def _named(analysis: Analysis) -> list:
    return [s for s in analysis.sources if s.kind in ("named", "institution")]


@measure("named_source_count", "number of distinct named people and organisations quoted or cited")
def named_source_count(article: Article, analysis: Analysis, hits: list) -> float:
    return float(len({s.name for s in analysis.sources if s.kind == "named"}))


@measure("dominant_source_share",
         "share of all attributed words that come from the most-cited named source "
         "(None when fewer than 60 attributed words)")
def dominant_source_share(article: Article, analysis: Analysis, hits: list) -> float | None:
    total = sum(s.words for s in analysis.sources)
    named = [s for s in analysis.sources if s.kind == "named"]
    if total < 60 or not named:
        return None
    return max(s.words for s in named) / total


@measure("anonymous_source_share", "share of attributed words that come from anonymous or vague sources")
def anonymous_source_share(article: Article, analysis: Analysis, hits: list) -> float | None:
    total = sum(s.words for s in analysis.sources)
    if total < 30:
        return None
    return sum(s.words for s in analysis.sources if s.kind == "anonymous") / total


@measure("attributed_share", "share of body words inside quotations or attributed speech")
def attributed_share(article: Article, analysis: Analysis, hits: list) -> float | None:
    words = article.word_count
    if not words:
        return None
    inside = sum(len(article.text[s.start:s.end].split()) for s in analysis.spans if s.voice != "narrator")
    return inside / words


@measure("link_count", "number of outbound links in the body (HTML input only; None for text)")
def link_count(article: Article, analysis: Analysis, hits: list) -> float | None:
    if article.input_kind != "html":
        return None
    return float(len(article.links))


@measure("dispute_voices",
         "number of distinct sources who speak, when the text itself signals a dispute (accusations, denials, "
         "critics, a lawsuit; the words are in rules/resources/sourcing.yaml); None when it signals none")
def dispute_voices(article: Article, analysis: Analysis, hits: list) -> float | None:
    from .textutil import document_tokens
    single, phrases = _dispute_signals()
    tokens = list(map(itemgetter(1), document_tokens(article.text)))  # the words' lower-case forms
    found = not single.isdisjoint(tokens)
    if not found and phrases:
        joined = " " + " ".join(tokens) + " "
        found = any(phrase in joined for phrase in phrases)
    if not found:
        return None
    return float(len({s.name for s in analysis.sources if s.attributed_statements + s.quotes > 0}))


@lru_cache(maxsize=1)
def _dispute_signals() -> tuple[frozenset[str], tuple[str, ...]]:
    """The dispute words (rules/resources/sourcing.yaml), and its phrases as " word word " to find in
    the text's words joined by spaces."""
    from .resources import words
    signals = words("sourcing", "dispute_signals")
    return (frozenset(s for s in signals if " " not in s),
            tuple(" " + " ".join(s.split()) + " " for s in sorted(signals) if " " in s))


def evaluate(name: str, article: Article, analysis: Analysis, hits: Iterable) -> float | None:
    return MEASURES[name](article, analysis, list(hits))
