"""The held-out evaluation's loaders and arithmetic, on tiny data folders the tests write themselves (invented
sentences laid out like the CheckThat!, NewsBias2020, Wikipedia NPOV and CoNLL-2010 weasel files)."""
from __future__ import annotations

from pathlib import Path

import pytest

from eval import heldout
from eval.bias import Prediction, RuleTally

# invented sentences: the loaded ones carry unmistakable narrator wording, the plain ones none at all
LOADED = ("The council's reckless scheme is a disgrace to the whole town.",
          "The radical mayor slammed the hapless critics.",
          "The shameful deal betrays every farmer in the valley.")
PLAIN = ("The library opens at nine on weekdays.", "The bus timetable changes in April.",
         "The museum shut for repairs last week.", "The vote took place on Tuesday evening.")
QUOTED = '"It is a reckless and disgraceful plan," the mayor said.'  # loaded, but in the mayor's voice


def write_sets(root: Path) -> Path:
    labels = root / "labels"
    folder = labels / "checkthat2025_subjectivity_en"
    folder.mkdir(parents=True)
    (folder / "dev_en.tsv").write_text(
        "sentence_id\tsentence\tlabel\tsolved_conflict\n"
        f"c1\t{LOADED[0]}\tSUBJ\tFalse\n"
        f"c2\t{PLAIN[0]}\tOBJ\tFalse\n"
        f"c3\t{QUOTED}\tSUBJ\tTrue\n"
        f"c4\t{LOADED[1]}\tOBJ\tFalse\n", encoding="utf-8")
    (folder / "dev_test_en.tsv").write_text(
        "sentence_id\tsentence\tlabel\n"
        f"d1\t{PLAIN[1]}\tSUBJ\n"
        f"d2\t{LOADED[2]}\tSUBJ\n"
        f"d3\t{PLAIN[2]}\tOBJ\n", encoding="utf-8")

    folder = labels / "newsbias2020_faerber_ukraine"
    folder.mkdir()
    rows = [LOADED[0], PLAIN[0], LOADED[1], PLAIN[1]]
    (folder / "sentences-with-binary-labels-bias.csv").write_text(
        "".join(f"{s},{label}\n" for s, label in zip(rows, (1, 0, 1, 1))), encoding="utf-8")
    (folder / "sentences-with-binary-labels-subj.csv").write_text(
        "".join(f"{s},{label}\n" for s, label in zip(rows, (1, 0, 0, 0))), encoding="utf-8")

    folder = labels / "wiki_npov_hube_fetahu_2019"
    folder.mkdir()
    (folder / "wiki_npov_statements.csv").write_text(
        "text,label,subset\n"
        f"{LOADED[0]},1,biased\n"
        f"{PLAIN[0]},1,biased\n"
        f"{LOADED[2]},0,neutral_cw-hard\n"
        f"{PLAIN[1]},0,neutral_cw-hard\n"
        f"{PLAIN[2]},0,neutral_featured\n"
        f"{PLAIN[3]},0,neutral_featured\n", encoding="utf-8")

    folder = labels / "wiki_weasel_conll2010"
    folder.mkdir()
    (folder / "test.csv").write_text(
        "text,label\n"
        '"Critics say the new tax -LRB- a levy on bread -RRB- wo n\'t help small businesses .\n",1\n'
        '"It is widely believed that the castle \'s tower was built first .\n",1\n'
        '"The bridge may open in May .\n",1\n'
        '"The river flows north into the lake .\n",0\n'
        '"Some argue that the tower was never finished .\n",0\n'
        # also a language/framing sentence elsewhere: audited again here, with the sourcing rules
        '"The council \'s reckless scheme is a disgrace to the whole town .\n",0\n', encoding="utf-8")
    return root


@pytest.fixture
def data(tmp_path) -> Path:
    return write_sets(tmp_path)


