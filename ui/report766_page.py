"""Chỉ số 766 (F8, supervisors): the Decision 766 figures for a period, where they come from, and
the dossiers behind each number.

The report runs on the database worker (200,000 dossiers take under a second or two); the tables
show the rows :mod:`counter_app.reports.table766` builds, so the screen, the workbook and the PDF never
disagree. Enter or a double-click on an indicator (or on a clerk's or procedure's figure) lists the
dossiers counted in it; Enter on a code opens the dossier as everywhere else.
"""
from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, QSize, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QPushButton,
    QSizePolicy,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from counter_app import clock, office
from counter_app.reports.score766 import Period, Report766, dossiers_behind, report_766
from counter_app.reports.table766 import BREAKDOWN_CODES, breakdown_rows, indicator_rows, write_xlsx
from counter_app.reports.trend766 import trend_766
from printing.pdf import write_pdf
from printing.report766 import report_766_pdf

from .context import AppContext
from .dossier_detail import DossierDetail
from .trend766_chart import TrendChart
from .widgets.fields import ERROR_LABEL_STYLE


def _fill(table: QTableWidget, rows: list[tuple[str, ...]]) -> None:
    table.setRowCount(len(rows))
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            item = QTableWidgetItem(text)
            item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
            table.setItem(r, c, item)


