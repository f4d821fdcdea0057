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


def word_list(name: str, *keys: str) -> list[str]:
    """The list at `keys` (a top-level key, or a section and a key) of a resource file, lower-cased, in
    file order; [] when absent. Anything but a list of strings is an error naming the file and the key:
    YAML reads a bare yes/no/on/off as true/false, which would otherwise slip in as "true"/"false"."""
    value: Any = resource(name)
    for key in keys:
        value = value.get(key) if isinstance(value, dict) else None
    if value is None:
        return []
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise RuleFileError(str(default_rules_dir() / "resources" / f"{name}.yaml"), None, None,
                            f"'{'.'.join(keys)}' must be a list of words (quote yes, no, on and off)")
    return [v.strip().lower() for v in value]


@lru_cache(maxsize=None)
def words(name: str, *keys: str) -> frozenset[str]:
    """word_list as a set, built once: callers on the per-page path ask for the same lists again and again."""
    return frozenset(word_list(name, *keys))
