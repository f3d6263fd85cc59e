"""Dossier codes ``{agency}-{yymmdd}-{CC}{NNNN}``, tracking-log and fee receipt numbers.

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
from dataclasses import dataclass
from datetime import date

CODE_PATTERN = re.compile(r"^(?P<agency>[A-Z0-9.]+)-(?P<day>\d{6})-(?P<seq>\d{4,})$")
COUNTER_NUMBERS = range(1, 100)


def format_code(agency_code: str, day: date, counter_no: int, sequence: int) -> str:
    if counter_no not in COUNTER_NUMBERS:
        raise ValueError(f"counter number {counter_no} is outside 1–99")
    return f"{agency_code}-{day:%y%m%d}-{counter_no:02d}{sequence:04d}"


_DOSSIER_SEQUENCE = (
    "INSERT INTO code_sequences (agency_code, day, last) VALUES (?, ?, 1)"
    " ON CONFLICT (agency_code, day) DO UPDATE SET last = code_sequences.last + 1 RETURNING last"
)
# Số thứ tự in the tracking log (Quyển số = the year).
_LOG_SEQUENCE = (
    "INSERT INTO log_sequences (year, last) VALUES (?, 1)"
    " ON CONFLICT (year) DO UPDATE SET last = log_sequences.last + 1 RETURNING last"
)
# Số of a fee receipt (biên lai thu phí, lệ phí) in this counter's book for the year: its own
# series, apart from the tracking log, because receipts are accounting documents numbered
# without gaps, and a dossier that collects nothing must not use up a number.
_FEE_RECEIPT_SEQUENCE = (
    "INSERT INTO fee_receipt_sequences (counter_no, year, last) VALUES (?, ?, 1)"
    " ON CONFLICT (counter_no, year) DO UPDATE SET last = fee_receipt_sequences.last + 1 RETURNING last"
)


def _last(cursor: sqlite3.Cursor) -> int:
    return int(cursor.fetchone()[0])


def next_dossier_code(conn: sqlite3.Connection, agency_code: str, day: date, counter_no: int) -> str:
    """Allocate the next code for this counter, agency and day (call inside a write transaction)."""
    return format_code(agency_code, day, counter_no, _last(conn.execute(_DOSSIER_SEQUENCE,
                                                                         (agency_code, day.isoformat()))))


@dataclass(frozen=True)
class ReceiptNumbers:
    """What a new dossier is numbered by: its code, its Số thứ tự, its fee receipt's Số (if it collects)."""

    code: str
    log_number: int
    fee_receipt_number: int | None


def next_receipt_numbers(conn: sqlite3.Connection, *, agency_code: str, received: date, counter_no: int,
                         collects: bool) -> ReceiptNumbers:
    """Allocate all of a new dossier's numbers (inside a write transaction).

    The three bumps are sent before any answer is read: one round trip to the office server.
    """
    code = conn.execute(_DOSSIER_SEQUENCE, (agency_code, received.isoformat()))
    log_number = conn.execute(_LOG_SEQUENCE, (received.year,))
    fee_receipt = conn.execute(_FEE_RECEIPT_SEQUENCE, (counter_no, received.year)) if collects else None
    return ReceiptNumbers(
        code=format_code(agency_code, received, counter_no, _last(code)),
        log_number=_last(log_number),
        fee_receipt_number=_last(fee_receipt) if fee_receipt else None,
    )
