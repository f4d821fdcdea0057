"""Who says what, measured: PolNeAR dev (attribution relations) and BASIL (voice of bias spans).

python -m eval attribution [--data DIR] [--limit N]
python -m eval.attribution [--data DIR] [--limit N] [--examples N]   (the same, with N sample errors of each kind)
python -m eval.attribution --compartment train --limit 150 --by-cue 20   (develop on train; cues that misfire)

PolNeAR: a predicted attribution matches a gold one when their source spans overlap and their content spans
overlap ("source+content"); "content only" drops the source condition. Precision counts predictions that
match any gold relation, recall counts gold relations matched by any prediction. `Attribution-no-source`
relations (a claim the text attributes to nobody) count as recalled when a sourcing finding overlaps them,
or when we attribute their content to an anonymous or vague source. Our own no-source attributions (content
the analysis attributes to an unspecified source: agentless passives, "reportedly") name no source span, so
they are the counterpart of `Attribution-no-source`: they are scored against those relations (their own
precision is printed) and kept out of the precision of attributions with a source.

BASIL: each annotated bias span is located in our analysed text; spans the annotators mark `quote: yes`
should be quoted or attributed in our analysis, spans marked `quote: no` should be narrator.

Every audit goes through the public API (`auditor.audit_text`); gold offsets index the text we pass, and are
mapped onto the analysed body (which may have lost a title line or page debris) by an alignment. When the
first line became the article's title, gold relations inside it are scored against the report's
`title_attributions` (what the headline attributes: "Pat Caddell: …", "De Blasio says …"); before those
existed (up to commit fc04100) every such relation was a miss (45 of 2,065 on dev lie in the first line).
"""
from __future__ import annotations

import difflib
import json
from bisect import bisect_right
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Iterable

from auditor.analysis.attribution import UNSPECIFIED

from .common import data_root, f1, load_basil_articles, table

Span = tuple[int, int]
POLNEAR = Path("labels/polnear/polnear-dev.jsonl")
BASIL = Path("labels/basil")


# --- offsets -------------------------------------------------------------------------------------
class Aligner:
    """Maps character offsets of the text we passed onto the analysed body."""

    def __init__(self, source: str, target: str):
        self.blocks: list[tuple[int, int, int]] = []  # (source start, target start, length)
        shift = source.find(target) if target else -1
        if shift != -1:
            self.blocks = [(shift, 0, len(target))]
        else:
            matcher = difflib.SequenceMatcher(None, source, target, autojunk=False)
            self.blocks = [(a, b, n) for a, b, n in matcher.get_matching_blocks() if n]
        self.starts = [a for a, _, _ in self.blocks]

    def offset(self, pos: int) -> int | None:
        i = bisect_right(self.starts, pos) - 1
        if i < 0:
            return None
        a, b, n = self.blocks[i]
        return b + (pos - a) if pos < a + n else None

    def span(self, start: int, end: int) -> Span | None:
        """The target span of source [start, end), or None when none of it survived."""
        inside = [p for p in (start, end - 1) if self.offset(p) is not None]
        if not inside:
            for p in range(start, end):  # both ends lost: use the first and last surviving characters
                if self.offset(p) is not None:
                    inside.append(p)
                    break
            if not inside:
                return None
            for p in range(end - 1, start - 1, -1):
                if self.offset(p) is not None:
                    inside.append(p)
                    break
        lo, hi = self.offset(min(inside)), self.offset(max(inside))
        return (lo, hi + 1)  # type: ignore[operator]


def overlaps(a: Span, b: Span) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def any_overlap(spans_a: Iterable[Span], spans_b: Iterable[Span]) -> bool:
    spans_b = list(spans_b)
    return any(overlaps(a, b) for a in spans_a for b in spans_b)


# The rule set audits run with: None means the installed default packs (what users get).
RULESET = None


def _audit(text: str, **metadata):
    import auditor
    return auditor.audit_text(text, ruleset=RULESET, **metadata)


