"""Quét ngay in the capture, by keyboard: the virtual scanner's feeder becomes the paper's PDF."""
from __future__ import annotations

from pathlib import Path

import pytest
from factories import request
from mnemonics import clashes
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from sane_backend import require_test_scanner
from test_ui_capture import KEYS, TIMEOUT, _active, _detail
from test_ui_keyboard import language  # noqa: F401 - the fixture, both languages
from ui_flows import ALT, close_context, make_context

from counter_app import services, settings
from counter_app.attachments import list_attachments, stored_pages

pytestmark = pytest.mark.ui


def test_scan_now_takes_the_feeder_into_the_strip_and_saves_one_pdf(qtbot, context, language):  # noqa: F811
    require_test_scanner()
    code = services.receive_dossier(context.store, context.actor, request(context.store)).code
    settings.remember(context.store, settings.SCANNER_DEVICE, "test:1")  # the one chosen in the settings
    digitise, _folder, _rotate, save = KEYS[language]
    detail = _detail(qtbot, context, code)
    QTest.keyClick(detail, digitise, ALT)
    qtbot.waitUntil(lambda: detail.captures.dialog is not None)
    dialog = _active(qtbot, detail.captures.dialog)
    assert dialog.scan_button.isVisible()
    assert clashes(dialog) == {}
    QTest.keyClick(dialog, Qt.Key.Key_N, ALT)  # Quét ngay / Scan now
    qtbot.waitUntil(lambda: dialog.strip.count() == 10, timeout=TIMEOUT)  # the test scanner's feeder holds 10
    assert dialog.scans is not None and dialog.scans.device == "test:1"
    folder = dialog.scans.folder
    assert folder is not None and all(Path(page.path).parent == folder for page in dialog.pages())
    QTest.keyClick(dialog, save, ALT)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=TIMEOUT)
    [attachment] = list_attachments(context.store, code)
    assert (attachment.paper, stored_pages(context.store, attachment)) == (1, 10)
    assert not folder.exists()  # the scans are not kept once attached


def test_a_missing_scanner_is_said_in_the_dialog(qtbot, context):
    require_test_scanner()
    code = services.receive_dossier(context.store, context.actor, request(context.store)).code
    settings.remember(context.store, settings.SCANNER_DEVICE, "test:5")
    detail = _detail(qtbot, context, code)
    detail.captures.capture()
    dialog = _active(qtbot, detail.captures.dialog)
    dialog.scan_button.click()
    qtbot.waitUntil(dialog.message.isVisible, timeout=TIMEOUT)
    assert "Không tìm thấy máy quét đã chọn" in dialog.message.text()
    assert dialog.strip.count() == 0 and not dialog.busy


def test_the_settings_choose_the_scanner_among_those_found(qtbot, tmp_path):
    require_test_scanner()
    from ui.admin_settings import SettingsTab

    context = make_context(tmp_path, role="admin")
    try:
        tab = SettingsTab(context)
        qtbot.addWidget(tab)
        combo = tab.inputs[settings.SCANNER_DEVICE]
        qtbot.waitUntil(lambda: combo.findData("test:1") >= 0, timeout=TIMEOUT)
        assert combo.itemText(combo.findData("test:0")) == "Noname frontend-tester (test:0)"
        assert combo.currentData() == ""  # nothing chosen yet: the first found
        combo.setCurrentIndex(combo.findData("test:1"))
        tab.save.click()
        qtbot.waitUntil(lambda: settings.read(context.store, settings.SCANNER_DEVICE) == "test:1", timeout=TIMEOUT)
    finally:
        close_context(context)
