"""Dossier codes ``{agency}-{yymmdd}-{NNNN}`` and tracking-log numbers.

Both come from counters stored in the database and bumped inside the caller's write
transaction (``BEGIN IMMEDIATE``): two processes can never read the same value, and a
rolled-back receive gives its number back, so the sequence has no gaps.
"""
from __future__ import annotations

import re
import sqlite3
from datetime import date

CODE_PATTERN = re.compile(r"^(?P<agency>[A-Z0-9.]+)-(?P<day>\d{6})-(?P<seq>\d{4,})$")


def format_code(agency_code: str, day: date, sequence: int) -> str:
    return f"{agency_code}-{day:%y%m%d}-{sequence:04d}"


def _bump(conn: sqlite3.Connection, table: str, key_sql: str, key: tuple) -> int:
    row = conn.execute(
        f"UPDATE {table} SET last = last + 1 WHERE {key_sql} RETURNING last", key
    ).fetchone()
    if row is not None:
        return int(row[0])
    columns = key_sql.replace(" = ?", "").replace(" AND ", ", ")
    conn.execute(f"INSERT INTO {table} ({columns}, last) VALUES ({', '.join('?' * len(key))}, 1)", key)
    return 1


def next_dossier_code(conn: sqlite3.Connection, agency_code: str, day: date) -> str:
    """Allocate the next code for this agency and day (call inside a write transaction)."""
    sequence = _bump(conn, "code_sequences", "agency_code = ? AND day = ?", (agency_code, day.isoformat()))
    return format_code(agency_code, day, sequence)


def next_log_number(conn: sqlite3.Connection, year: int) -> int:
    """Next Số thứ tự in the tracking log (Quyển số = the year)."""
    return _bump(conn, "log_sequences", "year = ?", (year,))
