"""Sync in the app: the queue grows offline and drains by itself when the portal returns;
refusals show with the portal's message and can be retried."""
from __future__ import annotations

import pytest
from sync_helpers import PORTAL_ACCOUNT, configure_portal, receive_many

from counter_app import office
from sync.simulator.process import running_simulator

FAST = "0.004"  # minutes between background checks (about a quarter of a second)


@pytest.fixture
def window(qtbot, app_context):
    from ui.main_window import MainWindow

    office.set_setting(app_context.store, "sync_interval_minutes", FAST)
    win = MainWindow(app_context)
    qtbot.addWidget(win)
    yield win
    win.sync_worker.shutdown()
    app_context.tasks.wait_idle()


def test_offline_queue_grows_then_drains_by_itself(qtbot, app_context, tmp_path):
    from ui.main_window import MainWindow

    sim = running_simulator(tmp_path, account=PORTAL_ACCOUNT)
    configure_portal(app_context.store, sim.url)
    sim.stop()
    office.set_setting(app_context.store, "sync_interval_minutes", FAST)
    window = MainWindow(app_context)
    qtbot.addWidget(window)
    worker = window.sync_worker
    try:
        qtbot.waitUntil(lambda: worker.state.online is False, timeout=10_000)
        codes = receive_many(app_context.store, app_context.actor, 2)
        worker.refresh_counts()
        qtbot.waitUntil(lambda: worker.state.pending > 0, timeout=5_000)
        assert worker.state.online is False  # receiving went on while offline
        assert window.status.online_label.text() == window.status.tr("Offline")  # whatever the language
        assert str(worker.state.pending) in window.status.pending_label.text()
        sim.start()
        qtbot.waitUntil(lambda: worker.state.pending == 0 and worker.state.online, timeout=30_000)
        assert window.status.online_label.text() == window.status.tr("Online")
        assert worker.state.last_success is not None
        assert {d["MaHoSo"] for d in sim.admin_dossiers()} == set(codes)
        window.show_section("sync")
        qtbot.waitUntil(lambda: window.sync_page.runs.rowCount() >= 2, timeout=5_000)
    finally:
        worker.shutdown()
        sim.stop()
        app_context.tasks.wait_idle()


def test_a_refusal_shows_the_portals_message_and_can_be_retried(qtbot, window, app_context, tmp_path):
    with running_simulator(tmp_path, account=PORTAL_ACCOUNT) as sim:
        configure_portal(app_context.store, sim.url)
        receive_many(app_context.store, app_context.actor, 1, procedure_code="LOCAL.BHYT.CAPLAI")
        worker, page = window.sync_worker, window.sync_page
        qtbot.waitUntil(lambda: worker.state.failed == 1, timeout=30_000)
        page.refresh()  # the list may still show the records as they were before the run

        def refusal_shown() -> bool:
            message = page.queue.item(0, 4) if page.queue.rowCount() else None
            return message is not None and "LOCAL.BHYT.CAPLAI" in message.text()

        qtbot.waitUntil(refusal_shown, timeout=5_000)
        assert page.retry_all_button.isEnabled()
        worker.shutdown()  # hold the background sync so the retried record is seen waiting
        page.retry_all_button.click()
        qtbot.waitUntil(lambda: not page.retry_all_button.isEnabled(), timeout=5_000)
        assert all(not item.failed for item in page.items)


