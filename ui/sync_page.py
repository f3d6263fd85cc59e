"""The sync section: what waits for the portal, what it refused and why, retries, and the run log."""
from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from counter_app import clock
from counter_app.models import Role
from counter_app.store import Store
from sync import outbox
from sync.outbox import OutboxItem
from sync.runs import SyncRun, recent_runs

from .conflict_dialog import ConflictDialog
from .context import AppContext
from .dossier_detail import DossierDetail
from .i18n import format_datetime
from .portal_settings import PortalSettingsDialog
from .sync_worker import SyncState, SyncWorker
from .widgets.tables import fill_rows, row_table

REFUSED_BACKGROUND = QColor("#fdecea")
CONFLICT_BACKGROUND = QColor("#fff3cd")


def _background(item: OutboxItem) -> QColor | None:
    if item.portal_version is not None:
        return CONFLICT_BACKGROUND
    return REFUSED_BACKGROUND if item.failed else None


class SyncPage(QWidget):
    """The outbox and the run log; a refused record's dossier opens here for correction.

    ``printRequested(kind, code)`` forwards the opened detail's papers to the printing integration.
    """

    printRequested = Signal(str, str)

    def __init__(self, context: AppContext, worker: SyncWorker | None = None) -> None:
        super().__init__()
        self.context = context
        self.worker = worker
        self.items: list[OutboxItem] = []
        self.summary = QLabel(self.tr("Loading…"))
        self.summary.setWordWrap(True)
        self.state: SyncState | None = None
        self.outcome = QLabel()  # what the last "Sync now" did: the button must never seem to do nothing
        self.outcome.setWordWrap(True)
        self.outcome.hide()  # until the first "Sync now"
        self._sync_asked = False
        self.sync_button = QPushButton(self.tr("&Sync now"))
        self.retry_button = QPushButton(self.tr("&Retry selected"))
        self.retry_all_button = QPushButton(self.tr("Retry &all refused"))
        self.settings_button = QPushButton(self.tr("&Connection…"))
        if not context.actor.role.at_least(Role.ADMIN):
            self.settings_button.setEnabled(False)
            self.settings_button.setToolTip(self.tr("Only an administrator sets the portal connection."))
        buttons = QHBoxLayout()
        for button in (self.sync_button, self.retry_button, self.retry_all_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.settings_button)
        self.queue = row_table([self.tr("Dossier code"), self.tr("Record"), self.tr("Attempts"),
                             self.tr("Next attempt"), self.tr("Portal's message")])
        self.runs = row_table([self.tr("Started"), self.tr("Finished"), self.tr("Sent"), self.tr("Received"),
                            self.tr("Refused"), self.tr("Pending"), self.tr("Error")])
        self.tabs = QTabWidget()
        self.tabs.addTab(self.queue, self.tr("Pending and refused"))
        self.tabs.addTab(self.runs, self.tr("Sync log"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addLayout(buttons)
        layout.addWidget(self.outcome)
        layout.addWidget(self.tabs, 1)
        self.sync_button.clicked.connect(self._sync_now)
        self.retry_button.clicked.connect(self._retry_selected)
        self.retry_all_button.clicked.connect(lambda: self._retry(None))
        self.settings_button.clicked.connect(self.open_settings)
        self.queue.cellDoubleClicked.connect(lambda row, _column: self.open_item(self.items[row]))
        self.queue.setToolTip(self.tr("Double-click a record to open its dossier and correct it, or to compare a "
                                      "dossier whose code the portal holds for another dossier."))
        if worker is not None:
            worker.stateChanged.connect(self.show_state)
            worker.runStarted.connect(lambda: self.sync_button.setEnabled(False))
            worker.runFinished.connect(lambda _report: self.refresh())
            worker.cycleFinished.connect(self._show_outcome)
        context.tasks.dossiersChanged.connect(self.refresh)
        self.refresh()

    # -- data ---------------------------------------------------------------------------------
    def refresh(self) -> None:
        def load(store: Store) -> tuple[list[OutboxItem], list[SyncRun]]:
            return outbox.list_items(store), recent_runs(store)

        self.context.tasks.run_query(load, self.context.store, parent=self, on_done=self._show_lists)

    def _show_lists(self, data: tuple[list[OutboxItem], list[SyncRun]]) -> None:
        self.items, runs = data
        kinds = {"dossier": self.tr("Dossier"), "progress": self.tr("Progress")}
        held = {item.dossier_code for item in self.items if item.failed or item.portal_version}  # listed first

        def when(item: OutboxItem) -> str:
            if item.portal_version is not None:
                return self.tr("code used on the portal: needs a new code")
            if item.failed:
                return self.tr("waits for a fix")
            if item.dossier_code in held:
                return self.tr("after the refused record")
            if self.state is not None and not self.state.configured:
                return self.tr("when the portal is configured")
            if self.state is not None and self.state.online is False:
                return self.tr("when the portal is reachable")
            return format_datetime(item.next_attempt_at) or self.tr("now")

        fill_rows(self.queue, [
            [item.dossier_code, kinds.get(item.kind, item.kind), str(item.attempts), when(item), item.last_error]
            for item in self.items
        ], backgrounds=[_background(item) for item in self.items])
        fill_rows(self.runs, [
            [format_datetime(run.started_at), format_datetime(run.finished_at), str(run.pushed), str(run.pulled),
             str(run.failed), str(run.pending), run.error]
            for run in runs
        ])
        self.retry_all_button.setEnabled(any(item.failed for item in self.items))

    def show_state(self, state: SyncState) -> None:
        self.state = state
        self.sync_button.setEnabled(state.configured and not (self.worker and self.worker.busy))
        if state.problem:
            text = state.problem
        elif not state.configured:
            text = self.tr("The connection to the National Public Service Portal is not configured. An administrator "
                           "sets it with the Connection… button (or: counter-app portal set).")
        else:
            connection = {None: self.tr("checking…"), True: self.tr("online"), False: self.tr("offline")}[state.online]
            text = self.tr("Portal: {connection}. Waiting to be sent: {pending}. Refused, waiting for a fix: {failed}. "
                           "Last successful sync: {last}.").format(
                connection=connection, pending=state.pending, failed=state.failed,
                last=format_datetime(state.last_success) or self.tr("never"))
        self.summary.setText(text)
        self.refresh()

    # -- actions ------------------------------------------------------------------------------
    def open_item(self, item: OutboxItem) -> QDialog:
        """A conflict opens the comparison with the portal's version; anything else opens the dossier."""
        if item.portal_version is None:
            return self.open_dossier(item.dossier_code)
        self.conflict = ConflictDialog(self.context, item.dossier_code, self)
        self.conflict.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.conflict.recoded.connect(self._after_recode)
        self.conflict.open()
        return self.conflict

    def _after_recode(self, new_code: str) -> None:
        """The citizen's receipt shows the old code: open the dossier, whose detail prints the new one."""
        detail = self.open_dossier(new_code)
        self.notice = QMessageBox(QMessageBox.Icon.Information, self.tr("New dossier code"), self.tr(
            "The dossier now has the code {code} and goes to the portal with the next sync. Reprint the receipt "
            "for the citizen (Print receipt in the dossier's detail).").format(code=new_code),
            QMessageBox.StandardButton.Ok, detail)
        self.notice.button(QMessageBox.StandardButton.Ok).setText(self.tr("OK"))
        self.notice.open()

    def open_dossier(self, code: str) -> DossierDetail:
        """Where staff fix what the portal refused; a correction puts the records back in the queue."""
        self.detail = DossierDetail(self.context, code, self)
        self.detail.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.detail.printRequested.connect(self.printRequested)
        self.detail.open()
        return self.detail

    def open_settings(self) -> PortalSettingsDialog:
        self.settings = PortalSettingsDialog(self.context, self)
        self.settings.accepted.connect(self._sync_now)
        self.settings.open()
        return self.settings

    def _sync_now(self) -> None:
        if self.worker is not None:
            self.sync_button.setEnabled(False)
            self._sync_asked = True
            self.outcome.setText(self.tr("Syncing…"))
            self.outcome.show()
            self.worker.sync_now()

    def _show_outcome(self, state: SyncState) -> None:
        """After "Sync now" (not the background checks, which the summary reports): what came of it."""
        if not self._sync_asked:
            return
        self._sync_asked = False
        at = format_datetime(clock.now())
        if state.problem:
            text = self.tr("Not synced: {problem}").format(problem=state.problem)
        elif state.online:
            text = self.tr("Synced ({time}).").format(time=at)
        else:
            text = self.tr("The portal could not be reached ({time}): nothing was sent. The records wait here and "
                           "go with the next sync by themselves.").format(time=at)
        self.outcome.setText(text)

    def _retry_selected(self) -> None:
        rows = sorted({index.row() for index in self.queue.selectionModel().selectedRows()})
        ids = [self.items[row].id for row in rows if self.items[row].failed]
        if ids:
            self._retry(ids)

    def _retry(self, ids: list[int] | None) -> None:
        self.context.tasks.run_op(outbox.retry, self.context.store, self.context.actor, ids, parent=self)

    def keyPressEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        if event.key() == Qt.Key.Key_F5:
            self.refresh()
        else:
            super().keyPressEvent(event)
