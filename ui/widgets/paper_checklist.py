"""The procedure's papers: tick what the citizen handed in, how (original / copy) and how many.

One row of plain widgets per paper (check box, form, count) so that Tab walks through them
and Space ticks; required papers carry a star and the service refuses a dossier without them.
"""
from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QCheckBox, QComboBox, QLabel, QSpinBox, QWidget

from counter_app.models import DossierPaper, PaperForm, Procedure

from .fields import add_grid_row, clear_grid_rows, grid_rows_widget


class PaperChecklist(QWidget):
    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.grid = grid_rows_widget(self)
        self.rows: list[tuple[QCheckBox, QLabel, QComboBox, QSpinBox]] = []
        self._required: list[bool] = []
        self.form_labels = {
            PaperForm.ORIGINAL: self.tr("Original"),
            PaperForm.CERTIFIED_COPY: self.tr("Certified copy"),
            PaperForm.PHOTOCOPY: self.tr("Photocopy"),
            PaperForm.ORIGINAL_OR_COPY: self.tr("Original or certified copy"),
            PaperForm.SHOWN: self.tr("Original, shown only"),
        }

    def set_procedure(self, procedure: Procedure | None) -> None:
        clear_grid_rows(self.grid, self.rows)
        self._required = []
        for row, spec in enumerate(procedure.papers if procedure else ()):
            box = QCheckBox(self)
            box.setAccessibleName(spec.name)
            label = QLabel(("* " if spec.required else "") + spec.name, self)
            label.setWordWrap(True)
            label.setBuddy(box)
            if spec.required:
                label.setToolTip(self.tr("Required paper"))
            form = QComboBox(self)
            for value, text in self.form_labels.items():
                form.addItem(text, value.value)
            form.setCurrentIndex(max(0, form.findData(spec.form.value)))
            count = QSpinBox(self)
            count.setRange(1, 99)
            count.setValue(spec.count)
            count.setSuffix(self.tr(" copies"))
            add_grid_row(self.grid, row, (box, label, form, count))
            box.toggled.connect(self.changed)
            form.currentIndexChanged.connect(self.changed)
            count.valueChanged.connect(self.changed)
            self.rows.append((box, label, form, count))
            self._required.append(spec.required)

    def focus_widgets(self) -> list[QWidget]:
        """In tab order: each row's check box, form and count."""
        return [w for box, _label, form, count in self.rows for w in (box, form, count)]

    def tick_required(self) -> None:
        """Tick every required paper at once: the clerk has checked them on the desk (one key, not a Tab walk)."""
        for (box, *_rest), required in zip(self.rows, self._required, strict=True):
            if required:
                box.setChecked(True)

    def has_required(self) -> bool:
        return any(self._required)

    def first_missing_required(self) -> QCheckBox | None:
        return next((row[0] for row, required in zip(self.rows, self._required, strict=True)
                     if required and not row[0].isChecked()), None)

    def papers(self) -> tuple[DossierPaper, ...]:
        """Every paper the citizen handed in (unticked optional papers are left out)."""
        result = []
        for (box, label, form, count), required in zip(self.rows, self._required, strict=True):
            if box.isChecked():
                name = label.text()[2:] if required else label.text()
                result.append(DossierPaper(name, PaperForm(form.currentData()), count.value(), True))
        return tuple(result)

    def state(self) -> list[dict]:
        return [
            {"received": box.isChecked(), "form": form.currentData(), "count": count.value()}
            for box, _label, form, count in self.rows
        ]

    def restore(self, state: list[dict]) -> None:
        for (box, _label, form, count), saved in zip(self.rows, state, strict=False):
            box.setChecked(bool(saved.get("received")))
            form.setCurrentIndex(max(0, form.findData(saved.get("form"))))
            count.setValue(int(saved.get("count", 1)))
