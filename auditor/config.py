"""Configuration in layers: packaged defaults < project file (auditor.yaml or [tool.auditor]) < CLI."""
from __future__ import annotations

import dataclasses
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .errors import ConfigError
from .model import CATEGORIES, SEVERITIES
from .ruleset.loader import with_overrides
from .ruleset.model import Rule
from .ruleset.yamlpos import Located, load_located

CONFIG_FILES = ("auditor.yaml", "auditor.yml", ".auditor.yaml")
KEYS = ("rules", "disable", "enable", "severity", "weight", "fail_under", "fail_on", "category_weights")


@dataclass(frozen=True)
class Config:
    rules_dirs: tuple[Path, ...] = ()
    disable: tuple[str, ...] = ()
    enable: tuple[str, ...] = ()
    severity: tuple[tuple[str, str], ...] = ()
    weight: tuple[tuple[str, float], ...] = ()
    fail_under: float | None = None
    fail_on: str | None = None
    category_weights: tuple[tuple[str, float], ...] = ()
    path: str | None = None

    def merged(self, **cli: Any) -> "Config":
        """CLI values win over file values; lists add up."""
        changes: dict[str, Any] = {}
        for key, value in cli.items():
            if value in (None, (), []):
                continue
            if key in ("rules_dirs", "disable", "enable"):
                changes[key] = getattr(self, key) + tuple(value)
            else:
                changes[key] = value
        return dataclasses.replace(self, **changes)

    def is_enabled(self, rule: Rule) -> bool:
        def named(names: tuple[str, ...]) -> bool:
            return rule.id in names or rule.pack in names or rule.category in names
        if rule.id in self.enable:
            return True
        if named(self.disable):
            return False
        return True

    def apply(self, rules: tuple[Rule, ...]) -> tuple[Rule, ...]:
        severities, weights = dict(self.severity), dict(self.weight)
        ids = {r.id for r in rules} | {r.pack for r in rules} | set(CATEGORIES)
        for name in self.disable + self.enable + tuple(severities) + tuple(weights):
            if name not in ids:
                raise ConfigError(self.path or "configuration", None, None,
                                  f"unknown rule, pack or category {name!r}",
                                  "`auditor rules list` shows the rule ids")
        out = []
        for rule in rules:
            if not self.is_enabled(rule):
                continue
            sev = severities.get(rule.id, severities.get(rule.pack))
            wt = weights.get(rule.id, weights.get(rule.pack))
            out.append(with_overrides(rule, sev, wt))
        return tuple(out)


def _from_mapping(data: Any, doc: Located | None, path: str) -> Config:
    def fail(key: tuple, problem: str, hint: str = "") -> ConfigError:
        if doc is not None:
            line, col = doc.where(key)
            return ConfigError(path, line, col, problem, hint)
        return ConfigError(path, None, None, f"[tool.auditor] {'.'.join(map(str, key))}: {problem}", hint)

    if data is None:
        return Config(path=path)
    if not isinstance(data, dict):
        raise fail((), "configuration must be a mapping", "keys: " + ", ".join(KEYS))
    for key in data:
        if key not in KEYS:
            raise fail((key,), f"unknown key {key!r}", "allowed: " + ", ".join(KEYS))

    def names(key: str) -> tuple[str, ...]:
        value = data.get(key) or []
        value = [value] if isinstance(value, str) else value
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise fail((key,), f"{key!r} must be a list of rule ids, pack names or categories")
        return tuple(value)

    def mapping(key: str, check) -> tuple:
        value = data.get(key) or {}
        if not isinstance(value, dict):
            raise fail((key,), f"{key!r} must be a mapping of rule id or pack to a value")
        for k, v in value.items():
            problem = check(v)
            if problem:
                raise fail((key, k), problem)
        return tuple(sorted(value.items()))

    base = Path(path).parent
    severity = mapping("severity", lambda v: None if v in SEVERITIES else f"severity must be one of {', '.join(SEVERITIES)} (got {v!r})")
    weight = mapping("weight", lambda v: None if isinstance(v, (int, float)) and not isinstance(v, bool) and v >= 0 else f"weight must be a number >= 0 (got {v!r})")
    cat_w = mapping("category_weights", lambda v: None if isinstance(v, (int, float)) and v >= 0 else "must be a number >= 0")
    for k, _ in cat_w:
        if k not in CATEGORIES:
            raise fail(("category_weights", k), f"unknown category {k!r}", "allowed: " + ", ".join(CATEGORIES))
    fail_under = data.get("fail_under")
    if fail_under is not None and (isinstance(fail_under, bool) or not isinstance(fail_under, (int, float))):
        raise fail(("fail_under",), "fail_under must be a number between 0 and 100")
    fail_on = data.get("fail_on")
    if fail_on is not None and fail_on not in SEVERITIES:
        raise fail(("fail_on",), f"fail_on must be one of {', '.join(SEVERITIES)} (got {fail_on!r})")
    return Config(
        rules_dirs=tuple(base / d for d in names("rules")),
        disable=names("disable"), enable=names("enable"),
        severity=severity, weight=tuple((k, float(v)) for k, v in weight),
        fail_under=fail_under, fail_on=fail_on,
        category_weights=tuple((k, float(v)) for k, v in cat_w), path=path,
    )


def load_config(explicit: str | None = None, cwd: Path | None = None) -> Config:
    """An explicit --config file, else auditor.yaml in the working folder, else [tool.auditor] in
    pyproject.toml, else defaults."""
    cwd = cwd or Path.cwd()
    candidates = [Path(explicit)] if explicit else [cwd / name for name in CONFIG_FILES]
    for candidate in candidates:
        if candidate.is_file():
            if candidate.suffix == ".toml":
                return _from_toml(candidate)
            doc = load_located(candidate.read_text(encoding="utf-8"), str(candidate))
            return _from_mapping(doc.data, doc, str(candidate))
        if explicit:
            raise ConfigError(str(candidate), None, None, "configuration file not found")
    pyproject = cwd / "pyproject.toml"
    if pyproject.is_file():
        return _from_toml(pyproject)
    return Config()


def _from_toml(path: Path) -> Config:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(str(path), None, None, f"invalid TOML: {exc}") from None
    section = data.get("tool", {}).get("auditor") if path.name == "pyproject.toml" else data
    return _from_mapping(section, None, str(path)) if section is not None else Config(path=str(path))
