"""The wheel carries everything the package reads at run time: rule packs, vocabularies, schema, data."""
from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    builders = pytest.importorskip("hatchling.builders.wheel")
    out = tmp_path_factory.mktemp("dist")
    return Path(next(iter(builders.WheelBuilder(str(REPO)).build(directory=str(out), versions=["standard"]))))


def test_wheel_holds_rules_vocabularies_schema_and_data(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    packs = {p.name for p in (REPO / "rules").glob("*.yaml")}
    resources = {p.name for p in (REPO / "rules" / "resources").glob("*.yaml")}
    assert packs and resources
    assert {f"auditor/rules/{name}" for name in packs} <= names
    assert {f"auditor/rules/resources/{name}" for name in resources} <= names
    assert "auditor/schema/audit.schema.json" in names
    assert "auditor/data/domain_quality.csv" in names
    assert not any(name.startswith(("tests/", "eval/", "bench/")) for name in names)


def test_installed_wheel_audits_without_the_checkout(wheel, tmp_path):
    site = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(site)
    script = (
        "import auditor, json\n"
        "from auditor.ruleset.loader import default_rules_dir\n"
        "audit = auditor.audit_text('Critics slammed the staunch plan, officials said.')\n"
        "print(json.dumps({'rules': str(default_rules_dir()), 'count': len(audit.rules.rules),\n"
        "                  'found': sorted({f.rule for f in audit.findings})}))\n"
    )
    env = {**os.environ, "PYTHONPATH": str(site)}
    done = subprocess.run([sys.executable, "-c", script], cwd=tmp_path, env=env, capture_output=True,
                          text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    import json
    result = json.loads(done.stdout)
    assert result["rules"].startswith(str(site)), result["rules"]
    assert result["count"] >= 40
    assert any(rule.startswith("language.") for rule in result["found"]), result["found"]
