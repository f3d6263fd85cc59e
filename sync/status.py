"""Cheap facts for the status bar."""
from __future__ import annotations

from datetime import datetime

from counter_app import clock
from counter_app.store import Store


def last_success(store: Store) -> datetime | None:
    """When a sync run last finished without an error."""
    with store.read() as conn:
        row = conn.execute("SELECT MAX(finished_at) FROM sync_runs WHERE error = '' AND finished_at IS NOT NULL"
                           ).fetchone()
    return clock.from_db(row[0])
