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
