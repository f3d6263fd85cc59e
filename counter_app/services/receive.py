"""Receive a walk-in dossier (tiếp nhận hồ sơ).

Validates everything first, then writes the dossier, its applicant, papers, fees, status
event, audit record and outbox rows in one transaction with its freshly allocated code.
"""
from __future__ import annotations

import sqlite3
from dataclasses import dataclass, replace
from datetime import date, datetime

from .. import audit, clock, codes, ids, limits
from ..catalogue import current_procedure
from ..dossiers import load_dossier_by_id
from ..errors import ValidationError
from ..fees import FeeBasis, describe
from ..models import (
    Actor,
    Applicant,
    Delivery,
    Dossier,
    DossierFee,
    DossierPaper,
    Office,
    PaymentMethod,
    Procedure,
    Role,
    StatusEvent,
    Subject,
)
from ..office import OFFICE_SQL, OVERRIDES_SQL, calendar_of, office_from_row, this_counter
from ..states import PORTAL_CODE, Action, Status
from ..store import Store
from ..subjects import default_summary, indexed_name, save_subject
from ..text import fold
from ..users import require_role
from ..workdays import WorkCalendar
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
    received_at: datetime | None = None  # None: now; a time with a zone is converted to office time
    summary: str = ""  # trích yếu; empty: the procedure, and the subject when there is one
    subject: Subject | None = None  # chủ hồ sơ when not the submitter
    note: str = ""
    client_ref: str = ""  # the sender's own reference: receiving it again returns the first dossier
    import_history: bool = False  # an administrator entering dossiers received over a year ago


def clean_applicant(applicant: Applicant, today: date | None = None) -> Applicant:
    """Every field in its stored form, bounded, identifiers checked; raises ValidationError in Vietnamese."""
    try:
        return _clean_applicant(applicant, today or clock.now().date())
    except ValidationError:
        raise
    except ValueError as exc:  # the ids parsers' messages are already Vietnamese
        raise ValidationError(str(exc)) from exc


def _clean_applicant(applicant: Applicant, today: date) -> Applicant:
    name = limits.FULL_NAME.clean(applicant.full_name)
    if not name:
        raise ValidationError("Chưa nhập họ và tên người nộp hồ sơ.")
    if applicant.birth_date is not None:
        limits.check_birth_date(applicant.birth_date, today)
    values = {
        "full_name": name,
        "address": limits.ADDRESS.clean(applicant.address),
        "personal_id": "",
        "old_id": "",
        "phone": "",
        "email": "",
        "hi_card_code": "",
        "social_insurance_no": "",
    }
    typed = {limit: limit.clean(getattr(applicant, limit.key)) for limit in _IDENTIFIERS}
    if typed[limits.PERSONAL_ID]:
        parsed = ids.parse_personal_id(typed[limits.PERSONAL_ID], today=today)
        if applicant.birth_date and applicant.birth_date.year != parsed.birth_year:
            raise ValidationError("Năm sinh không khớp với số định danh cá nhân.")
        if applicant.sex and applicant.sex != parsed.sex:
            raise ValidationError("Giới tính không khớp với số định danh cá nhân.")
        values["personal_id"] = parsed.number
    if typed[limits.OLD_ID]:
        values["old_id"] = ids.parse_old_id(typed[limits.OLD_ID])
    if typed[limits.PHONE]:
        values["phone"] = ids.validate_phone(typed[limits.PHONE])
    if typed[limits.EMAIL]:
        values["email"] = ids.validate_email(typed[limits.EMAIL])
    if typed[limits.HI_CARD_CODE]:
        values["hi_card_code"] = ids.parse_hi_card(typed[limits.HI_CARD_CODE]).code
    if typed[limits.SOCIAL_INSURANCE_NO]:
        values["social_insurance_no"] = ids.parse_social_insurance_no(typed[limits.SOCIAL_INSURANCE_NO])
    return replace(applicant, **values)


def clean_subject(subject: Subject, today: date | None = None) -> Subject:
    """The subject in its stored form, checked like the applicant; raises ValidationError in Vietnamese.

    A newborn has no personal ID yet and a principal may not have brought theirs: only the
    name is required. An ID that is given must be valid and agree with the birth year.
    """
    today = today or clock.now().date()
    name = limits.SUBJECT_NAME.clean(subject.full_name)
    if not name:
        raise ValidationError("Chưa nhập họ và tên người được cấp / chủ hồ sơ.")
    if subject.birth_date is not None:
        limits.check_birth_date(subject.birth_date, today)
    personal_id = limits.PERSONAL_ID.clean(subject.personal_id)
    if personal_id:
        try:
            parsed = ids.parse_personal_id(personal_id, today=today)
        except ValueError as exc:
            raise ValidationError(f"Chủ hồ sơ: {exc}") from exc
        if subject.birth_date and subject.birth_date.year != parsed.birth_year:
            raise ValidationError("Năm sinh của chủ hồ sơ không khớp với số định danh cá nhân.")
        personal_id = parsed.number
    return Subject(full_name=name, personal_id=personal_id, birth_date=subject.birth_date,
                   relation=limits.SUBJECT_RELATION.clean(subject.relation),
                   authorisation=limits.AUTHORISATION.clean(subject.authorisation))


