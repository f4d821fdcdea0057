"""The CLI and the JSON report: formats, schema, exit codes, URLs, batches."""
from __future__ import annotations

import io
import json
import sys
import time
from pathlib import Path

import jsonschema
import pytest

import auditor
from auditor.cli import main

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


def schema() -> dict:
    out = io.StringIO()
    old, sys.stdout = sys.stdout, out
    try:
        assert main(["schema"]) == 0
    finally:
        sys.stdout = old
    return json.loads(out.getvalue())


def run_json(capsys, *args) -> tuple[int, object]:
    code = main(["audit", *args, "--format", "json"])
    out = capsys.readouterr().out
    return code, (json.loads(out) if out.strip() else None)


def test_seed_article_acceptance(capsys, seed_article):
    code, report = run_json(capsys, str(seed_article))
    assert code == 0
    jsonschema.validate(report, schema())
    assert report["article"]["authors"] == ["Manbilas Singh"]
    assert "Comments" not in report["text"]
    assert not report["text"].rstrip().endswith("Formula 1.")  # the bio left the body
    text = report["text"]
    voices = {}
    for f in report["findings"]:
        if f["field"] == "text":
            voices.setdefault(text[f["start"]:f["end"]].lower(), set()).add(f["voice"])
    narrator_terms = [t for t, v in voices.items() if "narrator" in v]
    quoted_terms = [t for t, v in voices.items() if v & {"quoted", "attributed"}]
    assert narrator_terms, "loaded terms in the narrator's voice are flagged narrator"
    assert any("outrage" in t for t in narrator_terms)
    assert any("racist" in t or "regime" in t or "coup" in t for t in quoted_terms)
    assert not any(("racist" in t) for t in narrator_terms)


@pytest.mark.parametrize("example", sorted(p.name for p in EXAMPLES.iterdir() if p.suffix in (".html", ".txt")))
def test_examples_validate_against_schema(capsys, example):
    code, report = run_json(capsys, str(EXAMPLES / example))
    assert code == 0
    jsonschema.validate(report, schema())
    for f in report["findings"]:
        if f["field"] == "text":
            assert report["text"][f["start"]:f["end"]] == f["excerpt"]


def test_text_format_and_output_dir(tmp_path, capsys):
    code = main(["audit", str(EXAMPLES / "plain-report.txt"), "--output", str(tmp_path), "--format", "json"])
    assert code == 0
    written = json.loads((tmp_path / "plain-report.json").read_text())
    assert written["input"]["location"].endswith("plain-report.txt")
    assert main(["audit", str(EXAMPLES / "plain-report.txt")]) == 0
    out = capsys.readouterr().out
    assert "score:" in out and "grade" in out


def test_stdin_input(monkeypatch, capsys):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"The council met on Tuesday.\n")))
    code, report = run_json(capsys, "-")
    assert code == 0 and report["input"]["location"] == "<stdin>"


def test_thresholds_exit_1(capsys):
    slanted = str(EXAMPLES / "slanted-unlabelled.html")
    assert main(["audit", slanted, "--fail-under", "100"]) == 1
    assert main(["audit", slanted, "--fail-under", "0"]) == 0
    assert main(["audit", slanted, "--fail-on", "info"]) == 1
    capsys.readouterr()


def test_missing_file_exit_3_and_others_still_audited(tmp_path, capsys):
    good = tmp_path / "good.txt"
    good.write_text("The council met on Tuesday.")
    code = main(["audit", str(tmp_path / "missing.txt"), str(good), "--format", "json"])
    captured = capsys.readouterr()
    assert code == 3
    assert "missing.txt: no such file" in captured.err
    assert json.loads(captured.out)["input"]["location"] == str(good)


def test_unknown_disable_is_a_config_error(capsys):
    assert main(["audit", str(EXAMPLES / "plain-report.txt"), "--disable", "no.such-rule"]) == 2
    assert "unknown rule, pack or category 'no.such-rule'" in capsys.readouterr().err


def test_config_file_in_working_folder(tmp_path, monkeypatch, capsys):
    (tmp_path / "auditor.yaml").write_text("disable: [transparency]\n")
    monkeypatch.chdir(tmp_path)
    code, report = run_json(capsys, str(EXAMPLES / "plain-report.txt"))
    assert code == 0 and not [f for f in report["findings"] if f["category"] == "transparency"]
    (tmp_path / "auditor.yaml").write_text("severity:\n  nope.rule: critical\n")
    assert main(["audit", str(EXAMPLES / "plain-report.txt")]) == 2
    assert "auditor.yaml:2:" in capsys.readouterr().err


