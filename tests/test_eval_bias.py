"""The bias evaluation's own arithmetic, on tiny fixtures the team wrote in the BABE, BASIL and PTC formats."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from eval import bias

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "eval"


def test_tokens_split_hyphens_and_keep_apostrophes():
    assert [t for t, _, _ in bias.tokens("The far-left mayor’s plan, don't!")] == [
        "the", "far", "left", "mayor's", "plan", "don't"]


def test_gold_word_positions_match_token_sequences():
    sentence = "The far-left plan is far from done."
    assert bias.gold_word_positions(sentence, ["far-left"]) == {1, 2}
    assert bias.gold_word_positions(sentence, ["far"]) == {1, 5}
    assert bias.gold_word_positions(sentence, ["absent"]) == set()


def test_load_babe_skips_no_agreement_and_parses_word_lists():
    items = bias.load_babe(FIXTURES / "babe-sample.csv")
    assert [i.biased for i in items] == [True, False, False, True]
    assert items[0].words == ("slammed", "far-left", "reckless")
    assert items[3].words == ("staunch", "mayor’s")
    assert len(bias.load_babe(FIXTURES / "babe-sample.csv", limit=2)) == 2


def test_score_babe_counts_sentences_and_words():
    tally = bias.RuleTally()
    score = bias.score_babe(bias.load_babe(FIXTURES / "babe-sample.csv"), tally)
    assert score.sentences == 4
    assert sum(score.confusion.values()) == 4
    # the two plain sentences carry no loaded wording; the two loaded ones do
    assert score.confusion[(False, False)] == 2
    assert score.confusion[(True, True)] == 2
    assert score.macro_f1 == pytest.approx(1.0)
    gold_tokens = 4 + 2  # slammed, far, left, reckless | staunch, mayor's
    assert score.word_tp + score.word_fn == gold_tokens
    assert score.word_tp >= 2  # "slammed" and "staunch" at least
    assert sum(tally.fires[key] for key in tally.fires if key[1] == "babe") >= 2


def test_load_basil_places_spans_by_sentence_id():
    docs = bias.load_basil(FIXTURES / "basil-sample")
    assert len(docs) == 1
    doc = docs[0]
    assert doc.text.startswith("The city council rejected")
    assert "\n\nThe vote was six to three." in doc.text
    for span in doc.spans:
        host = doc.title if span.field == "title" else doc.text
        assert host[span.start:span.end]
    texts = {(s.field, doc.title[s.start:s.end] if s.field == "title" else doc.text[s.start:s.end], s.label, s.quote)
             for s in doc.spans}
    assert ("text", "slammed", "lex", False) in texts
    assert ("text", "disgrace", "lex", True) in texts
    assert ("title", "Rejects", "lex", False) in texts


def test_score_basil_recall_and_share():
    tally = bias.RuleTally()
    score = bias.score_spans(bias.load_basil(FIXTURES / "basil-sample"), "basil", tally,
                             label_of=bias._basil_label)
    assert score.gold["lex:narrator"] == 3 and score.gold["lex:quote"] == 1 and score.gold["inf:narrator"] == 1
    assert score.found["lex:narrator"] >= 1  # "slammed"
    assert 0.0 < score.recall("lex:narrator", "lex:quote") <= 1.0
    assert score.inside["all"] <= score.predictions["all"]


def test_load_ptc_splits_headline_and_body_offsets():
    docs = bias.load_ptc(FIXTURES / "ptc-sample.jsonl")
    doc = docs[0]
    assert doc.title == "Mayor Unveils Radical Bus Plan"
    got = {(s.field, (doc.title if s.field == "title" else doc.text)[s.start:s.end], s.label) for s in doc.spans}
    assert got == {("title", "Radical", "Loaded_Language"), ("text", "wreck", "Loaded_Language"),
                   ("text", "fearmongers", "Name_Calling,Labeling"),
                   ("text", "The plan adds twelve bus routes", "Doubt")}


def test_run_prints_targets_on_a_fixture_data_folder(tmp_path, capsys):
    labels = tmp_path / "labels"
    (labels / "babe").mkdir(parents=True)
    shutil.copy(FIXTURES / "babe-sample.csv", labels / "babe" / "babe-dev.csv")
    shutil.copytree(FIXTURES / "basil-sample", labels / "basil")
    (labels / "ptc").mkdir()
    shutil.copy(FIXTURES / "ptc-sample.jsonl", labels / "ptc" / "articles.jsonl")
    results = bias.run(data=str(tmp_path), jobs=1)
    out = capsys.readouterr().out
    assert set(bias.TARGETS) <= set(results)
    assert "BABE sentence macro-F1" in out and ">= 0.70" in out
    assert "Per-rule precision" in out
    assert all(0.0 <= v <= 1.0 for v in results.values())


def test_run_skips_missing_sets(tmp_path, capsys):
    assert bias.run(data=str(tmp_path), jobs=1) == {}
    assert "skipped" in capsys.readouterr().out
