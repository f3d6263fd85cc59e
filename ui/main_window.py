"""Main window: one section per counter task, chosen by F2/F3/F4, admin only for supervisors up."""
from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QLabel, QListWidget, QMainWindow, QSplitter, QStackedWidget, QWidget

from counter_app.models import Role

from .context import AppContext
from .status_bar import CounterStatusBar


def _page(module: str, name: str, context: AppContext) -> QWidget:
    """Build another engineer's page, or a placeholder while its file has not landed."""
    try:
        mod = __import__(f"ui.{module}", fromlist=[name])
        return getattr(mod, name)(context)
    except ImportError:
        return QLabel(name)


class MainWindow(QMainWindow):
    logout_requested = Signal()
    lock_requested = Signal()

    def __init__(self, context: AppContext) -> None:
        super().__init__()
        self.context = context
        self.setWindowTitle(self.tr("One-stop counter — {office}").format(office=context.office.agency_name))
        self.nav = QListWidget()
        self.stack = QStackedWidget()
        self.sections: dict[str, int] = {}
        self._add("receive", self.tr("Receive (F2)"), _page("receive_form", "ReceivePage", context), "F2")
        self._add("dossiers", self.tr("Dossiers (F3)"), _page("dossier_list", "DossiersPage", context), "F3")
        self._add("returns", self.tr("Return results (F4)"), _page("dossier_list", "ReturnsPage", context), "F4")
        from .sync_page import SyncPage
        self._add("sync", self.tr("Sync"), SyncPage(context), None)
        if context.actor.role.at_least(Role.SUPERVISOR):
            from .admin_page import AdminPage
            self._add("admin", self.tr("Administration"), AdminPage(context), None)
        self.nav.currentRowChanged.connect(self.stack.setCurrentIndex)
        self.nav.setCurrentRow(0)
        self.nav.setMaximumWidth(220)
        splitter = QSplitter()
        splitter.addWidget(self.nav)
        splitter.addWidget(self.stack)
        splitter.setStretchFactor(1, 1)
        self.setCentralWidget(splitter)
        self.status = CounterStatusBar(user=context.actor.full_name, office=context.office.agency_name)
        self.setStatusBar(self.status)
        menu = self.menuBar().addMenu(self.tr("&Session"))
        for text, key, slot in ((self.tr("Lock screen"), "Ctrl+L", self.lock_requested.emit),
                                (self.tr("Log out"), None, self.logout_requested.emit),
                                (self.tr("Quit"), "Ctrl+Q", self.close)):
            action = QAction(text, self)
            if key:
                action.setShortcut(QKeySequence(key))
            action.triggered.connect(slot)
            menu.addAction(action)
        from .lock import IdleLock
        self.idle_lock = IdleLock(self, context)
        self.lock_requested.connect(self.idle_lock.lock)

    def _add(self, key: str, title: str, widget: QWidget, shortcut: str | None) -> None:
        index = self.stack.addWidget(widget)
        self.nav.addItem(title)
        self.sections[key] = index
        if shortcut:
            action = QAction(self)
            action.setShortcut(QKeySequence(shortcut))
            action.triggered.connect(lambda: self.nav.setCurrentRow(index))
            self.addAction(action)

    def show_section(self, key: str) -> bool:
        """Switch section; False when it is not available to this user (e.g. staff and admin)."""
        if key not in self.sections:
            return False
        self.nav.setCurrentRow(self.sections[key])
        return True
