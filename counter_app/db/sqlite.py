"""The embedded SQLite backend (one counter, one file): behaviour as before office mode.

WAL journal with ``synchronous=FULL``, so a transaction that returned is on disk; writers
serialise on ``BEGIN IMMEDIATE`` and wait up to the busy timeout; the schema version is
``PRAGMA user_version``; the search index is FTS5. The file is encrypted with SQLCipher when
it was created with a key (:mod:`counter_app.db.keys`); a plain file made before encryption
still opens (``check`` says it is not encrypted).
"""
from __future__ import annotations

from contextlib import AbstractContextManager, nullcontext
from pathlib import Path

from .. import safe_files
from . import keys as db_keys
from . import sqlite_driver
from .sqlite_driver import Connection

BUSY_TIMEOUT_MS = 15_000


class SqliteBackend:
    name = "sqlite"

    def __init__(self, path: Path, *, key: db_keys.Key | None = None) -> None:
        """``key``: the key of this very file (a backup being restored), instead of looking one up."""
        self.path = path
        self.target: str | Path = path
        self.label = str(path)
        self._given_key = key
        self.key: db_keys.Key | None = None  # the key that opened the file (None: a plain file)

    def connect(self) -> Connection:
        safe_files.private_dir(self.path.parent)
        new = sqlite_driver.is_new(self.path)
        safe_files.private_database_file(self.path)
        self.key = self._key(new)
        conn = sqlite_driver.connect(
            self.path,
            self.key.value if self.key else None,
            isolation_level=None,  # we issue BEGIN/COMMIT ourselves
            check_same_thread=False,  # guarded by Store's lock instead
            timeout=BUSY_TIMEOUT_MS / 1000,
        )
        try:
            conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        except BaseException:  # a damaged file: no connection left open on it (restore checks for those)
            conn.close()
            raise
        return conn

    def _key(self, new: bool) -> db_keys.Key | None:
        """The current key for a new file; for an existing one, the key that opens it (None: plain)."""
        found = [self._given_key] if self._given_key else db_keys.candidates(self.path)
        if new:
            return found[0] if found else None
        return fitting_key(self.path, found)

    def prepare(self, conn: Connection) -> None:
        """Settings applied once the version check passed (WAL mode writes to the file)."""
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = FULL")
        conn.execute("PRAGMA foreign_keys = ON")

    def is_broken(self, conn: Connection) -> bool:
        return False

    def begin_write(self, conn: Connection) -> None:
        conn.execute("BEGIN IMMEDIATE")  # the write lock up front: no two writers read the same sequence

    def begin_read(self, conn: Connection) -> None:
        conn.execute("BEGIN")

    def rollback(self, conn: Connection) -> None:
        conn.execute("ROLLBACK")

    def batch(self, conn: Connection) -> AbstractContextManager[None]:
        return nullcontext()  # no server to wait for: each statement runs as it is sent

    def schema_version(self, conn: Connection) -> int:
        return int(conn.execute("PRAGMA user_version").fetchone()[0])

    def set_schema_version(self, conn: Connection, version: int) -> None:
        conn.execute(f"PRAGMA user_version = {int(version)}")

    def migration_connection(self, conn: Connection) -> Connection:
        return conn

    def search_clause(self) -> str:
        return "SELECT rowid FROM dossier_search WHERE dossier_search MATCH ?"

    def search_param(self, words: list[str]) -> str:
        return " AND ".join(f'"{w}"*' for w in words)

    def try_office_lock(self, conn: Connection, name: str) -> bool:
        return True  # one counter per file: nobody to share with (writes still serialise)

    def release_office_lock(self, conn: Connection, name: str) -> None:
        return None

    def integrity_errors(self, conn: Connection) -> list[str]:
        errors = [r[0] for r in conn.execute("PRAGMA integrity_check") if r[0] != "ok"]
        for fk in conn.execute("PRAGMA foreign_key_check"):
            errors.append(f"foreign key: {fk[0]} row {fk[1]} -> {fk[2]}")
        return errors


