"""The Chỉ số 766 section's trend chart: each percentage indicator month by month (issue 14).

QtCharts (PySide6-Addons) draws it; the points come from
:func:`counter_app.reports.trend766.trend_766`, one report per month, so a point is the figure the
indicator table shows for that month. A month with nothing to count for an indicator has no point
(a gap is not a zero). Each indicator's target is in its legend entry.
"""
from __future__ import annotations

from datetime import date, datetime

from PySide6.QtCharts import QChart, QChartView, QDateTimeAxis, QLineSeries, QValueAxis
from PySide6.QtCore import QDateTime, Qt, Signal
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import QWidget

from counter_app.reports.indicators766 import INDICATORS, Unit
from counter_app.reports.trend766 import TrendPoint

PERCENT_INDICATORS = tuple(i for i in INDICATORS if i.unit is Unit.RATIO)
# One colour per line, from the Okabe–Ito palette (told apart with the common colour-vision
# deficiencies, and printable); the chart theme's own cycle has five colours for six lines.
LINE_COLOURS = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#D55E00", "#000000")


def month_msecs(day: date) -> int:
    """A month's position on the time axis (local midnight of its first day, as QtCharts reads it)."""
    return int(datetime(day.year, day.month, day.day).timestamp() * 1000)


class TrendChart(QChartView):
    """One line per percentage indicator (1.4, 2.1, 3.6, 4.1, 4.2, 4.3), in percent, by month."""

    trendShown = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setMinimumHeight(220)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # a picture: Tab goes from the table to the breakdown
        chart = QChart()
        chart.setTitle(self.tr("Month by month"))
        chart.legend().setAlignment(Qt.AlignmentFlag.AlignRight)
        self.months_axis = QDateTimeAxis()
        self.months_axis.setFormat("MM/yyyy")
        self.months_axis.setTitleText(self.tr("Month"))
        self.percent_axis = QValueAxis()
        self.percent_axis.setRange(0, 100)
        self.percent_axis.setLabelFormat("%d")
        self.percent_axis.setTitleText(self.tr("Share (%)"))
        chart.addAxis(self.months_axis, Qt.AlignmentFlag.AlignBottom)
        chart.addAxis(self.percent_axis, Qt.AlignmentFlag.AlignLeft)
        self.series: dict[str, QLineSeries] = {}
        for indicator, colour in zip(PERCENT_INDICATORS, LINE_COLOURS, strict=True):
            series = QLineSeries()
            series.setPen(QPen(QColor(colour), 2))
            series.setName(self.tr("{code} (target {target}%)").format(
                code=indicator.code, target=round(indicator.target * 100)))
            series.setPointsVisible(True)  # a month alone between gaps still shows
            chart.addSeries(series)
            series.attachAxis(self.months_axis)
            series.attachAxis(self.percent_axis)
            self.series[indicator.code] = series
        self.setChart(chart)

    def show_trend(self, points: list[TrendPoint]) -> None:
        for code, series in self.series.items():
            series.clear()
            for month, values in points:
                value = values.get(code)
                if value is not None:
                    series.append(month_msecs(month), value * 100)
        if points:
            first, last = month_msecs(points[0][0]), month_msecs(points[-1][0])
            self.months_axis.setRange(QDateTime.fromMSecsSinceEpoch(first),
                                      QDateTime.fromMSecsSinceEpoch(max(last, first + 1)))
            self.months_axis.setTickCount(max(2, min(len(points), 12)))
        self.trendShown.emit()
