"""Số hóa in the dossier's detail, by keyboard only: scans from the scanner's folder become one PDF
per paper (order and turns kept); papers only shown are exempt; the result is attached at "Đã có kết quả"."""
from __future__ import annotations

from collections import Counter
from dataclasses import replace
from datetime import date

import pytest
from factories import request
from mnemonics import _letter, clashes
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractButton, QMessageBox
from scans import page_rotations, page_widths, scanned_pages
from test_ui_dossiers import open_list
from test_ui_keyboard import language  # noqa: F401 - the fixture, both languages
from ui_flows import ALT, CTRL, focused, key

from counter_app import services, settings
from counter_app.attachments import list_attachments, read_content
from counter_app.dossiers import get_dossier
from counter_app.models import PaperForm
from counter_app.reports.score766 import Period, report_766
from counter_app.states import Action

TIMEOUT = 10_000
# Alt keys of the capture (digitise, scanner folder, rotate, save) in each language.
KEYS = {"en": (Qt.Key.Key_Z, Qt.Key.Key_S, Qt.Key.Key_R, Qt.Key.Key_V),
        "vi": (Qt.Key.Key_A, Qt.Key.Key_M, Qt.Key.Key_O, Qt.Key.Key_U)}


def _detail(qtbot, context, code: str):
    page = open_list(qtbot, context)
    detail = page.open_detail(code)
    qtbot.waitUntil(lambda: detail.dossier is not None and detail.captures.lines.count() > 0, timeout=TIMEOUT)
    detail.activateWindow()
    qtbot.waitUntil(detail.isActiveWindow)
    return detail


def _active(qtbot, dialog):
    qtbot.waitUntil(dialog.isVisible)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    return dialog


def _stored(context, attachment) -> bytes:
    data = read_content(context.store, attachment.sha256)
    assert data is not None
    return data


def test_a_paper_captured_by_keyboard_becomes_one_pdf_in_the_order_and_turns_given(qtbot, context, tmp_path,
                                                                                    language):  # noqa: F811
    code = services.receive_dossier(context.store, context.actor, request(context.store)).code
    scanner = tmp_path / "scanner"
    scanner.mkdir()
    first, second, third, spoiled = scanned_pages(scanner, 4)  # 110, 120, 130, 140 points wide
    settings.remember(context.store, settings.SCANNER_FOLDER, str(scanner))
    digitise, from_scanner, rotate, save = KEYS[language]
    detail = _detail(qtbot, context, code)
    assert clashes(detail) == {}

    QTest.keyClick(detail, digitise, ALT)  # Số hóa / Digitise, for the first paper (highlighted)
    qtbot.waitUntil(lambda: detail.captures.dialog is not None)
    dialog = _active(qtbot, detail.captures.dialog)
    QTest.keyClick(dialog, from_scanner, ALT)  # from the scanner's folder: the four scans, in scan order
    qtbot.waitUntil(lambda: dialog.strip.count() == 4, timeout=TIMEOUT)
    assert clashes(dialog) == {}
    assert focused() is dialog.strip and dialog.strip.currentRow() == 3
    key(Qt.Key.Key_Delete)  # the spoiled page
    key(Qt.Key.Key_Left)  # the second page…
    QTest.keyClick(dialog, rotate, ALT)  # …turned 90°
    key(Qt.Key.Key_Up, CTRL)  # …and moved first
    assert [p.path for p in dialog.pages()] == [second, first, third]
    QTest.keyClick(dialog, save, ALT)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=TIMEOUT)
    qtbot.waitUntil(lambda: "(1 PDF)" in detail.captures.lines.item(0).text(), timeout=TIMEOUT)

    [attachment] = list_attachments(context.store, code)
    assert (attachment.kind, attachment.paper, attachment.media_type) == ("paper", 1, "application/pdf")
    pdf = _stored(context, attachment)
    assert page_widths(pdf) == [120, 110, 130]
    assert page_rotations(pdf) == [90, 0, 0]
    assert spoiled.exists()  # nothing in the scanner's folder is touched


