"""The operation wrapper: every list refreshes after any change, and failures reach the user."""
from __future__ import annotations

from factories import request
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget
from test_ui_dossiers import open_list
from ui_flows import fill_by_keyboard, open_page, run_action, save_by_keyboard

from counter_app import services
from counter_app.errors import CounterError
from counter_app.states import Status
from ui.dossier_list import DossiersPage, ReturnsPage


def test_a_saved_dossier_shows_in_the_open_dossier_list(qtbot, context):
    dossiers = open_list(qtbot, context)
    assert dossiers.model.total == 0
    receive = open_page(qtbot, context)
    fill_by_keyboard(receive)
    code = save_by_keyboard(qtbot, receive)
    qtbot.waitUntil(lambda: dossiers.model.total == 1, timeout=5000)
    assert dossiers.model.code_at(0) == code
    assert dossiers.count_label.text() == "1 dossiers"


def test_result_ready_in_the_detail_shows_on_the_returns_list_without_typing(qtbot, context):
    dossier = services.receive_dossier(context.store, context.actor, request(context.store))
    services.transfer(context.store, context.actor, dossier.code, processing_agency="UBND xã", note="")
    returns = open_list(qtbot, context, ReturnsPage)
    assert returns.model.total == 0
    dossiers = open_list(qtbot, context, DossiersPage)
    detail = dossiers.open_detail(dossier.code)
    qtbot.waitUntil(lambda: detail.dossier is not None, timeout=5000)
    run_action(qtbot, detail, Qt.Key.Key_R)
    assert detail.dossier.status == Status.RESULT_READY
    qtbot.waitUntil(lambda: returns.model.total == 1, timeout=5000)
    assert returns.model.code_at(0) == dossier.code
    assert returns.filters.search.text() == ""


def _boxes() -> list[QMessageBox]:
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()]


def test_a_failed_change_is_shown_in_vietnamese_and_changes_nothing(qtbot, context, vietnamese):
    parent = QWidget()
    qtbot.addWidget(parent)
    parent.show()
    changed = []
    context.tasks.dossiersChanged.connect(lambda: changed.append(True))

    def broken() -> None:
        raise KeyError("secret personal data")

    context.tasks.run_op(broken, parent=parent)
    qtbot.waitUntil(lambda: bool(parent.findChildren(QMessageBox)), timeout=5000)
    box = parent.findChildren(QMessageBox)[0]
    qtbot.waitUntil(box.isVisible)
    assert "Thao tác không thực hiện được" in box.text()
    assert "Traceback" not in box.text() and "secret" not in box.text()
    assert box.button(QMessageBox.StandardButton.Ok).text() == "Đồng ý"
    assert changed == []
    box.close()


def test_a_refusal_is_shown_as_the_service_words_it_and_a_handler_takes_precedence(qtbot, context, vietnamese):
    def refused() -> None:
        raise CounterError("Hồ sơ không ở trạng thái cho phép.")

    context.tasks.run_query(refused, parent=None)
    qtbot.waitUntil(lambda: bool(_boxes()), timeout=5000)
    box = _boxes()[0]
    assert box.text() == "Hồ sơ không ở trạng thái cho phép."
    box.close()
    qtbot.waitUntil(lambda: not _boxes())
    handled = []
    context.tasks.run_query(refused, parent=None, on_error=handled.append)
    qtbot.waitUntil(lambda: bool(handled), timeout=5000)
    assert context.tasks.wait_idle()
    assert not _boxes()
