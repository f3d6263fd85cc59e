"""``scanner list`` and the scanning half of ``dossier attach --scan``: SANE devices (Linux, python-sane)."""
from __future__ import annotations

import argparse
import sys
from contextlib import ExitStack
from pathlib import Path

from counter_app import sane_source, settings
from counter_app.errors import ValidationError
from counter_app.sane_source import SaneSource
from counter_app.scan_sources import MAX_PAGES_TAKEN
from counter_app.store import Store

from .common import print_json


def register(commands: argparse._SubParsersAction) -> None:
    scanner = commands.add_parser("scanner", help="document scanners found through SANE (python-sane)")
    actions = scanner.add_subparsers(dest="scanner_command", metavar="ACTION", required=True)
    listing = actions.add_parser("list", help="the scanners SANE finds: name (for --device), vendor, model")
    listing.add_argument("--json", action="store_true")
    listing.set_defaults(handler=cmd_list)


def add_scan_options(parser: argparse.ArgumentParser) -> None:
    """``--scan`` and its options, for a command that takes pages (``dossier attach``)."""
    parser.add_argument("--scan", action="store_true", help="scan the pages now (SANE) instead of reading FILEs")
    parser.add_argument("--device", metavar="D", help="SANE device name as `scanner list` prints it"
                        " (default: the one chosen in the app, else the first found)")
    parser.add_argument("--pages", type=int, metavar="K", help="pages to scan (default: what the feeder holds;"
                        " one on a scanner without a feeder)")
    parser.add_argument("--dpi", type=int, default=sane_source.DEFAULT_DPI, metavar="N",
                        help=f"resolution (default {sane_source.DEFAULT_DPI}; the nearest the scanner offers)")
    parser.add_argument("--grey", action="store_true", help="grey instead of colour (plain typed text)")


def cmd_list(args: argparse.Namespace) -> int:
    found = sane_source.devices()
    if args.json:
        print_json(found)
        return 0
    if not found:
        print("no scanner found", file=sys.stderr)
        return 1
    for device in found:
        print(f"{device.name}\t{device.vendor}\t{device.model}")
    return 0


def scan(store: Store, args: argparse.Namespace, scans: ExitStack) -> list[Path]:
    """The pages ``--scan`` asks for, in a folder ``scans`` removes when the command ends."""
    if args.pages is not None and not 1 <= args.pages <= MAX_PAGES_TAKEN:
        raise ValidationError(f"--pages: from 1 to {MAX_PAGES_TAKEN}")
    device = args.device or sane_source.default_device(settings.read(store, settings.SCANNER_DEVICE))
    source = scans.enter_context(SaneSource(device, pages=args.pages, dpi=args.dpi, colour=not args.grey))
    return _scanned(source, args.pages or 0)


def _scanned(source: SaneSource, wanted: int) -> list[Path]:
    """At least ``wanted`` pages (or what one take gives): between takes a person at a terminal loads the
    next sheets (a scanner without a feeder gives one page a take); without one, too few is a refusal."""
    paths = source.take()
    while len(paths) < wanted:
        if not sys.stdin.isatty():
            raise ValidationError(f"the scanner gave {len(paths)} of {wanted} pages: nothing was attached")
        print(f"{len(paths)} of {wanted} pages scanned: load the next page(s) and press Enter", file=sys.stderr)
        sys.stdin.readline()
        source.pages = wanted - len(paths)
        paths += source.take()
    return paths
