"""Loaded wording, measured: BABE (sentences and biased words), BASIL (lexical bias spans) and PTC
(propaganda technique spans) against the language and framing rules.

python -m eval bias [--data DIR] [--limit N]
python -m eval.bias [--data DIR] [--limit N] [--rules DIR ...] [--dump FILE.jsonl]

Diagnostics (they change no figure's definition): `--rules DIR` adds a folder of rule packs to the
default ones, to measure a candidate rule before it enters rules/; `--dump FILE` writes one JSON line
per prediction counted in the per-rule table (dataset, rule, matched words, voice, whether it lies in a
labelled span or a sentence labelled Biased, the labels of the spans it overlaps (BASIL `lex:quote`,
`inf:narrator`, ...; PTC the technique) and the text around it), to read the misses and false alarms of
a rule by category.

What counts as a prediction: a finding of a `language` or `framing` rule that has a place in the text
(document-level metric findings have none and are left out). Transparency and sourcing rules are disabled
for speed; they never predict here.

Info-severity findings count. A `text`-scope rule reports wording inside quotations and attributed speech
as `info` (it costs the article nothing, but the reader is still shown the loaded word), and the span sets
label quoted wording too, so dropping info findings would measure the scoring policy, not whether the
rules find loaded language: with them dropped (measured once, rules of commit ade9e40) BASIL lexical
recall falls from 0.439 to 0.259 and PTC Loaded_Language + Name_Calling recall from 0.464 to 0.353,
while BABE (single narrator sentences) moves little (macro-F1 0.718 -> 0.712, word F1 0.377 -> 0.374)
and the BASIL narrator-language share is unchanged (0.337: no narrator language rule is info).

BABE dev (`labels/babe/babe-dev.csv`, rows labelled "No agreement" skipped)
  * sentence level: each sentence is audited on its own (`auditor.audit_text`); we predict Biased when a
    narrator-voice prediction fires in it. Macro-F1 over the two classes, with per-class P/R.
  * word level: a *token* is a maximal run of letters and digits, joined across inner apostrophes
    ("don't", "Trump's") but split at hyphens and spaces ("far-left" → far, left), compared in lower case.
    Gold tokens are the sentence's tokens where the token sequence of a `biased_words` entry occurs;
    predicted tokens are those a narrator-voice prediction overlaps. Micro P/R/F1 over all tokens of all
    sentences (non-biased sentences included: a prediction there is a false positive).
BASIL (`labels/basil/`): the folder holds 144 of the 300 articles (48 events × fox/nyt/hpo); no split is
  marked, so the dev set is every article present, sorted by path. Body = paragraphs of sentences (one
  space between sentences, a blank line between paragraphs); a phrase annotation `pN` sits in the N-th
  sentence (0-based), `title` in the headline.
  * lexical recall: share of `lex` spans that a prediction (any voice) overlaps.
  * precision proxy: share of narrator-voice `language` findings in the body that overlap any labelled
    span (lex or inf). Headline findings are counted in their own `title:` rows, whatever their voice.
PTC (`labels/ptc/articles.jsonl`): every article present (the labelled train split minus held-out
  articles); line 1 is the headline, the rest the body.
  * recall of Loaded_Language and Name_Calling,Labeling spans overlapped by a prediction (any voice).
  * share of predictions that overlap any technique span.
Per-rule precision: for each rule, how often it fires and how often the firing overlaps a labelled span
  (BASIL any span, PTC any technique span, BABE a gold biased word; BABE firings in a sentence labelled
  Biased are shown as well), so weak rules can be demoted or mended.

Articles for BASIL and PTC are built as `Article(text=body, title=headline)` and audited with
`auditor.audit_article`, so gold offsets index the audited text exactly.
"""
from __future__ import annotations

import ast
import csv
import json
import os
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Sequence

from .common import BinaryScore, class_table, data_root, f1, load_basil_articles, table

