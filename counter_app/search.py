"""Finding dossiers: the search box and the filtered, paged dossier list.

Every query here is bounded by what it returns, not by the size of the database (issue 12: a
district centre reaches 1,000,000 dossiers in a few years):

* pages are keyset pages: the next page is read from the previous page's last row onwards
  along an index (:data:`ORDERS`), never with ``OFFSET``, so the last page costs what the
  first does;
* counts stop at :data:`COUNT_CAP` ("hơn 10.000" rather than counting a million rows);
* names and addresses are searched through a full-text index of their *folded* text (see
  :func:`counter_app.text.fold`): FTS5 on SQLite, a GIN full-text index on PostgreSQL (the
  backend supplies the one clause that differs). Each query word matches the start of a word
  ("ngu" finds "Nguyễn"). The matches are walked newest first by dossier id in chunks, with
  ``LIMIT`` inside the full-text query, so a common name never builds and sorts its whole
  match list; a name search therefore lists the newest matches first whatever column is
  sorted;
* a query that looks like a dossier code is a range of the code's unique index (listed in
  code order), a run of 4–8 digits is the code's tail ("0975": the day's number), and a
  personal ID or phone number is looked up exactly;
* the "overdue" and "due today" filters list their dossiers by due time, most overdue (or
  soonest due) first, whatever column is sorted (unless the search text implies an order): a
  range of the open dossiers' due-time index (``dossiers_open_due``, a partial index, so the
  years of finished dossiers are not in it), where any other order would sort every open
  dossier before ``LIMIT``. Sorted by due time itself, the chosen direction holds.

All of it reads through :meth:`Store.snapshot`, the read connection, so a save never waits
behind a list query.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

from . import clock
from .states import OPEN_STATES, Status
from .store import Store
from .text import fold

_ID_RE = re.compile(r"^\d{9}$|^\d{12}$")
_PHONE_RE = re.compile(r"^(\+?84|0)\d{8,10}$")
_CODE_RE = re.compile(r"^(?=.*\d)(?=.*[.\-])[A-Z0-9.\-]+$")  # a whole or partial dossier code
_TAIL_RE = re.compile(r"^-?(\d{4,8})$")  # the end of a code: the day's number, perhaps with the counter's
TAIL_LENGTH = 4  # characters of the code the tail index holds (the day's sequence number)
_TAIL_SQL = "substr(d.code, length(d.code) - 3)"  # exactly the indexed expression (migration v12)

# The open states, written out as the partial index dossiers_open_due (migration v14) says them:
# either database uses the index only for a query that names the same condition (a parameter
# would not match on PostgreSQL). "IS TRUE" keeps the (status, due_at) index from taking the
# condition and then sorting every open dossier. The values come from the Status enum.
_OPEN_SQL = "(d.status IN (" + ", ".join(f"'{s.value}'" for s in sorted(OPEN_STATES)) + ")) IS TRUE"

COUNT_CAP = 10_000  # counts stop here: the list says "more than 10,000"
WORD_CHUNK = 1_000  # full-text matches read per round when other filters thin them out

# The sort orders the list offers: the key columns, most significant first, the last one
# unique. Each is an index walk (migration v12): a page starts after the previous page's key.
ORDERS: dict[str, tuple[str, ...]] = {
    "received_at": ("d.received_at", "d.id"),
    "due_at": ("d.due_at", "d.id"),
    "code": ("d.code",),
    "applicant": ("a.full_name", "a.id", "d.id"),  # applicants by name, then each one's dossiers
    "status": ("d.status", "d.due_at", "d.id"),
    "newest": ("d.id",),
}
_BY_ID = ORDERS["newest"]
_BY_CODE = ORDERS["code"]
# Without a key the planner would sort all applicants' dossiers for the first page by name; a
# bound every name meets lets it walk the name index instead.
_FIRST_PAGE_BOUND = {ORDERS["applicant"]: "a.full_name >= ''"}
_APPLICANT = re.compile(r"\ba\.")  # a clause on the applicant's columns: the count joins them


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
    # Where this row stands in its list's order: pass it as ``after``/``before`` for the next page.
    sort_key: tuple[Any, ...] = field(default=(), compare=False, repr=False)


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


@dataclass(frozen=True)
class _Plan:
    """What a query turns into: filters on ``d``/``a``, full-text words, and the key order."""

    clauses: list[str]
    params: list[object]
    words: list[str] | None  # None: no full-text search; []: a text that can match nothing
    order: tuple[str, ...]
    descending: bool


def _words(text: str) -> list[str]:
    return [w for w in re.split(r"[^0-9a-z]+", fold(text)) if w]


def _text_clauses(text: str) -> tuple[list[str], list[object], list[str] | None, tuple[str, ...] | None]:
    """The search box's text: clauses, their parameters, full-text words, and an order it implies."""
    compact = re.sub(r"[\s.\-]", "", text)
    if tail := _TAIL_RE.match(text):
        digits = tail[1]
        clauses = [f"{_TAIL_SQL} = ?"]
        params: list[object] = [digits[-TAIL_LENGTH:]]
        if len(digits) > TAIL_LENGTH:
            clauses.append("d.code LIKE ?")
            params.append("%" + digits)
        return clauses, params, None, _BY_CODE
    if _CODE_RE.match(text.upper()):
        # A prefix range of the unique index, walked in code order (codes carry the day).
        return ["d.code >= ? AND d.code < ?"], [text.upper(), text.upper() + "\uffff"], None, _BY_CODE
    if _ID_RE.match(compact):
        return ["(a.personal_id = ? OR a.old_id = ?)"], [compact, compact], None, None
    if _PHONE_RE.match(compact):
        return ["a.phone = ?"], [re.sub(r"^(\+?84)", "0", compact)], None, None
    return [], [], _words(text), _BY_ID


