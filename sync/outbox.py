"""What is waiting to reach the portal, and what the portal refused, as staff see it."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from counter_app import audit, clock
from counter_app.models import Actor, Role
from counter_app.store import Store
from counter_app.users import require_role


@dataclass(frozen=True)
class OutboxItem:
    id: int
    dossier_code: str
    kind: str  # "dossier" or "progress"
    attempts: int
    last_error: str
    failed: bool
    next_attempt_at: datetime | None
    created_at: datetime


def pending_count(store: Store) -> int:
    """Records still to send (not the ones the portal refused)."""
    with store.read() as conn:
        return int(conn.execute("SELECT COUNT(*) FROM outbox WHERE failed = 0").fetchone()[0])


def failed_count(store: Store) -> int:
    with store.read() as conn:
        return int(conn.execute("SELECT COUNT(*) FROM outbox WHERE failed = 1").fetchone()[0])


def list_items(store: Store, *, failed: bool | None = None, limit: int = 500) -> list[OutboxItem]:
    """Refused records first, then the rest in sending order."""
    where = "" if failed is None else "WHERE o.failed = ?"
    params: tuple[object, ...] = () if failed is None else (int(failed),)
    with store.read() as conn:
        rows = conn.execute(
            "SELECT o.*, d.code FROM outbox o JOIN dossiers d ON d.id = o.dossier_id "
            f"{where} ORDER BY o.failed DESC, o.id LIMIT ?", (*params, limit),
        ).fetchall()
    return [
        OutboxItem(id=row["id"], dossier_code=row["code"], kind=row["kind"], attempts=row["attempts"],
                   last_error=row["last_error"], failed=bool(row["failed"]),
                   next_attempt_at=clock.from_db(row["next_attempt_at"]),
                   created_at=clock.from_db(row["created_at"]))  # type: ignore[arg-type]
        for row in rows
    ]


def retry(store: Store, actor: Actor, ids: list[int] | None = None) -> int:
    """Put refused records (``None``: all of them) back in the queue for the next run."""
    with store.write() as conn:
        require_role(actor, Role.STAFF)
        if ids is None:
            cur = conn.execute("UPDATE outbox SET failed = 0, next_attempt_at = NULL WHERE failed = 1")
        else:
            marks = ",".join("?" * len(ids))
            cur = conn.execute(f"UPDATE outbox SET failed = 0, next_attempt_at = NULL WHERE id IN ({marks})", ids)
        audit.append(conn, username=actor.username, action="sync.retry",
                     details={"records": "all" if ids is None else ids, "count": cur.rowcount})
        return cur.rowcount
