"""What every state change writes besides itself: its status event, audit record and outbox row.

Kept in one place so that no service can forget one of the three; callers run it inside the
same write transaction as the change.
"""
from __future__ import annotations

import json
import sqlite3
from datetime import datetime
from typing import Any

from .. import audit, clock
from ..models import Actor
from ..states import PORTAL_CODE, Action, Status


def queue_dossier_record(conn: sqlite3.Connection, dossier_id: int, at: datetime) -> None:
    """Queue the dossier's whole record for the portal again, built from what it holds when it goes.

    For changes that are no status change (a correction, a withdrawn electronic copy): always a
    new row, even with one queued already, since a row being sent right now may have been built
    before this change and is deleted once the portal confirms it.
    """
    conn.execute("INSERT INTO outbox (dossier_id, kind, created_at) VALUES (?, 'dossier', ?)",
                 (dossier_id, clock.to_db(at)))


def record_change(
    conn: sqlite3.Connection,
    *,
    dossier_id: int,
    code: str,
    action: Action,
    from_status: Status | None,
    to_status: Status,
    actor: Actor | None,
    at: datetime,
    note: str = "",
    data: dict[str, Any] | None = None,
    source: str = "counter",
    outbox: bool = True,
) -> int:
    """Write the event, its audit record and (unless it came from the portal) its outbox row."""
    stamp = clock.to_db(at)
    cur = conn.execute(
        "INSERT INTO status_events (dossier_id, at, action, from_status, to_status, portal_code, user_id,"
        " source, note, data) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
        (
            dossier_id, stamp, action.value, from_status.value if from_status else None, to_status.value,
            PORTAL_CODE[to_status], actor.user_id if actor else None, source, note,
            json.dumps(data or {}, ensure_ascii=False, default=str),
        ),
    )
    event_id = int(cur.fetchone()[0])
    conn.execute("UPDATE dossiers SET updated_at = ? WHERE id = ?", (stamp, dossier_id))
    audit.append(
        conn,
        username=actor.username if actor else source,
        action=f"dossier.{action.value}",
        entity="dossier",
        entity_id=code,
        details={"from": from_status.value if from_status else None, "to": to_status.value, "event": event_id},
        at=at,
    )
    if outbox:
        if action is Action.RECEIVE:
            conn.execute(
                "INSERT INTO outbox (dossier_id, kind, event_id, created_at) VALUES (?, 'dossier', ?, ?)",
                (dossier_id, event_id, stamp),
            )
        conn.execute(
            "INSERT INTO outbox (dossier_id, kind, event_id, created_at) VALUES (?, 'progress', ?, ?)",
            (dossier_id, event_id, stamp),
        )
    return event_id
