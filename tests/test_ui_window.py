"""The counter window as a new clerk meets it: its size, the status bar, the sync worker's messages,
wrapped refusals, and the clerk's name in the list."""
from __future__ import annotations

import json
import logging

from factories import request
from PySide6.QtCore import Qt
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


class _Screen:
    """A screen of the given available size, for fit_screen (offscreen Qt has one 800×600 screen)."""

    def __init__(self, width: int, height: int) -> None:
        from PySide6.QtCore import QRect
        self.available = QRect(0, 0, width, height)

    def availableGeometry(self):  # type: ignore[no-untyped-def]
        return self.available


def _fitted(qtbot, app_context, monkeypatch, screen, *, size):  # type: ignore[no-untyped-def]
    window = _main_window(qtbot, app_context)
    monkeypatch.setattr(window, "screen", lambda: screen)
    window.resize(*size)
    window.fit_screen()
    window.sync_worker.shutdown()
    app_context.tasks.wait_idle()
    return window


def test_on_a_1366x768_counter_screen_the_window_and_its_frame_fit(qtbot, app_context, monkeypatch):
    """1280×760 plus a title bar is taller than 768: the status bar fell off the bottom."""
    for size in ((965, 395), (1280, 760)):  # the first start's size, and a geometry saved by an older version
        window = _fitted(qtbot, app_context, monkeypatch, _Screen(1366, 768), size=size)
        assert window.windowState() & Qt.WindowState.WindowMaximized


def test_on_a_large_screen_the_window_opens_at_its_working_size_inside_the_screen(qtbot, app_context, monkeypatch):
    from ui.main_window import MIN_SIZE
    screen = _Screen(1920, 1040)
    window = _fitted(qtbot, app_context, monkeypatch, screen, size=(965, 395))
    assert not window.windowState() & Qt.WindowState.WindowMaximized
    assert window.size() == MIN_SIZE
    assert screen.available.contains(window.geometry())
    kept = _fitted(qtbot, app_context, monkeypatch, screen, size=(1500, 900))  # the clerk's own size stays
    assert kept.size().width() == 1500 and kept.size().height() == 900


def test_the_status_bar_shortens_the_office_name_never_the_sync_state(qtbot, vietnamese):
    """Maximised on a 1366-wide screen "Đồng bộ gần nhất: chưa có" was cut at the right: the office's
    long name gives way (it is in the title bar too), shown whole in its tooltip."""
    from ui.status_bar import CounterStatusBar
    bar = CounterStatusBar(user="Lò Thị Ón", office="Trung tâm Phục vụ hành chính công xã Ea Ning")
    qtbot.addWidget(bar)
    bar.set_sync_state(None, 8, None, configured=False)
    bar.resize(640, 24)  # the room the offscreen font leaves, as the real one leaves at 1366
    bar.show()
    qtbot.waitExposed(bar)
    for label in (bar.online_label, bar.pending_label, bar.last_sync_label):
        qtbot.waitUntil(lambda label=label: label.width() >= label.sizeHint().width()
                        and label.geometry().right() < bar.width())
    assert bar.office_label.elided() and bar.office_label.toolTip() == "Trung tâm Phục vụ hành chính công xã Ea Ning"


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
