"""A counter that loses the office server keeps working: the outage is said in the status bar and
beside Save at once, a save is refused with a message and the typed dossier stays, and when the
server is back the notice goes, the draft reaches the draft store and Save works.

The server really stops (``pg_ctl stop``) and starts again; it asks passwords, as in an office."""
from __future__ import annotations

import json

import keyring
import pytest
from factories import OFFICE_ROLE_PASSWORD, add_users, make_store
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from ui_flows import fill_by_keyboard, key, save_by_keyboard, type_text

from counter_app import office
from counter_app.db.postgres import KEYRING_SERVICE, PASSWORD_ENV
from counter_app.store import Store
from ui.drafts import draft_key


@pytest.fixture
def office_context(office_db, monkeypatch):
    """Counter staff logged in at a counter of a set-up office on the server (password in the keyring)."""
    from ui.context import AppContext
    from ui.tasks import TaskRunner

    monkeypatch.delenv(PASSWORD_ENV, raising=False)
    keyring.set_password(KEYRING_SERVICE, "quay_owner", OFFICE_ROLE_PASSWORD)
    store = make_store(office_db)
    actors = add_users(store)
    context = AppContext(store=store, actor=actors["staff"], office=office.get_office(store), tasks=TaskRunner())
    yield context
    context.tasks.shutdown()
    store.close()


def _draft(store: Store) -> dict:
    raw = office.get_setting(store, draft_key("canbo"))
    return json.loads(raw)["form"] if raw else {}


def test_a_lost_server_is_said_in_the_form_the_draft_is_kept_and_saving_works_when_it_is_back(
        qtbot, office_server, office_context):
    from ui.main_window import MainWindow

    window = MainWindow(office_context)
    qtbot.addWidget(window)
    window.changes.timer.setInterval(50)
    window.resize(1366, 768)
    window.show()
    window.activateWindow()
    page = window.receive_page
    qtbot.waitUntil(lambda: QApplication.focusWidget() is page.picker.filter_edit, timeout=10000)
    fill_by_keyboard(page)
    qtbot.waitUntil(lambda: _draft(office_context.store).get("procedure") == "LOCAL.BHYT.CAPLAI", timeout=5000)

    office_server.cluster.stop()
    try:
        qtbot.waitUntil(lambda: page.outage_label.isVisible(), timeout=10000)
        assert not window.status.database_label.isHidden()
        page.applicant.email.edit.setFocus()
        type_text("duc@example.vn")  # typed during the outage: the draft store cannot take it yet
        qtbot.waitUntil(lambda: page.drafts.unsaved, timeout=10000)
        key(Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
        qtbot.waitUntil(lambda: page.message.isVisible() and "does not answer" in page.message.text(), timeout=10000)
        assert page.saved_code == "" and page.save_button.isEnabled()
        assert page.applicant.full_name.text() == "Nguyễn Văn Đức"  # nothing typed is lost
        assert page.applicant.email.edit.text() == "duc@example.vn"
    finally:
        office_server.cluster.start()

    qtbot.waitUntil(lambda: not page.outage_label.isVisible(), timeout=15000)
    qtbot.waitUntil(lambda: window.status.database_label.isHidden(), timeout=5000)
    assert not page.message.isVisible()
    qtbot.waitUntil(lambda: not page.drafts.unsaved, timeout=10000)
    assert _draft(office_context.store)["applicant"]["email"] == "duc@example.vn"  # the draft store caught up
    code = save_by_keyboard(qtbot, page)
    assert code.startswith("H")
    qtbot.waitUntil(lambda: _draft(office_context.store) == {}, timeout=5000)  # saved: the draft is gone
    window.sync_worker.shutdown()
    office_context.tasks.wait_idle()
