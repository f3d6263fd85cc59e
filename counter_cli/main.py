"""``counter-app``: with no command it starts the counter GUI; with one, it runs an admin task.

Each command group lives in its own module with a ``register(subparsers)`` function; handlers
take the parsed arguments and return the exit code. Refusals print one clear line to stderr
and exit non-zero having written nothing.
"""
from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from counter_app.errors import CounterError
from counter_app.store import StoreError
from . import admin_cmds, calc_cmds, dossier_cmds, maintenance_cmds, print_cmds, sync_cmds


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="counter-app",
        description="Quầy Một Cửa — one-stop counter client. Without a command, starts the GUI.",
    )
    parser.add_argument("--db", metavar="PATH", help="database file (default: in the user data directory)")
    parser.add_argument("--smoke", action="store_true", help="start the GUI on a temporary database and exit 0")
    parser.add_argument("--lang", choices=("vi", "en"), help="GUI language (default: Vietnamese)")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    for module in (admin_cmds, calc_cmds, dossier_cmds, maintenance_cmds, print_cmds, sync_cmds):
        module.register(commands)
    return parser


def _start_gui(args: argparse.Namespace) -> int:
    from ui.app import run  # Qt is imported only when the GUI is wanted

    return run(db_path=args.db, smoke=args.smoke, lang=args.lang)


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args, passed_on = parser.parse_known_args(argv)
    if passed_on and not getattr(args, "passes_arguments_on", False):
        parser.error(f"unrecognized arguments: {' '.join(passed_on)}")
    args.passed_on = passed_on
    if args.command is None:
        return _start_gui(args)
    try:
        return int(args.handler(args) or 0)
    except (CounterError, StoreError, ValueError, FileNotFoundError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
