"""CLI command plug-ins: each module defines add_parser(subparsers) -> {name: handler}."""
