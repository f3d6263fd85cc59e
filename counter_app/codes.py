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


def next_dossier_code(conn: sqlite3.Connection, agency_code: str, day: date) -> str:
    """Allocate the next code for this agency and day (call inside a write transaction)."""
    row = conn.execute(
        "INSERT INTO code_sequences (agency_code, day, last) VALUES (?, ?, 1)"
        " ON CONFLICT (agency_code, day) DO UPDATE SET last = last + 1 RETURNING last",
        (agency_code, day.isoformat()),
    ).fetchone()
    return format_code(agency_code, day, int(row[0]))


def next_log_number(conn: sqlite3.Connection, year: int) -> int:
    """Next Số thứ tự in the tracking log (Quyển số = the year)."""
    row = conn.execute(
        "INSERT INTO log_sequences (year, last) VALUES (?, 1)"
        " ON CONFLICT (year) DO UPDATE SET last = last + 1 RETURNING last",
        (year,),
    ).fetchone()
    return int(row[0])
