"""Application entry: QApplication, translation, store, login (or smoke demo), main window."""
from __future__ import annotations

import sys
import tempfile
from pathlib import Path


def _demo(store) -> None:  # type: ignore[no-untyped-def]
    """A demo office and admin for ``--smoke`` (no wizard)."""
    from counter_app import office, users
    from counter_app.models import Office, Role
    office.save_office(store, Office(agency_code="H15.50.05.13",
                                     agency_name="Trung tâm Phục vụ hành chính công xã Tân Hòa",
                                     parent_agency_name="UBND XÃ TÂN HÒA"), by=None)
    users.create_user(store, username="admin", full_name="Nguyễn Văn Đức", role=Role.ADMIN,
                      password="matkhau-demo-123", by=None)


def _smoke(store, tasks) -> int:  # type: ignore[no-untyped-def]
    """``--smoke``: the main window opens on the demo office and becomes visible."""
    from PySide6.QtTest import QTest

    from counter_app import office
    from counter_app.users import authenticate

    from .context import AppContext
    from .main_window import MainWindow

    actor = authenticate(store, "admin", "matkhau-demo-123")
    window = MainWindow(AppContext(store=store, actor=actor, office=office.get_office(store), tasks=tasks))
    window.fit_screen()
    window.show()
    ok = QTest.qWaitForWindowExposed(window, 5000) and window.isVisible()
    tasks.wait_idle()
    window.close()
    return 0 if ok else 1


def _sessions(app, store, tasks) -> int:  # type: ignore[no-untyped-def]
    """Log in, work, and after "Log out" (a shared counter) show the login again for the next clerk.

    Each clerk's form draft is saved under their own name when they log out, and offered to
    them, not to the next clerk, when they log in again.
    """
    from PySide6.QtCore import QSettings

    from counter_app import office

    from .context import AppContext
    from .login import LoginDialog
    from .main_window import MainWindow

    settings = QSettings()
    while True:
        login = LoginDialog(store, tasks)
        if not login.exec() or login.actor is None:
            return 1
        window = MainWindow(AppContext(store=store, actor=login.actor, office=office.get_office(store), tasks=tasks))
        geometry = settings.value("main_window/geometry")
        if geometry is not None:
            window.restoreGeometry(geometry)
        window.fit_screen()
        window.show()
        code = app.exec()
        settings.setValue("main_window/geometry", window.saveGeometry())
        if not window.logged_out:
            return code


def run(db_path: str | None = None, *, smoke: bool = False, lang: str | None = None) -> int:
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    import ui.widgets  # noqa: F401 - first: installs the PySide6 6.12 reference-count guard
    from counter_app import audit
    from counter_app.paths import open_store

    from . import look
    from .i18n import install_translator
    from .open_database import open_for_start
    from .tasks import TaskRunner

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setOrganizationName("QuayMotCua")
    app.setApplicationName("counter-app")
    look.set_up(app)
    settings = QSettings()
    translator = install_translator(app, lang or str(settings.value("language", "vi")))
    tmp = tempfile.TemporaryDirectory() if smoke else None
    tasks = TaskRunner()
    store = None
    audit.set_process_origin(via="gui", os_account=audit.os_account())  # every record names who sat at the keyboard
    try:
        # --db, else the office server the wizard joined, else this computer's file (the wizard when new)
        store = open_store(Path(tmp.name) / "smoke.sqlite3") if tmp else open_for_start(db_path, settings, tasks)
        if store is None:  # a damaged or too-new database, a server down, or a cancelled wizard: the user quit
            return 1
        if smoke:
            _demo(store)
            return _smoke(store, tasks)
        return _sessions(app, store, tasks)
    finally:
        if translator is not None:  # run() may be called in-process (tests, --smoke): leave no trace
            app.removeTranslator(translator)
        tasks.shutdown()
        if store is not None:
            store.close()
        if tmp:
            tmp.cleanup()
        audit.set_process_origin()
