"""Hồ sơ / Trả kết quả: the dossier list over the whole store, searched as staff type.

The model never loads the list: it asks for a capped count and the first page of 200 rows,
then, as the view scrolls to the end of what it holds, for the page after the last row's key
(keyset paging, :func:`counter_app.search.list_dossiers`): each page is an index walk, as cheap
at the millionth row as at the first, where ``OFFSET`` pages took half a second at 1,000,000
dossiers. Past 10,000 the count says "more than 10,000". The queries run on the task runner's
read thread and the store's read connection, so a save never waits behind them. Every query
carries a generation number; results of a query the user has already replaced are thrown
away, so a slow answer never overwrites a newer one.
"""
from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from counter_app import clock
from counter_app.catalogue import list_procedures
from counter_app.dossiers import get_dossier
from counter_app.models import Dossier, Role
from counter_app.search import COUNT_CAP, DossierQuery, DossierRow, count_dossiers, list_dossiers
from counter_app.states import OPEN_STATES, STATUS_LABEL_VI, Action, Status
from counter_app.workdays import due_state

from .action_dialogs import ActionDialog, ask_and_run
from .context import AppContext
from .dossier_detail import DossierDetail
from .i18n import format_datetime
from .widgets.dossier_filters import DossierFilters

PAGE_SIZE = 200
KEPT_ON_REFRESH = 5_000  # rows a refresh reads again so the list does not fall back to its first page

DUE_COLOURS = {
    "overdue": QColor("#ffcdd2"),
    "due_today": QColor("#fff0b3"),
    "on_time": QColor("#e3f4e4"),
}

# The query sort key of each column, or None when the column cannot be sorted.
COLUMNS: tuple[str | None, ...] = ("code", "applicant", None, "status", "received_at", "due_at", None)

Index = QModelIndex | QPersistentModelIndex


