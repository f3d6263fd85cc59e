"""Append-only audit log, each record chained to the previous one by SHA-256.

The hash covers the record's id, so an edited, deleted or reordered record breaks the chain
at that place, and :func:`verify_chain` names it. Triggers refuse UPDATE and DELETE; the chain
catches whoever goes around them (a tool editing the file directly).
"""
from __future__ import annotations

import hashlib
import json
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from datetime import datetime

from . import clock

GENESIS = "0" * 64
_origin: ContextVar[dict[str, str] | None] = ContextVar("audit_origin", default=None)


@contextmanager
def recorded_from(**origin: str) -> Iterator[None]:
    """Add ``origin`` (e.g. the channel and the OS account) to every record appended meanwhile.

    The command line authenticates a user by password, but the same password may be typed by
    anyone at that machine: recording the operating-system account next to every record it
    writes (through whichever service writes it) tells an auditor who was at the keyboard. A
    context variable keeps each service's signature free of it and is local to this thread.
    """
    token = _origin.set(dict(origin))
    try:
        yield
    finally:
        _origin.reset(token)


def _digest(prev_hash: str, record_id: int, at: str, username: str, action: str,
            entity: str, entity_id: str, details: str) -> str:
    payload = json.dumps(
        [prev_hash, record_id, at, username, action, entity, entity_id, details],
        ensure_ascii=False,
        separators=(",", ":"),
    )
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def append(
    conn: sqlite3.Connection,
    *,
    username: str,
    action: str,
    entity: str = "",
    entity_id: str = "",
    details: dict | None = None,
    at: datetime | None = None,
) -> int:
    """Add one record inside the caller's transaction. Never put personal data in ``details``."""
    last = conn.execute("SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1").fetchone()
    prev_hash = last["hash"] if last else GENESIS
    record_id = (last["id"] + 1) if last else 1
    stamp = clock.to_db(at or clock.now())
    origin = _origin.get()
    details = {**(details or {}), "origin": origin} if origin else (details or {})
    details_json = json.dumps(details, ensure_ascii=False, sort_keys=True)
    digest = _digest(prev_hash, record_id, stamp, username, action, entity, entity_id, details_json)
    conn.execute(
        "INSERT INTO audit_log (id, at, username, action, entity, entity_id, details, prev_hash, hash)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (record_id, stamp, username, action, entity, entity_id, details_json, prev_hash, digest),
    )
    return record_id


@dataclass(frozen=True)
class ChainBreak:
    record_id: int
    reason: str

    def __str__(self) -> str:
        return f"audit record {self.record_id}: {self.reason}"


def verify_chain(conn: sqlite3.Connection) -> ChainBreak | None:
    """The first record where the chain breaks, or None when the whole log is intact."""
    prev_hash = GENESIS
    expected_id = 1
    for row in conn.execute("SELECT * FROM audit_log ORDER BY id"):
        if row["id"] != expected_id:
            return ChainBreak(expected_id, f"missing (next record found is {row['id']})")
        if row["prev_hash"] != prev_hash:
            return ChainBreak(row["id"], "does not follow the previous record (deleted or reordered)")
        digest = _digest(prev_hash, row["id"], row["at"], row["username"], row["action"],
                         row["entity"], row["entity_id"], row["details"])
        if digest != row["hash"]:
            return ChainBreak(row["id"], "content was changed after it was written")
        prev_hash = row["hash"]
        expected_id += 1
    return None
