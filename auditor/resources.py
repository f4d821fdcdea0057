"""Vocabularies the pipeline reads from rules/resources/*.yaml (data kept out of Python)."""
from __future__ import annotations

from functools import lru_cache
from typing import Any

import yaml

from .errors import RuleFileError
from .ruleset.yamlpos import SAFE_LOADER
from .ruleset.loader import default_rules_dir


@lru_cache(maxsize=None)
def resource(name: str) -> dict[str, Any]:
    path = default_rules_dir() / "resources" / f"{name}.yaml"
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=SAFE_LOADER) or {}
    except (OSError, yaml.YAMLError) as exc:
        raise RuleFileError(str(path), None, None, f"cannot read resource file: {exc}") from None
    if not isinstance(data, dict):
        raise RuleFileError(str(path), 1, 1, "a resource file must be a mapping")
    return data


def words(name: str, key: str) -> frozenset[str]:
    return frozenset(str(v).strip().lower() for v in resource(name).get(key, []) or [])
