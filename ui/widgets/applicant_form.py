"""The applicant block: scan the CCCD QR code or type; each field checks itself on leaving.

The checks are counter_app's own parsers (ids.*), so what the form accepts is what the
receive service accepts; their messages are Vietnamese and shown under the field.
"""
from __future__ import annotations

import re
from datetime import date

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QFormLayout, QLabel, QWidget

from counter_app import clock, ids, limits
from counter_app.ids import CccdQr
from counter_app.models import Applicant
from counter_app.text import normalize_name

from ..i18n import format_date
from .cccd_scan_field import CccdScanField
from .fields import ERROR_LABEL_STYLE, CheckedLineEdit

_DAY_MONTH_YEAR = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{4})")


def parse_birth_date(text: str) -> date:
    """dd/mm/yyyy (or d/m/yyyy, dots or dashes) as staff type it, or the eight digits ddmmyyyy alone.

    Eight digits are how the CCCD's QR code writes a date, and two keys fewer than the slashes.
    """
    cleaned = text.strip().replace(".", "/").replace("-", "/")
    if len(cleaned) == 8 and cleaned.isdigit():
        cleaned = f"{cleaned[:2]}/{cleaned[2:4]}/{cleaned[4:]}"
    parts = _DAY_MONTH_YEAR.fullmatch(cleaned)
    if parts is None:
        raise ValueError("Ngày sinh phải có dạng ngày/tháng/năm, ví dụ 01/02/1999.")
    day, month, year = (int(part) for part in parts.groups())
    try:
        value = date(year, month, day)
    except ValueError:
        raise ValueError(_missing_day(day, month, year)) from None
    limits.check_birth_date(value, clock.today())
    return value


def _missing_day(day: int, month: int, year: int) -> str:
    """The clerk typed the asked format (31/02/1986): say what does not exist, in a few words, since
    the subject block's date column is narrow and repeating the format would not point at the slip."""
    if not 1 <= month <= 12:
        return f"Không có tháng {month}: tháng từ 1 đến 12."
    return f"Tháng {month}/{year} không có ngày {day}."


