"""``backup``, ``restore`` and ``check``."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from counter_app import audit, maintenance
from counter_app.paths import default_backup_dir, default_db_path
from counter_app.store import Store
from .common import store_from


def register(commands: argparse._SubParsersAction) -> None:
    backup = commands.add_parser("backup", help="consistent copy, thinned to 7 daily, 4 weekly, 12 monthly")
    backup.add_argument("--to", metavar="DIR", help="backup folder (default: 'backups' beside the database)")
    backup.set_defaults(handler=cmd_backup)
    restore = commands.add_parser("restore", help="replace the database with a checked backup")
    restore.add_argument("file")
    restore.set_defaults(handler=cmd_restore)
    check = commands.add_parser("check", help="integrity check and audit chain")
    check.add_argument("--anchor", type=_anchor, metavar="N:HASH",
                       help="also check the audit log still holds this record, as printed on a daily log")
    check.set_defaults(handler=cmd_check)


def _anchor(text: str) -> audit.Anchor:
    try:
        return audit.Anchor.parse(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def cmd_backup(args: argparse.Namespace) -> int:
    store = store_from(args)
    folder = Path(args.to) if args.to else default_backup_dir(store.path)
    print(maintenance.backup(store, folder))
    return 0


def cmd_restore(args: argparse.Namespace) -> int:
    db_path = Path(args.db) if args.db else default_db_path()
    aside = maintenance.restore(db_path, Path(args.file))
    print(f"restored {args.file}; the replaced database was kept as {aside}")
    return 0


def cmd_check(args: argparse.Namespace) -> int:
    db_path = Path(args.db) if args.db else default_db_path()
    if not db_path.exists():
        raise FileNotFoundError(f"no database at {db_path}")
    with Store(db_path) as store:
        problems = maintenance.check(store)
        if args.anchor:
            problems += _anchor_problems(store, args.anchor)
    if problems:
        print(f"FAILED: {problems[0]}", file=sys.stderr)
        for problem in problems[1:]:
            print(f"  also: {problem}", file=sys.stderr)
        return 1
    print("ok")
    return 0


def _anchor_problems(store: Store, anchor: audit.Anchor) -> list[str]:
    with store.read() as conn:
        broken = audit.verify_to_anchor(conn, anchor)
    return [str(broken)] if broken else []
