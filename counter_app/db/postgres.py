"""The office backend: one PostgreSQL database shared by every counter of the office.

``--db postgresql://USER@HOST:PORT/DBNAME``; the password comes from the OS keyring (service
``quay-mot-cua-db``, the user name as account) or, for automation, ``COUNTER_DB_PASSWORD``
(read, never written). A password inside the URL is refused, so it never lands in shell
history or settings.

Write transactions take one transaction-scoped advisory lock, so writers serialise across
the office exactly as ``BEGIN IMMEDIATE`` serialises them on SQLite: the code and log-number
sequences stay gapless and unique, and the audit chain stays a chain. Readers never wait.
The schema version lives in a ``schema_version`` table; the schema steps are the SQLite ones,
with their DDL translated by :mod:`counter_app.db.pg_schema`.
"""
from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager
from functools import lru_cache
from typing import Any
from urllib.parse import unquote, urlsplit

import psycopg
from psycopg import pq

from .base import ServerUnavailable, StoreError
from .pg_schema import SEARCH_VECTOR, DdlConnection

KEYRING_SERVICE = "quay-mot-cua-db"
PASSWORD_ENV = "COUNTER_DB_PASSWORD"
WRITE_LOCK_KEY = 0x5155_4159_0001  # "QUAY" + 1: the office's writer lock
OFFICE_LOCKS = 0x5155_4159  # "QUAY": the key space of the named office-wide locks
LOCK_TIMEOUT = "15s"  # as long as SQLite's busy timeout
CONNECT_TIMEOUT_S = 5


@lru_cache(maxsize=2048)
def to_pyformat(sql: str) -> str:
    """Our ``?`` placeholders as psycopg's ``%s`` (a literal ``%`` doubled; ``?`` in quotes kept)."""
    out: list[str] = []
    quoted = False
    for ch in sql:
        if ch == "'":
            quoted = not quoted
        if ch == "%":
            out.append("%%")
        elif ch == "?" and not quoted:
            out.append("%s")
        else:
            out.append(ch)
    return "".join(out)


class Row:
    """A result row answering ``row[0]`` and ``row["name"]``, like ``sqlite3.Row``."""

    __slots__ = ("_index", "_values")

    def __init__(self, values: tuple[Any, ...], index: dict[str, int]) -> None:
        self._values = values
        self._index = index

    def __getitem__(self, key: int | str) -> Any:
        return self._values[self._index[key]] if isinstance(key, str) else self._values[key]

    def __iter__(self):  # type: ignore[no-untyped-def]
        return iter(self._values)

    def __len__(self) -> int:
        return len(self._values)

    def keys(self) -> list[str]:
        return list(self._index)

    def __repr__(self) -> str:
        return f"Row{self._values!r}"


def _row_factory(cursor: psycopg.Cursor[Any]) -> Any:
    index = {column.name: i for i, column in reversed(list(enumerate(cursor.description or ())))}
    return lambda values: Row(tuple(values), index)


_IN_TRANSACTION = (pq.TransactionStatus.INTRANS, pq.TransactionStatus.INERROR, pq.TransactionStatus.ACTIVE)


class PgConnection:
    """A psycopg connection with the ``sqlite3.Connection`` surface our SQL uses.

    A lost server surfaces as :class:`ServerUnavailable` (a :class:`StoreError`), which the
    command line and the app report in one line; the store reconnects on its next use.
    """

    dialect = "postgresql"

    def __init__(self, raw: psycopg.Connection[Any], label: str) -> None:
        self.raw = raw
        self.label = label
        self._batching = False

    def execute(self, sql: str, params: Any = ()) -> psycopg.Cursor[Any]:
        try:
            if not params:
                return self.raw.execute(sql)  # type: ignore[arg-type]  # no params: sent verbatim
            return self.raw.execute(to_pyformat(sql), params)  # type: ignore[arg-type]
        except psycopg.OperationalError as exc:
            raise self._unavailable(exc) from None

    def executemany(self, sql: str, seq: Any) -> psycopg.Cursor[Any]:
        cursor = self.raw.cursor()
        try:
            cursor.executemany(to_pyformat(sql), list(seq))  # type: ignore[arg-type]
        except psycopg.OperationalError as exc:
            raise self._unavailable(exc) from None
        return cursor

    @contextmanager
    def batch(self) -> Iterator[None]:
        """psycopg's pipeline mode: statements go out at once, and a fetch waits for all sent before it.

        A round trip to the server costs more than most of our statements, so a receive that
        sends its inserts before it fetches the next id it needs pays one wait for them all.
        A lost server or a lock timeout met at a fetch, or at the end where the last answers
        are read, is a :class:`ServerUnavailable` as anywhere else.
        """
        self._batching = True
        try:
            with self.raw.pipeline():
                yield
        except psycopg.OperationalError as exc:
            raise self._unavailable(exc) from None
        finally:
            self._batching = False

    def _unavailable(self, exc: psycopg.OperationalError) -> ServerUnavailable:
        return ServerUnavailable(f"The office database {self.label} did not answer: {_reason(exc)}", _whole(exc))

    @property
    def in_transaction(self) -> bool:
        """False on a lost connection too (status UNKNOWN), so the store reopens it.

        True throughout a batch: its BEGIN may not have been answered yet, and a nested
        ``Store.read()`` must not begin (and commit) a transaction of its own.
        """
        return self._batching or self.raw.info.transaction_status in _IN_TRANSACTION

    def close(self) -> None:
        self.raw.close()


def _reason(exc: Exception) -> str:
    """The server's last line (never the password: libpq does not echo it)."""
    lines = str(exc).strip().splitlines()
    return lines[-1] if lines else type(exc).__name__


