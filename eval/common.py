"""Shared helpers for the evaluation scripts: where the data is, and small table printing."""
from __future__ import annotations

import json
import os
from dataclasses import dataclass
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
