"""``backup``, ``restore`` and ``check``."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from counter_app import attachment_files, audit, backup_pages, db_check, maintenance
from counter_app.db import is_url, sqlite_driver
from counter_app.db import keys as db_keys
from counter_app.db.sqlite_driver import Connection
from counter_app.paths import data_dir, default_backup_dir
from counter_app.restore import Loss, restore
from counter_app.store import Store, StoreError

from .common import db_file, store_from


def register(commands: argparse._SubParsersAction) -> None:
    backup = commands.add_parser("backup", help="consistent copy, thinned to 7 daily, 4 weekly, 12 monthly")
    backup.add_argument("--to", metavar="DIR", help="backup folder (default: 'backups' beside the database;"
                        " for an office database, in the user data directory)")
    backup.set_defaults(handler=cmd_backup)
    restore_cmd = commands.add_parser("restore", help="replace the database with a checked backup")
    restore_cmd.add_argument("file")
    restore_cmd.add_argument("--force", action="store_true",
                             help="restore a backup older than the live data (prints what will be lost)")
    restore_cmd.set_defaults(handler=cmd_restore)
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
    try:
        store = store_from(args)
    except sqlite_driver.DatabaseError as exc:
        raise StoreError(f"the database cannot be read ({exc}); run 'check', or 'restore' a backup") from None
    with store:
        if store.backend.name == "postgresql":  # the office database: pg_dump, custom format
            from counter_app.db import pg_backup  # psycopg and the tools only for office mode

            print(pg_backup.backup(store.backend, Path(args.to) if args.to else data_dir() / "backups"))
            return 0
        folder = Path(args.to) if args.to else default_backup_dir(store.path)
        print(maintenance.backup(store, folder, own_folder=not args.to))
    return 0


def cmd_restore(args: argparse.Namespace) -> int:
    def warn(loss: Loss) -> None:
        print(f"--force: {loss.summary()}; what only the live database holds is kept in the copy set aside",
              file=sys.stderr)

    if args.db and is_url(args.db):
        from counter_app.db import pg_backup

        with Store(args.db) as store:
            pg_backup.restore(store.backend, Path(args.file))
        print(f"restored {args.file} into the office database")
        return 0
    result = restore(db_file(args), Path(args.file), force=args.force, before_losing=warn)
    if result.live_unreadable:
        print(f"note: {result.live_unreadable}; nothing in it could be compared", file=sys.stderr)
    kept = f"; the replaced database was kept as {result.aside}" if result.aside else ""
    print(f"restored {args.file}{kept}")
    return 0


def cmd_check(args: argparse.Namespace) -> int:
    if args.db and is_url(args.db):
        with Store(args.db) as store, store.read() as conn:
            problems = maintenance.check(store)
            if args.anchor and not problems:
                problems = _anchor_problems(conn, args.anchor)
    else:
        db_path = db_file(args)
        if not db_path.exists() and backup_pages.find(db_path.parent, db_path.name) is None:
            raise FileNotFoundError(f"no database at {db_path}")
        with backup_pages.readable(db_path) as file:  # a database, a full copy, or a snapshot by its name
            problems = _file_problems(db_path, file, args.anchor)
    if problems:
        print(f"FAILED: {problems[0]}", file=sys.stderr)
        for problem in problems[1:]:
            print(f"  also: {problem}", file=sys.stderr)
        return 1
    print("ok")
    return 0


def _file_problems(db_path: Path, file: Path, anchor: audit.Anchor | None) -> list[str]:
    """``check`` of the SQLite database named ``db_path``, read from ``file`` (the same, or its snapshot)."""
    keys = db_keys.candidates(db_path)  # a snapshot's file opens with the keys of the name it stands for
    problems = db_check.file_problems(file, keys=keys)
    if anchor and not problems:
        conn = db_check.open_read_only(file, keys=keys)
        try:
            problems = _anchor_problems(conn, anchor)
        finally:
            conn.close()
    return problems or _attachment_problems(db_path, file, keys)


def _attachment_problems(db_path: Path, file: Path, keys: list[db_keys.Key]) -> list[str]:
    """Missing, altered or unreferenced attachment files, read-only like the rest of ``check``."""
    conn = db_check.open_read_only(file, keys=keys)
    try:
        if not conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'dossier_attachments'").fetchone():
            return []  # a database from before attachments (check does not migrate)
        contents, shared = maintenance.files_of_database(db_path, keys)  # a backup's: its folder's shared store
        return attachment_files.file_problems(conn, contents, shared=shared)
    finally:
        conn.close()


def _anchor_problems(conn: Connection, anchor: audit.Anchor) -> list[str]:
    """The chain up to a printed anchor (read-only, like the rest of ``check``)."""
    broken = audit.verify_to_anchor(conn, anchor)
    return [str(broken)] if broken else []
