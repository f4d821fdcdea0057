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


CONTEXT_PACK = """pack: c
rules:
  - id: c.context
    kind: lexicon
    category: framing
    severity: info
    weight: 1
    case: lower
    inflect: first
    message: "m '{match}'"
    description: a description long enough to teach something to the reader of this rule file.
    link: https://example.org/
    exceptions: [the claim that]
    terms:
      - "claim [that|to]"
      - "[the|a] sham"
      - {term: boasted, inflect: none, forms: ["boasts [that]"]}
    examples: {flag: [She claims that it rained.], pass: [It rained.]}
"""


@pytest.fixture()
def context_rules(tmp_path):
    (tmp_path / "c.yaml").write_text(CONTEXT_PACK)
    return build_ruleset([tmp_path], include_default=False)


@pytest.mark.parametrize("text, excerpt", [
    ("She claims that it rained.", "claims"),      # trailing context, inflected word
    ("They claimed to be doctors.", "claimed"),   # the other alternative
    ("Claiming that it rained, he left.", "Claiming"),  # sentence-initial capital with case: lower
    ("It was a sham from the start.", "sham"),    # leading context
    ("He boasts that he won.", "boasts"),         # context in an explicit form
])
def test_bracketed_context_must_be_there_but_is_not_the_finding(context_rules, text, excerpt):
    import auditor
    found = [f.excerpt for f in auditor.audit_text(text, ruleset=context_rules).findings]
    assert found == [excerpt]


@pytest.mark.parametrize("text", [
    "Her claim was rejected.",       # no context word after it
    "Shams were sold at the fair.",  # no context word before it
    "He repeated the claim that it rained.",  # an exception still covers the match
])
def test_bracketed_context_missing_or_excepted(context_rules, text):
    import auditor
    assert not auditor.audit_text(text, ruleset=context_rules).findings


@pytest.mark.parametrize("word, form", [("lie", "lying"), ("tie", "tying"), ("panic", "panicked"),
                                        ("panic", "panicking"), ("slam", "slammed"), ("outrage", "outraging")])
def test_regular_inflections(word, form):
    from auditor.ruleset.matcher import inflections
    assert form in inflections(word)


@pytest.mark.parametrize("word, other_word", [("spar", "spared"), ("spar", "sparing"), ("scrap", "scraped"),
                                              ("sham", "shamed"), ("rob", "robed")])
def test_one_syllable_verbs_only_double(word, other_word):
    """The undoubled form of a one-syllable verb is another word's ("spared" is spare's), never its own."""
    from auditor.ruleset.matcher import inflections
    assert other_word not in inflections(word)
    assert {"visited", "visiting", "edited"} <= inflections("visit") | inflections("edit")


@pytest.mark.parametrize("word, form", [("criticise", "criticize"), ("polarizing", "polarising"),
                                        ("demonization", "demonisation")])
def test_ise_and_ize_spellings_match_alike(word, form):
    from auditor.ruleset.matcher import spellings
    assert form in spellings(word)
    assert spellings("size") == {"size"} and spellings("prize") == {"prize"}


@pytest.mark.parametrize("word, form", [("label", "labelled"), ("label", "labeled"), ("fuel", "fuelling")])
def test_british_and_american_doubling(word, form):
    from auditor.ruleset.matcher import inflections
    assert form in inflections(word)


def test_packaged_rules_match_british_spellings():
    import auditor
    found = {f.excerpt for f in auditor.audit_text("The minister demonised the unions and weaponized the courts.").findings}
    assert {"demonised", "weaponized"} <= found


# Words whose ordinary news sense is plain: the packs leave them alone in that sense (each was dropped or
# narrowed after measuring how rarely it fell on labelled loaded wording), and still flag the loaded one.
@pytest.mark.parametrize("text, word", [
    ("The union vowed to keep the strike going until March.", "vowed"),
    ("Families affected by the tragedy met the governor on Monday.", "tragedy"),
    ("Police said the men knowingly sold guns to straw buyers.", "knowingly"),
    ("The state asked the court to declare it unconstitutional.", "unconstitutional"),
    ("The rebels' spring offensive began in April.", "offensive"),
    ("The senate panel is investigating Russian meddling in the election.", "meddling"),
    ("He was charged with interstate transportation of an explosive.", "explosive"),
    ("The party toughened its rhetoric on immigration.", "rhetoric"),
    ("Thousands joined a massive protest in the capital.", "massive"),
    ("Markets were in turmoil after the vote.", "turmoil"),
    ("Police thwarted a plot to bomb the station.", "thwarted"),
    ("Witnesses heard screams and gunfire in the lobby.", "screams"),
    ("Several shops were looted overnight.", "looted"),
    ("Militants attacked the convoy near the border.", "militants"),
    ("She joined the Democratic Socialists of America in 2016.", "socialists"),
    ("Her house was spared by the fire.", "spared"),
    ("Workers scraped the old paint off the bridge.", "scraped"),
    ("The singer was shamed online for the remark.", "shamed"),
    ("The council scrapped the parking fee.", "scrapped"),
    ("Poor diet stunted the children's growth.", "stunted"),
    ("Fans mobbed the singer at the airport.", "mobbed"),
    ("The Kenyan shilling fell against the dollar.", "shilling"),
    ("Protesters clashed with police for a third night.", "clashed"),
    ("Violence erupted after the match.", "erupted"),
    ("The judge lifted the gag order on Friday.", "gag"),
    ("Firefighters battled raging wildfires near the coast.", "raging"),
    ("Deficit hawks in the Senate want deeper cuts.", "hawks"),
    ("He cast himself as a defense hawk in the primary.", "hawk"),
    ("The suspect evaded capture for three years.", "evaded"),
    ("Rocket launchers are hidden in caves north of the border.", "caves"),
    ("He wrote a history of the Crusades.", "crusades"),
    ("The fire raged for three days before crews contained it.", "raged"),
    ("He was charged with transporting an explosive across state lines.", "explosive"),
    ("The old warehouse was gutted by fire on Sunday night.", "gutted"),
    ("The chain set aggressive growth targets for the year.", "aggressive"),
    ("The bank rebuffed a takeover offer from its rival.", "rebuffed"),
    ("The army faced immense pressure to withdraw.", "immense"),
])
def test_plain_news_senses_are_not_findings(text, word):
    import auditor
    found = {f.excerpt.lower() for f in auditor.audit_text(text).findings if f.category in ("language", "framing")}
    assert word not in found


@pytest.mark.parametrize("text, word", [
    ("The senator made an offensive remark about the judge.", "offensive"),
    ("Foreign donors keep meddling in the city's affairs.", "meddling"),
    ("The report was an explosive read.", "explosive"),
    ("It was a tragic decision by the board.", "tragic"),
    ("The two candidates sparred over taxes.", "sparred"),
    ("The inquiry was a sham.", "sham"),
    ("The site keeps hawking conspiracy theories.", "hawking"),
    ("The crowd's rage grew as the night went on.", "rage"),
    ("The proposal would gut the agency's inspection budget.", "gut"),
    ("The senator smirked through the testimony.", "smirked"),
    ("The rally turned into a maelstrom of accusations.", "maelstrom"),
])
def test_loaded_senses_are_still_findings(text, word):
    import auditor
    found = {f.excerpt.lower().rstrip("'’") for f in auditor.audit_text(text).findings}
    assert word in found