_IDENTIFIERS = (limits.PERSONAL_ID, limits.OLD_ID, limits.PHONE, limits.EMAIL, limits.HI_CARD_CODE,
                limits.SOCIAL_INSURANCE_NO)


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


def default_fees(procedure: Procedure, *, sets: int = 1) -> tuple[DossierFee, ...]:
    """The counter fees the catalogue prices, for one page and one copy, paid in cash.

    An exempt fee comes with its reason; fees the province sets per case are left to staff.
    """
    result = []
    for spec in procedure.fees:
        rule = spec.computation
        if not applies_at_counter(spec.name):
            continue
        if rule.basis is FeeBasis.EXEMPT:
            result.append(DossierFee(spec.name, 0, PaymentMethod.EXEMPT, rule.exempt_reason))
        elif spec.amount_vnd:
            result.append(DossierFee(spec.name, rule.amount(sets=sets), PaymentMethod.CASH,
                                     detail=describe(rule, sets=sets)))
    return tuple(result)


def appointment(calendar: WorkCalendar, procedure: Procedure, complete_at: datetime) -> datetime:
    """The due time promised on the receipt: the procedure's processing time counted from
    ``complete_at``, when the counter holds the complete dossier.

    Decree 61/2018/NĐ-CP Art. 19 (reception; amended by Decree 107/2021/NĐ-CP, and kept by the
    reception article of Decree 118/2025/NĐ-CP, Art. 17) gives a dossier that is not complete a
    Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ and only a complete one the Giấy tiếp nhận hồ sơ và hẹn
    trả kết quả; procedures publish their time "kể từ ngày nhận đủ hồ sơ hợp lệ" (e.g. the residence
    procedures, Luật Cư trú 2020). So receiving a dossier and receiving the papers that complete it
    both set the appointment here, by the same rule.
    """
    return calendar.due_at(complete_at, procedure.processing_unit, procedure.processing_value)


def _clean_paper(paper: DossierPaper) -> DossierPaper:
    if not 1 <= paper.count <= limits.MAX_COUNT:
        raise ValidationError(f"Số bản của mỗi giấy tờ phải từ 1 đến {limits.MAX_COUNT}.")
    return replace(paper, name=limits.PAPER_NAME.clean(paper.name))


def _clean_fee(fee: DossierFee) -> DossierFee:
    if not 0 <= fee.amount_vnd <= limits.MAX_FEE_VND:
        raise ValidationError(f"Số tiền phí, lệ phí phải từ 0 đến {limits.MAX_FEE_VND:,} đồng.".replace(",", "."))
    name = limits.FEE_NAME.clean(fee.name)
    reason = limits.EXEMPT_REASON.clean(fee.exempt_reason)
    if fee.method is PaymentMethod.EXEMPT and not reason:
        raise ValidationError(f"Chưa ghi lý do miễn «{name}».")
    return replace(fee, name=name, exempt_reason=reason, detail=limits.FEE_NAME.clean(fee.detail))


def _clean_request(request: ReceiveRequest, now: datetime) -> ReceiveRequest:
    """The request with every text in its stored form and every bound checked (applicant aside).

    Raises ValidationError naming the field; nothing has been written yet.
    """
    if not 1 <= request.sets_count <= limits.MAX_COUNT:
        raise ValidationError(f"Số lượng hồ sơ phải từ 1 đến {limits.MAX_COUNT} bộ.")
    delivery_address = limits.DELIVERY_ADDRESS.clean(request.delivery_address)
    if request.delivery is Delivery.POST and not delivery_address:
        raise ValidationError("Chưa nhập địa chỉ nhận kết quả qua bưu chính.")
    received_at = None
    if request.received_at is not None:
        received_at = clock.to_office(request.received_at)
        limits.check_received_at(received_at, now, history=request.import_history)
    return replace(
        request,
        papers=tuple(_clean_paper(p) for p in request.papers),
        fees=None if request.fees is None else tuple(_clean_fee(f) for f in request.fees),
        delivery_address=delivery_address,
        received_at=received_at,
        summary=limits.SUMMARY.clean(request.summary),
        subject=None if request.subject is None else clean_subject(request.subject, now.date()),
        note=limits.NOTE.clean(request.note),
        client_ref=limits.CLIENT_REF.clean(request.client_ref),
    )


