"""One dossier: everything it holds, its timeline, and what can be done to it now.

The action buttons come from counter_app.states: every action is shown, the ones the
current state or the user's role does not allow are disabled with the reason (from
``states.allowed``) as their tooltip. Print buttons only emit ``printRequested(kind, code)``;
the printing integration renders the document.
"""
from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from counter_app import clock
from counter_app.dossiers import get_dossier
from counter_app.errors import CounterError
from counter_app.models import Applicant, Delivery, Dossier, PaymentMethod, Subject
from counter_app.states import (
    ACTION_LABEL_VI,
    OPEN_STATES,
    STATUS_LABEL_VI,
    TRANSITIONS,
    Action,
    Status,
    allowed,
)
from counter_app.workdays import due_state
from printing.regulations import insurance_form

from .action_dialogs import ActionDialog, action_button_text, ask_and_run
from .context import AppContext
from .i18n import format_date, format_datetime, format_vnd
from .paper_captures import PaperCaptures
from .widgets.fields import ERROR_LABEL_STYLE

PRINT_KINDS = ("receipt", "supplement", "refusal", "apology", "stop-notice", "control", "hi-card-request", "fee")


class DossierDetail(QDialog):
    """Signals: ``changed(code)`` after an action, ``printRequested(kind, code)``."""

    changed = Signal(str)
    printRequested = Signal(str, str)
    loaded = Signal()

    def __init__(self, context: AppContext, code: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.code = code
        self.dossier: Dossier | None = None
        self.dialog: ActionDialog | None = None
        self.setWindowTitle(self.tr("Dossier {code}").format(code=code))
        self.resize(980, 720)
        self.title = QLabel(code, self)
        self.title.setStyleSheet("font-size: 16pt; font-weight: bold;")
        self.title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.status_label = QLabel(self)
        self.status_label.setStyleSheet("font-size: 12pt;")
        self.message = QLabel(self)
        self.message.setStyleSheet(ERROR_LABEL_STYLE)
        self.message.setWordWrap(True)
        self.message.hide()
        self.info = QFormLayout()
        info_box = QGroupBox(self.tr("Dossier"), self)
        info_box.setLayout(self.info)
        self.timeline = QTableWidget(0, 5, self)
        self.timeline.setHorizontalHeaderLabels(
            [self.tr("When"), self.tr("What"), self.tr("Who"), self.tr("Status"), self.tr("Note")])
        self.timeline.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.timeline.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.timeline.verticalHeader().hide()
        self.timeline.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.timeline.horizontalHeader().setStretchLastSection(True)
        self.timeline.setWordWrap(True)
        timeline_box = QGroupBox(self.tr("Timeline"), self)
        QVBoxLayout(timeline_box).addWidget(self.timeline)
        self.captures = PaperCaptures(context, self)
        self.captures.captured.connect(self.changed)
        self.action_buttons: dict[Action, QPushButton] = {}
        actions = QGridLayout()
        for index, action in enumerate(TRANSITIONS):
            button = QPushButton(action_button_text(action), self)
            button.setAutoDefault(False)
            button.clicked.connect(lambda _c=False, a=action: self.start_action(a))
            actions.addWidget(button, index // 4, index % 4)
            self.action_buttons[action] = button
        self.print_buttons: dict[str, QPushButton] = {}
        prints = QHBoxLayout()
        prints.addWidget(QLabel(self.tr("Print:"), self))
        texts = {
            "receipt": self.tr("Rec&eipt"), "supplement": self.tr("Supple&ment request"),
            "refusal": self.tr("Refus&al"), "apology": self.tr("Apolo&gy"),
            "stop-notice": self.tr("Stop &notice"), "control": self.tr("Control s&heet"),
            "hi-card-request": self.tr("Insurance form (&1)"), "fee": self.tr("Fee rece&ipt"),
        }
        for kind in PRINT_KINDS:
            button = QPushButton(texts[kind], self)
            button.setAutoDefault(False)
            button.clicked.connect(lambda _c=False, k=kind: self.printRequested.emit(k, self.code))
            prints.addWidget(button)
            self.print_buttons[kind] = button
        prints.addStretch(1)
        close = QPushButton(self.tr("Close"), self)
        close.setAutoDefault(False)
        close.clicked.connect(self.reject)
        prints.addWidget(close)
        header = QHBoxLayout()
        header.addWidget(self.title)
        header.addStretch(1)
        header.addWidget(self.status_label)
        layout = QVBoxLayout(self)
        layout.addLayout(header)
        layout.addWidget(self.message)
        layout.addWidget(info_box)
        layout.addWidget(self.captures)
        layout.addLayout(actions)
        layout.addWidget(timeline_box, 1)
        layout.addLayout(prints)
        self.reload()

    # -- loading ---------------------------------------------------------------------------

    def reload(self) -> None:
        store, code = self.context.store, self.code
        self.context.tasks.run_db(lambda: get_dossier(store, code), on_done=self.show_dossier, on_error=self._failed)

    def _failed(self, exc: BaseException) -> None:
        self.message.setText(str(exc) if isinstance(exc, CounterError) else type(exc).__name__)
        self.message.show()

    def show_dossier(self, dossier: Dossier) -> None:
        self.dossier = dossier
        status = Status(dossier.status)
        state = due_state(dossier.due_at, clock.now()) if status in OPEN_STATES else ""
        state_text = {"overdue": self.tr("overdue"), "due_today": self.tr("due today"),
                      "on_time": self.tr("on time")}.get(state, "")
        self.status_label.setText(STATUS_LABEL_VI[status] + (f" — {state_text}" if state_text else ""))
        self._fill_info(dossier)
        self._fill_timeline(dossier)
        self.captures.show_dossier(dossier)
        for action, button in self.action_buttons.items():
            ok, reason = allowed(action, status, self.context.actor.role)
            button.setEnabled(ok)
            button.setToolTip(ACTION_LABEL_VI[action] if ok else reason)
        done = {e.action for e in dossier.events}
        self.print_buttons["supplement"].setEnabled(Action.REQUEST_SUPPLEMENT.value in done)
        self.print_buttons["refusal"].setEnabled(status is Status.REFUSED)
        self.print_buttons["apology"].setEnabled(Action.RESCHEDULE.value in done)
        self.print_buttons["stop-notice"].setEnabled(status is Status.STOPPED and Action.STOP.value in done)
        self.print_buttons["hi-card-request"].setEnabled(insurance_form(dossier) is not None)
        self.print_buttons["fee"].setEnabled(dossier.total_fee_vnd > 0)  # a receipt is for money collected
        self.message.hide()
        focus = self.focusWidget()
        if focus is None or not focus.isEnabled():  # keyboard users start on the first possible action
            first = next((b for b in self.action_buttons.values() if b.isEnabled()), None)
            (first or self).setFocus()
        self.loaded.emit()

    def _fill_info(self, d: Dossier) -> None:
        while self.info.rowCount():
            self.info.removeRow(0)
        a = d.applicant
        sex = {"male": self.tr("Male"), "female": self.tr("Female")}.get(a.sex, "")
        papers = "\n".join(f"• {p.name} ({p.count})" for p in d.papers)
        fees = "\n".join(
            f"• {f.name}: " + (self.tr("exempt ({reason})").format(reason=f.exempt_reason)
                               if f.method is PaymentMethod.EXEMPT else format_vnd(f.amount_vnd))
            for f in d.fees
        )
        delivery = self.tr("at the counter") if d.delivery is Delivery.COUNTER else self.tr("by post: {address}").format(
            address=d.delivery_address)
        rows = [
            (self.tr("Procedure:"), f"{d.procedure.name} ({d.procedure.code})"),
            (self.tr("Applicant:"), a.full_name),
            (self.tr("Personal ID / birth date / sex:"), " · ".join(
                v for v in (a.personal_id, format_date(a.birth_date), sex) if v)),
            (self.tr("Address:"), a.address),
            (self.tr("Phone / e-mail:"), " · ".join(v for v in (a.phone, a.email) if v)),
            *self._insurance_rows(a),
            *self._subject_rows(d.subject),
            (self.tr("Summary:"), d.summary),
            (self.tr("Received:"), self.tr("{time} by {name} (book {book}, no. {number})").format(
                time=format_datetime(d.received_at), name=d.received_by_name, book=d.log_book_label,
                number=d.log_number)),
            (self.tr("Due:"), format_datetime(d.due_at) + f" — {d.procedure.processing_label}"),
            (self.tr("Papers ({sets} sets):").format(sets=d.sets_count), papers),
            (self.tr("Fees:"), fees or self.tr("none")),
            (self.tr("Result delivery:"), delivery),
            (self.tr("Processing agency:"), d.processing_agency),
        ]
        if d.returned_at:
            rows.append((self.tr("Returned:"), self.tr("{time} to {name}").format(
                time=format_datetime(d.returned_at), name=d.returned_to)))
        for label, value in rows:
            text = QLabel(value, self)
            text.setWordWrap(True)
            text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.info.addRow(label, text)

    def _insurance_rows(self, a: Applicant) -> list[tuple[str, str]]:
        """The social insurance number and the health-insurance card, when the counter typed them."""
        if not (a.social_insurance_no or a.hi_card_code):
            return []
        return [(self.tr("Social insurance no. / health-insurance card:"),
                 " · ".join(v for v in (a.social_insurance_no, a.hi_card_code) if v))]

    def _subject_rows(self, subject: Subject | None) -> list[tuple[str, str]]:
        """Whom the dossier is about, when not the applicant (Người được cấp / chủ hồ sơ)."""
        if subject is None:
            return []
        rows = [
            (self.tr("Subject:"), " · ".join(v for v in (subject.full_name, subject.relation) if v)),
            (self.tr("Subject's ID / birth date:"), " · ".join(
                v for v in (subject.personal_id, format_date(subject.birth_date)) if v)),
            (self.tr("Authorisation:"), subject.authorisation),
        ]
        return [(label, value) for label, value in rows if value]

    def _detail_labels(self) -> dict[str, str]:
        return {"agency": self.tr("processing agency: {}"), "recipient": self.tr("received by: {}"),
                "missing_papers": self.tr("missing: {}"), "new_due_at": self.tr("new due time: {}"),
                "fields": self.tr("corrected: {}")}

    def _field_names(self) -> dict[str, str]:
        return {"full_name": self.tr("full name"), "address": self.tr("address"), "phone": self.tr("phone"),
                "email": self.tr("e-mail"), "personal_id": self.tr("personal ID"), "birth_date": self.tr("birth date"),
                "procedure": self.tr("procedure")}

    def _detail(self, key: str, value: object) -> str:
        """An event's data in words (a list of papers joined, a stored time written dd/mm/yyyy)."""
        if key == "fields":
            value = ", ".join(self._field_names().get(str(v), str(v)) for v in value)  # type: ignore[union-attr]
        elif isinstance(value, list):
            value = "; ".join(str(v) for v in value)
        elif key == "new_due_at" and isinstance(value, str):
            value = format_datetime(datetime.fromisoformat(value))
        return self._detail_labels()[key].format(value)

    def _fill_timeline(self, d: Dossier) -> None:
        self.timeline.setRowCount(len(d.events))
        for row, event in enumerate(d.events):
            try:
                what = ACTION_LABEL_VI[Action(event.action)]
            except ValueError:
                what = event.action
            who = event.user_full_name or (self.tr("National portal") if event.source == "portal" else "")
            details = [event.note] + [self._detail(key, value) for key, value in event.data.items()
                                      if key in self._detail_labels()]
            values = (format_datetime(event.at), what, who, STATUS_LABEL_VI.get(Status(event.to_status), ""),
                      "; ".join(str(x) for x in details if x))
            for column, value in enumerate(values):
                self.timeline.setItem(row, column, QTableWidgetItem(value))
        self.timeline.resizeRowsToContents()

    # -- actions ---------------------------------------------------------------------------

    def start_action(self, action: Action) -> ActionDialog | None:
        if self.dossier is None:
            return None
        self.dialog = ask_and_run(self.context, action, self.dossier, on_done=self._action_done, parent=self)
        self.dialog.printRequested.connect(self.printRequested)  # the action's paper, as if its button were pressed
        return self.dialog

    def _action_done(self, dossier: Dossier) -> None:
        self.activateWindow()  # back from the action's dialog, keys go to the dossier again
        self.show_dossier(dossier)
        self.changed.emit(dossier.code)
