"""What a database backend provides to :class:`counter_app.store.Store` and the services.

The connection a backend opens behaves like ``sqlite3.Connection`` for what our code uses:
``execute(sql, params)`` with ``?`` placeholders, ``executemany``, rows that answer both
``row[0]`` and ``row["name"]``, ``in_transaction``, ``close()``. Inserts that need the new id
say ``RETURNING id`` (SQLite ≥ 3.35 and PostgreSQL both do), and upserts use ``ON CONFLICT``.
"""
from __future__ import annotations

from contextlib import AbstractContextManager
from pathlib import Path
from typing import Any, Protocol


class StoreError(Exception):
    """The database cannot be used as it is (too new, corrupt, locked, unreachable)."""


class ServerUnavailable(StoreError):
    """The office server went away (or a lock wait timed out); nothing of the transaction stayed.

    Defined here, not beside psycopg, so the screens can tell an outage (wait, keep the draft,
    retry) from other refusals without loading the PostgreSQL driver on a SQLite counter.
    ``reason`` is the server's or libpq's own last line, which the set-up wizard reads to say
    what is wrong (never a password: libpq does not echo it).
    """

    def __init__(self, message: str, reason: str = "") -> None:
        super().__init__(message)
        self.reason = reason


class Backend(Protocol):
    name: str  # "sqlite" or "postgresql"
    target: str | Path  # what was given to --db, without any secret
    label: str  # how messages name the database

    def connect(self) -> Any:
        """Open a connection in autocommit mode (transactions are begun explicitly)."""

    def is_broken(self, conn: Any) -> bool:
        """True when the connection was lost (the server went away) and must be reopened."""

    def begin_write(self, conn: Any) -> None:
        """Begin a write transaction holding the lock that serialises writers across processes."""

    def begin_read(self, conn: Any) -> None:
        """Begin a read transaction that sees one consistent snapshot."""

    def rollback(self, conn: Any) -> None:
        """Roll back, quietly when the connection is already gone."""

    def batch(self, conn: Any) -> AbstractContextManager[None]:
        """Send the statements inside without waiting for each answer (nothing to gain on a local file).

        Only code that fetches what it needs, and lets a failed statement fail the whole
        transaction, runs inside: an error surfaces at the next fetch, not at its statement.
        """

    def schema_version(self, conn: Any) -> int: ...

    def set_schema_version(self, conn: Any, version: int) -> None: ...

    def migration_connection(self, conn: Any) -> Any:
        """The connection schema steps write through (PostgreSQL translates SQLite's DDL)."""

    def search_clause(self) -> str:
        """SQL (one ``?``) selecting dossier ids whose folded name or address match the words."""

    def search_param(self, words: list[str]) -> str:
        """The parameter for :meth:`search_clause`: every word matches the start of a word."""

    def integrity_errors(self, conn: Any) -> list[str]: ...

    def try_office_lock(self, conn: Any, name: str) -> bool:
        """Take the office-wide lock ``name`` for this connection's session, without waiting."""

    def release_office_lock(self, conn: Any, name: str) -> None: ...
