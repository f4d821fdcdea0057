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


def without_lookaround(pattern: str) -> str | None:
    """The pattern with its lookaround groups removed, or None when it has none or is not well formed.

    Removing a zero-width assertion only relaxes a pattern, so wherever the full pattern matches this
    one matches too: RE2 can tell in linear time that a lookaround pattern cannot match a text at all.
    """
    out: list[str] = []
    i, n, removed = 0, len(pattern), False
    while i < n:
        ch = pattern[i]
        if ch == "\\":
            out.append(pattern[i:i + 2])
            i += 2
        elif ch == "[":
            end = _class_end(pattern, i)
            if end < 0:
                return None
            out.append(pattern[i:end])
            i = end
        elif pattern.startswith(("(?=", "(?!", "(?<=", "(?<!"), i):
            end = _group_end(pattern, i)
            if end < 0:
                return None
            i, removed = end, True
        else:
            out.append(ch)
            i += 1
    return "".join(out) if removed else None


def _class_end(pattern: str, i: int) -> int:
    """Index just past the character class opening at i, or -1."""
    j = i + 1
    if j < len(pattern) and pattern[j] == "^":
        j += 1
    if j < len(pattern) and pattern[j] == "]":
        j += 1
    while j < len(pattern):
        if pattern[j] == "\\":
            j += 2
        elif pattern[j] == "]":
            return j + 1
        else:
            j += 1
    return -1


def _group_end(pattern: str, i: int) -> int:
    """Index just past the group opening at i, or -1."""
    depth, j = 0, i
    while j < len(pattern):
        ch = pattern[j]
        if ch == "\\":
            j += 2
            continue
        if ch == "[":
            j = _class_end(pattern, j)
            if j < 0:
                return -1
            continue
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
            if depth == 0:
                return j + 1
        j += 1
    return -1


class PatternBank:
    """Many rule patterns over one text: an RE2 set finds in a single pass which patterns match at
    all, and only those are run for their positions. A pattern RE2 cannot take (lookaround) enters the
    set without its lookarounds, as a necessary condition, and runs in `re` only where that matches."""

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
                relaxed = without_lookaround(pattern)
                if relaxed is None or needs_backtracking_engine(relaxed):
                    self._always.append(position)
                    continue
                pattern = relaxed
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
