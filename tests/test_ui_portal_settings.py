"""The portal connection dialog keeps the transport rule of the CLI: https://, or http:// to this
computer when the administrator ticks the box (the simulator, for training)."""
from __future__ import annotations

import json

import pytest

from counter_app import office
from sync.config import load_config


@pytest.fixture
def admin_dialog(qtbot, store):
    from ui.context import AppContext
    from ui.portal_settings import PortalSettingsDialog
    from ui.tasks import TaskRunner

    tasks = TaskRunner()
    context = AppContext(store=store, actor=store.test_actors["admin"], office=office.get_office(store), tasks=tasks)

    def open_dialog() -> PortalSettingsDialog:
        dialog = PortalSettingsDialog(context)
        qtbot.addWidget(dialog)
        dialog.username.setText("xa-tan-hoa")
        dialog.password.setText("mat-khau-cong")
        return dialog

    yield open_dialog
    tasks.shutdown()


def test_plain_http_needs_the_box_and_this_computer(qtbot, store, admin_dialog):
    dialog = admin_dialog()
    dialog.url.setText("http://127.0.0.1:8765")
    dialog._save()
    assert "https://" in dialog.message.text() and load_config(store) is None
    dialog.insecure_http.setChecked(True)
    dialog.url.setText("http://192.168.1.10:8765")
    dialog._save()
    assert "127.0.0.1" in dialog.message.text() and load_config(store) is None
    dialog.url.setText("http://127.0.0.1:8765")
    with qtbot.waitSignal(dialog.accepted, timeout=5000):
        dialog._save()
    assert load_config(store).insecure_http is True
    assert admin_dialog().insecure_http.isChecked()  # the choice is kept and shown again


def test_a_connection_saved_before_the_rule_opens_with_the_reason(store, admin_dialog):
    with store.write() as conn:
        conn.execute("INSERT INTO settings (key, value) VALUES ('portal_config', ?)",
                     (json.dumps({"url": "http://127.0.0.1:8765", "username": "u", "agency_code": "H15.50.05.13"}),))
    dialog = admin_dialog()
    assert "https://" in dialog.message.text() and not dialog.insecure_http.isChecked()
