"""``key`` commands: the key that encrypts the SQLite store (status, recovery sheet, import, rotate, encrypt).

A lost key is lost data, so the sheet is the office's copy of it, kept in the safe; ``import``
puts it on a new machine. ``rotate`` and ``encrypt`` change every file of the database, so they
need an administrator and a database no other program has open.
"""
from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path

from counter_app import audit, encryption
from counter_app.db import is_url, sqlite_driver
from counter_app.db import keys as db_keys
from counter_app.db.sqlite import fitting_key
from counter_app.errors import ValidationError
from counter_app.models import Actor
from counter_app.office import get_office
from counter_app.paths import open_store
from counter_app.store import Store

from .common import db_file, read_secret, store_from
from .identity import add_admin_options, admin_command, cli_origin


def register(commands: argparse._SubParsersAction) -> None:
    key = commands.add_parser("key", help="the key encrypting the database: status, recovery sheet, import, rotate")
    sub = key.add_subparsers(dest="key_command", required=True)
    sub.add_parser("status", help="is the database encrypted, and where is its key kept").set_defaults(handler=cmd_status)

    sheet = sub.add_parser("sheet", help="print the recovery sheet (the key on paper, for the office's safe)")
    sheet.add_argument("--out", required=True, help="PDF file to write (print it, then delete the file)")
    add_admin_options(sheet)
    sheet.set_defaults(handler=admin_command(cmd_sheet))

    importing = sub.add_parser("import", help="keep the key from a recovery sheet for this database (a new machine)")
    importing.add_argument("--key-store", choices=db_keys.KEPT_CHOICES, default=db_keys.KeyChoice.AUTO)
    importing.add_argument("--key-stdin", dest="password_stdin", action="store_true",
                           help="read the key from stdin (one line)")
    importing.set_defaults(handler=cmd_import)

    for name, helptext, handler in (
        ("rotate", "put the database and its backups under a new key (print a new sheet afterwards)", cmd_rotate),
        ("encrypt", "encrypt a database made before encryption, with its backups", cmd_encrypt),
    ):
        command = sub.add_parser(name, help=helptext)
        if name == "encrypt":
            command.add_argument("--key-store", choices=db_keys.KEPT_CHOICES, default=db_keys.KeyChoice.AUTO)
        add_admin_options(command)
        command.set_defaults(handler=admin_command(handler))


def encryption_notice(store: Store) -> str:
    """One line on how the database is protected, with the warning a key file deserves."""
    if store.path is None:
        return "the office database is on the PostgreSQL server: protect that server's disk and backups"
    key = store.key
    if key is None:
        return ("warning: this database is NOT encrypted; an administrator encrypts it with"
                " 'counter-app key encrypt'")
    if key.source is db_keys.KeyStore.FILE:
        return (f"warning: no OS keyring on this machine: the database key is kept in {db_keys.key_file(store.path)},"
                " readable by you only; whoever can read your files can read the database."
                " Print the recovery sheet ('counter-app key sheet') for the office's safe")
    if key.source is db_keys.KeyStore.ENV:
        return f"the database is encrypted with the key in {db_keys.KEY_ENV}"
    return ("the database is encrypted; its key is in the OS keyring. Print the recovery sheet"
            " ('counter-app key sheet') for the office's safe: without the key the data is lost")


OFFICE_SERVER = "the office database on PostgreSQL is not encrypted by this program: see the README"


def _db_path(args: argparse.Namespace) -> Path:
    if args.db and is_url(args.db):
        raise ValidationError(OFFICE_SERVER)
    return db_file(args)


def cmd_status(args: argparse.Namespace) -> int:
    with store_from(args) as store:
        print(encryption_notice(store))
    return 0


def cmd_sheet(args: argparse.Namespace, store: Store, admin: Actor) -> int:
    from printing.pdf import write_pdf
    from printing.recovery_sheet import build_recovery_sheet

    with store:
        key = encryption.key_for_sheet(store, admin)
        target = write_pdf(build_recovery_sheet(get_office(store), store.path, key), args.out)
    print(f"recovery sheet written to {target}: print it, keep it in the office's safe, then delete the file")
    return 0


def cmd_import(args: argparse.Namespace) -> int:
    db_path = _db_path(args)
    key = db_keys.normalise(read_secret(args, "Key from the recovery sheet: "))
    if db_path.is_file() and not sqlite_driver.is_new(db_path):
        if sqlite_driver.is_plain(db_path):
            raise ValidationError(f"{db_path.name} is not encrypted: it needs no key")
        try:
            fitting_key(db_path, [db_keys.Key(key, db_keys.KeyStore.ENV)])
        except db_keys.KeyUnavailable:
            raise ValidationError(f"this key does not open {db_path.name}: check it against the sheet;"
                                  " nothing was kept") from None
    where = db_keys.store_for(db_keys.KeyChoice(args.key_store))
    db_keys.save(db_path, key, where)
    print(f"key kept ({where.value}) for {db_path}")
    return 0


def cmd_rotate(args: argparse.Namespace, store: Store, admin: Actor) -> int:
    return _change_every_file(store, admin, "database.key_rotate", encryption.rotate)


def cmd_encrypt(args: argparse.Namespace, store: Store, admin: Actor) -> int:
    choice = db_keys.KeyChoice(args.key_store)
    return _change_every_file(store, admin, "database.encrypt", lambda path: encryption.encrypt(path, choice))


def _change_every_file(store: Store, admin: Actor, action: str, change: Callable[[Path], encryption.Rekeyed]) -> int:
    """Close our own connection (the files change under it), change them, then audit who did it."""
    if store.path is None:
        store.close()
        raise ValidationError(OFFICE_SERVER)
    path = store.path
    store.close()
    done = change(path)
    with open_store(path) as reopened, cli_origin(), reopened.write() as conn:
        audit.append(conn, username=admin.username, action=action,
                     details={"files": len(done.files), "attached_files": done.attached,
                              "key_kept_in": done.where.value})
        print(encryption_notice(reopened), file=sys.stderr)
    print(f"{len(done.files)} database file(s) and {done.attached} attached file(s) now under the new key"
          f" (kept in the {done.where.value});"
          " print a new recovery sheet: 'counter-app key sheet' (the old one no longer opens them)")
    return 0
