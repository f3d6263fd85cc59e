"""The dossier's electronic copies in its detail: each received paper and the result, digitised or not.

A paper only shown at the counter ("xuất trình", ``counter_app.digitisation``) reads "Miễn số hóa"
and needs nothing. "Số hóa" opens the capture dialog for the highlighted line; what it saves is
one PDF of that paper (or of the result) through the core's ``attach_pages``, or, for a paper,
the citizen's earlier copy chosen there (``counter_app.reuse``). "Gỡ bản điện tử", enabled on a
line with a copy, withdraws a wrong one (``WithdrawDialog``); the line then shows what remains,
and "Số hóa" captures the right one: together, a replacement. Withdrawn copies are not listed.
"""
from __future__ import annotations

from collections import defaultdict
from functools import partial
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QGroupBox, QHBoxLayout, QListWidget, QListWidgetItem, QPushButton, QVBoxLayout, QWidget
from shiboken6 import isValid

from counter_app.attachments import Attachment, attach_pages, list_attachments
from counter_app.digitisation import needs_scan
from counter_app.models import Dossier
from counter_app.reuse import earlier_captures, reuse_capture

from .capture_dialog import CaptureDialog
from .context import AppContext
from .withdraw_dialog import WithdrawDialog

RESULT = 0  # the line's data: a paper's number (1, 2, …) or RESULT


class PaperCaptures(QGroupBox):
    """Signals: ``captured(code)`` after a capture was saved or withdrawn; ``listed()`` once the lines are filled."""

    captured = Signal(str)
    listed = Signal()

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Electronic copies"))
        self.context = context
        self.dossier: Dossier | None = None
        self.dialog: CaptureDialog | None = None
        self.withdraw_dialog: WithdrawDialog | None = None
        self.copies: dict[int, list[Attachment]] = {}  # each line's current copies, by its number
        self.lines = QListWidget(self)
        self.lines.setMaximumHeight(110)
        self.lines.setAccessibleName(self.tr("Electronic copies"))
        self.lines.itemActivated.connect(lambda _item: self.capture())
        self.capture_button = QPushButton(self.tr("Digiti&ze…"), self)
        self.capture_button.setAutoDefault(False)
        self.capture_button.clicked.connect(self.capture)
        self.withdraw_button = QPushButton(self.tr("Withdraw cop&y…"), self)
        self.withdraw_button.setAutoDefault(False)
        self.withdraw_button.setEnabled(False)
        self.withdraw_button.clicked.connect(self.withdraw)
        self.lines.currentRowChanged.connect(lambda _row: self._enable())
        buttons = QVBoxLayout()
        buttons.addWidget(self.capture_button)
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
        self.copies = defaultdict(list)
        for attachment in attachments:
            self.copies[attachment.paper or RESULT].append(attachment)
        row = max(self.lines.currentRow(), 0)
        self.lines.clear()
        for number, paper in enumerate(self.dossier.papers, start=1):
            if not paper.received:
                continue
            exempt = not needs_scan(paper)
            state = self.tr("exempt from digitisation (shown only)") if exempt else self._state(len(self.copies[number]))
            self._add(f"{number}. {paper.name} — {state}", number, enabled=not exempt)
        self._add(self.tr("Result — {state}").format(state=self._state(len(self.copies[RESULT]))), RESULT, enabled=True)
        self.lines.setCurrentRow(min(row, self.lines.count() - 1))
        self._enable()
        self.listed.emit()

    def _enable(self) -> None:
        self.withdraw_button.setEnabled(bool(self._current_copies()))

    def _current_copies(self) -> list[Attachment]:
        item = self.lines.currentItem()
        if self.dossier is None or item is None or not item.flags() & Qt.ItemFlag.ItemIsEnabled:
            return []
        return self.copies.get(item.data(Qt.ItemDataRole.UserRole), [])

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

    def withdraw(self) -> WithdrawDialog | None:
        """The dialog that withdraws a copy of the highlighted paper (or of the result); None when it has none."""
        copies = self._current_copies()
        if self.dossier is None or not copies:
            return None
        title = self.lines.currentItem().text().split(" — ")[0]
        self.withdraw_dialog = WithdrawDialog(self.context, self.dossier.code, what=title, copies=copies, parent=self)
        self.withdraw_dialog.withdrawn.connect(lambda _a: self._saved())
        self.withdraw_dialog.open()
        return self.withdraw_dialog

    def _saved(self) -> None:
        assert self.dossier is not None
        self.show_dossier(self.dossier)
        self.captured.emit(self.dossier.code)
