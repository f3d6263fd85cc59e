"""What an office server holds, asked before a counter joins it (the set-up wizard's connection test).

The wizard must say in words what is wrong (host unreachable, wrong password, no such database,
a database of another program, a schema newer than this program) and, when all is well,
whether the office is already set up there (then a joining counter asks only its number) or
still empty (then the schema is created and the office profile and first administrator asked).
The test only reads: nothing is created, and the typed password is used for this one
connection and kept nowhere.

libpq reports a failed connection without an SQLSTATE, so the kind is read from its message
(English, as libpq and a default server write it); anything else keeps the server's own line.
"""
from __future__ import annotations

import re
from enum import Enum
from urllib.parse import quote

from . import migrations
from .db import ServerUnavailable, StoreError


class Problem(Enum):
    UNREACHABLE = "unreachable"  # no server answers at that host and port
    LOGIN = "login"  # wrong user or password
    NO_DATABASE = "no_database"  # the server has no database of that name
    FOREIGN = "foreign"  # a database holding another program's tables
    TOO_NEW = "too_new"  # made by a newer version of this program
    OTHER = "other"  # anything else: the server's own line says what


class ServerState(Enum):
    EMPTY = "empty"  # an empty database: the schema is created, then the office is set up
    NOT_SET_UP = "not_set_up"  # our schema without an office profile or administrator yet
    READY = "ready"  # an office with its administrators: a counter joins it


class ProbeFailed(Exception):
    def __init__(self, problem: Problem, reason: str = "") -> None:
        super().__init__(reason or problem.value)
        self.problem = problem
        self.reason = reason


# First match wins: a missing database before a missing role (both "does not exist").
_SIGNS = (
    (re.compile(r'database ".*" does not exist'), Problem.NO_DATABASE),
    (re.compile(r'password authentication failed|no password supplied|role ".*" does not exist'
                r"|authentication failed"), Problem.LOGIN),
    (re.compile(r"connection refused|could not translate host name|timeout expired|no route to host"
                r"|network is unreachable|server closed the connection|connection timed out"
                r"|name or service not known"), Problem.UNREACHABLE),
)


def classify(reason: str) -> Problem:
    """The kind of a failed connection, from libpq's message."""
    text = reason.lower()
    return next((problem for sign, problem in _SIGNS if sign.search(text)), Problem.OTHER)


def probe(url: str, password: str | None) -> ServerState:
    """Connect with ``password`` (None: the keyring's or the environment's) and read what is there.

    Raises :class:`ProbeFailed` saying what is wrong, or :class:`StoreError` for a URL that
    is not ``postgresql://USER@HOST:PORT/DBNAME``.
    """
    from .db.postgres import PostgresBackend

    backend = PostgresBackend(url, password=password or None)
    try:
        conn = backend.connect()
    except ServerUnavailable as exc:
        raise ProbeFailed(classify(exc.reason), exc.reason) from None
    try:
        return _state(backend, conn)
    except ServerUnavailable as exc:
        raise ProbeFailed(classify(exc.reason), exc.reason) from None
    except (ProbeFailed, StoreError):
        raise
    except Exception as exc:  # e.g. no right to read the tables: the server's own words
        lines = str(exc).strip().splitlines()
        raise ProbeFailed(Problem.OTHER, lines[0] if lines else type(exc).__name__) from None
    finally:
        conn.close()


def _state(backend, conn) -> ServerState:  # type: ignore[no-untyped-def]
    version = backend.schema_version(conn)
    if version > migrations.SCHEMA_VERSION:
        raise ProbeFailed(Problem.TOO_NEW, f"schema {version} > {migrations.SCHEMA_VERSION}")
    if version == 0:
        if conn.execute("SELECT 1 FROM pg_tables WHERE schemaname = current_schema() LIMIT 1").fetchone():
            raise ProbeFailed(Problem.FOREIGN)
        return ServerState.EMPTY
    has_office = conn.execute("SELECT 1 FROM office").fetchone() is not None
    has_admin = conn.execute("SELECT 1 FROM users WHERE role = 'admin' AND active = 1").fetchone() is not None
    return ServerState.READY if has_office and has_admin else ServerState.NOT_SET_UP


def server_url(*, host: str, port: int, dbname: str, user: str) -> str:
    """The ``--db`` URL for what the wizard's fields say (no password: that lives in the keyring)."""
    host = host.strip()
    if ":" in host and not host.startswith("["):  # an IPv6 address
        host = f"[{host}]"
    return f"postgresql://{quote(user.strip(), safe='')}@{host}:{int(port)}/{quote(dbname.strip(), safe='')}"
