"""Keyboard flows shared by the counter-screen tests: contexts, typing, the receive form by keys."""
from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from factories import add_users, make_store
from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

import ui.widgets  # noqa: F401 - installs the PySide6 6.12 reference-count guard
from counter_app import office
from ui.context import AppContext
from ui.receive_form import ReceivePage
from ui.tasks import TaskRunner

CTRL = Qt.KeyboardModifier.ControlModifier
ALT = Qt.KeyboardModifier.AltModifier

SCANNED = "001099012345|123456789|Nguyễn Văn Đức|01021999|Nam|Số 1 Ngõ 2, Phường Ba Đình, Hà Nội|15082021\r\n"


def make_context(tmp_path: Path, role: str = "staff") -> AppContext:
    store = make_store(tmp_path / "counter.sqlite3")
    actors = add_users(store)
    return AppContext(store=store, actor=actors[role], office=office.get_office(store), tasks=TaskRunner())


def close_context(context: AppContext) -> None:
    context.tasks.shutdown()
    context.store.close()


def focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None, "nothing has the keyboard focus"
    return widget


def type_text(text: str, widget: QWidget | None = None) -> None:
    """Type into the focused widget one key event per character (Vietnamese included);
    CR and LF arrive as Enter, as a USB scanner sends them."""
    for ch in text:
        target = widget or focused()
        if ch in "\r\n":
            QTest.keyClick(target, Qt.Key.Key_Return)
        else:
            QTest.sendKeyEvent(QTest.KeyAction.Click, target, Qt.Key.Key_unknown, ch, Qt.KeyboardModifier.NoModifier)


def key(sequence: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier, times: int = 1) -> None:
    for _ in range(times):
        QTest.keyClick(focused(), sequence, modifier)


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


def save_by_keyboard(qtbot, page: ReceivePage) -> str:
    """Ctrl+S and the code of the saved dossier."""
    with qtbot.waitSignal(page.dossierSaved, timeout=5000) as saved:
        key(Qt.Key.Key_S, CTRL)
    return saved.args[0]


def run_action(qtbot, detail, mnemonic: Qt.Key, text: str = "") -> None:
    """Alt+mnemonic opens the action's dialog; type into its first field; Enter confirms."""
    qtbot.waitUntil(detail.isActiveWindow)
    QTest.keyClick(detail, mnemonic, ALT)
    qtbot.waitUntil(lambda: detail.dialog is not None and detail.dialog.isVisible())
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None
                    and QApplication.focusWidget().window() is detail.dialog)
    if text:
        type_text(text)
    with qtbot.waitSignal(detail.changed, timeout=5000):
        key(Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not detail.dialog.isVisible())


class ModalAnswerer:
    """Answers each modal window the start-up opens, on the GUI thread, and records what it saw.

    Every answerer is stopped when its test ends (conftest), even a failed one: a timer left
    running would answer the next tests' dialogs.
    """

    running: ClassVar[list[ModalAnswerer]] = []

    def __init__(self, answer) -> None:  # type: ignore[no-untyped-def]
        ModalAnswerer.running.append(self)
        self.answer = answer
        self.seen: list[object] = []
        self.timer = QTimer()
        self.timer.setInterval(20)
        self.timer.timeout.connect(self._poll)
        self.timer.start()

    @classmethod
    def stop_all(cls) -> None:
        while cls.running:
            cls.running.pop().timer.stop()

    def _poll(self) -> None:
        modal = QApplication.activeModalWidget()
        if modal is not None and modal.isVisible() and (not self.seen or self.seen[-1] is not modal):
            self.seen.append(modal)
            self.answer(modal)