def test_detokenize_undoes_ptb_tokens():
    assert heldout.detokenize("Critics say the tax -LRB- a levy -RRB- wo n't help , they 're sure .\n") == \
        "Critics say the tax (a levy) won't help, they're sure."
    assert heldout.detokenize("The magazine `` Weekly '' -LSB- sic -RSB- costs $ 5 -- or 10 % less .") == \
        'The magazine "Weekly" [sic] costs $5 – or 10% less.'
    assert heldout.detokenize("Known as ` Old Bell' , it is Eric B. 's favourite .") == \
        "Known as 'Old Bell', it is Eric B.'s favourite."
    assert heldout.detokenize("A .50 caliber rifle") == "A .50 caliber rifle"  # a decimal point is no full stop


def test_load_checkthat_reads_both_files_without_quote_handling(data):
    items = heldout.load_checkthat(data / heldout.CHECKTHAT)
    assert [i.positive for i in items] == [True, False, True, False, True, True, False]
    assert [i.group for i in items] == ["dev_en"] * 4 + ["dev_test_en"] * 3
    assert items[2].text == QUOTED  # a sentence opening with a quotation mark stays whole
    assert len(heldout.load_checkthat(data / heldout.CHECKTHAT, limit=5)) == 5


def test_load_binary_csv_reads_quoted_fields(tmp_path):
    path = tmp_path / "sentences.csv"
    path.write_text('"The plan, in short, is ""done"" for now.",1\n'
                    "A plain row,0\nA row without a label\nA bad label,2\n"
                    "Russia says the talks went well,0\n", encoding="utf-8")
    items = heldout.load_binary_csv(path)
    assert [(i.text, i.positive) for i in items] == [('The plan, in short, is "done" for now.', True),
                                                     ("A plain row", False),
                                                     ("Russia says the talks went well", False)]
    assert len(heldout.load_binary_csv(path, limit=2)) == 2


def test_load_npov_and_weasel(data):
    npov = heldout.load_npov(data / heldout.NPOV)
    assert [i.positive for i in npov] == [True, True, False, False, False, False]
    assert [i.group for i in npov] == ["biased"] * 2 + ["neutral_cw-hard"] * 2 + ["neutral_featured"] * 2
    weasel = heldout.load_weasel(data / heldout.WEASEL)
    assert [i.positive for i in weasel] == [True, True, True, False, False, False]
    assert weasel[5].text == LOADED[0]
    assert weasel[0].text == "Critics say the new tax (a levy on bread) won't help small businesses."
    assert weasel[1].text == "It is widely believed that the castle's tower was built first."


def test_sample_takes_every_kth_row_from_the_first():
    items = [heldout.Item(str(n), n % 2 == 0) for n in range(10)]
    kept, step = heldout.sample(items, cap=3)
    assert step == 4 and [i.text for i in kept] == ["0", "4", "8"]
    kept, step = heldout.sample(items, cap=10)
    assert step == 1 and len(kept) == 10


def _pred(rule: str, voice: str = "narrator") -> Prediction:
    return Prediction(rule, "language", "word", "text", 0, 4, voice)


