"""JUnit XML: a testsuite per run, a testcase per article. A testcase fails when its article breaches the
thresholds (--fail-under, or a new finding at --fail-on); articles that could not be fetched are errors,
skipped ones are skipped. CI systems read this format natively."""
from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from typing import Any, Iterable, Sequence

from . import register
from ._ci import Policy, artifact_uri

# XML 1.0 cannot carry most control characters, whoever wrote them into a title
_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _clean(text: Any) -> str:
    return _XML_ILLEGAL.sub("\ufffd", str(text))


def _case_name(audit) -> str:
    return _clean(audit.article.title or artifact_uri(audit))


def render_many(audits: Sequence, *, policy: Policy | None = None, failed: Iterable[tuple[str, str]] = (),
                skipped: Iterable[tuple[str, str]] = (), suite_name: str = "auditor", **_: Any) -> str:
    """failed / skipped: (name, reason) pairs for items that were not audited (feed runs)."""
    policy = policy or Policy()
    failed, skipped = list(failed), list(skipped)
    suites = ET.Element("testsuites", name="auditor")
    suite = ET.SubElement(suites, "testsuite", name=_clean(suite_name))
    failures = 0
    for audit in audits:
        case = ET.SubElement(suite, "testcase", name=_case_name(audit),
                             classname=_clean(audit.article.outlet.domain or "auditor"),
                             file=_clean(artifact_uri(audit)), time="0")
        reasons = policy.breaches(audit)
        new = policy.new_findings(audit)
        if reasons:
            failures += 1
            failure = ET.SubElement(case, "failure", message=_clean("; ".join(reasons)), type="threshold")
            failure.text = _clean("\n".join(f"{f.severity} {f.rule}: {f.message} [{f.excerpt}] (-{f.deduction:g})"
                                            for f in new if f.deduction > 0))
        out = ET.SubElement(case, "system-out")
        out.text = _clean(f"score {audit.score.overall:g} grade {audit.score.grade}; "
                          + ", ".join(f"{c} {v:g}" for c, v in audit.score.categories.items())
                          + f"; {len(audit.findings)} finding(s), {len(new)} not in the baseline\n"
                          + "\n".join(f"{f.severity} {f.rule}: {f.excerpt}" for f in audit.findings))
    for name, reason in failed:
        case = ET.SubElement(suite, "testcase", name=_clean(name), classname="auditor.input", time="0")
        ET.SubElement(case, "error", message=_clean(reason), type="input")
    for name, reason in skipped:
        case = ET.SubElement(suite, "testcase", name=_clean(name), classname="auditor.input", time="0")
        ET.SubElement(case, "skipped", message=_clean(reason))
    counts = {"tests": len(audits) + len(failed) + len(skipped), "failures": failures, "errors": len(failed),
              "skipped": len(skipped), "time": "0"}
    for element in (suite, suites):
        for key, value in counts.items():
            if element is suites and key == "skipped":
                continue
            element.set(key, str(value))
    ET.indent(suites)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(suites, encoding="unicode") + "\n"


@register("junit", "xml", render_many=render_many)
def render(audit, **options: Any) -> str:
    return render_many([audit], **options)
