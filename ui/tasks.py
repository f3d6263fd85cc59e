"""One task runner for the whole UI (Anki's taskman): database work on ONE worker thread, network
work on a small pool, results and errors handed back on the GUI thread through signals.

Why one database thread: the store's connection has a single owner, so every ``run_db`` call is
serialised there in submission order. List, search and report queries that read through
``Store.snapshot()`` (the store's second connection) run on a read thread of their own
(``run_read``), so a save queued on the database thread never waits behind a long list query.
Workers never touch widgets; callbacks run on the GUI thread.

Screens call the two operation wrappers rather than ``run_db`` (Anki's ``CollectionOp`` and
``QueryOp``): ``run_op`` for anything that changes dossiers, ``run_query`` for reads. Both show a
failure to the user in a Vietnamese message box unless the caller handles it, so no error is lost
in a log; ``run_op`` then emits ``dossiersChanged`` once, which every list, the sync counts and the
status bar listen to, instead of each screen refreshing the others by hand.
"""
from __future__ import annotations

import logging
import queue
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from PySide6.QtWidgets import QMessageBox, QWidget
from shiboken6 import isValid

from counter_app.errors import CounterError

log = logging.getLogger(__name__)

Callback = Callable[[Any], None] | None


class _Bridge(QObject):
    """Carries (callback, value) from a worker to the GUI thread (queued connection)."""

    finished = Signal(object, object)


