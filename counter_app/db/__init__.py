"""Which database a ``--db`` value names, and the backend that speaks to it.

A path is a SQLite file (the embedded default, one counter); ``postgresql://USER@HOST:PORT/DBNAME``
is the office's shared PostgreSQL database (several counters). Anything else that looks like a
URL is refused here, before a file could be created under a folder named ``postgresql:``.

Every service runs the same SQL on both. What differs lives in one backend object per database,
with one small method per concern: transactions and their locks, the schema version, the
folded search index, schema DDL, integrity checks, backups.
"""
from __future__ import annotations

import re
from pathlib import Path

from .base import Backend, ServerUnavailable, StoreError
from .keys import Key

_URL = re.compile(r"^(?P<scheme>[A-Za-z][A-Za-z0-9+.\-]*)://")
POSTGRES_SCHEMES = ("postgresql", "postgres")


def is_url(target: str | Path) -> bool:
    return isinstance(target, str) and _URL.match(target) is not None


def backend_for(target: str | Path, *, key: Key | None = None) -> Backend:
    """The backend for a ``--db`` value; raises :class:`StoreError` for what it cannot open.

    ``key`` opens an encrypted SQLite file with that key instead of the one kept for its path
    (a backup staged for restore is a copy of the live database under another name).
    """
    if isinstance(target, str):
        match = _URL.match(target)
        if match:
            if match["scheme"].lower() not in POSTGRES_SCHEMES:
                raise StoreError(
                    f"--db {match['scheme']}://… is not a database this program can open: give a file path"
                    " (SQLite) or postgresql://USER@HOST:PORT/DBNAME (the office server)."
                )
            from .postgres import PostgresBackend  # psycopg loads only for office mode

            return PostgresBackend(target)
    from .sqlite import SqliteBackend

    return SqliteBackend(Path(target), key=key)


__all__ = ["Backend", "ServerUnavailable", "StoreError", "backend_for", "is_url"]