# Alt keys of the citizen's earlier copies list and of "Reuse" in each language.
REUSE_KEYS = {"en": (Qt.Key.Key_C, Qt.Key.Key_E), "vi": (Qt.Key.Key_C, Qt.Key.Key_D)}


def test_an_earlier_copy_of_the_citizen_is_reused_by_keyboard(qtbot, context, language):  # noqa: F811
    """The citizen comes back: their first dossier's papers are offered in the capture and one is reused."""
    import random

    from scans import pdf_of_pages

    from counter_app.attachments import attach_pdf

    earlier = services.receive_dossier(context.store, context.actor, request(context.store, rng=random.Random(7))).code
    first = attach_pdf(context.store, context.actor, earlier, pdf_of_pages(2), paper=1)
    attach_pdf(context.store, context.actor, earlier, pdf_of_pages(3), paper=2)  # newer: listed first
    code = services.receive_dossier(context.store, context.actor, request(context.store, rng=random.Random(7))).code
    digitise = KEYS[language][0]
    copies, reuse = REUSE_KEYS[language]
    detail = _detail(qtbot, context, code)

    QTest.keyClick(detail, digitise, ALT)  # for the first paper (highlighted)
    qtbot.waitUntil(lambda: detail.captures.dialog is not None)
    dialog = _active(qtbot, detail.captures.dialog)
    qtbot.waitUntil(lambda: dialog.earlier.count() == 2 and dialog.earlier.isVisible(), timeout=TIMEOUT)
    assert clashes(dialog) == {}
    assert earlier in dialog.earlier.item(0).text() and "3" in dialog.earlier.item(0).text()
    QTest.keyClick(dialog, copies, ALT)
    assert focused() is dialog.earlier and dialog.earlier.currentRow() == 0
    key(Qt.Key.Key_Down)  # the first paper's copy, two pages
    QTest.keyClick(dialog, reuse, ALT)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=TIMEOUT)
    qtbot.waitUntil(lambda: "(1 PDF)" in detail.captures.lines.item(0).text(), timeout=TIMEOUT)

    [attachment] = list_attachments(context.store, code)
    assert (attachment.paper, attachment.sha256, attachment.reused_from) == (1, first.sha256, earlier)


def test_answers_arriving_after_the_detail_closed_are_dropped(qtbot, context):
    """The list of copies and the citizen's earlier copies are read on the database thread; the
    detail (and its capture dialog) may be closed before they arrive."""
    import random
    import threading

    from shiboken6 import isValid

    code = services.receive_dossier(context.store, context.actor, request(context.store, rng=random.Random(7))).code
    services.receive_dossier(context.store, context.actor, request(context.store, rng=random.Random(7)))
    detail = _detail(qtbot, context, code)
    captures = detail.captures
    gate = threading.Event()
    context.tasks.run_db(lambda: gate.wait(TIMEOUT / 1000))  # hold the database thread
    captures.show_dossier(detail.dossier)
    dialog = captures.capture()
    assert dialog is not None
    detail.close()
    qtbot.waitUntil(lambda: not isValid(captures) and not isValid(dialog), timeout=TIMEOUT)
    gate.set()
    assert context.tasks.wait_idle()  # an exception in a callback would fail the test here


def test_a_paper_only_shown_is_exempt_in_the_detail(qtbot, context):
    base = request(context.store)
    shown = replace(base.papers[0], form=PaperForm.SHOWN)
    code = services.receive_dossier(context.store, context.actor, replace(base, papers=(shown, *base.papers[1:]))).code
    detail = _detail(qtbot, context, code)
    lines = detail.captures.lines
    assert "shown only" in lines.item(0).text() or "xuất trình" in lines.item(0).text()
    assert not lines.item(0).flags() & Qt.ItemFlag.ItemIsEnabled
    assert "not digitised" in lines.item(1).text() or "chưa số hóa" in lines.item(1).text()
    lines.setFocus()
    lines.setCurrentRow(0)
    QTest.keyClick(lines, Qt.Key.Key_Return)  # nothing to digitise
    assert detail.captures.dialog is None
    lines.setCurrentRow(1)
    QTest.keyClick(lines, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: detail.captures.dialog is not None and detail.captures.dialog.isVisible())
    assert "2." in detail.captures.dialog.windowTitle()


