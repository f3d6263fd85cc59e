"""What the citizen pays for household health insurance or voluntary social insurance, at the counter.

The first question at the counter is "how much?". This dialog asks the few facts the rules need
(members and months, or income, category and months), shows the breakdown the core computes
(``counter_app.insurance``: amounts dated in resources, the base salary in force on the day of
payment) and hands back one fee line for the dossier, which the receipt and the fee receipt print.
"""
from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from counter_app import clock, insurance
from counter_app.errors import ValidationError

from .i18n import format_vnd
from .widgets.fee_editor import VI_LOCALE


def _month_edit(month_of: date) -> QDateEdit:
    """A month box starting at the payment's month (the app's clock, Vietnam time: not the computer's zone)."""
    edit = QDateEdit(QDate(month_of.year, month_of.month, 1))
    edit.setDisplayFormat("MM/yyyy")
    return edit


def _first_of_month(edit: QDateEdit) -> date:
    picked = edit.date().toPython()
    return picked.replace(day=1)


class InsuranceCalculator(QDialog):
    """Two tabs, one per scheme; "Add as a fee" returns ``fee`` = (name, amount in đồng)."""

    def __init__(self, parent: QWidget | None = None, *, paid_on: date | None = None,
                 scheme: insurance.Scheme | None = None) -> None:
        super().__init__(parent)
        self.paid_on = paid_on or clock.now().date()
        self.fee: tuple[str, int] | None = None
        self.setWindowTitle(self.tr("Insurance amount"))
        self.members = QSpinBox()
        self.members.setRange(1, 20)
        self.household_start = _month_edit(self.paid_on)
        self.household_months = QSpinBox()
        self.household_months.setRange(1, insurance.HOUSEHOLD_MAX_MONTHS)
        self.household_months.setValue(12)
        low, high = insurance.voluntary_income_range(self.paid_on)
        self.income = QSpinBox()
        self.income.setRange(low, high)
        self.income.setSingleStep(100_000)
        self.income.setGroupSeparatorShown(True)
        self.income.setLocale(VI_LOCALE)  # 1.500.000 whatever the system locale
        self.income.setSuffix(" đ")
        self.category = QComboBox()
        for category, label in ((insurance.Category.OTHER, self.tr("Other citizens (20% support)")),
                                (insurance.Category.ETHNIC, self.tr("Ethnic minority (30%)")),
                                (insurance.Category.NEAR_POOR, self.tr("Near-poor household (40%)")),
                                (insurance.Category.POOR, self.tr("Poor household or island commune (50%)"))):
            self.category.addItem(label, category)
        self.voluntary_start = _month_edit(self.paid_on)
        self.voluntary_months = QComboBox()
        for months in insurance.VOLUNTARY_PERIODS:
            self.voluntary_months.addItem(self.tr("{n} month(s)").format(n=months), months)
        self.tabs = QTabWidget()
        self.tabs.addTab(self._form((self.tr("&Members joining"), self.members),
                                    (self.tr("&From month"), self.household_start),
                                    (self.tr("Mo&nths"), self.household_months)),
                         self.tr("Household health insurance"))
        self.tabs.addTab(self._form((self.tr("&Chosen monthly income"), self.income),
                                    (self.tr("Ca&tegory"), self.category),
                                    (self.tr("F&rom month"), self.voluntary_start),
                                    (self.tr("Peri&od"), self.voluntary_months)),
                         self.tr("Voluntary social insurance"))
        self.breakdown = QLabel()
        self.breakdown.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("&Add as a fee"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        layout.addWidget(self.breakdown)
        layout.addWidget(buttons)
        for signal in (self.members.valueChanged, self.household_months.valueChanged, self.household_start.dateChanged,
                       self.income.valueChanged, self.category.currentIndexChanged, self.voluntary_start.dateChanged,
                       self.voluntary_months.currentIndexChanged, self.tabs.currentChanged):
            signal.connect(self.update_quote)
        self.update_quote()
        self._open_on(scheme or insurance.Scheme.HOUSEHOLD)

    def _open_on(self, scheme: insurance.Scheme) -> None:
        """The procedure's scheme on screen, the cursor in its first box: type the number, Enter adds the fee."""
        voluntary = scheme is insurance.Scheme.VOLUNTARY
        self.tabs.setCurrentIndex(1 if voluntary else 0)
        first = self.income if voluntary else self.members
        first.setFocus()
        first.selectAll()

    @staticmethod
    def _form(*rows: tuple[str, QWidget]) -> QWidget:
        page = QWidget()
        form = QFormLayout(page)
        for label, widget in rows:
            form.addRow(label, widget)
        return page

    def quote(self) -> tuple[str, int, str]:
        """(fee name, amount, breakdown) for the scheme on screen; ValidationError in Vietnamese."""
        if self.tabs.currentIndex() == 0:
            q = insurance.household_health_insurance(members=self.members.value(), start=_first_of_month(
                self.household_start), months=self.household_months.value(), paid_on=self.paid_on)
            detail = self.tr("Base salary {salary}; per month: {each}").format(
                salary=format_vnd(q.base_salary_vnd), each=", ".join(format_vnd(v) for v in q.monthly_vnd))
            return insurance.fee_name(q), q.total_vnd, detail
        v = insurance.voluntary_social_insurance(
            income_vnd=self.income.value(), category=self.category.currentData(),
            start=_first_of_month(self.voluntary_start), months=self.voluntary_months.currentData(),
            paid_on=self.paid_on)
        detail = self.tr("Contribution {total}, State support {support}").format(
            total=format_vnd(v.contribution_vnd), support=format_vnd(v.state_support_vnd))
        return insurance.fee_name(v), v.total_vnd, detail

    def update_quote(self) -> None:
        try:
            _name, amount, detail = self.quote()
        except ValidationError as exc:
            self.breakdown.setText(str(exc))
            self.ok_button.setEnabled(False)
            return
        self.ok_button.setEnabled(True)
        self.breakdown.setText(self.tr("{detail}. The citizen pays <b>{amount}</b>.").format(
            detail=detail, amount=format_vnd(amount)))

    def _accept(self) -> None:
        name, amount, _detail = self.quote()
        self.fee = (name, amount)
        self.accept()
