"""Regular expressions for rules: RE2 (linear time, no backtracking) wherever the pattern allows;
Python's `re` only for lookaround, guarded against nested unbounded quantifiers at load time."""
from __future__ import annotations

import re
from typing import Any

import re2

_OPTIONS = re2.Options()
_OPTIONS.log_errors = False


def compile_pattern(pattern: str, ignore_case: bool) -> Any:
    """A compiled pattern with .finditer/.search; raises re.error when invalid for both engines."""
    try:
        return re2.compile(("(?i)" if ignore_case else "") + pattern, _OPTIONS)
    except re2.error:
        return re.compile(pattern, re.UNICODE | (re.IGNORECASE if ignore_case else 0))


def needs_backtracking_engine(pattern: str) -> bool:
    try:
        re2.compile(pattern, _OPTIONS)
        return False
    except re2.error:
        return True


class PatternBank:
    """Many rule patterns over one text: an RE2 set finds in a single pass which patterns match at
    all, and only those are run for their positions. Patterns RE2 cannot take (lookaround) always run."""

    def __init__(self, patterns: list[tuple[int, str, bool]]):
        self._compiled: list[tuple[int, Any]] = []
        self._always: list[int] = []
        self._set = re2.Set.SearchSet(_OPTIONS)
        self._set_members: list[int] = []
        for key, pattern, ignore_case in patterns:
            compiled = compile_pattern(pattern, ignore_case)
            position = len(self._compiled)
            self._compiled.append((key, compiled))
            if isinstance(compiled, re.Pattern):
                self._always.append(position)
            else:
                self._set.Add(("(?i)" if ignore_case else "") + pattern)
                self._set_members.append(position)
        self._set.Compile()

    def finditer(self, text: str):
        """(key, start, end) of every non-empty match, pattern by pattern."""
        hits = (self._set.Match(text) or []) if self._set_members else []
        for position in sorted([self._set_members[i] for i in hits] + self._always):
            key, compiled = self._compiled[position]
            for m in compiled.finditer(text):
                if m.end() > m.start():
                    yield key, m.start(), m.end()
