"""Decision 766/QĐ-TTg figures for a period, from bounded queries over the period's dossiers.

Which dossiers count (the one place these rules live; the dashboard's drill-down reuses them):

- The **cohort** is the dossiers *received* in the period (``received_at`` in [from, to], both
  days included), optionally one clerk's (who received them) or one procedure's. Dossiers the
  portal registered online and the counter has not received (``registered``) are left out.
- **1.4 synced**: a cohort dossier the portal has confirmed (a ``portal_dossiers`` row).
- **2.1 on time**: a dossier is *judged* when it is finished (a result is ready or it was
  returned: ``result_ready_at`` or else ``returned_at``) or when it is still open and its due time
  has passed at ``as_of`` (it can only be late). It is *on time* when it finished at or before
  ``due_at``. Refused, withdrawn and stopped dossiers are not judged (no result was owed).
- **2.2 average time**: over the finished dossiers, the working days from the day received to
  the day finished (``WorkCalendar.working_days_between``: a result the same day is 0 days); its
  score compares the average allotted working days (received → due) with that average.
- **3.6 transfer share**: the fee lines of cohort dossiers that were to be paid (amount > 0, not
  exempt, not an insurance contribution: ``models.CONTRIBUTION_PREFIX``); a line paid by ``transfer`` counts.
- **4.1 electronic result**: a finished dossier with a result file attached
  (``dossier_attachments`` of kind ``result``), over the finished dossiers. Here and below a
  withdrawn copy (``attachments.withdraw``) counts for nothing.
- **4.2 digitised**: a finished dossier with a result file *and* a file for every paper it was
  received with, over the finished dossiers. Papers only shown ("xuất trình": the form chosen or
  the catalogue's name, ``counter_app.digitisation``) are exempt and never make a dossier undigitised.
- **4.3 reuse**: a cohort dossier with at least one paper whose electronic copy was reused from
  another dossier of the same citizen (``dossier_attachments.reused_from``, ``counter_app.reuse``),
  over *every* cohort dossier. That denominator is the national portal's: its description of how
  the 766 indicators are computed ("Mô tả công thức tính chỉ số 766", as reproduced in a public
  repository) counts "tổng số hồ sơ TTHC có ngày tiếp nhận trong kỳ … có ít nhất 1 thành phần hồ
  sơ được đánh dấu tái sử dụng dữ liệu số hóa" over "tổng số hồ sơ có ngày tiếp nhận trong kỳ",
  full points from 80%. The Decision's own annex text was not found to confirm it, so the formula
  is the portal's reading, not a quotation of the Decision.
"""
from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from .. import clock
from ..attachments import current_sql
from ..digitisation import needs_scan_sql
from ..errors import ValidationError
from ..models import CONTRIBUTION_PREFIX
from ..office import load_calendar
from ..store import Store
from ..workdays import MAX_WORKING_DAYS
from .indicators766 import BY_CODE, INDICATORS, Indicator, Unit, score

