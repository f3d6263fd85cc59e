"""Decision 766 figures month by month, for the dashboard's trend chart (issue 14).

Each point is :func:`~counter_app.reports.score766.report_766` over one calendar month of the
period, clipped to the period, so a point and the report of that month never disagree; no rule
of which dossiers count lives here. A month costs about 20 ms at 200,000 dossiers, so a year's
trend is a fraction of a second on the read worker.
"""
from __future__ import annotations

from datetime import date, datetime, timedelta

from ..store import Store
from .score766 import Period, report_766

TrendPoint = tuple[date, dict[str, float | None]]


def months(period: Period) -> list[Period]:
    """The calendar months the period touches, each clipped to the period."""
    parts, start = [], period.start
    while start <= period.end:
        next_month = (start.replace(day=1) + timedelta(days=32)).replace(day=1)
        parts.append(Period(start, min(period.end, next_month - timedelta(days=1))))
        start = next_month
    return parts


def trend_766(store: Store, period: Period, *, as_of: datetime | None = None) -> list[TrendPoint]:
    """``(first day of the month, {indicator code: value or None})`` for each month of the period.

    The date is the first day of the calendar month even when the period starts later in it, so
    the points of two periods line up on the chart's month axis.
    """
    points: list[TrendPoint] = []
    for month in months(period):
        figures = report_766(store, month, as_of=as_of).total.figures()
        points.append((month.start.replace(day=1), {f.indicator.code: f.value for f in figures}))
    return points
