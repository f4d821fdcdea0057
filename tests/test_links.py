"""Links classed by domain, link counts in the report, and the reference ratings with their provenance."""
from __future__ import annotations

import json
import subprocess
import sys
from importlib import resources
from pathlib import Path

import jsonschema
import pytest

import auditor
from auditor.errors import RuleFileError
from auditor.links import RATINGS_NOTE, RatingsFileError, bundled_ratings, classify, load_ratings

FIXTURES = Path(__file__).resolve().parent / "fixtures"
ARTICLE = FIXTURES / "links-article.html"
USER_RATINGS = FIXTURES / "links-ratings.csv"
REPO = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def schema() -> dict:
    return json.loads((resources.files("auditor") / "schema" / "audit.schema.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def html_audit():
    return auditor.audit_html(ARTICLE.read_bytes(), location=str(ARTICLE))


@pytest.fixture(scope="module")
def html_report(html_audit) -> dict:
    return html_audit.to_dict()


def _classes(report: dict) -> dict[str, str]:
    return {link["domain"]: link["class"] for link in report["links"]}


def test_html_links_are_classed_by_registered_domain(html_report):
    classes = _classes(html_report)
    assert classes["ons.gov.uk"] == "primary"       # a national government suffix
    assert classes["gov.uk"] == "primary"
    assert classes["doi.org"] == "primary"          # academic / DOI
    assert classes["who.int"] == "primary"          # intergovernmental
    assert classes["stanford.edu"] == "primary"     # a subdomain of an academic domain
    assert classes["x.com"] == "social"
    assert classes["youtube.com"] == "social"       # social even though the ratings table rates it
    assert classes["reuters.com"] == "news"         # listed outlet
    assert classes["rollcall.com"] == "news"        # only in the ratings table
    assert classes["example.org"] == "other"
    assert classes["theguardian.com"] == "own"      # the outlet's own pages, from og:url
    assert html_report["article"]["outlet"]["domain"] == "theguardian.com"


def test_link_summary_counts_and_diversity(html_report):
    summary = html_report["link_summary"]
    assert summary["links"] == len(html_report["links"]) == 11
    assert summary["by_class"] == {"primary": 5, "news": 2, "social": 2, "own": 1, "other": 1}
    assert summary["distinct_domains"] == 11
    assert summary["external_domains"] == 10
    assert summary["distinct_classes"] == 4   # primary, news, social, other: own pages are not counted
    assert summary["links_visible"] is True
    assert summary["sentences_with_links"] >= 8


def test_reference_ratings_carry_provenance_and_nulls(html_report):
    ratings = html_report["reference_ratings"]
    assert ratings["source"].startswith("Lin et al. (2023)")
    assert "10.1093/pnasnexus/pgad286" in ratings["source"]
    assert ratings["scale"] == "0–1, higher = higher quality, aggregated expert ratings"
    assert ratings["note"] == RATINGS_NOTE
    assert ratings["provided_by"] == "auditor"
    assert ratings["outlet"]["domain"] == "theguardian.com"
    assert 0.5 < ratings["outlet"]["rating"] < 1
    linked = {entry["domain"]: entry["rating"] for entry in ratings["linked"]}
    assert linked["reuters.com"] == 1.0
    assert linked["example.org"] is None             # no entry in the table: null, not a guess
    assert "theguardian.com" not in linked            # own pages are the outlet, reported once


def test_report_validates_against_schema(html_report, schema):
    jsonschema.validate(html_report, schema)
    text_report = auditor.audit_text("Plain text has no visible links. The vote is on Monday.").to_dict()
    jsonschema.validate(text_report, schema)
    assert text_report["link_summary"]["links_visible"] is False
    assert text_report["reference_ratings"]["outlet"] is None


def test_sentence_with_a_link_counts_as_sourced(html_audit):
    text = html_audit.article.text
    linked = next(s for s in html_audit.analysis.sentences if "fell by 12 percent" in text[s.start:s.end])
    unlinked = next(s for s in html_audit.analysis.sentences if "fell to 5 percent" in text[s.start:s.end])
    assert linked.has_link and not linked.attributed
    assert not unlinked.has_link
    claims = [f for f in html_audit.findings if f.rule == "sourcing.unsupported-claim"]
    assert any("5 percent" in f.excerpt for f in claims)
    assert not any("12 percent" in f.excerpt for f in claims)


def test_markdown_links_are_classed_and_source_their_sentence(schema):
    markdown = ("# Bridge repairs\n\n"
                "Traffic on the bridge [fell by 30 percent](https://www.gov.uk/government/statistics/bridge-2025) "
                "during the repairs.\n\n"
                "Cycling trips rose by 20 percent over the same months.\n\n"
                "The council posted [a video of the works](https://www.tiktok.com/@council/video/1) and "
                "[Le Monde](https://www.lemonde.fr/europe/article/2025/bridge.html) covered the reopening. "
                "A [study](https://arxiv.org/abs/2501.00001) modelled the detours.\n")
    audit = auditor.audit_text(markdown, markdown=True, url="https://www.rivertonpost.example/news/bridge")
    report = audit.to_dict()
    jsonschema.validate(report, schema)
    assert [link["class"] for link in report["links"]] == ["primary", "social", "news", "primary"]
    assert report["link_summary"]["distinct_classes"] == 3
    claims = [f.excerpt for f in audit.findings if f.rule == "sourcing.unsupported-claim"]
    assert "20 percent" in claims and "30 percent" not in claims
    sourced = [audit.article.text[s.start:s.end] for s in audit.analysis.sentences if s.has_link]
    assert any("fell by 30 percent" in s for s in sourced)


def test_classify_suffix_rules_and_own_outlet():
    assert classify("https://www.legifrance.gouv.fr/loda/id/1")[1] == "primary"
    assert classify("https://www.canada.ca/en/news.html")[1] == "primary"
    assert classify("https://travel.gc.ca/")[1] == "primary"
    assert classify("https://www.mod.go.jp/")[1] == "primary"
    assert classify("https://www.ox.ac.uk/research")[1] == "primary"
    assert classify("https://ec.europa.eu/commission/presscorner")[1] == "primary"
    assert classify("https://pubmed.ncbi.nlm.nih.gov/12345/")[1] == "primary"
    assert classify("https://scholar.google.com/scholar?q=x")[1] == "primary"   # longest match beats google.com
    assert classify("https://www.google.com/search?q=x")[1] == "other"
    assert classify("https://t.me/channel/12")[1] == "social"
    assert classify("https://bsky.app/profile/someone")[1] == "social"
    assert classify("https://www.politico.eu/article/x")[1] == "news"          # .eu is not an EU institution
    assert classify("https://www.nytimes.com/2025/01/01/x.html", own_domain="nytimes.com") == ("nytimes.com", "own")
    assert classify("not a url")[1] == "other"


def test_bundled_ratings_table_loads_with_citation():
    table = bundled_ratings()
    assert len(table.values) > 11_000
    assert table.get("reuters.com") == (1.0, None)
    assert table.get("nytimes.com")[0] == pytest.approx(0.859)
    assert table.provided_by == "auditor" and table.date
    text = (resources.files("auditor") / "data" / "domain_quality.csv").read_text(encoding="utf-8")
    assert text.startswith("# Derived from: Lin, H., Lasser, J.")
    assert (resources.files("auditor") / "data" / "README.md").is_file()


def test_user_ratings_file_overrides_the_bundled_table(schema):
    audit = auditor.audit_html(ARTICLE.read_bytes(), domain_ratings=USER_RATINGS)
    ratings = audit.to_dict()["reference_ratings"]
    jsonschema.validate(audit.to_dict(), schema)
    assert ratings["provided_by"] == "user"
    assert ratings["source"].startswith("Westmere media literacy club")
    assert ratings["scale"] == "0-10, higher = more careful reporting"
    assert ratings["outlet"] == {"domain": "theguardian.com", "rating": 8.5, "label": "reliable"}
    linked = {entry["domain"]: entry for entry in ratings["linked"]}
    assert linked["example.org"]["rating"] == 3.0        # "www." in the file is dropped
    assert linked["rollcall.com"]["rating"] is None       # the user's table replaces the bundled one
    # classification does not depend on the user's table
    assert _classes(audit.to_dict())["rollcall.com"] == "news"


def test_user_ratings_without_description_and_errors(tmp_path):
    plain = tmp_path / "mine.csv"
    plain.write_text("apnews.com,0.9\nexample.net,0.2,satire\n", encoding="utf-8")
    table = load_ratings(plain)
    assert table.source == "user-supplied ratings file mine.csv"
    assert table.get("example.net") == (0.2, "satire")
    bad = tmp_path / "bad.csv"
    bad.write_text("domain,rating\napnews.com,high\n", encoding="utf-8")
    with pytest.raises(RatingsFileError, match=r"bad.csv:2:\d+: rating must be a number"):
        load_ratings(bad)
    twice = tmp_path / "twice.csv"
    twice.write_text("apnews.com,0.9\nwww.apnews.com,0.8\n", encoding="utf-8")
    with pytest.raises(RuleFileError, match=r"twice.csv:2:1: apnews.com is listed twice \(first at line 1\)"):
        load_ratings(twice)
    with pytest.raises(RatingsFileError, match="cannot read ratings file"):
        auditor.audit_text("A short text.", domain_ratings=tmp_path / "missing.csv")


def _cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "auditor", *args], capture_output=True, text=True, cwd=REPO,
                          timeout=120)


def test_cli_domain_ratings_option(tmp_path):
    done = _cli("audit", "--format", "json", "--domain-ratings", str(USER_RATINGS), str(ARTICLE))
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout)
    assert report["reference_ratings"]["provided_by"] == "user"
    assert report["reference_ratings"]["outlet"]["rating"] == 8.5
    bad = tmp_path / "bad.csv"
    bad.write_text("apnews.com\n", encoding="utf-8")
    done = _cli("audit", "--format", "json", "--domain-ratings", str(bad), str(ARTICLE))
    assert done.returncode == 2
    assert "bad.csv:1:1: expected domain,rating[,label]" in done.stderr
    assert done.stdout == ""   # the ratings file is checked before any input is audited