@pytest.mark.usefixtures("november_2026")
def test_the_result_attached_at_result_ready_is_counted_by_766(qtbot, context, tmp_path):
    code = services.receive_dossier(context.store, context.actor, request(context.store)).code
    services.transfer(context.store, context.actor, code, processing_agency="Công an xã")
    [result_page] = scanned_pages(tmp_path, 1)
    detail = _detail(qtbot, context, code)
    action = _active(qtbot, detail.start_action(Action.RESULT_READY))
    QTest.keyClick(action, Qt.Key.Key_U, ALT)  # attach the electronic result
    qtbot.waitUntil(lambda: action.capture is not None)
    capture = _active(qtbot, action.capture)
    capture.add_files([result_page])  # as dropped or chosen in the file dialog
    QTest.keyClick(capture, Qt.Key.Key_V, ALT)
    qtbot.waitUntil(lambda: not capture.isVisible(), timeout=TIMEOUT)
    assert list_attachments(context.store, code) == []  # nothing stored before the action is confirmed
    action.activateWindow()
    qtbot.waitUntil(action.isActiveWindow)
    QTest.keyClick(focused(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not action.isVisible(), timeout=TIMEOUT)

    [attachment] = list_attachments(context.store, code)
    assert (attachment.kind, attachment.paper) == ("result", None)
    assert page_widths(_stored(context, attachment)) == [110]
    total = report_766(context.store, Period(date(2026, 11, 1), date(2026, 11, 30))).total
    assert (total.finished, total.with_result) == (1, 1)


def test_a_damaged_result_file_refuses_the_action_and_changes_nothing(qtbot, context, tmp_path):
    code = services.receive_dossier(context.store, context.actor, request(context.store)).code
    damaged = tmp_path / "ket-qua.png"
    damaged.write_bytes(b"\x89PNG\r\n\x1a\n" + b"cut short")
    detail = _detail(qtbot, context, code)
    action = _active(qtbot, detail.start_action(Action.RESULT_READY))
    capture = _active(qtbot, action.capture_result())
    capture.add_files([damaged])
    capture.submit()
    qtbot.waitUntil(lambda: not capture.isVisible(), timeout=TIMEOUT)
    action.submit()
    qtbot.waitUntil(action.message.isVisible, timeout=TIMEOUT)
    assert "Tệp thứ 1 hỏng" in action.message.text()
    assert action.isVisible()
    assert get_dossier(context.store, code).result_ready_at is None
    assert list_attachments(context.store, code) == []


@pytest.mark.parametrize("action", [Action.RESULT_READY, Action.RETURN_RESULT])
def test_the_result_actions_claim_no_alt_key_twice(qtbot, context, language, action):  # noqa: F811
    code = services.receive_dossier(context.store, context.actor, request(context.store)).code
    services.transfer(context.store, context.actor, code, processing_agency="Công an xã")
    if action is Action.RETURN_RESULT:
        services.record_result_ready(context.store, context.actor, code)
    detail = _detail(qtbot, context, code)
    dialog = _active(qtbot, detail.start_action(action))
    assert "&" in dialog.result_button.text()
    assert clashes(dialog) == {}
    dialog.reject()


def test_dropped_files_join_the_pages_in_the_order_dropped(qtbot, context, tmp_path):
    from PySide6.QtCore import QMimeData, QPointF, QUrl
    from PySide6.QtGui import QDropEvent

    from ui.capture_dialog import CaptureDialog

    first, second = scanned_pages(tmp_path, 2)
    note = tmp_path / "ghi-chu.txt"
    note.write_text("không phải trang")
    dialog = CaptureDialog(context, "Số hóa")
    qtbot.addWidget(dialog)
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(p)) for p in (second, note, first)])
    dialog.dropEvent(QDropEvent(QPointF(10, 10), Qt.DropAction.CopyAction, data, Qt.MouseButton.LeftButton,
                                Qt.KeyboardModifier.NoModifier))
    assert [p.path for p in dialog.pages()] == [second, first]


