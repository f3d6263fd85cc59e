"""``catalog map LOCAL_CODE NATIONAL_CODE``: resolve a local procedure code to the national one."""
from __future__ import annotations

import argparse

from counter_app import catalogue, users

from .common import store_from


def add_map_command(catalog: argparse._SubParsersAction) -> None:
    """Added to the ``catalog`` group that :mod:`counter_cli.admin_cmds` creates."""
    mapping = catalog.add_parser("map", help="send the dossiers of a LOCAL.* procedure with its national code")
    mapping.add_argument("local_code", metavar="LOCAL_CODE")
    mapping.add_argument("national_code", metavar="NATIONAL_CODE")
    mapping.set_defaults(handler=cmd_catalog_map)


def cmd_catalog_map(args: argparse.Namespace) -> int:
    store = store_from(args)
    requeued = catalogue.map_code(store, users.system_actor(store), args.local_code, args.national_code)
    print(f"{args.local_code} -> {args.national_code.strip()}: {requeued} refused records queued again")
    return 0
