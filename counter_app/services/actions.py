"""What staff do to a dossier after receiving it: one function per action.

Each function checks the role and the state through :mod:`counter_app.states`, then writes
the change and its event, audit and outbox records in one transaction. Any refusal raises a
:class:`counter_app.errors.CounterError` before anything is written.
"""
from __future__ import annotations

import sqlite3
from collections.abc import Callable
from dataclasses import replace
from datetime import date, datetime
from typing import Any

from .. import clock
from ..catalogue import get_procedure
from ..dossiers import dossier_id_for_code, load_dossier_by_id
from ..errors import InvalidState, PermissionDenied, ValidationError
from ..limits import AGENCY, NOTE, PAPER_NAME, REASON, RECIPIENT, FieldLimit
from ..models import Actor, Dossier, Procedure
from ..office import load_calendar
from ..states import STATUS_BY_PORTAL_CODE, TRANSITIONS, Action, Status, allowed
from ..store import Store
from ..subjects import default_summary, indexed_name
from ..text import clean_text, fold, normalize_name
from .journal import queue_dossier_record, record_change
from .receive import appointment, clean_applicant

# A step runs inside the transaction after the checks; it may update the dossier row and
# returns the target status (or None to keep the transition's own target).
Step = Callable[[sqlite3.Connection, int, Status, datetime], Status | None]


def _required(text: str, what: str, limit: FieldLimit = REASON) -> str:
    cleaned = limit.clean(text)
    if not cleaned:
        raise ValidationError(f"Chưa nhập {what}.")
    return cleaned


def _perform(
    store: Store,
    actor: Actor,
    code: str,
    action: Action,
    *,
    note: str = "",
    data: dict[str, Any] | None = None,
    step: Step | None = None,
    at: datetime | None = None,
) -> Dossier:
    at = at or clock.now()
    with store.write() as conn:
        dossier_id = dossier_id_for_code(conn, code)
        row = conn.execute("SELECT code, status FROM dossiers WHERE id = ?", (dossier_id,)).fetchone()
        current = Status(row["status"])
        ok, reason = allowed(action, current, actor.role)
        if not ok:
            raise (PermissionDenied if not actor.role.at_least(TRANSITIONS[action].role) else InvalidState)(reason)
        target = TRANSITIONS[action].target or current
        if step is not None:
            target = step(conn, dossier_id, current, at) or target
        conn.execute("UPDATE dossiers SET status = ? WHERE id = ?", (target.value, dossier_id))
        record_change(
            conn, dossier_id=dossier_id, code=row["code"], action=action, from_status=current,
            to_status=target, actor=actor, at=at, note=note, data=data,
        )
        return load_dossier_by_id(conn, dossier_id)


def _set(column: str, value: str) -> Step:
    def step(conn: sqlite3.Connection, dossier_id: int, _current: Status, at: datetime) -> None:
        conn.execute(f"UPDATE dossiers SET {column} = ? WHERE id = ?", (value or clock.to_db(at), dossier_id))
        return None

    return step


def transfer(store: Store, actor: Actor, code: str, *, processing_agency: str, note: str = "",
             at: datetime | None = None) -> Dossier:
    """Hand the dossier to the agency that decides it (chuyển xử lý)."""
    agency = _required(processing_agency, "cơ quan chủ trì giải quyết", AGENCY)

    def step(conn: sqlite3.Connection, dossier_id: int, _current: Status, when: datetime) -> None:
        conn.execute(
            "UPDATE dossiers SET processing_agency = ?, transferred_at = ? WHERE id = ?",
            (agency, clock.to_db(when), dossier_id),
        )

    return _perform(store, actor, code, Action.TRANSFER, note=NOTE.clean(note), data={"agency": agency}, step=step, at=at)


def request_supplement(store: Store, actor: Actor, code: str, *, missing_papers: list[str], reason: str,
                       at: datetime | None = None) -> Dossier:
    """Ask the citizen for missing or corrected papers (Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ)."""
    papers = [name for name in map(PAPER_NAME.clean, missing_papers) if name]
    if not papers:
        raise ValidationError("Chưa liệt kê giấy tờ cần bổ sung.")
    why = _required(reason, "lý do yêu cầu bổ sung")
    return _perform(store, actor, code, Action.REQUEST_SUPPLEMENT, note=why, data={"missing_papers": papers}, at=at)


