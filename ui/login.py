"""Login dialog: the Vietnamese refusal from users.authenticate shown as-is.

It is one message for every refusal (no hint of which accounts exist), and it tells a clerk what
may be wrong and what to do: wait out the 15-minute lock-out or ask the administrator.
"""
from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLineEdit, QWidget

from counter_app import users
from counter_app.errors import CounterError
from counter_app.models import Actor
from counter_app.store import Store

from .tasks import TaskRunner
from .widgets.fields import error_label


class LoginDialog(QDialog):
    def __init__(self, store: Store, tasks: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store, self.tasks = store, tasks
        self.actor: Actor | None = None
        self.setWindowTitle(self.tr("Log in"))
        self.username = QLineEdit()
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.error = error_label()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        # Qt ships no Vietnamese for its standard buttons, so they are named here.
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Log in"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self.setMinimumWidth(380)
        self.buttons.accepted.connect(self._try)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(self.tr("&Username"), self.username)
        form.addRow(self.tr("&Password"), self.password)
        form.addRow(self.error)
        form.addRow(self.buttons)

    def _try(self) -> None:
        self.buttons.setEnabled(False)
        self.tasks.run_db(users.authenticate, self.store, self.username.text(), self.password.text(),
                          on_done=self._ok, on_error=self._failed)

    def _ok(self, actor: Actor) -> None:
        self.actor = actor
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self.buttons.setEnabled(True)
        self.error.setText(str(exc) if isinstance(exc, CounterError) else self.tr("Could not log in."))
        self.adjustSize()  # the wrapped message gets the lines it needs
        self.password.clear()
        self.password.setFocus()
