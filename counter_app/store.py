"""The one owner of the SQLite connection.

Thread rule: a :class:`Store` may be shared between threads, but every use goes through
:meth:`Store.read` or :meth:`Store.write`, which hold the store's lock; the UI gives all
database work to one worker thread anyway (see ``ui/tasks.py``). Several *processes* may
open the same file: writers serialise on ``BEGIN IMMEDIATE`` and wait up to the busy timeout.

Durability: WAL journal with ``synchronous=FULL``, so a transaction that returned is on disk
and a power cut at any instant loses nothing that was committed.
"""
from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import sqlite_utils

from . import migrations, safe_files

BUSY_TIMEOUT_MS = 15_000


class StoreError(Exception):
    """The database cannot be used as it is (too new, corrupt, locked)."""


class DatabaseTooNew(StoreError):
    def __init__(self, found: int, supported: int) -> None:
        super().__init__(
            f"This database uses schema version {found}, but this program only knows up to "
            f"version {supported}. Install a newer version of Quầy Một Cửa to open it."
        )
        self.found = found
        self.supported = supported


def _connect(path: Path | str) -> sqlite3.Connection:
    conn = sqlite3.connect(
        str(path),
        isolation_level=None,  # we issue BEGIN/COMMIT ourselves
        check_same_thread=False,  # guarded by Store's lock instead
        timeout=BUSY_TIMEOUT_MS / 1000,
    )
    try:
        conn.row_factory = sqlite3.Row
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        found = int(conn.execute("PRAGMA user_version").fetchone()[0])
        if found > migrations.SCHEMA_VERSION:  # refuse before anything (even WAL mode) touches the file
            raise DatabaseTooNew(found, migrations.SCHEMA_VERSION)
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = FULL")
        conn.execute("PRAGMA foreign_keys = ON")
    except BaseException:  # a damaged file: no connection left open on it (restore checks for those)
        conn.close()
        raise
    return conn


class Store:
    """An open counter database, migrated to the schema this code knows."""

    def __init__(self, path: Path | str) -> None:
        self.path = Path(path)
        safe_files.private_dir(self.path.parent)
        safe_files.private_database_file(self.path)
        self._lock = threading.RLock()
        self._savepoints = 0
        self.conn = _connect(self.path)
        try:
            self._migrate()
        except BaseException:
            self.conn.close()
            raise
        self.db = sqlite_utils.Database(self.conn)

    @property
    def schema_version(self) -> int:
        return int(self.conn.execute("PRAGMA user_version").fetchone()[0])

    def _migrate(self) -> None:
        found = self.schema_version
        supported = migrations.SCHEMA_VERSION
        if found == supported:
            return
        if found > 0:
            self.backup_to(self.path.with_name(f"{self.path.name}.before-v{supported}.bak"))
        for version in range(found + 1, supported + 1):
            with self.write() as conn:
                migrations.STEPS[version - 1](conn)
                conn.execute(f"PRAGMA user_version = {version}")

    @contextmanager
    def write(self) -> Iterator[sqlite3.Connection]:
        """One write transaction: everything inside commits together or not at all.

        ``BEGIN IMMEDIATE`` takes the write lock up front, so two processes allocating
        dossier codes never read the same sequence value. Called inside another ``write()``
        it becomes a savepoint, so a batch (an import) can be all-or-nothing.
        """
        with self._lock:
            if self.conn.in_transaction:  # nested: a savepoint inside the caller's transaction
                self._savepoints += 1
                name = f"nested_{self._savepoints}"
                self.conn.execute(f"SAVEPOINT {name}")
                try:
                    yield self.conn
                except BaseException:
                    self.conn.execute(f"ROLLBACK TO {name}")
                    self.conn.execute(f"RELEASE {name}")
                    raise
                else:
                    self.conn.execute(f"RELEASE {name}")
                return
            self.conn.execute("BEGIN IMMEDIATE")
            try:
                yield self.conn
            except BaseException:
                self.conn.execute("ROLLBACK")
                raise
            else:
                self.conn.execute("COMMIT")

    @contextmanager
    def read(self) -> Iterator[sqlite3.Connection]:
        """A consistent snapshot for several queries."""
        with self._lock:
            if self.conn.in_transaction:  # nested inside write(): reuse it
                yield self.conn
                return
            self.conn.execute("BEGIN")
            try:
                yield self.conn
            finally:
                self.conn.execute("COMMIT")

    def backup_to(self, target: Path | str) -> Path:
        """A consistent copy through SQLite's online backup API (safe while others write).

        Written owner-only under a temporary name, synced and renamed: a full disk or a kill
        never leaves a partial file under the backup's name.
        """
        target = Path(target)
        safe_files.private_dir(target.parent)
        with safe_files.atomic_target(target) as temp, self._lock:
            dest = sqlite3.connect(str(temp))
            try:
                self.conn.backup(dest)
            finally:
                dest.close()
        return target

    def integrity_errors(self) -> list[str]:
        """SQLite's own integrity and foreign-key checks; empty when all is well."""
        with self.read() as conn:
            rows = [r[0] for r in conn.execute("PRAGMA integrity_check")]
            errors = [r for r in rows if r != "ok"]
            for fk in conn.execute("PRAGMA foreign_key_check"):
                errors.append(f"foreign key: {fk[0]} row {fk[1]} -> {fk[2]}")
        return errors

    def close(self) -> None:
        with self._lock:
            self.conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
