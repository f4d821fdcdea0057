"""The rule engine through the public API: matching, scopes, voices, exceptions, metadata, config."""
from __future__ import annotations

from pathlib import Path

import pytest

import auditor
from auditor.cli import main
from auditor.config import Config
from auditor.ruleset.loader import build_ruleset

FIX = Path(__file__).resolve().parent / "fixtures"


@pytest.fixture(scope="module")
def demo():
    return build_ruleset([FIX / "rules" / "good"], include_default=False)


def rules_of(audit):
    return [(f.rule, f.excerpt) for f in audit.findings]


@pytest.mark.parametrize("text, excerpt", [
    ("The mayor slams the plan.", "slams"),
    ("The mayor slammed the plan.", "slammed"),
    ("The mayor is slamming the plan.", "slamming"),
    ("They took a hard-line view.", "hard-line"),
    ("They took a hard line view.", "hard line"),
    ("They took a hardline view.", "hardline"),
    ("The REGIME fell.", "REGIME"),
])
def test_lexicon_inflections_and_variants(demo, text, excerpt):
    audit = auditor.audit_text(text, ruleset=demo)
    assert ("demo.emotive", excerpt) in rules_of(audit)


def test_exception_by_context(demo):
    audit = auditor.audit_text("The tax regime changed, but the regime did not.", ruleset=demo)
    hits = [f for f in audit.findings if f.rule == "demo.emotive"]
    assert len(hits) == 1 and hits[0].start == audit.article.text.rindex("regime")


def test_case_rule_lower_only(demo):
    assert not [f for f in auditor.audit_text("We met on Rush Street.", ruleset=demo).findings if f.rule == "demo.emotive"]
    assert [f for f in auditor.audit_text("There was a rush of buyers.", ruleset=demo).findings if f.rule == "demo.emotive"]
    # sentence-initial capital is still the common word
    assert [f for f in auditor.audit_text("Rush hour began early.", ruleset=demo).findings if f.rule == "demo.emotive"]


def test_voice_quoted_costs_nothing_narrator_costs(demo):
    quoted = auditor.audit_text('"They slammed us," the mayor said.', ruleset=demo)
    narrator = auditor.audit_text("The mayor slammed the council.", ruleset=demo)
    q = next(f for f in quoted.findings if f.rule == "demo.emotive")
    n = next(f for f in narrator.findings if f.rule == "demo.emotive")
    assert q.voice == "quoted" and q.deduction == 0 and q.severity == "info"
    assert n.voice == "narrator" and n.deduction > 0
    assert quoted.score.categories["language"] == 100
    assert narrator.score.categories["language"] < 100


def test_attributed_voice_and_speaker(demo):
    audit = auditor.audit_text("Mayor Ann Lee said that the council slammed the budget.", ruleset=demo)
    f = next(f for f in audit.findings if f.rule == "demo.emotive")
    assert f.voice == "attributed" and f.speaker == "Ann Lee" and f.deduction == 0


def test_narrator_scope_skips_quotes(demo):
    text = 'Critics say the plan is late. "Critics say many things," the mayor said.'
    hits = [f for f in auditor.audit_text(text, ruleset=demo).findings if f.rule == "demo.vague"]
    assert len(hits) == 1 and hits[0].start == 0


def test_metadata_rule_and_override(demo):
    assert any(f.rule == "demo.no-date" for f in auditor.audit_text("Text.", ruleset=demo).findings)
    dated = auditor.audit_text("Text.", ruleset=demo, published="2024-05-01")
    assert not any(f.rule == "demo.no-date" for f in dated.findings)
    assert dated.article.published == "2024-05-01"


def test_scoring_is_monotone_and_fair_to_length(demo):
    base = "The council met on Tuesday to discuss the budget. " * 40
    s0 = auditor.audit_text(base, ruleset=demo).score.overall
    s1 = auditor.audit_text(base + "The mayor slammed the plan.", ruleset=demo).score.overall
    s2 = auditor.audit_text(base + "The mayor slammed the plan and slammed the vote.", ruleset=demo).score.overall
    assert s2 <= s1 <= s0 and s1 < s0
    long = auditor.audit_text(base * 5 + "The mayor slammed the plan.", ruleset=demo)
    short = auditor.audit_text(base + "The mayor slammed the plan.", ruleset=demo)
    d_long = next(f.deduction for f in long.findings if f.rule == "demo.emotive")
    d_short = next(f.deduction for f in short.findings if f.rule == "demo.emotive")
    assert d_long < d_short