class DossierTableModel(QAbstractTableModel):
    """Rows of :func:`counter_app.search.list_dossiers`, a page at a time as the view reaches the end."""

    loaded = Signal(int)  # a new query's count (at most count_cap + 1) and first page arrived
    pageLoaded = Signal(int)  # a further page arrived: the rows now held
    failed = Signal(str)

    count_cap = COUNT_CAP  # counting stops here: "more than 10,000"

    def __init__(self, context: AppContext, *, page_size: int = PAGE_SIZE, parent: Any = None) -> None:
        super().__init__(parent)
        self.context = context
        self.page_size = page_size
        self.query = DossierQuery()
        self.generation = 0
        self.shown_generation = 0  # the query whose rows are on screen
        self.total = 0  # the capped count
        self.rows: list[DossierRow] = []
        self.exhausted = True  # the last page read was the list's end
        self.in_flight = False  # a next page is being read
        self.now = clock.now()
        self.headers = [self.tr("Dossier code"), self.tr("Applicant"), self.tr("Procedure"), self.tr("Status"),
                        self.tr("Received"), self.tr("Due"), self.tr("Received by")]

    # -- queries ---------------------------------------------------------------------------

    def set_query(self, query: DossierQuery, *, rows: int = 0) -> None:
        """Replace the query; the old rows stay on screen until the new ones arrive.

        The first page, or ``rows`` and a page more (up to KEPT_ON_REFRESH) in one read: a view
        already scrolled to the end of what it held has rows below again, so scrolling on reads
        the next page (a view asks for more only when its scroll bar moves to the end).
        """
        self.generation += 1
        self.query = query
        generation, store, cap = self.generation, self.context.store, self.count_cap
        size = min(rows, KEPT_ON_REFRESH) + self.page_size

        def fetch() -> tuple[int, datetime, list[DossierRow], bool] | None:
            if generation != self.generation:  # typed over while queued: skip the work
                return None
            now = clock.now()
            count = count_dossiers(store, query, now=now, cap=cap)
            first = list_dossiers(store, query, limit=size, now=now)
            return count, now, first, len(first) < size

        self.context.tasks.run_read(fetch, on_done=lambda r: self._reset(generation, r), on_error=self._on_error)

    def refresh(self) -> None:
        """The same query again after a change (here or at another counter), keeping the rows read so far."""
        self.set_query(self.query, rows=len(self.rows))

    def more_than_counted(self) -> bool:
        """The count stopped at its cap: the list holds more than ``count_cap`` dossiers."""
        return self.total > self.count_cap

    def _reset(self, generation: int, result: tuple[int, datetime, list[DossierRow], bool] | None) -> None:
        if result is None or generation != self.generation:
            return
        total, now, first, exhausted = result
        self.beginResetModel()
        self.total, self.now = total, now
        self.shown_generation = generation
        self.rows = first
        self.exhausted = exhausted
        self.in_flight = False
        self.endResetModel()
        self.loaded.emit(total)

    def _on_error(self, exc: BaseException) -> None:
        self.in_flight = False
        self.failed.emit(str(exc))

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:
        return not parent.isValid() and not self.exhausted and self.shown_generation == self.generation

    def fetchMore(self, parent: Index = QModelIndex()) -> None:
        """The page after the last row held, read from that row's key onwards."""
        if self.in_flight or not self.canFetchMore(parent) or not self.rows:
            return
        self.in_flight = True
        generation, store, query, size = self.generation, self.context.store, self.query, self.page_size
        key = self.rows[-1].sort_key

        def fetch() -> list[DossierRow] | None:
            if generation != self.generation:
                return None
            return list_dossiers(store, query, after=key, limit=size)

        self.context.tasks.run_read(fetch, on_done=lambda rows: self._append(generation, rows),
                                    on_error=self._on_error)

    def _append(self, generation: int, rows: list[DossierRow] | None) -> None:
        if generation != self.generation or rows is None:
            return  # a reset already cleared in_flight
        self.in_flight = False
        self.exhausted = len(rows) < self.page_size
        if rows:
            self.beginInsertRows(QModelIndex(), len(self.rows), len(self.rows) + len(rows) - 1)
            self.rows += rows
            self.endInsertRows()
        self.pageLoaded.emit(len(self.rows))

    # -- Qt model API ----------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headers[section]
        return None

    def row_at(self, row: int) -> DossierRow | None:
        return self.rows[row] if 0 <= row < len(self.rows) else None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.BackgroundRole, Qt.ItemDataRole.ToolTipRole,
                        Qt.ItemDataRole.UserRole):
            return None
        row = self.row_at(index.row())
        if row is None:
            return None
        if role == Qt.ItemDataRole.UserRole:
            return row
        if role == Qt.ItemDataRole.BackgroundRole:
            state = self.due_state(row)
            return QBrush(DUE_COLOURS[state]) if state else None
        if role == Qt.ItemDataRole.ToolTipRole:
            if index.column() == 2:
                return row.summary or row.procedure_name  # trích yếu, for whom; longer than its column
            state = self.due_state(row)
            return {"overdue": self.tr("Overdue"), "due_today": self.tr("Due today"),
                    "on_time": self.tr("On time")}.get(state or "", None)
        return self._display(row, index.column())

    def due_state(self, row: DossierRow) -> str | None:
        return due_state(row.due_at, self.now) if row.status in OPEN_STATES else None

    def _display(self, row: DossierRow, column: int) -> str:
        values = (row.code, row.applicant_name, row.procedure_name, STATUS_LABEL_VI[row.status],
                  format_datetime(row.received_at), format_datetime(row.due_at), row.received_by_name)
        return values[column]

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        key = COLUMNS[column]
        if key is None:
            return
        self.set_query(replace(self.query, sort=key, descending=order == Qt.SortOrder.DescendingOrder))

    def code_at(self, row: int) -> str | None:
        dossier = self.row_at(row)
        return dossier.code if dossier else None


