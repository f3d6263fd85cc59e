"""The portal connection, set by an administrator in the app (the same as ``counter-app portal set``).

The password goes to the OS keyring before anything is saved, so a machine without a keyring
changes nothing and says why. Plain http:// needs the box ticked and a host on this computer
(the simulator, for training): the rule is sync.config.check_url's, the same as the CLI's.
"""
from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QDialog, QDialogButtonBox, QFormLayout, QLineEdit, QWidget

from counter_app.errors import CounterError

from .context import AppContext
from .widgets.fields import error_label


class PortalSettingsDialog(QDialog):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from sync.config import load_config
        from sync.errors import PortalMisconfigured

        self.context = context
        self.setWindowTitle(self.tr("Portal connection"))
        self.message = error_label()
        try:
            current = load_config(context.store)
        except PortalMisconfigured as exc:  # saved before today's rules: say why, start afresh
            current = None
            self.message.setText(str(exc))
        self.url = QLineEdit(current.url if current else "")
        self.url.setPlaceholderText("https://")
        self.username = QLineEdit(current.username if current else "")
        self.agency_code = QLineEdit(current.agency_code if current else context.office.agency_code)
        self.dstcode = QLineEdit(current.dstcode if current else "")
        self.insecure_http = QCheckBox(self.tr("Allow unencrypted http:// (the simulator on this computer only)"))
        self.insecure_http.setChecked(bool(current and current.insecure_http))
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText(self.tr("kept in the operating system's keyring"))
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("Save"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self.buttons.accepted.connect(self._save)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(self.tr("Adapter &URL"), self.url)
        form.addRow("", self.insecure_http)
        form.addRow(self.tr("&Username"), self.username)
        form.addRow(self.tr("&Agency code"), self.agency_code)
        form.addRow(self.tr("&Destination code"), self.dstcode)
        form.addRow(self.tr("&Password"), self.password)
        form.addRow(self.message)
        form.addRow(self.buttons)
        self.setMinimumWidth(520)

    def _save(self) -> None:
        from sync.config import PortalConfig, configure
        from sync.errors import SyncError

        try:
            config = PortalConfig(url=self.url.text().strip(), username=self.username.text().strip(),
                                  agency_code=self.agency_code.text().strip().upper(),
                                  dstcode=self.dstcode.text().strip(), insecure_http=self.insecure_http.isChecked())
        except CounterError as exc:
            self.message.setText(str(exc))
            self.adjustSize()
            return

        def failed(exc: BaseException) -> None:
            known = isinstance(exc, (CounterError, SyncError))
            self.message.setText(str(exc) if known else self.tr("Could not save the connection."))
            self.adjustSize()
            self.buttons.setEnabled(True)

        self.buttons.setEnabled(False)
        password = self.password.text()
        self.context.tasks.run_db(lambda: configure(self.context.store, config, password, by=self.context.actor),
                                  on_done=lambda _r: self.accept(), on_error=failed)
