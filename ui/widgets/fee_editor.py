"""Fees of the chosen procedure as the catalogue lists them, with how each is paid.

Counter fees the catalogue prices start ticked and paid in cash (the service's own default);
a fee charged per page or per copy asks for the pages of the original and the copies wanted and
shows the amount its rule gives (the clerk used to work it out by hand, issue 11); a fee charged
per set follows the form's number of sets. Fees the province sets per case start unticked with
an empty amount for staff to fill in. Exempt fees need a reason, which the receipt prints; a fee
the catalogue exempts starts exempt with its reason.
"""
from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QLocale, Qt, Signal
from PySide6.QtWidgets import QCheckBox, QComboBox, QHBoxLayout, QLabel, QLineEdit, QSpinBox, QWidget

from counter_app.fees import FeeBasis, FeeRule, describe, fixed
from counter_app.limits import EXEMPT_REASON, MAX_COUNT
from counter_app.models import CONTRIBUTION_PREFIX, DossierFee, PaymentMethod, Procedure
from counter_app.services import default_fees
from counter_app.services.receive import applies_at_counter

from ..i18n import format_vnd
from .fields import add_grid_row, clear_grid_rows, grid_rows_widget

VI_LOCALE = QLocale(QLocale.Language.Vietnamese, QLocale.Country.Vietnam)
MAX_PAGES = 10_000


@dataclass
class FeeRow:
    """One fee's widgets; ``pages`` and ``copies`` only matter where its rule asks for them."""

    rule: FeeRule
    box: QCheckBox
    label: QLabel
    quantities: QWidget
    pages: QSpinBox
    copies: QSpinBox
    amount: QSpinBox
    method: QComboBox
    reason: QLineEdit

    @property
    def computed(self) -> bool:
        return self.rule.basis in (FeeBasis.PER_PAGE, FeeBasis.PER_COPY, FeeBasis.PER_SET)

    @property
    def widgets(self) -> tuple[QWidget, ...]:
        return (self.box, self.label, self.quantities, self.amount, self.method, self.reason)


