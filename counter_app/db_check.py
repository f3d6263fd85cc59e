"""Is a file a sound database of this application? One set of rules for ``check`` and ``restore``.

It reads through a read-only SQLite connection (keyed when the file is encrypted), never
through :class:`Store` (which would migrate, or refuse a damaged file before saying what is
wrong), and it never raises for a damaged file: every finding becomes one line. Every query is linear in the database size
(``tests/test_core_check_corrupt.py`` guards the plans).
"""
from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

from . import audit, migrations
from .db import keys as db_keys
from .db import sqlite_driver
from .db.sqlite import connect_file
from .db.sqlite_driver import SQLITE_HEADER, Connection

REQUIRED_TABLES = frozenset({
    "office", "users", "procedures", "applicants", "dossiers", "status_events", "audit_log", "outbox",
    "settings", "code_sequences", "log_sequences",
})
# Set-based anti-joins: each subquery runs once into a temporary index (never once per dossier).
DOSSIER_CHECKS: tuple[tuple[str, str], ...] = (
    ("no receive event",
     "SELECT code FROM dossiers WHERE id NOT IN"
     " (SELECT dossier_id FROM status_events WHERE action = 'receive') ORDER BY id LIMIT 5"),
    ("no audit record of its receipt",
     "SELECT code FROM dossiers WHERE code NOT IN"
     " (SELECT entity_id FROM audit_log WHERE entity = 'dossier' AND action = 'dossier.receive')"
     " ORDER BY id LIMIT 5"),
)
MAX_INTEGRITY_LINES = 20
# What reading a damaged file can raise: SQLite's errors, and a value of the wrong type where
# the integrity check does not look (a BLOB in a TEXT column, hashed by the audit chain).
READ_DAMAGE = (sqlite_driver.Error, TypeError, ValueError)
_PAGE = re.compile(r"\bpage (\d+)")


def file_problems(path: Path, *, in_use: bool = True, keys: list[db_keys.Key] | None = None) -> list[str]:
    """What is wrong with the database file at ``path``; empty when it is sound.

    ``in_use`` reads the live database with its WAL; ``in_use=False`` reads a file nobody
    writes (a backup) without creating -wal/-shm files beside it. ``keys``: those that may open
    an encrypted file (default: the keys kept for ``path``; a backup is opened with its database's).
    """
    path = Path(path)
    header = header_problem(path)
    if header:
        return [header]
    try:
        conn = open_read_only(path, in_use=in_use, keys=keys)
    except db_keys.KeyUnavailable as exc:
        return [str(exc)]
    except sqlite_driver.Error as exc:
        return [f"the file cannot be opened: {exc}"]
    try:
        return database_problems(conn)
    finally:
        conn.close()


def header_problem(path: Path) -> str:
    """Why ``path`` is not an SQLite database at all ("" when its header says it is one)."""
    try:
        with open(path, "rb") as file:
            head = file.read(100)
        size = Path(path).stat().st_size
    except OSError as exc:
        return f"the file cannot be read: {exc.strerror or exc}"
    if not head:
        return "the file is empty (0 bytes), not a database"
    if not head.startswith(SQLITE_HEADER):
        if sqlite_driver.may_be_encrypted(path):
            return ""  # perhaps encrypted: only its key can tell (fitting_key)
        return "the file is not an SQLite database (its header is missing or damaged)"
    if len(head) < 100:
        return "the file is not an SQLite database (its header is missing or damaged)"
    expected = _size_in_header(head)
    if expected and size < expected and not _has_wal(path):
        return f"the file is truncated: {size} bytes where its header says {expected}"
    return ""


