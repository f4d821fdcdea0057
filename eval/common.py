"""Shared helpers for the evaluation scripts: where the data is, small table printing, two-class sentence scores."""
from __future__ import annotations

import json
import os
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def data_root(explicit: str | None = None) -> Path:
    """The labelled data: --data, $AUDITOR_DATA, or ../shared/data beside the repository."""
    if explicit:
        return Path(explicit)
    if os.environ.get("AUDITOR_DATA"):
        return Path(os.environ["AUDITOR_DATA"])
    return REPO.parent / "shared" / "data"


def table(headers: list[str], rows: list[list[object]]) -> str:
    cells = [[str(h) for h in headers]] + [[f"{c:.3f}" if isinstance(c, float) else str(c) for c in row] for row in rows]
    widths = [max(len(r[i]) for r in cells) for i in range(len(headers))]
    lines = ["  ".join(c.ljust(w) for c, w in zip(cells[0], widths)),
             "  ".join("-" * w for w in widths)]
    lines += ["  ".join(c.ljust(w) for c, w in zip(r, widths)) for r in cells[1:]]
    return "\n".join(lines)


def f1(precision: float, recall: float) -> float:
    return 0.0 if precision + recall == 0 else 2 * precision * recall / (precision + recall)


@dataclass
class BinaryScore:
    """Sentence-level confusion counts for a two-class label (True = the positive class)."""
    sentences: int = 0
    confusion: Counter = field(default_factory=Counter)  # (gold, predicted) -> n

    def add(self, gold: bool, predicted: bool) -> None:
        self.sentences += 1
        self.confusion[(gold, predicted)] += 1

    def support(self, label: bool) -> int:
        return self.confusion[(label, True)] + self.confusion[(label, False)]

    def class_pr(self, label: bool) -> tuple[float, float, float]:
        tp = self.confusion[(label, label)]
        fp = self.confusion[(not label, label)]
        fn = self.confusion[(label, not label)]
        p = tp / (tp + fp) if tp + fp else 0.0
        r = tp / (tp + fn) if tp + fn else 0.0
        return p, r, f1(p, r)

    @property
    def macro_f1(self) -> float:
        return (self.class_pr(True)[2] + self.class_pr(False)[2]) / 2


def class_table(score: BinaryScore, positive: str, negative: str) -> str:
    """Per-class precision, recall, F1 and support, then the macro-F1 line."""
    rows = [[name, *score.class_pr(label), score.support(label)]
            for name, label in ((positive, True), (negative, False))]
    return table(["class", "precision", "recall", "F1", "n"], rows) + f"\nmacro-F1 {score.macro_f1:.3f}"


# --- BASIL -----------------------------------------------------------------------------------------
@dataclass(frozen=True)
class BasilSpan:
    field: str  # "text" (the body) or "title"
    start: int  # offsets into the body or the title
    end: int
    bias: str  # lex / inf
    quote: bool
    text: str


@dataclass(frozen=True)
class BasilArticle:
    name: str
    title: str  # as stored
    body: str
    spans: tuple[BasilSpan, ...]


def load_basil_articles(folder: Path, limit: int | None = None) -> list[BasilArticle]:
    """Every article with an annotation file, sorted by path. The body is rebuilt from its sentences (one
    space between sentences, a blank line between paragraphs); a phrase annotation `pN` sits in the N-th
    sentence (0-based) and `title` in the headline. A span whose offsets do not give its text is looked
    up by its text; one that cannot be found is left out."""
    articles = []
    for article_path in sorted((folder / "articles").glob("*/*.json")):
        annotation_path = folder / "annotations" / article_path.parent.name / f"{article_path.stem}_ann.json"
        if not annotation_path.is_file():
            continue
        article = json.loads(article_path.read_text(encoding="utf-8"))
        annotation = json.loads(annotation_path.read_text(encoding="utf-8"))
        title = str(article.get("title") or "")
        starts: list[int] = []
        parts: list[str] = []
        pos = 0
        for paragraph in article.get("body-paragraphs") or []:
            for s_index, sentence in enumerate(paragraph):
                sep = "" if not parts else (" " if s_index else "\n\n")
                parts.append(sep)
                pos += len(sep)
                starts.append(pos)
                parts.append(sentence)
                pos += len(sentence)
        body = "".join(parts)
        spans = []
        for item in annotation.get("phrase-level-annotations", []):
            ident = str(item.get("id", ""))
            start, end, txt = int(item["start"]), int(item["end"]), str(item.get("txt") or "")
            if ident == "title":
                where, base, host = "title", 0, title
            elif ident[:1] == "p" and ident[1:].isdigit() and int(ident[1:]) < len(starts):
                where, base, host = "text", starts[int(ident[1:])], body
            else:
                continue
            if host[base + start:base + end] != txt:
                found = host.find(txt) if txt else -1
                if found == -1:
                    continue
                base, start, end = 0, found, found + len(txt)
            spans.append(BasilSpan(where, base + start, base + end, str(item.get("bias")),
                                   item.get("quote") == "yes", txt))
        articles.append(BasilArticle(article_path.stem, title, body, tuple(spans)))
        if limit and len(articles) >= limit:
            break
    return articles