def _table(headers: list[str], *, stretch: int, table: QTableWidget | None = None) -> QTableWidget:
    """Column ``stretch`` takes the width the others leave, so nothing scrolls sideways; rows are as
    tall as their wrapped text at the width they get (recomputed when the width changes)."""
    table = table or QTableWidget(0, len(headers))
    table.setColumnCount(len(headers))
    table.setHorizontalHeaderLabels(headers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setWordWrap(True)
    header = table.horizontalHeader()
    header.setStretchLastSection(False)
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    table.verticalHeader().setVisible(False)
    table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    return table


class WholeTable(QTableWidget):
    """A short table (the seven indicators) that asks for the height of all its rows: it is what the
    section is read for, so it never scrolls; the chart and the breakdown share what is left."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.verticalHeader().sectionResized.connect(lambda *_args: self.updateGeometry())
        self.model().rowsInserted.connect(lambda *_args: self.updateGeometry())

    def sizeHint(self) -> QSize:
        rows = sum(self.rowHeight(row) for row in range(self.rowCount()))
        return QSize(super().sizeHint().width(), self.horizontalHeader().height() + rows + 2 * self.frameWidth())

    def minimumSizeHint(self) -> QSize:
        return self.sizeHint()


class DrillDownDialog(QDialog):
    """The codes of the dossiers behind one number; Enter or a double-click opens one."""

    def __init__(self, context: AppContext, title: str, codes: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.setWindowTitle(title)
        self.codes = QListWidget(self)
        self.codes.addItems(codes)
        self.codes.setCurrentRow(0)
        self.codes.itemActivated.connect(lambda item: self.open_dossier(item.text()))
        self.detail: DossierDetail | None = None
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("{count} dossiers").format(count=len(codes)), self))
        layout.addWidget(self.codes)
        close = QPushButton(self.tr("Close"), self)
        close.setAutoDefault(False)  # Enter on a code opens it; it must not also close the list
        close.clicked.connect(self.accept)
        layout.addWidget(close)
        self.resize(420, 480)

    def open_dossier(self, code: str) -> DossierDetail:
        self.detail = DossierDetail(self.context, code, self)
        self.detail.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.detail.open()
        return self.detail


class Report766Page(QWidget):
    """Period pickers, the indicator table, a per-clerk or per-procedure table, exports."""

    reportShown = Signal()
    drillShown = Signal(object)  # the DrillDownDialog, for tests
    exported = Signal(str)

    def __init__(self, context: AppContext, parent: QWidget | None = None, *, today: date | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.report: Report766 | None = None
        today = today or clock.now().date()
        self.start = self._date_edit(today.replace(day=1))
        self.end = self._date_edit(today)
        self.compute = QPushButton(self.tr("&Compute"), self)
        self.compute.clicked.connect(self.refresh)
        self.export_pdf = QPushButton(self.tr("Export P&DF…"), self)
        self.export_pdf.clicked.connect(lambda: self._export("pdf"))
        self.export_xlsx = QPushButton(self.tr("Export to E&xcel…"), self)
        self.export_xlsx.clicked.connect(lambda: self._export("xlsx"))
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.indicators = _table([self.tr("Code"), self.tr("Indicator"), self.tr("Formula"), self.tr("Target"),
                                  self.tr("Value"), self.tr("Points"), self.tr("Max")], stretch=2,
                                 table=WholeTable(self))
        header = self.indicators.horizontalHeader()
        for column, width in ((1, 230), (4, 230)):  # wrapped sentences: two lines each at 1366 px
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            self.indicators.setColumnWidth(column, width)
        self.indicators.activated.connect(lambda index: self.drill(self._indicator_code(index.row())))
        self.trend = TrendChart(self)
        self.breakdown_kind = QComboBox(self)
        self.breakdown_kind.addItem(self.tr("By clerk"), "clerk")
        self.breakdown_kind.addItem(self.tr("By procedure"), "procedure")
        self.breakdown_kind.currentIndexChanged.connect(lambda _i: self._show_breakdown())
        self.breakdown = _table([self.tr("Name"), self.tr("Dossiers"), *BREAKDOWN_CODES, self.tr("Points")], stretch=0)
        self.breakdown.activated.connect(lambda index: self._drill_breakdown(index.row(), index.column()))
        self._breakdown_keys: list[str] = []
        self._asked = False
        self._layout()

    def _date_edit(self, value: date) -> QDateEdit:
        edit = QDateEdit(QDate(value.year, value.month, value.day), self)
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("dd/MM/yyyy")
        return edit

    def _layout(self) -> None:
        top = QHBoxLayout()
        for text, widget in ((self.tr("&From:"), self.start), (self.tr("&To:"), self.end)):
            label = QLabel(text, self)
            label.setBuddy(widget)
            top.addWidget(label)
            top.addWidget(widget)
        for widget in (self.compute, self.export_pdf, self.export_xlsx):
            top.addWidget(widget)
        top.addStretch(1)
        kind_label = QLabel(self.tr("&Breakdown:"), self)
        kind_label.setBuddy(self.breakdown_kind)
        middle = QHBoxLayout()
        middle.addWidget(kind_label)
        middle.addWidget(self.breakdown_kind)
        middle.addStretch(1)
        breakdown = QWidget(self)
        column = QVBoxLayout(breakdown)
        column.setContentsMargins(0, 0, 0, 0)
        column.addLayout(middle)
        column.addWidget(self.breakdown)
        # The chart beside the breakdown, not above it: under the seven whole indicator rows a
        # 1366×768 screen has some 300 px left, enough for both side by side, not for both stacked.
        below = QSplitter(Qt.Orientation.Horizontal, self)
        below.addWidget(self.trend)
        below.addWidget(breakdown)
        below.setStretchFactor(0, 1)
        below.setStretchFactor(1, 1)
        below.setSizes([1, 1])  # half each to start: the legend names each indicator's target
        below.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr(
            "Decision 766/QĐ-TTg indicators for the dossiers received in the period. "
            "Enter or double-click a figure to see its dossiers."), self))
        layout.addLayout(top)
        layout.addWidget(self.message)
        layout.addWidget(self.indicators)
        layout.addWidget(below, 1)
        self.setTabOrder(self.start, self.end)
        self.setTabOrder(self.end, self.compute)

    def showEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        """The first time the section opens, this month's figures are computed without asking."""
        super().showEvent(event)
        if self.report is None and not self._asked:
            self._asked = True
            self.refresh()

    # -- figures ----------------------------------------------------------------------------
    def period(self) -> Period | None:
        start, end = self.start.date().toPython(), self.end.date().toPython()
        if end < start:
            self._say(self.tr("The end of the period is before its start."), error=True)
            return None
        return Period(start, end)

    def refresh(self) -> None:
        period = self.period()
        if period is None:
            return
        self._say(self.tr("Computing…"))
        self.context.tasks.run_read(report_766, self.context.store, period, on_done=self.show_report,
                                    on_error=self._failed)
        self.context.tasks.run_read(trend_766, self.context.store, period, on_done=self.trend.show_trend,
                                    on_error=self._failed)

    def show_report(self, report: Report766) -> None:
        self.report = report
        self._say(self.tr("{count} dossiers received from {start} to {end}.").format(
            count=report.total.received, start=f"{report.period.start:%d/%m/%Y}", end=f"{report.period.end:%d/%m/%Y}"))
        _fill(self.indicators, indicator_rows(report.total))
        self._show_breakdown()
        self.indicators.setCurrentCell(0, 0)
        self.reportShown.emit()

    def _show_breakdown(self) -> None:
        if self.report is None:
            return
        tallies = self.report.by_clerk if self.breakdown_kind.currentData() == "clerk" else self.report.by_procedure
        rows = breakdown_rows(tallies)
        self._breakdown_keys = [key for key, _t in sorted(tallies.items(), key=lambda item: item[1].label)]
        _fill(self.breakdown, rows)

    def _indicator_code(self, row: int) -> str:
        item = self.indicators.item(row, 0)
        return item.text() if item else ""

    def _say(self, text: str, *, error: bool = False) -> None:
        self.message.setStyleSheet(ERROR_LABEL_STYLE if error else "")
        self.message.setText(text)

    def _failed(self, exc: BaseException) -> None:
        self._say(self.tr("The report could not be made: {reason}").format(reason=str(exc) or type(exc).__name__),
                  error=True)

    # -- drill-down -------------------------------------------------------------------------
    def _drill_breakdown(self, row: int, column: int) -> None:
        code_column = column - 2
        if not 0 <= code_column < len(BREAKDOWN_CODES) or row >= len(self._breakdown_keys):
            return
        key = self._breakdown_keys[row]
        by = {"clerk": key} if self.breakdown_kind.currentData() == "clerk" else {"procedure": key}
        self.drill(BREAKDOWN_CODES[code_column], **by)

    def drill(self, code: str, *, clerk: str | None = None, procedure: str | None = None) -> None:
        if self.report is None or not code:
            return
        report = self.report
        self.context.tasks.run_read(
            lambda: dossiers_behind(self.context.store, report.period, code, as_of=report.as_of, clerk=clerk,
                                    procedure=procedure),
            on_done=lambda codes: self._show_drill(code, codes), on_error=self._failed)

    def _show_drill(self, code: str, codes: list[str]) -> None:
        dialog = DrillDownDialog(self.context, self.tr("Dossiers counted in {code}").format(code=code), codes, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        self.drillShown.emit(dialog)

    # -- exports ----------------------------------------------------------------------------
    def ask_save_path(self, kind: str) -> str:
        """The file to write ("" when cancelled); tests replace this."""
        stem = "chi-so-766"
        if self.report is not None:
            stem += f"-{self.report.period.start:%Y%m%d}-{self.report.period.end:%Y%m%d}"
        file_filter = self.tr("PDF files (*.pdf)") if kind == "pdf" else self.tr("Excel workbooks (*.xlsx)")
        path, _filter = QFileDialog.getSaveFileName(self, self.tr("Export"), f"{stem}.{kind}", file_filter)
        return path

    def _export(self, kind: str) -> None:
        if self.report is None:
            self._say(self.tr("Compute the figures first."), error=True)
            return
        path = self.ask_save_path(kind)
        if not path:
            return
        if not path.lower().endswith(f".{kind}"):
            path += f".{kind}"
        report, store = self.report, self.context.store

        def write() -> str:
            if kind == "xlsx":
                return str(write_xlsx(report, path))
            return str(write_pdf(report_766_pdf(report, office.get_office(store), on=clock.now().date()), path))

        self.context.tasks.run_db(write, on_done=self._exported, on_error=self._failed)

    def _exported(self, path: str) -> None:
        self._say(self.tr("Saved to {path}.").format(path=path))
        self.exported.emit(path)
