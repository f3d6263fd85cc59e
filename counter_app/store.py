"""The one owner of the database connection (SQLite file, or the office's PostgreSQL).

Thread rule: a :class:`Store` may be shared between threads, but every use goes through
:meth:`Store.read` or :meth:`Store.write`, which hold the store's lock; the UI gives all
database work to one worker thread anyway (see ``ui/tasks.py``). Lists, searches and reports
read through :meth:`Store.snapshot` instead: a second connection with its own lock, so a save
never queues behind a long list query (WAL lets a reader and a writer work at once on SQLite;
PostgreSQL readers never wait). Several *processes* may
open the same database: writers serialise (``BEGIN IMMEDIATE`` on SQLite, an advisory lock
on PostgreSQL, see :mod:`counter_app.db`) and wait up to the lock timeout.

Durability: on SQLite a WAL journal with ``synchronous=FULL``, so a transaction that
returned is on disk and a power cut at any instant loses nothing that was committed.
"""
from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager, nullcontext
from pathlib import Path
from typing import Any, BinaryIO

from . import migrations, safe_files
from .db import Key, StoreError, backend_for, sqlite_driver
from .db.sqlite_driver import Connection


class DatabaseTooNew(StoreError):
    def __init__(self, found: int, supported: int) -> None:
        super().__init__(
            f"This database uses schema version {found}, but this program only knows up to "
            f"version {supported}. Install a newer version of Quầy Một Cửa to open it."
        )
        self.found = found
        self.supported = supported