def receive_supplement(store: Store, actor: Actor, code: str, *, note: str = "",
                       at: datetime | None = None) -> Dossier:
    """The citizen brought the papers: the clock restarts and the dossier goes back to processing
    (to received if it was never transferred).

    The processing time counts again from this moment, when the dossier is complete, by the
    receive rule (:func:`counter_app.services.receive.appointment`, which cites the decrees).
    The event keeps ``old_due_at``/``new_due_at``, like a reschedule, so that the timeline and a
    reprinted receipt say what moved and why.
    """
    data: dict[str, Any] = {}

    def step(conn: sqlite3.Connection, dossier_id: int, _current: Status, when: datetime) -> Status:
        dossier = load_dossier_by_id(conn, dossier_id)
        new_due = appointment(load_calendar(conn), dossier.procedure, when)
        data.update(old_due_at=clock.to_db(dossier.due_at), new_due_at=clock.to_db(new_due))
        conn.execute("UPDATE dossiers SET due_at = ? WHERE id = ?", (clock.to_db(new_due), dossier_id))
        return Status.PROCESSING if dossier.transferred_at else Status.RECEIVED

    return _perform(store, actor, code, Action.RECEIVE_SUPPLEMENT, note=NOTE.clean(note), data=data, step=step, at=at)


def record_result_ready(store: Store, actor: Actor, code: str, *, note: str = "",
                        at: datetime | None = None) -> Dossier:
    """The result has come back to the counter and waits for the citizen."""
    return _perform(store, actor, code, Action.RESULT_READY, note=NOTE.clean(note), step=_set("result_ready_at", ""), at=at)


def return_result(store: Store, actor: Actor, code: str, *, recipient: str, note: str = "",
                  at: datetime | None = None) -> Dossier:
    """Hand the result over (trả kết quả) to the named person."""
    who = _required(recipient, "tên người nhận kết quả", RECIPIENT)

    def step(conn: sqlite3.Connection, dossier_id: int, _current: Status, when: datetime) -> None:
        conn.execute(
            "UPDATE dossiers SET returned_at = ?, returned_to = ? WHERE id = ?", (clock.to_db(when), who, dossier_id)
        )

    return _perform(store, actor, code, Action.RETURN_RESULT, note=NOTE.clean(note), data={"recipient": who}, step=step, at=at)


def refuse(store: Store, actor: Actor, code: str, *, reason: str, at: datetime | None = None) -> Dossier:
    """Refuse the dossier (Phiếu từ chối tiếp nhận giải quyết hồ sơ)."""
    return _perform(store, actor, code, Action.REFUSE, note=_required(reason, "lý do từ chối"), at=at)


def withdraw(store: Store, actor: Actor, code: str, *, reason: str, at: datetime | None = None) -> Dossier:
    """The citizen takes the dossier back."""
    return _perform(store, actor, code, Action.WITHDRAW, note=_required(reason, "lý do rút hồ sơ"), at=at)


def stop(store: Store, actor: Actor, code: str, *, reason: str, at: datetime | None = None) -> Dossier:
    """Stop processing at the citizen's request, before a decision (Thông báo dừng giải quyết hồ sơ).

    The reason is what the citizen's request says; it is printed on the stop notice.
    """
    return _perform(store, actor, code, Action.STOP, note=_required(reason, "lý do dừng giải quyết"), at=at)


def reschedule(store: Store, actor: Actor, code: str, *, new_due_at: datetime, reason: str,
               at: datetime | None = None) -> Dossier:
    """Apologise and set a new due time (Phiếu xin lỗi và hẹn lại ngày trả kết quả)."""
    why = _required(reason, "lý do hẹn lại")
    data = {"new_due_at": clock.to_db(new_due_at)}

    def step(conn: sqlite3.Connection, dossier_id: int, _current: Status, _at: datetime) -> None:
        old = conn.execute("SELECT due_at FROM dossiers WHERE id = ?", (dossier_id,)).fetchone()[0]
        if new_due_at <= clock.from_db(old):
            raise ValidationError("Ngày hẹn mới phải sau ngày hẹn cũ.")
        data["old_due_at"] = old  # recorded in the event, for the apology letter
        conn.execute("UPDATE dossiers SET due_at = ? WHERE id = ?", (clock.to_db(new_due_at), dossier_id))

    return _perform(store, actor, code, Action.RESCHEDULE, note=why, data=data, step=step, at=at)


