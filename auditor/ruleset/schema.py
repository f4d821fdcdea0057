"""Validation of rule files: every error names path:line:col, what is wrong and what is allowed."""
from __future__ import annotations

import datetime
import re
from typing import Any

from ..model import ARTICLE_KINDS, CATEGORIES, SEVERITIES
from .model import (Example, Exception_, LexiconParams, MetadataParams, MetricParams, PatternParams, Rule,
                    SentenceFilter, Term)
from .regex import needs_backtracking_engine
from .yamlpos import Located

KINDS = ("lexicon", "pattern", "metadata", "metric")
TEXT_SCOPES = ("text", "narrator", "quoted", "attributed", "title", "bio", "byline")
CASES = ("insensitive", "sensitive", "lower")
INFLECTS = ("last", "first", "all", "none")
DERIVES = ("ly", "ness", "degree")
CHECKS = ("absent", "present", "matches", "not_matches")
METADATA_FIELDS = ("title", "url", "outlet.domain", "outlet.name", "authors", "author_bios",
                   "published", "modified", "section", "kind", "language", "word_count")
EXAMPLE_KEYS = ("text", "title", "url", "authors", "author_bios", "published", "modified",
                "section", "kind", "language", "outlet_name", "outlet_domain")
RULE_ID = re.compile(r"^[a-z][a-z0-9-]*\.[a-z0-9][a-z0-9.-]*$")
PACK_NAME = re.compile(r"^[a-z][a-z0-9-]*$")
# Nested quantifiers such as (a+)+ or (a|aa)* can backtrack for ever on hostile input.
# (Bounded outer repetition such as (?:\w+\s+){0,2} is fine.)
NESTED_QUANTIFIER = re.compile(r"\((?:[^()\\]|\\.)*(?:[+*]|\{\d*,\})(?:[^()\\]|\\.)*\)\s*(?:[+*]|\{\d*,\})")

COMMON_KEYS = ("id", "kind", "category", "severity", "weight", "message", "description", "link",
               "scope", "examples", "suggest", "sentence", "tags")
KIND_KEYS = {
    "lexicon": ("terms", "case", "inflect", "derive", "exceptions"),
    "pattern": ("patterns", "case", "exceptions"),
    "metadata": ("field", "check", "pattern"),
    "metric": ("measure", "min", "max", "when"),
}


class _Checker:
    def __init__(self, doc: Located, base: tuple[Any, ...]):
        self.doc, self.base = doc, base

    def fail(self, key: tuple[Any, ...] | Any, problem: str, hint: str = ""):
        path = self.base + (key if isinstance(key, tuple) else (key,))
        raise self.doc.error(path, problem, hint)

    def string(self, raw: dict, key: str, required: bool = True, default: str | None = None) -> str | None:
        if key not in raw or raw[key] is None:
            if required:
                self.fail((), f"'{key}' is required")
            return default
        value = raw[key]
        if not isinstance(value, str) or not value.strip():
            self.fail(key, f"'{key}' must be a non-empty string (got {value!r})")
        return value.strip()

    def choice(self, raw: dict, key: str, allowed: tuple[str, ...], default: str | None = None,
               required: bool = False) -> str | None:
        if key not in raw:
            if required:
                self.fail((), f"'{key}' is required", "allowed: " + ", ".join(allowed))
            return default
        value = raw[key]
        if value not in allowed:
            self.fail(key, f"'{key}' must be one of {', '.join(allowed)} (got {value!r})")
        return value

    def number(self, raw: dict, key: str, default: float | None = None, minimum: float = 0.0) -> float | None:
        if key not in raw or raw[key] is None:
            return default
        value = raw[key]
        if isinstance(value, bool) or not isinstance(value, (int, float)) or value < minimum:
            self.fail(key, f"'{key}' must be a number >= {minimum:g} (got {value!r})")
        return float(value)

    def strings(self, raw: dict, key: str) -> tuple[str, ...]:
        if key not in raw or raw[key] is None:
            return ()
        value = raw[key]
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list):
            self.fail(key, f"'{key}' must be a string or a list of strings")
        out = []
        for index, item in enumerate(value):
            if not isinstance(item, str) or not item.strip():
                self.fail((key, index), f"'{key}' entries must be non-empty strings (got {item!r})")
            out.append(item.strip())
        return tuple(out)