def test_repeats_in_a_short_field_cost_half_the_one_before(demo):
    body = "The mayor slammed the plan and slammed the vote and slammed the council. "
    audit = auditor.audit_text(body, ruleset=demo, title="Mayor Slams Plan, Slams Vote, Slams Council")
    title = [f for f in audit.findings if f.rule == "demo.emotive" and f.field == "title"]
    text = [f for f in audit.findings if f.rule == "demo.emotive" and f.field == "text"]
    assert [f.deduction for f in title] == [4.0, 2.0, 1.0]
    assert [f.note for f in title][0] is None and "once" in title[1].note and "2 times" in title[2].note
    assert len(text) == 3 and len({f.deduction for f in text}) == 1  # body findings are weighed per 1,000 words
    fewer = auditor.audit_text(body, ruleset=demo, title="Mayor Slams Plan, Slams Vote")
    assert audit.score.categories["language"] < fewer.score.categories["language"]  # still monotone


def test_a_loaded_word_the_headline_quotes_costs_nothing(demo):
    audit = auditor.audit_text("The council met on Tuesday.", ruleset=demo, title='The "Regime" Slams Back')
    title = {f.excerpt: (f.deduction, f.severity) for f in audit.findings if f.rule == "demo.emotive"}
    assert title == {"Regime": (0.0, "info"), "Slams": (4.0, "warning")}  # a quoted word is no repeat


@pytest.mark.parametrize("title, voice, speaker, points", [
    ("Mayor Says Council Slams Budget", "attributed", "Mayor", 0.0),  # what the headline reports she said
    ("Council slams budget, mayor says", "attributed", "mayor", 0.0),
    ("Ann Lee: Council Slams Budget", "attributed", "Ann Lee", 0.0),
    ("Mayor Slams Budget As Council Meets", "narrator", None, 4.0),  # the headline's own verb
    ("Analysis: Council Slams Budget", "narrator", None, 4.0),  # a label of the piece's kind is nobody
    ("Why the Mayor Slams Budget Plans", "narrator", None, 4.0),
])
def test_a_headline_word_has_the_voice_the_headline_gives_it(demo, title, voice, speaker, points):
    audit = auditor.audit_text("The council met on Tuesday.", ruleset=demo, title=title)
    [found] = [f for f in audit.findings if f.rule == "demo.emotive" and f.field == "title"]
    assert (found.voice, found.speaker, found.deduction) == (voice, speaker, points)
    assert found.severity == ("info" if points == 0 else "warning")


def test_a_headline_that_speaks_through_a_vague_source_is_flagged():
    audit = auditor.audit_text("The council passed the budget on Monday.", title="Critics Say Budget Will Gut Schools")
    vague = [(f.field, f.excerpt, f.voice, f.deduction > 0) for f in audit.findings
             if f.rule == "sourcing.vague-attribution"]
    assert vague == [("title", "Critics Say", "narrator", True)]


def test_a_term_settled_on_a_date_is_not_faulted_in_an_article_written_before_it():
    text = "Protesters filled the central square of Kiev on Sunday."

    def spelled(**metadata):
        audit = auditor.audit_text(text, **metadata)
        return [f.excerpt for f in audit.findings if f.rule == "language.place-names"]

    assert spelled(published="2014-02-16") == []
    assert spelled(published="2022-03-01T08:00:00Z") == ["Kiev"]
    assert spelled() == ["Kiev"]  # no date: the reader cannot tell, so the finding stays
    assert spelled(published="16 February 2014") == ["Kiev"]  # a date we cannot read counts as unknown