def correct_applicant(store: Store, actor: Actor, code: str, *, full_name: str, address: str, phone: str,
                      email: str, reason: str, personal_id: str | None = None, birth_date: date | None = None,
                      social_insurance_no: str | None = None, hi_card_code: str | None = None,
                      procedure_code: str | None = None, at: datetime | None = None) -> Dossier:
    """Fix the applicant's details or the procedure (a typo, or what the portal refused).

    ``personal_id``, ``birth_date``, ``social_insurance_no``, ``hi_card_code`` and ``procedure_code``
    left as None stay as they are (an empty identifier removes a wrong one). The corrected applicant is checked by the receive
    rules (:func:`clean_applicant`: the ID's form, its birth year and sex, the birth date's
    range), so a correction cannot store what the counter would refuse. A new procedure (the
    national one in place of a ``LOCAL.*`` the portal refuses) keeps the papers, fees and due
    time the citizen holds on the receipt; a trích yếu that was the old procedure's default
    follows the new one.

    The status stays and the event's note is the reason; the event and the audit record name
    the corrected fields, never their values. A "dossier" outbox row sends the corrected record
    to the portal, and the dossier's refused rows go back in the queue: this correction is what
    staff were asked to make.
    """
    why = _required(reason, "lý do sửa thông tin")
    typed: dict[str, Any] = {"full_name": normalize_name(full_name), "address": address, "phone": phone,
                             "email": email}  # the name written as the receive form writes it ("H'Hen Niê")
    if personal_id is not None:
        typed["personal_id"] = personal_id
    if birth_date is not None:
        typed["birth_date"] = birth_date
    for key, value in (("social_insurance_no", social_insurance_no), ("hi_card_code", hi_card_code)):
        if value is not None:
            typed[key] = value
    procedure = get_procedure(store, procedure_code) if procedure_code else None
    data: dict[str, Any] = {}

    def step(conn: sqlite3.Connection, dossier_id: int, _current: Status, when: datetime) -> None:
        dossier = load_dossier_by_id(conn, dossier_id)
        applicant = dossier.applicant
        corrected = clean_applicant(replace(applicant, **typed))
        fields = [name for name in typed if getattr(corrected, name) != getattr(applicant, name)]
        if procedure is not None and procedure.code != dossier.procedure.code:
            fields.append("procedure")
            _change_procedure(conn, dossier, procedure)
        if not fields:
            raise ValidationError("Thông tin người nộp không thay đổi.")
        data["fields"] = fields
        conn.execute(
            "UPDATE applicants SET full_name = ?, address = ?, phone = ?, email = ?, personal_id = ?, birth_date = ?,"
            " social_insurance_no = ?, hi_card_code = ? WHERE id = (SELECT applicant_id FROM dossiers WHERE id = ?)",
            (corrected.full_name, corrected.address, corrected.phone, corrected.email, corrected.personal_id,
             corrected.birth_date.isoformat() if corrected.birth_date else None, corrected.social_insurance_no,
             corrected.hi_card_code, dossier_id),
        )
        conn.execute("UPDATE dossier_search SET name = ?, address = ? WHERE rowid = ?",
                     (indexed_name(corrected, dossier.subject), fold(corrected.address), dossier_id))
        conn.execute("UPDATE outbox SET failed = 0, next_attempt_at = NULL WHERE dossier_id = ? AND failed = 1",
                     (dossier_id,))
        queue_dossier_record(conn, dossier_id, when)

    return _perform(store, actor, code, Action.CORRECT_APPLICANT, note=why, data=data, step=step, at=at)


def _change_procedure(conn: sqlite3.Connection, dossier: Dossier, procedure: Procedure) -> None:
    """Point the dossier at ``procedure``; a default trích yếu is rewritten, a clerk's own is kept."""
    summary = dossier.summary
    if summary == default_summary(dossier.procedure, dossier.subject):
        summary = default_summary(procedure, dossier.subject)
    conn.execute("UPDATE dossiers SET procedure_id = ?, summary = ? WHERE id = ?", (procedure.id, summary, dossier.id))


def _portal_note(note: str) -> str:
    """The portal's note, cleaned and cut to the note limit: its words are not ours to refuse."""
    return clean_text(note, one_line=False)[:NOTE.max_length]


def apply_portal_status(store: Store, code: str, *, portal_code: int, at: datetime, note: str = "",
                        handler: str = "") -> bool:
    """A status set by the processing agency, pulled from the portal.

    Written with its event and audit record but no outbox row, so it never echoes back.
    Returns False when the dossier already has that status (a repeated pull changes nothing).
    """
    target = STATUS_BY_PORTAL_CODE.get(portal_code)
    if target is None:
        raise ValidationError(f"Mã trạng thái {portal_code} của Cổng DVC không hợp lệ.")
    with store.write() as conn:
        dossier_id = dossier_id_for_code(conn, code)
        row = conn.execute("SELECT code, status FROM dossiers WHERE id = ?", (dossier_id,)).fetchone()
        current = Status(row["status"])
        if current is target:
            return False
        stamp = clock.to_db(at)
        extra = {
            Status.RESULT_READY: "result_ready_at",
            Status.RETURNED: "returned_at",
            Status.PROCESSING: "transferred_at",
        }.get(target)
        if extra:
            conn.execute(f"UPDATE dossiers SET {extra} = COALESCE({extra}, ?) WHERE id = ?", (stamp, dossier_id))
        conn.execute("UPDATE dossiers SET status = ? WHERE id = ?", (target.value, dossier_id))
        record_change(
            conn, dossier_id=dossier_id, code=row["code"], action=Action.PORTAL_UPDATE, from_status=current,
            to_status=target, actor=None, at=at, note=_portal_note(note), data={"handler": handler} if handler else None,
            source="portal", outbox=False,
        )
        return True
