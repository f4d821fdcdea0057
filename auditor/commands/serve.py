"""`auditor serve`: the local web page (paste, upload, URL, compare) on 127.0.0.1:8000 by default."""
from __future__ import annotations

import argparse
import ipaddress
import sys
from typing import Callable


def cmd_serve(args: argparse.Namespace) -> int:
    import uvicorn

    from ..audit import get_ruleset
    from ..cli import EXIT_OK, config_from
    from ..web.app import Settings, create_app
    config = config_from(args)
    get_ruleset(config=config)  # rule and config errors before the server starts
    settings = Settings(allow_private=args.allow_private, rate_limit=args.rate_limit)
    if args.allow_private:
        print("auditor: --allow-private: URL fetching may reach private and local addresses", file=sys.stderr)
    if not _is_loopback(args.host):
        print(f"auditor: listening on {args.host}: other machines on the network can use this server",
              file=sys.stderr)
    uvicorn.run(create_app(config=config, settings=settings), host=args.host, port=args.port, log_level="info")
    return EXIT_OK


def _is_loopback(host: str) -> bool:
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return host == "localhost"


def add_parser(subparsers) -> dict[str, Callable[[argparse.Namespace], int]]:
    from ..cli import add_rule_options
    p = subparsers.add_parser("serve", help="run the local web page: paste, upload or fetch an article, compare up to four",
                              description="A small local web app for a classroom machine. URL fetching refuses private, "
                                          "loopback and link-local addresses unless --allow-private is given.")
    p.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1)")
    p.add_argument("--port", type=int, default=8000, help="port (default 8000)")
    p.add_argument("--allow-private", action="store_true",
                   help="let URL fetching reach private, loopback and link-local addresses (tests, local use)")
    p.add_argument("--rate-limit", type=int, default=20, metavar="N",
                   help="audits per client per minute (0: no limit; default 20)")
    add_rule_options(p)
    return {"serve": cmd_serve}
