"""Output formats are plug-ins: each module registers a formatter for one or many audits."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Sequence

FORMATTERS: dict[str, "Formatter"] = {}


@dataclass(frozen=True)
class Formatter:
    name: str
    extension: str
    render: Callable[..., str]  # render(audit) -> str
    render_many: Callable[..., str] | None = None  # render_many(audits) -> str, for batch formats


def register(name: str, extension: str, render_many: Callable[..., str] | None = None):
    def wrap(fn: Callable[..., str]) -> Callable[..., str]:
        FORMATTERS[name] = Formatter(name, extension, fn, render_many)
        return fn
    return wrap


def get(name: str) -> Formatter:
    _load_all()
    return FORMATTERS[name]


def names() -> Sequence[str]:
    _load_all()
    return tuple(sorted(FORMATTERS))


def _load_all() -> None:
    import importlib
    import pkgutil
    for module in pkgutil.iter_modules(__path__):
        if not module.name.startswith("_"):
            importlib.import_module(f"{__name__}.{module.name}")
