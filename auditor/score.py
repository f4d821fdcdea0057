"""Scoring: pure functions of the findings.

Each category starts at 100. A finding takes off its rule's `weight`:
- a body-text finding in the narrator's voice (or in a scope the rule names explicitly) is scaled to
  the article's length: weight × 1000 / max(words, 300) — so it weighs "per 1,000 words";
- a finding inside a quotation or attributed speech, from a rule scoped to all `text`, costs nothing
  (it is reported for information: quoting loaded words is reporting, not framing);
- a headline finding inside quotation marks costs nothing (the headline quotes the word), and so does one
  in words the headline attributes to someone ("Senator Says Plan Is a Scam") from a rule scoped to `text`;
- headline, byline, bio, metadata and document-level findings cost their weight, halved for each earlier
  finding of the same rule in the same field (a bio with five puffery words costs 5 + 2.5 + 1.25 + …,
  not 25: a short field says one thing several times, and that is one problem, not five). Body text
  needs no such damping: its findings are already weighed per 1,000 words.
category = max(0, 100 − Σ deductions); overall = weighted mean of the categories (equal weights unless
configured); grade A ≥ 90, B ≥ 80, C ≥ 70, D ≥ 60, else F.
"""
from __future__ import annotations

from .model import CATEGORIES, Score

MIN_WORDS = 300
REPEAT_FACTOR = 0.5  # each repeat of a rule in one short field costs half the one before
GRADES = ((90, "A"), (80, "B"), (70, "C"), (60, "D"), (0, "F"))


def length_factor(word_count: int) -> float:
    return 1000.0 / max(word_count, MIN_WORDS)


def deduction(weight: float, field: str, voice: str | None, scope: tuple[str, ...], word_count: int,
              repeat: int = 0) -> float:
    """The points one finding takes. `repeat` counts the findings of the same rule in the same field before
    this one; it halves the cost of each repeat outside the body text."""
    if field == "text":
        if voice in ("quoted", "attributed") and "text" in scope:
            return 0.0
        return round(weight * length_factor(word_count), 2)
    if field == "title" and voice == "quoted":
        return 0.0  # 'Mayor Slams "Reckless" Plan': the headline quotes the word
    if field == "title" and voice == "attributed" and "text" in scope:
        return 0.0  # 'Senator Says Plan Is a Scam': the headline reports what someone said
    return round(float(weight) * REPEAT_FACTOR ** repeat, 2)


def grade(overall: float) -> str:
    return next(letter for bound, letter in GRADES if overall >= bound)


def score(deductions: list[tuple[str, float]], category_weights: dict[str, float] | None = None) -> Score:
    """deductions: (category, points) pairs."""
    taken = {c: 0.0 for c in CATEGORIES}
    for category, points in deductions:
        taken[category] = taken.get(category, 0.0) + points
    categories = {c: round(max(0.0, 100.0 - taken[c]), 1) for c in CATEGORIES}
    weights = {c: 1.0 for c in CATEGORIES}
    weights.update(category_weights or {})
    total_weight = sum(weights[c] for c in CATEGORIES) or 1.0
    overall = round(sum(categories[c] * weights[c] for c in CATEGORIES) / total_weight, 1)
    return Score(overall=overall, grade=grade(overall), categories=categories,
                 deductions={c: round(taken[c], 2) for c in CATEGORIES})
