"""``office``: commands for an office that shares one PostgreSQL database between its counters."""
from __future__ import annotations

import argparse

from counter_app.db.pg_roles import app_role_grants
from counter_app.store import StoreError

from .common import store_from


def register(commands: argparse._SubParsersAction) -> None:
    office = commands.add_parser("office", help="the office's shared PostgreSQL database").add_subparsers(
        dest="office_command", required=True
    )
    grant = office.add_parser("grant-app-role", help="let a database role work at the counters"
                                                     " (reads and appends the audit log, never rewrites it)")
    grant.add_argument("role", help="an existing PostgreSQL role (create it with CREATE ROLE … LOGIN)")
    grant.set_defaults(handler=cmd_grant_app_role)


def cmd_grant_app_role(args: argparse.Namespace) -> int:
    store = store_from(args)  # as the owner: creates or upgrades the schema first
    if store.backend.name != "postgresql":
        raise StoreError("office grant-app-role needs --db postgresql://OWNER@HOST:PORT/DBNAME")
    with store.write() as conn:
        owner, database = conn.execute("SELECT current_user, current_database()").fetchone()
        for statement in app_role_grants(args.role, owner=owner, database=database):
            conn.execute(statement)
    print(f"{args.role} may now work at the counters of {database} (audit log: read and append only)")
    return 0
