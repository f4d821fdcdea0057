"""YAML loading that remembers where every node is, so errors can point at path:line:col."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import yaml

from ..errors import RuleFileError

MAX_RULE_FILE_BYTES = 2_000_000

Path = tuple[Any, ...]


class _Loader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
    """The safe loader (libyaml's when available), with dates kept as the text written: a rule file's
    dates are compared as YYYY-MM-DD text, and a date-like value that is no date ("2019-14-08") must be
    a schema error at its line, not a crash in the YAML library."""


_Loader.add_constructor("tag:yaml.org,2002:timestamp", lambda loader, node: loader.construct_scalar(node))
SAFE_LOADER = _Loader


@dataclass(frozen=True)
class Located:
    """A parsed YAML document plus the 1-based (line, col) of every key path in it."""

    path: str
    data: Any
    marks: dict[Path, tuple[int, int]]

    def where(self, key_path: Path) -> tuple[int, int]:
        """Position of the deepest known node on key_path."""
        p = tuple(key_path)
        while p and p not in self.marks:
            p = p[:-1]
        return self.marks.get(p, (1, 1))

    def error(self, key_path: Path, problem: str, hint: str = "") -> RuleFileError:
        line, col = self.where(key_path)
        return RuleFileError(self.path, line, col, problem, hint)


def _walk(node: yaml.Node, path: Path, marks: dict[Path, tuple[int, int]]) -> None:
    marks[path] = (node.start_mark.line + 1, node.start_mark.column + 1)
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            key = key_node.value
            marks[path + (key,)] = (key_node.start_mark.line + 1, key_node.start_mark.column + 1)
            _walk(value_node, path + (key,), marks)
            # the value's own position is more useful for "bad value" errors
            marks[path + (key,)] = (value_node.start_mark.line + 1, value_node.start_mark.column + 1)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            _walk(item, path + (index,), marks)


def load_located(text: str, path: str) -> Located:
    """Parse YAML safely (no tags beyond the safe set), keeping node positions."""
    if len(text.encode("utf-8", "replace")) > MAX_RULE_FILE_BYTES:
        raise RuleFileError(path, None, None, f"file is larger than {MAX_RULE_FILE_BYTES} bytes")
    try:
        # one parse: compose the node tree (positions), then build plain values from it, both with the
        # safe loader (libyaml's C implementation when available)
        loader = SAFE_LOADER(text)
        try:
            node = loader.get_single_node()
            data = loader.construct_document(node) if node is not None else None
        finally:
            loader.dispose()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (None, None)
        raise RuleFileError(path, line, col, f"invalid YAML: {exc.problem or exc}",
                            "check indentation and quoting") from None
    except yaml.YAMLError as exc:
        raise RuleFileError(path, None, None, f"invalid YAML: {exc}") from None
    except (ValueError, TypeError, OverflowError) as exc:  # a value the safe constructors cannot build
        raise RuleFileError(path, None, None, f"invalid YAML value: {exc}") from None
    marks: dict[Path, tuple[int, int]] = {}
    if node is not None:
        _walk(node, (), marks)
    return Located(path, data, marks)
