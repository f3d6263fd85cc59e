"""The receive form's draft, kept in the database so that a crash loses at most a second.

The draft holds personal data (names, ID numbers), so it lives in the counter database
(the ``settings`` table, one key per user) and never in a log or a loose file. Writes are
debounced (about a second after the last edit) and run on the DB worker; each one is a
single SQLite transaction, which is atomic and durable (WAL, synchronous=FULL).
"""
from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QTimer

from counter_app import clock, office

from .context import AppContext

DRAFT_KEY = "receive_draft"
DEBOUNCE_MS = 1000


def draft_key(username: str) -> str:
    return f"{DRAFT_KEY}:{username}"


class DraftKeeper(QObject):
    """Saves ``collect()`` about a second after the last :meth:`touch`; loads and clears it."""

    def __init__(self, context: AppContext, collect: Callable[[], dict[str, Any]],
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.collect = collect
        self.key = draft_key(context.actor.username)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(DEBOUNCE_MS)
        self.timer.timeout.connect(self.save_now)
        self.saves = 0  # how many drafts reached the worker (for tests)
        # The database did not take the last draft (the office server was away): :meth:`retry`
        # writes it when the server is back, so the draft store catches up with the form.
        self.unsaved = False
        self.suspended = False  # while a draft is being restored or the form reset
        self._closing = False
        context.tasks.stopping.connect(self._flush_for_shutdown)

    def touch(self) -> None:
        if not self.suspended and not self._closing:
            self.timer.start()

    def flush(self) -> None:
        """Save a draft still waiting for its debounce (the clerk logs out or quits)."""
        if self.timer.isActive():
            self.save_now()

    def _flush_for_shutdown(self) -> None:
        """The app is quitting: save what waits, then never start the timer again."""
        self.flush()
        self._closing = True

    def save_now(self) -> None:
        self.timer.stop()
        payload = json.dumps({"saved_at": clock.to_db(clock.now()), "form": self.collect()}, ensure_ascii=False)
        store, key = self.context.store, self.key
        self.context.tasks.run_db(lambda: office.set_setting(store, key, payload), on_done=self._saved,
                                  on_error=self._not_saved)

    def _saved(self, _result: object) -> None:
        self.saves += 1
        self.unsaved = False

    def _not_saved(self, _exc: BaseException) -> None:
        self.unsaved = True

    def retry(self) -> None:
        """The database answers again: save the draft it did not take (the form still holds it)."""
        if self.unsaved and not self.timer.isActive() and not self._closing:
            self.save_now()

    def load(self, on_done: Callable[[dict[str, Any] | None], None]) -> None:
        """Ask the worker for the saved draft; ``on_done`` gets ``{"saved_at", "form"}`` or None."""
        store, key = self.context.store, self.key

        def read() -> dict[str, Any] | None:
            raw = office.get_setting(store, key)
            if not raw:
                return None
            try:
                value = json.loads(raw)
            except ValueError:
                return None
            return value if isinstance(value, dict) and value.get("form") else None

        self.context.tasks.run_db(read, on_done=on_done, on_error=lambda _exc: on_done(None))

    def clear(self) -> None:
        """Forget the draft (after a save, or when staff discard it)."""
        self.timer.stop()
        self.unsaved = False
        store, key = self.context.store, self.key
        self.context.tasks.run_db(lambda: office.set_setting(store, key, ""), on_done=lambda _r: None,
                                  on_error=lambda _exc: None)