# --- PolNeAR -------------------------------------------------------------------------------------
@dataclass
class GoldAttribution:
    kind: str  # Attribution | Attribution-no-source
    source: list[Span]
    cue: list[Span]
    content: list[Span]


@dataclass
class PolnearDoc:
    name: str
    text: str
    gold: list[GoldAttribution]


def load_polnear(path: Path, limit: int | None = None, compartment: str = "dev") -> list[PolnearDoc]:
    """One document per article of the compartment (the first annotator's annotation when several)."""
    docs: dict[str, PolnearDoc] = {}
    with open(path, encoding="utf-8") as stream:
        rows = [json.loads(line) for line in stream if line.strip()]
    rows = sorted((r for r in rows if r.get("compartment") == compartment),
                  key=lambda r: (r["filename"], r.get("annotator", "")))
    for row in rows:
        if row["filename"] in docs:
            continue
        gold = []
        for rel in row.get("attributions", []):
            spans = {role: [tuple(s) for s in (rel.get(role) or {}).get("spans", [])]
                     for role in ("source", "cue", "content")}
            gold.append(GoldAttribution(rel["type"], spans["source"], spans["cue"], spans["content"]))
        docs[row["filename"]] = PolnearDoc(row["filename"], row["text"], gold)
        if limit and len(docs) >= limit:
            break
    return list(docs.values())


@dataclass
class PolnearScore:
    articles: int = 0
    gold: int = 0
    gold_direct: int = 0
    predicted: int = 0
    hit_strict: int = 0
    hit_content: int = 0
    recalled_strict: int = 0
    recalled_content: int = 0
    recalled_direct: int = 0
    no_source: int = 0
    no_source_by_finding: int = 0
    no_source_by_anonymous: int = 0
    no_source_recalled: int = 0
    predicted_no_source: int = 0
    predicted_no_source_hit: int = 0  # overlapping an Attribution-no-source relation
    predicted_no_source_any: int = 0  # overlapping any gold relation's cue or content
    no_source_misses: list[str] = field(default_factory=list)
    misses: list[str] = field(default_factory=list)
    false_alarms: list[str] = field(default_factory=list)
    by_cue: dict[str, list[int]] = field(default_factory=dict)  # first word of our cue -> [predicted, matched]

    def precision(self, strict: bool = True) -> float:
        return (self.hit_strict if strict else self.hit_content) / self.predicted if self.predicted else 0.0

    def recall(self, strict: bool = True) -> float:
        return (self.recalled_strict if strict else self.recalled_content) / self.gold if self.gold else 0.0

    def no_source_recall(self) -> float:
        return self.no_source_recalled / self.no_source if self.no_source else 0.0


# Headline offsets are moved this far past the body's, so that body and headline spans never overlap
TITLE_OFFSET = 10 ** 9


class _HeadlineAligner:
    """Gold spans inside the headline (the first line of a PolNeAR text, which the audit reads as the title)
    map into the title, moved by TITLE_OFFSET; all others go through the body aligner."""

    def __init__(self, body: Aligner, text: str, title: str):
        self.body = body
        first_line = text.split("\n", 1)[0]
        self.at = first_line.find(title) if title and title.strip() else -1
        self.end = self.at + len(title)

    def span(self, start: int, end: int) -> Span | None:
        if 0 <= self.at <= start and end <= self.end:
            return start - self.at + TITLE_OFFSET, end - self.at + TITLE_OFFSET
        return self.body.span(start, end)


