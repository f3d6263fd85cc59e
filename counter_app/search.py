"""Finding dossiers: the search box and the filtered, paged dossier list.

Names and addresses are searched through a full-text index of their *folded* text (see
:func:`counter_app.text.fold`): FTS5 on SQLite, whose own diacritic folding never maps đ to d,
and a GIN full-text index on PostgreSQL (the backend supplies the one clause that differs).
Each query word matches the start of a word ("ngu" finds "Nguyễn"). A query that looks like
a dossier code, a personal ID or a phone number is looked up exactly instead.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from . import clock
from .states import OPEN_STATES, Status
from .store import Store
from .text import fold

_ID_RE = re.compile(r"^\d{9}$|^\d{12}$")
_PHONE_RE = re.compile(r"^(\+?84|0)\d{8,10}$")
_CODE_RE = re.compile(r"^(?=.*\d)(?=.*[.\-])[A-Z0-9.\-]+$")  # a whole or partial dossier code

SORT_COLUMNS = {
    "received_at": "d.received_at",
    "due_at": "d.due_at",
    "code": "d.code",
    "applicant": "a.full_name",
    "status": "d.status",
    "newest": "d.id",
}


@dataclass(frozen=True)
class DossierRow:
    """One line of the dossier list (no papers or timeline: cheap to fetch by the hundred)."""

    id: int
    code: str
    status: Status
    procedure_code: str
    procedure_name: str
    applicant_name: str
    address: str
    phone: str
    received_at: datetime
    due_at: datetime
    received_by: str  # username (the staff filter)
    received_by_name: str = ""  # full name, as the list shows the clerk
    summary: str = ""  # trích yếu: the procedure, and for whom


@dataclass(frozen=True)
class DossierQuery:
    text: str = ""
    statuses: frozenset[Status] = field(default_factory=frozenset)
    received_from: date | None = None
    received_to: date | None = None
    procedure_code: str | None = None
    due: str | None = None  # "due_today" or "overdue"
    staff: str | None = None  # username of the receiver
    sort: str = "newest"
    descending: bool = True


def _words(text: str) -> list[str]:
    return [w for w in re.split(r"[^0-9a-z]+", fold(text)) if w]


def _where(store: Store, query: DossierQuery, now: datetime) -> tuple[list[str], list[object]]:
    clauses: list[str] = []
    params: list[object] = []
    text = query.text.strip()
    if text:
        compact = re.sub(r"[\s.\-]", "", text)
        if _CODE_RE.match(text.upper()):
            clauses.append("d.code >= ? AND d.code < ?")  # a prefix range uses the unique index
            params += [text.upper(), text.upper() + "\uffff"]
        elif _ID_RE.match(compact):
            clauses.append("(a.personal_id = ? OR a.old_id = ?)")
            params += [compact, compact]
        elif _PHONE_RE.match(compact):
            clauses.append("a.phone = ?")
            params.append(re.sub(r"^(\+?84)", "0", compact))
        else:
            words = _words(text)
            if not words:
                clauses.append("1 = 0")
            else:
                clauses.append(f"d.id IN ({store.backend.search_clause()})")
                params.append(store.backend.search_param(words))
    if query.statuses:
        clauses.append(f"d.status IN ({', '.join('?' * len(query.statuses))})")
        params += sorted(s.value for s in query.statuses)
    if query.received_from:
        clauses.append("d.received_at >= ?")
        params.append(query.received_from.isoformat())
    if query.received_to:
        clauses.append("d.received_at < ?")
        params.append((query.received_to + timedelta(days=1)).isoformat())
    if query.procedure_code:
        clauses.append("p.code = ?")
        params.append(query.procedure_code)
    if query.staff:
        clauses.append("u.username = ?")
        params.append(query.staff)
    if query.due in ("due_today", "overdue"):
        clauses.append(f"d.status IN ({', '.join('?' * len(OPEN_STATES))})")
        params += sorted(s.value for s in OPEN_STATES)
        if query.due == "overdue":
            clauses.append("d.due_at < ?")
            params.append(clock.to_db(now))
        else:
            clauses.append("d.due_at >= ? AND d.due_at < ?")
            params += [clock.to_db(now), (now.date() + timedelta(days=1)).isoformat()]
    return clauses, params


_FROM = (
    " FROM dossiers d JOIN applicants a ON a.id = d.applicant_id"
    " JOIN procedures p ON p.id = d.procedure_id JOIN users u ON u.id = d.received_by"
)


def list_dossiers(
    store: Store, query: DossierQuery = DossierQuery(), *, offset: int = 0, limit: int = 100,
    now: datetime | None = None,
) -> list[DossierRow]:
    """One page of matching dossiers in the requested order."""
    clauses, params = _where(store, query, now or clock.now())
    where = (" WHERE " + " AND ".join(clauses)) if clauses else ""
    column = SORT_COLUMNS.get(query.sort, "d.id")
    direction = "DESC" if query.descending else "ASC"
    sql = (
        "SELECT d.id, d.code, d.status, p.code AS pcode, p.name AS pname, a.full_name, a.address, a.phone,"
        " d.received_at, d.due_at, u.username, u.full_name, d.summary" + _FROM + where
        + f" ORDER BY {column} {direction}, d.id {direction} LIMIT ? OFFSET ?"
    )
    with store.read() as conn:
        rows = conn.execute(sql, (*params, limit, offset)).fetchall()
    return [
        DossierRow(
            id=r[0], code=r[1], status=Status(r[2]), procedure_code=r[3], procedure_name=r[4], applicant_name=r[5],
            address=r[6], phone=r[7], received_at=clock.from_db(r[8]), due_at=clock.from_db(r[9]), received_by=r[10],
            received_by_name=r[11], summary=r[12],
        )
        for r in rows
    ]


def count_dossiers(store: Store, query: DossierQuery = DossierQuery(), *, now: datetime | None = None) -> int:
    clauses, params = _where(store, query, now or clock.now())
    where = (" WHERE " + " AND ".join(clauses)) if clauses else ""
    with store.read() as conn:
        return int(conn.execute("SELECT COUNT(*)" + _FROM + where, params).fetchone()[0])


def search(store: Store, text: str, *, limit: int = 50) -> list[DossierRow]:
    """The search box: name/address fragment, personal ID, phone or dossier code; newest first."""
    return list_dossiers(store, DossierQuery(text=text), limit=limit)