def _plan(query: DossierQuery, now: datetime) -> _Plan:
    clauses: list[str] = []
    params: list[object] = []
    words: list[str] | None = None
    order, descending = ORDERS.get(query.sort, _BY_ID), query.descending
    text, implied = query.text.strip(), None
    if text:
        clauses, params, words, implied = _text_clauses(text)
        order = implied or order
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
        clauses.append("d.procedure_id IN (SELECT id FROM procedures WHERE code = ?)")
        params.append(query.procedure_code)
    if query.staff:
        clauses.append("d.received_by IN (SELECT id FROM users WHERE username = ?)")
        params.append(query.staff)
    if query.due in ("due_today", "overdue"):
        clauses.append(_OPEN_SQL)
        if query.due == "overdue":
            clauses.append("d.due_at < ?")
            params.append(clock.to_db(now))
        else:
            clauses.append("d.due_at >= ? AND d.due_at < ?")
            params += [clock.to_db(now), (now.date() + timedelta(days=1)).isoformat()]
        if implied is None and order != ORDERS["due_at"]:
            order, descending = ORDERS["due_at"], False  # most overdue first: the index's own order
    return _Plan(clauses, params, words, order, descending)


def _beyond(columns: tuple[str, ...], key: tuple[Any, ...], op: str) -> tuple[str, list[object]]:
    """``(c1, …, cn) op (k1, …, kn)`` written so that ``c1`` bounds a range of its index.

    ``c1 op= k1 AND (c1 op k1 OR c2 op k2 OR (c2 = k2 AND …))``: row values would say the same,
    but SQLite uses an index for them only when every column is in it.
    """
    if len(columns) == 1:
        return f"{columns[0]} {op} ?", [key[0]]

    def rest(cols: tuple[str, ...], values: tuple[Any, ...]) -> tuple[str, list[object]]:
        if len(cols) == 1:
            return f"{cols[0]} {op} ?", [values[0]]
        inner, inner_params = rest(cols[1:], values[1:])
        return f"{cols[0]} {op} ? OR ({cols[0]} = ? AND ({inner}))", [values[0], values[0], *inner_params]

    tail, tail_params = rest(columns[1:], key[1:])
    return f"{columns[0]} {op}= ? AND ({columns[0]} {op} ? OR {tail})", [key[0], key[0], *tail_params]


_SELECT = (
    "SELECT d.id, d.code, d.status, p.code AS pcode, p.name AS pname, a.full_name, a.address, a.phone,"
    " d.received_at, d.due_at, u.username, u.full_name, d.summary"
)
_KEY_AT = 13  # the sort key's columns follow the row's own
_FROM = (
    " FROM dossiers d JOIN applicants a ON a.id = d.applicant_id"
    " JOIN procedures p ON p.id = d.procedure_id JOIN users u ON u.id = d.received_by"
)

# Sorted by applicant, SQLite must walk applicants by name and reach each one's dossiers through
# dossiers_applicant; SQLite 3.53 (the SQLCipher build) otherwise scans dossiers and sorts them all
# for one page. SQLite keeps the left table of a CROSS JOIN outermost; PostgreSQL plans CROSS JOIN
# with the join condition in WHERE as any join.
_FROM_APPLICANTS_FIRST = (
    " FROM applicants a CROSS JOIN dossiers d"
    " JOIN procedures p ON p.id = d.procedure_id JOIN users u ON u.id = d.received_by"
)
_APPLICANTS_JOINED = "a.id = d.applicant_id"


def _row(r: Any) -> DossierRow:
    return DossierRow(
        id=r[0], code=r[1], status=Status(r[2]), procedure_code=r[3], procedure_name=r[4], applicant_name=r[5],
        address=r[6], phone=r[7], received_at=clock.from_db(r[8]), due_at=clock.from_db(r[9]), received_by=r[10],
        received_by_name=r[11], summary=r[12], sort_key=tuple(r[_KEY_AT:]),
    )


