"""The dossier's electronic copies in its detail: each received paper and the result, digitised or not.

A paper only shown at the counter ("xuất trình", ``counter_app.digitisation``) reads "Miễn số hóa"
and needs nothing. "Số hóa" opens the capture dialog for the highlighted line; what it saves is
one PDF of that paper (or of the result) through the core's ``attach_pages``, or, for a paper,
the citizen's earlier copy chosen there (``counter_app.reuse``). "Xem" shows the line's latest
copy in the print preview (to check a scan, or print it), read through the core's
``read_content``: opened in memory from the sealed file, never written out unless the user saves it.
"Gỡ bản điện tử", enabled on a line with a copy, withdraws a wrong one (``WithdrawDialog``); the
line then shows what remains, and "Số hóa" captures the right one: together, a replacement.
Withdrawn copies are not listed (``list_attachments`` leaves them out).
"""
from __future__ import annotations

from collections import Counter
from functools import partial
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QGroupBox, QHBoxLayout, QListWidget, QListWidgetItem, QPushButton, QVBoxLayout, QWidget
from shiboken6 import isValid

from counter_app.attachments import Attachment, attach_pages, list_attachments, read_content
from counter_app.digitisation import needs_scan
from counter_app.models import Dossier
from counter_app.reuse import earlier_captures, reuse_capture

from .capture_dialog import CaptureDialog
from .context import AppContext
from .print_preview import PrintPreviewDialog, show_message
from .withdraw_dialog import WithdrawDialog

RESULT = 0  # the line's data: a paper's number (1, 2, …) or RESULT
COPY_KIND = "electronic-copy"  # the print preview's kind: file name "ban-dien-tu-CODE-…"


