"""``portal set``, ``sync`` and ``portal-sim``: the command-line side of the portal sync."""
from __future__ import annotations

import argparse
import sys

from counter_app.models import Actor
from counter_app.store import Store

from .common import print_json, read_secret, store_from
from .identity import add_admin_options, admin_command


def register(commands: argparse._SubParsersAction) -> None:
    portal = commands.add_parser("portal", help="national portal connection").add_subparsers(
        dest="portal_command", required=True)
    setting = portal.add_parser("set", help="portal URL, account and agency code; the password goes to the keyring")
    setting.add_argument("--url", required=True)
    setting.add_argument("--username", required=True)
    setting.add_argument("--agency-code", required=True, help="mã định danh cơ quan (madonvi)")
    setting.add_argument("--dstcode", default="", help="destination code on the data-exchange platform")
    setting.add_argument("--batch-size", type=int, default=50)
    setting.add_argument("--insecure-http", action="store_true",
                         help="allow a plain http:// URL on this computer only (127.0.0.1, ::1, localhost): the simulator")
    add_admin_options(setting)  # --password-stdin: the admin's password, then the portal's
    setting.add_argument("--no-password", action="store_true",
                         help="keep no password (automation passes COUNTER_PORTAL_PASSWORD instead)")
    setting.set_defaults(handler=admin_command(cmd_portal_set))

    sync = commands.add_parser("sync", help="send the outbox to the portal and pull updates")
    mode = sync.add_mutually_exclusive_group()
    mode.add_argument("--once", action="store_true", help="one pass (the default)")
    mode.add_argument("--until-empty", action="store_true", help="keep going (with backoff) until nothing is pending")
    sync.add_argument("--max-seconds", type=float, default=None, help="stop after this long")
    sync.add_argument("--json", action="store_true")
    sync.set_defaults(handler=cmd_sync)

    # The simulator parses its own options (python -m sync.simulator --help lists them).
    sim = commands.add_parser("portal-sim", help="run the portal simulator (tests, training)", add_help=False)
    sim.set_defaults(handler=cmd_portal_sim, passes_arguments_on=True)


def cmd_portal_set(args: argparse.Namespace, store: Store, admin: Actor) -> int:
    from sync.config import PortalConfig, configure
    from sync.errors import SyncError

    config = PortalConfig(url=args.url, username=args.username, agency_code=args.agency_code,
                          dstcode=args.dstcode, batch_size=args.batch_size, insecure_http=args.insecure_http)
    password = None if args.no_password else read_secret(args, "Portal password: ")
    try:
        configure(store, config, password, by=admin)
    except SyncError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    print(f"portal set: {config.url} as {config.username} for {config.agency_code}")
    return 0


def cmd_sync(args: argparse.Namespace) -> int:
    import logging

    from sync.engine import run_sync
    from sync.outbox import failed_count

    root = logging.getLogger()  # the run's progress on stderr too, beside the log file main() set up
    if not any(type(h) is logging.StreamHandler for h in root.handlers):
        echo = logging.StreamHandler(sys.stderr)
        echo.setFormatter(logging.Formatter("%(asctime)s %(name)s %(message)s"))
        root.addHandler(echo)
    root.setLevel(logging.INFO)
    store = store_from(args)
    report = run_sync(store, until_empty=args.until_empty, max_seconds=args.max_seconds)
    if args.json:
        print_json(report)
    else:
        print(f"pushed {report.pushed}, pulled {report.pulled}, failed {report.failed}, pending {report.pending}, "
              f"conflicts {report.conflicts}")
        if report.error:
            print(f"error: {report.error}", file=sys.stderr)
    # Done when nothing waits to be sent, refused records and conflicts (waiting for staff) included.
    return 0 if report.pending == 0 and report.conflicts == 0 and failed_count(store) == 0 else 1


def cmd_portal_sim(args: argparse.Namespace) -> int:
    from sync.simulator import main as simulator_main

    return simulator_main(args.passed_on)
