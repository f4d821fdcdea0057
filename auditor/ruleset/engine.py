"""The compiled rule set: runs every enabled rule over an article and its analysis."""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from typing import Any

from ..measures import evaluate
from ..model import Analysis, Article, Sentence
from ..textutil import document_tokens, tokenize
from .matcher import Entry, LexiconMatcher
from .regex import PatternBank, compile_pattern
from .model import LexiconParams, MetadataParams, MetricParams, PatternParams, Rule

MAX_FIELD_CHARS = 2_000_000
BODY_SCOPES = {"text", "narrator", "quoted", "attributed"}


@dataclass(frozen=True)
class Hit:
    """A rule firing, before scoring turns it into a Finding."""

    rule: Rule
    field: str
    start: int | None
    end: int | None
    excerpt: str
    voice: str | None = None
    speaker: str | None = None
    suggestion: str | None = None
    note: str | None = None
    sentence: str | None = None

    @property
    def category(self) -> str:
        return self.rule.category


def field_value(article: Article, name: str) -> Any:
    if name == "outlet.domain":
        return article.outlet.domain
    if name == "outlet.name":
        return article.outlet.name
    if name == "word_count":
        return article.word_count
    return getattr(article, name)


class RuleSet:
    """Rules validated and compiled once; `check` is a pure function of (article, analysis)."""

    def __init__(self, rules: tuple[Rule, ...], packs: dict[str, str] | None = None):
        self.rules = rules
        self.packs = packs or {}
        self.by_id = {r.id: r for r in rules}
        self._matcher = LexiconMatcher()
        by_field: dict[str, list[tuple[int, str, bool]]] = {}
        for index, rule in enumerate(rules):
            p = rule.params
            if isinstance(p, LexiconParams):
                for t_index, term in enumerate(p.terms):
                    entry = Entry(index, t_index, term.case, tuple(w.text for w in tokenize(term.term)))
                    self._matcher.add(term.term, entry, term.inflect, term.forms, term.derive)
            if isinstance(p, PatternParams):
                wheres = {"body" if s in BODY_SCOPES else s for s in rule.scope}
                for pattern in p.patterns:
                    for where in wheres:  # a headline pattern never scans the body
                        by_field.setdefault(where, []).append((index, pattern, p.case != "sensitive"))
            if isinstance(p, (LexiconParams, PatternParams)):
                for exception in p.exceptions:
                    self._matcher.add(exception.phrase, Entry(index, -1, "insensitive", ()), exception.inflect)
        self._patterns = {where: PatternBank(items) for where, items in by_field.items()}
        self._field_patterns = {rule.id: compile_pattern(rule.params.pattern, ignore_case=False) for rule in rules
                                if isinstance(rule.params, MetadataParams) and rule.params.pattern}

    @property
    def term_count(self) -> int:
        return self._matcher.size

    def shared_forms(self):
        """Word forms at which lexicon terms of more than one rule end (see LexiconMatcher.shared_forms)."""
        return self._matcher.shared_forms()

    def only(self, rule_id: str) -> "RuleSet":
        return RuleSet(tuple(r for r in self.rules if r.id == rule_id), self.packs)

    # --- text rules ---------------------------------------------------------------------------
    def _text_fields(self, article: Article) -> list[tuple[str, str, str]]:
        fields = [("text", article.text, "body")]
        if article.title:
            fields.append(("title", article.title, "title"))
        fields += [(f"author_bios[{i}]", bio, "bio") for i, bio in enumerate(article.author_bios)]
        fields += [(f"authors[{i}]", name, "byline") for i, name in enumerate(article.authors)]
        return fields

    def _raw_matches(self, text: str, where: str) -> list[tuple[int, int, int, int]]:
        """(rule_index, term_index, start, end) for lexicon terms, patterns (term -1 → pattern) and
        exceptions (term -2)."""
        out = []
        for m in self._matcher.find(text, document_tokens(text) if where == "body" else None):
            out.append((m.entry.rule_index, m.entry.term_index if m.entry.term_index >= 0 else -2,
                        m.start, m.end))
        bank = self._patterns.get(where)
        if bank is not None:
            out.extend((rule_index, -1, start, end) for rule_index, start, end in bank.finditer(text))
        return out

    def check(self, article: Article, analysis: Analysis) -> list[Hit]:
        hits: list[Hit] = []
        sentence_index = _SentenceIndex(analysis.sentences)
        published = _iso_day(article.published)
        for field, text, where in self._text_fields(article):
            text = text[:MAX_FIELD_CHARS]
            raw = self._raw_matches(text, where)
            exceptions: dict[int, list[tuple[int, int]]] = {}
            for rule_index, term_index, start, end in raw:
                if term_index == -2:
                    exceptions.setdefault(rule_index, []).append((start, end))
            best: dict[tuple[int, int], tuple[int, int]] = {}  # (rule, start) -> (end, term)
            reach: dict[int, int] = {}  # per rule, the furthest end of the matches kept so far
            for rule_index, term_index, start, end in sorted(raw, key=lambda r: (r[2], -(r[3] - r[2]))):
                if term_index == -2:
                    continue
                if any(s <= start and end <= e for s, e in exceptions.get(rule_index, ())):
                    continue
                rule = self.rules[rule_index]
                if where == "body":
                    if not BODY_SCOPES.intersection(rule.scope):
                        continue
                elif where not in rule.scope:
                    continue
                # one finding per rule per place: matches come longest-first at each start, so a match
                # ending within the reach of an earlier one of the same rule lies inside it
                if end <= reach.get(rule_index, -1):
                    continue
                reach[rule_index] = end
                best[(rule_index, start)] = (end, term_index)
            for (rule_index, start), (end, term_index) in sorted(best.items(), key=lambda kv: kv[0][1]):
                rule = self.rules[rule_index]
                if published and term_index >= 0 and isinstance(rule.params, LexiconParams):
                    since = rule.params.terms[term_index].since
                    if since and published < since:
                        continue  # written before the style guides settled the term
                hit = self._text_hit(rule, field, where, text, start, end, term_index, analysis, sentence_index)
                if hit is not None:
                    hits.append(hit)
        return hits

    def _text_hit(self, rule: Rule, field: str, where: str, text: str, start: int, end: int,
                  term_index: int, analysis: Analysis, sentences: "_SentenceIndex") -> Hit | None:
        # the body's and the headline's voices come from the analysis; bios and bylines have none
        voice = speaker = sentence_text = None
        if where == "title":
            voice, speaker = analysis.title_voice_at(start, end)
        elif where == "body":
            voice, speaker = analysis.voice_at(start, end)
            if "text" not in rule.scope and voice not in rule.scope:
                return None
            sentence = sentences.at(start)
            if sentence is not None:
                if rule.sentence.attributed is not None and sentence.attributed != rule.sentence.attributed:
                    return None
                if rule.sentence.has_link is not None and sentence.has_link != rule.sentence.has_link:
                    return None
                sentence_text = text[sentence.start:sentence.end]
        suggestion, note = None, None
        if term_index >= 0 and isinstance(rule.params, LexiconParams):
            term = rule.params.terms[term_index]
            suggestion = "; ".join(term.suggest) or None
            note = term.note
        suggestion = suggestion or ("; ".join(rule.suggest) or None)
        return Hit(rule, field, start, end, text[start:end], voice, speaker, suggestion, note, sentence_text)

    # --- document rules -----------------------------------------------------------------------
    def check_document(self, article: Article, analysis: Analysis, text_hits: list[Hit]) -> list[Hit]:
        hits: list[Hit] = []
        for rule in self.rules:
            p = rule.params
            if isinstance(p, MetadataParams):
                hit = self._metadata_hit(rule, p, article)
            elif isinstance(p, MetricParams):
                hit = self._metric_hit(rule, p, article, analysis, text_hits)
            else:
                continue
            if hit is not None:
                hits.append(hit)
        return hits

    def _metadata_hit(self, rule: Rule, p: MetadataParams, article: Article) -> Hit | None:
        value = field_value(article, p.field)
        values = [v for v in (value if isinstance(value, (list, tuple)) else [value])
                  if v not in (None, "") and not (p.field == "kind" and v == "unknown" and p.check in ("absent", "present"))]
        if p.check == "absent":
            fired, excerpt = not values, ""
        elif p.check == "present":
            fired, excerpt = bool(values), str(values[0]) if values else ""
        else:
            regex = self._field_patterns[rule.id]
            matching = [str(v) for v in values if regex.search(str(v))]
            if p.check == "matches":
                fired, excerpt = bool(matching), matching[0] if matching else ""
            else:
                fired = bool(values) and not matching
                excerpt = str(values[0]) if values else ""
        if not fired:
            return None
        return Hit(rule, p.field, None, None, excerpt[:200], suggestion="; ".join(rule.suggest) or None)

    def _metric_hit(self, rule: Rule, p: MetricParams, article: Article, analysis: Analysis,
                    text_hits: list[Hit]) -> Hit | None:
        for key, allowed in p.when:
            if str(field_value(article, key)) not in allowed:
                return None
        value = evaluate(p.measure, article, analysis, text_hits)
        if value is None:
            return None
        if (p.min is not None and value < p.min) or (p.max is not None and value > p.max):
            bound = f"max {p.max:g}" if p.max is not None and value > p.max else f"min {p.min:g}"
            return Hit(rule, "document", None, None, f"{p.measure} = {value:.2f} ({bound})",
                       suggestion="; ".join(rule.suggest) or None)
        return None


_ISO_DAY = re.compile(r"\s*(\d{4}-\d{2}-\d{2})")


def _iso_day(value: str | None) -> str | None:
    """The YYYY-MM-DD a publication date opens with ("2014-03-02T09:00:00Z"), else None (unknown)."""
    found = _ISO_DAY.match(value or "")
    return found.group(1) if found else None


class _SentenceIndex:
    def __init__(self, sentences: tuple[Sentence, ...]):
        self.sentences = sentences
        self.starts = [s.start for s in sentences]

    def at(self, offset: int) -> Sentence | None:
        i = bisect.bisect_right(self.starts, offset) - 1
        if 0 <= i < len(self.sentences) and self.sentences[i].start <= offset < self.sentences[i].end:
            return self.sentences[i]
        return None