def score_polnear(docs: list[PolnearDoc], keep_examples: int = 0) -> PolnearScore:
    result = PolnearScore()
    for doc in docs:
        audit = _audit(doc.text)
        body = audit.article.text
        align = _HeadlineAligner(Aligner(doc.text, body), doc.text, audit.article.title or "")
        kinds = {s.name: s.kind for s in audit.analysis.sources}
        sourced = [a for a in audit.analysis.attributions if a.source != UNSPECIFIED]
        unspecified = [a for a in audit.analysis.attributions if a.source == UNSPECIFIED]
        # the headline's attributions, placed past the body (_HeadlineAligner puts gold headline spans there)
        headline = [replace(a, source_start=a.source_start + TITLE_OFFSET, source_end=a.source_end + TITLE_OFFSET,
                            cue_start=a.cue_start + TITLE_OFFSET, cue_end=a.cue_end + TITLE_OFFSET,
                            content_start=a.content_start + TITLE_OFFSET, content_end=a.content_end + TITLE_OFFSET)
                    for a in audit.analysis.title_attributions if a.source != UNSPECIFIED]
        sourced += headline
        predicted = [((a.source_start, a.source_end), (a.content_start, a.content_end),
                      (a.cue_start, a.cue_end), kinds.get(a.source or "", None))
                     for a in sourced]
        no_source_spans = [[(a.content_start, a.content_end), (a.cue_start, a.cue_end)] for a in unspecified]
        no_source_hit = [False] * len(unspecified)
        any_hit = [False] * len(unspecified)
        sourcing = [(f.start, f.end) for f in audit.findings
                    if f.category == "sourcing" and f.field == "text" and f.start is not None]
        result.articles += 1
        result.predicted += len(predicted)
        matched_strict = [False] * len(predicted)
        matched_content = [False] * len(predicted)
        for gold in doc.gold:
            source = [m for m in (align.span(*s) for s in gold.source) if m]
            content = [m for m in (align.span(*s) for s in gold.content) if m]
            cue = [m for m in (align.span(*s) for s in gold.cue) if m]
            for k, spans in enumerate(no_source_spans):
                if any_overlap(spans, cue + content):
                    any_hit[k] = True
                    no_source_hit[k] = no_source_hit[k] or gold.kind != "Attribution"
            if gold.kind != "Attribution":
                result.no_source += 1
                by_finding = any_overlap(sourcing, cue + content)
                by_anonymous = any(kind == "anonymous" and any_overlap([p_content, p_cue], cue + content)
                                   for _, p_content, p_cue, kind in predicted) or \
                    any(any_overlap(spans, cue + content) for spans in no_source_spans)
                if not (by_finding or by_anonymous) and len(result.no_source_misses) < keep_examples:
                    result.no_source_misses.append(
                        f"{doc.name}: <{' / '.join(doc.text[s:e] for s, e in gold.cue)}> "
                        f"{' '.join(doc.text[s:e] for s, e in gold.content)[:100]}")
                result.no_source_by_finding += by_finding
                result.no_source_by_anonymous += by_anonymous
                result.no_source_recalled += by_finding or by_anonymous
                continue
            result.gold += 1
            direct = any(ch in doc.text[s:e] for s, e in gold.content for ch in "“”\"")
            result.gold_direct += direct
            found_strict = found_content = False
            for k, (p_source, p_content, _, _) in enumerate(predicted):
                if any_overlap([p_content], content):
                    matched_content[k] = found_content = True
                    if p_source[1] > p_source[0] and any_overlap([p_source], source):
                        matched_strict[k] = found_strict = True
            result.recalled_strict += found_strict
            result.recalled_content += found_content
            result.recalled_direct += found_strict and direct
            if not found_strict and len(result.misses) < keep_examples:
                src = " / ".join(doc.text[s:e] for s, e in gold.source)
                cue_text = " / ".join(doc.text[s:e] for s, e in gold.cue)
                result.misses.append(f"{doc.name}: [{src}] <{cue_text}> "
                                     f"{' '.join(doc.text[s:e] for s, e in gold.content)[:80]}")
        result.hit_strict += sum(matched_strict)
        result.hit_content += sum(matched_content)
        result.predicted_no_source += len(unspecified)
        result.predicted_no_source_hit += sum(no_source_hit)
        result.predicted_no_source_any += sum(any_hit)
        for k, a in enumerate(sourced):
            counts = result.by_cue.setdefault((a.cue or "").lower().split(" ")[0], [0, 0])
            counts[0] += 1
            counts[1] += matched_strict[k]
            if not matched_strict[k] and len(result.false_alarms) < keep_examples:
                said = body[a.content_start:a.content_end] if a.content_start < TITLE_OFFSET else \
                    (audit.article.title or "")[a.content_start - TITLE_OFFSET:a.content_end - TITLE_OFFSET]
                result.false_alarms.append(f"{doc.name}: [{a.source}] <{a.cue}> {said[:80]}")
    return result