def check_regex(checker: _Checker, key: tuple[Any, ...], pattern: str, flags: int = 0) -> None:
    try:
        re.compile(pattern, flags)
    except re.error as exc:
        checker.fail(key, f"invalid regular expression: {exc}")
    if needs_backtracking_engine(pattern) and (NESTED_QUANTIFIER.search(pattern) or re.search(r"\\[1-9]", pattern)):
        checker.fail(key, "regular expression may backtrack without bound",
                     "avoid nested quantifiers like (a+)+ and backreferences")


def _derive(c: _Checker, raw: dict, default: tuple[str, ...]) -> tuple[str, ...]:
    if "derive" not in raw:
        return default
    values = c.strings(raw, "derive") if raw["derive"] else ()
    for index, value in enumerate(values):
        if value not in DERIVES:
            c.fail(("derive", index) if isinstance(raw["derive"], list) else "derive",
                   f"'derive' must list some of {', '.join(DERIVES)} (got {value!r})")
    return values


def _inflect_value(sub: "_Checker", item: dict, default: str) -> str:
    value = item.get("inflect", default)
    value = "last" if value is True else "none" if value is False else value
    if value not in INFLECTS:
        sub.fail("inflect", f"'inflect' must be one of {', '.join(INFLECTS)} (got {value!r})")
    return value


def _exceptions(c: _Checker, raw: dict) -> tuple[Exception_, ...]:
    """`exceptions`: phrases (their last word inflects, like a term's), or mappings {phrase, inflect}
    for a phrase whose other words inflect ("complain of [pain|pains]" with inflect: first)."""
    items = raw.get("exceptions")
    if items is None:
        return ()
    if isinstance(items, (str, dict)):
        items = [items]
    if not isinstance(items, list):
        c.fail("exceptions", "'exceptions' must be a list of phrases or mappings {phrase, inflect}")
    out = []
    for index, item in enumerate(items):
        if isinstance(item, str) and item.strip():
            out.append(Exception_(item.strip()))
            continue
        if not isinstance(item, dict):
            c.fail(("exceptions", index), f"an exception must be a phrase or a mapping (got {item!r})")
        sub = _Checker(c.doc, c.base + ("exceptions", index))
        unknown = set(item) - {"phrase", "inflect"}
        if unknown:
            sub.fail(sorted(unknown)[0], f"unknown key '{sorted(unknown)[0]}' in exception", "allowed: phrase, inflect")
        out.append(Exception_(sub.string(item, "phrase"), _inflect_value(sub, item, "last")))
    return tuple(out)


def _terms(c: _Checker, raw: dict, case: str, inflect: str, derive: tuple[str, ...] = ()) -> tuple[Term, ...]:
    items = raw.get("terms")
    if not isinstance(items, list) or not items:
        c.fail("terms" if "terms" in raw else (), "'terms' must be a non-empty list of strings or mappings")
    out = []
    for index, item in enumerate(items):
        if isinstance(item, str) and item.strip():
            out.append(Term(item.strip(), case=case, inflect=inflect, derive=derive))
            continue
        if not isinstance(item, dict):
            c.fail(("terms", index), f"a term must be a string or a mapping (got {item!r})")
        sub = _Checker(c.doc, c.base + ("terms", index))
        unknown = set(item) - {"term", "suggest", "note", "case", "inflect", "forms", "derive", "since"}
        if unknown:
            sub.fail(sorted(unknown)[0], f"unknown key '{sorted(unknown)[0]}' in term",
                     "allowed: term, suggest, note, case, inflect, forms, derive, since")
        inflect_value = _inflect_value(sub, item, inflect)
        out.append(Term(
            term=sub.string(item, "term"),
            suggest=sub.strings(item, "suggest"),
            note=sub.string(item, "note", required=False),
            case=sub.choice(item, "case", CASES, case),
            inflect=inflect_value,
            forms=sub.strings(item, "forms"),
            derive=_derive(sub, item, derive),
            since=_since(sub, item),
        ))
    return tuple(out)