class ApplicantForm(QWidget):
    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.scan = CccdScanField(self)
        self.scan_error = QLabel(self)
        self.scan_error.setStyleSheet(ERROR_LABEL_STYLE)
        self.scan_error.setWordWrap(True)
        self.scan_error.hide()
        self.full_name = CheckedLineEdit(limit=limits.FULL_NAME, required_message="Chưa nhập họ và tên người nộp hồ sơ.",
                                         parent=self)
        self.personal_id = CheckedLineEdit(limit=limits.PERSONAL_ID, check=ids.parse_personal_id, parent=self)
        self.old_id = CheckedLineEdit(limit=limits.OLD_ID, check=ids.parse_old_id, parent=self)
        self.birth_date = CheckedLineEdit(limit=limits.DATE_TEXT, check=parse_birth_date, parent=self)
        self.birth_date.edit.setPlaceholderText(self.tr("dd/mm/yyyy"))
        self.sex = QComboBox(self)
        self.sex.addItem(self.tr("(not stated)"), "")
        self.sex.addItem(self.tr("Male"), "male")
        self.sex.addItem(self.tr("Female"), "female")
        self.address = CheckedLineEdit(limit=limits.ADDRESS, parent=self)
        self.phone = CheckedLineEdit(limit=limits.PHONE, check=ids.validate_phone, parent=self)
        self.email = CheckedLineEdit(limit=limits.EMAIL, check=ids.validate_email, parent=self)
        self.social_insurance_no = CheckedLineEdit(limit=limits.SOCIAL_INSURANCE_NO,
                                                   check=ids.parse_social_insurance_no, parent=self)
        self.hi_card_code = CheckedLineEdit(limit=limits.HI_CARD_CODE, check=ids.parse_hi_card, parent=self)
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        rows = [
            (self.tr("&Scan CCCD:"), self.scan),
            ("", self.scan_error),
            (self.tr("Full &name:"), self.full_name),
            (self.tr("Personal &ID:"), self.personal_id),
            (self.tr("O&ld ID card (CMND):"), self.old_id),
            (self.tr("&Birth date:"), self.birth_date),
            (self.tr("Se&x:"), self.sex),
            (self.tr("A&ddress:"), self.address),
            (self.tr("P&hone:"), self.phone),
            (self.tr("E&mail:"), self.email),
            (self.tr("Social ins&urance no.:"), self.social_insurance_no),
            (self.tr("He&alth-insurance card:"), self.hi_card_code),
        ]
        for text, widget in rows:
            if text:
                label = QLabel(text, self)
                label.setBuddy(widget.edit if isinstance(widget, CheckedLineEdit) else widget)
                form.addRow(label, widget)
            else:
                form.addRow(widget)
        self.scan.scanned.connect(self.fill_from_card)
        self.scan.scanFailed.connect(self._show_scan_error)
        # A failed scan's message is about that scan only: it goes once the clerk scans again, edits
        # the scan field or fills the card by hand, so it never reads as a fault in what was typed.
        self.scan.textEdited.connect(self.hide_scan_error)
        for field in self.checked_fields():
            field.edited.connect(self.changed)
            field.edited.connect(self.hide_scan_error)
        self.sex.currentIndexChanged.connect(self.changed)
        self.sex.activated.connect(self.hide_scan_error)

    def checked_fields(self) -> list[CheckedLineEdit]:
        return [self.full_name, self.personal_id, self.old_id, self.birth_date, self.address, self.phone,
                self.email, self.social_insurance_no, self.hi_card_code]

    def focus_widgets(self) -> list[QWidget]:
        return [self.scan, self.full_name.edit, self.personal_id.edit, self.old_id.edit, self.birth_date.edit,
                self.sex, self.address.edit, self.phone.edit, self.email.edit, self.social_insurance_no.edit,
                self.hi_card_code.edit]

    def _show_scan_error(self, message: str) -> None:
        self.scan_error.setText(message)
        self.scan_error.show()

    def hide_scan_error(self) -> None:
        """Also called when the dossier is saved: the saved form shows no stale scan message."""
        self.scan_error.hide()

    def fill_from_card(self, card: CccdQr) -> None:
        self.hide_scan_error()
        self.full_name.setText(card.full_name)
        self.personal_id.setText(card.personal_id)
        self.old_id.setText(card.old_id)
        self.birth_date.setText(format_date(card.birth_date))
        self.sex.setCurrentIndex(max(0, self.sex.findData(card.sex)))
        self.address.setText(card.address)
        self.changed.emit()
        self.phone.edit.setFocus()  # the card has everything up to the address

    def validate(self) -> list[str]:
        """Check every field; the messages of those that fail (also shown under them)."""
        return [field.error() for field in self.checked_fields() if not field.validate()]

    def applicant(self) -> Applicant:
        birth = self.birth_date.text().strip()
        return Applicant(
            full_name=normalize_name(self.full_name.text()) if self.full_name.text().strip() else "",
            personal_id=self.personal_id.text().strip(),
            old_id=self.old_id.text().strip(),
            birth_date=parse_birth_date(birth) if birth else None,
            sex=self.sex.currentData(),
            address=self.address.text().strip(),
            phone=self.phone.text().strip(),
            email=self.email.text().strip(),
            social_insurance_no=self.social_insurance_no.text().strip(),
            hi_card_code=self.hi_card_code.text().strip(),
        )

    _KEYS = ("full_name", "personal_id", "old_id", "birth_date", "address", "phone", "email",
             "social_insurance_no", "hi_card_code")

    def state(self) -> dict:
        values = {key: getattr(self, key).text() for key in self._KEYS}
        values["sex"] = self.sex.currentData()
        return values

    def restore(self, state: dict) -> None:
        for key in self._KEYS:
            getattr(self, key).setText(state.get(key, ""))
        self.sex.setCurrentIndex(max(0, self.sex.findData(state.get("sex", ""))))

    def clear(self) -> None:
        self.restore({})
        self.scan.clear()
        self.hide_scan_error()
