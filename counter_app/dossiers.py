"""Loading dossiers from the store into :class:`counter_app.models.Dossier` objects."""
from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable
from datetime import date

from .catalogue import load_procedure
from .clock import date_from_db, from_db
from .daily_log import LogQuery
from .errors import NotFound
from .models import (
    Applicant,
    Delivery,
    Dossier,
    DossierFee,
    DossierPaper,
    PaperForm,
    PaymentMethod,
    StatusEvent,
)
from .store import Store
from .subjects import SUBJECT_SQL, subject_from_row


def _applicant(row: sqlite3.Row) -> Applicant:
    return Applicant(
        full_name=row["full_name"], personal_id=row["personal_id"], old_id=row["old_id"],
        birth_date=date_from_db(row["birth_date"]), sex=row["sex"], address=row["address"],
        phone=row["phone"], email=row["email"], social_insurance_no=row["social_insurance_no"],
        hi_card_code=row["hi_card_code"], kind=row["kind"],
    )


EVENTS_SQL = (
    "SELECT e.*, COALESCE(u.username, '') AS username, COALESCE(u.full_name, '') AS user_full_name"
    " FROM status_events e LEFT JOIN users u ON u.id = e.user_id WHERE e.dossier_id = ? ORDER BY e.id"
)


def _events(rows: Iterable[sqlite3.Row]) -> tuple[StatusEvent, ...]:
    return tuple(
        StatusEvent(
            id=r["id"], at=from_db(r["at"]), action=r["action"], from_status=r["from_status"],
            to_status=r["to_status"], portal_code=r["portal_code"], username=r["username"],
            user_full_name=r["user_full_name"], note=r["note"], data=json.loads(r["data"]), source=r["source"],
        )
        for r in rows
    )


def load_dossier_by_id(conn: sqlite3.Connection, dossier_id: int) -> Dossier:
    # Every part asked for before the first answer is read: in a batch on the office server the
    # dossier costs two round trips (its rows, then its procedure's) instead of ten.
    head = conn.execute(
        "SELECT d.*, u.username AS receiver, u.full_name AS receiver_name FROM dossiers d"
        " JOIN users u ON u.id = d.received_by WHERE d.id = ?",
        (dossier_id,),
    )
    applicant = conn.execute("SELECT * FROM applicants WHERE id = (SELECT applicant_id FROM dossiers WHERE id = ?)",
                             (dossier_id,))
    paper_rows = conn.execute("SELECT * FROM dossier_papers WHERE dossier_id = ? ORDER BY position", (dossier_id,))
    fee_rows = conn.execute("SELECT * FROM dossier_fees WHERE dossier_id = ? ORDER BY position", (dossier_id,))
    subject = conn.execute(SUBJECT_SQL, (dossier_id,))
    event_rows = conn.execute(EVENTS_SQL, (dossier_id,))
    row = head.fetchone()
    if row is None:
        raise NotFound(f"Không có hồ sơ số {dossier_id}.")
    papers = tuple(DossierPaper(r["name"], PaperForm(r["form"]), r["count"], bool(r["received"])) for r in paper_rows)
    fees = tuple(DossierFee(r["name"], r["amount_vnd"], PaymentMethod(r["method"]), r["exempt_reason"], r["detail"])
                 for r in fee_rows)
    return Dossier(
        id=row["id"], code=row["code"], status=row["status"], procedure=load_procedure(conn, row["procedure_id"]),
        applicant=_applicant(applicant.fetchone()), received_at=from_db(row["received_at"]), due_at=from_db(row["due_at"]),
        sets_count=row["sets_count"], papers=papers, fees=fees, delivery=Delivery(row["delivery"]),
        delivery_address=row["delivery_address"], received_by=row["receiver"], received_by_name=row["receiver_name"],
        log_book=row["log_book"], log_number=row["log_number"], counter_no=row["counter_no"],
        processing_agency=row["processing_agency"], note=row["note"], summary=row["summary"],
        subject=subject_from_row(subject.fetchone()), events=_events(event_rows),
        transferred_at=from_db(row["transferred_at"]), result_ready_at=from_db(row["result_ready_at"]),
        returned_at=from_db(row["returned_at"]), returned_to=row["returned_to"], updated_at=from_db(row["updated_at"]),
        fee_receipt_book=row["fee_receipt_book"], fee_receipt_number=row["fee_receipt_number"],
    )


def dossier_id_for_code(conn: sqlite3.Connection, code: str) -> int:
    row = conn.execute("SELECT id FROM dossiers WHERE code = ?", (code.strip().upper(),)).fetchone()
    if row is None:
        raise NotFound(f"Không tìm thấy hồ sơ mã «{code}».")
    return int(row[0])


def load_dossier(conn: sqlite3.Connection, code: str) -> Dossier:
    return load_dossier_by_id(conn, dossier_id_for_code(conn, code))


def get_dossier(store: Store, code: str) -> Dossier:
    """The whole dossier with its applicant, papers, fees and timeline."""
    with store.read(batched=True) as conn:
        return load_dossier(conn, code)


def dossiers_received_between(store: Store, start: date, end: date, *, staff: str | None = None,
                              counter_no: int | None = None) -> list[Dossier]:
    """Whole dossiers received on ``start`` … ``end`` (inclusive), oldest first, for the day's fee ledger.

    A day's receipts are a few hundred at most; the daily log, which may cover a month, streams
    its lines instead (:mod:`counter_app.daily_log`). Both select through one :class:`LogQuery`.
    """
    where, params = LogQuery(start, end, counter_no=counter_no, staff=staff).where()
    with store.read() as conn:
        ids = [r[0] for r in conn.execute(f"SELECT d.id FROM dossiers d WHERE {where} ORDER BY d.received_at, d.id",
                                          params)]
        return [load_dossier_by_id(conn, i) for i in ids]
