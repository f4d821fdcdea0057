"""`auditor compare`: the comparison library and the command, in its three formats."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

import auditor
from auditor.compare import compare

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from tests import regen_golden  # noqa: E402

SAME_STORY = [str(ROOT / p) for p in regen_golden.SAME_STORY]


@pytest.fixture(scope="module")
def comparison():
    rules = regen_golden.golden_ruleset()
    return compare([regen_golden.audit_example(p, rules) for p in regen_golden.SAME_STORY])


def test_terms_each_article_uses_and_which_they_share():
    rules = regen_golden.golden_ruleset()
    a = auditor.audit_text("The regime slammed the plan. The staunch allies agreed.", ruleset=rules)
    b = auditor.audit_text("The regime approved the plan. \"We were slammed,\" said Ana Ruiz.", ruleset=rules)
    c = auditor.audit_text("The council approved the plan on Tuesday.", ruleset=rules)
    result = compare([a, b, c])
    uses = {t.term: t for t in result.terms}
    assert uses["regime"].counts == (1, 1, 0) and uses["regime"].shared
    assert uses["slammed"].counts == (1, 1, 0) and uses["slammed"].narrator == (1, 0, 0)
    assert uses["staunch"].used_by == (0,) and not uses["staunch"].shared
    assert [t.term for t in result.shared_terms] == ["regime", "slammed"]
    assert [x.label for x in result.articles] == ["A", "B", "C"]
    data = result.to_dict()
    assert data["shared_terms"] == ["regime", "slammed"]
    assert data["articles"][2]["loaded_terms"] == []
    json.dumps(data)


def test_comparison_lists_scores_sources_checklists_and_alternatives(comparison):
    data = comparison.to_dict()
    assert len(data["articles"]) == 3
    for article in data["articles"]:
        assert set(article) >= {"score", "loaded_terms", "sources", "checklist", "alternatives"}
    slanted = data["articles"][1]
    assert slanted["score"]["overall"] < data["articles"][0]["score"]["overall"]
    assert any(x["suggestion"] == "government" for x in slanted["alternatives"])
    assert any(item["label"] == "Named author" and item["ok"] is False for item in slanted["checklist"])


def test_compare_refuses_too_many_or_none():
    with pytest.raises(ValueError):
        compare([])


def run_cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "auditor", "compare", *args], capture_output=True, text=True,
                          cwd=ROOT)


@pytest.mark.parametrize("fmt, marker", [("html", "<!DOCTYPE html>"), ("md", "## Comparison of 3 articles"),
                                         ("json", '"shared_terms"')])
def test_cli_formats(fmt, marker, tmp_path):
    result = run_cli(*SAME_STORY, "--format", fmt, "--rules", str(regen_golden.GOLDEN / "rules"))
    if result.returncode == 2 and "rules" in result.stderr:
        pytest.skip(f"the default rule packs do not load right now: {result.stderr.strip()}")
    assert result.returncode == 0, result.stderr
    assert marker in result.stdout
    if fmt == "json":
        assert len(json.loads(result.stdout)["articles"]) == 3
    target = tmp_path / "out" / f"compare.{fmt}"
    result = run_cli(*SAME_STORY[:2], "--format", fmt, "--output", str(target))
    assert result.returncode == 0, result.stderr
    assert target.is_file()


def test_cli_needs_two_sources_and_reports_missing_input():
    assert run_cli(SAME_STORY[0]).returncode == 2
    result = run_cli(SAME_STORY[0], str(ROOT / "no-such-article.html"))
    assert result.returncode == 3 and "no-such-article.html" in result.stderr