class DossiersPage(QWidget):
    """Hồ sơ: filter bar, the list, Enter or double-click opens the dossier.

    Signals: ``dossierOpened(code)``, ``dailyLogRequested()`` (supervisors' Sổ theo dõi
    button, for the printing integration), ``printRequested(kind, code)`` forwarded from the
    detail dialog.
    """

    dossierOpened = Signal(str)
    dailyLogRequested = Signal()
    printRequested = Signal(str, str)
    fixed_statuses: frozenset[Status] = frozenset()

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.detail: DossierDetail | None = None
        self.open_when_loaded = False  # Enter pressed in the search box before its results came in
        self.filters = DossierFilters(self)
        self.model = DossierTableModel(context, parent=self)
        self.view = QTableView(self)
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setWordWrap(False)
        self.view.setAlternatingRowColors(False)
        rows = self.view.verticalHeader()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)  # uniform rows: scrolling 200,000 stays O(screen)
        rows.setDefaultSectionSize(self.fontMetrics().height() + 8)
        rows.hide()
        columns = self.view.horizontalHeader()
        for column, width in enumerate((190, 170, 300, 130, 120, 120, 160)):  # the clerk by full name
            self.view.setColumnWidth(column, width)
        columns.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)  # the procedure takes the spare width
        columns.setSortIndicator(4, Qt.SortOrder.DescendingOrder)
        columns.setSortIndicatorShown(True)
        columns.setSectionsClickable(True)
        columns.sortIndicatorChanged.connect(self.model.sort)
        self.count_label = QLabel(self)
        self.daily_log_button = QPushButton(self.tr("Dossier tracking &log"), self)
        self.daily_log_button.setVisible(context.actor.role.at_least(Role.SUPERVISOR))
        self.daily_log_button.clicked.connect(self.dailyLogRequested)
        self.open_button = QPushButton(self.tr("&Open (Enter)"), self)
        self.open_button.clicked.connect(self.open_current)
        self.bottom = QHBoxLayout()
        self.bottom.addWidget(self.count_label, 1)
        self.bottom.addWidget(self.open_button)
        self.bottom.addWidget(self.daily_log_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.filters)
        layout.addWidget(self.view, 1)
        layout.addLayout(self.bottom)
        if self.fixed_statuses:
            self.filters.status.setCurrentIndex(self.filters.status.findData(next(iter(self.fixed_statuses)).value))
            self.filters.status.setEnabled(False)
        self.filters.changed.connect(self.apply_filters)
        self.model.loaded.connect(self._on_loaded)
        self.model.failed.connect(lambda text: self.count_label.setText(text))
        self.view.activated.connect(lambda index: self.open_row(index.row()))
        self.filters.search.installEventFilter(self)
        self.clock = QTimer(self)
        self.clock.setInterval(60_000)
        self.clock.timeout.connect(self._tick)
        self.clock.start()
        self.model.query = replace(self.model.query, sort="received_at", descending=True)
        store = context.store
        context.tasks.run_query(list_procedures, store, parent=self, on_done=self.filters.set_procedures)
        context.tasks.dossiersChanged.connect(self.model.refresh)
        self.apply_filters()

    def base_query(self) -> DossierQuery:
        return DossierQuery(statuses=self.fixed_statuses, sort=self.model.query.sort,
                            descending=self.model.query.descending)

    def apply_filters(self) -> None:
        self.model.set_query(self.filters.query(self.base_query()))

    def _on_loaded(self, total: int) -> None:
        if self.model.more_than_counted():
            cap = self.model.count_cap
            text = self.tr("More than {count} dossiers").format(count=f"{cap:,}".replace(",", "."))
        else:
            text = self.tr("{count} dossiers").format(count=f"{total:,}".replace(",", "."))
        self.count_label.setText(text)
        if total and not self.view.currentIndex().isValid():
            self.view.setCurrentIndex(self.model.index(0, 0))
        if self.open_when_loaded:
            self.open_when_loaded = False
            self.open_current()

    def _tick(self) -> None:
        self.model.now = clock.now()  # due-state colours follow the clock
        self.view.viewport().update()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """In the search box, Down goes into the results and Enter opens the highlighted row, as the
        "Open (Enter)" button says; Enter right after typing opens the first match once it is in."""
        search = getattr(getattr(self, "filters", None), "search", None)  # None while being destroyed
        if watched is not search or event.type() != QEvent.Type.KeyPress:
            return super().eventFilter(watched, event)
        key = event.key()  # type: ignore[attr-defined]
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if self.filters.debounce.isActive():  # typed but not yet searched: search now, open when found
                self.filters.debounce.stop()
                self.apply_filters()
            if self.model.generation != self.model.shown_generation:
                self.open_when_loaded = True
            else:
                self.open_current()
            return True
        if key == Qt.Key.Key_Down and self.model.total:
            self.view.setFocus()  # from the search box straight into the results
            if not self.view.currentIndex().isValid():
                self.view.setCurrentIndex(self.model.index(0, 0))
            return True
        return super().eventFilter(watched, event)

    def current_code(self) -> str | None:
        index = self.view.currentIndex()
        return self.model.code_at(index.row()) if index.isValid() else None

    def open_current(self) -> None:
        index = self.view.currentIndex()
        if index.isValid():
            self.open_row(index.row())

    def open_row(self, row: int) -> None:
        code = self.model.code_at(row)
        if code:
            self.open_detail(code)

    def open_detail(self, code: str) -> DossierDetail:
        self.detail = DossierDetail(self.context, code, self)
        self.detail.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.detail.printRequested.connect(self.printRequested)
        self.detail.open()
        self.dossierOpened.emit(code)
        return self.detail


class ReturnsPage(DossiersPage):
    """Trả kết quả: dossiers whose result is ready, and the one action staff take on them."""

    fixed_statuses = frozenset({Status.RESULT_READY})

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.dialog: ActionDialog | None = None
        self.return_button = QPushButton(self.tr("&Return result"), self)
        self.return_button.clicked.connect(self.return_current)
        self.bottom.insertWidget(1, self.return_button)
        self.daily_log_button.hide()

    def return_current(self) -> None:
        code = self.current_code()
        if not code:
            return
        store = self.context.store
        self.context.tasks.run_query(get_dossier, store, code, parent=self, on_done=self._ask_return)

    def _ask_return(self, dossier: Dossier) -> None:
        self.dialog = ask_and_run(self.context, Action.RETURN_RESULT, dossier,
                                  on_done=lambda _d: None, parent=self)
