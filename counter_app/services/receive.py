"""Receive a walk-in dossier (tiếp nhận hồ sơ).

Validates everything first, then writes the dossier, its applicant, papers, fees, status
event, audit record and outbox rows in one transaction with its freshly allocated code.
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime

from .. import clock, codes, ids
from ..catalogue import get_procedure
from ..dossiers import load_dossier_by_id
from ..errors import ValidationError
from ..models import (
    Actor,
    Applicant,
    Delivery,
    Dossier,
    DossierFee,
    DossierPaper,
    PaymentMethod,
    Procedure,
    Role,
)
from ..office import load_calendar, load_office_row
from ..states import Action, Status
from ..store import Store
from ..text import fold, nfc
from ..users import require_role
from .journal import record_change


@dataclass(frozen=True)
class ReceiveRequest:
    """What the counter form (or ``dossier receive --from-json``) hands in."""

    procedure_code: str
    applicant: Applicant
    papers: tuple[DossierPaper, ...]
    sets_count: int = 1
    fees: tuple[DossierFee, ...] | None = None  # None: the catalogue's fixed fees, paid in cash
    delivery: Delivery = Delivery.COUNTER
    delivery_address: str = ""
    received_at: datetime | None = None
    summary: str = ""
    note: str = ""


def clean_applicant(applicant: Applicant) -> Applicant:
    """NFC everywhere, checked and normalised identifiers; raises ValidationError in Vietnamese."""
    try:
        return _clean_applicant(applicant)
    except ValidationError:
        raise
    except ValueError as exc:  # the ids parsers' messages are already Vietnamese
        raise ValidationError(str(exc)) from exc


def _clean_applicant(applicant: Applicant) -> Applicant:
    name = nfc(" ".join(applicant.full_name.split()))
    if not name:
        raise ValidationError("Chưa nhập họ và tên người nộp hồ sơ.")
    values = {
        "full_name": name,
        "address": nfc(" ".join(applicant.address.split())),
        "personal_id": "",
        "phone": "",
        "email": "",
        "hi_card_code": "",
        "social_insurance_no": "",
    }
    if applicant.personal_id.strip():
        parsed = ids.parse_personal_id(applicant.personal_id)
        if applicant.birth_date and applicant.birth_date.year != parsed.birth_year:
            raise ValidationError("Năm sinh không khớp với số định danh cá nhân.")
        if applicant.sex and applicant.sex != parsed.sex:
            raise ValidationError("Giới tính không khớp với số định danh cá nhân.")
        values["personal_id"] = parsed.number
    if applicant.old_id.strip():
        values["old_id"] = ids.parse_old_id(applicant.old_id)
    if applicant.phone.strip():
        values["phone"] = ids.validate_phone(applicant.phone)
    if applicant.email.strip():
        values["email"] = ids.validate_email(applicant.email)
    if applicant.hi_card_code.strip():
        values["hi_card_code"] = ids.parse_hi_card(applicant.hi_card_code).code
    if applicant.social_insurance_no.strip():
        values["social_insurance_no"] = ids.parse_social_insurance_no(applicant.social_insurance_no)
    return replace(applicant, **values)


def check_papers(procedure: Procedure, papers: tuple[DossierPaper, ...]) -> None:
    """Every required paper of the procedure must be ticked as received."""
    received = {p.name for p in papers if p.received and p.count > 0}
    missing = [p.name for p in procedure.papers if p.required and p.name not in received]
    if missing:
        raise ValidationError("Thiếu giấy tờ bắt buộc: " + "; ".join(missing) + ".")


def applies_at_counter(fee_name: str) -> bool:
    """Online-submission rates and fees charged only on request do not apply by default."""
    folded = fold(fee_name)
    return "truc tuyen" not in folded and "(neu" not in folded


def default_fees(procedure: Procedure) -> tuple[DossierFee, ...]:
    """Fixed-amount counter fees of the catalogue, paid in cash; fees set per case are left to staff."""
    return tuple(
        DossierFee(f.name, f.amount_vnd, PaymentMethod.CASH)
        for f in procedure.fees
        if f.amount_vnd and applies_at_counter(f.name)
    )


def _check_request(request: ReceiveRequest) -> None:
    if request.sets_count < 1:
        raise ValidationError("Số lượng hồ sơ phải từ 1 bộ trở lên.")
    if request.delivery is Delivery.POST and not request.delivery_address.strip():
        raise ValidationError("Chưa nhập địa chỉ nhận kết quả qua bưu chính.")
    for fee in request.fees or ():
        if fee.amount_vnd < 0:
            raise ValidationError("Số tiền phí, lệ phí không được âm.")
        if fee.method is PaymentMethod.EXEMPT and not fee.exempt_reason.strip():
            raise ValidationError(f"Chưa ghi lý do miễn «{fee.name}».")


def receive_dossier(store: Store, actor: Actor, request: ReceiveRequest) -> Dossier:
    """Receive one dossier; returns it as stored, with its new code and due time."""
    require_role(actor, Role.STAFF)
    _check_request(request)
    applicant = clean_applicant(request.applicant)
    procedure = get_procedure(store, request.procedure_code)
    check_papers(procedure, request.papers)
    fees = default_fees(procedure) if request.fees is None else request.fees
    with store.write() as conn:
        office = load_office_row(conn)
        if office is None:
            raise ValidationError("Chưa thiết lập thông tin cơ quan (mã định danh).")
        calendar = load_calendar(conn)
        received_at = request.received_at or clock.now()
        service_start = calendar.start_of_service(received_at)
        due_at = calendar.due_at(received_at, procedure.processing_unit, procedure.processing_value)
        code = codes.next_dossier_code(conn, office.agency_code, received_at.date(), office.counter_no)
        log_number = codes.next_log_number(conn, received_at.year)
        applicant_id = conn.execute(
            "INSERT INTO applicants (kind, full_name, personal_id, old_id, birth_date, sex, address, phone, email,"
            " social_insurance_no, hi_card_code) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                applicant.kind, applicant.full_name, applicant.personal_id, applicant.old_id,
                applicant.birth_date.isoformat() if applicant.birth_date else None, applicant.sex,
                applicant.address, applicant.phone, applicant.email, applicant.social_insurance_no,
                applicant.hi_card_code,
            ),
        ).lastrowid
        dossier_id = conn.execute(
            "INSERT INTO dossiers (code, agency_code, procedure_id, applicant_id, status, received_at, due_at,"
            " sets_count, delivery, delivery_address, summary, note, processing_agency, received_by, log_book,"
            " log_number, counter_no, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                code, office.agency_code, procedure.id, applicant_id, Status.RECEIVED.value,
                clock.to_db(received_at), clock.to_db(due_at), request.sets_count, request.delivery.value,
                nfc(request.delivery_address), nfc(request.summary) or procedure.name, nfc(request.note),
                procedure.agency, actor.user_id, received_at.year, log_number, office.counter_no, clock.to_db(received_at),
            ),
        ).lastrowid
        conn.executemany(
            "INSERT INTO dossier_papers (dossier_id, position, name, form, count, received) VALUES (?, ?, ?, ?, ?, ?)",
            [(dossier_id, i, nfc(p.name), p.form.value, p.count, int(p.received)) for i, p in enumerate(request.papers)],
        )
        conn.executemany(
            "INSERT INTO dossier_fees (dossier_id, position, name, amount_vnd, method, exempt_reason)"
            " VALUES (?, ?, ?, ?, ?, ?)",
            [(dossier_id, i, f.name, f.amount_vnd, f.method.value, nfc(f.exempt_reason)) for i, f in enumerate(fees)],
        )
        conn.execute(
            "INSERT INTO dossier_search (rowid, name, address) VALUES (?, ?, ?)",
            (dossier_id, fold(applicant.full_name), fold(applicant.address)),
        )
        record_change(
            conn, dossier_id=dossier_id, code=code, action=Action.RECEIVE, from_status=None,
            to_status=Status.RECEIVED, actor=actor, at=received_at,
            data={"service_start": clock.to_db(service_start), "due_at": clock.to_db(due_at)},
        )
        return load_dossier_by_id(conn, dossier_id)