def polnear_tables(s: PolnearScore) -> str:
    rows = [[name, s.precision(strict), s.recall(strict), f1(s.precision(strict), s.recall(strict))]
            for name, strict in (("source+content", True), ("content only", False))]
    direct = s.recalled_direct / s.gold_direct if s.gold_direct else 0.0
    no_source = [["Attribution-no-source", s.no_source, s.no_source_by_finding, s.no_source_by_anonymous,
                  s.no_source_recall()]]
    return "\n".join([
        f"PolNeAR dev: {s.articles} articles, {s.gold} gold attributions with a source "
        f"({s.gold_direct} with quotation marks in the content), {s.predicted} predicted",
        table(["match", "precision", "recall", "F1"], rows),
        f"recall of gold attributions with quotation marks (source+content): {direct:.3f}",
        "",
        table(["claims with no source", "n", "sourcing finding", "anonymous source", "recall"], no_source),
        f"our no-source attributions: {s.predicted_no_source}; overlapping an Attribution-no-source relation "
        f"{_share(s.predicted_no_source_hit, s.predicted_no_source)}, any gold relation "
        f"{_share(s.predicted_no_source_any, s.predicted_no_source)}",
    ])


def _share(part: int, whole: int) -> str:
    return f"{part / whole:.3f}" if whole else "n/a"


# --- BASIL ---------------------------------------------------------------------------------------
@dataclass
class BasilSpan:
    start: int
    end: int
    quote: bool
    bias: str
    text: str


@dataclass
class BasilDoc:
    name: str
    title: str
    text: str
    spans: list[BasilSpan]


def load_basil(folder: Path, limit: int | None = None) -> list[BasilDoc]:
    """Each article as one text, the title on the first line and the body after a blank line, with its
    body spans (eval.common.load_basil_articles places them)."""
    docs = []
    for article in load_basil_articles(folder, limit):
        title = " ".join((article.title or "Untitled").split())
        offset = len(title) + 2
        spans = [BasilSpan(offset + s.start, offset + s.end, s.quote, s.bias, s.text)
                 for s in article.spans if s.field == "text"]
        docs.append(BasilDoc(article.name, title, f"{title}\n\n{article.body}", spans))
    return docs


@dataclass
class BasilScore:
    articles: int = 0
    cells: dict[tuple[bool, str], list[int]] = field(default_factory=dict)  # (quote, bias) -> [agree, n]
    lost: int = 0
    misses: list[str] = field(default_factory=list)

    def agreement(self, quote: bool | None = None) -> float:
        agree = sum(v[0] for (q, _), v in self.cells.items() if quote is None or q == quote)
        total = sum(v[1] for (q, _), v in self.cells.items() if quote is None or q == quote)
        return agree / total if total else 0.0

    def count(self, quote: bool | None = None) -> int:
        return sum(v[1] for (q, _), v in self.cells.items() if quote is None or q == quote)


def score_basil(docs: list[BasilDoc], keep_examples: int = 0) -> BasilScore:
    result = BasilScore()
    for doc in docs:
        audit = _audit(doc.text)
        body = audit.article.text
        align = Aligner(doc.text, body)
        result.articles += 1
        for span in doc.spans:
            located = align.span(span.start, span.end)
            if located is None:
                result.lost += 1
                continue
            voice, speaker = audit.analysis.voice_at(*located)
            agree = (voice != "narrator") == span.quote
            cell = result.cells.setdefault((span.quote, span.bias), [0, 0])
            cell[0] += agree
            cell[1] += 1
            if not agree and len(result.misses) < keep_examples:
                result.misses.append(f"{doc.name}: quote={'yes' if span.quote else 'no'} ours={voice}: "
                                     f"{span.text[:100]}")
    return result