class Store:
    """An open counter database, migrated to the schema this code knows."""

    def __init__(self, target: Path | str, *, key: Key | None = None) -> None:
        """``target``: a file path (SQLite) or ``postgresql://USER@HOST:PORT/DBNAME``.

        ``key`` opens an encrypted file with that key rather than the one kept for its path.
        """
        self.backend = backend_for(target, key=key)
        self.target = self.backend.target  # what another process or thread opens for the same data
        self.path = Path(target) if self.backend.name == "sqlite" else None
        self._lock = threading.RLock()
        # This counter's number in a shared office database (see counter_app.counter_numbers),
        # set by whoever opened the store; None: the office profile's number.
        self.counter_no: int | None = None
        self._savepoints = 0
        self._writer: int | None = None  # the thread inside write(), whose snapshot must see its changes
        self._snapshot_lock = threading.Lock()
        self._snapshot_conn: Any = None  # opened on first use
        self.conn = self.backend.connect()
        try:
            found = self.backend.schema_version(self.conn)
            if found > migrations.SCHEMA_VERSION:  # refuse before anything (even WAL mode) touches it
                raise DatabaseTooNew(found, migrations.SCHEMA_VERSION)
            self.backend.prepare(self.conn)
            self._migrate()
        except BaseException:
            self.conn.close()
            raise

    @property
    def key(self) -> Key | None:
        """The key that opened this SQLite file (None: a plain file, or the office server)."""
        return getattr(self.backend, "key", None)

    @property
    def schema_version(self) -> int:
        with self._lock:
            return self.backend.schema_version(self.conn)

    def _migrate(self) -> None:
        found = self.schema_version
        supported = migrations.SCHEMA_VERSION
        if found == supported:
            return
        if found > 0 and self.path is not None:
            self.backup_to(self.path.with_name(f"{self.path.name}.before-v{supported}.bak"))
        for version in range(found + 1, supported + 1):
            with self.write() as conn:
                if self.backend.schema_version(conn) >= version:
                    continue  # another counter of the office ran this step meanwhile
                migrations.STEPS[version - 1](self.backend.migration_connection(conn))
                self.backend.set_schema_version(conn, version)

    @contextmanager
    def write(self, *, batched: bool = False) -> Iterator[Connection]:
        """One write transaction: everything inside commits together or not at all.

        The backend takes the write lock up front (``BEGIN IMMEDIATE``, or the office's advisory
        lock), so two processes allocating dossier codes never read the same sequence value. Called inside another ``write()``
        it becomes a savepoint, so a batch (an import) can be all-or-nothing.

        ``batched``: on the office server, send statements without waiting for each answer
        (see :meth:`Backend.batch`), so the lock is held for fewer round trips; for callers
        that fetch only what they need next and never catch a database error inside.
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
            self._reopen_if_lost()
            self._writer = threading.get_ident()
            try:
                with self._batch(batched):
                    self.backend.begin_write(self.conn)
                    yield self.conn
                    self.conn.execute("COMMIT")
            except BaseException:
                self._roll_back()
                raise
            finally:
                self._writer = None

    @contextmanager
    def read(self, *, batched: bool = False) -> Iterator[Connection]:
        """A consistent snapshot for several queries (``batched``: as for :meth:`write`)."""
        with self._lock:
            if self.conn.in_transaction:  # nested inside write(): reuse it
                yield self.conn
                return
            self._reopen_if_lost()
            try:
                with self._batch(batched):
                    self.backend.begin_read(self.conn)
                    yield self.conn
                    self.conn.execute("COMMIT")
            except BaseException:
                self._roll_back()
                raise

    def _batch(self, batched: bool) -> AbstractContextManager[None]:
        return self.backend.batch(self.conn) if batched else nullcontext()

    def _roll_back(self) -> None:
        """After a failure inside a transaction, or in its COMMIT; a batch's answers are all read by now.

        Not when the transaction is already gone (SQLite ends it on some errors, a failed COMMIT
        ends it on PostgreSQL): a ROLLBACK then would hide the error that matters.
        """
        if self.conn.in_transaction:
            self.backend.rollback(self.conn)

    @contextmanager
    def snapshot(self) -> Iterator[Any]:
        """A consistent snapshot on the read connection, for lists, searches and reports.

        It never holds the store's lock, so a save on another thread goes ahead while a long
        list query runs (the receive form must not wait for the dossier list). Inside this
        thread's own ``write()`` it reads through the writing connection, which sees the
        transaction's changes.
        """
        if self._writer == threading.get_ident():
            with self.read() as conn:
                yield conn
            return
        with self._snapshot_lock:
            conn = self._snapshot_conn
            if conn is None or self.backend.is_broken(conn):
                conn = self._snapshot_conn = self.backend.connect()
            self.backend.begin_read(conn)
            try:
                yield conn
            except BaseException:
                self.backend.rollback(conn)
                raise
            else:
                conn.execute("COMMIT")

    def _reopen_if_lost(self) -> None:
        """After the office server went away and came back, carry on with a new connection."""
        if self.backend.is_broken(self.conn):
            self.conn = self.backend.connect()

    @contextmanager
    def office_lock(self, name: str) -> Iterator[bool]:
        """Yields whether this process holds the office-wide lock ``name`` (never waits).

        On PostgreSQL exactly one process of the office holds it at a time, whichever counter
        that is; the server frees it if that process dies. On SQLite it is always granted.
        """
        with self._lock:
            self._reopen_if_lost()
            granted = self.backend.try_office_lock(self.conn, name)
        try:
            yield granted
        finally:
            if granted:
                with self._lock:
                    self.backend.release_office_lock(self.conn, name)

    def backup_to(self, target: Path | str) -> Path:
        """A consistent copy through SQLite's online backup API (safe while others write).

        Encrypted with the database's own key (so the recovery sheet opens every backup), and
        written owner-only under a temporary name, synced and renamed: a full disk or a kill
        never leaves a partial file under the backup's name.
        """
        target = Path(target)
        safe_files.private_dir(target.parent)
        with safe_files.atomic_target(target) as temp, self._lock:
            dest = sqlite_driver.connect(temp, self.key.value if self.key else None)
            try:
                self.conn.backup(dest)
            finally:
                dest.close()
        return target

    @contextmanager
    def frozen_file(self, *, attempts: int = 20) -> Iterator[tuple[BinaryIO, int] | None]:
        """The SQLite file itself, open for reading and unchanging until the block ends, with its page size.

        For a backup that copies pages as they lie on the disk (:mod:`counter_app.backup_pages`).
        In WAL mode the main file changes only when a checkpoint copies pages into it, and no
        checkpoint may touch it while a reader that began on an empty WAL still reads (that
        reader holds read mark 0, which every checkpoint must take before it writes). So: check-
        point everything, begin a read on a connection of our own, and see that the WAL is still
        empty: from then until the read ends, the file *is* that snapshot, and writers carry on
        in the WAL. Yields None when other readers keep the WAL from emptying ``attempts`` times
        (the caller then copies another way).
        """
        wal = Path(f"{self.path}-wal")
        reader = self.backend.connect()
        try:
            for attempt in range(attempts):
                with self._lock:
                    busy = self.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()[0]
                reader.execute("BEGIN")
                page_size = reader.execute("PRAGMA page_size").fetchone()[0]
                reader.execute("SELECT count(*) FROM sqlite_master").fetchone()  # the read begins here
                if not busy and (not wal.exists() or wal.stat().st_size == 0):
                    try:
                        with open(self.path, "rb") as file:
                            yield file, int(page_size)
                    finally:
                        reader.execute("COMMIT")
                    return
                reader.execute("COMMIT")
                time.sleep(0.01 * (attempt + 1))  # a reader of this or another process is finishing
            yield None
        finally:
            reader.close()

    def integrity_errors(self) -> list[str]:
        """The database's own integrity and foreign-key checks; empty when all is well."""
        with self.read() as conn:
            return self.backend.integrity_errors(conn)

    def close(self) -> None:
        with self._snapshot_lock:
            if self._snapshot_conn is not None:
                self._snapshot_conn.close()
                self._snapshot_conn = None
        with self._lock:
            self.conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
