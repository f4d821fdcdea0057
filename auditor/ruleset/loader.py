"""Finding, reading and validating rule packs; a malformed file stops everything before any run."""
from __future__ import annotations

import dataclasses
from importlib import resources
from pathlib import Path
from typing import Iterable

from ..errors import RuleFileError
from .engine import RuleSet
from .model import Rule
from .schema import parse_pack
from .yamlpos import load_located

RESOURCE_DIR = "resources"  # analysis vocabularies, not rule packs


def default_rules_dir() -> Path:
    """The packaged rules: inside the installed package (wheel), else the checkout's top-level rules/."""
    packaged = Path(str(resources.files("auditor"))) / "rules"
    if packaged.is_dir():
        return packaged
    checkout = Path(__file__).resolve().parents[2] / "rules"
    if checkout.is_dir():
        return checkout
    raise RuleFileError(str(checkout), None, None, "packaged rules folder not found",
                        "reinstall the package")


def rule_files(directory: Path) -> list[Path]:
    if directory.is_file():
        return [directory]
    if not directory.is_dir():
        raise RuleFileError(str(directory), None, None, "rules folder does not exist")
    return sorted(p for p in directory.rglob("*.y*ml")
                  if p.suffix in (".yaml", ".yml") and RESOURCE_DIR not in p.relative_to(directory).parts)


def load_pack_file(path: Path) -> tuple[str, str, tuple[Rule, ...]]:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise RuleFileError(str(path), None, None, f"cannot read rule file: {exc}") from None
    return parse_pack(load_located(text, str(path)))


def load_rules(directories: Iterable[Path], include_default: bool = True) -> tuple[tuple[Rule, ...], dict[str, str]]:
    dirs = ([default_rules_dir()] if include_default else []) + [Path(d) for d in directories]
    rules: list[Rule] = []
    packs: dict[str, str] = {}
    seen: dict[str, Rule] = {}
    for directory in dirs:
        for path in rule_files(directory):
            pack, description, pack_rules = load_pack_file(path)
            packs.setdefault(pack, description)
            for rule in pack_rules:
                if rule.id in seen:
                    first = seen[rule.id]
                    raise RuleFileError(rule.path, rule.line, 3, f"duplicate rule id {rule.id!r}",
                                        f"first defined at {first.path}:{first.line}")
                seen[rule.id] = rule
                rules.append(rule)
    return tuple(rules), packs


def build_ruleset(directories: Iterable[Path] = (), config=None, include_default: bool = True) -> RuleSet:
    rules, packs = load_rules(directories, include_default)
    if config is not None:
        rules = config.apply(rules)
    return RuleSet(rules, packs)


def with_overrides(rule: Rule, severity: str | None, weight: float | None) -> Rule:
    changes = {}
    if severity is not None:
        changes["severity"] = severity
    if weight is not None:
        changes["weight"] = weight
    return dataclasses.replace(rule, **changes) if changes else rule