class TaskRunner(QObject):
    # Emitted at the start of shutdown(), while work may still be queued: owners of debounce
    # timers (the receive form's draft) flush now and stop their timers, so nothing typed is
    # lost on quit and no timer fires into a closed runner afterwards.
    stopping = Signal()
    # Emitted on the GUI thread after any operation that changed dossiers (run_op, a sync run that
    # pulled statuses): the lists, the sync counts and the status bar refresh from it.
    dossiersChanged = Signal()

    def __init__(self, *, net_workers: int = 3, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._bridge = _Bridge()
        self._bridge.finished.connect(self._deliver)
        self._db_queue: queue.Queue[tuple | None] = queue.Queue()
        self._db_thread = threading.Thread(target=self._db_loop, args=(self._db_queue,), name="counter-db",
                                           daemon=True)
        self._db_thread.start()
        self._read_queue: queue.Queue[tuple | None] = queue.Queue()
        self._read_thread = threading.Thread(target=self._db_loop, args=(self._read_queue,), name="counter-read",
                                             daemon=True)
        self._read_thread.start()
        self._net = ThreadPoolExecutor(max_workers=net_workers, thread_name_prefix="counter-net")
        self._pending = 0
        self._lock = threading.Lock()
        self._closed = False

    # -- public -------------------------------------------------------------------------------
    def run_db(self, fn: Callable[..., Any], *args: Any, on_done: Callback = None,
               on_error: Callback = None) -> None:
        """Queue ``fn(*args)`` on the single database thread."""
        self._begin()
        self._db_queue.put((fn, args, on_done, on_error))

    def run_read(self, fn: Callable[..., Any], *args: Any, on_done: Callback = None,
                 on_error: Callback = None) -> None:
        """Queue ``fn(*args)`` on the read thread: only for work that reads through ``Store.snapshot()``."""
        self._begin()
        self._read_queue.put((fn, args, on_done, on_error))

    def run_net(self, fn: Callable[..., Any], *args: Any, on_done: Callback = None,
                on_error: Callback = None) -> None:
        """Run ``fn(*args)`` on the network pool (never for database work)."""
        self._begin()
        self._net.submit(self._call, fn, args, on_done, on_error)

    def run_op(self, fn: Callable[..., Any], *args: Any, parent: QWidget | None, on_done: Callback = None,
               on_error: Callback = None) -> None:
        """A change (CollectionOp): ``fn(*args)`` on the database thread, then ``on_done(result)`` and
        ``dossiersChanged``. A failure goes to ``on_error`` when given, else to a message box on ``parent``."""
        def done(result: Any) -> None:
            try:
                if on_done is not None:
                    on_done(result)
            finally:
                self.dossiersChanged.emit()

        self.run_db(fn, *args, on_done=done, on_error=on_error or _shower(parent, fn))

    def run_query(self, fn: Callable[..., Any], *args: Any, parent: QWidget | None, on_done: Callback = None,
                  on_error: Callback = None) -> None:
        """A read (QueryOp): like ``run_op`` without the change signal."""
        self.run_db(fn, *args, on_done=on_done, on_error=on_error or _shower(parent, fn))

    def notify_dossiers_changed(self) -> None:
        """For changes made outside the runner (the sync worker's own thread)."""
        self.dossiersChanged.emit()

    def pending(self) -> int:
        with self._lock:
            return self._pending

    def wait_idle(self, timeout: float = 10.0) -> bool:
        """Process events until every task has run and its callback was delivered (tests, shutdown)."""
        import time
        deadline = time.monotonic() + timeout
        while self.pending() and time.monotonic() < deadline:
            QCoreApplication.processEvents()
            time.sleep(0.002)
        QCoreApplication.processEvents()
        return self.pending() == 0

    def shutdown(self, timeout: float = 10.0) -> None:
        if self._closed:
            return
        self.stopping.emit()
        self.wait_idle(timeout)
        self._closed = True
        self._db_queue.put(None)
        self._read_queue.put(None)
        self._db_thread.join(timeout)
        self._read_thread.join(timeout)
        self._net.shutdown(wait=False, cancel_futures=True)

    # -- internals ----------------------------------------------------------------------------
    def _begin(self) -> None:
        if self._closed:
            raise RuntimeError("TaskRunner is shut down")
        with self._lock:
            self._pending += 1

    def _db_loop(self, work: queue.Queue[tuple | None]) -> None:
        while True:
            item = work.get()
            if item is None:
                return
            self._call(*item)

    def _call(self, fn: Callable[..., Any], args: tuple, on_done: Callback, on_error: Callback) -> None:
        try:
            result = fn(*args)
        except BaseException as exc:
            self._bridge.finished.emit((on_error, True), exc)
        else:
            self._bridge.finished.emit((on_done, False), result)

    def _deliver(self, target: tuple, value: Any) -> None:
        callback, is_error = target
        try:
            if callback is not None:
                callback(value)
            elif is_error:
                log.error("background task failed: %s", type(value).__name__)
        finally:
            with self._lock:
                self._pending -= 1


_open_boxes: set[QMessageBox] = set()  # parentless boxes live until closed


def error_text(exc: BaseException) -> str:
    """A service's own (Vietnamese) refusal as it is; anything else as a plain apology, never a traceback."""
    if isinstance(exc, CounterError):
        return str(exc)
    return QCoreApplication.translate(
        "Operations", "The operation could not be completed ({error}). Try again; if it happens again, "
                      "tell the administrator.").format(error=type(exc).__name__)


def show_error(parent: QWidget | None, exc: BaseException) -> QMessageBox:
    """A window-modal warning that does not block the caller (no nested event loop)."""
    if parent is not None and not isValid(parent):  # the screen closed while the work ran
        parent = None
    box = QMessageBox(QMessageBox.Icon.Warning, QCoreApplication.translate("Operations", "Error"),
                      error_text(exc), QMessageBox.StandardButton.Ok, parent)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    if parent is None:
        _open_boxes.add(box)
        box.finished.connect(lambda _r: _open_boxes.discard(box))
    box.open()
    return box


def _shower(parent: QWidget | None, fn: Callable[..., Any]) -> Callable[[BaseException], None]:
    def show(exc: BaseException) -> None:
        log.error("operation %s failed: %s", getattr(fn, "__name__", "?"), type(exc).__name__)
        show_error(parent, exc)

    return show
