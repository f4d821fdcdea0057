"""Command line: parses arguments and prints; the work happens in the library.

Exit codes: 0 audited; 1 a --fail-under / --fail-on threshold breached; 2 usage, rule or config error;
3 an input could not be fetched or parsed."""
from __future__ import annotations

import argparse
import importlib
import json
import pkgutil
import sys
from pathlib import Path
from typing import Any, Callable, Iterator

from . import __version__
from .audit import Audit, audit_html, audit_text, audit_url, get_ruleset
from .config import Config, load_config
from .errors import AuditorError, InputError, UsageError
from .links import load_ratings
from .model import SEVERITIES
from .report._ci import Policy, load_baseline, policy_from_config, write_baseline

EXIT_OK, EXIT_THRESHOLD, EXIT_USAGE, EXIT_INPUT = 0, 1, 2, 3
MAX_INPUT_BYTES = 15_000_000


def add_rule_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--rules", action="append", default=[], metavar="DIR", help="extra rule pack folder (repeatable)")
    p.add_argument("--config", metavar="FILE", help="configuration file (default: auditor.yaml or [tool.auditor])")
    p.add_argument("--disable", action="append", default=[], metavar="ID", help="turn off a rule, pack or category")
    p.add_argument("--enable", action="append", default=[], metavar="ID", help="turn a disabled rule back on")


def add_threshold_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--fail-under", type=float, metavar="SCORE", help="exit 1 when an overall score is below SCORE")
    p.add_argument("--fail-on", choices=SEVERITIES, help="exit 1 when a finding of this severity or worse costs points")


def add_baseline_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--baseline", metavar="FILE", help="finding fingerprints that do not count for --fail-on")
    p.add_argument("--write-baseline", metavar="FILE", help="write the fingerprints of every current finding")


def add_metadata_options(p: argparse.ArgumentParser) -> None:
    g = p.add_argument_group("metadata (overrides what was extracted)")
    g.add_argument("--title")
    g.add_argument("--author", action="append", dest="authors", metavar="NAME")
    g.add_argument("--bio", action="append", dest="author_bios", metavar="TEXT")
    g.add_argument("--published", metavar="DATE")
    g.add_argument("--modified", metavar="DATE")
    g.add_argument("--section")
    g.add_argument("--kind", choices=("news", "opinion", "analysis", "sponsored", "unknown"))
    g.add_argument("--url", help="the article's address (also sets the outlet domain)")
    g.add_argument("--outlet-name", dest="outlet_name")


def config_from(args: argparse.Namespace) -> Config:
    config = load_config(getattr(args, "config", None))
    return config.merged(rules_dirs=[Path(d) for d in getattr(args, "rules", [])],
                         disable=getattr(args, "disable", []), enable=getattr(args, "enable", []),
                         fail_under=getattr(args, "fail_under", None), fail_on=getattr(args, "fail_on", None))


def metadata_from(args: argparse.Namespace) -> dict[str, Any]:
    keys = ("title", "authors", "author_bios", "published", "modified", "section", "kind", "url", "outlet_name")
    return {k: getattr(args, k) for k in keys if getattr(args, k, None) is not None}


def read_source(source: str) -> tuple[bytes, str]:
    if source == "-":
        data = sys.stdin.buffer.read(MAX_INPUT_BYTES + 1)
        name = "<stdin>"
    else:
        path = Path(source)
        if not path.is_file():
            raise InputError(source, "no such file" if not path.exists() else "not a regular file")
        if path.stat().st_size > MAX_INPUT_BYTES:
            raise InputError(source, f"file is larger than {MAX_INPUT_BYTES} bytes")
        data = path.read_bytes()
        name = source
    if len(data) > MAX_INPUT_BYTES:
        raise InputError(name, f"input is larger than {MAX_INPUT_BYTES} bytes")
    return data, name


def audit_source(source: str, config: Config, metadata: dict[str, Any], markdown: bool | None = None,
                 domain_ratings: Any = None) -> Audit:
    """One SOURCE (path, URL or '-') audited; raises InputError when it cannot be read or parsed."""
    if domain_ratings is not None:
        metadata = {**metadata, "domain_ratings": domain_ratings}
    if source.lower().startswith(("http://", "https://")):
        return audit_url(source, config=config, **metadata)
    data, name = read_source(source)
    lower = name.lower()
    looks_html = lower.endswith((".html", ".htm", ".xhtml")) or data.lstrip()[:15].lower().startswith((b"<!doctype", b"<html"))
    if looks_html:
        return audit_html(data, url=metadata.pop("url", None), location=name, config=config, **metadata)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        text = data.decode("cp1252", "replace")
    is_md = markdown if markdown is not None else lower.endswith((".md", ".markdown"))
    return audit_text(text, markdown=is_md, location=name, config=config, **metadata)


