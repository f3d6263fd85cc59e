"""Is a file a sound database of this application? One set of rules for ``check`` and ``restore``.

It reads through a plain read-only SQLite connection, never through :class:`Store` (which
would migrate, or refuse a damaged file before saying what is wrong), and it never raises for
a damaged file: every finding becomes one line. Every query is linear in the database size
(``tests/test_core_check_corrupt.py`` guards the plans).
"""
from __future__ import annotations

import re
import sqlite3
from collections.abc import Callable
from pathlib import Path

from . import audit, migrations

SQLITE_HEADER = b"SQLite format 3\x00"
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
_TREE = re.compile(r"\b(?:Tree|root page) (\d+)")


def file_problems(path: Path, *, in_use: bool = True) -> list[str]:
    """What is wrong with the database file at ``path``; empty when it is sound.

    ``in_use`` reads the live database with its WAL; ``in_use=False`` reads a file nobody
    writes (a backup) without creating -wal/-shm files beside it.
    """
    path = Path(path)
    header = header_problem(path)
    if header:
        return [header]
    try:
        conn = open_read_only(path, in_use=in_use)
    except sqlite3.Error as exc:
        return [f"the file cannot be opened: {exc}"]
    try:
        return database_problems(conn)
    finally:
        conn.close()


def header_problem(path: Path) -> str:
    """Why ``path`` is not an SQLite database at all ("" when its header says it is one)."""
    try:
        with open(path, "rb") as file:
            head = file.read(len(SQLITE_HEADER))
    except OSError as exc:
        return f"the file cannot be read: {exc.strerror or exc}"
    if not head:
        return "the file is empty (0 bytes), not a database"
    if head != SQLITE_HEADER:
        return "the file is not an SQLite database (its header is missing or damaged)"
    return ""


def open_read_only(path: Path, *, in_use: bool = True) -> sqlite3.Connection:
    """A read-only connection; ``in_use=False`` adds ``immutable`` (no locks, no WAL files made)."""
    uri = Path(path).resolve().as_uri() + ("?mode=ro" if in_use else "?mode=ro&immutable=1")
    conn = sqlite3.connect(uri, uri=True, isolation_level=None, check_same_thread=False)
    conn.row_factory = sqlite3.Row
    return conn


def database_problems(conn: sqlite3.Connection) -> list[str]:
    """Schema, SQLite's integrity and foreign keys, the audit chain, the office, every dossier's records.

    Stops after the schema when the file is not this application's (nothing else would make
    sense); otherwise runs every stage, each on its own, so one unreadable page does not hide
    the other findings.
    """
    problems = _stage(_schema_problems, conn)
    if problems:
        return problems
    for stage in (_integrity_problems, _chain_problems, _office_problems, _dossier_problems):
        problems += _stage(stage, conn)
    return problems


def _stage(stage: Callable[[sqlite3.Connection], list[str]], conn: sqlite3.Connection) -> list[str]:
    try:
        return stage(conn)
    except sqlite3.Error as exc:  # a damaged page met while reading: that is the finding
        return [f"the database file is damaged ({exc})"]


def _schema_problems(conn: sqlite3.Connection) -> list[str]:
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


def _integrity_problems(conn: sqlite3.Connection) -> list[str]:
    rows = [r[0] for r in conn.execute(f"PRAGMA integrity_check({MAX_INTEGRITY_LINES})")]
    problems = [_name_tree(conn, row) for row in rows if row != "ok"]
    for fk in conn.execute("PRAGMA foreign_key_check"):
        problems.append(f"foreign key: {fk[0]} row {fk[1]} -> {fk[2]}")
    return problems


def _name_tree(conn: sqlite3.Connection, line: str) -> str:
    """SQLite names a damaged b-tree by its root page: add the table or index it holds."""
    match = _TREE.search(line)
    if not match:
        return line
    try:
        row = conn.execute("SELECT name FROM sqlite_master WHERE rootpage = ?", (int(match[1]),)).fetchone()
    except sqlite3.Error:
        return line
    return f"{line} (in {row[0]})" if row else line


def _chain_problems(conn: sqlite3.Connection) -> list[str]:
    broken = audit.verify_chain(conn)
    return [str(broken)] if broken else []


def _office_problems(conn: sqlite3.Connection) -> list[str]:
    if conn.execute("SELECT count(*) FROM office").fetchone()[0] == 0:
        return ["no office profile (a database that was never set up)"]
    return []


def _dossier_problems(conn: sqlite3.Connection) -> list[str]:
    problems = []
    for finding, sql in DOSSIER_CHECKS:
        problems += [f"dossier {row[0]}: {finding}" for row in conn.execute(sql)]
    return problems