def _size_in_header(head: bytes) -> int:
    """The size SQLite recorded in the header (0 when the header's count is not trustworthy)."""
    page_size = int.from_bytes(head[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    pages = int.from_bytes(head[28:32], "big")
    valid = head[24:28] == head[92:96]  # the count is valid only if written with this change counter
    return page_size * pages if valid else 0


def _has_wal(path: Path) -> bool:
    wal = Path(f"{path}-wal")
    return wal.exists() and wal.stat().st_size > 0


def schema_version(path: Path, *, keys: list[db_keys.Key] | None = None) -> int:
    """The file's ``user_version`` (call after :func:`file_problems` found it sound)."""
    conn = open_read_only(path, in_use=False, keys=keys)
    try:
        return int(conn.execute("PRAGMA user_version").fetchone()[0])
    finally:
        conn.close()


def open_read_only(path: Path, *, in_use: bool = True, keys: list[db_keys.Key] | None = None) -> Connection:
    """A read-only connection; ``in_use=False`` adds ``immutable`` (no locks, no WAL files made).

    An encrypted file is opened with the first of ``keys`` that fits (default: the keys kept
    for ``path``); :class:`~counter_app.db.keys.KeyUnavailable` when none does.
    """
    return connect_file(path, keys, read_only="ro" if in_use else "immutable", isolation_level=None,
                        check_same_thread=False)


def database_problems(conn: Connection) -> list[str]:
    """Schema, SQLite's integrity and foreign keys, the audit chain, the office, every dossier's records.

    Stops after the schema when the file is not this application's (nothing else would make
    sense); otherwise runs every stage, each on its own, so one unreadable page does not hide
    the other findings.
    """
    problems = _stage("the list of tables", _schema_problems, conn)
    if problems:
        return problems
    return _integrity_problems(conn) + content_problems(conn)


def content_problems(conn: Connection) -> list[str]:
    """The audit chain, the office profile and every dossier's records: the same rules on both stores.

    (On PostgreSQL the server itself keeps pages and keys sound, so this is the whole check.)
    """
    problems: list[str] = []
    for what, stage in (("the audit chain", _chain_problems), ("the office profile", _office_problems),
                        ("the dossiers", _dossier_problems)):
        problems += _stage(what, stage, conn)
    return problems


def _stage(what: str, stage: Callable[[Connection], list[str]], conn: Connection) -> list[str]:
    try:
        return stage(conn)
    except READ_DAMAGE as exc:  # a damaged page met while reading: that is the finding
        return [f"{what} cannot be read: the file is damaged ({exc})"]


def _schema_problems(conn: Connection) -> list[str]:
    version = int(conn.execute("PRAGMA user_version").fetchone()[0])
    if version < 1:
        return ["not a database of this application (no schema version)"]
    if version > migrations.SCHEMA_VERSION:
        return [f"schema version {version} is newer than this program knows"
                f" (up to {migrations.SCHEMA_VERSION})"]
    tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    missing = sorted(REQUIRED_TABLES - tables)
    if missing:
        return [f"table missing: {name}" for name in missing]
    return []


def _integrity_problems(conn: Connection) -> list[str]:
    """SQLite's integrity check, told by damaged page and the table it belongs to."""
    try:
        text = "\n".join(r[0] for r in conn.execute(f"PRAGMA integrity_check({MAX_INTEGRITY_LINES})"))
    except sqlite_driver.Error:  # too damaged for the check itself: say which tables cannot be read
        return _unreadable_tables(conn) or ["the database file is damaged (its b-trees cannot be walked)"]
    lines = [line for line in text.splitlines() if line != "ok" and not line.startswith("*** in database")]
    problems = _by_page(conn, lines)
    try:
        for fk in conn.execute("PRAGMA foreign_key_check"):
            problems.append(f"foreign key: {fk[0]} row {fk[1]} -> {fk[2]}")
    except sqlite_driver.Error as exc:
        problems.append(f"the foreign keys cannot be checked: the file is damaged ({exc})")
    return problems


def _by_page(conn: Connection, lines: list[str]) -> list[str]:
    """One line per damaged page, naming its table: "page 8 (dossiers): … (and 19 more)"."""
    pages: dict[int | None, list[str]] = {}
    for line in lines:
        match = _PAGE.search(line)
        pages.setdefault(int(match[1]) if match else None, []).append(line)
    owners = _owners({page for page in pages if page is not None}, conn)
    problems = []
    for page, found in pages.items():
        where = f"page {page}" + (f" ({owners[page]})" if page in owners else "") if page else "file"
        more = f" (and {len(found) - 1} more)" if len(found) > 1 else ""
        problems.append(f"damaged {where}: {found[0]}{more}")
    return problems


def _owners(pages: set[int], conn: Connection) -> dict[int, str]:
    """Which table or index each page belongs to, as far as the damaged file lets ``dbstat`` tell."""
    owners: dict[int, str] = {}
    try:
        names = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE rootpage > 0")]
    except sqlite_driver.Error:
        return owners
    for name in ("sqlite_schema", *names):
        try:
            for (page,) in conn.execute("SELECT pageno FROM dbstat WHERE name = ?", (name,)):
                if page in pages:
                    owners[page] = name
        except sqlite_driver.Error:  # no dbstat in this SQLite, or this tree is the damaged one
            continue
    return owners


def _unreadable_tables(conn: Connection) -> list[str]:
    """Read every table through; name those that fail (linear, and only for a damaged file)."""
    try:
        names = [r[0] for r in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND sql NOT LIKE 'CREATE VIRTUAL%' ORDER BY name")]
    except sqlite_driver.Error as exc:
        return [f"the list of tables cannot be read: the file is damaged ({exc})"]
    problems = []
    for name in names:
        try:
            for _ in conn.execute(f'SELECT * FROM "{name}"'):
                pass
        except sqlite_driver.Error as exc:
            problems.append(f"table {name} cannot be read: the file is damaged ({exc})")
    return problems


def _chain_problems(conn: Connection) -> list[str]:
    broken = audit.verify_chain(conn)
    return [str(broken)] if broken else []


def _office_problems(conn: Connection) -> list[str]:
    if conn.execute("SELECT count(*) FROM office").fetchone()[0] == 0:
        return ["no office profile (a database that was never set up)"]
    return []


def _dossier_problems(conn: Connection) -> list[str]:
    problems = []
    for finding, sql in DOSSIER_CHECKS:
        problems += [f"dossier {row[0]}: {finding}" for row in conn.execute(sql)]
    return problems
