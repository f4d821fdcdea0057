"""CI report formats (sarif, junit, github, csv) through the registry, the API and `auditor audit`."""
from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

import auditor
from auditor import report
from auditor.cli import main
from auditor.report._ci import Policy
from auditor.report.github import command, escape_data, escape_property

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
SARIF_SCHEMA = ROOT / ".." / "shared" / "data" / "reference" / "sarif" / "sarif-schema-2.1.0.json"
SLANTED = EXAMPLES / "slanted-unlabelled.html"
PLAIN = EXAMPLES / "plain-report.txt"


@pytest.fixture(scope="module")
def audits():
    slanted = auditor.audit_html(SLANTED.read_bytes(), location=str(SLANTED))
    plain = auditor.audit_text(PLAIN.read_text(encoding="utf-8"), location=str(PLAIN))
    hostile = auditor.audit_text("The regime's outrageous scheme, critics say.", title='=HYPERLINK("x"),\n"<b>',
                                 url="https://news.example.org/a,b:c")
    return [slanted, plain, hostile]


def test_ci_formats_are_registered():
    assert {"sarif", "junit", "github", "csv"} <= set(report.names())
    for name in ("sarif", "junit", "github", "csv"):
        assert report.get(name).render_many is not None


def test_sarif_validates_against_the_official_schema(audits):
    jsonschema = pytest.importorskip("jsonschema")
    if not SARIF_SCHEMA.is_file():
        pytest.skip("../shared/data/reference/sarif is not present")
    doc = json.loads(report.get("sarif").render_many(audits))
    jsonschema.validate(doc, json.loads(SARIF_SCHEMA.read_text(encoding="utf-8")))
    run = doc["runs"][0]
    results = run["results"]
    assert len(results) == sum(len(a.findings) for a in audits)
    assert [r["partialFingerprints"]["auditorFinding/v1"] for r in results] == [f.id for a in audits for f in a.findings]
    rules = {r["id"]: r for r in run["tool"]["driver"]["rules"]}
    assert set(rules) == {f.rule for a in audits for f in a.findings}
    for rule_id, descriptor in rules.items():
        rule = audits[0].rules.by_id[rule_id]
        assert descriptor["fullDescription"]["text"] == rule.description
        assert descriptor["help"]["text"].startswith(rule.description)
        if rule.link and rule.link.startswith("http"):
            assert descriptor["helpUri"] == rule.link
    levels = {r["level"] for r in results}
    assert levels <= {"error", "warning", "note"}
    in_file = [r for r in results if r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"].endswith(".txt")]
    assert in_file and all("startLine" in r["locations"][0]["physicalLocation"].get("region", {"startLine": 1})
                           for r in in_file)


def test_sarif_region_points_at_the_excerpt_in_the_file(tmp_path):
    draft = tmp_path / "draft.md"
    draft.write_text("# Council vote\n\nThe council met on Tuesday.\n\nIn a staggering display of arrogance, the "
                     "regime's outrageous scheme was rammed through.\n", encoding="utf-8")
    audit = auditor.audit_text(draft.read_text(encoding="utf-8"), markdown=True, location=str(draft))
    doc = json.loads(report.get("sarif").render(audit))
    source = draft.read_text(encoding="utf-8").splitlines()
    checked = 0
    for result in doc["runs"][0]["results"]:
        region = result["locations"][0]["physicalLocation"].get("region")
        if region and "startLine" in region and region["startLine"] == region["endLine"]:
            line = source[region["startLine"] - 1]
            assert line[region["startColumn"] - 1:region["endColumn"] - 1] == region["snippet"]["text"]
            checked += 1
    assert checked >= 2


def test_sarif_via_audit_command(capsys):
    assert main(["audit", str(SLANTED), "--format", "sarif"]) == 0
    doc = json.loads(capsys.readouterr().out)
    assert doc["version"] == "2.1.0" and doc["runs"][0]["results"]


def test_junit_parses_and_fails_below_threshold(audits, tmp_path):
    junitparser = pytest.importorskip("junitparser")
    xml = report.get("junit").render_many(audits, policy=Policy(fail_under=90),
                                          failed=[("http://x.example/gone", "HTTP 404 Not Found")],
                                          skipped=[("http://x.example/same", "unchanged (HTTP 304)")])
    path = tmp_path / "junit.xml"
    path.write_text(xml, encoding="utf-8")
    parsed = junitparser.JUnitXml.fromfile(str(path))
    suites = list(parsed) if not isinstance(parsed, junitparser.TestSuite) else [parsed]
    cases = [case for suite in suites for case in suite]
    assert len(cases) == 5
    by_name = {case.name: case for case in cases}
    failing = [c for c in cases if c.result and isinstance(c.result[0], junitparser.Failure)]
    assert {c.name for c in failing} == {by_name[n].name for n in by_name
                                         if any(a.score.overall < 90 and (a.article.title or str(a.article.location)) == n
                                                for a in audits)}
    assert isinstance(by_name["http://x.example/gone"].result[0], junitparser.Error)
    assert isinstance(by_name["http://x.example/same"].result[0], junitparser.Skipped)


def test_junit_without_thresholds_passes_everything(audits):
    junitparser = pytest.importorskip("junitparser")
    suite = junitparser.JUnitXml.fromstring(report.get("junit").render_many(audits).encode("utf-8"))
    cases = [c for s in (suite if not isinstance(suite, junitparser.TestSuite) else [suite]) for c in s]
    assert len(cases) == 3 and all(not c.result for c in cases)


def test_junit_via_audit_command_uses_fail_under(capsys):
    junitparser = pytest.importorskip("junitparser")
    code = main(["audit", str(SLANTED), str(PLAIN), "--format", "junit", "--fail-under", "101"])
    xml = capsys.readouterr().out
    assert code == 1
    suite = junitparser.JUnitXml.fromstring(xml.encode("utf-8"))
    cases = [c for s in (suite if not isinstance(suite, junitparser.TestSuite) else [suite]) for c in s]
    assert len(cases) == 2 and all(isinstance(c.result[0], junitparser.Failure) for c in cases)


def test_baseline_hides_known_findings_from_fail_on(audits):
    slanted = audits[0]
    strict = Policy(fail_on="warning")
    assert strict.breaches(slanted)
    known = Policy(fail_on="warning", baseline=frozenset(f.id for f in slanted.findings))
    assert not known.breaches(slanted)
    doc = json.loads(report.get("sarif").render(slanted, policy=known))
    assert {r["baselineState"] for r in doc["runs"][0]["results"]} == {"unchanged"}


def test_github_escaping():
    assert escape_data("50% done\r\nnext") == "50%25 done%0D%0Anext"
    assert escape_property("a,b:c%") == "a%2Cb%3Ac%25"
    assert command("warning", "50% of\nit", file="drafts/a,b:c.md", line=3, title=None) == \
        "::warning file=drafts/a%2Cb%3Ac.md,line=3::50%25 of%0Ait"


def test_github_annotations_and_step_summary(audits, tmp_path, monkeypatch):
    step = tmp_path / "summary.md"
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(step))
    out = report.get("github").render_many(audits, policy=Policy(fail_under=90))
    lines = out.splitlines()
    assert lines and all(line.startswith(("::warning ", "::error ", "::notice ")) for line in lines)
    assert all("\n" not in line and "\r" not in line for line in lines)
    plain_lines = [line for line in lines if f"file={PLAIN.as_posix()}" in line or "plain-report" in line]
    assert any(",line=" in line for line in plain_lines) or not audits[1].findings
    hostile = [line for line in lines if "news.example.org" in line]
    assert hostile and all("a,b:c" not in line.split("::")[1] for line in hostile)  # property values escaped
    text = step.read_text(encoding="utf-8")
    assert text.startswith("### Auditor") and "\\<b\\>" in text and "<b>" not in text
    monkeypatch.delenv("GITHUB_STEP_SUMMARY")
    assert report.get("github").render(audits[1])  # no env: annotations only, nothing written


def test_csv_row_per_article_and_formula_defused(audits):
    text = report.get("csv").render_many(audits, policy=Policy(fail_under=90))
    rows = list(csv.DictReader(io.StringIO(text)))
    assert len(rows) == 3
    assert rows[0]["score"] == f"{audits[0].score.overall:g}" and rows[0]["grade"] == audits[0].score.grade
    assert {"score_language", "score_sourcing", "score_framing", "score_transparency", "findings_warning"} <= set(rows[0])
    assert rows[2]["title"].startswith("'=HYPERLINK")
    assert int(rows[0]["findings"]) == len(audits[0].findings)


def test_csv_via_audit_command(capsys):
    assert main(["audit", str(SLANTED), str(PLAIN), "--format", "csv"]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert [Path(r["location"]).name for r in rows] == ["slanted-unlabelled.html", "plain-report.txt"]
