"""`auditor compare A B …`: several articles on the same story side by side."""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Callable

FORMATS = ("html", "md", "json")


def render(comparison, fmt: str) -> str:
    """The comparison in one of FORMATS."""
    if fmt == "html":
        from ..report.html import render_comparison
        return render_comparison(comparison)
    if fmt == "md":
        from ..report.markdown import render_comparison
        return render_comparison(comparison)
    return json.dumps(comparison.to_dict(), ensure_ascii=False, indent=2) + "\n"


def cmd_compare(args: argparse.Namespace) -> int:
    from ..audit import get_ruleset
    from ..cli import EXIT_INPUT, EXIT_OK, audit_source, config_from
    from ..compare import MAX_ARTICLES, compare
    from ..errors import InputError, UsageError
    if len(args.sources) < 2:
        raise UsageError("compare needs at least two SOURCEs (files, URLs or - for stdin)")
    if len(args.sources) > MAX_ARTICLES:
        raise UsageError(f"compare takes at most {MAX_ARTICLES} SOURCEs")
    config = config_from(args)
    get_ruleset(config=config)  # rule and config errors before any input is read
    audits = []
    for source in args.sources:
        try:
            audits.append(audit_source(source, config, {}))
        except InputError as exc:
            print(f"auditor: cannot audit {exc}", file=sys.stderr)
            return EXIT_INPUT
    output = render(compare(audits), args.format)
    if args.output == "-":
        sys.stdout.write(output)
    else:
        target = Path(args.output)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(output, encoding="utf-8")
        print(f"wrote {target}", file=sys.stderr)
    return EXIT_OK


def add_parser(subparsers) -> dict[str, Callable[[argparse.Namespace], int]]:
    from ..cli import add_rule_options
    p = subparsers.add_parser("compare", help="compare several articles on the same story side by side",
                              description="Audit several articles on the same story and put them side by side: "
                                          "scores, the loaded terms each uses and which they share, source maps, "
                                          "transparency checklists and neutral alternatives.")
    p.add_argument("sources", nargs="+", metavar="SOURCE", help="files, URLs, or - for stdin")
    p.add_argument("--format", "-f", default="html", choices=FORMATS)
    p.add_argument("--output", "-o", default="-", metavar="FILE|-", help="file to write, or - for stdout (default)")
    add_rule_options(p)
    return {"compare": cmd_compare}
