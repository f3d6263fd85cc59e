"""Start-up on a database that cannot be opened: say so in words, offer the way out, never a traceback.

A damaged or too-new database gets a dialog naming the newest backup that restore would
accept (with its date): restore it (the current file is kept aside, see
:mod:`counter_app.restore`) or quit. An encrypted database whose key is not on this computer
says how to bring the key from the recovery sheet: its backups need the same key. A sound file that failed to open for another reason
(locked, no permission) gets the error and "quit" only: restoring would not help it.
"""
from __future__ import annotations

import logging
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QMessageBox, QPushButton, QWidget

from counter_app import db_check, maintenance
from counter_app.db import sqlite_driver
from counter_app.db.keys import KeyUnavailable
from counter_app.paths import default_backup_dir, open_store
from counter_app.restore import restore
from counter_app.store import DatabaseTooNew, Store, StoreError

from .i18n import format_datetime

OPEN_ERRORS = (StoreError, sqlite_driver.DatabaseError, OSError)
APP_TITLE = "Quầy Một Cửa"  # a name, not translated
log = logging.getLogger(__name__)


class DatabaseProblemDialog(QMessageBox):
    """What is wrong, the newest good backup if there is one, and the buttons "restore" / "quit"."""

    def __init__(self, *, too_new: bool, damaged: bool, newest: tuple[datetime, Path] | None,
                 parent: QWidget | None = None) -> None:
        super().__init__(QMessageBox.Icon.Critical, APP_TITLE, "", QMessageBox.StandardButton.NoButton, parent)
        if too_new:
            self.setText(self.tr("This database was made by a newer version of Quầy Một Cửa."
                                 " Install that version, or restore a backup."))
        elif damaged:
            self.setText(self.tr("The database is damaged and cannot be opened."))
        else:
            self.setText(self.tr("The database cannot be opened."))
        self.restore_button: QPushButton | None = None
        if newest and (too_new or damaged):
            stamp, path = newest
            self.setInformativeText(self.tr(
                "Newest good backup: {when} ({file}). Restoring it replaces the current database;"
                " the current file is kept beside it.").format(when=format_datetime(stamp), file=path.name))
            self.restore_button = self.addButton(self.tr("Restore the backup of {when}").format(
                when=format_datetime(stamp)), QMessageBox.ButtonRole.AcceptRole)
        elif too_new or damaged:
            self.setInformativeText(self.tr("No good backup was found. Quit and ask the administrator for help."))
        self.quit_button = self.addButton(self.tr("Quit"), QMessageBox.ButtonRole.RejectRole)
        self.setDefaultButton(self.restore_button or self.quit_button)

    def restore_failed(self, error: str) -> None:
        QMessageBox.critical(self.parentWidget(), APP_TITLE,
                             self.tr("The backup could not be restored: {error}").format(error=error))


def key_missing(db_path: Path) -> None:
    """An encrypted database no key kept here opens: the way out is its key, not a backup (same key)."""
    text = QCoreApplication.translate(
        "DatabaseProblemDialog",
        "This database is encrypted, and its key is not on this computer (or does not fit it). An administrator"
        " types the key from the office's recovery sheet with the command below, then starts the app again.")
    box = QMessageBox(QMessageBox.Icon.Critical, APP_TITLE, text)
    box.setInformativeText(f'counter-app --db "{db_path}" key import')
    box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    box.exec()


def open_or_recover(db_path: Path) -> Store | None:
    """The opened store; after an open error, what the user chose: the restored store, or None to quit."""
    try:
        return open_store(db_path)
    except OPEN_ERRORS as exc:
        problem = exc
    problems = [] if isinstance(problem, DatabaseTooNew) else db_check.file_problems(db_path)
    log.error("the database did not open: %s; %s", problem, "; ".join(problems) or "the file itself is sound")
    newest = maintenance.newest_good_backup(default_backup_dir(db_path), db_path)
    if isinstance(problem, KeyUnavailable) and newest is None:  # no kept key opens the file nor any backup
        key_missing(db_path)
        return None
    dialog = DatabaseProblemDialog(too_new=isinstance(problem, DatabaseTooNew), damaged=bool(problems), newest=newest)
    dialog.exec()
    if newest is None or dialog.clickedButton() is not dialog.restore_button or dialog.restore_button is None:
        return None
    try:
        restore(db_path, newest[1], force=True)  # chosen knowing the current file is kept aside
        return open_store(db_path)
    except (*OPEN_ERRORS, ValueError) as exc:
        dialog.restore_failed(str(exc))
        return None
