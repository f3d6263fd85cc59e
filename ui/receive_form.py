"""Tiếp nhận: receive a walk-in dossier, keyboard first, and hand the receipt to the printer.

The flow at the counter: pick the procedure by typing, scan the CCCD, tick the papers,
check the fees, Ctrl+S; the dossier code appears in large type and Ctrl+P (or F9) prints
the receipt. Everything is checked with counter_app's own functions before the save, and
the save itself runs ``services.receive_dossier`` on the DB worker, so the window never
waits on the disk. The form's draft is kept in the database (see :mod:`ui.drafts`).
"""
from __future__ import annotations

from functools import partial
from itertools import pairwise
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QButtonGroup,
    QFormLayout,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from counter_app import clock, insurance, limits, services
from counter_app.catalogue import list_procedures
from counter_app.db import ServerUnavailable
from counter_app.errors import CounterError
from counter_app.models import Delivery, Procedure, Subject
from counter_app.office import get_calendar
from counter_app.subjects import default_summary
from counter_app.text import normalize_name
from counter_app.workdays import WorkCalendar

from .context import AppContext
from .drafts import DraftKeeper
from .i18n import format_datetime
from .insurance_calc import InsuranceCalculator
from .widgets.applicant_form import ApplicantForm
from .widgets.fee_editor import FeeEditor
from .widgets.fields import ERROR_LABEL_STYLE
from .widgets.paper_checklist import PaperChecklist
from .widgets.procedure_picker import ProcedurePicker
from .widgets.subject_form import SubjectForm

CODE_STYLE = "font-size: 22pt; font-weight: bold; color: #0d47a1;"
BANNER_STYLE = "background: #fff8e1; border: 1px solid #f9a825; padding: 4px;"
OUTAGE_STYLE = "background: #ffebee; border: 1px solid #c62828; color: #b00020; font-weight: bold; padding: 4px;"


