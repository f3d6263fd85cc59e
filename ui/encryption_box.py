"""Settings → "Mã hóa dữ liệu": how the counter's database is protected, and its recovery sheet.

The sheet is the only copy of the key outside this computer (a lost key is lost data), so an
administrator prints it from here right after set-up; the key is read and the act audited by
:func:`counter_app.encryption.key_for_sheet`, and the PDF only ever lives in the preview's memory
unless the administrator saves it.
"""
from __future__ import annotations

from PySide6.QtWidgets import QGroupBox, QLabel, QPushButton, QVBoxLayout, QWidget

from counter_app import encryption
from counter_app.db import keys as db_keys
from counter_app.office import get_office

from .context import AppContext
from .print_preview import PrintPreviewDialog

RECOVERY_SHEET = "recovery-sheet"


class EncryptionBox(QGroupBox):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Data encryption"))
        self.context = context
        self.status = QLabel(self.describe())
        self.status.setWordWrap(True)
        self.sheet_button = QPushButton(self.tr("Print the recovery &key sheet…"))
        self.sheet_button.setEnabled(context.store.key is not None)
        self.sheet_button.clicked.connect(self.print_sheet)
        self.preview: PrintPreviewDialog | None = None
        layout = QVBoxLayout(self)
        layout.addWidget(self.status)
        layout.addWidget(self.sheet_button)

    def describe(self) -> str:
        store = self.context.store
        if store.path is None:
            return self.tr("The office database is on the PostgreSQL server: protect that server's disk and its backups.")
        key = store.key
        if key is None:
            return self.tr("This database is NOT encrypted. An administrator encrypts it, with its backups, by the"
                           " command: counter-app key encrypt")
        if key.source is db_keys.KeyStore.FILE:
            return self.tr("Encrypted. This computer has no keyring of the operating system, so the key is kept in a"
                           " file only your account can read ({file}). Print the recovery sheet and keep it in the"
                           " office's safe.").format(file=db_keys.key_file(store.path))
        if key.source is db_keys.KeyStore.ENV:
            return self.tr("Encrypted with the key given in COUNTER_DB_KEY.")
        return self.tr("Encrypted; the key is kept in the operating system's keyring. Without the key the data and"
                       " its backups cannot be read: print the recovery sheet and keep it in the office's safe.")

    def print_sheet(self) -> None:
        from printing.recovery_sheet import build_recovery_sheet

        store, actor = self.context.store, self.context.actor

        def job() -> bytes:
            key = encryption.key_for_sheet(store, actor)
            return build_recovery_sheet(get_office(store), store.path, key)  # type: ignore[arg-type]

        self.context.tasks.run_op(job, parent=self, on_done=self._show_sheet)

    def _show_sheet(self, pdf: bytes) -> None:
        self.preview = PrintPreviewDialog(pdf, kind=RECOVERY_SHEET, title=self.tr("Recovery key sheet"),
                                          file_stem="phieu-luu-khoa", parent=self.window())
        self.preview.open()