def _whole(exc: Exception) -> str:
    """libpq's whole message on one line ("connection refused" is not on its last line)."""
    return " ".join(str(exc).split())


def _password(user: str) -> str | None:
    secret = os.environ.get(PASSWORD_ENV)
    if secret:
        return secret
    try:
        import keyring
        from keyring.errors import KeyringError

        return keyring.get_password(KEYRING_SERVICE, user)
    except (ImportError, KeyringError):  # no backend on this machine: libpq may still use ~/.pgpass
        return None


class PostgresBackend:
    name = "postgresql"

    def __init__(self, url: str, *, password: str | None = None) -> None:
        """``password``: one typed just now (the set-up wizard's connection test), else keyring or environment."""
        parts = urlsplit(url)
        if parts.password is not None:
            raise StoreError(
                "Do not put the database password in --db: store it in the OS keyring (service"
                f" '{KEYRING_SERVICE}') or pass it in {PASSWORD_ENV}."
            )
        dbname = unquote(parts.path.lstrip("/"))
        if not parts.hostname or not parts.username or not dbname or "/" in dbname:
            raise StoreError(f"--db {url!r}: write it as postgresql://USER@HOST:PORT/DBNAME.")
        try:
            port = parts.port or 5432
        except ValueError:
            raise StoreError(f"--db {url!r}: the port must be a number.") from None
        self.user = unquote(parts.username)
        self.host = parts.hostname
        self.port = port
        self.dbname = dbname
        self.target: str = f"postgresql://{parts.username}@{parts.netloc.split('@', 1)[1]}/{parts.path.lstrip('/')}"
        self.label = f"{self.user}@{self.host}:{self.port}/{self.dbname}"
        self._typed_password = password

    def conninfo(self) -> dict[str, Any]:
        """Keyword arguments for libpq (also used to run pg_dump / pg_restore)."""
        info: dict[str, Any] = {"host": self.host, "port": self.port, "dbname": self.dbname, "user": self.user}
        password = self._typed_password or _password(self.user)
        if password:
            info["password"] = password
        return info

    def connect(self) -> PgConnection:
        try:
            raw = psycopg.connect(
                **self.conninfo(), autocommit=True, connect_timeout=CONNECT_TIMEOUT_S,
                application_name="quay-mot-cua", options=f"-c lock_timeout={LOCK_TIMEOUT}",
            )
        except psycopg.OperationalError as exc:
            raise ServerUnavailable(f"Cannot open the office database {self.label}: {_reason(exc)}",
                                    _whole(exc)) from None
        raw.row_factory = _row_factory  # type: ignore[assignment]
        return PgConnection(raw, self.label)

    def prepare(self, conn: PgConnection) -> None:
        if self.schema_version(conn) == 0 and conn.execute(
            "SELECT 1 FROM pg_tables WHERE schemaname = current_schema() LIMIT 1"
        ).fetchone():
            raise StoreError(
                f"The database {self.label} already holds other tables: create an empty database"
                " for Quầy Một Cửa (see README, 'An office with several counters')."
            )

    def is_broken(self, conn: PgConnection) -> bool:
        return bool(conn.raw.closed or conn.raw.broken)

    def begin_write(self, conn: PgConnection) -> None:
        conn.execute("BEGIN")
        conn.execute("SELECT pg_advisory_xact_lock(?)", (WRITE_LOCK_KEY,))

    def begin_read(self, conn: PgConnection) -> None:
        conn.execute("BEGIN ISOLATION LEVEL REPEATABLE READ")

    def rollback(self, conn: PgConnection) -> None:
        if not self.is_broken(conn):
            conn.execute("ROLLBACK")

    def batch(self, conn: PgConnection) -> AbstractContextManager[None]:
        return conn.batch()

    def schema_version(self, conn: PgConnection) -> int:
        if conn.execute("SELECT to_regclass('schema_version')").fetchone()[0] is None:
            return 0
        row = conn.execute("SELECT version FROM schema_version WHERE id = 1").fetchone()
        return int(row[0]) if row else 0

    def set_schema_version(self, conn: PgConnection, version: int) -> None:
        conn.execute("CREATE TABLE IF NOT EXISTS schema_version (id INTEGER PRIMARY KEY CHECK (id = 1),"
                     " version INTEGER NOT NULL)")
        conn.execute("INSERT INTO schema_version (id, version) VALUES (1, ?)"
                     " ON CONFLICT (id) DO UPDATE SET version = excluded.version", (version,))

    def migration_connection(self, conn: PgConnection) -> DdlConnection:
        return DdlConnection(conn)

    def search_clause(self) -> str:
        return f"SELECT rowid FROM dossier_search WHERE {SEARCH_VECTOR} @@ to_tsquery('simple', ?)"

    def search_param(self, words: list[str]) -> str:
        return " & ".join(f"{w}:*" for w in words)

    def integrity_errors(self, conn: PgConnection) -> list[str]:
        return []  # the server enforces keys and checks pages itself

    def try_office_lock(self, conn: PgConnection, name: str) -> bool:
        """A session advisory lock: released on unlock, or by the server when the counter dies."""
        return bool(conn.execute("SELECT pg_try_advisory_lock(?::integer, hashtext(?))", (OFFICE_LOCKS, name)).fetchone()[0])

    def release_office_lock(self, conn: PgConnection, name: str) -> None:
        if not self.is_broken(conn):
            conn.execute("SELECT pg_advisory_unlock(?::integer, hashtext(?))", (OFFICE_LOCKS, name))