def _already_received(conn: sqlite3.Connection, request: ReceiveRequest, applicant: Applicant) -> Dossier | None:
    """The dossier an earlier run received under the same ``client_ref``, if any.

    Re-running an import (after a crash that hid the printed codes) must not make duplicates;
    a reference reused for another citizen or procedure is a mistake in the file, refused.
    """
    row = conn.execute("SELECT id FROM dossiers WHERE client_ref = ?", (request.client_ref,)).fetchone()
    if row is None:
        return None
    existing = load_dossier_by_id(conn, row["id"])
    same = (existing.procedure.code == request.procedure_code
            and existing.applicant.full_name == applicant.full_name
            and existing.applicant.personal_id == applicant.personal_id)
    if not same:
        raise ValidationError("Mã tham chiếu của tệp nhập (client_ref) đã dùng cho một hồ sơ khác.")
    return existing


@dataclass(frozen=True)
class _References:
    """What a receive reads but does not write: changed rarely, and read before the write lock."""

    procedure: Procedure
    office: Office
    calendar: WorkCalendar


def _references(store: Store, procedure_code: str) -> _References:
    """The procedure, the office profile and its calendar, in one snapshot before the write lock.

    On the office server every round trip inside the lock makes the other counters wait;
    these rows change a few times a year. What would make a code wrong, the profile (agency
    code, counter number), is checked again inside the lock by :func:`_write_dossier`.
    """
    with store.read(batched=True) as conn:
        office_row = conn.execute(OFFICE_SQL)  # sent with the procedure's first query, read after it
        overrides = conn.execute(OVERRIDES_SQL)
        procedure = current_procedure(conn, procedure_code)
        office = office_from_row(office_row.fetchone())
        if office is None:
            raise ValidationError("Chưa thiết lập thông tin cơ quan (mã định danh).")
        return _References(procedure, office, calendar_of(office, overrides))


class _OfficeChanged(Exception):
    """The office profile was saved between the read before the lock and the lock itself."""


def receive_dossier(store: Store, actor: Actor, request: ReceiveRequest) -> Dossier:
    """Receive one dossier; returns it as stored, with its new code and due time.

    With a ``client_ref`` received before, returns that dossier and writes nothing. On the
    office server it waits for the server 8 times, 5 of them holding the office write lock
    (tests/test_core_receive_round_trips.py): the other counters queue behind those.
    """
    require_role(actor, Role.ADMIN if request.import_history else Role.STAFF)
    now = clock.now()
    request = _clean_request(request, now)
    applicant = clean_applicant(request.applicant, now.date())
    try:
        return _receive(store, actor, request, applicant, now)
    except _OfficeChanged:  # rolled back, its numbers given back: read the new profile and write again
        try:
            return _receive(store, actor, request, applicant, now)
        except _OfficeChanged:
            raise ValidationError("Thông tin cơ quan vừa được thay đổi; hãy lưu lại hồ sơ.") from None


def _receive(store: Store, actor: Actor, request: ReceiveRequest, applicant: Applicant, now: datetime) -> Dossier:
    """One attempt: the reference data, then the write; raises :class:`_OfficeChanged` when they disagree."""
    refs = _references(store, request.procedure_code)
    check_papers(refs.procedure, request.papers)
    with store.write(batched=True) as conn:
        if request.client_ref and (existing := _already_received(conn, request, applicant)):
            return existing
        return _write_dossier(conn, store=store, actor=actor, request=request, applicant=applicant, refs=refs,
                              now=now)


