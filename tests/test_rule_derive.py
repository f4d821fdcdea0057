"""`derive:` on lexicon rules: regular adverb, noun and degree forms of the last word of a term."""
from __future__ import annotations

import pytest

import auditor
from auditor.cli import main
from auditor.ruleset.loader import build_ruleset
from auditor.ruleset.matcher import derivations

PACK = """pack: d
rules:
  - id: d.adjectives
    kind: lexicon
    category: language
    severity: warning
    weight: 1
    inflect: none
    derive: [ly, ness]
    message: "m '{match}'"
    description: a description long enough to teach something to the reader of this rule file.
    link: https://example.org/
    terms:
      - reckless
      - hasty
      - dramatic
      - {term: fair, derive: []}
      - {term: harsh, derive: [degree]}
    examples: {flag: [The plan was reckless.], pass: [The plan was new.]}
"""


@pytest.mark.parametrize("word, kinds, expected", [
    ("reckless", ("ly",), {"recklessly"}),
    ("hasty", ("ly",), {"hastily"}),
    ("dramatic", ("ly",), {"dramatically"}),
    ("terrible", ("ly",), {"terribly"}),
    ("true", ("ly",), {"truly"}),
    ("full", ("ly",), {"fully"}),
    ("callous", ("ness",), {"callousness"}),
    ("lazy", ("ness",), {"laziness"}),
    ("harsh", ("degree",), {"harsher", "harshest"}),
    ("crude", ("degree",), {"cruder", "crudest"}),
    ("big", ("degree",), {"bigger", "biggest"}),
    ("nasty", ("degree",), {"nastier", "nastiest"}),
    ("ok", ("ly",), set()),
])
def test_derivations(word, kinds, expected):
    assert derivations(word, kinds) == expected


@pytest.fixture()
def derived(tmp_path):
    (tmp_path / "d.yaml").write_text(PACK)
    return build_ruleset([tmp_path], include_default=False)


@pytest.mark.parametrize("text, excerpt", [
    ("The driver acted recklessly.", "recklessly"),
    ("Its recklessness was plain.", "recklessness"),
    ("The board hastily approved it.", "hastily"),
    ("Prices rose dramatically.", "dramatically"),
    ("The reckless plan failed.", "reckless"),
    ("It was the harshest winter.", "harshest"),
])
def test_derived_forms_match(derived, text, excerpt):
    found = [(f.rule, f.excerpt) for f in auditor.audit_text(text, ruleset=derived).findings]
    assert ("d.adjectives", excerpt) in found


@pytest.mark.parametrize("text", ["The result was fairly close.", "Harshly, he said no.", "It rained."])
def test_per_term_derive_overrides_the_rule(derived, text):
    assert not auditor.audit_text(text, ruleset=derived).findings


def test_unknown_derive_value_points_at_the_spot(tmp_path, capsys):
    (tmp_path / "d.yaml").write_text(PACK.replace("derive: [ly, ness]", "derive: [ly, ment]"))
    assert main(["rules", "lint", str(tmp_path)]) == 2
    assert "d.yaml:9:18: 'derive' must list some of ly, ness, degree (got 'ment')" in capsys.readouterr().err
