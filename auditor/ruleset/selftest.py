"""Rules test themselves: every `flag` example must fire its rule, every `pass` example must not.
`lint` adds checks a pack's author should hear about."""
from __future__ import annotations

import re
from dataclasses import dataclass

from .engine import RuleSet
from .model import Example, LexiconParams, PatternParams, Rule

MIN_EXAMPLES = 3


@dataclass(frozen=True)
class Problem:
    path: str
    line: int
    rule: str
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.rule}: {self.message}"


def example_fires(rule: Rule, example: Example, single: RuleSet | None = None) -> bool:
    from ..audit import apply_metadata, run
    from ..extract.text import from_text
    single = single or RuleSet((rule,))
    article = apply_metadata(from_text(example.text), dict(example.metadata))
    audit = run(article, single)
    return any(f.rule == rule.id for f in audit.findings)


def _context_for(rule: Rule, context: RuleSet | None) -> RuleSet:
    """The rules an example runs with: the rule alone, except a metric rule, whose measure may count
    other rules' findings (e.g. the share of sentences with loaded wording) and so runs with them."""
    if rule.kind != "metric":
        return RuleSet((rule,))
    if context is None:
        from ..audit import get_ruleset
        context = get_ruleset()
    others = tuple(r for r in context.rules if r.kind in ("lexicon", "pattern") and r.id != rule.id)
    return RuleSet(others + (rule,))


def test_rule(rule: Rule, context: RuleSet | None = None) -> list[Problem]:
    single = _context_for(rule, context)
    problems = []
    for which, examples, wanted in (("flag", rule.flag_examples, True), ("pass", rule.pass_examples, False)):
        for example in examples:
            if example_fires(rule, example, single) != wanted:
                verb = "does not fire on" if wanted else "fires on"
                problems.append(Problem(rule.path, rule.line, rule.id,
                                        f"{which} example: rule {verb} {example.text[:90]!r}"))
    return problems


def test_rules(rules: RuleSet) -> list[Problem]:
    return [p for rule in rules.rules for p in test_rule(rule, rules)]


def _fields(rule: Rule) -> set[str]:
    body = {"text", "narrator", "quoted", "attributed"}
    return {"body" if s in body else s for s in rule.scope}


def lint(rules: RuleSet) -> list[Problem]:
    problems = test_rules(rules)
    owners: dict[str, Rule] = {}
    for rule in rules.rules:
        where = (rule.path, rule.line, rule.id)
        if len(rule.flag_examples) < MIN_EXAMPLES or len(rule.pass_examples) < MIN_EXAMPLES:
            problems.append(Problem(*where, f"needs at least {MIN_EXAMPLES} flag and {MIN_EXAMPLES} pass examples "
                                            f"(has {len(rule.flag_examples)} and {len(rule.pass_examples)})"))
        if len(rule.description.split()) < 12:
            problems.append(Problem(*where, "description is too short to teach (write at least a couple of sentences)"))
        if not rule.link:
            problems.append(Problem(*where, "no 'link' to the guidance or research behind the rule"))
        if {"text", "quoted", "attributed"} & set(rule.scope) and "{voice}" not in rule.message and \
                re.search(r"\b(?:writer|narrator|author)'s (?:own )?voice\b", rule.message, re.IGNORECASE):
            problems.append(Problem(*where, "the message speaks of the writer's voice, but the rule also reads "
                                            "quotations and reported speech: write {voice}, which says whose "
                                            "words each finding is in"))
        if isinstance(rule.params, PatternParams):
            for pattern in rule.params.patterns:
                if re.match(r"(?:\\b)?\(\?<[=!]", pattern):
                    problems.append(Problem(*where, f"pattern {pattern[:40]!r}… opens with a look-behind, so it is "
                                                    "tried at every character of the text: open it with what "
                                                    "it matches and look back past that"))
        if isinstance(rule.params, LexiconParams):
            local: set[str] = set()
            for term in rule.params.terms:
                key = " ".join(term.term.lower().split())
                if key in local:
                    problems.append(Problem(*where, f"term {term.term!r} is listed twice"))
                local.add(key)
                other = owners.get(key)
                if other is not None and other.id != rule.id and _fields(other) & _fields(rule):
                    problems.append(Problem(*where, f"term {term.term!r} is also in {other.id} "
                                                    f"({other.path}:{other.line}): keep it in one rule"))
                owners.setdefault(key, rule)
    problems += _shared_forms(rules)
    return sorted(problems, key=lambda p: (p.path, p.line, p.message))


def _shared_forms(rules: RuleSet) -> list[Problem]:
    """A word form that two rules' terms both produce once inflected ("sneer" → "sneering" and the
    adjective "sneering") gives one word two findings and two deductions."""
    problems = []
    seen: set[tuple[str, str, str]] = set()
    for words, entries in rules.shared_forms():
        for k, first in enumerate(entries):
            for second in entries[k + 1:]:
                a, b = rules.rules[first.rule_index], rules.rules[second.rule_index]
                if not _fields(a) & _fields(b):
                    continue
                term_a = a.params.terms[first.term_index].term  # type: ignore[union-attr]
                term_b = b.params.terms[second.term_index].term  # type: ignore[union-attr]
                if (a.id, b.id, term_b) in seen:
                    continue
                seen.add((a.id, b.id, term_b))
                problems.append(Problem(b.path, b.line, b.id,
                                        f"term {term_b!r} and {a.id}'s {term_a!r} ({a.path}:{a.line}) both match "
                                        f"{' '.join(words)!r}: one word would give two findings; keep the form "
                                        "in one rule"))
    return problems
