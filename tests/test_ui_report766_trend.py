"""The Chỉ số 766 section's trend chart: one line per percentage indicator, a point per month."""
from __future__ import annotations

from datetime import date, datetime

import pytest
from PySide6.QtCore import QDate
from report766_seed import _receive, seed_march

from counter_app import users
from counter_app.models import Actor, PaymentMethod
from counter_app.reports.score766 import Period, report_766
from ui.report766_page import Report766Page
from ui.trend766_chart import PERCENT_INDICATORS, month_msecs


def test_two_months_give_two_points_per_indicator_equal_to_each_months_report(qtbot, app_context):
    store = app_context.store
    seed_march(store)  # G was received in February
    _receive(store, Actor.of(users.get_user(store, "canbo")), datetime(2026, 2, 26, 9, 0), 9,
             PaymentMethod.TRANSFER)  # so February has a fee to count for 3.6
    page = Report766Page(app_context, today=date(2026, 3, 31))
    qtbot.addWidget(page)
    page.show()
    qtbot.waitUntil(lambda: page.trend.series["1.4"].count() == 1, timeout=10000)  # March alone on opening
    page.start.setDate(QDate(2026, 2, 1))
    with qtbot.waitSignal(page.trend.trendShown, timeout=10000):
        page.compute.click()

    assert [page.trend.series[code].name() for code in ("1.4", "4.2")] == ["1.4 (target 100%)", "4.2 (target 80%)"]
    assert set(page.trend.series) == {"1.4", "2.1", "3.6", "4.1", "4.2", "4.3"} == {i.code for i in PERCENT_INDICATORS}
    assert len({series.pen().color().name() for series in page.trend.series.values()}) == 6  # one colour each
    months = (Period(date(2026, 2, 1), date(2026, 2, 28)), Period(date(2026, 3, 1), date(2026, 3, 31)))
    reports = [{f.indicator.code: f.value for f in report_766(store, m).total.figures()} for m in months]
    for code, series in page.trend.series.items():
        points = [(p.x(), p.y()) for p in series.points()]
        assert [x for x, _y in points] == [month_msecs(m.start) for m in months], code
        assert [y for _x, y in points] == pytest.approx([r[code] * 100 for r in reports]), code
    assert reports[1]["2.1"] == pytest.approx(0.5)  # the March hand count (tests/test_core_report766.py)
    app_context.tasks.wait_idle()
