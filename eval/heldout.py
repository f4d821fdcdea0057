"""Held-out checks: sentence-level labelled sets that no rule was tuned on, to see whether the rules
generalise beyond BABE, BASIL, PTC and PolNeAR. Never tune a rule on these sets: their figures are only
worth something while nobody reads them before editing rules/.

python -m eval heldout [--data DIR] [--limit N]

Every sentence is audited on its own (`eval.bias.audit_sentence`). Sets larger than MAX_SENTENCES are
sampled deterministically (every k-th row from the first, k the smallest step that brings the set under
the cap); the output says so. `--limit N` lowers the cap to N: several files are sorted by label, so the
first N rows would hold one class only.

Loaded language and framing (the BABE prediction of eval/bias.py): a sentence is predicted positive when
a narrator-voice finding of a `language` or `framing` rule fires in it. Per-class P/R/F1 and macro-F1.
  * CheckThat! 2025 task 1, English (`labels/checkthat2025_subjectivity_en/`, dev_en.tsv and
    dev_test_en.tsv, TSV read without quote handling): SUBJ vs OBJ.
  * NewsBias2020 (`labels/newsbias2020_faerber_ukraine/`, sentences-with-binary-labels-bias.csv and
    -subj.csv: no header row, columns sentence, label 1/0): biased (resp. subjective) vs not.
  * Wikipedia NPOV statements (`labels/wiki_npov_hube_fetahu_2019/wiki_npov_statements.csv`, columns text,
    label 1 biased / 0 neutral, subset): Wikipedia prose, not news.
Vague sourcing:
  * CoNLL-2010 Wikipedia weasel sentences (`labels/wiki_weasel_conll2010/test.csv`, columns text, label
    1 uncertain / 0 certain; PTB tokens undone by `detokenize`): predicted positive when a finding of a
    `sourcing` rule with a place in the text fires (any voice), audited with the sourcing rules switched on.
    Document-level metric findings (one-sided dispute, single source) have no place and are left out, as
    in eval/bias.py. CoNLL "uncertainty" also covers hedges ("may", "possibly") and peacock words that the
    sourcing rules do not aim at, so their precision says more than their recall.
Lim et al. 2020 (`labels/biased_sents_lim2020/`) is not scored: its per-sentence label is an ordinal 1-4
crowd rating whose answer options are not documented in the folder, and no cut-off into biased/neutral is
given (PROVENANCE: mean >= 1.5 makes 799 of 842 sentences biased, >= 2.5 makes 225).

For every set a per-rule table shows how often each predicting rule fires and what share of its firings
fall in positive-labelled sentences (to compare with the set's base rate), so a weak rule shows up.
"""
from __future__ import annotations

import csv
import os
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Sequence

from . import bias
from .bias import Prediction, RuleTally, _map, audit_sentence
from .common import BinaryScore, class_table, data_root, table

CHECKTHAT = Path("labels/checkthat2025_subjectivity_en")
CHECKTHAT_FILES = ("dev_en.tsv", "dev_test_en.tsv")
NEWSBIAS = Path("labels/newsbias2020_faerber_ukraine")
NEWSBIAS_FILES = {"bias": "sentences-with-binary-labels-bias.csv",
                  "subjectivity": "sentences-with-binary-labels-subj.csv"}
NPOV = Path("labels/wiki_npov_hube_fetahu_2019/wiki_npov_statements.csv")
WEASEL = Path("labels/wiki_weasel_conll2010/test.csv")
LIM = Path("labels/biased_sents_lim2020")
MAX_SENTENCES = 3000
SOURCING = ("sourcing",)


@dataclass(frozen=True)
class Item:
    text: str
    positive: bool
    group: str = ""  # the file or subset the sentence comes from


# --- loaders --------------------------------------------------------------------------------------
def _squeeze(text: str) -> str:
    return " ".join(text.split())


def load_checkthat(folder: Path, limit: int | None = None) -> list[Item]:
    """dev_en.tsv then dev_test_en.tsv (those present); SUBJ is the positive class, rows with another
    label are skipped. The sentences hold bare quotation marks, so the TSV is read with QUOTE_NONE."""
    items: list[Item] = []
    for name in CHECKTHAT_FILES:
        path = folder / name
        if not path.is_file():
            continue
        with path.open(encoding="utf-8", newline="") as handle:
            for row in csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE):
                label = (row.get("label") or "").strip()
                if label not in ("SUBJ", "OBJ"):
                    continue
                items.append(Item(_squeeze(row["sentence"]), label == "SUBJ", name.removesuffix(".tsv")))
                if limit and len(items) >= limit:
                    return items
    return items


