"""Accounts (administrators): add, rename, disable or enable, reset a password.

Every action says what it did under the buttons; the password field is emptied after each
action and when another account is chosen, so a password typed for one account is never
reused for the next (a reset needs a password typed for it).
"""
from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from counter_app import users
from counter_app.models import Role, User

from .context import AppContext
from .tasks import error_text
from .widgets.fields import ERROR_LABEL_STYLE


def role_label(role: Role) -> str:
    """Roles as the office names them (Cán bộ / Lãnh đạo / Quản trị)."""
    return {Role.STAFF: QCoreApplication.translate("Roles", "Staff"),
            Role.SUPERVISOR: QCoreApplication.translate("Roles", "Supervisor"),
            Role.ADMIN: QCoreApplication.translate("Roles", "Administrator")}[role]


class UsersTab(QWidget):
    def __init__(self, context: AppContext) -> None:
        super().__init__()
        self.context = context
        self.accounts: list[User] = []
        self.user_list = QListWidget()
        self.username = QLineEdit()
        self.full_name = QLineEdit()
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.role = QComboBox()
        for role in Role:
            self.role.addItem(role_label(role), role)
        form = QFormLayout()
        for text, widget in ((self.tr("&Username"), self.username), (self.tr("&Full name"), self.full_name),
                             (self.tr("&Password"), self.password), (self.tr("R&ole"), self.role)):
            label = QLabel(text)
            label.setBuddy(widget)
            form.addRow(label, widget)
        self.add = QPushButton(self.tr("&Add user"))
        self.rename = QPushButton(self.tr("&Correct full name"))
        self.toggle = QPushButton(self.tr("&Disable / enable"))
        self.reset = QPushButton(self.tr("R&eset password"))
        self.add.clicked.connect(self._add)
        self.rename.clicked.connect(self._rename)
        self.toggle.clicked.connect(self._toggle)
        self.reset.clicked.connect(self._reset)
        buttons = QHBoxLayout()
        for button in (self.add, self.rename, self.toggle, self.reset):
            buttons.addWidget(button)
        self.feedback = QLabel()
        self.feedback.setWordWrap(True)
        self.user_list.currentRowChanged.connect(self._chosen)
        layout = QVBoxLayout(self)
        layout.addWidget(self.user_list)
        layout.addLayout(form)
        layout.addLayout(buttons)
        layout.addWidget(self.feedback)
        self.refresh()

    def refresh(self) -> None:
        self.context.tasks.run_query(users.list_users, self.context.store, parent=self, on_done=self._show)

    def _show(self, rows: list[User]) -> None:
        current = self._selected()
        self.accounts = rows
        self.user_list.blockSignals(True)
        self.user_list.clear()
        for u in rows:
            state = "" if u.active else self.tr(" (disabled)")
            self.user_list.addItem(f"{u.username} — {u.full_name} — {role_label(u.role)}{state}")
            if current is not None and u.username == current.username:
                self.user_list.setCurrentRow(self.user_list.count() - 1)
        self.user_list.blockSignals(False)

    def _selected(self) -> User | None:
        row = self.user_list.currentRow()
        return self.accounts[row] if 0 <= row < len(self.accounts) else None

    def _chosen(self, _row: int) -> None:
        """The chosen account's name and role in the form, ready to correct; never a leftover password."""
        self.password.clear()
        if user := self._selected():
            self.username.setText(user.username)
            self.full_name.setText(user.full_name)
            self.role.setCurrentIndex(self.role.findData(user.role))

    def _run(self, fn: Callable[..., Any], done: str, **kwargs: Any) -> None:
        self.password.clear()
        self.context.tasks.run_query(lambda: fn(self.context.store, by=self.context.actor, **kwargs), parent=self,
                                     on_done=lambda _r: self._done(done), on_error=self._failed)

    def _done(self, text: str) -> None:
        self._say(text, error=False)
        self.refresh()

    def _failed(self, exc: BaseException) -> None:
        self._say(error_text(exc), error=True)

    def _say(self, text: str, *, error: bool) -> None:
        self.feedback.setStyleSheet(ERROR_LABEL_STYLE if error else "")
        self.feedback.setText(text)

    def _add(self) -> None:
        username = self.username.text().strip().lower()
        self._run(users.create_user, self.tr("Account {user} added.").format(user=username), username=username,
                  full_name=self.full_name.text(), role=self.role.currentData(), password=self.password.text())

    def _rename(self) -> None:
        if user := self._selected():
            self._run(users.rename_user, self.tr("Full name of {user} corrected.").format(user=user.username),
                      username=user.username, full_name=self.full_name.text())

    def _toggle(self) -> None:
        if user := self._selected():
            text = (self.tr("Account {user} disabled.") if user.active else
                    self.tr("Account {user} enabled.")).format(user=user.username)
            self._run(users.set_active, text, username=user.username, active=not user.active)

    def _reset(self) -> None:
        user = self._selected()
        if user is None:
            return
        if not self.password.text():
            self._say(self.tr("Type the new password for {user} first.").format(user=user.username), error=True)
            self.password.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        self._run(users.reset_password, self.tr("Password of {user} reset.").format(user=user.username),
                  username=user.username, password=self.password.text())