def test_pyproject_tool_section(tmp_path, monkeypatch, capsys):
    (tmp_path / "pyproject.toml").write_text('[tool.auditor]\ndisable = ["transparency"]\n')
    monkeypatch.chdir(tmp_path)
    code, report = run_json(capsys, str(EXAMPLES / "plain-report.txt"))
    assert code == 0 and not [f for f in report["findings"] if f["category"] == "transparency"]


def test_jsonl_batch_streams_and_accounts_for_bad_lines(tmp_path, capsys):
    batch = tmp_path / "batch.jsonl"
    batch.write_text("\n".join([
        json.dumps({"id": "a", "text": "The council met on Tuesday.", "title": "Council meets"}),
        "{not json",
        json.dumps({"id": "b", "html": (EXAMPLES / "wire-report.html").read_text()}),
    ]) + "\n")
    code = main(["audit", "--jsonl", str(batch)])
    lines = [json.loads(l) for l in capsys.readouterr().out.splitlines()]
    assert code == 3 and len(lines) == 3
    assert lines[0]["input"]["id"] == "a" and lines[0]["article"]["title"] == "Council meets"
    assert "invalid JSON" in lines[1]["error"] and lines[1]["input"]["location"].endswith(":2")
    assert lines[2]["input"]["kind"] == "html"


def test_url_input_and_fetch_errors(local_server, capsys):
    page = (EXAMPLES / "wire-report.html").read_bytes()
    local_server.routes["/ok"] = (200, {"Content-Type": "text/html"}, page)
    local_server.routes["/loop"] = (302, {"Location": "/loop"}, b"")
    local_server.routes["/big"] = (200, {"Content-Type": "text/html"}, b"x" * 200)

    def slow(handler):
        time.sleep(1.5)
        return (200, {"Content-Type": "text/html"}, page)
    local_server.routes["/slow"] = slow
    code, report = run_json(capsys, local_server.base + "/ok")
    assert code == 0 and report["input"]["location"] == local_server.base + "/ok"
    for path, reason in (("/missing", "HTTP 404"), ("/loop", "redirects")):
        assert main(["audit", local_server.base + path]) == 3
        err = capsys.readouterr().err
        assert local_server.base + path in err and reason in err
    with pytest.raises(auditor.errors.FetchError, match="byte limit"):
        auditor.audit_url(local_server.base + "/big", max_bytes=100)
    with pytest.raises(auditor.errors.FetchError, match="timed out"):
        auditor.audit_url(local_server.base + "/slow", timeout=0.3)


def test_python_api_shape():
    audit = auditor.audit_text("The council met on Tuesday.", title="Council meets")
    d = audit.to_dict()
    assert d["schema_version"] and d["tool"]["name"] == "auditor"
    assert audit.score.overall == d["score"]["overall"]
    assert isinstance(audit.findings, tuple)


def test_baseline_silences_known_findings_for_fail_on(tmp_path, capsys):
    slanted = str(EXAMPLES / "slanted-unlabelled.html")
    baseline = tmp_path / "baseline.json"
    assert main(["audit", slanted, "--fail-on", "warning", "--write-baseline", str(baseline)]) == 1
    assert json.loads(baseline.read_text())["fingerprints"]
    assert main(["audit", slanted, "--fail-on", "warning", "--baseline", str(baseline)]) == 0
    edited = tmp_path / "edited.txt"
    edited.write_text("The mayor slammed the shameful, disastrous plan. " * 3)
    assert main(["audit", str(edited), "--fail-on", "warning", "--baseline", str(baseline)]) == 1
    assert main(["audit", slanted, "--baseline", str(tmp_path / "missing.json")]) == 2
    capsys.readouterr()


def test_an_audit_leaves_the_garbage_collector_as_it_found_it():
    import gc
    import threading

    import auditor
    text = "The mayor said the plan was a disaster. Critics slammed the outrageous scheme."
    was = gc.isenabled()
    try:
        gc.enable()
        audit = auditor.audit_text(text)
        audit.to_dict()
        assert gc.isenabled()
        gc.disable()  # a program that keeps it off keeps it off
        auditor.audit_text(text).to_dict()
        assert not gc.isenabled()
        gc.enable()
        # concurrent audits share one pause, and the last to finish wakes the collector
        errors: list[BaseException] = []

        def work():
            try:
                for _ in range(5):
                    auditor.audit_text(text).to_dict()
            except BaseException as exc:  # pragma: no cover - reported below
                errors.append(exc)

        threads = [threading.Thread(target=work) for _ in range(4)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        assert not errors and gc.isenabled()
    finally:
        (gc.enable if was else gc.disable)()
