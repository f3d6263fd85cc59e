"""What each dossier action asks before it runs, and the service it then calls.

One small dialog per action, built from a table: which fields (agency, missing papers,
reason, recipient, new due time, note, the applicant's details and the procedure) and which
service function takes them. The dialog only collects text; the service checks it (empty
reasons, a new due time before the old one, an ID that does not match the birth year…) and
its CounterError message is shown as it is. An action that gives the citizen a paper (the
supplement request, the receipt with the new appointment, the apology) prints it from the
dialog: a ticked box, on by default, asks for the paper once the action is recorded. The two
actions that end with a result ("Đã có kết quả", "Trả kết quả") let staff attach the electronic
result (the capture dialog, Decision 766 4.1/4.2): its pages become a PDF before the action is
recorded, so a bad file refuses the whole and changes nothing.
"""
from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from functools import partial
from typing import Any

from PySide6.QtCore import QCoreApplication, QDateTime, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from counter_app import catalogue, limits, services
from counter_app.attachments import record_with_result
from counter_app.errors import CounterError
from counter_app.models import Dossier
from counter_app.page_pdf import Page
from counter_app.states import ACTION_LABEL_VI, Action

from .capture_dialog import CaptureDialog
from .context import AppContext
from .i18n import format_date
from .widgets.applicant_form import parse_birth_date
from .widgets.fields import ERROR_LABEL_STYLE
from .widgets.procedure_picker import ProcedurePicker
from .widgets.supplement_papers import SupplementPapers

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
    Action.CORRECT_APPLICANT: ("full_name", "personal_id", "birth_date", "address", "phone", "email",
                               "social_insurance_no", "hi_card_code", "procedure_code", "reason"),
    Action.STOP: ("reason",),
}
RESULT_ACTIONS = (Action.RESULT_READY, Action.RETURN_RESULT)  # may attach the electronic result
# Prefilled with what the dossier holds.
APPLICANT_FIELDS = ("full_name", "personal_id", "address", "phone", "email", "social_insurance_no", "hi_card_code")

# The paper each action hands the citizen, printed from the dialog once the action is recorded.
PRINT_AFTER: dict[Action, str] = {
    Action.REQUEST_SUPPLEMENT: "supplement",
    Action.RECEIVE_SUPPLEMENT: "receipt",
    Action.RESCHEDULE: "apology",
}


