"""What the CI formats share: the pass/fail policy (thresholds plus a baseline of known findings), and
where a finding sits as line/column for tools that want lines (SARIF regions, GitHub annotations)."""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Iterable

from ..errors import UsageError
from ..model import SEVERITIES

BASELINE_VERSION = 1


@dataclass(frozen=True)
class Policy:
    """When an audit fails: overall score below fail_under, or a finding at fail_on or worse that costs
    points and is not in the baseline. No thresholds: nothing fails."""

    fail_under: float | None = None
    fail_on: str | None = None
    baseline: frozenset[str] = field(default_factory=frozenset)

    def new_findings(self, audit) -> list:
        return [f for f in audit.findings if f.id not in self.baseline]

    def breaches(self, audit) -> list[str]:
        reasons = []
        if self.fail_under is not None and audit.score.overall < self.fail_under:
            reasons.append(f"score {audit.score.overall:g} is below {self.fail_under:g}")
        if self.fail_on:
            level = SEVERITIES.index(self.fail_on)
            worst = [f for f in self.new_findings(audit) if SEVERITIES.index(f.severity) >= level and f.deduction > 0]
            if worst:
                known = " new" if self.baseline else ""
                reasons.append(f"{len(worst)}{known} finding(s) of severity {self.fail_on} or worse")
        return reasons


def policy_from_config(config, baseline: Iterable[str] = ()) -> Policy:
    return Policy(getattr(config, "fail_under", None), getattr(config, "fail_on", None), frozenset(baseline))


def load_baseline(path: str | Path) -> frozenset[str]:
    """A baseline file: {"version": 1, "fingerprints": ["<finding id>", …]} (a bare list is accepted too)."""
    try:
        doc = json.loads(Path(path).read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise UsageError(f"{path}: baseline file not found (write one with --write-baseline)") from None
    except (OSError, ValueError) as exc:
        raise UsageError(f"{path}: baseline is not readable JSON ({exc})") from None
    ids = doc.get("fingerprints") if isinstance(doc, dict) else doc
    if not isinstance(ids, list) or not all(isinstance(i, str) for i in ids):
        raise UsageError(f"{path}: baseline must be {{\"fingerprints\": [\"<finding id>\", ...]}}")
    return frozenset(ids)


def write_baseline(path: str | Path, fingerprints: Iterable[str]) -> int:
    ids = sorted(set(fingerprints))
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(json.dumps({"version": BASELINE_VERSION, "fingerprints": ids}, indent=2) + "\n",
                      encoding="utf-8")
    return len(ids)


# --- where a finding is -------------------------------------------------------------------------
def artifact_uri(audit) -> str:
    """The article's URL when it has one and was fetched, else its path (forward slashes), else a name."""
    a = audit.article
    location = a.location or ""
    if location and "://" not in location and location not in ("-", "<stdin>"):
        return Path(location).as_posix()
    return location or a.url or "article"


def local_file(audit) -> Path | None:
    location = audit.article.location
    if not location or "://" in location or location in ("-", "<stdin>"):
        return None
    path = Path(location)
    return path if path.is_file() else None


@lru_cache(maxsize=64)
def _file_text(path: str, mtime: float) -> str:
    data = Path(path).read_bytes()[:20_000_000]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("cp1252", "replace")


def line_col(text: str, offset: int) -> tuple[int, int]:
    """1-based line and column of a character offset."""
    offset = max(0, min(offset, len(text)))
    line = text.count("\n", 0, offset) + 1
    return line, offset - (text.rfind("\n", 0, offset) + 1) + 1


@dataclass(frozen=True)
class Place:
    """A finding's position. In the source file when its excerpt is found there (in_file); otherwise in the
    analysed text of the report, whose character offsets the JSON report also uses."""

    in_file: bool
    start_line: int
    start_col: int
    end_line: int
    end_col: int
    char_offset: int | None = None
    char_length: int | None = None


def place(audit, finding) -> Place | None:
    """Where a finding is, or None for findings about missing metadata (no span anywhere)."""
    text = audit.article.text
    excerpt = finding.excerpt or ""
    path = local_file(audit)
    if path is not None and excerpt and finding.start is not None or path is not None and finding.field == "title":
        source = _file_text(str(path), path.stat().st_mtime)
        target = excerpt or (audit.article.title or "")
        at = _nearest(source, target, finding.start or 0, text) if target else -1
        if at >= 0:
            sl, sc = line_col(source, at)
            el, ec = line_col(source, at + len(target))
            return Place(True, sl, sc, el, ec)
    if finding.field == "text" and finding.start is not None and finding.end is not None:
        sl, sc = line_col(text, finding.start)
        el, ec = line_col(text, finding.end)
        return Place(False, sl, sc, el, ec, finding.start, max(0, finding.end - finding.start))
    return None


def _nearest(source: str, target: str, offset: int, text: str) -> int:
    """The occurrence of target in source that matches the finding's occurrence in the analysed text."""
    nth = text.count(target, 0, offset) if offset else 0
    at = -1
    for _ in range(nth + 1):
        nxt = source.find(target, at + 1)
        if nxt < 0:
            break
        at = nxt
    return at
