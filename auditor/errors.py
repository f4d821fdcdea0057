"""Typed errors; the CLI turns them into exit codes and report entries at the edge."""
from __future__ import annotations


class AuditorError(Exception):
    exit_code = 1


class UsageError(AuditorError):
    exit_code = 2


class RuleFileError(AuditorError):
    """A rule or config file is malformed; points at path:line:col."""

    exit_code = 2

    def __init__(self, path: str, line: int | None, col: int | None, problem: str, hint: str = ""):
        self.path, self.line, self.col, self.problem, self.hint = path, line, col, problem, hint
        where = path if line is None else f"{path}:{line}:{col or 1}"
        super().__init__(f"{where}: {problem}" + (f" ({hint})" if hint else ""))


class ConfigError(RuleFileError):
    pass


class InputError(AuditorError):
    """An input could not be fetched or parsed."""

    exit_code = 3

    def __init__(self, location: str, reason: str):
        self.location, self.reason = location, reason
        super().__init__(f"{location}: {reason}")


class FetchError(InputError):
    pass


class ExtractionError(InputError):
    pass
