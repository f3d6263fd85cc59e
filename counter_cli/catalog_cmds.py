"""``catalog find TEXT``; ``catalog suggest LOCAL_CODE`` and ``catalog map LOCAL_CODE NATIONAL_CODE``: resolve a local code."""
from __future__ import annotations

import argparse

from counter_app import catalogue
from counter_app.models import Actor
from counter_app.procedure_matches import propose_matches
from counter_app.procedure_search import ProcedureIndex
from counter_app.store import Store

from .common import print_json, store_from
from .identity import add_admin_options, admin_command


def add_commands(catalog: argparse._SubParsersAction) -> None:
    """Added to the ``catalog`` group that :mod:`counter_cli.admin_cmds` creates."""
    find = catalog.add_parser("find", help="procedures matching TEXT, best first (as the receive form ranks them)")
    find.add_argument("text", metavar="TEXT")
    find.add_argument("--json", action="store_true")
    find.set_defaults(handler=cmd_catalog_find)
    suggest = catalog.add_parser("suggest", help="national procedures a LOCAL.* one may be (from the last sync)")
    suggest.add_argument("local_code", metavar="LOCAL_CODE")
    suggest.add_argument("--json", action="store_true")
    suggest.set_defaults(handler=cmd_catalog_suggest)
    mapping = catalog.add_parser("map", help="send the dossiers of a LOCAL.* procedure with its national code")
    mapping.add_argument("local_code", metavar="LOCAL_CODE")
    mapping.add_argument("national_code", metavar="NATIONAL_CODE")
    add_admin_options(mapping)
    mapping.set_defaults(handler=admin_command(cmd_catalog_map))


def cmd_catalog_map(args: argparse.Namespace, store: Store, admin: Actor) -> int:
    requeued = catalogue.map_code(store, admin, args.local_code, args.national_code)
    print(f"{args.local_code} -> {args.national_code.strip()}: {requeued} refused records queued again")
    return 0


def cmd_catalog_find(args: argparse.Namespace) -> int:
    procedures = catalogue.list_procedures(store_from(args), most_used_first=True)
    hits = ProcedureIndex(procedures).find(args.text)
    if args.json:
        print_json([{"code": h.procedure.code, "name": h.procedure.name, "score": round(h.score, 3)} for h in hits])
    else:
        for h in hits:
            print(f"{h.procedure.code}\t{h.procedure.name}")
    return 0


def cmd_catalog_suggest(args: argparse.Namespace) -> int:
    matches = propose_matches(store_from(args), args.local_code)
    if args.json:
        print_json([{"code": m.procedure.code, "name": m.procedure.name, "field": m.procedure.field,
                     "score": round(m.score, 3)} for m in matches])
    else:
        for m in matches:
            print(f"{m.procedure.code}\t{m.score:.2f}\t{m.procedure.name}")
    return 0
