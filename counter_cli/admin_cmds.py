"""``init``, ``user``, ``catalog``, ``calendar`` and ``due-date`` commands.

Every command that changes accounts or settings runs as an authenticated administrator
(``--admin USER``, see :mod:`counter_cli.identity`); ``init`` needs none, and is refused as soon
as the database has an account.
"""
from __future__ import annotations

import argparse
import sys

from counter_app import catalogue, office, users
from counter_app.db.keys import KeyChoice
from counter_app.errors import ValidationError
from counter_app.models import Actor, Office, ProcessingUnit, Role
from counter_app.store import Store

from . import catalog_cmds
from .common import parse_date, parse_datetime, print_json, read_password, store_from
from .identity import add_admin_options, add_password_stdin, admin_command, cli_origin
from .key_cmds import encryption_notice


def register(commands: argparse._SubParsersAction) -> None:
    init = commands.add_parser("init", help="set up the office profile and the first admin")
    init.add_argument("--agency-code", required=True, help="agency identifier code, e.g. H15.50.05.13")
    init.add_argument("--agency-name", required=True, help="e.g. 'Trung tâm Phục vụ hành chính công xã Tân Hòa'")
    init.add_argument("--parent-name", required=True, help="e.g. 'UBND xã Tân Hòa'")
    init.add_argument("--place", default="", help="place name printed before the date on papers")
    init.add_argument("--address", default="")
    init.add_argument("--province", default="")
    init.add_argument("--commune", default="")
    init.add_argument("--counter", default="Quầy số 1", help="counter name printed on papers")
    init.add_argument("--counter-no", type=int, default=1, metavar="N",
                      help="this counter's number, 1-99, unique in the office: part of every dossier code")
    init.add_argument("--admin", required=True, help="user name of the first admin")
    init.add_argument("--admin-name", required=True, help="full name of the first admin")
    init.add_argument("--key-store", choices=[choice.value for choice in KeyChoice], default=KeyChoice.AUTO.value,
                      help="where the key encrypting a new database file is kept: the OS keyring, a key file readable"
                           " by you only (for machines without a keyring), auto (the keyring, else the file, with a"
                           " warning), or none (not encrypted)")
    add_password_stdin(init, "read the first admin's password from stdin (one line)")
    init.set_defaults(handler=cmd_init)

    user = commands.add_parser("user", help="manage accounts").add_subparsers(dest="user_command", required=True)
    add = user.add_parser("add")
    add.add_argument("username")
    add.add_argument("--full-name", required=True)
    add.add_argument("--role", choices=[r.value for r in Role], default=Role.STAFF.value)
    add_admin_options(add)
    add.set_defaults(handler=admin_command(cmd_user_add))
    disable = user.add_parser("disable")
    disable.add_argument("username")
    add_admin_options(disable)
    disable.set_defaults(handler=admin_command(cmd_user_disable))
    reset = user.add_parser("reset-password")
    reset.add_argument("username")
    add_admin_options(reset)
    reset.set_defaults(handler=admin_command(cmd_user_reset))

    catalog = commands.add_parser("catalog", help="procedure catalogue").add_subparsers(
        dest="catalog_command", required=True
    )
    listing = catalog.add_parser("list")
    listing.add_argument("--json", action="store_true")
    listing.set_defaults(handler=cmd_catalog_list)
    importing = catalog.add_parser("import")
    importing.add_argument("file")
    add_admin_options(importing)
    importing.set_defaults(handler=admin_command(cmd_catalog_import))
    catalog_cmds.add_commands(catalog)

    calendar = commands.add_parser("calendar", help="office days off and make-up working days").add_subparsers(
        dest="calendar_command", required=True
    )
    for name, kind in (("add-day-off", "day_off"), ("add-workday", "workday")):
        sub = calendar.add_parser(name)
        sub.add_argument("date", type=parse_date)
        sub.add_argument("--note", default="")
        add_admin_options(sub)
        sub.set_defaults(handler=admin_command(cmd_calendar_add), kind=kind)
    calendar.add_parser("list").set_defaults(handler=cmd_calendar_list)

    due = commands.add_parser("due-date", help="when a dossier received at a time is due")
    due.add_argument("--received", required=True, type=parse_datetime, help='"YYYY-MM-DD HH:MM"')
    group = due.add_mutually_exclusive_group(required=True)
    group.add_argument("--days", type=int, help="working days")
    group.add_argument("--hours", type=float, help="working hours")
    due.set_defaults(handler=cmd_due_date)