# Alt key of "View copy" in each language.
VIEW_KEYS = {"en": Qt.Key.Key_V, "vi": Qt.Key.Key_E}


def test_the_latest_copy_of_a_paper_is_shown_by_keyboard_and_a_lost_one_says_so(qtbot, context, language):  # noqa: F811
    from scans import pdf_of_pages

    from counter_app.attachment_files import content_path
    from counter_app.attachments import attach_pdf, folder_of

    code = services.receive_dossier(context.store, context.actor, request(context.store)).code
    attach_pdf(context.store, context.actor, code, pdf_of_pages(1), paper=1)
    latest = attach_pdf(context.store, context.actor, code, pdf_of_pages(3), paper=1)  # a second, better scan
    detail = _detail(qtbot, context, code)
    captures = detail.captures
    qtbot.waitUntil(lambda: captures.view_button.isEnabled(), timeout=TIMEOUT)  # paper 1 has copies
    assert clashes(detail) == {}
    every = Counter(_letter(b.text()) for b in detail.findChildren(QAbstractButton) if _letter(b.text()))
    assert [letter for letter, n in every.items() if n > 1] == []  # nor with an action of another state or role
    captures.lines.setCurrentRow(captures.lines.count() - 1)
    assert not captures.view_button.isEnabled()  # the result: none yet
    captures.lines.setCurrentRow(0)

    with qtbot.waitSignal(captures.viewing, timeout=TIMEOUT) as shown:
        QTest.keyClick(detail, VIEW_KEYS[language], ALT)
    preview = shown.args[0]
    assert preview.document.pageCount() == 3 and preview.pdf_bytes == _stored(context, latest)
    assert preview.default_path().endswith(f"ban-dien-tu-{code}-giay-to-1.pdf")
    preview.close()
    _active(qtbot, detail)

    content_path(folder_of(context.store).root, latest.sha256).unlink()  # a disk that lost the file
    QTest.keyClick(detail, VIEW_KEYS[language], ALT)
    qtbot.waitUntil(lambda: getattr(captures, "message_box", None) is not None
                    and captures.message_box.isVisible(), timeout=TIMEOUT)
    assert "missing" in captures.message_box.text() or "bị thiếu" in captures.message_box.text()


def test_esc_with_pages_collected_asks_before_they_are_thrown_away(qtbot, context, tmp_path):
    code = services.receive_dossier(context.store, context.actor, request(context.store)).code
    detail = _detail(qtbot, context, code)
    dialog = _active(qtbot, detail.captures.capture())
    dialog.add_files(scanned_pages(tmp_path, 2))
    qtbot.waitUntil(lambda: dialog.strip.count() == 2, timeout=TIMEOUT)

    key(Qt.Key.Key_Escape)  # a slip of the finger after a whole feeder run
    qtbot.waitUntil(lambda: dialog.discard_question is not None and dialog.discard_question.isVisible())
    question = _active(qtbot, dialog.discard_question)
    assert "2" in question.text() and question.defaultButton().text().replace("&", "") in (
        "Keep the pages", "Giữ lại các trang")
    key(Qt.Key.Key_Return)  # the default keeps them
    qtbot.waitUntil(lambda: not question.isVisible())
    assert dialog.isVisible() and dialog.strip.count() == 2

    _active(qtbot, dialog)
    key(Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: dialog.discard_question is not question and dialog.discard_question.isVisible())
    discard = next(b for b in dialog.discard_question.buttons()
                   if dialog.discard_question.buttonRole(b) is QMessageBox.ButtonRole.DestructiveRole)
    discard.click()
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert list_attachments(context.store, code) == []
