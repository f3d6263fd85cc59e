"""``dossier receive | list | show`` and ``search``."""
from __future__ import annotations

import argparse
import json
from datetime import date, datetime
from pathlib import Path
from typing import Any

from counter_app import catalogue, services
from counter_app.dossiers import get_dossier
from counter_app.errors import ValidationError
from counter_app.models import Actor, Applicant, Delivery, DossierPaper, PaperForm, Procedure
from counter_app.search import DossierQuery, DossierRow, list_dossiers, search
from counter_app.states import STATUS_LABEL_VI
from counter_app.store import Store
from .common import print_json, store_from
from .identity import add_password_stdin, audited_command, log_in

SEX_WORDS = {"male": "male", "nam": "male", "female": "female", "nữ": "female", "nu": "female", "": ""}


def register(commands: argparse._SubParsersAction) -> None:
    dossier = commands.add_parser("dossier", help="receive, list and show dossiers").add_subparsers(
        dest="dossier_command", required=True
    )
    receive = dossier.add_parser("receive", help="receive dossiers from a JSON list (all or nothing)")
    receive.add_argument("--from-json", required=True, metavar="FILE")
    receive.add_argument("--as", dest="as_user", required=True, metavar="USER",
                         help="the receiving clerk, who types their password (or gives it with --password-stdin)")
    add_password_stdin(receive, "read the --as user's password from stdin (one line)")
    receive.set_defaults(handler=audited_command(cmd_receive))
    listing = dossier.add_parser("list")
    listing.add_argument("--json", action="store_true")
    listing.add_argument("--limit", type=int, default=1000)
    listing.set_defaults(handler=cmd_list)
    show = dossier.add_parser("show")
    show.add_argument("code")
    show.add_argument("--json", action="store_true")
    show.set_defaults(handler=cmd_show)
    find = commands.add_parser("search", help="by name or address fragment, personal ID, phone or code")
    find.add_argument("text")
    find.add_argument("--json", action="store_true")
    find.set_defaults(handler=cmd_search)


def _papers(entry: dict[str, Any], procedure: Procedure) -> tuple[DossierPaper, ...]:
    """Papers given by name (taking the catalogue's form) or as {name, form, count}."""
    known = {p.name: p for p in procedure.papers}
    papers = []
    for item in entry.get("papers", []):
        if isinstance(item, str):
            spec = known.get(item)
            papers.append(DossierPaper(item, spec.form if spec else PaperForm.ORIGINAL, spec.count if spec else 1))
        else:
            papers.append(DossierPaper(item["name"], PaperForm(item.get("form", "original")), int(item.get("count", 1))))
    return tuple(papers)


def _request(entry: dict[str, Any], procedures: dict[str, Procedure]) -> services.ReceiveRequest:
    code = entry.get("procedure_code", "")
    if code not in procedures:
        raise ValidationError(f"unknown procedure code '{code}'")
    person = entry.get("applicant") or {}
    sex = SEX_WORDS.get(str(person.get("sex", "")).strip().lower())
    if sex is None:
        raise ValidationError("sex must be male/female (Nam/Nữ)")
    birth = person.get("birth_date")
    received = entry.get("received_at")
    applicant = Applicant(
        full_name=person.get("full_name", ""), personal_id=person.get("personal_id", ""),
        birth_date=date.fromisoformat(birth) if birth else None, sex=sex, address=person.get("address", ""),
        phone=person.get("phone", ""), email=person.get("email", ""),
        social_insurance_no=person.get("social_insurance_no", ""), hi_card_code=person.get("hi_card_code", ""),
    )
    delivery = entry.get("delivery", "counter")
    return services.ReceiveRequest(
        procedure_code=code, applicant=applicant, papers=_papers(entry, procedures[code]),
        sets_count=int(entry.get("sets", 1)), delivery=Delivery(delivery),
        delivery_address=entry.get("delivery_address", ""),
        received_at=datetime.fromisoformat(received) if received else None, note=entry.get("note", ""),
    )


def _receiving_clerk(store: Store, args: argparse.Namespace) -> Actor:
    """The ``--as`` user, logged in by password like at the counter (disabled or locked: refused)."""
    return log_in(store, args, args.as_user)


def cmd_receive(args: argparse.Namespace) -> int:
    store = store_from(args)
    actor = _receiving_clerk(store, args)
    try:
        entries = json.loads(Path(args.from_json).read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise ValidationError(f"cannot read {args.from_json}: {exc}") from exc
    if not isinstance(entries, list):
        raise ValidationError("the JSON file must hold a list of dossiers")
    procedures = {p.code: p for p in catalogue.list_procedures(store)}
    codes = []
    with store.write():  # all or nothing: a bad entry rolls back the ones before it
        for index, entry in enumerate(entries, start=1):
            try:
                dossier = services.receive_dossier(store, actor, _request(entry, procedures))
            except (ValueError, KeyError, TypeError) as exc:
                raise ValidationError(f"dossier {index}: {exc}") from exc
            codes.append(dossier.code)
    print("\n".join(codes))
    return 0


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
