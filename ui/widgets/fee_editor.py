"""Fees of the chosen procedure as the catalogue lists them, with how each is paid.

Fixed counter fees start ticked and paid in cash (the service's own default); fees the
province sets per case start unticked with an empty amount for staff to fill in. Exempt
fees need a reason, which the receipt prints.
"""
from __future__ import annotations

from PySide6.QtCore import QLocale, Signal
from PySide6.QtWidgets import QCheckBox, QComboBox, QLabel, QLineEdit, QSpinBox, QWidget

from counter_app.limits import EXEMPT_REASON
from counter_app.models import DossierFee, PaymentMethod, Procedure
from counter_app.services import default_fees
from counter_app.services.receive import applies_at_counter

from ..i18n import format_vnd
from .fields import add_grid_row, clear_grid_rows, grid_rows_widget

VI_LOCALE = QLocale(QLocale.Language.Vietnamese, QLocale.Country.Vietnam)


class FeeEditor(QWidget):
    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.grid = grid_rows_widget(self)
        self.grid.setColumnStretch(1, 0)
        self.grid.setColumnStretch(3, 1)  # the exemption reason takes the spare width
        self.rows: list[tuple[QCheckBox, QLabel, QSpinBox, QComboBox, QLineEdit]] = []
        self.total_label = QLabel(self)
        self.method_labels = {
            PaymentMethod.CASH: self.tr("Cash"),
            PaymentMethod.TRANSFER: self.tr("Bank transfer"),
            PaymentMethod.EXEMPT: self.tr("Exempt"),
        }

    def set_procedure(self, procedure: Procedure | None) -> None:
        clear_grid_rows(self.grid, self.rows)
        self.grid.removeWidget(self.total_label)
        self.rows = []
        defaults = {f.name for f in default_fees(procedure)} if procedure else set()
        fees = [f for f in (procedure.fees if procedure else ()) if applies_at_counter(f.name)]
        for row, spec in enumerate(fees):
            box = QCheckBox(self)
            box.setAccessibleName(spec.name)
            box.setChecked(spec.name in defaults)
            label = QLabel(spec.name, self)
            label.setWordWrap(True)
            label.setBuddy(box)
            label.setToolTip(spec.rule)
            amount = QSpinBox(self)
            amount.setRange(0, 100_000_000)
            amount.setSingleStep(1000)
            amount.setGroupSeparatorShown(True)
            amount.setLocale(VI_LOCALE)  # 1.234.000 đ whatever the system locale
            amount.setSuffix(" đ")
            amount.setValue(spec.amount_vnd or 0)
            method = QComboBox(self)
            for value, text in self.method_labels.items():
                method.addItem(text, value.value)
            reason = QLineEdit(self)
            reason.setPlaceholderText(self.tr("Reason for exemption"))
            reason.setMaxLength(EXEMPT_REASON.max_length)
            reason.setEnabled(False)
            reason.setMinimumWidth(160)
            # Name on its own line (fee names are long), then amount, method and reason under it.
            add_grid_row(self.grid, 2 * row, (box, label), last_span=3)
            add_grid_row(self.grid, 2 * row + 1, (amount, method, reason), first_column=1)
            method.currentIndexChanged.connect(lambda _i, m=method, r=reason: r.setEnabled(
                m.currentData() == PaymentMethod.EXEMPT.value))
            for signal in (box.toggled, amount.valueChanged, method.currentIndexChanged, reason.textEdited):
                signal.connect(self._on_changed)
            self.rows.append((box, label, amount, method, reason))
        self.grid.addWidget(self.total_label, 2 * len(fees), 1, 1, 3)
        if not fees:
            self.total_label.setText(self.tr("No fee for this procedure."))
        else:
            self._update_total()

    def _on_changed(self, *_args: object) -> None:
        self._update_total()
        self.changed.emit()

    def _update_total(self) -> None:
        total = sum(f.amount_vnd for f in self.fees() if f.method is not PaymentMethod.EXEMPT)
        self.total_label.setText(self.tr("Total to collect: {amount}").format(amount=format_vnd(total)))

    def focus_widgets(self) -> list[QWidget]:
        return [w for box, _l, amount, method, reason in self.rows for w in (box, amount, method, reason)]

    def fees(self) -> tuple[DossierFee, ...]:
        return tuple(
            DossierFee(label.text(), amount.value(), PaymentMethod(method.currentData()), reason.text().strip())
            for box, label, amount, method, reason in self.rows
            if box.isChecked()
        )

    def state(self) -> list[dict]:
        return [
            {"on": box.isChecked(), "amount": amount.value(), "method": method.currentData(), "reason": reason.text()}
            for box, _label, amount, method, reason in self.rows
        ]

    def restore(self, state: list[dict]) -> None:
        for (box, _label, amount, method, reason), saved in zip(self.rows, state, strict=False):
            box.setChecked(bool(saved.get("on")))
            amount.setValue(int(saved.get("amount", 0)))
            method.setCurrentIndex(max(0, method.findData(saved.get("method"))))
            reason.setText(saved.get("reason", ""))
        self._update_total()