BABE = Path("labels/babe/babe-dev.csv")
BASIL = Path("labels/basil")
PTC = Path("labels/ptc/articles.jsonl")
PREDICTING_CATEGORIES = ("language", "framing")
PTC_TARGET_TECHNIQUES = ("Loaded_Language", "Name_Calling,Labeling")
TARGETS = {
    "babe_macro_f1": 0.70,
    "babe_word_f1": 0.40,
    "basil_lex_recall": 0.50,
    "basil_language_inside": 0.50,
    "ptc_recall": 0.45,
}
_TOKEN = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")

Span = tuple[int, int]


# --- what a finding looks like to the evaluation --------------------------------------------------
@dataclass(frozen=True)
class Prediction:
    rule: str
    category: str
    excerpt: str
    field: str  # "text" or "title"
    start: int
    end: int
    voice: str | None


def tokens(text: str) -> list[tuple[str, int, int]]:
    """(lower-case token, start, end) for every word of `text` (see the module docstring)."""
    return [(m.group().lower().replace("’", "'"), m.start(), m.end()) for m in _TOKEN.finditer(text)]


def overlaps(a: Span, b: Span) -> bool:
    return a[0] < b[1] and b[0] < a[1]


_RULESET = None
_EXTRA_RULES: tuple[str, ...] = ()  # diagnostics: rule folders added to the default packs


def _ruleset():
    """One compiled rule set per process, without the rules that never predict here."""
    global _RULESET
    if _RULESET is None:
        from auditor import get_ruleset
        from auditor.config import Config
        _RULESET = get_ruleset(rules_dirs=_EXTRA_RULES, config=Config(disable=("transparency", "sourcing")))
    return _RULESET


def _predictions(audit, categories: Sequence[str] = PREDICTING_CATEGORIES) -> list[Prediction]:
    return [Prediction(f.rule, f.category, f.excerpt, f.field, f.start, f.end, f.voice) for f in audit.findings
            if f.category in categories and f.start is not None and f.field in ("text", "title")]


def audit_sentence(sentence: str, ruleset=None,
                   categories: Sequence[str] = PREDICTING_CATEGORIES) -> tuple[str, list[Prediction]]:
    """The audited body of one sentence and the predictions in it (by default with this module's rule set
    and the language/framing categories; the held-out suite passes its own for the sourcing rules)."""
    from auditor import audit_text
    audit = audit_text(sentence, ruleset=ruleset if ruleset is not None else _ruleset())
    return audit.article.text, [p for p in _predictions(audit, categories) if p.field == "text"]


def audit_document(title_and_body: tuple[str, str]) -> list[Prediction]:
    from auditor import audit_article
    from auditor.model import Article
    title, body = title_and_body
    return _predictions(audit_article(Article(text=body, title=title or None), ruleset=_ruleset()))