def test_every_finding_carries_its_deduction(demo):
    audit = auditor.audit_text("The mayor slammed the regime. Critics say it failed.", ruleset=demo)
    total = {c: 0.0 for c in audit.score.categories}
    for f in audit.findings:
        total[f.category] += f.deduction
    for category, taken in total.items():
        assert audit.score.categories[category] == pytest.approx(max(0.0, 100 - taken), abs=0.11)


def test_fingerprints_are_stable_and_distinct(demo):
    a = auditor.audit_text("The mayor slammed the plan. The mayor slammed the plan.", ruleset=demo)
    b = auditor.audit_text("Intro added.\n\nThe mayor slammed the plan. The mayor slammed the plan.", ruleset=demo)
    ids_a = [f.id for f in a.findings if f.rule == "demo.emotive"]
    ids_b = [f.id for f in b.findings if f.rule == "demo.emotive"]
    assert len(set(ids_a)) == 2 and ids_a == ids_b


def test_config_disables_and_reweights(demo, tmp_path):
    config = Config(disable=("demo.emotive",), weight=(("demo.no-date", 20.0),))
    rules = build_ruleset([FIX / "rules" / "good"], config, include_default=False)
    audit = auditor.audit_text("The mayor slammed the plan.", ruleset=rules)
    assert not any(f.rule == "demo.emotive" for f in audit.findings)
    assert next(f for f in audit.findings if f.rule == "demo.no-date").deduction == 20


def test_malformed_rule_file_points_at_the_spot(capsys):
    code = main(["rules", "test", str(FIX / "rules" / "bad")])
    err = capsys.readouterr().err
    assert code == 2
    assert "broken.yaml:7:15" in err and "severity" in err and "info, warning, error" in err


def test_malformed_user_pack_stops_the_audit_before_any_input(tmp_path, capsys):
    article = tmp_path / "a.txt"
    article.write_text("The mayor slammed the plan.")
    code = main(["audit", str(article), "--rules", str(FIX / "rules" / "bad"), "--format", "json"])
    captured = capsys.readouterr()
    assert code == 2 and captured.out == "" and "broken.yaml:7" in captured.err


@pytest.mark.parametrize("yaml_text, expected", [
    ("pack: x\nrules:\n  - id: x.a\n    kind: lexi\n", "x.yaml:4:11: 'kind' must be one of lexicon, pattern, metadata, metric"),
    ("pack: x\nrules:\n  - id: y.a\n    kind: pattern\n", "x.yaml:3:9: rule id 'y.a' must start with its pack name"),
    ("pack: x\nrules:\n  - {id: x.a, kind: pattern, patterns: ['(?=a)(a+)+'], category: language}\n", "x.yaml:3:41: regular expression may backtrack"),
    ("pack: x\nrules: [\n", "x.yaml:3:1: invalid YAML"),
    ("pack: x\nrules:\n  - {id: x.a, kind: lexicon, category: language,\n     terms: [{term: Kiev, since: 2019-14-08}]}\n",
     "x.yaml:4:34: 'since' must be a date written YYYY-MM-DD"),
])
def test_schema_errors(tmp_path, capsys, yaml_text, expected):
    (tmp_path / "x.yaml").write_text(yaml_text)
    assert main(["rules", "lint", str(tmp_path)]) == 2
    assert expected in capsys.readouterr().err


def test_rules_test_command_runs_a_user_pack(demo_rules, capsys):
    assert main(["rules", "test", str(demo_rules)]) == 0
    assert "3 rules" in capsys.readouterr().out


def test_rules_test_reports_a_failing_example(tmp_path, capsys):
    text = (FIX / "rules" / "good" / "demo.yaml").read_text().replace(
        'pass: ["The mayor criticised the plan."', 'pass: ["The mayor slammed the plan."')
    (tmp_path / "demo.yaml").write_text(text)
    assert main(["rules", "test", str(tmp_path)]) == 1
    assert "demo.emotive: pass example: rule fires on 'The mayor slammed the plan.'" in capsys.readouterr().out