def _iter_jsonl(path: str) -> Iterator[tuple[int, dict | None, str | None]]:
    stream = sys.stdin if path == "-" else open(path, encoding="utf-8")
    with stream:
        for number, line in enumerate(stream, 1):
            if not line.strip():
                continue
            try:
                item = json.loads(line)
            except ValueError as exc:
                yield number, None, f"invalid JSON: {exc}"
                continue
            if not isinstance(item, dict) or not isinstance(item.get("text", item.get("html")), str):
                yield number, None, "each line must be an object with 'text' or 'html'"
                continue
            yield number, item, None


def cmd_audit(args: argparse.Namespace) -> int:
    from . import report
    config = config_from(args)
    get_ruleset(config=config)  # validate rules and config before touching any input: no partial run
    formatter = report.get(args.format)
    metadata = metadata_from(args)
    baseline = load_baseline(args.baseline) if args.baseline else frozenset()
    policy = policy_from_config(config, baseline)
    ratings = load_ratings(args.domain_ratings) if getattr(args, "domain_ratings", None) else None
    failures = 0
    breached = False
    if args.jsonl:
        for number, item, problem in _iter_jsonl(args.jsonl):
            where = f"{args.jsonl}:{number}"
            try:
                if problem:
                    raise InputError(where, problem)
                meta = {k: v for k, v in item.items() if k not in ("text", "html", "id")}
                meta = {**meta, **metadata}
                audit = (audit_html(item["html"], url=meta.pop("url", None), location=where, config=config,
                                    domain_ratings=ratings, **meta)
                         if "html" in item else audit_text(item["text"], location=where, config=config,
                                                           domain_ratings=ratings, **meta))
                record = audit.to_dict()
                if "id" in item:
                    record["input"]["id"] = item["id"]
                sys.stdout.write(json.dumps(record, ensure_ascii=False) + "\n")
                breached |= bool(policy.breaches(audit))
            except (InputError, UsageError) as exc:
                failures += 1
                sys.stdout.write(json.dumps({"input": {"location": where}, "error": str(exc)}) + "\n")
                print(f"auditor: {exc}", file=sys.stderr)
        return EXIT_INPUT if failures else (EXIT_THRESHOLD if breached else EXIT_OK)
    if not args.sources:
        raise UsageError("give at least one SOURCE (a file, a URL or - for stdin), or --jsonl FILE")
    audits: list[Audit] = []
    for source in args.sources:
        try:
            audit = audit_source(source, config, dict(metadata), args.markdown, ratings)
        except InputError as exc:
            failures += 1
            print(f"auditor: cannot audit {exc}", file=sys.stderr)
            continue
        audits.append(audit)
        for reason in policy.breaches(audit):
            breached = True
            print(f"auditor: {source}: {reason}", file=sys.stderr)
        if args.output != "-":
            out_dir = Path(args.output)
            out_dir.mkdir(parents=True, exist_ok=True)
            stem = Path(source).stem if source not in ("-",) and "://" not in source else _url_stem(source)
            target = out_dir / f"{stem}.{formatter.extension}"
            target.write_text(formatter.render(audit, **_ci_options(formatter, policy)), encoding="utf-8")
            print(f"wrote {target}  (score {audit.score.overall:g}, grade {audit.score.grade}, "
                  f"{len(audit.findings)} findings)", file=sys.stderr)
    if args.output == "-" and audits:
        if formatter.render_many and len(audits) > 1:
            sys.stdout.write(formatter.render_many(audits, **_ci_options(formatter, policy)))
        elif args.format == "json" and len(audits) > 1:
            sys.stdout.write(json.dumps([a.to_dict() for a in audits], ensure_ascii=False, indent=2) + "\n")
        else:
            sys.stdout.write("\n".join(formatter.render(a, **_ci_options(formatter, policy)) for a in audits))
    if args.write_baseline:
        count = write_baseline(args.write_baseline, (f.id for a in audits for f in a.findings))
        print(f"auditor: wrote {count} fingerprint(s) to {args.write_baseline}", file=sys.stderr)
    if failures:
        return EXIT_INPUT
    return EXIT_THRESHOLD if breached else EXIT_OK


def _ci_options(formatter, policy: Policy) -> dict[str, Any]:
    """CI formats (sarif, junit, github, csv) take the thresholds, to mark the articles that breach them."""
    import inspect
    if formatter.render_many and "policy" in inspect.signature(formatter.render_many).parameters:
        return {"policy": policy}
    return {}


def _url_stem(source: str) -> str:
    import re
    if source == "-":
        return "stdin"
    return re.sub(r"[^A-Za-z0-9._-]+", "_", source.split("://", 1)[-1]).strip("_")[:80] or "article"


def cmd_schema(args: argparse.Namespace) -> int:
    from importlib import resources
    sys.stdout.write((resources.files("auditor") / "schema" / "audit.schema.json").read_text(encoding="utf-8"))
    return EXIT_OK


