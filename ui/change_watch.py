"""Other counters' changes, and the database itself going away, seen within seconds.

In an office several counters share one database (PostgreSQL on the LAN, or one SQLite file);
a dossier received at counter 1 must appear in counter 2's lists without a restart. Every
change writes an audit record, so the newest audit record's number is a cheap change marker
(one indexed row, whatever the size of the database): when it moved, the watcher emits the
task runner's ``dossiersChanged`` and every list refreshes as after a change of our own (after
our own changes too: one extra refresh, never a missed one). The same poll notices a lost
office server at once, and its return.
"""
from __future__ import annotations

from PySide6.QtCore import QObject, QTimer, Signal

from counter_app import audit
from counter_app.store import Store

from .context import AppContext

POLL_MS = 3000


def _newest_change(store: Store) -> int:
    with store.read() as conn:
        head = audit.chain_head(conn)
    return head.record_id if head and head.record_id else 0


class ChangeWatcher(QObject):
    """Polls the change marker on the database thread; never blocks the GUI."""

    databaseLost = Signal(str)  # the store's own one-line reason
    databaseBack = Signal()

    def __init__(self, context: AppContext, parent: QObject | None = None, *, interval_ms: int = POLL_MS) -> None:
        super().__init__(parent)
        self.context = context
        self.seen: int | None = None
        self.lost = False
        self._asking = False
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.poll)
        context.tasks.stopping.connect(self.timer.stop)
        self.timer.start()
        self.poll()

    def poll(self) -> None:
        if self._asking:
            return
        self._asking = True
        self.context.tasks.run_db(_newest_change, self.context.store, on_done=self._answered, on_error=self._failed)

    def _answered(self, newest: int) -> None:
        self._asking = False
        if self.lost:
            self.lost = False
            self.databaseBack.emit()
        moved = self.seen is not None and newest != self.seen
        self.seen = newest
        if moved:
            self.context.tasks.notify_dossiers_changed()

    def _failed(self, exc: BaseException) -> None:
        self._asking = False
        self.report_lost(str(exc) if str(exc) else type(exc).__name__)

    def report_lost(self, reason: str) -> None:
        """The database is gone (this poll, or a save that just failed): say so now, once; the
        polls go on and say when it answers again."""
        if not self.lost:
            self.lost = True
            self.databaseLost.emit(reason)
