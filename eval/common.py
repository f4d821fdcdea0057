"""Shared helpers for the evaluation scripts: where the data is, and small table printing."""
from __future__ import annotations

import os
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
