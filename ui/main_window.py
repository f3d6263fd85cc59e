"""Main window: one section per counter task, chosen by F2/F3/F4, admin only for supervisors up."""
from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QSettings, QSize, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QListWidget,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from counter_app.models import Role

from .change_watch import ChangeWatcher
from .context import AppContext
from .dossier_list import DossiersPage, ReturnsPage
from .i18n import DEFAULT_LANG, LANGUAGES
from .lock import IdleLock
from .printing_actions import PrintActions
from .receive_form import ReceivePage
from .status_bar import CounterStatusBar
from .sync_page import SyncPage
from .sync_worker import SyncWorker

MIN_SIZE = QSize(1280, 760)
# A title bar and borders, before the window manager has drawn them (it reports them only once the
# window is shown): 20–38 px of title bar on the usual desktops, a few pixels of border.
FRAME_ALLOWANCE = QSize(12, 44)


def _report_page(context: AppContext) -> QWidget:
    from .report766_page import Report766Page  # loaded with its section (reportlab for the PDF)

    return Report766Page(context)


def _admin_page(context: AppContext) -> QWidget:
    from .admin_page import AdminPage  # loaded with its section (provinces, holidays)

    return AdminPage(context)


class DeferredPage(QWidget):
    """A section built the first time it is shown, so start-up pays only for the first screen."""

    def __init__(self, build: Callable[[], QWidget]) -> None:
        super().__init__()
        self._build = build
        self.page: QWidget | None = None
        QVBoxLayout(self).setContentsMargins(0, 0, 0, 0)

    def showEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        if self.page is None:
            self.page = self._build()
            self.layout().addWidget(self.page)
        super().showEvent(event)


