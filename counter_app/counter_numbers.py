"""Which counter of a shared office database this installation is (its number, 1–99).

In an office on one PostgreSQL database every counter shares the office profile, and with it
one ``office.counter_no``: the number of the counter that set the office up. A counter that
joins later takes a number of its own, which goes into its dossier codes, its tracking-log
book and its fee-receipt book (``{agency}-{yymmdd}-{CC}{NNNN}``, Quyển "02/2026"). The codes
themselves come from the office-wide sequence and never collide; the number says which
counter received a dossier and keeps each counter's receipt book its own.

A joining installation claims its number in the ``settings`` table (``counter_claim:NN`` →
the installation's random id, kept on that machine), in one write transaction, so two counters
joining at once cannot both take the same number. The opened :class:`Store` carries the
claimed number in ``store.counter_no``; without one the office profile's applies.
"""
from __future__ import annotations

import sqlite3

from . import audit
from .codes import COUNTER_NUMBERS
from .errors import ValidationError
from .office import load_office_row
from .store import Store

CLAIM_PREFIX = "counter_claim:"


def _claim_key(counter_no: int) -> str:
    return f"{CLAIM_PREFIX}{counter_no:02d}"


def _taken(conn: sqlite3.Connection, installation: str) -> set[int]:
    """Numbers other installations use: the office profile's, and every other claim."""
    office = load_office_row(conn)
    taken = {office.counter_no} if office else set()
    rows = conn.execute("SELECT key, value FROM settings WHERE substr(key, 1, ?) = ?",
                        (len(CLAIM_PREFIX), CLAIM_PREFIX))
    taken |= {int(row["key"][len(CLAIM_PREFIX):]) for row in rows if row["value"] != installation}
    return taken


def free_numbers(store: Store, installation: str) -> list[int]:
    """The numbers this installation may still take, smallest first."""
    with store.read() as conn:
        taken = _taken(conn, installation)
    return [n for n in COUNTER_NUMBERS if n not in taken]


def claim(store: Store, counter_no: int, installation: str) -> None:
    """Make ``counter_no`` this installation's (giving back any number it held before).

    Raises :class:`ValidationError` (Vietnamese) for a number outside 1–99 or one another
    counter of the office uses.
    """
    if counter_no not in COUNTER_NUMBERS:
        raise ValidationError("Số quầy phải từ 1 đến 99 (mỗi quầy trong cơ quan một số khác nhau).")
    with store.write() as conn:
        if counter_no in _taken(conn, installation):
            raise ValidationError(f"Số quầy {counter_no} đã có quầy khác trong cơ quan dùng: hãy chọn số khác.")
        conn.execute("DELETE FROM settings WHERE substr(key, 1, ?) = ? AND value = ?",
                     (len(CLAIM_PREFIX), CLAIM_PREFIX, installation))
        conn.execute("INSERT INTO settings (key, value) VALUES (?, ?)", (_claim_key(counter_no), installation))
        audit.append(conn, username="", action="counter.join", entity="counter", entity_id=f"{counter_no:02d}")
    store.counter_no = counter_no