NO_DOSSIERS = "không có dữ liệu: không có hồ sơ nào thuộc chỉ số trong kỳ"
# A due time is at most MAX_WORKING_DAYS working days after receipt: this many calendar days cover it.
_DUE_REACH = timedelta(days=MAX_WORKING_DAYS * 7 // 5 + 60)

# The rules above, as SQL the report aggregates and the drill-down filters. The period is read
# through the received_at index (a test reads EXPLAIN QUERY PLAN); portal rows, files and
# working-day ordinals are looked up per dossier through their primary keys or indexes, each once:
# ``dossier_facts`` is MATERIALIZED because SQLite would otherwise copy a column's expression, subqueries
# and all, into every aggregate that names it (``e_result`` was looked up twice per dossier, the
# receipt day's ordinal twice). A dossier's papers are read only when its result file exists:
# without it the dossier is not digitised whatever its papers (issue 14: < 1 s at 200,000).
_COHORT = """
WITH cohort AS (
    SELECT d.id, d.code, d.received_at, d.received_by, d.procedure_id, d.due_at,
           COALESCE(d.result_ready_at, d.returned_at) AS finished_at,
           d.status NOT IN ('refused', 'withdrawn', 'stopped') AS owed
    FROM dossiers d
    WHERE d.received_at >= :start AND d.received_at < :end AND d.status != 'registered'
      AND (CAST(:clerk AS TEXT) IS NULL OR d.received_by IN (SELECT id FROM users WHERE username = :clerk))
      AND (CAST(:procedure AS TEXT) IS NULL
           OR d.procedure_id IN (SELECT id FROM procedures WHERE code = :procedure))
)"""
_FACTS = _COHORT + f""", dossier_facts AS MATERIALIZED (
    SELECT c.id, c.code, c.received_at, c.received_by, c.procedure_id,
           EXISTS (SELECT 1 FROM portal_dossiers pd WHERE pd.dossier_id = c.id) AS synced,
           c.owed AND (c.finished_at IS NOT NULL OR c.due_at < :as_of) AS judged,
           c.owed AND c.finished_at IS NOT NULL AND c.finished_at <= c.due_at AS on_time,
           c.finished_at IS NOT NULL AS finished,
           CASE WHEN c.finished_at IS NOT NULL THEN
               (SELECT n FROM report_workdays WHERE day = substr(c.received_at, 1, 10)) END AS received_n,
           (SELECT n FROM report_workdays WHERE day = substr(c.finished_at, 1, 10)) AS finished_n,
           CASE WHEN c.finished_at IS NOT NULL THEN
               (SELECT n FROM report_workdays WHERE day = substr(c.due_at, 1, 10)) END AS due_n,
           -- 0: no electronic result; 1: a result file; 2: a result file and every paper's
           CASE WHEN c.finished_at IS NOT NULL AND EXISTS (SELECT 1 FROM dossier_attachments a
               WHERE a.dossier_id = c.id AND a.kind = 'result' AND {current_sql('a')})
           THEN CASE WHEN EXISTS (SELECT 1 FROM dossier_papers dp
               WHERE dp.dossier_id = c.id AND dp.received != 0 AND {needs_scan_sql('dp')}
               AND NOT EXISTS (SELECT 1 FROM dossier_attachments a
                   WHERE a.dossier_id = c.id AND a.kind = 'paper' AND a.paper_position = dp.position
                   AND {current_sql('a')}))
           THEN 1 ELSE 2 END
           ELSE 0 END AS digitisation,
           -- only papers are reused (counter_app.reuse); the partial index holds just those rows
           EXISTS (SELECT 1 FROM dossier_attachments a WHERE a.dossier_id = c.id
               AND a.reused_from IS NOT NULL AND {current_sql('a')}) AS reused
    FROM cohort c
)"""
# Fees only: an insurance contribution (``CONTRIBUTION_PREFIX``) is not a phí, lệ phí.
_FEE_LINE = f"f.name NOT LIKE '{CONTRIBUTION_PREFIX}%'"
_PAYABLE = f"f.amount_vnd > 0 AND f.method != 'exempt' AND {_FEE_LINE}"
_BY_TRANSFER = f"f.amount_vnd > 0 AND f.method = 'transfer' AND {_FEE_LINE}"
_TALLY_SQL = _FACTS + """
SELECT received_by, procedure_id, count(*) AS received, count(*) FILTER (WHERE synced) AS synced,
       count(*) FILTER (WHERE judged) AS judged, count(*) FILTER (WHERE on_time) AS on_time,
       count(*) FILTER (WHERE finished) AS finished,
       sum(finished_n - received_n) AS working_days, sum(due_n - received_n) AS allotted_days,
       count(*) FILTER (WHERE digitisation >= 1) AS with_result,
       count(*) FILTER (WHERE digitisation = 2) AS digitised, count(*) FILTER (WHERE reused) AS reused
FROM dossier_facts GROUP BY received_by, procedure_id
"""
_FEES_SQL = _COHORT + f"""
SELECT c.received_by, c.procedure_id, count(*) AS payable,
       count(*) FILTER (WHERE f.method = 'transfer') AS by_transfer
FROM cohort c JOIN dossier_fees f ON f.dossier_id = c.id AND {_PAYABLE}
GROUP BY c.received_by, c.procedure_id
"""
_LABELS_SQL = "SELECT 'u' AS kind, id, username AS key, full_name AS label FROM users" \
              " UNION ALL SELECT 'p', id, code, name FROM procedures"
# What puts a dossier in each indicator's numerator and denominator (conditions on ``dossier_facts``).
_MEMBERSHIP = {
    "1.4": ("synced", "TRUE"),
    "2.1": ("on_time", "judged"),
    "2.2": ("finished", "finished"),
    "4.1": ("digitisation >= 1", "finished"),
    "4.2": ("digitisation = 2", "finished"),
    "4.3": ("reused", "TRUE"),
    "3.6": (f"EXISTS (SELECT 1 FROM dossier_fees f WHERE f.dossier_id = dossier_facts.id AND {_BY_TRANSFER})",
            f"EXISTS (SELECT 1 FROM dossier_fees f WHERE f.dossier_id = dossier_facts.id AND {_PAYABLE})"),
}
_COUNTS = ("received", "synced", "judged", "on_time", "finished", "working_days", "allotted_days",
           "payable", "by_transfer", "with_result", "digitised", "reused")


@dataclass(frozen=True)
class Period:
    start: date
    end: date  # included

    def __post_init__(self) -> None:
        if self.end < self.start:
            raise ValidationError("Ngày cuối kỳ phải không trước ngày đầu kỳ.")
        if (self.end - self.start).days > 3660:
            raise ValidationError("Kỳ báo cáo dài quá 10 năm.")

    def bounds(self) -> tuple[str, str]:
        return self.start.isoformat(), (self.end + timedelta(days=1)).isoformat()


@dataclass(frozen=True)
class Figure:
    """One indicator's result: ``value`` is None (with ``reason``) when there is nothing to count."""

    indicator: Indicator
    numerator: float | None
    denominator: int | None
    value: float | None
    score: float | None
    reason: str = ""


@dataclass
class Tally:
    """Counts of one group of dossiers (the whole office, one clerk or one procedure)."""

    label: str = ""
    received: int = 0
    synced: int = 0
    judged: int = 0
    on_time: int = 0
    finished: int = 0
    working_days: int = 0
    allotted_days: int = 0
    payable: int = 0
    by_transfer: int = 0
    with_result: int = 0
    digitised: int = 0
    reused: int = 0

    def figures(self) -> list[Figure]:
        return [_figure(indicator, self) for indicator in INDICATORS]

    def add(self, row: sqlite3.Row) -> None:
        for name in row.keys():
            if name in _COUNTS:
                setattr(self, name, getattr(self, name) + int(row[name] or 0))  # PostgreSQL sums are numeric


@dataclass
class Report766:
    period: Period
    as_of: datetime
    total: Tally
    by_clerk: dict[str, Tally] = field(default_factory=dict)
    by_procedure: dict[str, Tally] = field(default_factory=dict)


def _ratio_figure(indicator: Indicator, numerator: int, denominator: int) -> Figure:
    if not denominator:
        return Figure(indicator, None, 0, None, None, NO_DOSSIERS)
    value = numerator / denominator
    return Figure(indicator, numerator, denominator, value, score(indicator, value))


def _figure(indicator: Indicator, t: Tally) -> Figure:
    if indicator.code == "1.4":
        return _ratio_figure(indicator, t.synced, t.received)
    if indicator.code == "2.1":
        return _ratio_figure(indicator, t.on_time, t.judged)
    if indicator.code == "3.6":
        return _ratio_figure(indicator, t.by_transfer, t.payable)
    if indicator.code == "4.1":
        return _ratio_figure(indicator, t.with_result, t.finished)
    if indicator.code == "4.2":
        return _ratio_figure(indicator, t.digitised, t.finished)
    if indicator.unit is Unit.DAYS:
        if not t.finished:
            return Figure(indicator, None, 0, None, None, NO_DOSSIERS)
        average = t.working_days / t.finished
        ratio = 1.0 if t.working_days <= 0 else t.allotted_days / t.working_days
        return Figure(indicator, t.working_days, t.finished, average, score(indicator, ratio))
    return _ratio_figure(indicator, t.reused, t.received)  # 4.3


def _load_workdays(conn: sqlite3.Connection, period: Period, as_of: datetime, *, sqlite: bool) -> None:
    """Working days counted from the period's first day, one row per day, in a temporary table.

    The calendar answers one day at a time (holidays, office overrides); the query subtracts two
    ordinals instead, which is ``WorkCalendar.working_days_between`` for every dossier at once.
    The days run to whichever is later of ``as_of`` (no result is dated after it) and the latest
    due time a dossier of the period can have. Nothing in the database file changes.
    """
    calendar = load_calendar(conn)
    day, last = period.start, max(as_of.date(), period.end + _DUE_REACH)
    rows, count = [], 0
    while day <= last:
        rows.append((day.isoformat(), count))
        day += timedelta(days=1)
        count += calendar.is_working_day(day)
    conn.execute("CREATE TEMP TABLE IF NOT EXISTS report_workdays (day TEXT PRIMARY KEY, n INTEGER NOT NULL)"
                 + (" WITHOUT ROWID" if sqlite else ""))
    conn.execute("DELETE FROM report_workdays")  # a temporary table comes first wherever the name is looked up
    conn.executemany("INSERT INTO report_workdays (day, n) VALUES (?, ?)", rows)


_NAMED = re.compile(r":([a-z_]+)")


def _bound(sql: str, period: Period, as_of: datetime, clerk: str | None,
           procedure: str | None) -> tuple[str, tuple[object, ...]]:
    """``sql`` with its ``:name`` parameters as ``?`` and their values in order: both stores take that."""
    start, end = period.bounds()
    named = {"start": start, "end": end, "as_of": clock.to_db(as_of), "clerk": clerk, "procedure": procedure}
    return _NAMED.sub("?", sql), tuple(named[name] for name in _NAMED.findall(sql))


def _as_of(period: Period, as_of: datetime | None) -> datetime:
    """Open dossiers are judged late against the end of the period, or now if that is earlier."""
    end_of_period = datetime.combine(period.end + timedelta(days=1), datetime.min.time())
    return min(as_of or clock.now(), end_of_period)


def report_766(store: Store, period: Period, *, as_of: datetime | None = None, clerk: str | None = None,
               procedure: str | None = None) -> Report766:
    """The office's figures for ``period``, with the same figures per clerk and per procedure."""
    when = _as_of(period, as_of)
    report = Report766(period, when, Tally("Toàn đơn vị"))
    with store.snapshot() as conn:  # the read connection: a save never waits for the report
        _load_workdays(conn, period, when, sqlite=store.backend.name == "sqlite")
        labels = {(r["kind"], r["id"]): (r["key"], r["label"]) for r in conn.execute(_LABELS_SQL)}
        for sql in (_TALLY_SQL, _FEES_SQL):
            for row in conn.execute(*_bound(sql, period, when, clerk, procedure)):
                report.total.add(row)
                for tallies, kind, column in ((report.by_clerk, "u", "received_by"),
                                              (report.by_procedure, "p", "procedure_id")):
                    key, label = labels[(kind, row[column])]
                    tallies.setdefault(key, Tally(label)).add(row)
    return report


def dossiers_behind(store: Store, period: Period, code: str, *, numerator: bool = True,
                    as_of: datetime | None = None, clerk: str | None = None,
                    procedure: str | None = None) -> list[str]:
    """Codes of the dossiers counted in one indicator's numerator (or denominator), oldest first."""
    if code not in BY_CODE:
        raise ValidationError(f"Không có chỉ số {code}.")
    when = _as_of(period, as_of)
    condition = _MEMBERSHIP[code][0 if numerator else 1]
    sql = _FACTS + f" SELECT code FROM dossier_facts WHERE {condition} ORDER BY received_at, id"
    with store.snapshot() as conn:  # the read connection: a save never waits for the report
        _load_workdays(conn, period, when, sqlite=store.backend.name == "sqlite")
        return [row[0] for row in conn.execute(*_bound(sql, period, when, clerk, procedure))]
