"""The one way this program opens an SQLite file: SQLCipher's build of SQLite, keyed or plain.

``sqlcipher3`` bundles SQLite 3.53 with SQLCipher 4 (and FTS5); without a key it reads and
writes ordinary SQLite files, so one driver serves encrypted stores, plain ones made before
encryption, and the checks that must say which is which. Its errors are its own classes (not
the standard library's ``sqlite3.Error``): code that catches database errors uses
:data:`Error` and :data:`DatabaseError` from here.

Keys are 256-bit random keys given raw (``x'…'``), so opening skips SQLCipher's deliberately
slow passphrase derivation; a wrong key is noticed on the first read ("file is not a database").
Temporary tables and sorts stay in memory (the build's ``TEMP_STORE=2``), so no plaintext spills
to the temporary folder.
"""
from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from sqlcipher3 import dbapi2 as dbapi

Error = dbapi.Error
DatabaseError = dbapi.DatabaseError
IntegrityError = dbapi.IntegrityError
Row = dbapi.Row
Connection = dbapi.Connection
SQLITE_BUSY = dbapi.SQLITE_BUSY
SQLITE_LOCKED = dbapi.SQLITE_LOCKED
SQLITE_HEADER = b"SQLite format 3\x00"
CIPHER_PAGE = 512  # SQLCipher's page sizes are multiples of this, and a file is whole pages
KEY_PATTERN = re.compile(r"^[0-9a-f]{64}$")

_quiet = dbapi.connect(":memory:")
_quiet.execute("PRAGMA cipher_log_level = NONE")  # a wrong key is our message, not SQLCipher's stderr
_quiet.close()


def is_plain(path: Path) -> bool:
    """True when ``path`` starts with SQLite's plain header (an unencrypted database)."""
    try:
        with open(path, "rb") as file:
            return file.read(len(SQLITE_HEADER)) == SQLITE_HEADER
    except OSError:
        return False


def is_new(path: Path) -> bool:
    """Nothing written yet: no file, or the empty file made owner-only before SQLite opened it."""
    path = Path(path)
    return not path.exists() or path.stat().st_size == 0



def may_be_encrypted(path: Path) -> bool:
    """Whether ``path`` could be an SQLCipher file: whole pages (multiples of 512 bytes), not a plain header."""
    try:
        size = Path(path).stat().st_size
    except OSError:
        return False
    return size > 0 and size % CIPHER_PAGE == 0 and not is_plain(path)


def key_pragma(key: str) -> str:
    """``PRAGMA key`` for a raw key; the key is checked to be 64 hex digits, so nothing else reaches SQL."""
    if not KEY_PATTERN.match(key):
        raise ValueError("a database key is 64 hexadecimal digits")
    return f"PRAGMA key = \"x'{key}'\""


def connect(database: str | Path, key: str | None = None, **kwargs: Any) -> Connection:
    """Open ``database`` (a path, or a ``file:`` URI with ``uri=True``); with ``key``, keyed first.

    ``PRAGMA key`` must be the first statement on the connection; the key is tried only when
    a page is read, so callers that must know it fits call :func:`key_fits`.
    """
    conn = dbapi.connect(str(database), **kwargs)
    try:
        if key is not None:
            conn.execute(key_pragma(key))
        conn.row_factory = Row
    except BaseException:
        conn.close()
        raise
    return conn


def key_fits(conn: Connection) -> bool:
    """Whether the connection's key (or no key) reads the file: a wrong one fails on page 1."""
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except DatabaseError as exc:
        if getattr(exc, "sqlite_errorname", "") == "SQLITE_NOTADB":
            return False
        raise
    return True


def attach_clause(key: str | None) -> str:
    """The ``KEY`` part of ``ATTACH`` for a file under ``key`` (``KEY ''`` attaches a plain file)."""
    if key is None:
        return "KEY ''"
    key_pragma(key)  # validates
    return f"KEY \"x'{key}'\""
