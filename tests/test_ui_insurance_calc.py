"""The counter's answer to "how much do I pay?": the calculator's quote becomes one fee line."""
from __future__ import annotations

from datetime import date

from counter_app import insurance

PAID_ON = date(2026, 7, 15)  # after the base salary rose to 2,530,000 đ (Decree 161/2026)


def test_household_quote_becomes_a_fee_line(qtbot):
    from ui.insurance_calc import InsuranceCalculator

    dialog = InsuranceCalculator(paid_on=PAID_ON)
    qtbot.addWidget(dialog)
    dialog.members.setValue(2)
    dialog.household_months.setValue(12)
    dialog.ok_button.click()
    name, amount = dialog.fee
    assert amount == 12 * (113_850 + 79_695)  # the first member 4.5% of 2,530,000; the second 70% of it
    assert name.startswith("Tiền đóng BHYT hộ gia đình: 2 người × 12 tháng")


def test_voluntary_quote_refuses_an_income_out_of_range_and_counts_the_support(qtbot):
    from ui.insurance_calc import InsuranceCalculator

    dialog = InsuranceCalculator(paid_on=PAID_ON)
    qtbot.addWidget(dialog)
    dialog.tabs.setCurrentIndex(1)
    dialog.voluntary_months.setCurrentIndex(dialog.voluntary_months.findData(12))
    dialog.category.setCurrentIndex(dialog.category.findData(insurance.Category.POOR))
    low, _high = insurance.voluntary_income_range(PAID_ON)
    dialog.income.setValue(low)
    dialog.ok_button.click()
    name, amount = dialog.fee
    expected = insurance.voluntary_social_insurance(income_vnd=low, category=insurance.Category.POOR,
                                                    start=date.today().replace(day=1), months=12, paid_on=PAID_ON)
    assert amount == expected.total_vnd == 12 * (330_000 - 165_000)  # 22% of 1,500,000, half paid by the State
    assert name.startswith("Tiền đóng BHXH tự nguyện: 12 tháng")


def test_the_receive_form_adds_the_quote_as_a_fee_line_that_is_saved(qtbot, context):
    from ui_flows import fill_by_keyboard, open_page, save_by_keyboard

    from counter_app.dossiers import get_dossier

    page = open_page(qtbot, context)
    fill_by_keyboard(page)
    dialog = page.open_insurance_calculator()
    dialog.paid_on = PAID_ON
    dialog.members.setValue(1)
    dialog.household_months.setValue(3)
    dialog.ok_button.click()
    code = save_by_keyboard(qtbot, page)
    fee = get_dossier(context.store, code).fees[-1]
    assert fee.amount_vnd == 3 * 113_850 and fee.name.startswith("Tiền đóng BHYT hộ gia đình: 1 người × 3 tháng")


def test_the_calculator_opens_on_the_procedures_scheme_ready_to_type(qtbot, context):
    from PySide6.QtCore import Qt
    from ui_flows import focused, key, open_page, type_text

    page = open_page(qtbot, context)
    type_text("bhxh tn")
    dialog = page.open_insurance_calculator()
    qtbot.waitUntil(lambda: focused() is dialog.income or focused().parentWidget() is dialog.income)
    assert dialog.tabs.currentIndex() == 1  # voluntary social insurance
    type_text("3000000")  # the chosen income replaces the lowest one (2,200,000 đ from 2027)
    paid_on = dialog.paid_on
    with qtbot.waitSignal(dialog.accepted):
        key(Qt.Key.Key_Return)
    expected = insurance.voluntary_social_insurance(income_vnd=3_000_000, category=insurance.Category.OTHER,
                                                    start=paid_on.replace(day=1), months=1, paid_on=paid_on)
    row = page.fees.rows[-1]
    assert row.label.text() == insurance.fee_name(expected) and row.amount.value() == expected.total_vnd


def test_a_quote_fills_the_procedures_contribution_line_and_a_recalculation_replaces_it(qtbot, context):
    """One contribution line whatever the clerk recalculated, kept by the draft."""
    from ui_flows import open_page, type_text

    page = open_page(qtbot, context)
    type_text("bhyt hgd")
    rows = len(page.fees.rows)
    for members in (2, 3):
        dialog = page.open_insurance_calculator()
        dialog.paid_on = PAID_ON
        dialog.members.setValue(members)
        dialog.household_months.setValue(12)
        dialog.ok_button.click()
    contributions = [row for row in page.fees.rows if row.label.text().startswith("Tiền đóng")]
    assert len(page.fees.rows) == rows and len(contributions) == 1
    [row] = contributions
    assert row.label.text().startswith("Tiền đóng BHYT hộ gia đình: 3 người × 12 tháng") and row.box.isChecked()
    assert row.amount.value() == 12 * (113_850 + 79_695 + 68_310)
    state = page.fees.state()
    page.fees.set_procedure(page.picker.current())  # the draft brought back after a restart
    page.fees.restore(state)
    assert [f.name for f in page.fees.fees()] == [row.label.text() for row in page.fees.rows if row.box.isChecked()]
    assert any(f.name.startswith("Tiền đóng BHYT hộ gia đình: 3 người") for f in page.fees.fees())
