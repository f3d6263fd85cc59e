"""Several counters on one database: one counter's dossier appears in the other's list by itself,
and a database that stops answering is said in the status bar at once and recovers by itself."""
from __future__ import annotations

from dataclasses import replace

import pytest
from sync_helpers import receive_many

from counter_app import office
from counter_app.store import StoreError
from ui.tasks import TaskRunner


def _second_counter(context):
    """Counter 2: its own connection to counter 1's database, its own clerk session and workers."""
    from counter_app.paths import open_store

    store = open_store(context.store.target)
    return replace(context, store=store, office=office.get_office(store), tasks=TaskRunner())


@pytest.mark.parametrize("backend", ["sqlite", "postgres"], indirect=True)  # one file, or the office server
def test_a_dossier_received_at_counter_1_appears_in_counter_2s_list(qtbot, app_context):
    context = app_context
    from ui.change_watch import ChangeWatcher
    from ui.dossier_list import DossiersPage

    other = _second_counter(context)
    try:
        page = DossiersPage(other)
        qtbot.addWidget(page)
        watcher = ChangeWatcher(other, page, interval_ms=50)
        qtbot.waitUntil(lambda: watcher.seen is not None, timeout=5000)
        shown = page.model.rowCount()
        [code] = receive_many(context.store, context.actor, 1)  # at counter 1, through its own store
        qtbot.waitUntil(lambda: page.model.rowCount() == shown + 1, timeout=5000)
        assert code in {page.model.code_at(i) for i in range(page.model.rowCount())}
    finally:
        other.tasks.shutdown()
        other.store.close()


def test_a_lost_database_is_said_at_once_and_recovers_by_itself(qtbot, app_context, monkeypatch):
    from ui import change_watch
    from ui.main_window import MainWindow

    window = MainWindow(app_context)
    qtbot.addWidget(window)
    window.changes.timer.setInterval(50)
    real = change_watch._newest_change

    def server_down(store):  # type: ignore[no-untyped-def]
        raise StoreError("the office database server does not answer")

    monkeypatch.setattr(change_watch, "_newest_change", server_down)
    qtbot.waitUntil(lambda: not window.status.database_label.isHidden(), timeout=5000)
    assert "server" in window.status.database_label.toolTip()
    monkeypatch.setattr(change_watch, "_newest_change", real)
    qtbot.waitUntil(lambda: not not window.status.database_label.isHidden(), timeout=5000)
    window.sync_worker.shutdown()
    app_context.tasks.wait_idle()