def cmd_init(args: argparse.Namespace) -> int:
    """Office profile and first admin, together or not at all, on a database with no account yet."""
    store = store_from(args)
    if users.list_users(store):
        raise ValidationError("this database is already initialised (it has accounts):"
                              " an administrator adds users with 'user add --admin USER'")
    profile = Office(
        agency_code=args.agency_code.strip().upper(), agency_name=args.agency_name.strip(),
        parent_agency_name=args.parent_name.strip(), address=args.address, province=args.province,
        commune=args.commune, place_name=args.place, counter_name=args.counter,
        counter_no=args.counter_no,
    )
    password = read_password(args)
    with cli_origin(), store.write():
        office.save_office(store, profile, by=None)
        users.create_user(store, username=args.admin, full_name=args.admin_name, role=Role.ADMIN,
                          password=password, by=None)
    print(f"initialised {profile.agency_code} with admin '{args.admin}' in {store.backend.label}")
    print(encryption_notice(store), file=sys.stderr)
    return 0


def cmd_user_add(args: argparse.Namespace, store: Store, admin: Actor) -> int:
    password = read_password(args, f"New password for {args.username}: ")
    user = users.create_user(store, username=args.username, full_name=args.full_name, role=Role(args.role),
                             password=password, by=admin)
    print(f"added {user.username} ({user.role.value})")
    return 0


def cmd_user_disable(args: argparse.Namespace, store: Store, admin: Actor) -> int:
    users.set_active(store, username=args.username, active=False, by=admin)
    print(f"disabled {args.username}")
    return 0


def cmd_user_reset(args: argparse.Namespace, store: Store, admin: Actor) -> int:
    password = read_password(args, f"New password for {args.username}: ")
    users.reset_password(store, username=args.username, password=password, by=admin)
    print(f"password reset for {args.username}")
    return 0


def cmd_catalog_list(args: argparse.Namespace) -> int:
    procedures = catalogue.list_procedures(store_from(args))
    if args.json:
        print_json(procedures)
    else:
        for p in procedures:
            print(f"{p.code}\tv{p.version}\t{p.processing_label}\t{p.name}")
    return 0


def cmd_catalog_import(args: argparse.Namespace, store: Store, admin: Actor) -> int:
    added = catalogue.import_file(store, args.file, by=admin)
    print(f"imported: {added} new or changed procedures")
    return 0


def cmd_calendar_add(args: argparse.Namespace, store: Store, admin: Actor) -> int:
    office.set_calendar_override(store, day=args.date, kind=args.kind, note=args.note, by=admin)
    print(f"{args.date.isoformat()} {args.kind}")
    return 0


def cmd_calendar_list(args: argparse.Namespace) -> int:
    for day, kind, note in office.list_calendar_overrides(store_from(args)):
        print(f"{day.isoformat()}\t{kind}\t{note}")
    return 0


def cmd_due_date(args: argparse.Namespace) -> int:
    calendar = office.get_calendar(store_from(args))
    if args.days is not None:
        if args.days < 0:
            raise ValidationError("--days must not be negative")
        due = calendar.due_at(args.received, ProcessingUnit.WORKING_DAYS, args.days)
    else:
        if args.hours < 0:
            raise ValidationError("--hours must not be negative")
        due = calendar.due_at(args.received, ProcessingUnit.WORKING_HOURS, args.hours)
    print(due.strftime("%Y-%m-%d %H:%M"))
    return 0