def load_binary_csv(path: Path, limit: int | None = None) -> list[Item]:
    """NewsBias2020's header-less CSV: sentence, label (1 positive, 0 not); other rows are skipped."""
    items: list[Item] = []
    with path.open(encoding="utf-8-sig", newline="") as handle:
        for row in csv.reader(handle):
            if len(row) != 2 or row[1].strip() not in ("0", "1"):
                continue
            items.append(Item(_squeeze(row[0]), row[1].strip() == "1"))
            if limit and len(items) >= limit:
                break
    return items


_PTB_BRACKETS = {"-LRB-": "(", "-RRB-": ")", "-LSB-": "[", "-RSB-": "]", "-LCB-": "{", "-RCB-": "}"}
_PTB_STEPS = (
    (re.compile(r"``\s*"), '"'),  # opening double quote
    (re.compile(r"\s*''"), '"'),  # closing double quote
    (re.compile(r"`\s*"), "'"),  # opening single quote
    (re.compile(r"(?<=\w) (?=n't\b)", re.I), ""),  # do n't, ca n't, wo n't
    (re.compile(r"(?<=[\w.]) (?='(?:s|re|ve|ll|d|m)\b)", re.I), ""),  # Napier 's, they 're
    (re.compile(r"(?<=[(\[{]) "), ""),
    (re.compile(r" (?=[)\]}])"), ""),
    (re.compile(r" (?=[,.;:!?%](?:\s|$))"), ""),  # a space before punctuation that ends a token
    (re.compile(r"(?<=\$) (?=\d)"), ""),
    (re.compile(r" -- "), " – "),
)


def detokenize(text: str) -> str:
    """Undo Penn Treebank tokenization: bracket tokens, `` '' and ` quotes, split clitics, spaces before
    punctuation, '$ 5', ' -- '."""
    text = _squeeze(text)
    for token, bracket in _PTB_BRACKETS.items():
        text = text.replace(token, bracket)
    for pattern, replacement in _PTB_STEPS:
        text = pattern.sub(replacement, text)
    return text


def load_labelled_csv(path: Path, limit: int | None = None, clean: Callable[[str], str] = _squeeze,
                      group_column: str | None = None) -> list[Item]:
    """A CSV with a header row and the columns text and label (1 positive, 0 not); rows with another label
    or no text are skipped. `clean` prepares the text, `group_column` names the column that groups rows."""
    items: list[Item] = []
    with path.open(encoding="utf-8-sig", newline="") as handle:
        for row in csv.DictReader(handle):
            label = (row.get("label") or "").strip()
            text = clean(row.get("text") or "")
            if label not in ("0", "1") or not text:
                continue
            items.append(Item(text, label == "1", (row.get(group_column) or "").strip() if group_column else ""))
            if limit and len(items) >= limit:
                break
    return items


def load_npov(path: Path, limit: int | None = None) -> list[Item]:
    """text, label (1 biased / 0 neutral), subset (biased, neutral_cw-hard, neutral_featured, ...)."""
    return load_labelled_csv(path, limit, group_column="subset")


def load_weasel(path: Path, limit: int | None = None) -> list[Item]:
    """text (PTB-tokenized, ending in a newline), label (1 uncertain / weasel, 0 certain)."""
    return load_labelled_csv(path, limit, detokenize)