def test_many_extra_terms_change_nothing_else(demo, tmp_path):
    words = "\n".join(f"      - zq{i:05d}xw" for i in range(3000))
    (tmp_path / "extra.yaml").write_text(
        "pack: extra\nrules:\n  - id: extra.many\n    kind: lexicon\n    category: language\n    severity: info\n"
        "    weight: 1\n    message: m\n    description: d\n    examples: {flag: [zq00001xw], pass: [plain]}\n"
        f"    terms:\n{words}\n")
    both = build_ruleset([FIX / "rules" / "good", tmp_path], include_default=False)
    text = "The mayor slammed the regime; zq02999xw appeared."
    found = rules_of(auditor.audit_text(text, ruleset=both))
    assert ("extra.many", "zq02999xw") in found and ("demo.emotive", "slammed") in found
    assert both.term_count > 3000


def test_lookaround_patterns_match_as_written(tmp_path):
    # RE2 takes no lookaround: such a pattern is prefiltered without it and confirmed by Python's re
    (tmp_path / "look.yaml").write_text(
        "pack: look\nrules:\n  - id: look.unexplained\n    kind: pattern\n    category: sourcing\n"
        "    severity: warning\n    weight: 1\n    message: m\n    description: d\n"
        "    patterns: ['\\b(?<!named )sources said\\b(?![^.]{0,40}anonymity)', '[(?!]x[)](?! no)']\n"
        "    examples: {flag: ['Sources said so.'], pass: ['Named sources said so.']}\n")
    pack = build_ruleset([tmp_path], include_default=False)
    cases = {
        "Sources said the talks failed.": [("look.unexplained", "Sources said")],
        "Named sources said the talks failed.": [],
        "Sources said, on condition of anonymity, the talks failed.": [],
        "Sources said nothing. They asked for anonymity.": [("look.unexplained", "Sources said")],
        "The mark (x) stays; so does [!x].": [("look.unexplained", "(x)")],
        "The mark (x) no longer stays.": [],
    }
    for text, expected in cases.items():
        assert rules_of(auditor.audit_text(text, ruleset=pack)) == expected, text


def test_lint_reports_a_word_form_two_rules_would_both_flag(tmp_path, capsys):
    def rule(name: str, term: str, flag: str) -> str:
        return f"""  - id: x.{name}
    kind: lexicon
    category: language
    severity: warning
    weight: 2
    message: "Loaded: {{match}}"
    description: A made-up rule for this test, which checks that lint notices one word form produced by two rules.
    link: https://example.org/guide
    scope: [narrator]
    terms: [{term}]
    examples:
      flag: ["{flag}", "{flag} Again.", "Once more: {flag}"]
      pass: ["The mayor spoke.", "The council met.", "The vote passed."]
"""
    (tmp_path / "x.yaml").write_text("pack: x\nrules:\n" + rule("verbs", "sneer", "The mayor sneered.")
                                     + rule("adjectives", "sneering", "A sneering mayor spoke."))
    code = main(["rules", "lint", str(tmp_path)])
    out = capsys.readouterr()
    assert code != 0
    assert "both match 'sneering'" in out.out + out.err and "x.verbs" in out.out + out.err


def test_a_message_says_whose_words_a_finding_is_in(tmp_path):
    (tmp_path / "voice.yaml").write_text(
        "pack: voice\ndescription: A pack for the {voice} placeholder.\nrules:\n"
        "  - id: voice.judgement\n    kind: lexicon\n    category: language\n    severity: warning\n"
        "    weight: 2\n    scope: [text, title]\n    message: \"Judgement word '{match}' {voice}\"\n"
        "    description: A word that judges where a description would do.\n    terms: [reckless]\n"
        "    examples:\n      flag: [\"The reckless plan passed.\"]\n      pass: [\"The plan passed.\"]\n",
        encoding="utf-8")
    rules = build_ruleset([tmp_path], include_default=False)
    text = ('The reckless plan passed. "It is reckless," said Mayor Ann Lee. '
            "The treasurer said that the spending was reckless.")
    audit = auditor.audit_text(text, ruleset=rules, title="A reckless vote")
    messages = {(f.field, f.voice): f.message for f in audit.findings}
    assert messages == {
        ("title", "narrator"): "Judgement word 'reckless' in the headline",
        ("text", "narrator"): "Judgement word 'reckless' in the writer's own voice",
        ("text", "quoted"): "Judgement word 'reckless' in a quotation from Ann Lee",
        ("text", "attributed"): "Judgement word 'reckless' in words attributed to the treasurer",
    }


