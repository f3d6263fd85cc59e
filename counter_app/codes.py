"""Dossier codes ``{agency}-{yymmdd}-{CC}{NNNN}`` and tracking-log numbers.

Both come from counters stored in the database and bumped inside the caller's write
transaction (``BEGIN IMMEDIATE``): two processes can never read the same value, and a
rolled-back receive gives its number back, so the sequence has no gaps.

``CC`` is the installation's counter number (01–99, unique within the office): two counters
of one agency that keep separate databases can never hand out the same code, which the
portal would take for one dossier (issue 9; scheme in ``sync/contract.md``). The day's
sequence takes four digits and grows to five past 9,999; the counter part always takes two,
so a code reads back unambiguously. Codes handed out before counter numbers existed kept four
digits in all, so they cannot meet a new code either.
"""
from __future__ import annotations

import re
import sqlite3
from datetime import date

CODE_PATTERN = re.compile(r"^(?P<agency>[A-Z0-9.]+)-(?P<day>\d{6})-(?P<seq>\d{4,})$")
COUNTER_NUMBERS = range(1, 100)


def format_code(agency_code: str, day: date, counter_no: int, sequence: int) -> str:
    if counter_no not in COUNTER_NUMBERS:
        raise ValueError(f"counter number {counter_no} is outside 1–99")
    return f"{agency_code}-{day:%y%m%d}-{counter_no:02d}{sequence:04d}"


def next_dossier_code(conn: sqlite3.Connection, agency_code: str, day: date, counter_no: int) -> str:
    """Allocate the next code for this counter, agency and day (call inside a write transaction)."""
    row = conn.execute(
        "INSERT INTO code_sequences (agency_code, day, last) VALUES (?, ?, 1)"
        " ON CONFLICT (agency_code, day) DO UPDATE SET last = code_sequences.last + 1 RETURNING last",
        (agency_code, day.isoformat()),
    ).fetchone()
    return format_code(agency_code, day, counter_no, int(row[0]))


def next_log_number(conn: sqlite3.Connection, year: int) -> int:
    """Next Số thứ tự in the tracking log (Quyển số = the year)."""
    row = conn.execute(
        "INSERT INTO log_sequences (year, last) VALUES (?, 1)"
        " ON CONFLICT (year) DO UPDATE SET last = log_sequences.last + 1 RETURNING last",
        (year,),
    ).fetchone()
    return int(row[0])
