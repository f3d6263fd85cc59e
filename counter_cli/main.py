"""``counter-app``: with no command it starts the counter GUI; with one, it runs an admin task.

Each command group lives in its own module with a ``register(subparsers)`` function; handlers
take the parsed arguments and return the exit code. Refusals print one clear line to stderr
and exit non-zero having written nothing: :func:`failure_message` is the one place that turns
what can go wrong (bad input, a full disk, a locked or damaged database) into that line.
"""
from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Sequence

from counter_app.db import sqlite_driver
from counter_app.errors import CounterError
from counter_app.store import StoreError

from . import (
    admin_cmds,
    calc_cmds,
    dossier_cmds,
    key_cmds,
    maintenance_cmds,
    office_cmds,
    print_cmds,
    report_cmds,
    scanner_cmds,
    sync_cmds,
)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="counter-app",
        description="Quầy Một Cửa — one-stop counter client. Without a command, starts the GUI.",
    )
    parser.add_argument("--db", metavar="PATH|URL", help="database file (default: in the user data directory),"
                        " or postgresql://USER@HOST:PORT/DBNAME for an office's shared database")
    parser.add_argument("--smoke", action="store_true", help="start the GUI on a temporary database and exit 0")
    parser.add_argument("--lang", choices=("vi", "en"), help="GUI language (default: Vietnamese)")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    for module in (admin_cmds, calc_cmds, dossier_cmds, key_cmds, maintenance_cmds, office_cmds, print_cmds,
                   report_cmds, scanner_cmds, sync_cmds):
        module.register(commands)
    return parser


def _start_gui(args: argparse.Namespace) -> int:
    from ui.app import run  # Qt is imported only when the GUI is wanted

    return run(db_path=args.db, smoke=args.smoke, lang=args.lang)


# SQLite's primary result codes (``sqlite_errorname`` without its extended suffix), as staff should read them.
_SQLITE_MESSAGES = {
    "SQLITE_FULL": "the disk is full: nothing was saved; free some space and run the command again",
    "SQLITE_BUSY": "the database is busy (another program is writing to it): nothing was saved; try again",
    "SQLITE_LOCKED": "the database is busy (another program is writing to it): nothing was saved; try again",
    "SQLITE_CORRUPT": "the database file is damaged: run `counter-app check`, then restore the newest good backup",
    "SQLITE_NOTADB": "the file is not a Quầy Một Cửa database, or it is damaged: check the --db path or restore a backup",
    "SQLITE_READONLY": "the database cannot be written (read-only file or folder): nothing was saved",
    "SQLITE_CANTOPEN": "the database file cannot be opened (missing folder or no permission)",
    "SQLITE_IOERR": "the disk failed while reading or writing the database: nothing was saved",
}
# Errors raised by hand or by older SQLite builds carry no code; their wording does.
_SQLITE_WORDING = {
    "database or disk is full": "SQLITE_FULL",
    "database is locked": "SQLITE_BUSY",
    "malformed": "SQLITE_CORRUPT",
    "not a database": "SQLITE_NOTADB",
}
_QUOTED = re.compile(r"'[^']*'|\"[^\"]*\"")


def _first_sqlite_error(exc: sqlite_driver.Error) -> sqlite_driver.Error:
    """The error SQLite raised first: after a full disk SQLite has already rolled back, so the
    store's own ROLLBACK fails too ("no transaction is active") and hides the real cause."""
    while isinstance(exc.__context__, sqlite_driver.Error):
        exc = exc.__context__
    return exc


def _sqlite_message(exc: sqlite_driver.Error) -> str:
    exc = _first_sqlite_error(exc)
    name = getattr(exc, "sqlite_errorname", None) or ""
    primary = "_".join(name.split("_")[:2])
    if primary not in _SQLITE_MESSAGES:
        primary = next((code for words, code in _SQLITE_WORDING.items() if words in str(exc)), primary)
    return _SQLITE_MESSAGES.get(primary, f"database error ({name or type(exc).__name__}): nothing was saved")


def failure_message(exc: BaseException) -> str | None:
    """The one line a user sees for a failure, or None for a bug (the caller shows its type only).

    Refusals of the core and the store speak for themselves. Anything else is phrased here
    without echoing values: Python's own messages quote the input (``Invalid isoformat
    string: '037185000123'``), which may be a citizen's ID number, so quotes are blanked.
    """
    if isinstance(exc, (CounterError, StoreError)):
        return str(exc)
    if isinstance(exc, sqlite_driver.Error):
        return _sqlite_message(exc)
    if isinstance(exc, OSError):
        where = f"{exc.filename}: " if exc.filename else ""
        return f"{where}{exc.strerror or type(exc).__name__}"
    if isinstance(exc, RecursionError):
        return "the input is nested too deeply"
    if isinstance(exc, (OverflowError, MemoryError)):
        return "a value in the input is too large"
    if isinstance(exc, ValueError):
        return _QUOTED.sub("'…'", str(exc))
    return None


def _start_log(args: argparse.Namespace) -> None:
    """The rotating log beside the database file (counter_app.logs), in the user data folder for an
    office database URL; a folder that cannot take it costs the log, never the command."""
    from pathlib import Path

    from counter_app import logs
    from counter_app.db import is_url
    from counter_app.paths import data_dir

    beside_file = args.db and not is_url(args.db)
    try:
        logs.configure(Path(args.db).resolve().parent if beside_file else data_dir())
    except OSError:
        pass


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args, passed_on = parser.parse_known_args(argv)
    if passed_on and not getattr(args, "passes_arguments_on", False):
        parser.error(f"unrecognized arguments: {' '.join(passed_on)}")
    args.passed_on = passed_on
    _start_log(args)
    try:
        if args.command is None:
            return _start_gui(args)  # a database it cannot open is one line here too
        return int(args.handler(args) or 0)
    except KeyboardInterrupt:
        return 130
    except Exception as exc:  # the one place a failure becomes a line on stderr, never a traceback
        message = failure_message(exc)
        if message is None:
            print(f"error: unexpected {type(exc).__name__} (a bug: please report the command that caused it)",
                  file=sys.stderr)
            return 1
        print(f"error: {' '.join(message.split())}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
