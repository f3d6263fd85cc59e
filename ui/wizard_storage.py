"""The set-up wizard's first page: this computer only, or join the office's server.

"Test connection" reads the server on the network pool (an unreachable host takes seconds) and
says in words what is wrong, from :mod:`counter_app.office_server`. Only a tested server lets
the wizard go on; going on puts the password into the OS keyring (nowhere else: the URL that
is remembered carries none) and opens the database, creating its tables when it is empty, as
``counter-app --db URL init`` does. An office that is already set up there is not asked for
again: the wizard goes on to this counter's number.
"""
from __future__ import annotations

import os
from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication,
    QButtonGroup,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
    QWizardPage,
)

from counter_app.db.keys import KeyStore
from counter_app.office_server import ProbeFailed, Problem, ServerState, probe, server_url
from counter_app.paths import open_store
from counter_app.store import Store

from .office_form import ERROR_STYLE
from .tasks import TaskRunner

OK_STYLE = "color: #1b5e20"
DEFAULT_PORT = 5432


class StoragePage(QWizardPage):
    """Where the dossiers are kept. ``state`` is what the last successful test found, else None."""

    def __init__(self, tasks: TaskRunner, open_local: Callable[[], Store | None]) -> None:
        super().__init__()
        self.tasks = tasks
        self.open_local = open_local
        self.state: ServerState | None = None
        self.testing = False
        self.setTitle(self.tr("Where the dossiers are kept"))
        self.setSubTitle(self.tr("A single counter keeps its database on this computer. The counters of an office"
                                 " can share one database on the office's server."))
        self.local = QRadioButton(self.tr("&This computer only"))
        self.server = QRadioButton(self.tr("Join the office &server"))
        self.local.setChecked(True)
        self.choice = QButtonGroup(self)
        for button in (self.local, self.server):
            self.choice.addButton(button)
        self.fields = QWidget()
        self.host = QLineEdit()
        self.host.setPlaceholderText(self.tr("e.g. 192.168.1.10 or may-chu"))
        self.port = QSpinBox()
        self.port.setRange(1, 65535)
        self.port.setValue(DEFAULT_PORT)
        self.dbname = QLineEdit("quay_office")
        self.user = QLineEdit("quay_counter")
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText(self.tr("kept in the operating system's keyring"))
        self.test_button = QPushButton(self.tr("Test &connection"))
        self.test_button.clicked.connect(self.test_connection)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        form = QFormLayout(self.fields)
        form.addRow(self.tr("&Host"), self.host)
        form.addRow(self.tr("Po&rt"), self.port)
        form.addRow(self.tr("&Database"), self.dbname)
        form.addRow(self.tr("&User"), self.user)
        form.addRow(self.tr("&Password"), self.password)
        form.addRow("", self.test_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.local)
        layout.addWidget(self.server)
        layout.addWidget(self.fields)
        layout.addWidget(self.message)
        layout.addStretch(1)
        self.server.toggled.connect(self._chosen)
        for edit in (self.host, self.dbname, self.user, self.password):
            edit.textEdited.connect(self._edited)
        self.port.valueChanged.connect(self._edited)
        self._chosen(False)

    # -- choosing and testing -------------------------------------------------------------------

    def server_chosen(self) -> bool:
        return self.server.isChecked()

    def url(self) -> str:
        return server_url(host=self.host.text(), port=self.port.value(), dbname=self.dbname.text(),
                          user=self.user.text())

    def _chosen(self, server: bool) -> None:
        self.fields.setEnabled(server)
        self._say("")
        self.completeChanged.emit()

    def _edited(self, *_args: object) -> None:
        """A changed field must be tested again before the wizard goes on."""
        self.state = None
        self._say("")
        self.completeChanged.emit()

    def _say(self, text: str, *, ok: bool = False) -> None:
        self.message.setStyleSheet(OK_STYLE if ok else ERROR_STYLE)
        self.message.setText(text)

    def test_connection(self) -> None:
        if self.testing:
            return
        if not (self.host.text().strip() and self.dbname.text().strip() and self.user.text().strip()):
            self._say(self.tr("Fill in the host, the database and the user."))
            return
        self.testing = True
        self.state = None
        self.test_button.setEnabled(False)
        self._say(self.tr("Connecting…"), ok=True)
        self.completeChanged.emit()
        self.tasks.run_net(probe, self.url(), self.password.text(), on_done=self.tested, on_error=self._test_failed)

    def tested(self, state: ServerState) -> None:
        """Say what the connection test found, and let the wizard go on."""
        self.state = state
        self._test_done({
            ServerState.EMPTY: self.tr("Connected. The database is empty: Next creates its tables, then asks for"
                                       " the office and its first administrator."),
            ServerState.NOT_SET_UP: self.tr("Connected. The office is not set up yet: Next asks for the office and"
                                            " its first administrator."),
            ServerState.READY: self.tr("Connected. The office is set up on this server: Next asks only for this"
                                       " counter's number."),
        }[state], ok=True)

    def _test_failed(self, exc: BaseException) -> None:
        self._test_done(self.problem_text(exc), ok=False)

    def _test_done(self, text: str, *, ok: bool) -> None:
        self.testing = False
        self.test_button.setEnabled(True)
        self._say(text, ok=ok)
        self.completeChanged.emit()

    def problem_text(self, exc: BaseException) -> str:
        """What is wrong, in words the person setting up the counter can act on."""
        if not isinstance(exc, ProbeFailed):
            return self.tr("Could not connect: {reason}").format(reason=str(exc) or type(exc).__name__)
        return {
            Problem.UNREACHABLE: self.tr("No server answers at {host}:{port}. Check the address and the port, that"
                                         " the server is on, and that its firewall lets this computer in."),
            Problem.LOGIN: self.tr("The server refused this user or password. Check them with the office's"
                                   " administrator."),
            Problem.NO_DATABASE: self.tr("The server has no database named \"{db}\". Check the name, or create the"
                                         " database first (README: An office with several counters)."),
            Problem.FOREIGN: self.tr("This database holds another program's tables: it is not a database of"
                                     " Quầy Một Cửa. Give the office an empty database."),
            Problem.TOO_NEW: self.tr("This database was made by a newer version of Quầy Một Cửa. Install that"
                                     " version on this computer first."),
            Problem.OTHER: self.tr("Could not connect: {reason}"),
        }[exc.problem].format(host=self.host.text().strip(), port=self.port.value(),
                              db=self.dbname.text().strip(), reason=exc.reason)

    # -- going on ---------------------------------------------------------------------------------

    def isComplete(self) -> bool:
        return not self.server_chosen() or (self.state is not None and not self.testing)

    def nextId(self) -> int:
        from .setup_wizard import SetupWizard

        if self.server_chosen() and self.state is ServerState.READY:
            return SetupWizard.COUNTER
        return SetupWizard.OFFICE

    def validatePage(self) -> bool:
        wizard = self.wizard()
        if wizard.store is not None:  # came back with Back, maybe to choose otherwise: open afresh
            wizard.store.close()
            wizard.store, wizard.server_url = None, ""
        if not self.server_chosen():
            wizard.store = self.open_local()
            if wizard.store is not None and wizard.store.key is not None \
                    and wizard.store.key.source is KeyStore.FILE:
                self.warn_key_file()
            return wizard.store is not None
        if not self._keep_password():
            return False
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            wizard.store = open_store(self.url())  # creates the tables in an empty database
        except Exception as exc:  # e.g. no right to create tables: the server's own first line
            reason = (str(exc).strip().splitlines() or [type(exc).__name__])[0]
            self._say(self.tr("The database could not be prepared: {reason}. An empty office database is"
                              " prepared with its owner's account (README: An office with several"
                              " counters).").format(reason=reason))
            return False
        finally:
            QApplication.restoreOverrideCursor()
        wizard.server_url = str(wizard.store.target)
        return True

    def warn_key_file(self) -> None:
        """No keyring here: the database key went to an owner-only file; say so once, at set-up."""
        QMessageBox.warning(self, self.tr("Data encryption"), self.tr(
            "This computer has no keyring of the operating system. The key that encrypts the counter's data is kept"
            " in a file only your account can read; anyone who can log in as you can read the data. After set-up,"
            " an administrator prints the recovery key sheet (Administration → Settings) for the office's safe."))

    def _keep_password(self) -> bool:
        """The typed password into the OS keyring, its only home; without a keyring, say what to do."""
        import keyring
        from keyring.errors import KeyringError, NoKeyringError

        from counter_app.db.postgres import KEYRING_SERVICE, PASSWORD_ENV

        password = self.password.text()
        if not password:
            return True  # the server needs none (trust, ~/.pgpass) or the environment gives it
        try:
            keyring.set_password(KEYRING_SERVICE, self.user.text().strip(), password)
        except NoKeyringError:
            if os.environ.get(PASSWORD_ENV):
                return True
            self._say(self.tr("This computer has no keyring of the operating system to keep the password in."
                              " Install one, or give the password in the environment variable {env} and start"
                              " the app again.").format(env=PASSWORD_ENV))
            return False
        except KeyringError as exc:
            self._say(self.tr("The keyring did not take the password: {error}").format(error=type(exc).__name__))
            return False
        return True
