"""``print KIND CODE -o FILE.pdf``, ``print daily-log --date D [--to D2] [--counter N | --office] [--staff USER]
-o FILE.pdf`` and ``print fee-ledger --date D [--counter N | --office] [--staff USER] -o FILE.pdf``."""
from __future__ import annotations

import argparse
from pathlib import Path

from counter_app.codes import COUNTER_NUMBERS
from counter_app.dossiers import get_dossier
from counter_app.errors import ValidationError
from counter_app.models import Dossier, Office
from counter_app.office import get_office, this_counter
from counter_app.store import Store
from printing.kinds import KINDS  # names only: reportlab loads when a paper is made

from .common import parse_date, store_from

# A log book is kept per year; a longer range (0001-01-01 to 9999-12-31) is a typo that would
# query and lay out millions of days.
MAX_LOG_DAYS = 366


def register(commands: argparse._SubParsersAction) -> None:
    printing = commands.add_parser("print", help="write an official paper as PDF").add_subparsers(
        dest="print_command", required=True
    )
    for kind in KINDS:
        sub = printing.add_parser(kind)
        sub.add_argument("code", help="dossier code")
        sub.add_argument("-o", "--output", required=True, metavar="FILE.pdf")
        sub.set_defaults(handler=cmd_print_document, kind=kind)
    log = printing.add_parser("daily-log", help="Sổ theo dõi hồ sơ for a day or a date range")
    log.add_argument("--date", required=True, type=parse_date)
    log.add_argument("--to", type=parse_date, help="last day of a range (inclusive)")
    _add_scope(log)
    log.add_argument("--staff", metavar="USER", help="only the dossiers this user received")
    log.add_argument("-o", "--output", required=True, metavar="FILE.pdf")
    log.set_defaults(handler=cmd_print_daily_log)
    ledger = printing.add_parser("fee-ledger", help="Sổ thu phí, lệ phí: a day's fee receipts and totals")
    ledger.add_argument("--date", required=True, type=parse_date)
    _add_scope(ledger)
    ledger.add_argument("--staff", metavar="USER", help="only the receipts this user issued")
    ledger.add_argument("-o", "--output", required=True, metavar="FILE.pdf")
    ledger.set_defaults(handler=cmd_print_fee_ledger)


def _add_scope(paper: argparse.ArgumentParser) -> None:
    scope = paper.add_mutually_exclusive_group()
    scope.add_argument("--counter", type=int, metavar="N", help="counter number N's (default: this counter's)")
    scope.add_argument("--office", action="store_true", help="every counter of the office")


def _counter_no(args: argparse.Namespace, store: Store, office: Office) -> int | None:
    """The counter a log or ledger covers: --counter N, this counter by default, None with --office."""
    if args.office:
        return None
    if args.counter is None:
        return this_counter(store, office)
    if args.counter not in COUNTER_NUMBERS:
        raise ValidationError(f"--counter must be a counter number from {COUNTER_NUMBERS.start} to {COUNTER_NUMBERS.stop - 1}")
    return int(args.counter)


def _write(data: bytes, output: str) -> int:
    from printing.layout import write_pdf  # reportlab is loaded only when printing

    print(write_pdf(data, Path(output)))
    return 0


def write_paper(store: Store, kind: str, dossier: Dossier, output: str) -> int:
    """One paper of one dossier to ``output``, as ``print KIND`` and an action's ``--print`` write it."""
    from printing.documents import render

    return _write(render(kind, get_office(store), dossier), output)


def cmd_print_document(args: argparse.Namespace) -> int:
    store = store_from(args)
    return write_paper(store, args.kind, get_dossier(store, args.code), args.output)


def cmd_print_daily_log(args: argparse.Namespace) -> int:
    from printing.documents import render_daily_log

    if args.to is not None and not 0 <= (args.to - args.date).days < MAX_LOG_DAYS:
        raise ValidationError(f"--to must be on or after --date and at most {MAX_LOG_DAYS} days later")
    store = store_from(args)
    office = get_office(store)
    data = render_daily_log(store, office, start=args.date, end=args.to, counter_no=_counter_no(args, store, office),
                            staff=args.staff)
    return _write(data, args.output)


def cmd_print_fee_ledger(args: argparse.Namespace) -> int:
    from printing.documents import render_fee_ledger

    store = store_from(args)
    office = get_office(store)
    return _write(render_fee_ledger(store, office, day=args.date, counter_no=_counter_no(args, store, office), staff=args.staff),
                  args.output)