def _since(c: _Checker, item: dict) -> str | None:
    """`since`: the date (YYYY-MM-DD) from which a style guide settled the term; YAML reads an unquoted
    date as a date, a quoted one as text, and either is fine."""
    value = item.get("since")
    if value is None:
        return None
    if isinstance(value, datetime.date) and not isinstance(value, datetime.datetime):
        return value.isoformat()
    if isinstance(value, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value.strip()):
        try:
            return datetime.date.fromisoformat(value.strip()).isoformat()
        except ValueError:
            pass
    c.fail("since", f"'since' must be a date written YYYY-MM-DD (got {value!r})",
           "the day a style guide settled the term, e.g. since: 2019-08-14")


def _examples(c: _Checker, raw: dict) -> tuple[tuple[Example, ...], tuple[Example, ...]]:
    block = raw.get("examples")
    if not isinstance(block, dict):
        c.fail("examples" if "examples" in raw else (), "'examples' is required: a mapping with 'flag' and 'pass' lists",
               "every rule teaches and tests itself with texts that must and must not fire")
    result = []
    for which in ("flag", "pass"):
        items = block.get(which)
        if not isinstance(items, list) or not items:
            c.fail(("examples", which) if which in block else ("examples",),
                   f"'examples.{which}' must be a non-empty list")
        examples = []
        for index, item in enumerate(items):
            where = ("examples", which, index)
            if isinstance(item, str):
                examples.append(Example(item))
            elif isinstance(item, dict) and isinstance(item.get("text", ""), str):
                unknown = set(item) - set(EXAMPLE_KEYS)
                if unknown:
                    c.fail(where + (sorted(unknown)[0],), f"unknown example key '{sorted(unknown)[0]}'",
                           "allowed: " + ", ".join(EXAMPLE_KEYS))
                meta = tuple(sorted((k, tuple(v) if isinstance(v, list) else v)
                                    for k, v in item.items() if k != "text"))
                examples.append(Example(item.get("text", ""), meta))
            else:
                c.fail(where, "an example must be a string or a mapping with 'text'")
        result.append(tuple(examples))
    return result[0], result[1]