def _map(function: Callable, items: Sequence, jobs: int) -> list:
    if jobs <= 1 or len(items) < 20:
        return [function(item) for item in items]
    import multiprocessing
    with multiprocessing.get_context("fork").Pool(jobs) as pool:
        return pool.map(function, items, chunksize=max(1, len(items) // (jobs * 8)))


# --- BABE ---------------------------------------------------------------------------------------
@dataclass(frozen=True)
class BabeItem:
    text: str
    biased: bool
    words: tuple[str, ...]


def load_babe(path: Path, limit: int | None = None) -> list[BabeItem]:
    items = []
    with path.open(encoding="utf-8-sig", newline="") as handle:
        for row in csv.DictReader(handle):
            label = (row.get("label_bias") or "").strip()
            if label not in ("Biased", "Non-biased"):
                continue
            try:
                words = ast.literal_eval(row.get("biased_words") or "[]")
            except (ValueError, SyntaxError):
                words = []
            words = tuple(str(w) for w in words if isinstance(w, str) and w.strip()) if isinstance(words, list) else ()
            items.append(BabeItem(" ".join(row["text"].split()), label == "Biased", words))
            if limit and len(items) >= limit:
                break
    return items


def gold_word_positions(sentence: str, words: Iterable[str]) -> set[int]:
    """Indices of the sentence tokens where a biased word (as a token sequence) occurs."""
    toks = [t for t, _, _ in tokens(sentence)]
    gold: set[int] = set()
    for word in words:
        seq = [t for t, _, _ in tokens(word)]
        if not seq:
            continue
        for i in range(len(toks) - len(seq) + 1):
            if toks[i:i + len(seq)] == seq:
                gold.update(range(i, i + len(seq)))
    return gold


@dataclass
class BabeScore(BinaryScore):
    word_tp: int = 0
    word_fp: int = 0
    word_fn: int = 0

    @property
    def word_prf(self) -> tuple[float, float, float]:
        p = self.word_tp / (self.word_tp + self.word_fp) if self.word_tp + self.word_fp else 0.0
        r = self.word_tp / (self.word_tp + self.word_fn) if self.word_tp + self.word_fn else 0.0
        return p, r, f1(p, r)


def score_babe(items: list[BabeItem], rules: "RuleTally", jobs: int = 1) -> BabeScore:
    score = BabeScore()
    for item, (text, preds) in zip(items, _map(audit_sentence, [i.text for i in items], jobs)):
        narrator = [p for p in preds if p.voice == "narrator"]
        predicted = bool(narrator)
        score.add(item.biased, predicted)
        toks = tokens(text)
        gold = gold_word_positions(text, item.words)
        covered = {i for i, (_, s, e) in enumerate(toks) if any(overlaps((s, e), (p.start, p.end)) for p in narrator)}
        score.word_tp += len(covered & gold)
        score.word_fp += len(covered - gold)
        score.word_fn += len(gold - covered)
        gold_spans = [(toks[i][1], toks[i][2]) for i in gold]
        for p in narrator:
            rules.add(p, "babe", any(overlaps((p.start, p.end), g) for g in gold_spans), item.biased,
                      context=text)
    return score


# --- documents with character spans (BASIL, PTC) -------------------------------------------------
@dataclass(frozen=True)
class GoldSpan:
    field: str  # "text" or "title"
    start: int
    end: int
    label: str  # BASIL: lex / inf; PTC: the technique
    quote: bool | None = None


@dataclass(frozen=True)
class SpanDoc:
    name: str
    title: str
    text: str
    spans: tuple[GoldSpan, ...]


def load_basil(folder: Path, limit: int | None = None) -> list[SpanDoc]:
    return [SpanDoc(a.name, a.title, a.body, tuple(GoldSpan(s.field, s.start, s.end, s.bias, s.quote)
                                                   for s in a.spans))
            for a in load_basil_articles(folder, limit)]


def load_ptc(path: Path, limit: int | None = None) -> list[SpanDoc]:
    docs = []
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            if not line.strip():
                continue
            record = json.loads(line)
            text = record["text"]
            head, sep, rest = text.partition("\n")
            title = head.strip()
            body_start = len(head) + len(sep)
            while text[body_start:body_start + 1] == "\n":
                body_start += 1
            body = text[body_start:]
            spans = []
            for item in record.get("spans", []):
                start, end = int(item["start"]), int(item["end"])
                if end <= len(head):
                    spans.append(GoldSpan("title", start, end, item["technique"]))
                elif start >= body_start:
                    spans.append(GoldSpan("text", start - body_start, end - body_start, item["technique"]))
            docs.append(SpanDoc(str(record["article_id"]), title, body, tuple(spans)))
            if limit and len(docs) >= limit:
                break
    return docs


def _inside(p: Prediction, spans: Iterable[GoldSpan]) -> bool:
    return any(g.field == p.field and overlaps((p.start, p.end), (g.start, g.end)) for g in spans)


@dataclass
class SpanScore:
    documents: int = 0
    found: Counter = field(default_factory=Counter)  # label -> gold spans overlapped by a prediction
    gold: Counter = field(default_factory=Counter)  # label -> gold spans
    predictions: Counter = field(default_factory=Counter)  # group -> predictions
    inside: Counter = field(default_factory=Counter)  # group -> predictions overlapping a gold span

    def recall(self, *labels: str) -> float:
        n = sum(self.gold[l] for l in labels)
        return sum(self.found[l] for l in labels) / n if n else 0.0

    def share(self, group: str) -> float:
        return self.inside[group] / self.predictions[group] if self.predictions[group] else 0.0


def score_spans(docs: list[SpanDoc], dataset: str, rules: "RuleTally", jobs: int = 1,
                label_of: Callable[[GoldSpan], str] = lambda g: g.label) -> SpanScore:
    score = SpanScore()
    for doc, preds in zip(docs, _map(audit_document, [(d.title, d.text) for d in docs], jobs)):
        score.documents += 1
        for g in doc.spans:
            label = label_of(g)
            score.gold[label] += 1
            if any(p.field == g.field and overlaps((p.start, p.end), (g.start, g.end)) for p in preds):
                score.found[label] += 1
        for p in preds:
            inside = _inside(p, doc.spans)
            where = p.voice if p.field == "text" else p.field  # headline findings are their own group
            groups = ["all", f"{where}:all", f"{where}:{p.category}"]
            for group in groups:
                score.predictions[group] += 1
                score.inside[group] += inside
            context, labels = None, None
            if rules.records is not None:
                host = doc.text if p.field == "text" else doc.title
                context = f"{host[max(0, p.start - 100):p.start]}[[{host[p.start:p.end]}]]{host[p.end:p.end + 100]}"
                labels = sorted({label_of(g) for g in doc.spans
                                 if g.field == p.field and overlaps((p.start, p.end), (g.start, g.end))})
            rules.add(p, dataset, inside, context=context, document=doc.name, labels=labels)
    return score


def _basil_label(g: GoldSpan) -> str:
    where = "quote" if g.quote else "narrator"
    return f"{g.label}:{where}"


# --- per-rule precision ---------------------------------------------------------------------------
@dataclass
class RuleTally:
    fires: Counter = field(default_factory=Counter)  # (rule, dataset) -> n
    hits: Counter = field(default_factory=Counter)  # (rule, dataset) -> inside a labelled span
    biased_sentence: Counter = field(default_factory=Counter)  # rule -> BABE firings in Biased sentences
    term_fires: Counter = field(default_factory=Counter)  # (rule, matched words) -> n
    term_hits: Counter = field(default_factory=Counter)  # (rule, matched words) -> counted as inside
    records: list | None = None  # diagnostics (--dump): one dict per prediction when a list is given

    def add(self, prediction: Prediction, dataset: str, inside: bool, biased_sentence: bool = False,
            context: str | None = None, document: str | None = None,
            labels: list[str] | None = None) -> None:
        rule = prediction.rule
        if self.records is not None:
            self.records.append({"dataset": dataset, "document": document, "rule": rule,
                                 "category": prediction.category, "field": prediction.field,
                                 "excerpt": prediction.excerpt, "voice": prediction.voice, "inside": inside,
                                 "labels": labels,
                                 "biased_sentence": biased_sentence if dataset == "babe" else None,
                                 "context": context})
        self.fires[(rule, dataset)] += 1
        self.hits[(rule, dataset)] += inside
        if dataset == "babe":
            self.biased_sentence[rule] += biased_sentence
        term = (rule, " ".join(t for t, _, _ in tokens(prediction.excerpt)))
        self.term_fires[term] += 1
        self.term_hits[term] += inside or (dataset == "babe" and biased_sentence)

    def weakest_terms(self, n: int = 25, min_fires: int = 5) -> list[list[object]]:
        """The matched wordings that most often fire outside any labelled span: candidates to drop."""
        rows = [[rule, words, self.term_fires[(rule, words)], self.term_hits[(rule, words)] / fires]
                for (rule, words), fires in self.term_fires.items() if fires >= min_fires]
        rows.sort(key=lambda r: (r[3] - 0.5) * r[2])
        return [r for r in rows if r[3] < 0.5][:n]

    def rows(self, severities: dict[str, str]) -> list[list[object]]:
        rules = sorted({r for r, _ in self.fires})
        rows = []
        for rule in rules:
            n = {d: self.fires[(rule, d)] for d in ("babe", "basil", "ptc")}
            h = {d: self.hits[(rule, d)] for d in ("babe", "basil", "ptc")}
            total = sum(n.values())
            # precision over the span sets, plus BABE firings inside a Biased sentence
            inside = h["basil"] + h["ptc"] + self.biased_sentence[rule]
            rows.append([rule, severities.get(rule, "?"),
                         _ratio(self.biased_sentence[rule], n["babe"]), _ratio(h["babe"], n["babe"]),
                         _ratio(h["basil"], n["basil"]), _ratio(h["ptc"], n["ptc"]),
                         total, inside / total if total else 0.0])
        rows.sort(key=lambda r: (r[-1], -r[-2]))
        return rows


def _ratio(k: int, n: int) -> str:
    return f"{k}/{n} {k / n:.2f}" if n else "-"


# --- printing -------------------------------------------------------------------------------------
def _mark(value: float, target: float) -> str:
    return "yes" if value >= target else "NO"


def babe_tables(s: BabeScore) -> str:
    wp, wr, wf = s.word_prf
    return "\n".join([
        f"BABE dev: {s.sentences} sentences; Biased predicted when a narrator-voice language/framing finding fires",
        class_table(s, "Biased", "Non-biased"),
        "",
        f"BABE word level (tokens): TP {s.word_tp}, FP {s.word_fp}, FN {s.word_fn}",
        table(["", "precision", "recall", "F1"], [["biased words", wp, wr, wf]]),
    ])


def basil_tables(s: SpanScore) -> str:
    rows = [[label, s.found[label], s.gold[label], s.recall(label)] for label in sorted(s.gold)]
    rows.append(["lex (all)", s.found["lex:narrator"] + s.found["lex:quote"],
                 s.gold["lex:narrator"] + s.gold["lex:quote"], s.recall("lex:narrator", "lex:quote")])
    prec = [[group, s.inside[group], s.predictions[group], s.share(group)] for group in sorted(s.predictions)]
    return "\n".join([
        f"BASIL: {s.documents} articles; a span is found when a language/framing finding overlaps it",
        table(["span (bias:voice)", "found", "spans", "recall"], rows),
        "",
        table(["findings (voice:category)", "inside a span", "findings", "share"], prec),
    ])


def ptc_tables(s: SpanScore) -> str:
    rows = [[label, s.found[label], s.gold[label], s.recall(label)] for label in sorted(s.gold)]
    prec = [[group, s.inside[group], s.predictions[group], s.share(group)] for group in sorted(s.predictions)]
    return "\n".join([
        f"PTC: {s.documents} articles; a span is found when a language/framing finding overlaps it",
        table(["technique", "found", "spans", "recall"], rows),
        "",
        table(["findings (voice:category)", "inside a span", "findings", "share"], prec),
    ])


def target_table(results: dict[str, float]) -> str:
    names = {
        "babe_macro_f1": "BABE sentence macro-F1",
        "babe_word_f1": "BABE word-level F1",
        "basil_lex_recall": "BASIL lexical-span recall",
        "basil_language_inside": "BASIL narrator language findings inside a span",
        "ptc_recall": "PTC Loaded_Language + Name_Calling recall",
        "ptc_inside": "PTC findings inside any technique span",
    }
    rows = []
    for key, name in names.items():
        if key not in results:
            continue
        target = TARGETS.get(key)
        rows.append([name, results[key], f">= {target:.2f}" if target is not None else "-",
                     _mark(results[key], target) if target is not None else "-"])
    return table(["measure", "value", "target", "met"], rows)


def run(data: str | None = None, limit: int | None = None, jobs: int | None = None,
        rules_dirs: Sequence[str] = (), dump: str | None = None) -> dict[str, float]:
    """Print every table; return the headline figures (keys of TARGETS, plus `ptc_inside`).
    `rules_dirs` and `dump` are the diagnostics described in the module docstring."""
    global _RULESET, _EXTRA_RULES
    if tuple(rules_dirs) != _EXTRA_RULES:
        _RULESET, _EXTRA_RULES = None, tuple(str(d) for d in rules_dirs)
    root = data_root(data)
    jobs = jobs if jobs is not None else min(4, os.cpu_count() or 1)
    rules = RuleTally(records=[] if dump else None)
    results: dict[str, float] = {}
    _ruleset()  # compile once before forking
    babe_path = root / BABE
    if babe_path.is_file():
        s = score_babe(load_babe(babe_path, limit), rules, jobs)
        print(babe_tables(s), end="\n\n")
        results["babe_macro_f1"] = s.macro_f1
        results["babe_word_f1"] = s.word_prf[2]
    else:
        print(f"[bias] BABE not found at {babe_path}: skipped\n")
    basil_path = root / BASIL
    if (basil_path / "articles").is_dir():
        s = score_spans(load_basil(basil_path, limit), "basil", rules, jobs, _basil_label)
        print(basil_tables(s), end="\n\n")
        results["basil_lex_recall"] = s.recall("lex:narrator", "lex:quote")
        results["basil_language_inside"] = s.share("narrator:language")
    else:
        print(f"[bias] BASIL not found at {basil_path}: skipped\n")
    ptc_path = root / PTC
    if ptc_path.is_file():
        s = score_spans(load_ptc(ptc_path, limit), "ptc", rules, jobs)
        print(ptc_tables(s), end="\n\n")
        results["ptc_recall"] = s.recall(*PTC_TARGET_TECHNIQUES)
        results["ptc_inside"] = s.share("all")
    else:
        print(f"[bias] PTC not found at {ptc_path}: skipped\n")
    severities = {r.id: r.severity for r in _ruleset().rules}
    print("Per-rule precision (BABE: in a Biased sentence / on a biased word; BASIL, PTC: inside a labelled "
          "span; precision = span hits + Biased-sentence firings over all firings)")
    print(table(["rule", "severity", "BABE biased sent.", "BABE word", "BASIL", "PTC", "fires", "precision"],
                rules.rows(severities)), end="\n\n")
    print("Weakest wordings (firing at least 5 times, mostly outside labelled spans and non-biased sentences)")
    print(table(["rule", "matched", "fires", "precision"], rules.weakest_terms()), end="\n\n")
    print(target_table(results))
    if dump:
        with open(dump, "w", encoding="utf-8") as handle:
            for record in rules.records or ():
                handle.write(json.dumps(record, ensure_ascii=False) + "\n")
        print(f"\n[bias] {len(rules.records or ())} predictions written to {dump}")
    return results


def main(argv: list[str] | None = None) -> int:
    import argparse
    parser = argparse.ArgumentParser(prog="python -m eval.bias", description=__doc__.split("\n")[0])
    parser.add_argument("--data", help="labelled data folder (default ../shared/data)")
    parser.add_argument("--limit", type=int, help="only the first N items of each set (quick look)")
    parser.add_argument("--rules", action="append", default=[], metavar="DIR",
                        help="a folder of rule packs added to the default ones (repeatable)")
    parser.add_argument("--dump", metavar="FILE", help="write every prediction as a JSON line to FILE")
    args = parser.parse_args(argv)
    run(data=args.data, limit=args.limit, rules_dirs=args.rules, dump=args.dump)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
