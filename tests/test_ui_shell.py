"""Shell: login messages, role-gated admin section, smoke start."""
from __future__ import annotations

import pytest
from factories import PASSWORD
from ui_helpers import type_text


def test_login_wrong_password_shows_vietnamese_message_then_logs_in(qtbot, store):
    from ui.login import LoginDialog
    from ui.tasks import TaskRunner
    tasks = TaskRunner()
    dialog = LoginDialog(store, tasks)
    qtbot.addWidget(dialog)
    type_text(dialog.username, "canbo")
    type_text(dialog.password, "sai-mật-khẩu")
    dialog._try()
    qtbot.waitUntil(lambda: dialog.error.text() != "")
    assert dialog.actor is None
    type_text(dialog.password, PASSWORD)
    dialog._try()
    qtbot.waitUntil(lambda: dialog.actor is not None)
    assert dialog.actor.username == "canbo"
    tasks.shutdown()


def test_staff_cannot_open_admin_and_service_refuses(qtbot, app_context):
    from counter_app import users
    from counter_app.errors import CounterError
    from counter_app.models import Role
    from ui.main_window import MainWindow
    window = MainWindow(app_context)
    qtbot.addWidget(window)
    assert window.show_section("admin") is False
    with pytest.raises(CounterError):
        users.create_user(app_context.store, username="x", full_name="X", role=Role.STAFF,
                          password=PASSWORD, by=app_context.actor)
    app_context.tasks.wait_idle()


def test_admin_sees_admin_section(qtbot, app_context, admin_actor):
    from dataclasses import replace

    from ui.main_window import MainWindow
    window = MainWindow(replace(app_context, actor=admin_actor))
    qtbot.addWidget(window)
    assert window.show_section("admin") is True
    app_context.tasks.wait_idle()


def test_smoke_start_exits_zero_and_its_records_name_the_gui_and_the_os_account(qtbot, monkeypatch):
    from counter_app import audit
    from ui.app import run

    origins: list[dict[str, str]] = []
    monkeypatch.setattr(audit, "set_process_origin", lambda **origin: origins.append(origin))
    assert run(smoke=True) == 0
    assert origins == [{"via": "gui", "os_account": audit.os_account()}, {}]  # set for the run, cleared after


def test_lock_after_idle_hides_content_and_unlocks_with_password(qtbot, app_context):
    from counter_app import office
    from ui.main_window import MainWindow
    office.set_setting(app_context.store, "lock_idle_minutes", "0.001")
    window = MainWindow(app_context)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.idle_lock.locked, timeout=3000)
    assert window.centralWidget() is window.idle_lock.screen
    type_text(window.idle_lock.screen.password, PASSWORD)
    window.idle_lock.try_unlock()
    qtbot.waitUntil(lambda: not window.idle_lock.locked, timeout=5000)
    app_context.tasks.wait_idle()


def test_log_out_returns_to_login_and_keeps_each_clerks_draft(qtbot, store):
    """A shared counter: one clerk logs out mid-form, another logs in and sees none of it."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from counter_app import office
    from ui.app import _sessions
    from ui.drafts import draft_key
    from ui.login import LoginDialog
    from ui.main_window import MainWindow
    from ui.tasks import TaskRunner

    def visible(kind):
        return next((w for w in QApplication.topLevelWidgets() if isinstance(w, kind) and w.isVisible()), None)

    def log_in(username):
        def act():
            dialog = visible(LoginDialog)
            if dialog is None or not dialog.buttons.isEnabled():
                return False
            dialog.username.setText(username)
            dialog.password.setText(PASSWORD)
            dialog.buttons.accepted.emit()
            return True
        return act

    def type_then_log_out():
        window = visible(MainWindow)
        if window is None or window.context.actor.username != "canbo":
            return False
        type_text(window.receive_page.applicant.full_name.edit, "Đặng Thị Thu Hường")
        window.log_out()  # at once: the draft's debounce has not fired
        return True

    seen = {}

    def look_then_quit():
        window = visible(MainWindow)
        if window is None or window.context.actor.username != "lanhdao":
            return False
        seen["name"] = window.receive_page.applicant.full_name.text()
        seen["draft"] = office.get_setting(store, draft_key("canbo")) or ""  # saved at log-out, not at quit
        window.close()
        return True

    steps = [log_in("canbo"), type_then_log_out, log_in("lanhdao"), look_then_quit]
    timer = QTimer()
    timer.setInterval(20)
    timer.timeout.connect(lambda: steps and steps[0]() and steps.pop(0))
    timer.start()
    tasks = TaskRunner()
    try:
        assert _sessions(QApplication.instance(), store, tasks) == 0
    finally:
        timer.stop()
        tasks.shutdown()
    assert not steps and seen["name"] == ""
    assert "Đặng Thị Thu Hường" in seen["draft"]
    assert not office.get_setting(store, draft_key("lanhdao"))


def _locked_window(qtbot, app_context):  # type: ignore[no-untyped-def]
    from ui.main_window import MainWindow
    window = MainWindow(app_context)
    qtbot.addWidget(window)
    window.resize(1366, 700)
    window.show()
    qtbot.waitExposed(window)
    window.idle_lock.lock()
    return window


def test_lock_screen_shows_every_line_of_a_long_refusal(qtbot, app_context):
    """The lock-out refusal is three sentences: each line must show, none cut at the top or bottom."""
    from counter_app.users import REFUSAL
    window = _locked_window(qtbot, app_context)
    screen = window.idle_lock.screen
    type_text(screen.password, "sai-mật-khẩu")
    window.idle_lock.try_unlock()
    qtbot.waitUntil(lambda: screen.error.text() == REFUSAL, timeout=5000)
    error = screen.error
    qtbot.waitUntil(lambda: error.height() >= error.heightForWidth(error.width()), timeout=3000)
    app_context.tasks.wait_idle()


def test_next_clerk_logs_out_from_the_lock_screen_and_the_draft_is_kept(qtbot, app_context):
    """A locked counter can be handed over without the first clerk's password; what they typed stays theirs."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    from counter_app import office
    from ui.drafts import draft_key
    from ui.main_window import MainWindow
    window = MainWindow(app_context)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    type_text(window.receive_page.applicant.full_name.edit, "Đặng Thị Thu Hường")
    window.idle_lock.lock()  # at once: the draft's debounce has not fired
    screen = window.idle_lock.screen
    qtbot.waitUntil(lambda: QApplication.focusWidget() is screen.password)
    qtbot.keyClick(screen.password, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is screen.log_out
    qtbot.keyClick(screen.log_out, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=3000)
    assert window.logged_out
    app_context.tasks.wait_idle()
    assert "Đặng Thị Thu Hường" in (office.get_setting(app_context.store, draft_key(app_context.actor.username)) or "")