def parse_rule(doc: Located, index: int, raw: Any, pack: str) -> Rule:
    c = _Checker(doc, ("rules", index))
    if not isinstance(raw, dict):
        c.fail((), "each rule must be a mapping")
    kind = c.choice(raw, "kind", KINDS, required=True)
    allowed = COMMON_KEYS + KIND_KEYS[kind]
    for key in raw:
        if key not in allowed:
            c.fail(key, f"unknown key '{key}' for a {kind} rule", "allowed: " + ", ".join(allowed))
    rule_id = c.string(raw, "id")
    if not RULE_ID.match(rule_id):
        c.fail("id", f"'id' must look like <pack>.<name> in lower case (got {rule_id!r})")
    if rule_id.split(".", 1)[0] != pack:
        c.fail("id", f"rule id {rule_id!r} must start with its pack name '{pack}.'")
    default_scope = {"lexicon": ("text",), "pattern": ("text",), "metadata": (), "metric": ()}[kind]
    scope = c.strings(raw, "scope") or default_scope
    if kind in ("lexicon", "pattern"):
        for i, s in enumerate(scope):
            if s not in TEXT_SCOPES:
                c.fail(("scope", i), f"scope {s!r} is not a text scope", "allowed: " + ", ".join(TEXT_SCOPES))
    case = c.choice(raw, "case", CASES, "insensitive")
    inflect = raw.get("inflect", "last")
    inflect = {True: "last", False: "none"}.get(inflect, inflect)
    if inflect not in INFLECTS:
        c.fail("inflect", f"'inflect' must be one of {', '.join(INFLECTS)} (got {inflect!r})")
    params: Any
    if kind == "lexicon":
        params = LexiconParams(_terms(c, raw, case, inflect, _derive(c, raw, ())), _exceptions(c, raw))
    elif kind == "pattern":
        patterns = c.strings(raw, "patterns")
        if not patterns:
            c.fail("patterns" if "patterns" in raw else (), "'patterns' must be a non-empty list of regular expressions")
        flags = 0 if case == "sensitive" else re.IGNORECASE
        for i, p in enumerate(patterns):
            check_regex(c, ("patterns", i), p, flags)
        params = PatternParams(patterns, case, _exceptions(c, raw))
    elif kind == "metadata":
        field = c.choice(raw, "field", METADATA_FIELDS, required=True)
        check = c.choice(raw, "check", CHECKS, required=True)
        pattern = c.string(raw, "pattern", required=check in ("matches", "not_matches"))
        if pattern:
            check_regex(c, ("pattern",), pattern)
        params = MetadataParams(field, check, pattern)
        scope = (field,)
    else:
        from ..measures import MEASURES
        measure = c.choice(raw, "measure", tuple(sorted(MEASURES)), required=True)
        low, high = c.number(raw, "min", minimum=-1e12), c.number(raw, "max", minimum=-1e12)
        if low is None and high is None:
            c.fail((), "a metric rule needs 'min' and/or 'max'")
        when_raw = raw.get("when") or {}
        if not isinstance(when_raw, dict):
            c.fail("when", "'when' must be a mapping of article field to allowed values")
        when = []
        for key, values in when_raw.items():
            if key not in METADATA_FIELDS:
                c.fail(("when", key), f"unknown field {key!r} in 'when'", "allowed: " + ", ".join(METADATA_FIELDS))
            values = values if isinstance(values, list) else [values]
            if key == "kind":
                for v in values:
                    if v not in ARTICLE_KINDS:
                        c.fail(("when", key), f"unknown article kind {v!r}", "allowed: " + ", ".join(ARTICLE_KINDS))
            when.append((key, tuple(str(v) for v in values)))
        params = MetricParams(measure, low, high, tuple(when))
        scope = ("document",)
    sentence_raw = raw.get("sentence") or {}
    if not isinstance(sentence_raw, dict) or set(sentence_raw) - {"attributed", "has_link"}:
        c.fail("sentence", "'sentence' must be a mapping with 'attributed' and/or 'has_link' (true/false)")
    for key, value in sentence_raw.items():
        if not isinstance(value, bool):
            c.fail(("sentence", key), f"'sentence.{key}' must be true or false (got {value!r})")
    if raw.get("weight") is None:
        c.fail((), "'weight' is required", "a number >= 0: the points a narrator-voice finding costs")
    flag, passing = _examples(c, raw)
    return Rule(
        id=rule_id, pack=pack, kind=kind,
        category=c.choice(raw, "category", CATEGORIES, required=True),
        severity=c.choice(raw, "severity", SEVERITIES, required=True),
        weight=c.number(raw, "weight", default=None),
        message=c.string(raw, "message"),
        description=c.string(raw, "description"),
        scope=tuple(scope), params=params,
        link=c.string(raw, "link", required=False),
        suggest=c.strings(raw, "suggest"),
        sentence=SentenceFilter(sentence_raw.get("attributed"), sentence_raw.get("has_link")),
        flag_examples=flag, pass_examples=passing,
        path=doc.path, line=doc.where(("rules", index))[0],
        tags=c.strings(raw, "tags"),
    )


def parse_pack(doc: Located) -> tuple[str, str, tuple[Rule, ...]]:
    """A pack file: `pack`, `description`, `rules`."""
    data = doc.data
    c = _Checker(doc, ())
    if not isinstance(data, dict):
        c.fail((), "a rule file must be a mapping with 'pack', 'description' and 'rules'")
    for key in data:
        if key not in ("pack", "description", "rules"):
            c.fail(key, f"unknown top-level key '{key}'", "allowed: pack, description, rules")
    pack = c.string(data, "pack")
    if not PACK_NAME.match(pack):
        c.fail("pack", f"pack name must be lower-case letters, digits and '-' (got {pack!r})")
    description = c.string(data, "description", required=False) or ""
    rules = data.get("rules")
    if not isinstance(rules, list) or not rules:
        c.fail("rules" if "rules" in data else (), "'rules' must be a non-empty list")
    return pack, description, tuple(parse_rule(doc, i, raw, pack) for i, raw in enumerate(rules))