def connect_file(path: Path, keys: list[db_keys.Key] | None = None, *, read_only: str = "",
                 **kwargs: object) -> Connection:
    """A connection to the SQLite file at ``path``, keyed when it is encrypted (tools and checks).

    ``keys``: those to try (default: the keys kept for ``path``). ``read_only``: ``"ro"`` opens
    read-only, ``"immutable"`` read-only without locks or -wal/-shm files (a backup nobody writes).
    """
    path = Path(path)
    keys = db_keys.candidates(path) if keys is None else keys
    if sqlite_driver.is_new(path):
        key = keys[0] if keys else None
    else:
        key = fitting_key(path, keys)
    if read_only:
        uri = path.resolve().as_uri() + ("?mode=ro&immutable=1" if read_only == "immutable" else "?mode=ro")
        return sqlite_driver.connect(uri, key.value if key else None, uri=True, **kwargs)
    return sqlite_driver.connect(path, key.value if key else None, **kwargs)


def fitting_key(path: Path, keys: list[db_keys.Key]) -> db_keys.Key | None:
    """None for a plain file; else the first of ``keys`` that opens it, or :class:`KeyUnavailable`.

    Only page 1 is read, through an immutable read-only URI: probing a backup leaves no
    -wal/-shm files beside it.
    """
    if sqlite_driver.is_plain(path) or not sqlite_driver.may_be_encrypted(path):
        return None  # plain, or no database at all: SQLite itself says which
    for key in keys:
        if _opens(path, key.value):
            return key
    if keys:
        reason = "none of the keys kept on this machine opens it (a wrong key, or the file is damaged)"
    else:
        reason = ("it is not an SQLite database (its header is missing or damaged), or it is encrypted"
                  " and its key is not on this machine")
    raise db_keys.KeyUnavailable(
        f"{path.name}: {reason}; an encrypted database opens with the key on the office's recovery sheet"
        f" (counter-app key import, or {db_keys.KEY_ENV})."
    )


def _opens(path: Path, key: str) -> bool:
    conn = sqlite_driver.connect(Path(path).resolve().as_uri() + "?mode=ro&immutable=1", key, uri=True)
    try:
        return sqlite_driver.key_fits(conn)
    except sqlite_driver.Error:
        return True  # the key fits, the file is damaged: the caller's own open says how
    finally:
        conn.close()


def rekey_file(path: Path, old: db_keys.Key | None, new: db_keys.Key | None) -> None:
    """Put the file at ``path`` (opened by ``old``; None: plain) under ``new``."""
    if new is None or (old is not None and old.value == new.value):
        return
    if old is None:
        _export_encrypted(path, new.value)
        return
    conn = sqlite_driver.connect(path, old.value, isolation_level=None)
    try:
        conn.execute(f"PRAGMA rekey = \"x'{db_keys.normalise(new.value)}'\"")
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        conn.close()


def _export_encrypted(path: Path, key: str) -> None:
    """A plain file → an encrypted copy under a temporary name → renamed over the original."""
    source = sqlite_driver.connect(path, None, isolation_level=None)
    try:
        version = int(source.execute("PRAGMA user_version").fetchone()[0])
        with safe_files.atomic_target(path) as temp:
            source.execute(f"ATTACH DATABASE ? AS encrypted {sqlite_driver.attach_clause(key)}", (str(temp),))
            source.execute("SELECT sqlcipher_export('encrypted')")
            source.execute(f"PRAGMA encrypted.user_version = {version}")
            source.execute("PRAGMA encrypted.journal_mode = WAL")
            source.execute("DETACH DATABASE encrypted")
            for suffix in safe_files.SQLITE_COMPANIONS:  # detached and closed: nothing may follow the copy
                Path(f"{temp}{suffix}").unlink(missing_ok=True)
    finally:
        source.close()  # the last connection: its WAL went into the plain file, which is now replaced
    for suffix in safe_files.SQLITE_COMPANIONS:
        Path(f"{path}{suffix}").unlink(missing_ok=True)
