"""Gỡ bản điện tử in the dossier's detail, by keyboard only: which copy, why, then the line shows what remains."""
from __future__ import annotations

from factories import request
from mnemonics import clashes
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from scans import pdf_of_pages
from test_ui_capture import _active, _detail
from test_ui_keyboard import language  # noqa: F401 - the fixture, both languages
from ui_flows import ALT, focused, key, type_text

from counter_app import services
from counter_app.attachments import attach_pdf, list_attachments

TIMEOUT = 10_000
# Alt keys: the detail's "Withdraw copy…" and "Digitise…", then the dialog's copy list, reason and Withdraw.
KEYS = {"en": (Qt.Key.Key_Y, Qt.Key.Key_Z, Qt.Key.Key_C, Qt.Key.Key_R, Qt.Key.Key_W),
        "vi": (Qt.Key.Key_I, Qt.Key.Key_A, Qt.Key.Key_B, Qt.Key.Key_L, Qt.Key.Key_G)}


def test_a_wrong_copy_is_withdrawn_by_keyboard_and_the_paper_captured_again(qtbot, context, language):  # noqa: F811
    store, actor = context.store, context.actor
    code = services.receive_dossier(store, actor, request(store)).code
    wrong = attach_pdf(store, actor, code, pdf_of_pages(2), paper=1)
    right = attach_pdf(store, actor, code, pdf_of_pages(3), paper=1)
    withdraw_key, digitise_key, copy_key, reason_key, confirm_key = KEYS[language]
    detail = _detail(qtbot, context, code)
    captures = detail.captures
    assert "(2 PDF)" in captures.lines.item(0).text() and captures.withdraw_button.isEnabled()
    captures.lines.setFocus()
    key(Qt.Key.Key_Down)  # paper 2 has no copy: nothing to withdraw
    assert not captures.withdraw_button.isEnabled()
    key(Qt.Key.Key_Up)
    assert clashes(detail) == {}

    QTest.keyClick(detail, withdraw_key, ALT)
    qtbot.waitUntil(lambda: captures.withdraw_dialog is not None)
    dialog = _active(qtbot, captures.withdraw_dialog)
    assert clashes(dialog) == {}
    assert dialog.choice.isVisible() and dialog.choice.count() == 2
    QTest.keyClick(dialog, confirm_key, ALT)  # no reason yet: refused in the dialog, nothing changed
    qtbot.waitUntil(dialog.message.isVisible, timeout=TIMEOUT)
    assert dialog.isVisible() and len(list_attachments(store, code)) == 2
    QTest.keyClick(dialog, copy_key, ALT)
    assert focused() is dialog.choice
    key(Qt.Key.Key_Up)  # the first copy: the wrong one
    QTest.keyClick(dialog, reason_key, ALT)
    assert focused() is dialog.reason
    type_text("Quét nhầm giấy tờ của người khác")
    key(Qt.Key.Key_Return)  # Enter in the reason withdraws nothing: the button is the confirmation
    assert dialog.isVisible() and len(list_attachments(store, code)) == 2
    QTest.keyClick(dialog, confirm_key, ALT)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=TIMEOUT)
    qtbot.waitUntil(lambda: "(1 PDF)" in captures.lines.item(0).text(), timeout=TIMEOUT)
    assert list_attachments(store, code) == [right]
    assert [a.sha256 for a in list_attachments(store, code, withdrawn=True) if a.withdrawn_at] == [wrong.sha256]

    _active(qtbot, detail)
    QTest.keyClick(detail, withdraw_key, ALT)  # the one copy left: no question which
    qtbot.waitUntil(lambda: captures.withdraw_dialog is not dialog)
    dialog = _active(qtbot, captures.withdraw_dialog)
    assert not dialog.choice.isVisible()
    assert focused() is dialog.reason
    type_text("Cũng sai")
    QTest.keyClick(dialog, confirm_key, ALT)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=TIMEOUT)
    qtbot.waitUntil(lambda: not captures.withdraw_button.isEnabled(), timeout=TIMEOUT)
    assert "PDF" not in captures.lines.item(0).text()  # "not digitised" again
    assert list_attachments(store, code) == []

    _active(qtbot, detail)
    QTest.keyClick(detail, digitise_key, ALT)  # "Số hóa" captures the right one: a replacement
    qtbot.waitUntil(lambda: captures.dialog is not None and captures.dialog.isVisible(), timeout=TIMEOUT)

