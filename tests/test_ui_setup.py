"""First start: wizard → login → main window, and receiving right after, all with key events."""
from __future__ import annotations

from factories import PASSWORD
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWizard
from ui_flows import fill_by_keyboard, focused, key, run_action, save_by_keyboard, type_text

from counter_app import office
from counter_app.paths import open_store
from counter_app.states import Status
from counter_app.users import authenticate


def _wizard(qtbot, store):
    from ui.setup_wizard import SetupWizard

    wizard = SetupWizard(store)
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.activateWindow()
    qtbot.waitUntil(wizard.isActiveWindow)
    return wizard


def _fill_office(qtbot, form) -> None:
    form.agency_code.setFocus()
    qtbot.waitUntil(lambda: focused() is form.agency_code)
    type_text("h26.49.09")
    key(Qt.Key.Key_Tab)
    type_text("Trung tâm Phục vụ hành chính công xã Ba Vì")
    key(Qt.Key.Key_Tab)
    type_text("UBND xã Ba Vì")
    key(Qt.Key.Key_Tab)
    type_text("ha noi")  # no diacritics, as staff type
    key(Qt.Key.Key_Tab)
    assert form.province.value() == "Thành phố Hà Nội"
    qtbot.waitUntil(lambda: focused() in (form.commune, form.commune.lineEdit()))
    type_text("ba vi")
    key(Qt.Key.Key_Tab)
    assert form.commune.value() == "Xã Ba Vì"


def test_first_start_sets_up_the_office_then_logs_in_and_receives(qtbot, tmp_path):
    store = open_store(tmp_path / "new.sqlite3")
    assert not office.is_initialised(store)
    wizard = _wizard(qtbot, store)
    _fill_office(qtbot, wizard.office_page.form)
    wizard.next()
    assert wizard.currentPage() is wizard.admin_page
    page = wizard.admin_page
    page.full_name.setFocus()
    type_text("Nguyễn Thị Hoài Thương")
    key(Qt.Key.Key_Tab)
    type_text(PASSWORD)
    key(Qt.Key.Key_Tab)
    type_text(PASSWORD)
    wizard.button(QWizard.WizardButton.FinishButton).click()
    qtbot.waitUntil(lambda: not wizard.isVisible())
    assert wizard.result() == 1 and office.is_initialised(store)
    saved = office.get_office(store)
    assert (saved.agency_code, saved.province, saved.commune, saved.place_name) == (
        "H26.49.09", "Thành phố Hà Nội", "Xã Ba Vì", "Ba Vì")

    from ui.context import AppContext
    from ui.login import LoginDialog
    from ui.main_window import MainWindow
    from ui.tasks import TaskRunner

    tasks = TaskRunner()
    login = LoginDialog(store, tasks)
    qtbot.addWidget(login)
    login.show()
    login.activateWindow()
    qtbot.waitUntil(lambda: focused() is login.username)
    type_text("admin")
    key(Qt.Key.Key_Tab)
    type_text(PASSWORD)
    key(Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: login.actor is not None)
    context = AppContext(store=store, actor=login.actor, office=office.get_office(store), tasks=tasks)
    window = MainWindow(context)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.receive_page.picker.filter_edit, timeout=5000)
    fill_by_keyboard(window.receive_page)
    code = save_by_keyboard(qtbot, window.receive_page)
    assert code.startswith("H26.49.09-")

    key(Qt.Key.Key_F3)  # the dossier list, found by a fragment of the name without diacritics
    page = window.dossiers_page
    qtbot.waitUntil(lambda: window.stack.currentWidget() is page)
    page.filters.search.setFocus()
    qtbot.waitUntil(lambda: focused() is page.filters.search)
    with qtbot.waitSignal(page.model.loaded, timeout=5000) as found:
        type_text("van duc")
    assert found.args == [1] and page.model.data(page.model.index(0, 0)) == code
    key(Qt.Key.Key_Down)
    key(Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.detail is not None and page.detail.dossier is not None, timeout=5000)
    detail = page.detail
    run_action(qtbot, detail, Qt.Key.Key_T)  # transfer
    run_action(qtbot, detail, Qt.Key.Key_R)  # result ready
    run_action(qtbot, detail, Qt.Key.Key_U)  # return result
    assert detail.dossier.status == Status.RETURNED
    assert detail.timeline.rowCount() == 4
    with store.read() as conn:
        queued = [r[0] for r in conn.execute(
            "SELECT e.action FROM outbox o JOIN status_events e ON e.id = o.event_id ORDER BY o.id")]
    assert queued == ["receive", "receive", "transfer", "result_ready", "return_result"]  # dossier + 4 steps
    window.sync_worker.shutdown()
    tasks.shutdown()


def test_wizard_blocks_a_bad_agency_code_and_different_passwords(qtbot, tmp_path):
    store = open_store(tmp_path / "new.sqlite3")
    wizard = _wizard(qtbot, store)
    form = wizard.office_page.form
    _fill_office(qtbot, form)
    form.agency_code.setText("H26 49/09")
    wizard.next()
    assert wizard.currentPage() is wizard.office_page
    assert "Mã định danh" in form.message.text()
    form.agency_code.setText("H26.49.09")
    wizard.next()
    page = wizard.admin_page
    page.full_name.setText("Nguyễn Thị Hoài Thương")
    page.password.setText(PASSWORD)
    page.repeat.setText(PASSWORD + "x")
    wizard.button(QWizard.WizardButton.FinishButton).click()
    assert wizard.isVisible() and page.message.text()
    assert not office.is_initialised(store)
    page.repeat.setText(PASSWORD)
    wizard.button(QWizard.WizardButton.FinishButton).click()
    qtbot.waitUntil(lambda: not wizard.isVisible())
    assert authenticate(store, "admin", PASSWORD).username == "admin"
