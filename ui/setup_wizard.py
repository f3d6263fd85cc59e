"""First start: where the dossiers are kept, then the office profile and the first administrator.

On a new computer the first page chooses this computer only (the SQLite file) or the office's
server (:mod:`ui.wizard_storage`). An office already set up on that server is not asked for
again: the counter takes its number (:mod:`ui.wizard_counter`) and goes to the login. The
choice is remembered (:mod:`ui.db_choice`) when the wizard finishes, so the next start opens
the same database without it. Started on a database named by ``--db``, only the office and
administrator pages are shown.
"""
from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWizard, QWizardPage

from counter_app import office as office_profile
from counter_app import users
from counter_app.errors import CounterError
from counter_app.models import Office, Role
from counter_app.store import Store

from .db_choice import DatabaseChoice, remember
from .office_form import ERROR_STYLE, OfficeForm
from .tasks import TaskRunner


class OfficePage(QWizardPage):
    def __init__(self) -> None:
        super().__init__()
        self.setTitle(self.tr("Office"))
        self.setSubTitle(self.tr("Who receives dossiers here: printed on every receipt and sent to the portal."))
        self.form = OfficeForm()
        QVBoxLayout(self).addWidget(self.form)
        self.result: Office | None = None

    def validatePage(self) -> bool:
        self.result = self.form.office()
        return self.result is not None


class AdminAccountPage(QWizardPage):
    def __init__(self) -> None:
        super().__init__()
        self.setTitle(self.tr("First administrator"))
        self.setSubTitle(self.tr("This account adds the counter staff and supervisors."))
        self.username = QLineEdit("admin")
        self.full_name = QLineEdit()
        self.password = QLineEdit()
        self.repeat = QLineEdit()
        for edit in (self.password, self.repeat):
            edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.message = QLabel()
        self.message.setStyleSheet(ERROR_STYLE)
        self.message.setWordWrap(True)
        form = QFormLayout(self)
        form.addRow(self.tr("&Username"), self.username)
        form.addRow(self.tr("&Full name"), self.full_name)
        form.addRow(self.tr("&Password"), self.password)
        form.addRow(self.tr("&Repeat password"), self.repeat)
        form.addRow(self.message)
        self.office: Office | None = None

    def nextId(self) -> int:
        return -1

    def validatePage(self) -> bool:
        if self.password.text() != self.repeat.text():
            self.message.setText(self.tr("The two passwords differ."))
            return False
        store = self.wizard().store
        if self.office is None or store is None:
            return False
        try:
            office_profile.save_office(store, self.office, by=None)
            users.create_user(store, username=self.username.text().strip(), full_name=self.full_name.text().strip(),
                              role=Role.ADMIN, password=self.password.text(), by=None)
        except CounterError as exc:
            self.message.setText(str(exc))
            return False
        return True


class SetupWizard(QWizard):
    """``store``: the database chosen already (``--db``); None: the first page asks where.

    After it finished, ``store`` is the database set up or joined.
    """

    STORAGE, OFFICE, ADMIN, COUNTER = range(4)

    def __init__(self, store: Store | None = None, *, tasks: TaskRunner | None = None,
                 settings: QSettings | None = None, open_local: Callable[[], Store | None] | None = None) -> None:
        super().__init__()
        self.store = store
        self.settings = settings if settings is not None else QSettings()
        self.server_url = ""  # the office server joined, remembered when the wizard finishes
        self.counter_no: int | None = None  # the number taken on it
        self.setWindowTitle(self.tr("Quầy Một Cửa — first start"))
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        if store is None:
            from .wizard_counter import CounterNumberPage
            from .wizard_storage import StoragePage

            if tasks is None or open_local is None:
                raise ValueError("choosing the database needs the task runner and the local opener")
            self.storage_page = StoragePage(tasks, open_local)
            self.counter_page = CounterNumberPage(self.settings)
            self.setPage(self.STORAGE, self.storage_page)
            self.setPage(self.COUNTER, self.counter_page)
        self.office_page = OfficePage()
        self.admin_page = AdminAccountPage()
        self.setPage(self.OFFICE, self.office_page)
        self.setPage(self.ADMIN, self.admin_page)
        self.setStartId(self.OFFICE if store is not None else self.STORAGE)
        # Qt ships no Vietnamese for the wizard's own buttons, so they are named here.
        for button, text in ((QWizard.WizardButton.BackButton, self.tr("< &Back")),
                             (QWizard.WizardButton.NextButton, self.tr("&Next >")),
                             (QWizard.WizardButton.FinishButton, self.tr("&Finish")),
                             (QWizard.WizardButton.CancelButton, self.tr("Cancel"))):
            self.setButtonText(button, text)
        self.currentIdChanged.connect(self._carry_office)
        self.resize(720, 560)

    def _carry_office(self, _page_id: int) -> None:
        self.admin_page.office = self.office_page.result

    def done(self, result: int) -> None:
        """Finished: remember the server joined for the next start (QWizard.done validates the
        last page first, and returns without closing when it refuses)."""
        super().done(result)
        if self.result() == QWizard.DialogCode.Accepted and self.server_url:
            remember(self.settings, DatabaseChoice(self.server_url, self.counter_no))


def run_setup_wizard(store: Store | None = None, **choosing: object) -> Store | None:
    """Show the wizard; the database set up (or joined), or None when it was cancelled.

    A database the wizard opened itself is closed again when it is cancelled.
    """
    wizard = SetupWizard(store, **choosing)  # type: ignore[arg-type]
    if wizard.exec():
        return wizard.store
    if store is None and wizard.store is not None:
        wizard.store.close()
    return None
