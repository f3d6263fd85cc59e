"""Receive form: keyboard-only reception with a scanned CCCD, blocked saves, drafts."""
from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from test_ui_receive_support import SCANNED, close_context, focused, key, make_context, type_text
from ui.receive_form import ReceivePage

CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture
def context(tmp_path):
    ctx = make_context(tmp_path)
    yield ctx
    close_context(ctx)


def open_page(qtbot, context) -> ReceivePage:
    page = ReceivePage(context)
    qtbot.addWidget(page)
    with qtbot.waitSignal(page.ready, timeout=5000):
        page.resize(1200, 800)
        page.show()
    page.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is page.picker.filter_edit)
    return page


def fill_by_keyboard(page: ReceivePage, *, tick_paper: bool = True) -> None:
    type_text("cap lai the")
    assert page.picker.current().code == "LOCAL.BHYT.CAPLAI"
    key(Qt.Key.Key_Tab)
    assert focused() is page.applicant.scan
    type_text(SCANNED)
    assert page.applicant.full_name.text() == "Nguyễn Văn Đức"
    assert page.applicant.personal_id.text() == "001099012345"
    assert page.applicant.birth_date.text() == "01/02/1999"
    assert page.applicant.sex.currentData() == "male"
    assert page.applicant.address.text() == "Số 1 Ngõ 2, Phường Ba Đình, Hà Nội"
    assert focused() is page.applicant.phone.edit
    type_text("0912 345 678")
    key(Qt.Key.Key_Tab, times=4)  # e-mail, social insurance no., health-insurance card → first paper
    assert focused() is page.papers.rows[0][0]
    if tick_paper:
        key(Qt.Key.Key_Space)
        assert page.papers.rows[0][0].isChecked()


def test_receive_with_keyboard_only_and_print_with_one_key(qtbot, context):
    page = open_page(qtbot, context)
    fill_by_keyboard(page)
    with qtbot.waitSignal(page.dossierSaved, timeout=5000) as saved:
        key(Qt.Key.Key_S, CTRL)
    code = saved.args[0]
    assert code.startswith("H15.50.05.13-")
    assert page.code_label.text() == code and page.result_panel.isVisible()
    with qtbot.waitSignal(page.receiptRequested) as printed:
        key(Qt.Key.Key_F9)
    assert printed.args == [code]
    with qtbot.waitSignal(page.receiptRequested):
        key(Qt.Key.Key_P, CTRL)
    key(Qt.Key.Key_N, CTRL)
    assert not page.result_panel.isVisible() and page.applicant.full_name.text() == ""
