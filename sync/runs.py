"""The log of sync runs shown in the sync section: counts and a short error, never personal data."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from counter_app import clock
from counter_app.store import Store


@dataclass(frozen=True)
class SyncRun:
    id: int
    started_at: datetime
    finished_at: datetime | None
    pushed: int
    pulled: int
    failed: int
    pending: int
    error: str


def recent_runs(store: Store, limit: int = 50) -> list[SyncRun]:
    with store.read() as conn:
        rows = conn.execute("SELECT * FROM sync_runs ORDER BY id DESC LIMIT ?", (limit,)).fetchall()
    return [
        SyncRun(id=row["id"], started_at=clock.from_db(row["started_at"]),  # type: ignore[arg-type]
                finished_at=clock.from_db(row["finished_at"]), pushed=row["pushed"], pulled=row["pulled"],
                failed=row["failed"], pending=row["pending"], error=row["error"])
        for row in rows
    ]
