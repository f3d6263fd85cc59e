"""Background sync: every few minutes a cheap reachability check, then a sync run when online.

Why its own thread and its own connection: a run can take minutes after a week offline and
writes as it goes; on the shared database thread it would hold up every screen's queries.
SQLite in WAL mode lets the screens read while it writes, and the counter's short writes simply
wait their turn on the busy timeout. Closing the window cancels a run between two batches.
"""
from __future__ import annotations

import logging
import threading
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal

from counter_app import settings
from counter_app.store import Store
from sync.errors import PortalMisconfigured
from sync.outbox import failed_count, pending_count
from sync.status import last_success

from .context import AppContext

if TYPE_CHECKING:
    from sync.engine import SyncReport

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class SyncState:
    """What the status bar and the sync section show; ``online`` None: not configured or not yet known."""

    online: bool | None
    pending: int
    failed: int
    last_success: datetime | None
    configured: bool = True
    problem: str = ""  # a saved connection that cannot work (sync.errors.PortalMisconfigured), in Vietnamese


class SyncWorker(QObject):
    stateChanged = Signal(object)  # SyncState
    runStarted = Signal()
    runFinished = Signal(object)  # SyncReport
    cycleFinished = Signal(object)  # SyncState: every cycle, reached or not (what "Sync now" led to)
    _cycleDone = Signal(object, object)  # (SyncState, SyncReport | None), from the worker thread

    def __init__(self, context: AppContext, *, interval_ms: int | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.context = context
        if interval_ms is None:
            minutes = settings.read(context.store, settings.SYNC_INTERVAL_MINUTES)
            interval_ms = int(minutes * 60_000)
        self.state = SyncState(None, 0, 0, None)
        self._timer = QTimer(self)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self.check)
        self._cancel = threading.Event()
        self._thread: threading.Thread | None = None
        self._store: Store | None = None
        self._cycleDone.connect(self._finish)
        context.tasks.dossiersChanged.connect(self.refresh_counts)

    @property
    def busy(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def start(self) -> None:
        self._timer.start()
        self.refresh_counts()
        QTimer.singleShot(0, self.check)

    def check(self) -> None:
        """Start a cycle unless one is running: ping, and when online, push and pull."""
        if self.busy or self._cancel.is_set():
            return
        self.runStarted.emit()
        self._thread = threading.Thread(target=self._cycle, name="counter-sync", daemon=True)
        self._thread.start()

    def sync_now(self) -> None:
        """The "Sync now" button: a cycle at once instead of at the next tick."""
        self.check()

    def refresh_counts(self) -> None:
        """After a local save: the pending count moves at once, without waiting for the next cycle."""
        def counts(store: Store) -> SyncState:
            return SyncState(self.state.online, pending_count(store), failed_count(store), last_success(store),
                             self.state.configured)

        self.context.tasks.run_query(counts, self.context.store, parent=None, on_done=self._publish)

    def shutdown(self, timeout: float = 15.0) -> None:
        self._timer.stop()
        self._cancel.set()
        if self._thread is not None:
            self._thread.join(timeout)
        if self._store is not None:
            self._store.close()
            self._store = None

    # -- worker thread ------------------------------------------------------------------------
    def _cycle(self) -> None:
        # Imported here, on the worker thread: requests, jsonschema and keyring stay off the start-up path.
        from sync.client import PortalClient
        from sync.config import load_config
        from sync.engine import run_sync

        report: SyncReport | None = None
        try:
            if self._store is None:
                self._store = Store(self.context.store.target)
            store = self._store
            config = load_config(store)
            online: bool | None = None
            if config is not None:
                probe = PortalClient(config, "")
                try:
                    online = probe.ping()
                finally:
                    probe.close()
                if online and not self._cancel.is_set():
                    report = run_sync(store, config=config, cancel=self._cancel.is_set)
            state = SyncState(online, pending_count(store), failed_count(store), last_success(store),
                              configured=config is not None)
        except PortalMisconfigured as exc:  # waiting will not help: say so, once per cycle, without a traceback
            log.warning("portal connection misconfigured")
            state = SyncState(False, self.state.pending, self.state.failed, self.state.last_success, problem=str(exc))
        except Exception:
            log.exception("sync cycle failed")
            state = SyncState(False, self.state.pending, self.state.failed, self.state.last_success)
        self._cycleDone.emit(state, report)

    # -- GUI thread ---------------------------------------------------------------------------
    def _finish(self, state: SyncState, report: SyncReport | None) -> None:
        self._thread = None
        self._publish(state)
        self.cycleFinished.emit(state)
        if report is not None:
            self.runFinished.emit(report)
            if report.pulled:  # statuses set by processing agencies: every list shows them at once
                self.context.tasks.notify_dossiers_changed()

    def _publish(self, state: SyncState) -> None:
        self.state = state
        self.stateChanged.emit(state)
