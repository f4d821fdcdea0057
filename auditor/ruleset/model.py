"""Typed rules: what a YAML rule becomes once validated."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Example:
    """A text that must (flag) or must not (pass) fire its rule, with optional article metadata."""

    text: str
    metadata: tuple[tuple[str, Any], ...] = ()


@dataclass(frozen=True)
class Term:
    term: str
    suggest: tuple[str, ...] = ()
    note: str | None = None
    case: str = "insensitive"
    inflect: str = "last"
    forms: tuple[str, ...] = ()
    derive: tuple[str, ...] = ()  # derived forms of the last word: ly, ness, degree
    since: str | None = None  # YYYY-MM-DD: an article published before this date is not faulted for it


@dataclass(frozen=True)
class Exception_:
    """A phrase inside which a match is no finding; `inflect` says which of its words inflect."""

    phrase: str
    inflect: str = "last"


@dataclass(frozen=True)
class LexiconParams:
    terms: tuple[Term, ...]
    exceptions: tuple[Exception_, ...] = ()


@dataclass(frozen=True)
class PatternParams:
    patterns: tuple[str, ...]
    case: str = "insensitive"
    exceptions: tuple[Exception_, ...] = ()


@dataclass(frozen=True)
class MetadataParams:
    field: str
    check: str
    pattern: str | None = None


@dataclass(frozen=True)
class MetricParams:
    measure: str
    min: float | None = None
    max: float | None = None
    when: tuple[tuple[str, tuple[str, ...]], ...] = ()


@dataclass(frozen=True)
class SentenceFilter:
    attributed: bool | None = None
    has_link: bool | None = None


@dataclass(frozen=True)
class Rule:
    id: str
    pack: str
    kind: str
    category: str
    severity: str
    weight: float
    message: str
    description: str
    scope: tuple[str, ...]
    params: LexiconParams | PatternParams | MetadataParams | MetricParams
    link: str | None = None
    suggest: tuple[str, ...] = ()
    sentence: SentenceFilter = SentenceFilter()
    flag_examples: tuple[Example, ...] = ()
    pass_examples: tuple[Example, ...] = ()
    path: str = ""
    line: int = 0
    tags: tuple[str, ...] = field(default=())

    @property
    def is_text_rule(self) -> bool:
        return self.kind in ("lexicon", "pattern")
