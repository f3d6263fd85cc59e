"""The 766 trend: one point per month of the period, each the month's own report."""
from __future__ import annotations

from datetime import date, datetime

import pytest
from report766_seed import MARCH, seed_march

from counter_app.reports.score766 import Period, report_766
from counter_app.reports.trend766 import months, trend_766


def test_a_period_is_cut_into_calendar_months_clipped_to_it() -> None:
    assert months(Period(date(2026, 1, 15), date(2026, 3, 10))) == [
        Period(date(2026, 1, 15), date(2026, 1, 31)),
        Period(date(2026, 2, 1), date(2026, 2, 28)),
        Period(date(2026, 3, 1), date(2026, 3, 10)),
    ]
    assert months(Period(date(2025, 12, 31), date(2025, 12, 31))) == [Period(date(2025, 12, 31), date(2025, 12, 31))]


def test_each_month_point_is_that_months_report(store) -> None:
    seed_march(store)  # G received 27 February, H 1 April
    as_of = datetime(2026, 4, 30, 17, 0)
    points = trend_766(store, Period(date(2026, 2, 20), date(2026, 4, 30)), as_of=as_of)
    assert [day for day, _values in points] == [date(2026, 2, 1), date(2026, 3, 1), date(2026, 4, 1)]
    march = {f.indicator.code: f.value for f in report_766(store, MARCH, as_of=as_of).total.figures()}
    assert points[1][1] == march
    assert march["2.1"] == pytest.approx(0.5) and march["1.4"] == pytest.approx(0.5)
    assert points[0][1]["1.4"] == pytest.approx(1.0)  # G alone in February, synced
    assert points[2][1]["1.4"] == pytest.approx(0.0)  # H alone in April, not synced
    assert points[2][1]["2.1"] == pytest.approx(0.0)  # H open and overdue on 30 April: judged late