def _one_rule_pack(folder: Path, name: str, kind: str, message: str, checks: str, scope: str, body: str) -> None:
    """A user pack 'x' with one made-up rule x.<name> (its kind's keys and examples in `body`)."""
    (folder / "x.yaml").write_text(
        f"pack: x\nrules:\n  - id: x.{name}\n    kind: {kind}\n    category: language\n    severity: warning\n"
        f"    weight: 2\n    message: \"{message}\"\n"
        f"    description: A made-up rule for this test, which {checks}.\n"
        f"    link: https://example.org/guide\n    scope: {scope}\n" + body)


@pytest.mark.parametrize("scope, warned", [("[text]", True), ("[narrator]", False)])
def test_lint_asks_for_voice_when_a_message_claims_the_writer_for_quoted_words(tmp_path, capsys, scope, warned):
    _one_rule_pack(tmp_path, "judgement", "lexicon", "Judgement word '{match}' in the writer's own voice",
                   "checks what lint says about messages and voices", scope,
                   """    terms: [reckless]
    examples:
      flag: ["A reckless plan.", "The reckless vote.", "Reckless spending rose."]
      pass: ["The mayor spoke.", "The council met.", "The vote passed."]
""")
    main(["rules", "lint", str(tmp_path)])
    out = capsys.readouterr()
    assert ("write {voice}" in out.out + out.err) is warned


def _attitude_pack(folder: Path, exceptions: str) -> Path:
    """A one-rule pack flagging "complain", with the given `exceptions:` value (YAML flow text)."""
    folder.mkdir(exist_ok=True)
    (folder / "x.yaml").write_text(f"""pack: x
rules:
  - id: x.attitude
    kind: lexicon
    category: language
    severity: warning
    weight: 2
    message: "Attitude verb '{{match}}'"
    description: A made-up rule for this test, which checks how exceptions inflect and are validated.
    scope: [text]
    terms: [complain]
    exceptions: {exceptions}
    examples:
      flag: ["The mayor complained about the vote."]
      pass: ["The mayor spoke."]
""")
    return folder


def test_an_exception_can_say_which_of_its_words_inflect(tmp_path):
    text = "The driver complained of chest pains. The mayor complained of the delay."
    plain = build_ruleset([_attitude_pack(tmp_path / "plain", '["complain of [pain|pains|chest]"]')],
                          include_default=False)
    mapped = build_ruleset([_attitude_pack(tmp_path / "mapped",
                                           '[{phrase: "complain of [pain|pains|chest]", inflect: first}]')],
                           include_default=False)
    # the last word inflects by default ("of"), so "complained of chest" is no exception
    assert len(auditor.audit_text(text, ruleset=plain).findings) == 2
    assert [f.start for f in auditor.audit_text(text, ruleset=mapped).findings] == [text.index("complained of the")]


def test_a_malformed_exception_points_at_the_spot(tmp_path, capsys):
    _attitude_pack(tmp_path, '[{phrase: "complain of [pain]", inflect: middle}]')
    assert main(["rules", "test", str(tmp_path)]) == 2
    err = capsys.readouterr().err
    assert "x.yaml:12" in err and "'inflect' must be one of" in err


@pytest.mark.parametrize("pattern, warned", [("(?<!named )'(?:reform)'", True), ("'(?<!named ')(?:reform)'", False)])
def test_lint_reports_a_pattern_that_opens_with_a_look_behind(tmp_path, capsys, pattern, warned):
    _one_rule_pack(tmp_path, "quotes", "pattern", "Quoted {match}", "checks that lint notices a slow pattern opening",
                   "[text]", f"""    patterns: ["{pattern}"]
    examples:
      flag: ["The 'reform' passed.", "A 'reform' again.", "Once more, the 'reform'."]
      pass: ["The reform passed.", "The council met.", "A ship named 'reform' sailed."]
""")
    code = main(["rules", "lint", str(tmp_path)])
    out = capsys.readouterr().out
    assert ("opens with a look-behind" in out) is warned and code == (1 if warned else 0)