class ReceivePage(QWidget):
    """The receive form. Signals: ``dossierSaved(code)`` after a save, ``receiptRequested(code)``
    when staff ask for the receipt (the printing integration connects to it)."""

    dossierSaved = Signal(str)
    receiptRequested = Signal(str)
    ready = Signal()  # catalogue and calendar loaded, draft offered (tests wait for it)
    databaseUnreachable = Signal(str)  # a save found the office server gone (the status bar says so too)

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.calendar: WorkCalendar | None = None
        self.saved_code = ""
        self.saving = False
        self._pending_draft: dict[str, Any] | None = None
        self._summary_typed = False  # the clerk wrote the trích yếu: stop proposing one
        self._build()
        self.drafts = DraftKeeper(context, self.form_state, self)
        for signal in (self.picker.procedureChanged, self.applicant.changed, self.subject.changed,
                       self.summary.textEdited, self.papers.changed,
                       self.fees.changed, self.sets.valueChanged, self.delivery_group.idToggled,
                       self.delivery_address.textEdited):
            signal.connect(self._on_edited)
        self.picker.procedureChanged.connect(self._on_procedure)
        self.sets.valueChanged.connect(self.fees.set_sets)  # a fee per set follows the sets
        self.subject.changed.connect(self._propose_summary)
        self.subject.toggle.toggled.connect(self._show_subject)
        self.summary.textEdited.connect(self._on_summary_typed)
        self.picker.accepted.connect(self.applicant.scan.setFocus)  # Enter: on to the card
        self.clock_timer = QTimer(self)
        self.clock_timer.setInterval(30_000)
        self.clock_timer.timeout.connect(self._update_due)
        self.clock_timer.start()
        self._shortcuts()
        store = context.store
        context.tasks.run_db(lambda: (list_procedures(store, most_used_first=True), get_calendar(store)),
                             on_done=self._loaded, on_error=self._failed)

    # -- building ------------------------------------------------------------------------------

    def _build(self) -> None:
        self.draft_banner = QFrame(self)
        self.draft_banner.setStyleSheet(BANNER_STYLE)
        self.draft_text = QLabel(self.draft_banner)
        self.restore_button = QPushButton(self.tr("&Restore draft"), self.draft_banner)
        self.discard_button = QPushButton(self.tr("Discard draft"), self.draft_banner)
        row = QHBoxLayout(self.draft_banner)
        row.addWidget(self.draft_text, 1)
        row.addWidget(self.restore_button)
        row.addWidget(self.discard_button)
        self.draft_banner.hide()
        self.restore_button.clicked.connect(self.restore_draft)
        self.discard_button.clicked.connect(self.discard_draft)

        self.message = QLabel(self)
        self.message.setStyleSheet(ERROR_LABEL_STYLE + " font-weight: bold;")
        self.message.setWordWrap(True)
        self.message.hide()

        self.body = QWidget(self)
        self.picker = ProcedurePicker(self.body)
        self.applicant = ApplicantForm(self.body)
        self.subject = SubjectForm(self.body)
        self.summary = QLineEdit(self.body)
        self.summary.setMaxLength(limits.SUMMARY.max_length)
        self.summary.setPlaceholderText(self.tr("Filled from the procedure and the subject; you may edit it"))
        self.papers = PaperChecklist(self.body)
        self.tick_required_button = QPushButton(self.tr("Tick all re&quired papers"), self.body)
        self.tick_required_button.setToolTip(self.tr(
            "Ticks every paper marked * once you have checked them, then goes to the next box to fill"))
        self.tick_required_button.clicked.connect(self.tick_required_papers)
        self.sets = QSpinBox(self.body)
        self.sets.setRange(1, limits.MAX_COUNT)
        self.fees = FeeEditor(self.body)
        self.at_counter = QRadioButton(self.tr("At the &counter"), self.body)
        self.by_post = QRadioButton(self.tr("By p&ost"), self.body)
        self.at_counter.setChecked(True)
        self.delivery_group = QButtonGroup(self)
        self.delivery_group.addButton(self.at_counter, 0)
        self.delivery_group.addButton(self.by_post, 1)
        self.delivery_address = QLineEdit(self.body)
        self.delivery_address.setMaxLength(limits.DELIVERY_ADDRESS.max_length)
        self.delivery_address.setPlaceholderText(self.tr("Address for the result by post"))
        self.delivery_address.setEnabled(False)
        self.due_label = QLabel(self.body)
        self.due_label.setWordWrap(True)
        self.outage_label = QLabel(self.tr(
            "The office database does not answer: this dossier cannot be saved yet. Keep typing: the form is"
            " kept, and Save works again as soon as the connection is back."), self.body)
        self.outage_label.setStyleSheet(OUTAGE_STYLE)
        self.outage_label.setWordWrap(True)
        self.outage_label.hide()
        self.save_button = QPushButton(self.tr("Save (Ctrl+S)"), self.body)
        self.save_button.setDefault(False)
        self.save_button.clicked.connect(self.save)

        procedure_box = self._group(self.tr("&Procedure"), self.picker)
        applicant_box = self._group(self.tr("Applicant"), self.applicant)
        subject_box = self._group(self.tr("Subject of the dossier"), self.subject)
        summary_row = QFormLayout()
        summary_label = QLabel(self.tr("Summa&ry:"), subject_box)
        summary_label.setBuddy(self.summary)
        summary_row.addRow(summary_label, self.summary)
        subject_box.layout().addLayout(summary_row)
        papers_box = QGroupBox(self.tr("Papers received"), self.body)
        papers_layout = QVBoxLayout(papers_box)
        papers_layout.addWidget(self.papers)
        papers_layout.addWidget(self.tick_required_button, 0, Qt.AlignmentFlag.AlignLeft)
        sets_row = QFormLayout()
        sets_label = QLabel(self.tr("Number of se&ts:"), papers_box)
        sets_label.setBuddy(self.sets)
        sets_row.addRow(sets_label, self.sets)
        papers_layout.addLayout(sets_row)
        fees_box = self._group(self.tr("Fees"), self.fees)
        self.insurance_button = QPushButton(self.tr("Ho&w much? Health / social insurance…"), fees_box)
        self.insurance_button.clicked.connect(self.open_insurance_calculator)
        fees_box.layout().addWidget(self.insurance_button, 0, Qt.AlignmentFlag.AlignLeft)
        delivery_box = QGroupBox(self.tr("Result delivery"), self.body)
        delivery_layout = QGridLayout(delivery_box)
        delivery_layout.addWidget(self.at_counter, 0, 0)
        delivery_layout.addWidget(self.by_post, 0, 1)
        delivery_layout.addWidget(self.delivery_address, 1, 0, 1, 2)
        delivery_layout.addWidget(self.due_label, 2, 0, 1, 2)

        self.result_panel = QFrame(self)
        self.result_panel.setFrameShape(QFrame.Shape.StyledPanel)
        self.code_label = QLabel(self.result_panel)
        self.code_label.setStyleSheet(CODE_STYLE)
        self.code_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.print_button = QPushButton(self.tr("Print receipt (Ctrl+P / F9)"), self.result_panel)
        self.new_button = QPushButton(self.tr("New dossier (Ctrl+N)"), self.result_panel)
        self.print_button.clicked.connect(self.print_receipt)
        self.new_button.clicked.connect(self.new_dossier)
        result_layout = QVBoxLayout(self.result_panel)
        result_layout.addWidget(QLabel(self.tr("Dossier code:"), self.result_panel))
        result_layout.addWidget(self.code_label)
        buttons = QHBoxLayout()
        buttons.addWidget(self.print_button)
        buttons.addWidget(self.new_button)
        result_layout.addLayout(buttons)
        self.result_panel.hide()

        left = QVBoxLayout()
        left.addWidget(procedure_box, 1)
        left.addWidget(applicant_box, 0)
        left.addWidget(subject_box, 0)
        right = QVBoxLayout()
        right.addWidget(papers_box)
        right.addWidget(fees_box)
        right.addWidget(delivery_box)
        right.addWidget(self.outage_label)
        right.addWidget(self.save_button)
        right.addStretch(1)
        columns = QHBoxLayout(self.body)
        columns.addLayout(left, 1)
        columns.addLayout(right, 1)

        self.scroll = scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(self.body)
        layout = QVBoxLayout(self)
        layout.addWidget(self.draft_banner)
        layout.addWidget(self.message)
        layout.addWidget(self.result_panel)
        layout.addWidget(scroll, 1)
        self.by_post.toggled.connect(self._on_delivery)

    def _group(self, title: str, widget: QWidget) -> QGroupBox:
        box = QGroupBox(title, self.body)
        QVBoxLayout(box).addWidget(widget)
        return box

    def open_insurance_calculator(self) -> InsuranceCalculator:
        """The citizen's first question: the household or voluntary insurance amount, added as a fee line."""
        procedure = self.picker.current()
        self.calculator = InsuranceCalculator(self, scheme=insurance.scheme_of(procedure) if procedure else None)
        self.calculator.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.calculator.accepted.connect(lambda: self.fees.add_fee(*self.calculator.fee))
        self.calculator.open()
        return self.calculator

    def _shortcuts(self) -> None:
        context = Qt.ShortcutContext.WidgetWithChildrenShortcut
        for keys, slot in ((QKeySequence.StandardKey.Save, self.save), ("Ctrl+P", self.print_receipt),
                           ("F9", self.print_receipt), ("Ctrl+N", self.new_dossier)):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(context)
            shortcut.activated.connect(slot)

    def _update_tab_order(self) -> None:
        """Procedure → applicant → papers → sets → fees → delivery → subject → summary → save.

        The subject block and the summary come last although they sit under the applicant: most
        dossiers need neither, so the usual path costs no Tab for them; Alt+L / Alt+R reach them.
        """
        chain = [self.picker.filter_edit, *self.applicant.focus_widgets(), *self.papers.focus_widgets(),
                 self.tick_required_button, self.sets,
                 *self.fees.focus_widgets(), self.at_counter, self.by_post, self.delivery_address,
                 *self.subject.focus_widgets(), self.summary, self.save_button]
        for first, second in pairwise(chain):
            QWidget.setTabOrder(first, second)

    # -- loading and live values ---------------------------------------------------------------

    def _loaded(self, result: tuple[list[Procedure], WorkCalendar]) -> None:
        procedures, self.calendar = result
        self.picker.set_procedures(procedures)
        self._update_tab_order()
        self.drafts.load(self._offer_draft)

    def _offer_draft(self, draft: dict[str, Any] | None) -> None:
        self._pending_draft = draft
        if draft:
            saved = clock.from_db(draft.get("saved_at"))
            self.draft_text.setText(self.tr("An unsaved draft from {time} was found.").format(
                time=format_datetime(saved)))
            self.draft_banner.show()
        self.picker.setFocus()
        self.ready.emit()

    def tick_required_papers(self) -> None:
        """Alt+Q (Alt+F in Vietnamese): every required paper in one key, then the first number a fee needs (or the sets)."""
        self.papers.tick_required()
        (self.fees.first_quantity() or self.sets).setFocus(Qt.FocusReason.ShortcutFocusReason)

    def _on_procedure(self, procedure: Procedure | None) -> None:
        self.papers.set_procedure(procedure)
        self.tick_required_button.setEnabled(self.papers.has_required())
        self.fees.set_procedure(procedure)
        self._update_tab_order()
        self._update_due()
        self._propose_summary()

    def _show_subject(self, on: bool) -> None:
        """An opened block may fall below the window's edge: scroll it in once it is laid out."""
        if on:
            QTimer.singleShot(0, lambda: self.scroll.ensureWidgetVisible(self.summary))

    def _on_summary_typed(self, text: str) -> None:
        self._summary_typed = bool(text.strip())  # emptied: propose again
        if not self._summary_typed:
            self._propose_summary()

    def _propose_summary(self) -> None:
        """The trích yếu from the procedure and the subject, until the clerk writes their own."""
        if self._summary_typed:
            return
        procedure = self.picker.current()
        name = self.subject.full_name.text().strip() if self.subject.toggle.isChecked() else ""
        self.summary.setText(default_summary(procedure, Subject(normalize_name(name)) if name else None)
                             if procedure else "")

    def _on_delivery(self, by_post: bool) -> None:
        self.delivery_address.setEnabled(by_post)
        if by_post and not self.delivery_address.text():
            self.delivery_address.setText(self.applicant.address.text())

    def _on_edited(self, *_args: object) -> None:
        self.message.hide()
        if self.draft_banner.isVisible() and not self.drafts.suspended:
            # New work takes the draft's place; say so rather than overwrite it silently later.
            self._pending_draft = None
            self.draft_banner.hide()
        self.drafts.touch()

    def due_at(self):
        procedure = self.picker.current()
        if procedure is None or self.calendar is None:
            return None
        return self.calendar.due_at(clock.now(), procedure.processing_unit, procedure.processing_value)

    def _update_due(self) -> None:
        procedure, due = self.picker.current(), self.due_at()
        if procedure is None or due is None:
            self.due_label.setText(self.tr("Due time: choose a procedure"))
            return
        self.due_label.setText(self.tr("Due time if received now: {due} ({time})").format(
            due=format_datetime(due), time=procedure.processing_label))

    # -- saving --------------------------------------------------------------------------------

    def show_message(self, text: str) -> None:
        self.message.setProperty("outage", False)
        self.message.setText(text)
        self.message.setVisible(bool(text))

    def build_request(self) -> services.ReceiveRequest:
        """The request as the service will see it; raises CounterError/ValueError in Vietnamese."""
        procedure = self.picker.current()
        if procedure is None:
            raise ValueError(self.tr("Choose a procedure first."))
        errors = self.applicant.validate() + self.subject.validate()
        if errors:
            raise ValueError(errors[0])
        applicant = services.clean_applicant(self.applicant.applicant())
        subject = self.subject.subject()
        papers = self.papers.papers()
        services.check_papers(procedure, papers)
        delivery = Delivery.POST if self.by_post.isChecked() else Delivery.COUNTER
        return services.ReceiveRequest(
            procedure_code=procedure.code, applicant=applicant, papers=papers, sets_count=self.sets.value(),
            fees=self.fees.fees(), delivery=delivery, summary=self.summary.text(),
            subject=None if subject is None else services.clean_subject(subject),
            delivery_address=self.delivery_address.text().strip() if delivery is Delivery.POST else "",
        )

    def save(self) -> None:
        if self.saving or self.saved_code:
            return
        try:
            request = self.build_request()
        except (CounterError, ValueError) as exc:
            self.show_message(str(exc))
            self._focus_problem()
            return
        self.saving = True
        self.save_button.setEnabled(False)
        self.context.tasks.run_op(partial(services.receive_dossier, self.context.store, self.context.actor, request),
                                  parent=self, on_done=self._saved, on_error=self._failed)

    def _focus_problem(self) -> None:
        """Put the cursor where the fix goes: the first field in error, else the first missing paper."""
        fields = self.applicant.checked_fields() + self.subject.checked_fields()
        field = next((f for f in fields if f.error()), None)
        if field is not None:
            field.edit.setFocus()
            return
        missing = self.papers.first_missing_required()
        if missing is not None:
            missing.setFocus()
        elif self.picker.current() is None:
            self.picker.setFocus()

    def _saved(self, dossier: Any) -> None:
        self.saving = False
        self.saved_code = dossier.code
        self.drafts.clear()
        self._pending_draft = None
        self.draft_banner.hide()
        self.show_message("")
        self.applicant.hide_scan_error()
        self.code_label.setText(dossier.code)
        self.result_panel.show()
        self.body.setEnabled(False)
        self.print_button.setFocus()
        self.dossierSaved.emit(dossier.code)

    def _failed(self, exc: BaseException) -> None:
        self.saving = False
        self.save_button.setEnabled(True)
        if isinstance(exc, ServerUnavailable):
            self.set_database_lost()
            self.show_message(self.tr("Not saved: the office database does not answer. The form is kept as"
                                      " typed; save again when the connection is back."))
            self.message.setProperty("outage", True)
            self.databaseUnreachable.emit(str(exc))
        elif isinstance(exc, CounterError):
            self.show_message(str(exc))
        else:
            self.show_message(self.tr("Could not save: {error}").format(error=type(exc).__name__))

    def set_database_lost(self, _reason: str = "") -> None:
        """The database is gone: say so beside Save (the draft stays in the form)."""
        self.outage_label.show()

    def set_database_back(self) -> None:
        """It answers again: the notice goes, and the draft it did not take is saved now."""
        self.outage_label.hide()
        if self.message.property("outage"):
            self.show_message("")
        self.drafts.retry()

    def print_receipt(self) -> None:
        if self.saved_code:
            self.print_requested(self.saved_code)

    def print_requested(self, code: str) -> None:
        """The printing hook: emits ``receiptRequested(code)``, which the printing integration connects."""
        self.receiptRequested.emit(code)

    def new_dossier(self) -> None:
        """Empty form for the next citizen (the saved dossier stays in the list)."""
        self.drafts.suspended = True
        self.saved_code = ""
        self.result_panel.hide()
        self.body.setEnabled(True)
        self.save_button.setEnabled(True)
        self.picker.clear_choice()
        self.applicant.clear()
        self.subject.clear()
        self._summary_typed = False
        self.summary.clear()
        self.sets.setValue(1)
        self.at_counter.setChecked(True)
        self.delivery_address.clear()
        self.show_message("")
        self.drafts.suspended = False
        self.drafts.timer.stop()
        self.picker.setFocus()

    # -- drafts --------------------------------------------------------------------------------

    def form_state(self) -> dict[str, Any]:
        procedure = self.picker.current()
        return {
            "procedure": procedure.code if procedure else "",
            "applicant": self.applicant.state(),
            "subject": self.subject.state(),
            "summary": self.summary.text() if self._summary_typed else "",
            "papers": self.papers.state(),
            "sets": self.sets.value(),
            "fees": self.fees.state(),
            "post": self.by_post.isChecked(),
            "delivery_address": self.delivery_address.text(),
        }

    def restore_draft(self) -> None:
        draft, self._pending_draft = self._pending_draft, None
        self.draft_banner.hide()
        if not draft:
            return
        form = draft["form"]
        self.drafts.suspended = True
        try:
            if form.get("procedure"):
                self.picker.select_code(form["procedure"])
            self.applicant.restore(form.get("applicant", {}))
            self.subject.restore(form.get("subject", {}))
            self._summary_typed = bool(form.get("summary"))
            if self._summary_typed:
                self.summary.setText(form["summary"])
            else:
                self._propose_summary()
            self.papers.restore(form.get("papers", []))
            self.fees.restore(form.get("fees", []))
            self.sets.setValue(int(form.get("sets", 1)))
            (self.by_post if form.get("post") else self.at_counter).setChecked(True)
            self.delivery_address.setText(form.get("delivery_address", ""))
        finally:
            self.drafts.suspended = False
        self.picker.setFocus()

    def discard_draft(self) -> None:
        self._pending_draft = None
        self.draft_banner.hide()
        self.drafts.clear()
        self.picker.setFocus()