class PaperCaptures(QGroupBox):
    """Signals: ``captured(code)`` after a capture was saved or withdrawn; ``listed()`` once the lines are filled;
    ``viewing(dialog)`` once a copy is shown."""

    captured = Signal(str)
    listed = Signal()
    viewing = Signal(QWidget)

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Electronic copies"))
        self.context = context
        self.dossier: Dossier | None = None
        self.attachments: list[Attachment] = []
        self.dialog: CaptureDialog | None = None
        self.preview: PrintPreviewDialog | None = None
        self.withdraw_dialog: WithdrawDialog | None = None
        self.lines = QListWidget(self)
        self.lines.setMaximumHeight(110)
        self.lines.setAccessibleName(self.tr("Electronic copies"))
        self.lines.itemActivated.connect(lambda _item: self.capture())
        self.capture_button = QPushButton(self.tr("Digiti&ze…"), self)
        self.capture_button.setAutoDefault(False)
        self.capture_button.clicked.connect(self.capture)
        self.view_button = QPushButton(self.tr("&View copy"), self)
        self.view_button.setAutoDefault(False)
        self.view_button.clicked.connect(self.view)
        self.withdraw_button = QPushButton(self.tr("Withdraw cop&y…"), self)
        self.withdraw_button.setAutoDefault(False)
        self.withdraw_button.clicked.connect(self.withdraw)
        self.lines.currentRowChanged.connect(lambda _row: self._enable())
        buttons = QVBoxLayout()
        buttons.addWidget(self.capture_button)
        buttons.addWidget(self.view_button)
        buttons.addWidget(self.withdraw_button)
        buttons.addStretch(1)
        layout = QHBoxLayout(self)
        layout.addWidget(self.lines, 1)
        layout.addLayout(buttons)

    def show_dossier(self, dossier: Dossier) -> None:
        self.dossier = dossier
        store, code = self.context.store, dossier.code
        self.context.tasks.run_db(lambda: list_attachments(store, code), on_done=self._fill, on_error=lambda _e: None)

    def _fill(self, attachments: list[Attachment]) -> None:
        if self.dossier is None or not isValid(self):  # the detail closed while the list was read
            return
        self.attachments = attachments
        files = Counter(a.paper or RESULT for a in attachments)
        row = max(self.lines.currentRow(), 0)
        self.lines.clear()
        for number, paper in enumerate(self.dossier.papers, start=1):
            if not paper.received:
                continue
            exempt = not needs_scan(paper)
            state = self.tr("exempt from digitisation (shown only)") if exempt else self._state(files[number])
            self._add(f"{number}. {paper.name} — {state}", number, enabled=not exempt)
        self._add(self.tr("Result — {state}").format(state=self._state(files[RESULT])), RESULT, enabled=True)
        self.lines.setCurrentRow(min(row, self.lines.count() - 1))
        self._enable()
        self.listed.emit()

    def _state(self, count: int) -> str:
        return self.tr("digitised ({count} PDF)").format(count=count) if count else self.tr("not digitised")

    def _add(self, text: str, number: int, *, enabled: bool) -> None:
        item = QListWidgetItem(text, self.lines)
        item.setData(Qt.ItemDataRole.UserRole, number)
        if not enabled:
            item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEnabled)

    def capture(self) -> CaptureDialog | None:
        """The capture dialog for the highlighted paper (or the result); None when there is nothing to digitise."""
        item = self.lines.currentItem()
        if self.dossier is None or item is None or not item.flags() & Qt.ItemFlag.ItemIsEnabled:
            return None
        number = item.data(Qt.ItemDataRole.UserRole)
        store, actor, code = self.context.store, self.context.actor, self.dossier.code
        paper = None if number == RESULT else number
        title = item.text().split(" — ")[0]
        reusing: dict[str, Any] = {} if paper is None else {  # a result is the office's own: never reused
            "find_earlier": partial(earlier_captures, store, code),
            "reuse": lambda earlier: reuse_capture(store, actor, code, paper, earlier.dossier_code, earlier.sha256)}
        self.dialog = CaptureDialog(self.context, self.tr("Digitise: {what}").format(what=title),
                                    save=partial(attach_pages, store, actor, code, paper=paper), parent=self,
                                    **reusing)
        self.dialog.saved.connect(lambda _a: self._saved())
        self.dialog.open()
        return self.dialog

    def line_copies(self) -> list[Attachment]:
        """The highlighted line's current captures, oldest first (withdrawn ones are not listed)."""
        item = self.lines.currentItem()
        if item is None:
            return []
        number = item.data(Qt.ItemDataRole.UserRole)
        return sorted((a for a in self.attachments if (a.paper or RESULT) == number), key=lambda a: a.seq)

    def latest_copy(self) -> Attachment | None:
        """The highlighted line's latest capture (the one a later capture was made to correct); None: none yet."""
        copies = self.line_copies()
        return copies[-1] if copies else None

    def _enable(self) -> None:
        has_copy = self.latest_copy() is not None
        self.view_button.setEnabled(has_copy)
        self.withdraw_button.setEnabled(has_copy)

    def view(self) -> None:
        """Show the highlighted line's latest copy (read on the database thread, opened in memory)."""
        copy, item = self.latest_copy(), self.lines.currentItem()
        if copy is None or self.dossier is None or item is None:
            return
        store, code, title = self.context.store, self.dossier.code, item.text().split(" — ")[0]
        self.context.tasks.run_db(lambda: read_content(store, copy.sha256),
                                  on_done=lambda data: self._show_copy(data, code, title, copy),
                                  on_error=lambda _e: self._unreadable())

    def _show_copy(self, data: bytes | None, code: str, title: str, copy: Attachment) -> None:
        if not isValid(self):
            return
        if data is None:
            self._unreadable()
            return
        if self.preview is not None and isValid(self.preview):
            self.preview.close()
        which = f"giay-to-{copy.paper}" if copy.paper else "ket-qua"
        try:
            self.preview = PrintPreviewDialog(data, kind=COPY_KIND, code=code,
                                              title=self.tr("electronic copy of {what}").format(what=title),
                                              file_stem=f"ban-dien-tu-{code}-{which}", parent=self.window())
        except ValueError:  # stored whole and checked by hash, but not a PDF QtPdf can read
            self._unreadable()
            return
        self.preview.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.preview.open()
        self.viewing.emit(self.preview)

    def _unreadable(self) -> None:
        if isValid(self):
            show_message(self, self.tr("This electronic copy is missing or was altered, so it cannot be shown."),
                         detail=self.tr("An administrator can run the data check (check) and restore it from a"
                                        " backup; otherwise digitise the paper again."))

    def withdraw(self) -> WithdrawDialog | None:
        """The dialog that withdraws a copy of the highlighted paper (or of the result); None when it has none."""
        copies, item = self.line_copies(), self.lines.currentItem()
        if self.dossier is None or item is None or not copies:
            return None
        title = item.text().split(" — ")[0]
        self.withdraw_dialog = WithdrawDialog(self.context, self.dossier.code, what=title, copies=copies, parent=self)
        self.withdraw_dialog.withdrawn.connect(lambda _a: self._saved())
        self.withdraw_dialog.open()
        return self.withdraw_dialog

    def _saved(self) -> None:
        assert self.dossier is not None
        self.show_dossier(self.dossier)
        self.captured.emit(self.dossier.code)
