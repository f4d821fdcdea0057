"""Every rule of the packaged packs teaches and tests itself: its flag examples fire, its passes do not."""
from __future__ import annotations

import pytest

from auditor.ruleset.loader import build_ruleset
from auditor.ruleset.selftest import test_rule as run_rule_examples

RULES = build_ruleset().rules


def test_packs_are_not_empty():
    categories = {r.category for r in RULES}
    assert {"language", "framing", "transparency"} <= categories


@pytest.mark.parametrize("rule", RULES, ids=[r.id for r in RULES])
def test_rule_examples(rule):
    assert rule.flag_examples and rule.pass_examples, f"{rule.id} has no examples"
    problems = run_rule_examples(rule)
    assert not problems, "\n".join(str(p) for p in problems)


def test_packaged_rules_lint_clean():
    from auditor.ruleset.selftest import lint
    problems = [p for p in lint(build_ruleset()) if "example" not in p.message]  # examples run above
    assert not problems, "\n".join(str(p) for p in problems)
