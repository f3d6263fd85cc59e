"""What the print keys and buttons of the counter screens do.

Every paper is rendered by ``printing.documents`` on the database worker (``context.tasks``),
never on the GUI thread; the PDF comes back to the preview, or straight to the remembered
receipt printer when the office set ``print.receipt_direct`` to "1". The printer chosen for a
kind of paper is remembered in the office settings as ``printer.<kind>`` (``printer.daily-log``
for the log) and preselected next time.

The main window wires the screens with one call (see :meth:`PrintActions.connect_pages`)::

    self.printing = PrintActions(context, self)
    self.printing.connect_pages(receive_page, dossiers_page, returns_page)
"""
from __future__ import annotations

import threading
from typing import Any

from PySide6.QtCore import QObject, Qt, QTimer, Signal, Slot
from PySide6.QtPrintSupport import QPrinterInfo
from PySide6.QtWidgets import QProgressDialog, QWidget
from shiboken6 import isValid

from counter_app import settings
from counter_app.dossiers import get_dossier
from counter_app.errors import CounterError, PermissionDenied
from counter_app.models import Role
from counter_app.office import get_office
from counter_app.users import require_role
from printing.kinds import KIND_LABELS

from . import widgets as _widgets  # noqa: F401 - the PySide6 6.12 reference-count guard before any emit
from .context import AppContext
from .daily_log_dialog import DailyLogDialog, LogChoice
from .print_preview import PrintPreviewDialog, busy, print_to, show_message

DAILY_LOG = "daily-log"
DAILY_LOG_LABEL = "Sổ theo dõi hồ sơ"
FEE_LEDGER = "fee-ledger"
FEE_LEDGER_LABEL = "Sổ thu phí, lệ phí"


class _Progress:
    """Written by the worker (plain int stores), read by a GUI timer: no widget leaves its thread."""

    def __init__(self) -> None:
        self.done = 0
        self.total = 0
        self.cancel = threading.Event()

    def __call__(self, done: int, total: int) -> None:
        self.done, self.total = done, total


