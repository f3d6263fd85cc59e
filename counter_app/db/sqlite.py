"""The embedded SQLite backend (one counter, one file): behaviour as before office mode.

WAL journal with ``synchronous=FULL``, so a transaction that returned is on disk; writers
serialise on ``BEGIN IMMEDIATE`` and wait up to the busy timeout; the schema version is
``PRAGMA user_version``; the search index is FTS5.
"""
from __future__ import annotations

import sqlite3
from pathlib import Path

from .. import safe_files

BUSY_TIMEOUT_MS = 15_000


class SqliteBackend:
    name = "sqlite"

    def __init__(self, path: Path) -> None:
        self.path = path
        self.target: str | Path = path
        self.label = str(path)

    def connect(self) -> sqlite3.Connection:
        safe_files.private_dir(self.path.parent)
        safe_files.private_database_file(self.path)
        conn = sqlite3.connect(
            str(self.path),
            isolation_level=None,  # we issue BEGIN/COMMIT ourselves
            check_same_thread=False,  # guarded by Store's lock instead
            timeout=BUSY_TIMEOUT_MS / 1000,
        )
        try:
            conn.row_factory = sqlite3.Row
            conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        except BaseException:  # a damaged file: no connection left open on it (restore checks for those)
            conn.close()
            raise
        return conn

    def prepare(self, conn: sqlite3.Connection) -> None:
        """Settings applied once the version check passed (WAL mode writes to the file)."""
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = FULL")
        conn.execute("PRAGMA foreign_keys = ON")

    def is_broken(self, conn: sqlite3.Connection) -> bool:
        return False

    def begin_write(self, conn: sqlite3.Connection) -> None:
        conn.execute("BEGIN IMMEDIATE")  # the write lock up front: no two writers read the same sequence

    def begin_read(self, conn: sqlite3.Connection) -> None:
        conn.execute("BEGIN")

    def rollback(self, conn: sqlite3.Connection) -> None:
        conn.execute("ROLLBACK")

    def schema_version(self, conn: sqlite3.Connection) -> int:
        return int(conn.execute("PRAGMA user_version").fetchone()[0])

    def set_schema_version(self, conn: sqlite3.Connection, version: int) -> None:
        conn.execute(f"PRAGMA user_version = {int(version)}")

    def migration_connection(self, conn: sqlite3.Connection) -> sqlite3.Connection:
        return conn

    def search_clause(self) -> str:
        return "SELECT rowid FROM dossier_search WHERE dossier_search MATCH ?"

    def search_param(self, words: list[str]) -> str:
        return " AND ".join(f'"{w}"*' for w in words)

    def try_office_lock(self, conn: sqlite3.Connection, name: str) -> bool:
        return True  # one counter per file: nobody to share with (writes still serialise)

    def release_office_lock(self, conn: sqlite3.Connection, name: str) -> None:
        return None

    def integrity_errors(self, conn: sqlite3.Connection) -> list[str]:
        errors = [r[0] for r in conn.execute("PRAGMA integrity_check") if r[0] != "ok"]
        for fk in conn.execute("PRAGMA foreign_key_check"):
            errors.append(f"foreign key: {fk[0]} row {fk[1]} -> {fk[2]}")
        return errors
