"""python -m eval [attribution|bias|heldout|all] [--data DIR] [--limit N]: print the evaluation tables."""
from __future__ import annotations

import argparse
import importlib
import sys

SUITES = {"attribution": "eval.attribution", "bias": "eval.bias", "heldout": "eval.heldout"}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m eval")
    parser.add_argument("suite", nargs="?", default="all", choices=[*SUITES, "all"])
    parser.add_argument("--data", help="labelled data folder (default ../shared/data)")
    parser.add_argument("--limit", type=int, help="only the first N items of each set (quick look)")
    args = parser.parse_args(argv)
    names = list(SUITES) if args.suite == "all" else [args.suite]
    for name in names:
        try:
            module = importlib.import_module(SUITES[name])
        except ModuleNotFoundError as exc:
            print(f"[{name}] not available: {exc}")
            continue
        module.run(data=args.data, limit=args.limit)
    return 0


if __name__ == "__main__":
    sys.exit(main())