def print_after_text(action: Action) -> str:
    """The box that prints the action's paper; Vietnamese "&In…" claims one letter in every dialog."""
    return {
        Action.REQUEST_SUPPLEMENT: QCoreApplication.translate("ActionDialogs", "&Print the supplement request"),
        Action.RECEIVE_SUPPLEMENT: QCoreApplication.translate("ActionDialogs",
                                                              "&Print the receipt with the new appointment"),
        Action.RESCHEDULE: QCoreApplication.translate("ActionDialogs", "&Print the apology and new appointment"),
    }[action]


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
    with the service's message, so staff can correct the reason and try again. Then, if the
    print box is ticked, ``printRequested(kind, code)`` asks for the action's paper.
    """

    printRequested = Signal(str, str)

    def __init__(self, context: AppContext, action: Action, dossier: Dossier, *,
                 on_done: Callable[[Dossier], None], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context, self.action, self.dossier, self.on_done = context, action, dossier, on_done
        self.setWindowTitle(ACTION_LABEL_VI[action])
        self.inputs: dict[str, QWidget] = {}
        form = QFormLayout()
        labels = {
            "processing_agency": QCoreApplication.translate("ActionDialogs", "Processing &agency:"),
            "missing_papers": QCoreApplication.translate("ActionDialogs", "&Missing papers:"),
            "reason": QCoreApplication.translate("ActionDialogs", "&Reason:"),
            "recipient": QCoreApplication.translate("ActionDialogs", "&Recipient:"),
            "new_due_at": QCoreApplication.translate("ActionDialogs", "New &due time:"),
            "note": QCoreApplication.translate("ActionDialogs", "&Note:"),
            "full_name": QCoreApplication.translate("ActionDialogs", "Full &name:"),
            "address": QCoreApplication.translate("ActionDialogs", "A&ddress:"),
            "phone": QCoreApplication.translate("ActionDialogs", "P&hone:"),
            "email": QCoreApplication.translate("ActionDialogs", "E&mail:"),
            "personal_id": QCoreApplication.translate("ActionDialogs", "Personal &ID:"),
            "birth_date": QCoreApplication.translate("ActionDialogs", "&Birth date:"),
            "procedure_code": QCoreApplication.translate("ActionDialogs", "Pro&cedure:"),
            "social_insurance_no": QCoreApplication.translate("ActionDialogs", "&Social insurance no.:"),
            "hi_card_code": QCoreApplication.translate("ActionDialogs", "He&alth-insurance card:"),
        }
        for name in FIELDS[action]:
            widget = self._input(name)
            label = QLabel(labels[name], self)
            label.setBuddy(widget.focusProxy() or widget)  # a compound input: Alt+key goes to its first field
            if isinstance(widget, SupplementPapers):  # long paper names: the whole width, under the label
                form.addRow(label)
                form.addRow(widget)
            else:
                form.addRow(label, widget)
            self.inputs[name] = widget
        self.print_after: QCheckBox | None = None
        if action in PRINT_AFTER:
            self.print_after = QCheckBox(print_after_text(action), self)
            self.print_after.setChecked(True)
            form.addRow(self.print_after)
        self.result_pages: list[Page] = []
        self.capture: CaptureDialog | None = None
        if action in RESULT_ACTIONS:
            self.result_button = QPushButton(QCoreApplication.translate("ActionDialogs", "Attach the electronic res&ult…"),
                                             self)
            self.result_button.setAutoDefault(False)
            self.result_button.clicked.connect(self.capture_result)
            self.result_state = QLabel(QCoreApplication.translate("ActionDialogs", "no file"), self)
            form.addRow(self.result_button, self.result_state)
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
            return SupplementPapers(self.dossier, self)
        if name == "procedure_code":
            return self._procedure_picker()
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
        elif name == "birth_date":
            edit.setMaxLength(limits.DATE_TEXT.max_length)
            edit.setPlaceholderText(QCoreApplication.translate("ActionDialogs", "dd/mm/yyyy"))
            edit.setText(format_date(self.dossier.applicant.birth_date))
        return edit

    def _procedure_picker(self) -> ProcedurePicker:
        """The catalogue's current procedures, the dossier's chosen; loaded on the database worker."""
        picker = ProcedurePicker(self)
        store, code = self.context.store, self.dossier.procedure.code

        def show(procedures: list) -> None:
            picker.set_procedures(procedures)
            picker.select_code(code)

        self.context.tasks.run_db(lambda: catalogue.list_procedures(store), on_done=show, on_error=self._failed)
        return picker

    def values(self) -> dict[str, Any]:
        """The service's keyword arguments; ValueError (Vietnamese) for a birth date it cannot read."""
        result: dict[str, Any] = {}
        for name, widget in self.inputs.items():
            if isinstance(widget, SupplementPapers):
                result[name] = widget.names()
            elif isinstance(widget, ProcedurePicker):
                chosen = widget.current()
                result[name] = chosen.code if chosen else None  # None: the procedure stays
            elif name == "birth_date":
                text = widget.text().strip()  # type: ignore[attr-defined]
                result[name] = parse_birth_date(text) if text else None  # None: the birth date stays
            elif isinstance(widget, QDateTimeEdit):
                result[name] = widget.dateTime().toPython().replace(second=0, microsecond=0)
            else:
                result[name] = widget.text()  # type: ignore[attr-defined]
        return result

    def submit(self) -> None:
        if self.busy:
            return
        try:
            values = self.values()
        except ValueError as exc:  # the form's own parsers speak Vietnamese
            self._show_error(str(exc))
            return
        self.busy = True
        self.buttons.setEnabled(False)
        call = partial(SERVICES[self.action], self.context.store, self.context.actor, self.dossier.code, **values)
        if self.result_pages:
            call = partial(record_with_result, call, self.context.store, self.context.actor, self.dossier.code,
                           list(self.result_pages))
        self.context.tasks.run_op(call, parent=self, on_done=self._done, on_error=self._failed)

    def capture_result(self) -> CaptureDialog:
        """The capture dialog, collecting only: the pages are attached when the action is confirmed."""
        title = QCoreApplication.translate("ActionDialogs", "Electronic result of {code}").format(code=self.dossier.code)
        self.capture = CaptureDialog(self.context, title, parent=self)
        self.capture.add_pages(self.result_pages)
        self.capture.accepted.connect(self._result_captured)
        self.capture.open()
        return self.capture

    def _result_captured(self) -> None:
        assert self.capture is not None
        self.result_pages = self.capture.pages()
        self.result_state.setText(QCoreApplication.translate("ActionDialogs", "{count} file(s) to attach").format(
            count=len(self.result_pages)))

    def _done(self, dossier: Dossier) -> None:
        self.busy = False
        self.accept()
        self.on_done(dossier)
        if self.print_after is not None and self.print_after.isChecked():
            self.printRequested.emit(PRINT_AFTER[self.action], dossier.code)

    def _failed(self, exc: BaseException) -> None:
        self.busy = False
        self.buttons.setEnabled(True)
        failed = QCoreApplication.translate("ActionDialogs", "The action failed: {error}")
        self._show_error(str(exc) if isinstance(exc, CounterError) else failed.format(error=type(exc).__name__))

    def _show_error(self, text: str) -> None:
        self.message.setText(text)
        self.message.show()


def ask_and_run(context: AppContext, action: Action, dossier: Dossier, *, on_done: Callable[[Dossier], None],
                parent: QWidget | None = None) -> ActionDialog:
    """Open the dialog for ``action`` (window-modal, without a nested event loop) and return it."""
    dialog = ActionDialog(context, action, dossier, on_done=on_done, parent=parent)
    dialog.open()
    return dialog