class MainWindow(QMainWindow):
    lock_requested = Signal()

    def __init__(self, context: AppContext) -> None:
        super().__init__()
        self.context = context
        self.logged_out = False  # closed by "Log out": the app shows the login again
        self.setWindowTitle(self.tr("One-stop counter — {office}").format(office=context.office.agency_name))
        self.nav = QListWidget()
        self.stack = QStackedWidget()
        self.sections: dict[str, int] = {}
        self.receive_page = ReceivePage(context)
        self.dossiers_page = DossiersPage(context)
        self.returns_page = ReturnsPage(context)
        self.sync_worker = SyncWorker(context, parent=self)
        self.sync_page = SyncPage(context, self.sync_worker)
        self._add("receive", self.tr("Receive (F2)"), self.receive_page, "F2")
        self._add("dossiers", self.tr("Dossiers (F3)"), self.dossiers_page, "F3")
        self._add("returns", self.tr("Return results (F4)"), self.returns_page, "F4")
        self._add("sync", self.tr("Sync (F6)"), self.sync_page, "F6")
        if context.actor.role.at_least(Role.SUPERVISOR):
            self._add("report766", self.tr("766 indicators (F8)"), DeferredPage(lambda: _report_page(context)), "F8")
            self._add("admin", self.tr("Administration (F7)"), DeferredPage(lambda: _admin_page(context)), "F7")
        self.nav.currentRowChanged.connect(self.stack.setCurrentIndex)
        self.nav.setCurrentRow(0)
        # As wide as its longest section name, never cut and no wider: the rest is for the lists.
        self.nav.setFixedWidth(self.nav.sizeHintForColumn(0) + 2 * self.nav.frameWidth() + 24)
        central = QWidget()
        row = QHBoxLayout(central)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.nav)
        row.addWidget(self.stack, 1)
        self.setCentralWidget(central)
        self.status = CounterStatusBar(user=context.actor.full_name, office=context.office.agency_name)
        self.setStatusBar(self.status)
        self.printing = PrintActions(context, self)
        self.printing.connect_pages(self.receive_page, self.dossiers_page, self.returns_page, self.sync_page)
        self.printing.notice.connect(lambda text: self.status.showMessage(text, 8000))
        self.sync_worker.stateChanged.connect(
            lambda s: self.status.set_sync_state(s.online, s.pending, s.last_success, s.failed,
                                                 configured=s.configured, problem=s.problem))
        self.sync_worker.start()
        # No Alt+letter for the menu: every letter is a field's or a button's; each item has its own keys.
        menu = self.menuBar().addMenu(self.tr("Session"))
        for text, key, slot in ((self.tr("Lock screen"), "Ctrl+L", self.lock_requested.emit),
                                (self.tr("Log out"), "Ctrl+Shift+L", self.log_out),
                                (self.tr("Quit"), "Ctrl+Q", self.close)):
            action = QAction(text, self)
            if key:
                action.setShortcut(QKeySequence(key))
            action.triggered.connect(slot)
            menu.addAction(action)
        self._add_language_menu()
        self.changes = ChangeWatcher(context, self)
        self.changes.databaseLost.connect(self.status.set_database_lost)
        self.changes.databaseBack.connect(self.status.set_database_back)
        self.changes.databaseLost.connect(self.receive_page.set_database_lost)
        self.changes.databaseBack.connect(self.receive_page.set_database_back)
        self.receive_page.databaseUnreachable.connect(self.changes.report_lost)
        self.idle_lock = IdleLock(self, context)
        self.lock_requested.connect(self.idle_lock.lock)
        self.idle_lock.logOutRequested.connect(self.log_out)

    def fit_screen(self) -> None:
        """At least 1280×760 so no section or column title is cut, frame included inside the screen's
        available area; maximised when that does not fit (a 1366×768 counter PC: 760 + a title bar > 768).

        Also applied after restoring a saved geometry, which an earlier version may have left tiny or
        hanging off the bottom of the screen."""
        if self.windowState() & Qt.WindowState.WindowMaximized:
            return
        available = self.screen().availableGeometry()
        room = available.size() - self._frame_size()
        if room.width() < MIN_SIZE.width() or room.height() < MIN_SIZE.height():
            self.setWindowState(self.windowState() | Qt.WindowState.WindowMaximized)
            return
        self.resize(self.size().expandedTo(MIN_SIZE).boundedTo(room))
        left = min(max(self.x(), available.left()), available.left() + room.width() - self.width())
        top = min(max(self.y(), available.top()), available.top() + room.height() - self.height())
        self.move(left, top)

    def _frame_size(self) -> QSize:
        """What the window manager adds around the window: measured once shown, else the allowance."""
        measured = self.frameGeometry().size() - self.geometry().size()
        return measured if self.isVisible() and not measured.isEmpty() else FRAME_ALLOWANCE

    def _add(self, key: str, title: str, widget: QWidget, shortcut: str | None) -> None:
        index = self.stack.addWidget(widget)
        self.nav.addItem(title)
        self.sections[key] = index
        if shortcut:
            action = QAction(self)
            action.setShortcut(QKeySequence(shortcut))
            action.triggered.connect(lambda: self.nav.setCurrentRow(index))
            self.addAction(action)

    def _add_language_menu(self) -> None:
        """Bilingual on purpose: whoever cannot read the current language can still find it."""
        menu = self.menuBar().addMenu("Ngôn ngữ / Language")
        current = str(QSettings().value("language", DEFAULT_LANG))
        for code, name in LANGUAGES.items():
            action = QAction(name, self, checkable=True, checked=code == current)
            action.triggered.connect(lambda _checked, code=code: self._choose_language(code))
            menu.addAction(action)

    def _choose_language(self, code: str) -> None:
        QSettings().setValue("language", code)
        QMessageBox.information(self, "Ngôn ngữ / Language",
                                "Ngôn ngữ mới có hiệu lực khi mở lại chương trình.\n"
                                "The new language takes effect when the app is started again.")

    def log_out(self) -> None:
        """Leave the counter to the next clerk: the draft is kept under this clerk's name."""
        self.logged_out = True
        self.close()

    def closeEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        self.receive_page.drafts.flush()
        self.sync_worker.shutdown()
        super().closeEvent(event)

    def show_section(self, key: str) -> bool:
        """Switch section; False when it is not available to this user (e.g. staff and admin)."""
        if key not in self.sections:
            return False
        self.nav.setCurrentRow(self.sections[key])
        return True
