"""Administration (supervisor/admin): users, the office profile and the calendar overrides.

Every change goes through counter_app's services, which check the role again; their Vietnamese
refusals are shown as they are.
"""
from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from counter_app import users
from counter_app.models import Role

from .admin_office import CalendarTab, OfficeTab, show_refusal
from .context import AppContext


class AdminPage(QTabWidget):
    def __init__(self, context: AppContext) -> None:
        super().__init__()
        self.users = UsersTab(context)
        self.office = OfficeTab(context)
        self.calendar = CalendarTab(context)
        self.addTab(self.users, self.tr("Users"))
        self.addTab(self.office, self.tr("Office profile"))
        self.addTab(self.calendar, self.tr("Calendar"))


class UsersTab(QWidget):
    def __init__(self, context: AppContext) -> None:
        super().__init__()
        self.context = context
        self.user_list = QListWidget()
        self.username = QLineEdit()
        self.full_name = QLineEdit()
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.role = QComboBox()
        for role in Role:
            self.role.addItem(role.value, role)
        form = QFormLayout()
        form.addRow(self.tr("Username"), self.username)
        form.addRow(self.tr("Full name"), self.full_name)
        form.addRow(self.tr("Password"), self.password)
        form.addRow(self.tr("Role"), self.role)
        add = QPushButton(self.tr("Add user"))
        add.clicked.connect(self._add)
        toggle = QPushButton(self.tr("Disable / enable"))
        toggle.clicked.connect(self._toggle)
        reset = QPushButton(self.tr("Reset password"))
        reset.clicked.connect(self._reset)
        buttons = QHBoxLayout()
        for b in (add, toggle, reset):
            buttons.addWidget(b)
        layout = QVBoxLayout(self)
        layout.addWidget(self.user_list)
        layout.addLayout(form)
        layout.addLayout(buttons)
        self.refresh()

    def refresh(self) -> None:
        self.context.tasks.run_db(users.list_users, self.context.store, on_done=self._show, on_error=self._error)

    def _show(self, rows: list) -> None:
        self.user_list.clear()
        for u in rows:
            state = "" if u.active else self.tr(" (disabled)")
            self.user_list.addItem(f"{u.username} — {u.full_name} — {u.role.value}{state}")
            self.user_list.item(self.user_list.count() - 1).setData(256, (u.username, u.active))

    def _selected(self) -> tuple[str, bool] | None:
        item = self.user_list.currentItem()
        return item.data(256) if item else None

    def _run(self, fn, **kwargs) -> None:  # type: ignore[no-untyped-def]
        self.context.tasks.run_db(lambda: fn(self.context.store, by=self.context.actor, **kwargs),
                                  on_done=lambda _r: self.refresh(), on_error=self._error)

    def _add(self) -> None:
        self._run(users.create_user, username=self.username.text(), full_name=self.full_name.text(),
                  role=self.role.currentData(), password=self.password.text())

    def _toggle(self) -> None:
        if sel := self._selected():
            self._run(users.set_active, username=sel[0], active=not sel[1])

    def _reset(self) -> None:
        if sel := self._selected():
            self._run(users.reset_password, username=sel[0], password=self.password.text())

    def _error(self, exc: BaseException) -> None:
        show_refusal(self, exc)
