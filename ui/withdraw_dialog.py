"""Gỡ bản điện tử: take back a wrongly attached copy of one paper (or of the result), with the reason.

The dialog is the confirmation: it names the paper and the copy, says what withdrawing does
(the paper reads "not digitised" again unless another copy remains, the portal gets the dossier
without it, the file is kept for the audit trail), and nothing happens until its Withdraw button
is pressed (not the default button: Enter in the reason does not withdraw). Which copy is asked
only when the paper has several. The core's ``attachments.withdraw`` checks the reason, the
role and the state; its refusal shows in the dialog, which stays open.
"""
from __future__ import annotations

from collections.abc import Sequence
from functools import partial

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QLineEdit, QListWidget, QVBoxLayout, QWidget
from shiboken6 import isValid

from counter_app.attachments import Attachment, withdraw
from counter_app.limits import DETACH_REASON

from .context import AppContext
from .i18n import format_datetime
from .tasks import error_text
from .widgets.fields import error_label


class WithdrawDialog(QDialog):
    """Signals: ``withdrawn(attachment)`` once the copy was withdrawn (the dialog then closes)."""

    withdrawn = Signal(object)

    def __init__(self, context: AppContext, code: str, *, what: str, copies: Sequence[Attachment],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.code = code
        self.copies = list(copies)
        self.busy = False
        self.setWindowTitle(self.tr("Withdraw an electronic copy: {what}").format(what=what))
        explanation = QLabel(self.tr(
            "The copy will no longer be this dossier's: the paper reads \"not digitised\" unless another copy "
            "remains, and the portal is sent the dossier without it. The file is kept for the audit trail. "
            "Digitise the right paper afterwards."), self)
        explanation.setWordWrap(True)
        self.choice = QListWidget(self)
        self.choice.setMaximumHeight(90)
        for copy in self.copies:
            self.choice.addItem(self._describe(copy))
        self.choice.setCurrentRow(len(self.copies) - 1)  # the newest: the one most likely just attached wrong
        choice_label = QLabel(self.tr("&Copy to withdraw:"), self)
        choice_label.setBuddy(self.choice)
        several = len(self.copies) > 1
        choice_label.setVisible(several)
        self.choice.setVisible(several)
        self.reason = QLineEdit(self)
        self.reason.setMaxLength(DETACH_REASON.max_length)
        self.reason.setPlaceholderText(self.tr("What was wrong with it (3 to 200 characters)"))
        reason_label = QLabel(self.tr("&Reason:"), self)
        reason_label.setBuddy(self.reason)
        self.message = error_label(self)
        self.message.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self.withdraw_button = self.buttons.addButton(self.tr("&Withdraw"), QDialogButtonBox.ButtonRole.AcceptRole)
        for button in self.buttons.buttons():
            button.setAutoDefault(False)
            button.setDefault(False)
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for widget in (explanation, choice_label, self.choice, reason_label, self.reason, self.message, self.buttons):
            layout.addWidget(widget)
        self.reason.setFocus(Qt.FocusReason.OtherFocusReason)

    def _describe(self, copy: Attachment) -> str:
        text = self.tr("Copy {seq} — {size} KB, attached {when}").format(
            seq=copy.seq, size=max(copy.bytes // 1024, 1), when=format_datetime(copy.added_at))
        if copy.reused_from:
            text += " " + self.tr("(reused from {code})").format(code=copy.reused_from)
        return text

    def chosen(self) -> Attachment:
        return self.copies[max(self.choice.currentRow(), 0)]

    def submit(self) -> None:
        if self.busy:
            return
        self.busy = True
        self.withdraw_button.setEnabled(False)
        copy = self.chosen()
        call = partial(withdraw, self.context.store, self.context.actor, self.code, paper=copy.paper, seq=copy.seq,
                       reason=self.reason.text())
        self.context.tasks.run_op(call, parent=self, on_done=self._done, on_error=self._failed)

    def _done(self, withdrawn: Attachment) -> None:
        if not isValid(self):  # the detail closed while the copy was withdrawn: its next opening reads it
            return
        self.busy = False
        self.accept()
        self.withdrawn.emit(withdrawn)

    def _failed(self, exc: BaseException) -> None:
        if not isValid(self):
            return
        self.busy = False
        self.withdraw_button.setEnabled(True)
        self.message.setText(error_text(exc))
        self.message.show()
