"""What is waiting to reach the portal, and what the portal refused, as staff see it."""
from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from counter_app import audit, clock
from counter_app.dossiers import load_dossier
from counter_app.models import Actor, OutboxState, Role
from counter_app.office import installation_id, load_office_row
from counter_app.store import Store
from counter_app.users import require_role

from .mapping import dossier_record


@dataclass(frozen=True)
class OutboxItem:
    id: int
    dossier_code: str
    kind: str  # "dossier" or "progress"
    attempts: int
    last_error: str
    failed: bool  # refused by the portal
    next_attempt_at: datetime | None
    created_at: datetime
    portal_version: dict[str, Any] | None = None  # a conflict: the other dossier the portal holds under this code


def pending_count(store: Store) -> int:
    """Records still to send (not the ones the portal refused, nor conflicts)."""
    return _count(store, OutboxState.PENDING)


def failed_count(store: Store) -> int:
    """Records the portal refused, for staff to fix."""
    return _count(store, OutboxState.REFUSED)


def conflict_count(store: Store) -> int:
    """Records whose code the portal holds for another dossier: never sent until the dossier gets a new code."""
    return _count(store, OutboxState.CONFLICT)


def _count(store: Store, state: OutboxState) -> int:
    with store.read() as conn:
        return int(conn.execute("SELECT COUNT(*) FROM outbox WHERE failed = ?", (state,)).fetchone()[0])


def list_items(store: Store, *, failed: bool | None = None, limit: int = 500) -> list[OutboxItem]:
    """Conflicts first, then refused records, then the rest in sending order."""
    where = "" if failed is None else "WHERE o.failed = ?"
    params: tuple[object, ...] = () if failed is None else (int(failed),)
    with store.read() as conn:
        rows = conn.execute(
            "SELECT o.*, d.code FROM outbox o JOIN dossiers d ON d.id = o.dossier_id "
            f"{where} ORDER BY o.failed DESC, o.id LIMIT ?", (*params, limit),
        ).fetchall()
    return [
        OutboxItem(id=row["id"], dossier_code=row["code"], kind=row["kind"], attempts=row["attempts"],
                   last_error=row["last_error"], failed=row["failed"] == OutboxState.REFUSED,
                   next_attempt_at=clock.from_db(row["next_attempt_at"]),
                   created_at=clock.from_db(row["created_at"]),  # type: ignore[arg-type]
                   portal_version=json.loads(row["conflict"]) if row["failed"] == OutboxState.CONFLICT else None)
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
            cur = conn.execute(f"UPDATE outbox SET failed = 0, next_attempt_at = NULL WHERE failed = 1 AND id IN ({marks})",
                               ids)
        audit.append(conn, username=actor.username, action="sync.retry",
                     details={"records": "all" if ids is None else ids, "count": cur.rowcount})
        return cur.rowcount


# The fields staff compare to see that two different dossiers share a code (portal names, Vietnamese labels).
CONFLICT_FIELDS = (
    ("MaHoSo", "Mã hồ sơ"),
    ("ChuHoSo", "Người nộp / chủ hồ sơ"),
    ("MaDoiTuong", "Số định danh"),
    ("TenTTHC", "Thủ tục"),
    ("NgayTiepNhan", "Ngày tiếp nhận"),
    ("DonViXuLy", "Đơn vị xử lý"),
    ("SoBienNhan", "Số biên nhận"),
)


def conflict_versions(store: Store, dossier_code: str) -> tuple[dict[str, Any], dict[str, Any]]:
    """Our record of a conflicting dossier (as it would be sent) and the portal's record under its code."""
    with store.read() as conn:
        dossier = load_dossier(conn, dossier_code)
        row = conn.execute("SELECT conflict FROM outbox WHERE dossier_id = ? AND failed = ? ORDER BY id LIMIT 1",
                           (dossier.id, OutboxState.CONFLICT)).fetchone()
        office = load_office_row(conn)
        ours = dossier_record(dossier, office, installation_id(conn))  # type: ignore[arg-type]
    return ours, json.loads(row["conflict"]) if row else {}
