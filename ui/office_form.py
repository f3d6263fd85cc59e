"""The office profile form, shared by the first-run wizard and the administration section.

Province and commune come from ``vietnam-provinces`` (the 2025 units: 34 provinces, wards and
communes after the merger); the place printed before the date on papers is the commune's name.
"""
from __future__ import annotations

from dataclasses import replace
from datetime import time

from PySide6.QtCore import QTime, Signal
from PySide6.QtWidgets import QFormLayout, QHBoxLayout, QLabel, QLineEdit, QSpinBox, QTimeEdit, QWidget
from vietnam_provinces import Province, Ward

from counter_app.codes import COUNTER_NUMBERS
from counter_app.errors import ValidationError
from counter_app.models import Office, OfficeHours
from counter_app.office import place_name_of, validate_office

from .widgets.folded_choice import FoldedChoice

ERROR_STYLE = "color: #b00020"


def _provinces() -> dict[str, Province]:
    return {p.name: p for p in Province.iter_all()}


def _time_edit(value: time) -> QTimeEdit:
    edit = QTimeEdit(QTime(value.hour, value.minute))
    edit.setDisplayFormat("HH:mm")
    return edit


class OfficeForm(QWidget):
    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._provinces = _provinces()
        self.agency_code = QLineEdit()
        self.agency_code.setPlaceholderText("H15.50.05.13")
        self.agency_name = QLineEdit()
        self.agency_name.setPlaceholderText(self.tr("e.g. Trung tâm Phục vụ hành chính công xã …"))
        self.parent_agency_name = QLineEdit()
        self.parent_agency_name.setPlaceholderText(self.tr("e.g. UBND xã …"))
        self.province = FoldedChoice()
        self.province.set_names(list(self._provinces))
        self.commune = FoldedChoice()
        self.address = QLineEdit()
        self.counter_name = QLineEdit(self.tr("Counter 1"))
        self.counter_no = QSpinBox()
        self.counter_no.setRange(COUNTER_NUMBERS.start, COUNTER_NUMBERS.stop - 1)
        self.counter_no.setToolTip(self.tr("Each counter of the office needs its own number: it is part of every "
                                           "dossier code, so two counters never give out the same code."))
        self.phone = QLineEdit()
        self.lookup_url = QLineEdit()
        self.lookup_url.setPlaceholderText("https://")
        default = OfficeHours().periods
        self.hours = [(_time_edit(a), _time_edit(b)) for a, b in default]
        self.message = QLabel()
        self.message.setStyleSheet(ERROR_STYLE)
        self.message.setWordWrap(True)
        form = QFormLayout(self)
        for label, widget in (
            (self.tr("Agency &identifier code"), self.agency_code),
            (self.tr("Agency &name"), self.agency_name),
            (self.tr("&Parent agency"), self.parent_agency_name),
            (self.tr("Pro&vince"), self.province),
            (self.tr("&Commune or ward"), self.commune),
            (self.tr("&Address"), self.address),
            (self.tr("Co&unter name"), self.counter_name),
            (self.tr("Counter num&ber"), self.counter_no),
            (self.tr("P&hone"), self.phone),
            (self.tr("Status &lookup URL"), self.lookup_url),
        ):
            form.addRow(label, widget)
        for (start, end), label in zip(self.hours, (self.tr("&Morning"), self.tr("A&fternoon")), strict=True):
            row = QHBoxLayout()
            row.addWidget(start)
            row.addWidget(QLabel("–"))
            row.addWidget(end)
            row.addStretch(1)
            caption = QLabel(label)
            caption.setBuddy(start)  # a row of two fields: the mnemonic goes to the first
            form.addRow(caption, row)
        form.addRow(self.message)
        self.province.chosen.connect(self._province_chosen)
        for edit in (self.agency_code, self.agency_name, self.parent_agency_name, self.address):
            edit.textEdited.connect(lambda _t: self.changed.emit())

    def _province_chosen(self, name: str, commune: str = "") -> None:
        province = self._provinces.get(name)
        communes = [w.name for w in Ward.iter_by_province(province.code)] if province else []
        self.commune.set_names(communes, commune)
        self.changed.emit()

    def set_office(self, office: Office) -> None:
        self.agency_code.setText(office.agency_code)
        self.agency_name.setText(office.agency_name)
        self.parent_agency_name.setText(office.parent_agency_name)
        self.province.set_names(list(self._provinces), office.province)
        self._province_chosen(office.province, office.commune)
        self.address.setText(office.address)
        self.counter_name.setText(office.counter_name)
        self.counter_no.setValue(office.counter_no)
        self.phone.setText(office.phone)
        self.lookup_url.setText(office.status_lookup_url)
        for (start, end), (a, b) in zip(self.hours, office.office_hours.periods, strict=False):
            start.setTime(QTime(a.hour, a.minute))
            end.setTime(QTime(b.hour, b.minute))

    def office(self, base: Office | None = None) -> Office | None:
        """The profile as typed (over ``base``, keeping what the form does not show), or None with the reason shown."""
        self.province.settle()
        self.commune.settle()
        periods = tuple((start.time().toPython(), end.time().toPython()) for start, end in self.hours)
        commune = self.commune.value()
        typed = dict(
            agency_code=self.agency_code.text().strip().upper(),
            agency_name=self.agency_name.text().strip(),
            parent_agency_name=self.parent_agency_name.text().strip(),
            address=self.address.text().strip(),
            province=self.province.value(),
            commune=commune,
            place_name=place_name_of(commune) if commune else "",
            counter_name=self.counter_name.text().strip(),
            counter_no=self.counter_no.value(),
            phone=self.phone.text().strip(),
            office_hours=OfficeHours(periods),
            status_lookup_url=self.lookup_url.text().strip(),
        )
        office = replace(base, **typed) if base else Office(**typed)
        try:
            validate_office(office)
            if not office.province or not office.commune:
                raise ValidationError(self.tr("Choose the province and the commune or ward from the lists."))
        except ValidationError as exc:
            self.message.setText(str(exc))
            return None
        self.message.clear()
        return office
