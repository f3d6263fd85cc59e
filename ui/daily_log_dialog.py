"""Which Sổ theo dõi hồ sơ to print: one day or a date range; this counter's book, another counter's or
the whole office's (every counter sharing the database); all staff or one staff member.

"Sổ thu" asks instead for the day's fee ledger (receipts and totals per clerk) for the same day,
scope and staff member: a ledger covers one day, so the button is off while "Several days" is ticked.
Only the choice is made here; :mod:`ui.printing_actions` checks the role, renders the log on the
database worker and opens the preview. The staff list comes from the store on the worker too.
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from counter_app import clock
from counter_app.codes import COUNTER_NUMBERS
from counter_app.models import User
from counter_app.office import this_counter
from counter_app.users import list_users

from .context import AppContext
from .widgets.fields import ERROR_LABEL_STYLE


@dataclass(frozen=True)
class LogChoice:
    start: date
    end: date
    staff: str | None  # a username, or None for all staff
    counter_no: int | None = None  # a counter's book, or None for the whole office

    def file_stem(self, paper: str = "so-theo-doi-ho-so") -> str:
        """so-theo-doi-ho-so-20261122[-20261130][-quay02][-canbo]: what the saved file is called by default."""
        parts = [paper, self.start.strftime("%Y%m%d")]
        if self.end != self.start:
            parts.append(self.end.strftime("%Y%m%d"))
        if self.counter_no is not None:
            parts.append(f"quay{self.counter_no:02d}")
        if self.staff:
            parts.append(self.staff)
        return "-".join(parts)


class Scope:
    """The scope box's choices: this counter's book (the default), another counter's, the whole office's."""

    THIS_COUNTER, OTHER_COUNTER, OFFICE = range(3)


class DailyLogDialog(QDialog):
    """Dates, scope and staff member for the supervisors' log. ``ready`` once the staff list is loaded."""

    ready = Signal()
    ledgerRequested = Signal(object)  # LogChoice: the Sổ thu for choice.start instead of the log

    def __init__(self, context: AppContext, parent: QWidget | None = None, *, today: date | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.setWindowTitle(self.tr("Dossier tracking log"))
        today = today or clock.now().date()
        self.start = self._date_edit(today)
        self.several_days = QCheckBox(self.tr("Several &days"), self)
        self.end = self._date_edit(today)
        self.end.setEnabled(False)
        self.several_days.toggled.connect(self._toggle_range)
        self.start.dateChanged.connect(self._start_changed)
        own = this_counter(context.store, context.office)
        self.scope = QComboBox(self)
        self.scope.addItem(self.tr("This counter (no. {number})").format(number=f"{own:02d}"), Scope.THIS_COUNTER)
        self.scope.addItem(self.tr("Another counter"), Scope.OTHER_COUNTER)
        self.scope.addItem(self.tr("Whole one-stop office (every counter)"), Scope.OFFICE)
        self.counter_no = QSpinBox(self)
        self.counter_no.setRange(COUNTER_NUMBERS.start, COUNTER_NUMBERS.stop - 1)
        self.counter_no.setValue(own)
        self.counter_no.setEnabled(False)
        self.scope.currentIndexChanged.connect(
            lambda _i: self.counter_no.setEnabled(self.scope.currentData() == Scope.OTHER_COUNTER))
        self.staff = QComboBox(self)
        self.staff.addItem(self.tr("All staff"), "")
        self.message = QLabel(self)
        self.message.setStyleSheet(ERROR_LABEL_STYLE)
        self.message.setWordWrap(True)
        self.message.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel,
                                        self)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("&Make the log"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self.ledger_button = self.buttons.addButton(self.tr("Fee &ledger"), QDialogButtonBox.ButtonRole.ActionRole)
        self.ledger_button.setToolTip(self.tr("The day's fee receipts and the totals per clerk and per fee"))
        self.ledger_button.clicked.connect(self.request_ledger)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(self.tr("&From:"), self.start)
        form.addRow("", self.several_days)
        form.addRow(self.tr("&To:"), self.end)
        form.addRow(self.tr("Sco&pe:"), self.scope)
        form.addRow(self.tr("Counter &number:"), self.counter_no)
        form.addRow(self.tr("&Staff member:"), self.staff)
        for field in (self.start, self.end, self.scope, self.counter_no, self.staff):
            label = form.labelForField(field)
            if isinstance(label, QLabel):
                label.setBuddy(field)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(self.fontMetrics().horizontalAdvance("M") * 32)  # room for a long full name
        self.start.setFocus()
        store = context.store
        context.tasks.run_db(lambda: list_users(store), on_done=self._users_loaded, on_error=self._users_failed)

    def _date_edit(self, value: date) -> QDateEdit:
        edit = QDateEdit(QDate(value.year, value.month, value.day), self)
        edit.setDisplayFormat("dd/MM/yyyy")
        edit.setCalendarPopup(True)
        return edit

    def _toggle_range(self, on: bool) -> None:
        self.end.setEnabled(on)
        self.ledger_button.setEnabled(not on)
        if not on:
            self.end.setDate(self.start.date())

    def _start_changed(self, value: QDate) -> None:
        if not self.several_days.isChecked() or self.end.date() < value:
            self.end.setDate(value)

    def _users_loaded(self, users: list[User]) -> None:
        if not isValid(self.staff):
            return  # closed before the list arrived
        for user in users:
            if user.active:
                self.staff.addItem(self.tr("{name} ({username})").format(name=user.full_name, username=user.username),
                                   user.username)
        self.ready.emit()

    def _users_failed(self, _exc: BaseException) -> None:
        if not isValid(self.message):
            return
        self.show_message(self.tr("Could not load the staff list; the log covers all staff."))
        self.ready.emit()

    def show_message(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))

    def choice(self) -> LogChoice:
        start = self.start.date().toPython()
        end = self.end.date().toPython() if self.several_days.isChecked() else start
        scope = self.scope.currentData()
        counter_no = {Scope.THIS_COUNTER: self.context.office.counter_no, Scope.OTHER_COUNTER: self.counter_no.value(),
                      Scope.OFFICE: None}[scope]
        return LogChoice(start=start, end=end, staff=self.staff.currentData() or None, counter_no=counter_no)

    def set_scope(self, counter_no: int | None) -> None:
        """A counter's book (this counter's when it is this counter's number), or the whole office (None)."""
        if counter_no is None:
            self.scope.setCurrentIndex(self.scope.findData(Scope.OFFICE))
        elif counter_no == self.context.office.counter_no:
            self.scope.setCurrentIndex(self.scope.findData(Scope.THIS_COUNTER))
        else:
            self.scope.setCurrentIndex(self.scope.findData(Scope.OTHER_COUNTER))
            self.counter_no.setValue(counter_no)

    def set_choice(self, *, start: date, end: date | None = None, staff: str | None = None) -> None:
        """Fill the fields (used by tests and by callers that already know the period)."""
        self.start.setDate(QDate(start.year, start.month, start.day))
        self.several_days.setChecked(end is not None and end != start)
        if end is not None:
            self.end.setDate(QDate(end.year, end.month, end.day))
        index = self.staff.findData(staff or "")
        if index >= 0:
            self.staff.setCurrentIndex(index)

    def accept(self) -> None:
        choice = self.choice()
        if choice.end < choice.start:
            self.show_message(self.tr("The end date is before the start date."))
            self.end.setFocus()
            return
        super().accept()

    def request_ledger(self) -> None:
        """Close with the day's fee ledger asked for (``ledgerRequested``), not the log."""
        choice = self.choice()
        self.done(QDialog.DialogCode.Rejected.value)
        self.ledgerRequested.emit(replace(choice, end=choice.start))