def sample(items: list[Item], cap: int = MAX_SENTENCES) -> tuple[list[Item], int]:
    """Every k-th item (from the first), k the smallest step that leaves at most `cap` items; and k."""
    step = max(1, -(-len(items) // cap))
    return items[::step], step


# --- auditing and scoring -------------------------------------------------------------------------
def _sourcing_ruleset():
    """The default packs with only the sourcing rules on (compiled once per process by get_ruleset)."""
    from auditor import get_ruleset
    from auditor.config import Config
    return get_ruleset(config=Config(disable=("transparency", "language", "framing")))


def audit_sourcing(sentence: str) -> tuple[str, list[Prediction]]:
    return audit_sentence(sentence, _sourcing_ruleset(), SOURCING)


def audit_all(texts: Sequence[str], audit: Callable[[str], tuple[str, list[Prediction]]],
              jobs: int) -> dict[str, list[Prediction]]:
    """Each distinct text audited once: text -> its predictions."""
    unique = list(dict.fromkeys(texts))
    return {text: preds for text, (_, preds) in zip(unique, _map(audit, unique, jobs))}


def narrator(p: Prediction) -> bool:
    return p.voice == "narrator"


def any_voice(p: Prediction) -> bool:
    return True


@dataclass
class SetScore(BinaryScore):
    groups: dict[str, BinaryScore] = field(default_factory=dict)
    caught: Counter = field(default_factory=Counter)  # rule -> positive sentences it fires in


def score_set(items: Sequence[Item], predictions: dict[str, list[Prediction]], dataset: str, tally: RuleTally,
              predicts: Callable[[Prediction], bool] = narrator) -> SetScore:
    """Predict positive when a prediction that `predicts` accepts fires in the sentence; every such
    prediction is counted in `tally` under `dataset`, as inside when the sentence is labelled positive."""
    score = SetScore()
    for item in items:
        firing = [p for p in predictions[item.text] if predicts(p)]
        score.add(item.positive, bool(firing))
        score.groups.setdefault(item.group, BinaryScore()).add(item.positive, bool(firing))
        for p in firing:
            tally.add(p, dataset, item.positive, context=item.text)
        if item.positive:
            score.caught.update({p.rule for p in firing})
    return score


# --- printing -------------------------------------------------------------------------------------
def group_table(score: SetScore, heading: str) -> str:
    rows = []
    for name, s in score.groups.items():
        flagged = s.confusion[(True, True)] + s.confusion[(False, True)]
        both = s.support(True) and s.support(False)
        rows.append([name, s.sentences, s.support(True), flagged, flagged / s.sentences if s.sentences else 0.0,
                     s.macro_f1 if both else "-"])
    return table([heading, "sentences", "positive", "flagged", "flagged share", "macro-F1"], rows)


def rule_table(score: SetScore, tally: RuleTally, dataset: str) -> str:
    positives = score.support(True)
    rows = []
    for rule in sorted({r for r, d in tally.fires if d == dataset}):
        fires, hits = tally.fires[(rule, dataset)], tally.hits[(rule, dataset)]
        rows.append([rule, fires, hits, hits / fires, score.caught[rule] / positives if positives else 0.0])
    rows.sort(key=lambda r: (r[3], -r[1]))
    base = positives / score.sentences if score.sentences else 0.0
    return "\n".join([
        f"Per rule (share of its firings in positive sentences; base rate {base:.3f}; "
        "recall = positive sentences it fires in / positives)",
        table(["rule", "fires", "in positive", "share", "recall"], rows) if rows else "(no rule fired)",
    ])


def set_report(title: str, score: SetScore, tally: RuleTally, dataset: str, classes: tuple[str, str],
               notes: Sequence[str] = (), group_heading: str | None = None) -> str:
    parts = [title, class_table(score, *classes)]
    if group_heading and len(score.groups) > 1:
        parts += ["", group_table(score, group_heading)]
    parts += list(notes)
    parts += ["", rule_table(score, tally, dataset)]
    return "\n".join(parts)


# --- the suite ------------------------------------------------------------------------------------
@dataclass(frozen=True)
class HeldOutSet:
    key: str  # names the figures in run()'s result: {key}_macro_f1, {key}_precision, ...
    name: str
    path: Path  # under the data root: what `load` reads
    load: Callable[[Path], list[Item]]
    title: str  # may use {n}, the number of sentences scored
    classes: tuple[str, str]  # the positive class, then the negative
    notes: tuple[str, ...]
    audit: Callable[[str], tuple[str, list[Prediction]]] = audit_sentence
    predicts: Callable[[Prediction], bool] = narrator
    group_heading: str | None = None


def _newsbias(key: str, file: str) -> HeldOutSet:
    return HeldOutSet(
        f"newsbias_{key}", f"NewsBias2020 {key} labels", NEWSBIAS / file, load_binary_csv,
        f"NewsBias2020 (Faerber et al., Ukraine crisis news), {key} label: {{n}} sentences",
        (key, f"not {key}"), ("reference: none in the data folder",))


SETS = (
    HeldOutSet(
        "checkthat", "CheckThat! 2025", CHECKTHAT, load_checkthat,
        "CheckThat! 2025 task 1 subjectivity, English dev + dev-test: {n} sentences (news)", ("SUBJ", "OBJ"),
        ("reference: organisers' baseline (logistic regression on MiniLM-L12-v2 sentence embeddings), "
         "English dev-test macro-F1 0.63 (README_task1.md)",), group_heading="file"),
    *(_newsbias(key, file) for key, file in NEWSBIAS_FILES.items()),
    HeldOutSet(
        "npov", "Wikipedia NPOV statements", NPOV, load_npov,
        "Wikipedia NPOV statements (Hube & Fetahu 2019): {n} statements. Wikipedia prose, not news",
        ("biased", "neutral"), ("reference: none in the data folder",), group_heading="subset"),
    HeldOutSet(
        "weasel", "CoNLL-2010 weasel sentences", WEASEL, load_weasel,
        "CoNLL-2010 Wikipedia weasel/uncertain sentences (test): {n} sentences; weasel predicted when a "
        "sourcing finding (any voice) fires. Wikipedia prose, not news", ("weasel", "certain"),
        ("CoNLL-2010 uncertainty includes hedges ('may', 'possibly') and peacock words the sourcing rules "
         "do not aim at: the weasel precision is the more telling figure",
         "reference: none from the paper in the data folder (its PROVENANCE notes a naive weasel regex "
         "firing on 29-43% of positives vs 3-10% of negatives)"),
        audit_sourcing, any_voice),
)


def report_set(spec: HeldOutSet, loaded: list[Item], predictions: dict[str, list[Prediction]], jobs: int = 1,
               cap: int = MAX_SENTENCES) -> SetScore:
    """Sample, audit what `predictions` (text -> predictions, filled in here) lacks, score and print one set."""
    items, step = sample(loaded, cap)
    missing = [i.text for i in items if i.text not in predictions]
    predictions.update(audit_all(missing, spec.audit, jobs))
    tally = RuleTally()
    score = score_set(items, predictions, spec.key, tally, spec.predicts)
    sampled = [f"sampled: every k-th row from the first, k = {step}: {len(items)} of {len(loaded)} rows scored"
               ] if step > 1 else []
    print(set_report(spec.title.format(n=score.sentences), score, tally, spec.key, spec.classes,
                     [*sampled, *spec.notes], spec.group_heading), end="\n\n")
    return score


def run(data: str | None = None, limit: int | None = None, jobs: int | None = None) -> dict[str, float]:
    """Print every held-out table; return each set's macro-F1 and positive-class precision, recall, F1."""
    root = data_root(data)
    jobs = jobs if jobs is not None else min(2, os.cpu_count() or 1)
    cap = min(MAX_SENTENCES, limit) if limit else MAX_SENTENCES
    results: dict[str, float] = {}
    bias._ruleset()  # compile both rule sets once before forking
    _sourcing_ruleset()
    print("Held-out sets: never used to tune a rule. Language/framing sets: positive predicted when a "
          "narrator-voice language or framing finding fires in the sentence.\n")
    audited: dict[Callable, dict[str, list[Prediction]]] = {}  # per audit function: text -> predictions
    for spec in SETS:
        path = root / spec.path
        loaded = spec.load(path) if path.exists() else []
        if not loaded:
            print(f"[heldout] {spec.name} not found at {path}: skipped\n")
            continue
        score = report_set(spec, loaded, audited.setdefault(spec.audit, {}), jobs, cap)
        p, r, f = score.class_pr(True)
        results.update({f"{spec.key}_macro_f1": score.macro_f1, f"{spec.key}_precision": p,
                        f"{spec.key}_recall": r, f"{spec.key}_f1": f})
    if (root / LIM).is_dir():
        print("[heldout] Lim et al. 2020 biased sentences: skipped, no clean sentence label (an ordinal 1-4 crowd "
              "rating with undocumented options and no agreed cut-off; mean >= 1.5 makes 95% of sentences biased)")
    return results


def main(argv: list[str] | None = None) -> int:
    import argparse
    parser = argparse.ArgumentParser(prog="python -m eval.heldout", description=__doc__.split("\n")[0])
    parser.add_argument("--data", help="labelled data folder (default ../shared/data)")
    parser.add_argument("--limit", type=int, help="at most N rows of each set, spread over the file (quick look)")
    args = parser.parse_args(argv)
    run(data=args.data, limit=args.limit)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
