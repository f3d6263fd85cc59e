"""The filter bar above the dossier list: search text, status, received dates, procedure, deadline.

It only builds a :class:`counter_app.search.DossierQuery`; the text box is debounced
(about 200 ms after the last key) so that typing a name sends one query, not ten.
"""
from __future__ import annotations

from PySide6.QtCore import QDate, QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QGridLayout,
    QLabel,
    QLineEdit,
    QWidget,
)

from counter_app import clock
from counter_app.models import Procedure
from counter_app.search import DossierQuery
from counter_app.states import STATUS_LABEL_VI, Status

SEARCH_DEBOUNCE_MS = 200


class DossierFilters(QWidget):
    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(self.tr("Name, address, ID number, phone or dossier code"))
        self.search.setClearButtonEnabled(True)
        self.status = QComboBox(self)
        self.status.addItem(self.tr("All statuses"), "")
        for status in Status:
            self.status.addItem(STATUS_LABEL_VI[status], status.value)
        self.procedure = QComboBox(self)
        self.procedure.addItem(self.tr("All procedures"), "")
        self.procedure.setMinimumContentsLength(24)
        self.procedure.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.due = QComboBox(self)
        self.due.addItem(self.tr("Any deadline"), "")
        self.due.addItem(self.tr("Due today"), "due_today")
        self.due.addItem(self.tr("Overdue"), "overdue")
        self.use_dates = QCheckBox(self.tr("Received &from"), self)
        today = QDate(clock.today())
        self.date_from = QDateEdit(today.addDays(-30), self)
        self.date_to = QDateEdit(today, self)
        for edit in (self.date_from, self.date_to):
            edit.setDisplayFormat("dd/MM/yyyy")
            edit.setCalendarPopup(True)
            edit.setEnabled(False)
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        search_label = QLabel(self.tr("&Search:"), self)
        search_label.setBuddy(self.search)
        status_label = QLabel(self.tr("S&tatus:"), self)
        status_label.setBuddy(self.status)
        procedure_label = QLabel(self.tr("&Procedure:"), self)
        procedure_label.setBuddy(self.procedure)
        due_label = QLabel(self.tr("D&eadline:"), self)
        due_label.setBuddy(self.due)
        grid.addWidget(search_label, 0, 0)
        grid.addWidget(self.search, 0, 1, 1, 5)
        grid.addWidget(status_label, 1, 0)
        grid.addWidget(self.status, 1, 1)
        grid.addWidget(procedure_label, 1, 2)
        grid.addWidget(self.procedure, 1, 3)
        grid.addWidget(due_label, 1, 4)
        grid.addWidget(self.due, 1, 5)
        grid.addWidget(self.use_dates, 2, 0, 1, 1)
        grid.addWidget(self.date_from, 2, 1)
        grid.addWidget(QLabel(self.tr("to"), self), 2, 2)
        grid.addWidget(self.date_to, 2, 3)
        grid.setColumnStretch(3, 1)
        self.debounce = QTimer(self)
        self.debounce.setSingleShot(True)
        self.debounce.setInterval(SEARCH_DEBOUNCE_MS)
        self.debounce.timeout.connect(self.changed)
        self.search.textChanged.connect(lambda _t: self.debounce.start())
        for combo in (self.status, self.procedure, self.due):
            combo.currentIndexChanged.connect(self._now)
        self.use_dates.toggled.connect(self._on_dates_toggled)
        self.date_from.dateChanged.connect(self._now)
        self.date_to.dateChanged.connect(self._now)

    def _now(self, *_args: object) -> None:
        self.debounce.stop()
        self.changed.emit()

    def _on_dates_toggled(self, on: bool) -> None:
        self.date_from.setEnabled(on)
        self.date_to.setEnabled(on)
        self._now()

    def set_procedures(self, procedures: list[Procedure]) -> None:
        for procedure in sorted(procedures, key=lambda p: p.name):
            self.procedure.addItem(procedure.name, procedure.code)
            self.procedure.setItemData(self.procedure.count() - 1, procedure.name, 3)  # tooltip role

    def query(self, base: DossierQuery) -> DossierQuery:
        """``base`` (sort order, fixed statuses of a page) narrowed by what the bar says."""
        status = self.status.currentData()
        statuses = frozenset({Status(status)}) if status else base.statuses
        received_from = received_to = None
        if self.use_dates.isChecked():
            received_from = self.date_from.date().toPython()
            received_to = self.date_to.date().toPython()
            received_to = max(received_to, received_from)
        return DossierQuery(
            text=self.search.text().strip(), statuses=statuses, received_from=received_from,
            received_to=received_to, procedure_code=self.procedure.currentData() or None,
            due=self.due.currentData() or None, sort=base.sort, descending=base.descending,
        )
