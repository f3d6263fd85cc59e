"""What each dossier action asks before it runs, and the service it then calls.

One small dialog per action, built from a table: which fields (agency, missing papers,
reason, recipient, new due time, note) and which service function takes them. The dialog
only collects text; the service checks it (empty reasons, a new due time before the old
one…) and its CounterError message is shown as it is.
"""
from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from functools import partial
from typing import Any

from PySide6.QtCore import QCoreApplication, QDateTime
from PySide6.QtWidgets import (
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from counter_app import services
from counter_app.errors import CounterError
from counter_app.models import Dossier
from counter_app.states import ACTION_LABEL_VI, Action

from .context import AppContext
from .widgets.fields import ERROR_LABEL_STYLE

SERVICES: dict[Action, Callable[..., Dossier]] = {
    Action.TRANSFER: services.transfer,
    Action.REQUEST_SUPPLEMENT: services.request_supplement,
    Action.RECEIVE_SUPPLEMENT: services.receive_supplement,
    Action.RESULT_READY: services.record_result_ready,
    Action.RETURN_RESULT: services.return_result,
    Action.REFUSE: services.refuse,
    Action.WITHDRAW: services.withdraw,
    Action.RESCHEDULE: services.reschedule,
    Action.CORRECT_APPLICANT: services.correct_applicant,
    Action.STOP: services.stop,
}

# The fields each action asks for, in order (names are the services' keyword arguments).
FIELDS: dict[Action, tuple[str, ...]] = {
    Action.TRANSFER: ("processing_agency", "note"),
    Action.REQUEST_SUPPLEMENT: ("missing_papers", "reason"),
    Action.RECEIVE_SUPPLEMENT: ("note",),
    Action.RESULT_READY: ("note",),
    Action.RETURN_RESULT: ("recipient", "note"),
    Action.REFUSE: ("reason",),
    Action.WITHDRAW: ("reason",),
    Action.RESCHEDULE: ("new_due_at", "reason"),
    Action.CORRECT_APPLICANT: ("full_name", "address", "phone", "email", "reason"),
    Action.STOP: ("reason",),
}
APPLICANT_FIELDS = ("full_name", "address", "phone", "email")  # prefilled with what the dossier holds


def action_button_text(action: Action) -> str:
    """Button text with a mnemonic, so that every action is one Alt+key away."""
    return {
        Action.TRANSFER: QCoreApplication.translate("ActionDialogs", "&Transfer to the processing agency"),
        Action.REQUEST_SUPPLEMENT: QCoreApplication.translate("ActionDialogs", "Request &supplement"),
        Action.RECEIVE_SUPPLEMENT: QCoreApplication.translate("ActionDialogs", "Receive supp&lement"),
        Action.RESULT_READY: QCoreApplication.translate("ActionDialogs", "Result &ready"),
        Action.RETURN_RESULT: QCoreApplication.translate("ActionDialogs", "Return res&ult"),
        Action.REFUSE: QCoreApplication.translate("ActionDialogs", "Re&fuse"),
        Action.WITHDRAW: QCoreApplication.translate("ActionDialogs", "Citizen &withdraws"),
        Action.RESCHEDULE: QCoreApplication.translate("ActionDialogs", "Apologise and res&chedule"),
        Action.CORRECT_APPLICANT: QCoreApplication.translate("ActionDialogs", "C&orrect applicant details"),
        Action.STOP: QCoreApplication.translate("ActionDialogs", "Sto&p at the citizen's request"),
    }[action]


class ActionDialog(QDialog):
    """Asks what ``action`` needs, then (on OK) runs its service on the DB worker.

    ``done_with(dossier)`` is emitted through ``on_done``; a refusal keeps the dialog open
    with the service's message, so staff can correct the reason and try again.
    """

    def __init__(self, context: AppContext, action: Action, dossier: Dossier, *,
                 on_done: Callable[[Dossier], None], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context, self.action, self.dossier, self.on_done = context, action, dossier, on_done
        self.setWindowTitle(ACTION_LABEL_VI[action])
        self.inputs: dict[str, QWidget] = {}
        form = QFormLayout()
        labels = {
            "processing_agency": QCoreApplication.translate("ActionDialogs", "Processing &agency:"),
            "missing_papers": QCoreApplication.translate("ActionDialogs", "&Missing papers (one per line):"),
            "reason": QCoreApplication.translate("ActionDialogs", "&Reason:"),
            "recipient": QCoreApplication.translate("ActionDialogs", "&Recipient:"),
            "new_due_at": QCoreApplication.translate("ActionDialogs", "New &due time:"),
            "note": QCoreApplication.translate("ActionDialogs", "&Note:"),
            "full_name": QCoreApplication.translate("ActionDialogs", "Full &name:"),
            "address": QCoreApplication.translate("ActionDialogs", "A&ddress:"),
            "phone": QCoreApplication.translate("ActionDialogs", "P&hone:"),
            "email": QCoreApplication.translate("ActionDialogs", "E&mail:"),
        }
        for name in FIELDS[action]:
            widget = self._input(name)
            label = QLabel(labels[name], self)
            label.setBuddy(widget)
            form.addRow(label, widget)
            self.inputs[name] = widget
        self.message = QLabel(self)
        self.message.setStyleSheet(ERROR_LABEL_STYLE)
        self.message.setWordWrap(True)
        self.message.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel,
                                        self)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(QCoreApplication.translate("ActionDialogs", "Confirm"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(QCoreApplication.translate("ActionDialogs", "Cancel"))
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(QCoreApplication.translate("ActionDialogs", "Dossier {code} — {name}").format(
            code=dossier.code, name=dossier.applicant.full_name), self))
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(640)
        self.busy = False

    def _input(self, name: str) -> QWidget:
        if name == "missing_papers":
            edit = QPlainTextEdit(self)
            edit.setTabChangesFocus(True)
            edit.setFixedHeight(80)
            return edit
        if name == "new_due_at":
            due = QDateTimeEdit(QDateTime(self.dossier.due_at + timedelta(days=1)), self)
            due.setDisplayFormat("HH:mm dd/MM/yyyy")
            due.setCalendarPopup(True)
            return due
        edit = QLineEdit(self)
        if name == "processing_agency":
            edit.setText(self.dossier.processing_agency or self.dossier.procedure.agency)
            edit.setCursorPosition(0)  # long agency names: show their start
        elif name == "recipient":
            edit.setText(self.dossier.applicant.full_name)
        elif name in APPLICANT_FIELDS:
            edit.setText(getattr(self.dossier.applicant, name))
            edit.setCursorPosition(0)
        return edit

    def values(self) -> dict[str, Any]:
        result: dict[str, Any] = {}
        for name, widget in self.inputs.items():
            if isinstance(widget, QPlainTextEdit):
                result[name] = [line for line in widget.toPlainText().splitlines() if line.strip()]
            elif isinstance(widget, QDateTimeEdit):
                result[name] = widget.dateTime().toPython().replace(second=0, microsecond=0)
            else:
                result[name] = widget.text()  # type: ignore[attr-defined]
        return result

    def submit(self) -> None:
        if self.busy:
            return
        self.busy = True
        self.buttons.setEnabled(False)
        call = partial(SERVICES[self.action], self.context.store, self.context.actor, self.dossier.code,
                       **self.values())
        self.context.tasks.run_op(call, parent=self, on_done=self._done, on_error=self._failed)

    def _done(self, dossier: Dossier) -> None:
        self.busy = False
        self.accept()
        self.on_done(dossier)

    def _failed(self, exc: BaseException) -> None:
        self.busy = False
        self.buttons.setEnabled(True)
        failed = QCoreApplication.translate("ActionDialogs", "The action failed: {error}")
        text = str(exc) if isinstance(exc, CounterError) else failed.format(error=type(exc).__name__)
        self.message.setText(text)
        self.message.show()


def ask_and_run(context: AppContext, action: Action, dossier: Dossier, *, on_done: Callable[[Dossier], None],
                parent: QWidget | None = None) -> ActionDialog:
    """Open the dialog for ``action`` (window-modal, without a nested event loop) and return it."""
    dialog = ActionDialog(context, action, dossier, on_done=on_done, parent=parent)
    dialog.open()
    return dialog
