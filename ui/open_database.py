"""Which database a start of the app works on, and its set-up when it is new.

``--db`` names it when given. Otherwise the office server the set-up wizard joined, remembered
on this computer (:mod:`ui.db_choice`), or else this computer's own SQLite file. A computer with
neither an initialised file nor a remembered server shows the set-up wizard from its first
page (this computer only / join the office server). A remembered server that does not answer
at start gets a dialog: try again, or quit (never a traceback).
"""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QMessageBox

from counter_app import office
from counter_app.db import is_url
from counter_app.paths import default_db_path, open_store
from counter_app.store import Store, StoreError

from .database_recovery import APP_TITLE, open_or_recover
from .db_choice import apply_counter, remembered
from .setup_wizard import run_setup_wizard
from .tasks import TaskRunner


def open_for_start(db_path: str | None, settings: QSettings, tasks: TaskRunner) -> Store | None:
    """The store this start works on, set up if new; None when the user chose to quit."""
    if db_path:  # the office server: errors are one line on the command line
        store = open_store(db_path) if is_url(db_path) else open_or_recover(Path(db_path))
        return _set_up(store, settings)
    server = remembered(settings).server_url
    if server:
        return _set_up(open_server(server), settings)
    local = default_db_path()
    if local.exists():
        store = open_or_recover(local)
        if store is None or office.is_initialised(store):
            return store
        store.close()  # set up from the first page: the counter may join a server instead
    return run_setup_wizard(tasks=tasks, settings=settings, open_local=lambda: open_or_recover(local))


def _set_up(store: Store | None, settings: QSettings) -> Store | None:
    if store is None:
        return None
    apply_counter(store, settings)
    if office.is_initialised(store):
        return store
    if run_setup_wizard(store, settings=settings) is None:
        store.close()
        return None
    return store


class ServerDownDialog(QMessageBox):
    """The remembered office server does not answer: try again, or quit."""

    def __init__(self, problem: str) -> None:
        super().__init__(QMessageBox.Icon.Warning, APP_TITLE, "", QMessageBox.StandardButton.NoButton)
        self.setText(self.tr("The office's database server does not answer. Check the network and that the server"
                             " is on, then try again."))
        self.setDetailedText(problem)
        self.retry_button = self.addButton(self.tr("Try again"), QMessageBox.ButtonRole.AcceptRole)
        self.addButton(self.tr("Quit"), QMessageBox.ButtonRole.RejectRole)
        self.setDefaultButton(self.retry_button)


def open_server(url: str) -> Store | None:
    """The remembered office database; while it does not answer, offer to try again or quit."""
    while True:
        try:
            return open_store(url)
        except StoreError as exc:
            dialog = ServerDownDialog(str(exc))
        dialog.exec()
        if dialog.clickedButton() is not dialog.retry_button:
            return None