def list_dossiers(
    store: Store, query: DossierQuery = DossierQuery(), *, after: tuple[Any, ...] | None = None,
    before: tuple[Any, ...] | None = None, last: bool = False, limit: int = 100, now: datetime | None = None,
) -> list[DossierRow]:
    """One page of matching dossiers in the query's order.

    The first page by default; ``after=row.sort_key`` the page that follows a row,
    ``before=row.sort_key`` the page that precedes it, ``last=True`` the last page. Each is an
    index walk from its starting point, as cheap at the millionth row as at the first.
    """
    plan = _plan(query, now or clock.now())
    backwards = before is not None or last  # read against the order from the end, then turn round
    descending = plan.descending != backwards
    key = before if before is not None else after
    with store.snapshot() as conn:
        if plan.words is not None:
            rows = _word_page(conn, store, plan, key, descending=descending, limit=limit)
        else:
            rows = _indexed_page(conn, plan, key, descending=descending, limit=limit)
    found = [_row(r) for r in rows]
    return found[::-1] if backwards else found


def _order_by(columns: tuple[str, ...], descending: bool) -> str:
    direction = " DESC" if descending else ""
    return " ORDER BY " + ", ".join(c + direction for c in columns)


def _indexed_page(conn: Any, plan: _Plan, key: tuple[Any, ...] | None, *, descending: bool,
                  limit: int) -> list[Any]:
    clauses, params = list(plan.clauses), list(plan.params)
    if key is not None:
        bound, bound_params = _beyond(plan.order, key, "<" if descending else ">")
        clauses.append(bound)
        params += bound_params
    elif plan.order in _FIRST_PAGE_BOUND:
        clauses.append(_FIRST_PAGE_BOUND[plan.order])
    source = _FROM
    if plan.order == ORDERS["applicant"]:
        source = _FROM_APPLICANTS_FIRST
        clauses.append(_APPLICANTS_JOINED)
    where = (" WHERE " + " AND ".join(f"({c})" for c in clauses)) if clauses else ""
    sql = (_SELECT + ", " + ", ".join(plan.order) + source + where + _order_by(plan.order, descending) + " LIMIT ?")
    return conn.execute(sql, (*params, limit)).fetchall()


def _word_page(conn: Any, store: Store, plan: _Plan, key: tuple[Any, ...] | None, *, descending: bool,
               limit: int) -> list[Any]:
    """Full-text matches in id order, read a chunk at a time until the page is full."""
    if not plan.words:
        return []
    rows: list[Any] = []
    chunk_size = limit if not plan.clauses else max(limit, WORD_CHUNK)
    where = "".join(f" AND ({c})" for c in plan.clauses)
    for ids in _match_chunks(conn, store, plan.words, key[0] if key else None, descending=descending,
                             size=chunk_size):
        marks = ", ".join("?" * len(ids))
        sql = (_SELECT + ", d.id" + _FROM + f" WHERE d.id IN ({marks})" + where
               + _order_by(_BY_ID, descending) + " LIMIT ?")
        rows += conn.execute(sql, (*ids, *plan.params, limit - len(rows))).fetchall()
        if len(rows) >= limit:
            break
    return rows


def _match_chunks(conn: Any, store: Store, words: list[str], start: int | None, *, descending: bool,
                  size: int) -> Iterator[list[int]]:
    """Ids of dossiers whose folded name or address match ``words``, ``size`` at a time, from ``start``."""
    op, direction = ("<", "DESC") if descending else (">", "ASC")
    sql = f"{store.backend.search_clause()} AND rowid {op} ? ORDER BY rowid {direction} LIMIT ?"
    match = store.backend.search_param(words)
    cursor = start if start is not None else (2**63 - 1 if descending else -1)
    while True:
        ids = [r[0] for r in conn.execute(sql, (match, cursor, size))]
        if ids:
            yield ids
        if len(ids) < size:
            return
        cursor = ids[-1]


def count_dossiers(store: Store, query: DossierQuery = DossierQuery(), *, now: datetime | None = None,
                   cap: int = COUNT_CAP) -> int:
    """How many dossiers match, counting no further than ``cap + 1`` (more than ``cap``)."""
    plan = _plan(query, now or clock.now())
    with store.snapshot() as conn:
        if plan.words == []:
            return 0
        clauses, params = list(plan.clauses), list(plan.params)
        if plan.words is not None:
            if not clauses:  # the full-text index alone answers
                sql = f"SELECT COUNT(*) FROM ({store.backend.search_clause()} LIMIT ?) m"
                return int(conn.execute(sql, (store.backend.search_param(plan.words), cap + 1)).fetchone()[0])
            clauses.insert(0, f"d.id IN ({store.backend.search_clause()})")
            params.insert(0, store.backend.search_param(plan.words))
        joins = " JOIN applicants a ON a.id = d.applicant_id" if any(_APPLICANT.search(c) for c in clauses) else ""
        where = (" WHERE " + " AND ".join(f"({c})" for c in clauses)) if clauses else ""
        sql = f"SELECT COUNT(*) FROM (SELECT 1 FROM dossiers d{joins}{where} LIMIT ?) m"
        return int(conn.execute(sql, (*params, cap + 1)).fetchone()[0])


def search(store: Store, text: str, *, limit: int = 50) -> list[DossierRow]:
    """The search box: name/address fragment, personal ID, phone or dossier code; newest first."""
    return list_dossiers(store, DossierQuery(text=text), limit=limit)
