"""The receive form's fees: the certification fee computed from pages and copies (issue 11)."""
from __future__ import annotations

from PySide6.QtCore import Qt
from ui_flows import ALT, focused, key, open_page, type_text

from counter_app.models import PaperForm


def test_certification_fee_follows_pages_and_copies_typed_at_the_counter(qtbot, context):
    page = open_page(qtbot, context)
    type_text("chung thuc ban sao")
    (row,) = page.fees.rows
    assert row.amount.value() == 2_000 and "2.000 đ" in page.fees.total_label.text()
    row.pages.setFocus()
    qtbot.waitUntil(lambda: focused() is row.pages or focused().parentWidget() is row.pages)
    key(Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    type_text("10")
    key(Qt.Key.Key_Tab)
    key(Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    type_text("3")
    assert (row.pages.value(), row.copies.value()) == (10, 3)
    assert row.amount.value() == 36_000  # (2 × 2.000 + 8 × 1.000) × 3
    assert "36.000 đ" in page.fees.total_label.text()
    assert not row.amount.focusPolicy() & Qt.FocusPolicy.TabFocus  # computed, not typed
    (fee,) = page.fees.fees()
    assert fee.detail == "10 trang × 3 bản"


def test_the_original_is_what_the_citizen_brings(qtbot, context):
    page = open_page(qtbot, context)
    type_text("chung thuc ban sao")
    forms = [PaperForm(form.currentData()) for _box, _label, form, _count in page.papers.rows]
    assert forms == [PaperForm.ORIGINAL, PaperForm.PHOTOCOPY]


def test_pages_and_copies_survive_the_draft(qtbot, context):
    page = open_page(qtbot, context)
    type_text("chung thuc ban sao")
    page.fees.rows[0].pages.setValue(300)
    page.fees.rows[0].copies.setValue(2)
    state = page.fees.state()
    page.fees.set_procedure(page.picker.current())
    assert page.fees.rows[0].amount.value() == 2_000
    page.fees.restore(state)
    assert page.fees.rows[0].amount.value() == 400_000  # capped at 200.000 đ a copy


def test_alt_q_ticks_the_required_papers_and_goes_on_to_the_pages(qtbot, context):
    page = open_page(qtbot, context)
    type_text("chung thuc ban sao")
    assert page.papers.first_missing_required() is not None
    key(Qt.Key.Key_Q, ALT)  # a mnemonic clicks after a short animation
    qtbot.waitUntil(lambda: page.papers.first_missing_required() is None)
    assert [box.isChecked() for box, *_rest in page.papers.rows] == [spec.required for spec in
                                                                    page.picker.current().papers]
    (row,) = page.fees.rows
    qtbot.waitUntil(lambda: focused() is row.pages or focused().parentWidget() is row.pages)
    type_text("10")  # the pages box's value is selected: typing replaces it
    assert row.pages.value() == 10
