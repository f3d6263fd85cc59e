"""The subject block: "Người được cấp / chủ hồ sơ", when the dossier is about someone else.

Most citizens file for themselves, so the block is collapsed behind one check box (Alt+L in
Vietnamese) and costs no keystroke when unused. Ticked, it asks whom the dossier is about
(the newborn, the deceased, the person who authorised the submitter): name, ID, birth date,
relation, authorisation paper. Each field checks itself on leaving with counter_app's own
parsers; the receive service (``services.clean_subject``) has the last word.
"""
from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QCheckBox, QGridLayout, QLabel, QVBoxLayout, QWidget

from counter_app import ids, limits
from counter_app.models import Subject
from counter_app.text import normalize_name

from .applicant_form import parse_birth_date
from .fields import CheckedLineEdit


class SubjectForm(QWidget):
    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.toggle = QCheckBox(self.tr("Lod&ged for someone else (the person the dossier is about)"), self)
        self.fields = QWidget(self)
        self.full_name = CheckedLineEdit(limit=limits.SUBJECT_NAME, parent=self.fields,
                                         required_message="Chưa nhập họ và tên người được cấp / chủ hồ sơ.")
        self.personal_id = CheckedLineEdit(limit=limits.PERSONAL_ID, check=ids.parse_personal_id, parent=self.fields)
        self.birth_date = CheckedLineEdit(limit=limits.DATE_TEXT, check=parse_birth_date, parent=self.fields)
        self.birth_date.edit.setPlaceholderText(self.tr("dd/mm/yyyy"))
        self.relation = CheckedLineEdit(limit=limits.SUBJECT_RELATION, parent=self.fields)
        self.relation.edit.setPlaceholderText(self.tr("e.g. child, father, principal"))
        self.authorisation = CheckedLineEdit(limit=limits.AUTHORISATION, parent=self.fields)
        grid = QGridLayout(self.fields)
        grid.setContentsMargins(16, 0, 0, 0)
        grid.setColumnStretch(1, 2)
        grid.setColumnStretch(3, 1)
        # Three rows, not five: opened, the block still fits under the applicant on a 768-pixel screen.
        for row, column, span, text, field in (
            (0, 0, 1, self.tr("Subject's &full name:"), self.full_name),
            (0, 2, 1, self.tr("R&elation:"), self.relation),
            (1, 0, 1, self.tr("Personal ID / CMND (&k):"), self.personal_id),
            (1, 2, 1, self.tr("Birth date (sub&ject):"), self.birth_date),
            (2, 0, 3, self.tr("Authorisation (if an&y):"), self.authorisation),
        ):
            label = QLabel(text, self.fields)
            label.setBuddy(field.edit)
            grid.addWidget(label, row, column)
            grid.addWidget(field, row, column + 1, 1, span)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.toggle)
        layout.addWidget(self.fields)
        self.fields.hide()
        self.toggle.toggled.connect(self._on_toggled)
        for field in self.checked_fields():
            field.edited.connect(self.changed)

    def _on_toggled(self, on: bool) -> None:
        self.fields.setVisible(on)
        if on and self.toggle.hasFocus():
            self.full_name.edit.setFocus()  # Alt+L, then type the name
        self.changed.emit()

    def checked_fields(self) -> list[CheckedLineEdit]:
        return [self.full_name, self.relation, self.personal_id, self.birth_date, self.authorisation]  # as shown

    def focus_widgets(self) -> list[QWidget]:
        return [self.toggle, *(field.edit for field in self.checked_fields())]

    def validate(self) -> list[str]:
        """The messages of the fields that fail (shown under them); none when the block is off."""
        if not self.toggle.isChecked():
            return []
        return [field.error() for field in self.checked_fields() if not field.validate()]

    def subject(self) -> Subject | None:
        """The subject as typed (None when the block is off); the service cleans and checks it."""
        if not self.toggle.isChecked():
            return None
        name, birth = self.full_name.text(), self.birth_date.text().strip()
        return Subject(
            full_name=normalize_name(name) if name.strip() else "",
            personal_id=self.personal_id.text().strip(),
            birth_date=parse_birth_date(birth) if birth else None,
            relation=self.relation.text(),
            authorisation=self.authorisation.text(),
        )

    _KEYS = ("full_name", "personal_id", "birth_date", "relation", "authorisation")

    def state(self) -> dict:
        return {"on": self.toggle.isChecked(), **{key: getattr(self, key).text() for key in self._KEYS}}

    def restore(self, state: dict) -> None:
        for key in self._KEYS:
            getattr(self, key).setText(state.get(key, ""))
        self.toggle.setChecked(bool(state.get("on")))

    def clear(self) -> None:
        self.restore({})