def cmd_rules(args: argparse.Namespace) -> int:
    from .measures import DESCRIPTIONS
    from .ruleset.loader import build_ruleset
    from .ruleset.selftest import lint, test_rules
    if args.rules_command in ("test", "lint") and args.path:
        rules = build_ruleset([Path(p) for p in args.path], include_default=False)
    else:
        rules = get_ruleset(config=config_from(args))
    if args.rules_command == "list":
        for rule in rules.rules:
            print(f"{rule.id:<42} {rule.category:<13} {rule.severity:<8} {rule.kind:<9} {rule.message.split('{')[0].strip()[:60]}")
        print(f"\n{len(rules.rules)} rules in {len(rules.packs)} packs; {rules.term_count} lexicon forms")
        return EXIT_OK
    if args.rules_command == "show":
        rule = rules.by_id.get(args.id)
        if rule is None:
            raise UsageError(f"no rule {args.id!r}; `auditor rules list` shows the ids")
        print(f"{rule.id}  ({rule.kind}, {rule.category}, {rule.severity}, weight {rule.weight:g})")
        print(f"defined at {rule.path}:{rule.line}\nscope: {', '.join(rule.scope)}\n")
        print(f"message: {rule.message}\n\n{rule.description}\n")
        if rule.link:
            print(f"see: {rule.link}\n")
        params = rule.params
        if hasattr(params, "terms"):
            print("terms: " + ", ".join(t.term + (f" → {'/'.join(t.suggest)}" if t.suggest else "") for t in params.terms))
        if hasattr(params, "patterns"):
            print("patterns:\n" + "\n".join(f"  {p}" for p in params.patterns))
        if hasattr(params, "measure"):
            print(f"measure: {params.measure} ({DESCRIPTIONS.get(params.measure, '')}); min {params.min}, max {params.max}")
        print("\nflags:\n" + "\n".join(f"  - {e.text}" for e in rule.flag_examples))
        print("passes:\n" + "\n".join(f"  - {e.text}" for e in rule.pass_examples))
        return EXIT_OK
    if args.rules_command == "measures":
        for name, text in sorted(DESCRIPTIONS.items()):
            print(f"{name:<28} {text}")
        return EXIT_OK
    problems = test_rules(rules) if args.rules_command == "test" else lint(rules)
    for problem in problems:
        print(problem)
    examples = sum(len(r.flag_examples) + len(r.pass_examples) for r in rules.rules)
    print(f"{len(rules.rules)} rules, {examples} examples: {len(problems)} problem(s)")
    return EXIT_THRESHOLD if problems else EXIT_OK


def build_parser() -> tuple[argparse.ArgumentParser, dict[str, Callable[[argparse.Namespace], int]]]:
    from . import report
    parser = argparse.ArgumentParser(prog="auditor", description="Audit news articles for loaded language, "
                                     "vague sourcing, framing and missing transparency.")
    parser.add_argument("--version", action="version", version=f"auditor {__version__}")
    sub = parser.add_subparsers(dest="command", required=True)
    handlers: dict[str, Callable[[argparse.Namespace], int]] = {}

    p = sub.add_parser("audit", help="audit articles (files, URLs, - for stdin)")
    p.add_argument("sources", nargs="*", metavar="SOURCE")
    p.add_argument("--format", "-f", default="text", choices=report.names())
    p.add_argument("--output", "-o", default="-", metavar="DIR|-", help="folder for one report per SOURCE, or - for stdout")
    p.add_argument("--jsonl", metavar="FILE", help="read one article per line ({text|html, …metadata}); stream JSON lines")
    p.add_argument("--markdown", action="store_true", default=None, help="treat text input as Markdown")
    p.add_argument("--domain-ratings", metavar="FILE", help="CSV of domain,rating[,label] to cite instead of the "
                   "bundled reference ratings (docs/links.md)")
    add_rule_options(p)
    add_threshold_options(p)
    add_baseline_options(p)
    add_metadata_options(p)
    handlers["audit"] = cmd_audit

    p = sub.add_parser("schema", help="print the JSON Schema of the JSON report")
    handlers["schema"] = cmd_schema

    p = sub.add_parser("rules", help="list, show, test and lint rules")
    rsub = p.add_subparsers(dest="rules_command", required=True)
    for name, text in (("list", "list the rules"), ("measures", "list the measures metric rules can use")):
        q = rsub.add_parser(name, help=text)
        add_rule_options(q)
    q = rsub.add_parser("show", help="explain one rule")
    q.add_argument("id")
    add_rule_options(q)
    for name, text in (("test", "run every rule's examples"), ("lint", "test examples and check packs are documented")):
        q = rsub.add_parser(name, help=text)
        q.add_argument("path", nargs="*", help="rule files or folders (default: the installed packs)")
        add_rule_options(q)
    handlers["rules"] = cmd_rules

    # further commands are plug-ins: auditor/commands/<name>.py with add_parser(sub) -> handler
    from . import commands
    for module in pkgutil.iter_modules(commands.__path__):
        mod = importlib.import_module(f"{commands.__name__}.{module.name}")
        handlers.update(mod.add_parser(sub))
    return parser, handlers


def main(argv: list[str] | None = None) -> int:
    parser, handlers = build_parser()
    args = parser.parse_args(argv)
    try:
        return handlers[args.command](args)
    except AuditorError as exc:
        print(f"auditor: {exc}", file=sys.stderr)
        return exc.exit_code if exc.exit_code != 1 else EXIT_USAGE
    except BrokenPipeError:
        return EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
