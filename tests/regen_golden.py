"""Regenerate the golden report files in tests/golden/ after an intended change to a report format.

    python tests/regen_golden.py          # rewrite the files
    python tests/regen_golden.py --check  # exit 1 when a file differs (what tests/test_html_report.py does)

The reports are made with the frozen rule pack tests/golden/rules/ (not the default packs), so they
change when a report format changes, not each time the default rules grow."""
from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
GOLDEN = ROOT / "tests" / "golden"
EXAMPLE = "examples/slanted-unlabelled.html"
NAMES = ("slanted-unlabelled.html", "slanted-unlabelled.md", "plain-report.md", "compare-same-story.md",
         "compare-same-story.html")
SAME_STORY = ("examples/wire-report.html", "examples/slanted-unlabelled.html", "examples/opinion-column.html")


def golden_ruleset():
    from auditor.ruleset.loader import build_ruleset
    return build_ruleset([GOLDEN / "rules"], include_default=False)


def audit_example(relative: str, ruleset):
    import auditor
    path = ROOT / relative
    if path.suffix == ".html":
        return auditor.audit_html(path.read_bytes(), location=relative, ruleset=ruleset)
    return auditor.audit_text(path.read_text(encoding="utf-8"), location=relative, ruleset=ruleset)


def outputs() -> dict[str, str]:
    """Golden file name → its expected content."""
    from auditor.compare import compare
    from auditor.report import get
    from auditor.report.html import render_comparison as html_comparison
    from auditor.report.markdown import render_comparison as md_comparison
    rules = golden_ruleset()
    audit = audit_example(EXAMPLE, rules)
    plain = audit_example("examples/plain-report.txt", rules)
    comparison = compare([audit_example(p, rules) for p in SAME_STORY])
    return {
        "slanted-unlabelled.html": get("html").render(audit),
        "slanted-unlabelled.md": get("md").render(audit),
        "plain-report.md": get("md").render(plain),
        "compare-same-story.md": md_comparison(comparison),
        "compare-same-story.html": html_comparison(comparison),
    }


def main(argv: list[str]) -> int:
    check = "--check" in argv
    stale = []
    for name, content in outputs().items():
        target = GOLDEN / name
        if check:
            if not target.is_file() or target.read_text(encoding="utf-8") != content:
                stale.append(name)
        else:
            target.write_text(content, encoding="utf-8")
            print(f"wrote {target.relative_to(ROOT)}")
    for name in stale:
        print(f"differs: tests/golden/{name} (run: python tests/regen_golden.py)")
    return 1 if stale else 0


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    sys.exit(main(sys.argv[1:]))
