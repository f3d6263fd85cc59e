"""Administration tabs for the office profile and the calendar overrides.

Who may change what is the services' decision (office profile: admins; calendar: supervisors
up); the tabs disable what the user may not do and say why in a tooltip.
"""
from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from counter_app import clock, office
from counter_app.models import Office, Role
from counter_app.workdays import public_holiday_names

from .context import AppContext
from .i18n import format_date
from .office_form import OfficeForm


class OfficeTab(QWidget):
    def __init__(self, context: AppContext) -> None:
        super().__init__()
        self.context = context
        self.form = OfficeForm()
        self.form.set_office(context.office)
        self.save = QPushButton(self.tr("&Save office profile"))
        self.saved = QLabel()
        if not context.actor.role.at_least(Role.ADMIN):
            self.save.setEnabled(False)
            self.save.setToolTip(self.tr("Only an administrator changes the office profile."))
        self.save.clicked.connect(self._save)
        layout = QVBoxLayout(self)
        layout.addWidget(self.form)
        row = QHBoxLayout()
        row.addWidget(self.save)
        row.addWidget(self.saved, 1)
        layout.addLayout(row)
        layout.addStretch(1)

    def _save(self) -> None:
        profile = self.form.office(self.context.office)
        if profile is None:
            return
        self.context.tasks.run_query(lambda: office.save_office(self.context.store, profile, by=self.context.actor),
                                  on_done=lambda _r: self._done(profile), parent=self)

    def _done(self, profile: Office) -> None:
        self.context.office = profile
        self.saved.setText(self.tr("Saved. New papers use the new profile."))


class CalendarTab(QWidget):
    KINDS = ("day_off", "workday")

    def __init__(self, context: AppContext) -> None:
        super().__init__()
        self.context = context
        self.overrides = QListWidget()
        self.holidays = QListWidget()
        self.day = QDateEdit(QDate(clock.today()))
        self.day.setDisplayFormat("dd/MM/yyyy")
        self.day.setCalendarPopup(True)
        self.kind = QComboBox()
        self.kind.addItem(self.tr("Extra day off"), "day_off")
        self.kind.addItem(self.tr("Make-up working day"), "workday")
        self.note = QLineEdit()
        self.note.setPlaceholderText(self.tr("e.g. the province's decision number"))
        self.add = QPushButton(self.tr("&Add day"))
        self.remove = QPushButton(self.tr("&Remove selected"))
        if not context.actor.role.at_least(Role.SUPERVISOR):
            for button in (self.add, self.remove):
                button.setEnabled(False)
                button.setToolTip(self.tr("Only a supervisor changes the office calendar."))
        self.add.clicked.connect(self._add)
        self.remove.clicked.connect(self._remove)
        form = QFormLayout()
        form.addRow(self.tr("&Day"), self.day)
        form.addRow(self.tr("&Kind"), self.kind)
        form.addRow(self.tr("&Note"), self.note)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add)
        buttons.addWidget(self.remove)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("This office's days off and make-up working days")))
        layout.addWidget(self.overrides, 2)
        layout.addLayout(form)
        layout.addLayout(buttons)
        layout.addWidget(QLabel(self.tr("Public holidays this year (Labour Code)")))
        layout.addWidget(self.holidays, 1)
        self.refresh()

    def refresh(self) -> None:
        def load(store) -> tuple[list[tuple[date, str, str]], list[tuple[date, str]]]:  # type: ignore[no-untyped-def]
            return office.list_calendar_overrides(store), public_holiday_names(clock.today().year)

        self.context.tasks.run_query(load, self.context.store, on_done=self._show, parent=self)

    def _show(self, data: tuple[list[tuple[date, str, str]], list[tuple[date, str]]]) -> None:
        overrides, holidays = data
        labels = {"day_off": self.tr("day off"), "workday": self.tr("make-up working day")}
        self.overrides.clear()
        for day, kind, note in overrides:
            self.overrides.addItem(f"{format_date(day)} — {labels[kind]}" + (f" — {note}" if note else ""))
            self.overrides.item(self.overrides.count() - 1).setData(256, day.isoformat())
        self.holidays.clear()
        self.holidays.addItems([f"{format_date(day)} — {name}" for day, name in holidays])

    def _add(self) -> None:
        self.context.tasks.run_query(
            lambda: office.set_calendar_override(self.context.store, day=self.day.date().toPython(),
                                                 kind=self.kind.currentData(), note=self.note.text(),
                                                 by=self.context.actor),
            on_done=lambda _r: self.refresh(), parent=self)

    def _remove(self) -> None:
        item = self.overrides.currentItem()
        if item is None:
            return
        day = date.fromisoformat(item.data(256))
        self.context.tasks.run_query(
            lambda: office.remove_calendar_override(self.context.store, day=day, by=self.context.actor),
            on_done=lambda _r: self.refresh(), parent=self)