def test_an_admin_sets_the_portal_connection_in_the_app(qtbot, store, tmp_path):
    import keyring

    from sync.config import KEYRING_SERVICE, load_config
    from ui.context import AppContext
    from ui.sync_page import SyncPage
    from ui.tasks import TaskRunner

    tasks = TaskRunner()
    staff = SyncPage(AppContext(store=store, actor=store.test_actors["staff"], office=office.get_office(store),
                                tasks=tasks))
    qtbot.addWidget(staff)
    assert not staff.settings_button.isEnabled() and staff.settings_button.toolTip()
    page = SyncPage(AppContext(store=store, actor=store.test_actors["admin"], office=office.get_office(store),
                               tasks=tasks))
    qtbot.addWidget(page)
    dialog = page.open_settings()
    assert dialog.agency_code.text() == "H15.50.05.13"  # the office's code, to start from
    dialog.url.setText("cong-dvc")
    dialog._save()
    assert "cong-dvc" in dialog.message.text() and load_config(store) is None
    dialog.url.setText("https://adapter.example/dvcqg")
    dialog.username.setText("xa-tan-hoa")
    dialog.password.setText("mat-khau-cong")
    with qtbot.waitSignal(dialog.accepted, timeout=5000):
        dialog._save()
    assert load_config(store).url == "https://adapter.example/dvcqg"
    assert keyring.get_password(KEYRING_SERVICE, "xa-tan-hoa") == "mat-khau-cong"
    tasks.shutdown()


def test_a_refused_record_opens_its_dossier_for_correction(qtbot, app_context):
    from counter_app import services
    from counter_app.states import Action
    from ui.sync_page import SyncPage

    code = receive_many(app_context.store, app_context.actor, 1)[0]
    with app_context.store.write() as conn:
        conn.execute("UPDATE outbox SET failed = 1, last_error = 'Cổng DVC từ chối: số điện thoại' WHERE kind = 'dossier'")
    page = SyncPage(app_context)
    qtbot.addWidget(page)
    qtbot.waitUntil(lambda: page.queue.rowCount() > 0 and page.retry_all_button.isEnabled())
    detail = page.open_dossier(page.items[0].dossier_code)
    qtbot.waitUntil(lambda: detail.dossier is not None)
    assert detail.code == code and detail.action_buttons[Action.CORRECT_APPLICANT].isEnabled()
    applicant = detail.dossier.applicant
    app_context.tasks.run_op(  # as the detail's correction dialog runs it
        lambda: services.correct_applicant(app_context.store, app_context.actor, code,
                                           full_name=applicant.full_name, address=applicant.address,
                                           phone="0987654321", email="", reason="Sai số điện thoại"),
        parent=detail)
    qtbot.waitUntil(lambda: not page.retry_all_button.isEnabled())  # nothing refused any more


def test_without_a_portal_the_queue_does_not_promise_to_send_now(qtbot, window, app_context, vietnamese):
    receive_many(app_context.store, app_context.actor, 1)
    page = window.sync_page
    qtbot.waitUntil(lambda: window.sync_worker.state.configured is False, timeout=5_000)
    qtbot.waitUntil(lambda: page.queue.rowCount() > 0 and page.queue.item(0, 3).text() != "ngay", timeout=5_000)
    assert page.queue.item(0, 3).text() == "khi đã cấu hình Cổng DVC"


def test_sync_now_while_the_portal_is_unreachable_says_so(qtbot, app_context, tmp_path, vietnamese):
    """Pressing the button must visibly do something: say that nothing went and why."""
    from PySide6.QtCore import Qt

    from ui.main_window import MainWindow
    sim = running_simulator(tmp_path, account=PORTAL_ACCOUNT)
    configure_portal(app_context.store, sim.url)
    sim.stop()
    receive_many(app_context.store, app_context.actor, 1)
    window = MainWindow(app_context)  # the default interval: no background cycle during the test
    qtbot.addWidget(window)
    worker, page = window.sync_worker, window.sync_page
    try:
        qtbot.waitUntil(lambda: worker.state.online is False and not worker.busy, timeout=10_000)
        assert page.outcome.text() == ""  # the background check says nothing here: the summary does
        qtbot.waitUntil(lambda: page.queue.rowCount() > 0 and page.queue.item(0, 3).text() == "khi kết nối được Cổng DVC")
        qtbot.mouseClick(page.sync_button, Qt.MouseButton.LeftButton)
        assert page.outcome.text() == "Đang đồng bộ…"
        qtbot.waitUntil(lambda: page.outcome.text().startswith("Không kết nối được Cổng DVC"), timeout=10_000)
        assert page.sync_button.isEnabled()
    finally:
        worker.shutdown()
        app_context.tasks.wait_idle()