def test_score_set_counts_narrator_predictions_per_class_group_and_rule():
    items = [heldout.Item("a", True, "g1"), heldout.Item("b", True, "g1"), heldout.Item("c", False, "g1"),
             heldout.Item("d", False, "g2"), heldout.Item("e", True, "g2"), heldout.Item("f", False, "g2")]
    predictions = {"a": [_pred("r.one"), _pred("r.one")], "b": [_pred("r.two", "quoted")], "c": [_pred("r.two")],
                   "d": [], "e": [_pred("r.two")], "f": []}
    tally = RuleTally()
    score = heldout.score_set(items, predictions, "set", tally)
    # a, e: true positives; c: false positive; b (only a quoted finding): false negative; d, f: true negatives
    assert score.confusion == {(True, True): 2, (False, True): 1, (True, False): 1, (False, False): 2}
    assert score.class_pr(True) == pytest.approx((2 / 3, 2 / 3, 2 / 3))
    assert score.class_pr(False) == pytest.approx((2 / 3, 2 / 3, 2 / 3))
    assert score.macro_f1 == pytest.approx(2 / 3)
    assert score.groups["g1"].confusion == {(True, True): 1, (True, False): 1, (False, True): 1}
    assert score.groups["g2"].macro_f1 == pytest.approx(1.0)
    assert tally.fires[("r.one", "set")] == 2 and tally.hits[("r.one", "set")] == 2
    assert tally.fires[("r.two", "set")] == 2 and tally.hits[("r.two", "set")] == 1
    assert score.caught == {"r.one": 1, "r.two": 1}
    table = heldout.rule_table(score, tally, "set")
    assert "base rate 0.500" in table
    assert table.index("r.two") < table.index("r.one")  # the weaker rule first
    # any voice counts for the sourcing set
    assert heldout.score_set(items, predictions, "any", RuleTally(), heldout.any_voice).confusion[(True, True)] == 3


def test_run_scores_every_set_on_the_fixture_folder(data, capsys):
    (data / "labels" / "biased_sents_lim2020").mkdir()
    results = heldout.run(data=str(data), jobs=1)
    out = capsys.readouterr().out
    # CheckThat!: SUBJ TP 2 (c1, d2), FN 2 (c3 quoted, d1 plain), FP 1 (c4); OBJ right twice (c2, d3)
    assert results["checkthat_macro_f1"] == pytest.approx(4 / 7)
    # NewsBias bias labels 1,0,1,1 against flags 1,0,1,0; subjectivity labels 1,0,0,0
    assert results["newsbias_bias_macro_f1"] == pytest.approx((0.8 + 2 / 3) / 2)
    assert results["newsbias_subjectivity_macro_f1"] == pytest.approx((2 / 3 + 0.8) / 2)
    # NPOV: biased TP 1, FN 1; neutral FP 1 (cw-hard), TN 3
    assert results["npov_macro_f1"] == pytest.approx((0.5 + 0.75) / 2)
    # weasel: "Critics say", "It is widely believed" caught; the hedge missed; "Some argue" labelled certain
    assert results["weasel_precision"] == pytest.approx(2 / 3)
    assert results["weasel_recall"] == pytest.approx(2 / 3)
    assert results["weasel_macro_f1"] == pytest.approx(2 / 3)  # certain: P = R = 2/3
    assert "sourcing.vague-attribution  3      2            0.667" in out
    assert "neutral_cw-hard" in out and "dev_test_en" in out
    assert "Wikipedia prose, not news" in out and "precision is the more telling figure" in out
    assert "macro-F1 0.63 (README_task1.md)" in out
    assert "Lim et al. 2020 biased sentences: skipped" in out
    assert "sampled" not in out


def test_run_limit_samples_evenly_and_missing_sets_are_skipped(data, tmp_path, capsys):
    results = heldout.run(data=str(data), limit=3, jobs=1)
    out = capsys.readouterr().out
    assert "k = 3: 3 of 7 rows scored" in out  # CheckThat! rows c1, c4, d3
    assert "k = 2: 3 of 6 rows scored" in out  # NPOV: the first row of each subset
    # c1 a true positive, c4 a false positive, d3 a true negative: 2/3 F1 for both classes
    assert results["checkthat_macro_f1"] == pytest.approx(2 / 3)
    assert results["npov_macro_f1"] == pytest.approx(2 / 3)
    empty = tmp_path / "empty"
    empty.mkdir()
    assert heldout.run(data=str(empty), jobs=1) == {}
    out = capsys.readouterr().out
    assert out.count("skipped") == 5 and "Lim" not in out  # NewsBias2020: one line per label file


def test_python_m_eval_runs_the_heldout_suite(data, capsys):
    from eval.__main__ import main
    assert main(["heldout", "--data", str(data)]) == 0
    assert "CoNLL-2010" in capsys.readouterr().out
