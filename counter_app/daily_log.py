"""The rows of the Sổ theo dõi hồ sơ, read from the store a chunk at a time, for one counter or the office.

A supervisor's month at a busy office is 40,000 dossiers. Loading each as a whole
:class:`~counter_app.models.Dossier` (seven queries each, all of them in one list) took 290 s and
1.75 GB with the layout (issue 12). The log prints one line per dossier, so this module reads
exactly those columns, in the order the log prints them, ``CHUNK`` rows a query, each query
starting after the last row's key (received time, id): memory stays flat in the number of rows,
and every query reads only the rows it returns, through ``dossiers(counter_no, received_at)`` for
one counter's book and ``dossiers(received_at)`` for the whole office.

Scope (issue 9): each counter keeps its own book ("Quyển số 02/2026", the counter number is stored
on every dossier it received), and a supervisor may print one counter's or the whole office's:
every counter sharing the office's PostgreSQL database, or every counter in one SQLite file.
"""
from __future__ import annotations

import sqlite3
from collections import defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from .clock import from_db
from .models import Dossier, DossierFee, PaymentMethod, agency_label, book_label

CHUNK = 500  # rows a query: big enough that round trips to the office server do not dominate


@dataclass(frozen=True)
class LogQuery:
    """Which dossiers the log lists: received on ``start`` … ``end`` (inclusive), by one counter or all."""

    start: date
    end: date
    counter_no: int | None = None  # None: the whole office
    staff: str | None = None  # a username: only the dossiers this user received

    def where(self, *, after: tuple[str, int] | None = None) -> tuple[str, list[object]]:
        """The WHERE clause and its parameters; ``after`` (received_at, id) continues after a chunk's last row.

        The lower bound on ``received_at`` is the key itself, not the period's start plus the key,
        so the index range starts at the next row instead of at the start of the period.
        """
        lower = self.start.isoformat() if after is None else after[0]
        sql = "d.received_at >= ? AND d.received_at < ?"
        params: list[object] = [lower, (self.end + timedelta(days=1)).isoformat()]
        if after is not None:
            sql += " AND (d.received_at > ? OR d.id > ?)"
            params += list(after)
        if self.counter_no is not None:
            sql += " AND d.counter_no = ?"
            params.append(self.counter_no)
        if self.staff:
            sql += " AND d.received_by = (SELECT id FROM users WHERE username = ?)"
            params.append(self.staff.strip().lower())
        return sql, params


@dataclass(frozen=True)
class LogBook:
    """One counter's book for one year, and how many of its dossiers the log lists."""

    counter_no: int
    year: int
    count: int

    @property
    def label(self) -> str:
        return book_label(self.counter_no, self.year)


@dataclass(frozen=True)
class LogEntry:
    """One line of the log: what it prints, and what its totals add up (status, fees per clerk)."""

    code: str
    status: str
    procedure_name: str
    sets_count: int
    applicant_name: str
    address: str
    phone: str
    agency: str  # the processing agency as the narrow column prints it
    received_at: datetime
    due_at: datetime
    transferred_at: datetime | None
    result_ready_at: datetime | None
    returned_at: datetime | None
    returned_to: str
    note: str
    received_by_name: str
    fees: tuple[DossierFee, ...] = ()


_COLUMNS = (
    "SELECT d.id, d.code, d.status, d.sets_count, d.received_at, d.due_at, d.transferred_at, d.result_ready_at,"
    " d.returned_at, d.returned_to, d.note, d.processing_agency, a.full_name, a.address, a.phone,"
    " p.name AS procedure_name, p.agency, p.agency_short, u.full_name AS receiver_name"
    " FROM dossiers d JOIN applicants a ON a.id = d.applicant_id JOIN procedures p ON p.id = d.procedure_id"
    " JOIN users u ON u.id = d.received_by WHERE "
)


def log_books(conn: sqlite3.Connection, query: LogQuery) -> list[LogBook]:
    """The books the log covers, in counter and year order, with their counts (the log's total up front)."""
    where, params = query.where()
    rows = conn.execute(
        f"SELECT d.counter_no, d.log_book, COUNT(*) FROM dossiers d WHERE {where}"
        " GROUP BY d.counter_no, d.log_book ORDER BY d.counter_no, d.log_book",
        params,
    )
    return [LogBook(int(r[0]), int(r[1]), int(r[2])) for r in rows]


def log_entries(conn: sqlite3.Connection, query: LogQuery, *, chunk: int = CHUNK) -> Iterator[LogEntry]:
    """The log's lines, oldest first (then by id), read ``chunk`` rows at a time.

    Run it inside one ``store.read()``: every chunk then comes from the same snapshot as the
    books and the audit anchor printed with them.
    """
    after: tuple[str, int] | None = None
    while True:
        where, params = query.where(after=after)
        rows = conn.execute(f"{_COLUMNS}{where} ORDER BY d.received_at, d.id LIMIT ?", [*params, chunk]).fetchall()
        if not rows:
            return
        fees = _fees(conn, [r["id"] for r in rows])
        for r in rows:
            yield _entry(r, fees.get(r["id"], ()))
        if len(rows) < chunk:
            return
        after = (rows[-1]["received_at"], rows[-1]["id"])


def _fees(conn: sqlite3.Connection, ids: Sequence[int]) -> dict[int, tuple[DossierFee, ...]]:
    """The fee lines of a chunk's dossiers in one query (by primary key)."""
    found: dict[int, list[DossierFee]] = defaultdict(list)
    marks = ", ".join("?" * len(ids))
    for r in conn.execute(f"SELECT * FROM dossier_fees WHERE dossier_id IN ({marks}) ORDER BY dossier_id, position",
                          list(ids)):
        found[r["dossier_id"]].append(
            DossierFee(r["name"], r["amount_vnd"], PaymentMethod(r["method"]), r["exempt_reason"], r["detail"]))
    return {k: tuple(v) for k, v in found.items()}


def _entry(r: sqlite3.Row, fees: tuple[DossierFee, ...]) -> LogEntry:
    received_at, due_at = from_db(r["received_at"]), from_db(r["due_at"])
    assert received_at is not None and due_at is not None  # NOT NULL columns
    return LogEntry(
        code=r["code"], status=r["status"], procedure_name=r["procedure_name"], sets_count=r["sets_count"],
        applicant_name=r["full_name"], address=r["address"], phone=r["phone"],
        agency=agency_label(r["processing_agency"], r["agency"], r["agency_short"]),
        received_at=received_at, due_at=due_at, transferred_at=from_db(r["transferred_at"]),
        result_ready_at=from_db(r["result_ready_at"]), returned_at=from_db(r["returned_at"]),
        returned_to=r["returned_to"], note=r["note"], received_by_name=r["receiver_name"], fees=fees,
    )


def entry_of(dossier: Dossier) -> LogEntry:
    """The log's line for a dossier already loaded (the sample papers and the tests build theirs in memory)."""
    return LogEntry(
        code=dossier.code, status=dossier.status, procedure_name=dossier.procedure.name, sets_count=dossier.sets_count,
        applicant_name=dossier.applicant.full_name, address=dossier.applicant.address, phone=dossier.applicant.phone,
        agency=dossier.agency_label, received_at=dossier.received_at, due_at=dossier.due_at,
        transferred_at=dossier.transferred_at, result_ready_at=dossier.result_ready_at, returned_at=dossier.returned_at,
        returned_to=dossier.returned_to, note=dossier.note, received_by_name=dossier.received_by_name, fees=dossier.fees,
    )
