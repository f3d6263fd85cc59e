"""Append-only audit log, each record chained to the previous one by SHA-256.

The hash covers the record's id, so an edited, deleted or reordered record breaks the chain
at that place, and :func:`verify_chain` names it. Triggers refuse UPDATE and DELETE; the chain
catches whoever goes around them (a tool editing the file directly).

Whoever holds the file can still rewrite the whole chain (erase records, renumber, rehash,
recreate the triggers) and it verifies again. So the chain's head is written down where the file's
holder cannot reach it — on the supervisor's signed daily log, and sent to the portal — as an
:class:`Anchor`, and :func:`verify_to_anchor` checks the chain against such a copy.
"""
from __future__ import annotations

import getpass
import hashlib
import json
import re
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from datetime import datetime

from . import clock

GENESIS = "0" * 64
_NO_LIMIT = 2**63 - 1  # the largest SQLite integer
_origin: ContextVar[dict[str, str] | None] = ContextVar("audit_origin", default=None)
_process_origin: dict[str, str] | None = None


def os_account() -> str:
    """The operating-system account running this process ("?" when the system cannot say)."""
    try:
        return getpass.getuser()
    except (KeyError, ImportError, OSError):  # no login name in the environment and no passwd entry
        return "?"


def set_process_origin(**origin: str) -> None:
    """The origin of records any thread of this process writes without one of its own (empty: none).

    The GUI writes from its worker threads, which a context variable set on the GUI thread does
    not reach; it states its origin once for the process (``via="gui"`` and the OS account).
    """
    global _process_origin
    _process_origin = dict(origin) or None


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
    origin = _origin.get() or _process_origin
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
    record_id: int | None  # None when the anchor's hash is nowhere in the log
    reason: str

    def __str__(self) -> str:
        return f"audit record {self.record_id}: {self.reason}" if self.record_id else f"audit log: {self.reason}"


def verify_chain(conn: sqlite3.Connection, *, up_to: int | None = None) -> ChainBreak | None:
    """The first record where the chain breaks, or None when the log (up to record ``up_to``) is intact."""
    prev_hash = GENESIS
    expected_id = 1
    rows = conn.execute("SELECT * FROM audit_log WHERE id <= ? ORDER BY id", (_NO_LIMIT if up_to is None else up_to,))
    for row in rows:
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


@dataclass(frozen=True)
class Anchor:
    """A record number and its hash (or the hash's first characters), copied out of the database.

    Paper carries :attr:`short` (12 hex digits, 48 bits): forging a different chain whose record
    N hashes to the same 12 digits takes about 2^48 SHA-256 attempts, far beyond the office's
    means in the time before the next printed log; the portal gets the full hash.
    """

    record_id: int | None  # None when only the hash was written down
    hash: str

    SHORT = 12

    @property
    def short(self) -> str:
        return self.hash[:self.SHORT]

    def __str__(self) -> str:
        return f"{self.record_id}:{self.short}" if self.record_id else self.short

    @classmethod
    def parse(cls, text: str) -> Anchor:
        """``N:HASH`` or ``HASH``, the hash at least :attr:`SHORT` hex digits (any case)."""
        match = re.fullmatch(rf"\s*(?:(\d{{1,18}}):)?([0-9a-fA-F]{{{cls.SHORT},64}})\s*", text)
        if not match or (match.group(1) and int(match.group(1)) < 1):
            raise ValueError(f"an anchor is N:HASH or HASH with at least {cls.SHORT} hex digits,"
                             f" as printed on the daily log (got '{text.strip()[:80]}')")
        return cls(int(match.group(1)) if match.group(1) else None, match.group(2).lower())


def chain_head(conn: sqlite3.Connection) -> Anchor | None:
    """The last record's number and full hash; None while the log is empty."""
    row = conn.execute("SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1").fetchone()
    return Anchor(row["id"], row["hash"]) if row else None


def verify_to_anchor(conn: sqlite3.Connection, anchor: Anchor) -> ChainBreak | None:
    """Whether the log still holds ``anchor``'s record with its hash, and hashes correctly up to it.

    A chain rewritten after the anchor was copied fails here even when :func:`verify_chain` passes:
    its record N has another hash (or no record has the anchor's hash).
    """
    record_id = anchor.record_id
    if record_id is None:
        found = conn.execute("SELECT id FROM audit_log WHERE substr(hash, 1, ?) = ? ORDER BY id LIMIT 1",
                             (len(anchor.hash), anchor.hash)).fetchone()
        if found is None:
            return ChainBreak(None, f"no record has the anchor's hash {anchor.short}"
                                    " (the log was rewritten after the anchor was taken)")
        record_id = found["id"]
    broken = verify_chain(conn, up_to=record_id)
    if broken:
        return broken
    row = conn.execute("SELECT hash FROM audit_log WHERE id = ?", (record_id,)).fetchone()
    if row is None:
        return ChainBreak(record_id, f"missing: the log no longer reaches the anchor {anchor}"
                                     " (it was rewritten after the anchor was taken)")
    if not row["hash"].startswith(anchor.hash):
        return ChainBreak(record_id, f"hash {row['hash'][:len(anchor.hash)]} differs from the anchor {anchor}"
                                     " (the log was rewritten after the anchor was taken)")
    return None