def basil_tables(s: BasilScore) -> str:
    rows = []
    for quote, wanted in ((True, "quoted or attributed"), (False, "narrator")):
        for bias in ("lex", "inf"):
            agree, n = s.cells.get((quote, bias), [0, 0])
            rows.append([f"quote={'yes' if quote else 'no'}", bias, wanted, n, agree / n if n else 0.0])
        rows.append([f"quote={'yes' if quote else 'no'}", "all", wanted, s.count(quote), s.agreement(quote)])
    rows.append(["all", "all", "", s.count(), s.agreement()])
    return "\n".join([
        f"BASIL: {s.articles} articles, {s.count()} bias spans located ({s.lost} lost)",
        table(["BASIL flag", "bias", "we should say", "n", "agreement"], rows),
    ])


# --- entry point ---------------------------------------------------------------------------------
def cue_table(s: PolnearScore, rows: int) -> str:
    """Diagnostics: our cues with the most predictions that match no gold relation (source+content)."""
    worst = sorted(s.by_cue.items(), key=lambda item: (item[1][1] - item[1][0], item[0]))[:rows]
    return table(["our cue", "predicted", "matched", "precision"],
                 [[cue or "(none)", n, hit, hit / n if n else 0.0] for cue, (n, hit) in worst])


def run(data: str | None = None, limit: int | None = None, examples: int = 0, compartment: str = "dev",
        by_cue: int = 0) -> dict[str, object]:
    """Print the tables; return the scores (absent sets are skipped with a note). `compartment` picks the
    PolNeAR part to score (dev is the reported figure; train is for development without looking at dev)."""
    root = data_root(data)
    results: dict[str, object] = {}
    polnear_path = root / POLNEAR
    if polnear_path.is_file():
        score = score_polnear(load_polnear(polnear_path, limit, compartment), keep_examples=examples)
        results["polnear"] = score
        if compartment != "dev":
            print(f"[PolNeAR compartment: {compartment}]")
        print(polnear_tables(score))
        if by_cue:
            print(cue_table(score, by_cue))
        for line in score.misses:
            print("  miss:", line)
        for line in score.false_alarms:
            print("  false alarm:", line)
        for line in score.no_source_misses:
            print("  no-source miss:", line)
    else:
        print(f"[attribution] PolNeAR not found at {polnear_path}: skipped")
    print()
    basil_path = root / BASIL
    if (basil_path / "articles").is_dir():
        score_b = score_basil(load_basil(basil_path, limit), keep_examples=examples)
        results["basil"] = score_b
        print(basil_tables(score_b))
        for line in score_b.misses:
            print("  disagreement:", line)
    else:
        print(f"[attribution] BASIL not found at {basil_path}: skipped")
    return results


def main(argv: list[str] | None = None) -> int:
    import argparse
    parser = argparse.ArgumentParser(prog="python -m eval.attribution")
    parser.add_argument("--data", help="labelled data folder (default ../shared/data)")
    parser.add_argument("--limit", type=int, help="only the first N articles of each set")
    parser.add_argument("--examples", type=int, default=0, help="print N misses and false alarms of each kind")
    parser.add_argument("--compartment", default="dev", choices=["dev", "train", "annotator-training"],
                        help="PolNeAR part to score (default dev, the reported figure; train for development)")
    parser.add_argument("--by-cue", type=int, default=0, metavar="N",
                        help="print our N cues with the most predictions that match no gold relation")
    args = parser.parse_args(argv)
    run(data=args.data, limit=args.limit, examples=args.examples, compartment=args.compartment,
        by_cue=args.by_cue)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