def _write_dossier(conn: sqlite3.Connection, *, store: Store, actor: Actor, request: ReceiveRequest,
                   applicant: Applicant, refs: _References, now: datetime) -> Dossier:
    """Every row of the new dossier, inside the write lock; returns the dossier as written.

    Statements are sent before the answers they do not need yet (one round trip for many in a
    batch on the office server); codes and numbers are allocated here, under the lock. The
    dossier is built from what was written rather than read back, which would cost the office
    ten more statements: the store's own copy reads back equal (tests/test_core_receive_round_trips.py).
    """
    procedure, office, calendar = refs.procedure, refs.office, refs.calendar
    fees = default_fees(procedure, sets=request.sets_count) if request.fees is None else request.fees
    received_at = request.received_at or now
    service_start = calendar.start_of_service(received_at)
    due_at = appointment(calendar, procedure, received_at)
    counter_no = this_counter(store, office)
    current_office = conn.execute(OFFICE_SQL)
    new_applicant = conn.execute(
        "INSERT INTO applicants (kind, full_name, personal_id, old_id, birth_date, sex, address, phone, email,"
        " social_insurance_no, hi_card_code) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
        (
            applicant.kind, applicant.full_name, applicant.personal_id, applicant.old_id,
            applicant.birth_date.isoformat() if applicant.birth_date else None, applicant.sex,
            applicant.address, applicant.phone, applicant.email, applicant.social_insurance_no,
            applicant.hi_card_code,
        ),
    )
    collects = any(f.collected_vnd for f in fees if not f.is_contribution)  # a fee receipt is for fees only
    summary = request.summary or default_summary(procedure, request.subject)
    numbers = codes.next_receipt_numbers(conn, agency_code=office.agency_code, received=received_at.date(),
                                         counter_no=counter_no, collects=collects)
    applicant_id = new_applicant.fetchone()[0]  # every answer read before a refusal (SQLite finishes its statements)
    if office_from_row(current_office.fetchone()) != office:
        raise _OfficeChanged
    code = numbers.code
    dossier_id = conn.execute(
        "INSERT INTO dossiers (code, agency_code, procedure_id, applicant_id, status, received_at, due_at,"
        " sets_count, delivery, delivery_address, summary, note, processing_agency, received_by, log_book,"
        " log_number, counter_no, updated_at, client_ref, fee_receipt_book, fee_receipt_number)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
        (
            code, office.agency_code, procedure.id, applicant_id, Status.RECEIVED.value,
            clock.to_db(received_at), clock.to_db(due_at), request.sets_count, request.delivery.value,
            request.delivery_address, summary, request.note,
            procedure.agency, actor.user_id, received_at.year, numbers.log_number, counter_no,
            clock.to_db(received_at), request.client_ref or None,
            received_at.year if collects else None, numbers.fee_receipt_number,
        ),
    ).fetchone()[0]
    conn.executemany(
        "INSERT INTO dossier_papers (dossier_id, position, name, form, count, received) VALUES (?, ?, ?, ?, ?, ?)",
        [(dossier_id, i, p.name, p.form.value, p.count, int(p.received)) for i, p in enumerate(request.papers)],
    )
    conn.executemany(
        "INSERT INTO dossier_fees (dossier_id, position, name, amount_vnd, method, exempt_reason, detail)"
        " VALUES (?, ?, ?, ?, ?, ?, ?)",
        [(dossier_id, i, f.name, f.amount_vnd, f.method.value, f.exempt_reason, f.detail)
         for i, f in enumerate(fees)],
    )
    conn.execute(
        "INSERT INTO dossier_search (rowid, name, address) VALUES (?, ?, ?)",
        (dossier_id, indexed_name(applicant, request.subject), fold(applicant.address)),
    )
    if request.subject is not None:
        save_subject(conn, dossier_id, request.subject)
    event_data = {"service_start": clock.to_db(service_start), "due_at": clock.to_db(due_at)}
    event_id = record_change(
        conn, dossier_id=dossier_id, code=code, action=Action.RECEIVE, from_status=None,
        to_status=Status.RECEIVED, actor=actor, at=received_at, data=event_data,
    )
    if request.import_history:
        audit.append(conn, username=actor.username, action="dossier.import_history", entity="dossier",
                     entity_id=code, details={"received_at": clock.to_db(received_at)})
    stored_at = clock.from_db(clock.to_db(received_at))  # the store keeps whole seconds
    event = StatusEvent(id=event_id, at=stored_at, action=Action.RECEIVE.value, from_status=None,
                        to_status=Status.RECEIVED.value, portal_code=PORTAL_CODE[Status.RECEIVED],
                        username=actor.username, user_full_name=actor.full_name, data=event_data)
    return Dossier(
        id=dossier_id, code=code, status=Status.RECEIVED.value, procedure=procedure, applicant=applicant,
        received_at=stored_at, due_at=clock.from_db(clock.to_db(due_at)), sets_count=request.sets_count,
        papers=request.papers, fees=fees, delivery=request.delivery, delivery_address=request.delivery_address,
        received_by=actor.username, received_by_name=actor.full_name, log_book=received_at.year,
        log_number=numbers.log_number, counter_no=counter_no, processing_agency=procedure.agency, note=request.note,
        summary=summary, subject=request.subject, events=(event,), updated_at=stored_at,
        fee_receipt_book=received_at.year if collects else None, fee_receipt_number=numbers.fee_receipt_number,
    )