class FeeEditor(QWidget):
    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.grid = grid_rows_widget(self)
        self.grid.setColumnStretch(1, 0)
        self.grid.setColumnStretch(3, 1)  # the exemption reason takes the spare width
        self.rows: list[FeeRow] = []
        self._next_line = 0
        self.sets = 1
        self.total_label = QLabel(self)
        self.method_labels = {
            PaymentMethod.CASH: self.tr("Cash"),
            PaymentMethod.TRANSFER: self.tr("Bank transfer"),
            PaymentMethod.EXEMPT: self.tr("Exempt"),
        }

    def set_procedure(self, procedure: Procedure | None) -> None:
        clear_grid_rows(self.grid, [row.widgets for row in self.rows])
        self.grid.removeWidget(self.total_label)
        self.rows = []
        defaults = {f.name: f for f in default_fees(procedure)} if procedure else {}
        specs = [f for f in (procedure.fees if procedure else ()) if applies_at_counter(f.name)]
        line = 0
        for spec in specs:
            row = self._row(spec.computation, spec.name, spec.rule)
            row.amount.setValue(spec.amount_vnd or 0)
            default = defaults.get(spec.name)
            row.box.setChecked(default is not None)
            if default is not None and default.method is PaymentMethod.EXEMPT:
                row.method.setCurrentIndex(row.method.findData(PaymentMethod.EXEMPT.value))
                row.reason.setText(default.exempt_reason)
            # Name on its own line (fee names are long), the quantities where the rule asks for
            # them, then amount, method and reason.
            add_grid_row(self.grid, line, (row.box, row.label), last_span=3)
            if row.rule.asks_copies:
                line += 1
                add_grid_row(self.grid, line, (row.quantities,), first_column=1, last_span=3)
            else:
                row.quantities.hide()
            add_grid_row(self.grid, line + 1, (row.amount, row.method, row.reason), first_column=1)
            line += 2
            self.rows.append(row)
            self._recompute(row)
        self._next_line = line
        self.grid.addWidget(self.total_label, line, 1, 1, 3)
        if not specs:
            self.total_label.setText(self.tr("No fee for this procedure."))
        else:
            self._update_total()

    def add_fee(self, name: str, amount_vnd: int) -> None:
        """An insurance contribution the calculator worked out, ticked and in cash.

        It takes the place of the catalogue's own contribution line ("Tiền đóng … (không phải lệ
        phí)", which has no amount) or of an earlier quote, so a dossier carries one contribution
        line whatever the clerk recalculated; a procedure without one gets a new line.
        """
        existing = next((row for row in self.rows if row.label.text().startswith(CONTRIBUTION_PREFIX)), None)
        if existing is not None and name.startswith(CONTRIBUTION_PREFIX):
            self._quote(existing, name, amount_vnd)
            self._on_changed()
            return
        self.grid.removeWidget(self.total_label)
        row = self._row(fixed(amount_vnd), name, "")
        row.amount.setValue(amount_vnd)
        row.box.setChecked(True)
        row.quantities.hide()
        add_grid_row(self.grid, self._next_line, (row.box, row.label), last_span=3)
        add_grid_row(self.grid, self._next_line + 1, (row.amount, row.method, row.reason), first_column=1)
        self._next_line += 2
        self.rows.append(row)
        self.grid.addWidget(self.total_label, self._next_line, 1, 1, 3)
        self._on_changed()

    @staticmethod
    def _quote(row: FeeRow, name: str, amount_vnd: int) -> None:
        """``row`` becomes the quoted contribution: its name says the terms, its amount is fixed."""
        row.rule = fixed(amount_vnd)
        row.label.setText(name)
        row.box.setAccessibleName(name)
        row.amount.setValue(amount_vnd)
        row.method.setCurrentIndex(row.method.findData(PaymentMethod.CASH.value))
        row.box.setChecked(True)

    def _row(self, rule: FeeRule, name: str, wording: str) -> FeeRow:
        box = QCheckBox(self)
        box.setAccessibleName(name)
        label = QLabel(name, self)
        label.setWordWrap(True)
        label.setBuddy(box)
        label.setToolTip(wording)
        quantities = QWidget(self)
        pages, copies = self._count_box(quantities, MAX_PAGES), self._count_box(quantities, MAX_COUNT)
        pages.setAccessibleName(self.tr("Pages of the original"))
        copies.setAccessibleName(self.tr("Copies"))
        layout = QHBoxLayout(quantities)
        layout.setContentsMargins(0, 0, 0, 0)
        if rule.asks_pages:
            layout.addWidget(QLabel(self.tr("Pages of the original"), quantities))
            layout.addWidget(pages)
        else:
            pages.hide()
        layout.addWidget(QLabel(self.tr("Copies"), quantities))
        layout.addWidget(copies)
        layout.addStretch(1)
        amount = QSpinBox(self)
        amount.setRange(0, 100_000_000)
        amount.setSingleStep(1000)
        amount.setGroupSeparatorShown(True)
        amount.setLocale(VI_LOCALE)  # 1.234.000 đ whatever the system locale
        amount.setSuffix(" đ")
        method = QComboBox(self)
        for value, text in self.method_labels.items():
            method.addItem(text, value.value)
        reason = QLineEdit(self)
        reason.setPlaceholderText(self.tr("Reason for exemption"))
        reason.setMaxLength(EXEMPT_REASON.max_length)
        reason.setEnabled(False)
        reason.setMinimumWidth(160)
        row = FeeRow(rule, box, label, quantities, pages, copies, amount, method, reason)
        if row.computed:  # the rule gives the amount: shown, not typed
            amount.setReadOnly(True)
            amount.setButtonSymbols(QSpinBox.ButtonSymbols.NoButtons)
            amount.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        method.currentIndexChanged.connect(lambda _i, m=method, r=reason: r.setEnabled(
            m.currentData() == PaymentMethod.EXEMPT.value))
        for spin in (pages, copies):
            spin.valueChanged.connect(lambda _v, r=row: self._recompute(r))
        for signal in (box.toggled, amount.valueChanged, method.currentIndexChanged, reason.textEdited):
            signal.connect(self._on_changed)
        return row

    @staticmethod
    def _count_box(parent: QWidget, maximum: int) -> QSpinBox:
        spin = QSpinBox(parent)
        spin.setRange(1, maximum)
        return spin

    def set_sets(self, sets: int) -> None:
        """The form's number of sets, which a per-set fee is charged on."""
        self.sets = sets
        for row in self.rows:
            self._recompute(row)

    def _recompute(self, row: FeeRow) -> None:
        if row.computed:
            row.amount.setValue(row.rule.amount(pages=row.pages.value(), copies=row.copies.value(), sets=self.sets))

    def _on_changed(self, *_args: object) -> None:
        self._update_total()
        self.changed.emit()

    def _update_total(self) -> None:
        total = sum(f.collected_vnd for f in self.fees())
        self.total_label.setText(self.tr("Total to collect: {amount}").format(amount=format_vnd(total)))

    def first_quantity(self) -> QSpinBox | None:
        """The first box a ticked fee's rule needs a number in (pages, else copies): where typing goes next."""
        for row in self.rows:
            if row.box.isChecked() and (row.rule.asks_pages or row.rule.asks_copies):
                return row.pages if row.rule.asks_pages else row.copies
        return None

    def focus_widgets(self) -> list[QWidget]:
        widgets: list[QWidget] = []
        for row in self.rows:
            widgets.append(row.box)
            widgets += [row.pages] if row.rule.asks_pages else []
            widgets += [row.copies] if row.rule.asks_copies else []
            widgets += [w for w in (row.amount,) if not row.computed]
            widgets += [row.method, row.reason]
        return widgets

    def fees(self) -> tuple[DossierFee, ...]:
        return tuple(
            DossierFee(row.label.text(), row.amount.value(), PaymentMethod(row.method.currentData()),
                       row.reason.text().strip(),
                       describe(row.rule, pages=row.pages.value(), copies=row.copies.value(), sets=self.sets))
            for row in self.rows
            if row.box.isChecked()
        )

    def state(self) -> list[dict]:
        return [
            {"on": row.box.isChecked(), "amount": row.amount.value(), "method": row.method.currentData(),
             "reason": row.reason.text(), "pages": row.pages.value(), "copies": row.copies.value(),
             "name": row.label.text()}
            for row in self.rows
        ]

    def restore(self, state: list[dict]) -> None:
        for row, saved in zip(self.rows, state, strict=False):
            name = saved.get("name", "")
            if name != row.label.text() and name.startswith(CONTRIBUTION_PREFIX):  # a quote kept in the draft
                self._quote(row, name, int(saved.get("amount", 0)))
            row.box.setChecked(bool(saved.get("on")))
            row.pages.setValue(int(saved.get("pages", 1)))
            row.copies.setValue(int(saved.get("copies", 1)))
            if not row.computed:
                row.amount.setValue(int(saved.get("amount", 0)))
            row.method.setCurrentIndex(max(0, row.method.findData(saved.get("method"))))
            row.reason.setText(saved.get("reason", ""))
        self._update_total()
