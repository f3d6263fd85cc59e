"""The counter window as a new clerk meets it: its size, the status bar, the sync worker's messages,
wrapped refusals, and the clerk's name in the list."""
from __future__ import annotations

import json
import logging

from factories import request
from test_ui_dossiers import open_list

from counter_app import services
from sync.config import SETTING_KEY


def _main_window(qtbot, context):
    from ui.main_window import MainWindow

    window = MainWindow(context)
    qtbot.addWidget(window)
    return window


def test_the_first_window_is_large_enough_for_every_section_name(qtbot, app_context, vietnamese):
    window = _main_window(qtbot, app_context)
    window.resize(965, 395)  # what the first start used to give
    window.fit_screen()
    window.show()
    qtbot.waitExposed(window)
    available = window.screen().availableGeometry()
    if available.width() >= 1280 and available.height() >= 760:
        assert window.width() >= 1280 and window.height() >= 760
    else:
        assert window.isMaximized()
    metrics = window.nav.fontMetrics()
    widest = max(metrics.horizontalAdvance(window.nav.item(i).text()) for i in range(window.nav.count()))
    assert window.nav.viewport().width() >= widest
    window.sync_worker.shutdown()
    app_context.tasks.wait_idle()


def test_the_status_bar_says_when_no_portal_is_configured(qtbot, app_context, vietnamese):
    window = _main_window(qtbot, app_context)
    qtbot.waitUntil(lambda: window.sync_worker.state.configured is False, timeout=5000)
    qtbot.waitUntil(lambda: window.status.online_label.text() == "Chưa cấu hình Cổng DVC")
    window.sync_worker.shutdown()
    app_context.tasks.wait_idle()


def test_a_misconfigured_portal_is_said_once_per_cycle_without_a_traceback(qtbot, app_context, caplog):
    with app_context.store.write() as conn:  # saved by an older version that allowed plain http:// anywhere
        conn.execute("INSERT INTO settings (key, value) VALUES (?, ?)", (SETTING_KEY, json.dumps(
            {"url": "http://portal.example/dvc", "username": "u", "agency_code": "H15.50.05.13"})))
    window = _main_window(qtbot, app_context)
    worker = window.sync_worker
    with caplog.at_level(logging.WARNING):
        qtbot.waitUntil(lambda: worker.state.problem != "", timeout=5000)
    assert "cấu hình lại" in worker.state.problem
    assert window.sync_page.summary.text() == worker.state.problem
    assert window.status.online_label.toolTip() == worker.state.problem
    assert not [r for r in caplog.records if r.exc_info]
    worker.shutdown()
    app_context.tasks.wait_idle()


def test_the_lock_out_message_wraps_and_shows_whole(qtbot, store):
    from ui.login import LoginDialog
    from ui.tasks import TaskRunner

    tasks = TaskRunner()
    dialog = LoginDialog(store, tasks)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.username.setText("canbo")
    dialog.password.setText("sai-mat-khau")
    dialog._try()
    qtbot.waitUntil(lambda: dialog.error.text() != "", timeout=10_000)
    qtbot.waitUntil(lambda: dialog.error.height() >= dialog.error.heightForWidth(dialog.error.width()))
    assert dialog.error.wordWrap()
    assert dialog.error.width() <= dialog.width()
    tasks.shutdown()


def test_the_list_names_the_clerk_not_the_account(qtbot, context):
    services.receive_dossier(context.store, context.actor, request(context.store))
    page = open_list(qtbot, context)
    assert page.model.data(page.model.index(0, 6)) == "Lê Văn Cán"
