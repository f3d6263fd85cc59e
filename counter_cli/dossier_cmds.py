"""``dossier receive | list | show | reschedule`` and ``search``."""
from __future__ import annotations

import argparse

from counter_app import catalogue, services
from counter_app.dossiers import get_dossier
from counter_app.errors import CounterError
from counter_app.models import Actor
from counter_app.search import DossierQuery, DossierRow, list_dossiers, search
from counter_app.states import STATUS_LABEL_VI
from counter_app.store import Store

from . import attachment_cmds
from .common import parse_datetime, print_json, store_from
from .identity import add_password_stdin, audited_command, log_in
from .import_file import read_entries, request_from
from .print_cmds import write_paper


def register(commands: argparse._SubParsersAction) -> None:
    dossier = commands.add_parser("dossier", help="receive, list and show dossiers").add_subparsers(
        dest="dossier_command", required=True
    )
    receive = dossier.add_parser("receive", help="receive dossiers from a JSON list (all or nothing)")
    receive.add_argument("--from-json", required=True, metavar="FILE")
    receive.add_argument("--as", dest="as_user", required=True, metavar="USER",
                         help="the receiving clerk, who types their password (or gives it with --password-stdin)")
    add_password_stdin(receive, "read the --as user's password from stdin (one line)")
    receive.add_argument("--import-history", action="store_true",
                         help="an administrator entering dossiers received over a year ago (audited)")
    receive.set_defaults(handler=audited_command(cmd_receive))
    listing = dossier.add_parser("list")
    listing.add_argument("--json", action="store_true")
    listing.add_argument("--limit", type=int, default=1000)
    listing.set_defaults(handler=cmd_list)
    show = dossier.add_parser("show")
    show.add_argument("code")
    show.add_argument("--json", action="store_true")
    show.set_defaults(handler=cmd_show)
    reschedule = dossier.add_parser("reschedule", help="apologise and set a new due time (supervisors)")
    reschedule.add_argument("code")
    reschedule.add_argument("--due", required=True, type=parse_datetime, metavar='"YYYY-MM-DD HH:MM"',
                            help="the new due time, after the current one")
    reschedule.add_argument("--reason", required=True, help="why the result is late (printed on the letter)")
    reschedule.add_argument("--as", dest="as_user", required=True, metavar="USER",
                            help="the supervisor, who types their password (or gives it with --password-stdin)")
    add_password_stdin(reschedule, "read the --as user's password from stdin (one line)")
    reschedule.add_argument("--print", dest="print_to", metavar="FILE.pdf",
                            help="also write the apology and new-appointment letter for the citizen")
    reschedule.set_defaults(handler=audited_command(cmd_reschedule))
    attachment_cmds.register(dossier)
    find = commands.add_parser("search", help="by name or address fragment, personal ID, phone or code")
    find.add_argument("text")
    find.add_argument("--json", action="store_true")
    find.set_defaults(handler=cmd_search)


def _receiving_clerk(store: Store, args: argparse.Namespace) -> Actor:
    """The ``--as`` user, logged in by password like at the counter (disabled or locked: refused)."""
    return log_in(store, args, args.as_user)


def cmd_receive(args: argparse.Namespace) -> int:
    entries = read_entries(args.from_json)  # before opening the database: a bad file changes nothing
    store = store_from(args)
    actor = _receiving_clerk(store, args)
    procedures = {p.code: p for p in catalogue.list_procedures(store)}
    codes = []
    with store.write():  # all or nothing: a bad entry rolls back the ones before it
        for number, entry in enumerate(entries, start=1):
            request = request_from(entry, number, procedures, import_history=args.import_history)
            try:
                dossier = services.receive_dossier(store, actor, request)
            except CounterError as exc:
                raise type(exc)(f"dossier {number}: {exc}") from exc
            codes.append(dossier.code)
    print("\n".join(codes))
    return 0


def cmd_reschedule(args: argparse.Namespace) -> int:
    """The new due time is recorded first; the letter is then written from the recorded event."""
    store = store_from(args)
    dossier = services.reschedule(store, log_in(store, args, args.as_user), args.code, new_due_at=args.due,
                                  reason=args.reason)
    print(f"{dossier.code}\t{dossier.due_at:%d/%m/%Y %H:%M}")
    return write_paper(store, "apology", dossier, args.print_to) if args.print_to else 0


def _print_rows(rows: list[DossierRow], as_json: bool) -> None:
    if as_json:
        print_json(rows)
        return
    for r in rows:
        print(f"{r.code}\t{r.received_at:%d/%m/%Y %H:%M}\t{r.due_at:%d/%m/%Y %H:%M}\t"
              f"{STATUS_LABEL_VI[r.status]}\t{r.applicant_name}\t{r.procedure_name}")


def cmd_list(args: argparse.Namespace) -> int:
    _print_rows(list_dossiers(store_from(args), DossierQuery(), limit=args.limit), args.json)
    return 0


def cmd_search(args: argparse.Namespace) -> int:
    _print_rows(search(store_from(args), args.text), args.json)
    return 0


def cmd_show(args: argparse.Namespace) -> int:
    dossier = get_dossier(store_from(args), args.code)
    if args.json:
        print_json(dossier)
        return 0
    a = dossier.applicant
    print(f"Mã hồ sơ: {dossier.code}  ({STATUS_LABEL_VI[dossier.status]})")
    print(f"Thủ tục: {dossier.procedure.name} [{dossier.procedure.code} v{dossier.procedure.version}]")
    print(f"Người nộp: {a.full_name}  {a.personal_id}  {a.phone}")
    print(f"Địa chỉ: {a.address}")
    print(f"Nhận: {dossier.received_at:%d/%m/%Y %H:%M}  Hẹn trả: {dossier.due_at:%d/%m/%Y %H:%M}")
    print(f"Sổ theo dõi: quyển {dossier.log_book_label}, số {dossier.log_number}")
    for event in dossier.events:
        print(f"  {event.at:%d/%m/%Y %H:%M}  {event.action}  {event.to_status}  {event.username}  {event.note}")
    return 0