class PrintActions(QObject):
    """Slots ``print_receipt(code)``, ``print_document(kind, code)``, ``print_daily_log()``.

    Signals: ``previewOpened()`` (the dialog is ``self.preview``), ``printerRemembered(kind, name)``,
    ``notice(text)`` for the status bar (direct printing), ``failed(text)`` after an error message.
    """

    previewOpened = Signal()
    printerRemembered = Signal(str, str)
    notice = Signal(str)
    failed = Signal(str)

    def __init__(self, context: AppContext, parent_widget: QWidget) -> None:
        super().__init__(parent_widget)
        self.context = context
        self.parent_widget = parent_widget
        self.preview: PrintPreviewDialog | None = None
        self.log_dialog: DailyLogDialog | None = None
        self.progress: QProgressDialog | None = None
        self.message_box = None
        self._pending: set[tuple[str, str]] = set()  # a second key press while rendering does nothing

    # -- wiring ----------------------------------------------------------------------------

    def connect_pages(self, *pages: QObject) -> int:
        """Connect the print signals each page has; returns how many were connected.

        ``receiptRequested(code)`` → :meth:`print_receipt`, ``printRequested(kind, code)`` →
        :meth:`print_document`, ``dailyLogRequested()`` → :meth:`print_daily_log`. Pass the
        receive page and the dossier pages; a DossiersPage already forwards its detail dialog's
        ``printRequested``, so do not pass those dialogs as well (they would print twice).
        """
        count = 0
        for page in pages:
            for name, slot in (("receiptRequested", self.print_receipt), ("printRequested", self.print_document),
                               ("dailyLogRequested", self.print_daily_log)):
                signal = getattr(page, name, None)
                if signal is not None:
                    signal.connect(slot)
                    count += 1
        return count

    # -- papers of one dossier -------------------------------------------------------------

    @Slot(str)
    def print_receipt(self, code: str) -> None:
        """The one-key path after saving: preview with "Print" focused, or straight to the printer."""
        self._render_paper("receipt", code, direct_allowed=True)

    @Slot(str, str)
    def print_document(self, kind: str, code: str) -> None:
        self._render_paper(kind, code, direct_allowed=False)

    def _render_paper(self, kind: str, code: str, *, direct_allowed: bool) -> None:
        if (kind, code) in self._pending:
            return
        self._pending.add((kind, code))
        store = self.context.store

        def job() -> tuple[bytes, str, bool]:
            from printing.documents import render

            pdf = render(kind, get_office(store), get_dossier(store, code))
            direct = direct_allowed and settings.read(store, settings.RECEIPT_DIRECT)
            return pdf, settings.read(store, settings.printer(kind)), direct

        self.context.tasks.run_db(job, on_done=lambda result: self._paper_ready(kind, code, result),
                                  on_error=lambda exc: self._paper_failed(kind, code, exc))

    def _paper_ready(self, kind: str, code: str, result: tuple[bytes, str, bool]) -> None:
        if not isValid(self):
            return  # the window went away while the worker rendered
        self._pending.discard((kind, code))
        pdf, printer_name, direct = result
        if direct:
            if printer_name in QPrinterInfo.availablePrinterNames():
                self._print_directly(kind, code, pdf, printer_name)
                return
            self.notice.emit(self.tr("The receipt printer is not set or not available; choose one."))
        self.open_preview(pdf, kind=kind, code=code, title=KIND_LABELS.get(kind, kind), printer_name=printer_name)

    def _print_directly(self, kind: str, code: str, pdf: bytes, printer_name: str) -> None:
        try:
            with busy():
                pages = print_to(pdf, printer_name)
        except (OSError, ValueError) as exc:
            self._error(self.tr("Could not print on {printer}: {error}").format(printer=printer_name, error=str(exc)))
            return
        self.notice.emit(self.tr("Printed {paper} for {code} on {printer} ({pages} page(s)).").format(
            paper=KIND_LABELS.get(kind, kind), code=code, printer=printer_name, pages=pages))

    def _paper_failed(self, kind: str, code: str, exc: BaseException) -> None:
        if not isValid(self):
            return  # the window went away while the worker rendered
        self._pending.discard((kind, code))
        paper = KIND_LABELS.get(kind, kind)
        if isinstance(exc, CounterError):
            self._error(str(exc))  # the services' messages are Vietnamese already
        elif isinstance(exc, ValueError):
            hints = {
                "supplement": self.tr("Record the supplement request on the dossier first."),
                "refusal": self.tr("Record the refusal on the dossier first."),
                "apology": self.tr("Record the new appointment (reschedule) on the dossier first."),
            }
            text = self.tr("Cannot make “{paper}” for dossier {code} yet.").format(paper=paper, code=code)
            self._error(text, detail=hints.get(kind, ""), technical=str(exc))
        else:
            self._error(self.tr("Could not make “{paper}” ({error}).").format(paper=paper, error=type(exc).__name__))

    # -- the supervisors' log --------------------------------------------------------------

    @Slot()
    def print_daily_log(self) -> None:
        """Supervisors and administrators only; others get the reason, nothing opens."""
        try:
            require_role(self.context.actor, Role.SUPERVISOR)
        except PermissionDenied as exc:
            self._error(str(exc), detail=self.tr("Only supervisors and administrators print the dossier tracking log."))
            return
        if self.log_dialog is not None and self.log_dialog.isVisible():
            self.log_dialog.activateWindow()
            return
        dialog = DailyLogDialog(self.context, self._window())
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self.render_daily_log(dialog.choice()))
        dialog.ledgerRequested.connect(self.render_fee_ledger)
        dialog.destroyed.connect(lambda _obj=None: setattr(self, "log_dialog", None))
        self.log_dialog = dialog
        dialog.open()

    def render_daily_log(self, choice: LogChoice) -> None:
        store, actor = self.context.store, self.context.actor
        progress = _Progress()

        def job() -> tuple[bytes, str]:
            require_role(actor, Role.SUPERVISOR)  # the rule holds even if a caller skips the dialog
            from printing.documents import render_daily_log

            pdf = render_daily_log(store, get_office(store), start=choice.start, end=choice.end,
                                   counter_no=choice.counter_no, staff=choice.staff, progress=progress,
                                   cancel=progress.cancel)
            return pdf, settings.read(store, settings.printer(DAILY_LOG))

        self._show_progress(progress)
        self.context.tasks.run_read(job, on_done=lambda result: self._log_ready(choice, result),
                                    on_error=self._log_failed)

    def _show_progress(self, progress: _Progress) -> None:
        dialog = QProgressDialog(self.tr("Making the dossier tracking log…"), self.tr("Cancel"), 0, 0, self._window())
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(500)  # quick logs never flash a dialog
        dialog.canceled.connect(progress.cancel.set)
        timer = QTimer(dialog)
        timer.setInterval(100)
        timer.timeout.connect(lambda: (dialog.setMaximum(progress.total), dialog.setValue(progress.done))
                              if progress.total else None)
        timer.start()
        self.progress = dialog

    def _close_progress(self) -> None:
        if self.progress is not None:
            self.progress.canceled.disconnect()
            self.progress.close()
            self.progress.deleteLater()
            self.progress = None

    def _log_ready(self, choice: LogChoice, result: tuple[bytes, str]) -> None:
        if not isValid(self):
            return  # the window went away while the worker rendered
        self._close_progress()
        pdf, printer_name = result
        self.open_preview(pdf, kind=DAILY_LOG, title=DAILY_LOG_LABEL, printer_name=printer_name,
                          file_stem=choice.file_stem())

    def render_fee_ledger(self, choice: LogChoice) -> None:
        """The Sổ thu for ``choice.start`` (a page or two: no progress dialog)."""
        store, actor = self.context.store, self.context.actor

        def job() -> tuple[bytes, str]:
            require_role(actor, Role.SUPERVISOR)
            from printing.documents import render_fee_ledger

            pdf = render_fee_ledger(store, get_office(store), day=choice.start, counter_no=choice.counter_no,
                                    staff=choice.staff)
            return pdf, settings.read(store, settings.printer(FEE_LEDGER))

        def ready(result: tuple[bytes, str]) -> None:
            if isValid(self):
                self.open_preview(result[0], kind=FEE_LEDGER, title=FEE_LEDGER_LABEL, printer_name=result[1],
                                  file_stem=choice.file_stem("so-thu-phi-le-phi"))

        def failed(exc: BaseException) -> None:
            if isValid(self):
                known = isinstance(exc, (CounterError, ValueError))
                self._error(self.tr("Could not make the fee ledger."), detail=str(exc) if known else type(exc).__name__)

        self.context.tasks.run_db(job, on_done=ready, on_error=failed)

    def _log_failed(self, exc: BaseException) -> None:
        if not isValid(self):
            return  # the window went away while the worker rendered
        self._close_progress()
        from printing.daily_log import Cancelled

        if isinstance(exc, Cancelled):
            return
        if isinstance(exc, (CounterError, ValueError)):
            self._error(self.tr("Could not make the dossier tracking log."), detail=str(exc))
        else:
            self._error(self.tr("Could not make the dossier tracking log ({error}).").format(error=type(exc).__name__))

    # -- shared ----------------------------------------------------------------------------

    def open_preview(self, pdf: bytes, *, kind: str, code: str = "", title: str = "", printer_name: str = "",
                     file_stem: str = "") -> PrintPreviewDialog:
        if self.preview is not None:
            try:
                self.preview.close()
            except RuntimeError:  # already deleted by Qt
                pass
        dialog = PrintPreviewDialog(pdf, kind=kind, code=code, title=" ".join(p for p in (title, code) if p),
                                    printer_name=printer_name, file_stem=file_stem, parent=self._window())
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.printerChosen.connect(lambda name: self.remember_printer(kind, name))
        dialog.destroyed.connect(lambda _obj=None, d=dialog: self._forget(d))
        self.preview = dialog
        dialog.open()
        dialog.activateWindow()
        dialog.print_button.setFocus()
        self.previewOpened.emit()
        return dialog

    def _forget(self, dialog: Any) -> None:
        if self.preview is dialog:
            self.preview = None

    def remember_printer(self, kind: str, name: str) -> None:
        store = self.context.store
        self.context.tasks.run_query(settings.remember, store, settings.printer(kind), name, parent=None,
                                     on_done=lambda _r: self.printerRemembered.emit(kind, name))

    def _window(self) -> QWidget:
        return self.parent_widget.window() if self.parent_widget is not None else None  # type: ignore[return-value]

    def _error(self, text: str, *, detail: str = "", technical: str = "") -> None:
        box = show_message(self._window(), text, detail=detail)
        if technical:
            box.setDetailedText(technical)
        self.message_box = box
        self.failed.emit(text)
