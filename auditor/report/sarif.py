"""SARIF 2.1.0: one result per finding, the rules that fired with their help text and links, for code
scanning dashboards. Deterministic: no timestamps, findings in the audit's own order."""
from __future__ import annotations

import json
from typing import Any, Sequence

from . import register
from ._ci import Policy, artifact_uri, place

SARIF_SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
LEVELS = {"error": "error", "warning": "warning", "info": "note"}
FINGERPRINT_KEY = "auditorFinding/v1"


def _rule_descriptor(rule_id: str, audits: Sequence) -> dict[str, Any]:
    rule = None
    for audit in audits:
        rule = audit.rules.by_id.get(rule_id)
        if rule is not None:
            break
    if rule is None:  # a finding whose rule is no longer loaded: still describe it
        return {"id": rule_id, "shortDescription": {"text": rule_id}}
    descriptor: dict[str, Any] = {
        "id": rule.id,
        "name": rule.id.replace(".", "/"),
        "shortDescription": {"text": rule.message.replace("{match}", "…").replace("{value}", "…")},
        "fullDescription": {"text": rule.description or rule.message},
        "help": {"text": rule.description + (f"\n\nSee {rule.link}" if rule.link else ""),
                 "markdown": rule.description + (f"\n\n[More]({rule.link})" if rule.link else "")},
        "defaultConfiguration": {"level": LEVELS.get(rule.severity, "warning")},
        "properties": {"category": rule.category, "kind": rule.kind, "weight": rule.weight,
                       "tags": [rule.category, *rule.tags]},
    }
    if rule.link and rule.link.startswith(("http://", "https://")):
        descriptor["helpUri"] = rule.link
    return descriptor


def _result(audit, finding, rule_index: dict[str, int], policy: Policy) -> dict[str, Any]:
    physical: dict[str, Any] = {"artifactLocation": {"uri": artifact_uri(audit)}}
    where = place(audit, finding)
    if where is not None:
        region: dict[str, Any] = {"startLine": where.start_line, "startColumn": where.start_col,
                                  "endLine": where.end_line, "endColumn": where.end_col}
        if where.char_offset is not None:
            region = {"charOffset": where.char_offset, "charLength": where.char_length or 0}
        if finding.excerpt:
            region["snippet"] = {"text": finding.excerpt}
        physical["region"] = region
    text = finding.message + (f" — suggestion: {finding.suggestion}" if finding.suggestion else "")
    result: dict[str, Any] = {
        "ruleId": finding.rule,
        "ruleIndex": rule_index[finding.rule],
        "level": LEVELS.get(finding.severity, "warning"),
        "message": {"text": text},
        "locations": [{"physicalLocation": physical}],
        "partialFingerprints": {FINGERPRINT_KEY: finding.id},
        "properties": {"field": finding.field, "voice": finding.voice, "speaker": finding.speaker,
                       "deduction": finding.deduction, "category": finding.category,
                       "articleUrl": audit.article.url, "textOffsets": where is not None and not where.in_file},
    }
    if policy.baseline:
        result["baselineState"] = "unchanged" if finding.id in policy.baseline else "new"
    return result


def render_many(audits: Sequence, *, policy: Policy | None = None, **_: Any) -> str:
    policy = policy or Policy()
    used = sorted({f.rule for a in audits for f in a.findings})
    rule_index = {rule_id: i for i, rule_id in enumerate(used)}
    from .. import __version__
    doc = {
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {"name": "auditor", "version": __version__,
                                "informationUri": "https://pypi.org/project/auditor/",
                                "rules": [_rule_descriptor(r, audits) for r in used]}},
            "originalUriBaseIds": {},
            "columnKind": "unicodeCodePoints",
            "results": [_result(a, f, rule_index, policy) for a in audits for f in a.findings],
            "properties": {"articles": [{"uri": artifact_uri(a), "title": a.article.title,
                                         "score": a.score.overall, "grade": a.score.grade,
                                         "breaches": policy.breaches(a)} for a in audits]},
        }],
    }
    doc["runs"][0].pop("originalUriBaseIds")
    return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"


@register("sarif", "sarif", render_many=render_many)
def render(audit, **options: Any) -> str:
    return render_many([audit], **options)
