"""Rules test themselves: every `flag` example must fire its rule, every `pass` example must not.
`lint` adds checks a pack's author should hear about."""
from __future__ import annotations

from dataclasses import dataclass

from .engine import RuleSet
from .model import Example, LexiconParams, Rule

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


def test_rule(rule: Rule) -> list[Problem]:
    single = RuleSet((rule,))
    problems = []
    for which, examples, wanted in (("flag", rule.flag_examples, True), ("pass", rule.pass_examples, False)):
        for example in examples:
            if example_fires(rule, example, single) != wanted:
                verb = "does not fire on" if wanted else "fires on"
                problems.append(Problem(rule.path, rule.line, rule.id,
                                        f"{which} example: rule {verb} {example.text[:90]!r}"))
    return problems


def test_rules(rules: RuleSet) -> list[Problem]:
    return [p for rule in rules.rules for p in test_rule(rule)]


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
        if isinstance(rule.params, LexiconParams):
            local: set[str] = set()
            for term in rule.params.terms:
                key = " ".join(term.term.lower().split())
                if key in local:
                    problems.append(Problem(*where, f"term {term.term!r} is listed twice"))
                local.add(key)
                other = owners.get(key)
                if other is not None and other.id != rule.id:
                    problems.append(Problem(*where, f"term {term.term!r} is also in {other.id} "
                                                    f"({other.path}:{other.line}): keep it in one rule"))
                owners.setdefault(key, rule)
    return sorted(problems, key=lambda p: (p.path, p.line, p.message))
