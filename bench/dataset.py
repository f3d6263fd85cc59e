"""A large, realistic counter database for benchmarks, built fast and cached between runs.

Going through the services for 200,000 dossiers would take minutes, so this writes the same
rows the services write (dossier, applicant, papers, fee, event, audit chain, outbox, search
index) with bulk inserts. Tests never use it: they receive through the services.
"""
from __future__ import annotations

import hashlib
import json
import random
import sys
import tempfile
from datetime import datetime, timedelta
from pathlib import Path

from counter_app import migrations
from counter_app.audit import GENESIS
from counter_app.clock import to_db
from counter_app.codes import format_code
from counter_app.db.keys import KeyChoice
from counter_app.paths import open_store
from counter_app.store import Store
from counter_app.text import fold

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))
from factories import FAMILY, GIVEN, MIDDLE, PLACES, TEST_OFFICE, add_users, personal_id

CACHE = Path(tempfile.gettempdir()) / "quay-mot-cua-bench"
CHUNK = 20_000
STATUSES = ["received", "processing", "result_ready", "returned", "supplement_requested"]
PORTAL = {"received": 2, "processing": 4, "result_ready": 9, "returned": 10, "supplement_requested": 5}


SPAN_DAYS = 6 * 365


def large_database(count: int = 200_000, *, days: int = SPAN_DAYS) -> Path:
    """Path of a cached database holding ``count`` dossiers received over ``days`` days (built on first use).

    Six years by default; the daily log's benchmark packs a month's dossiers into 30 days.
    """
    span = "" if days == SPAN_DAYS else f"-{days}d"
    path = CACHE / f"dossiers-{count}{span}-v{migrations.SCHEMA_VERSION}.sqlite3"
    if not path.exists():
        CACHE.mkdir(parents=True, exist_ok=True)
        partial = path.with_suffix(".partial")
        for stale in CACHE.glob(partial.name + "*"):
            stale.unlink()
        _build(partial, count, days)
        partial.rename(path)
    return path


def _build(path: Path, count: int, days: int) -> None:
    from counter_app import office

    store = open_store(path, key_choice=KeyChoice.NONE)  # synthetic data; its key would not follow the rename
    office.save_office(store, TEST_OFFICE, by=None)
    staff = add_users(store)["staff"]
    rng = random.Random(2026)
    with store.read() as conn:
        procedures = [
            (r["id"], [(p["name"], p["form"]) for p in conn.execute(
                "SELECT name, form FROM procedure_papers WHERE procedure_id = ? ORDER BY position", (r["id"],))])
            for r in conn.execute("SELECT id FROM procedures WHERE is_current = 1")
        ]
        last = conn.execute("SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1").fetchone()
    audit_id, prev_hash = (last["id"], last["hash"]) if last else (0, GENESIS)
    start = datetime(2020, 1, 2, 7, 30)
    step = timedelta(minutes=(days * 24 * 60) // count)
    rows = _empty_rows()
    per_day: dict[str, int] = {}
    log_numbers: dict[int, int] = {}
    for i in range(1, count + 1):
        received = start + step * i
        day = received.strftime("%y%m%d")
        per_day[day] = per_day.get(day, 0) + 1
        log_numbers[received.year] = log_numbers.get(received.year, 0) + 1
        code = format_code(TEST_OFFICE.agency_code, received.date(), TEST_OFFICE.counter_no, per_day[day])
        year, female = rng.randrange(1950, 2005), rng.random() < 0.5
        name = f"{rng.choice(FAMILY)} {rng.choice(MIDDLE)} {rng.choice(GIVEN)}"
        address = f"Số {rng.randrange(1, 300)}, {rng.choice(PLACES)}, xã Yên Thành, tỉnh Ninh Bình"
        procedure_id, papers = rng.choice(procedures)
        status = rng.choice(STATUSES)
        stamp = to_db(received)
        rows["app"].append((i, name, personal_id(rng, year, female), f"{year}-01-01", "female" if female else "male",
                            address, f"09{rng.randrange(10**8):08d}"))
        rows["dos"].append((i, code, TEST_OFFICE.agency_code, procedure_id, i, status, stamp,
                            to_db(received + timedelta(days=3)), staff.user_id, received.year,
                            log_numbers[received.year], stamp))
        rows["pap"] += [(i, n, paper_name, form) for n, (paper_name, form) in enumerate(papers[:4])]
        rows["evt"].append((i, i, stamp, status, PORTAL[status], staff.user_id))
        audit_id += 1
        details = json.dumps({"event": i, "from": None, "to": status}, sort_keys=True)
        digest = hashlib.sha256(json.dumps(
            [prev_hash, audit_id, stamp, staff.username, "dossier.receive", "dossier", code, details],
            ensure_ascii=False, separators=(",", ":")).encode()).hexdigest()
        rows["aud"].append((audit_id, stamp, staff.username, code, details, prev_hash, digest))
        prev_hash = digest
        rows["out"].append((i, i, stamp))
        rows["fts"].append((i, fold(name), fold(address)))
        if i % CHUNK == 0:  # memory stays flat in the number of dossiers (1M builds in bounded memory)
            _insert_rows(store, rows)
            rows = _empty_rows()
    _insert_rows(store, rows)
    _insert_sequences(store, per_day, log_numbers)
    store.close()


def _empty_rows() -> dict[str, list[tuple]]:
    return {k: [] for k in ("app", "dos", "pap", "evt", "aud", "out", "fts")}


def _insert_rows(store: Store, rows: dict[str, list[tuple]]) -> None:
    """One chunk of dossiers with everything the services write for them, in one transaction."""
    with store.write() as conn:
        conn.executemany("INSERT INTO applicants (id, full_name, personal_id, birth_date, sex, address, phone)"
                         " VALUES (?, ?, ?, ?, ?, ?, ?)", rows["app"])
        conn.executemany("INSERT INTO dossiers (id, code, agency_code, procedure_id, applicant_id, status,"
                         " received_at, due_at, sets_count, delivery, received_by, log_book, log_number, updated_at)"
                         " VALUES (?, ?, ?, ?, ?, ?, ?, ?, 1, 'counter', ?, ?, ?, ?)", rows["dos"])
        conn.executemany("INSERT INTO dossier_papers (dossier_id, position, name, form) VALUES (?, ?, ?, ?)",
                         rows["pap"])
        conn.executemany("INSERT INTO status_events (id, dossier_id, at, action, to_status, portal_code, user_id)"
                         " VALUES (?, ?, ?, 'receive', ?, ?, ?)", rows["evt"])
        conn.executemany("INSERT INTO audit_log (id, at, username, action, entity, entity_id, details, prev_hash,"
                         " hash) VALUES (?, ?, ?, 'dossier.receive', 'dossier', ?, ?, ?, ?)", rows["aud"])
        # As receiving does: the dossier's record, then its first progress record.
        conn.executemany("INSERT INTO outbox (dossier_id, kind, event_id, created_at) VALUES (?, 'dossier', ?, ?)",
                         rows["out"])
        conn.executemany("INSERT INTO outbox (dossier_id, kind, event_id, created_at) VALUES (?, 'progress', ?, ?)",
                         rows["out"])
        conn.executemany("INSERT INTO dossier_search (rowid, name, address) VALUES (?, ?, ?)", rows["fts"])


def _insert_sequences(store: Store, per_day: dict[str, int], log_numbers: dict[int, int]) -> None:
    with store.write() as conn:
        conn.executemany("INSERT INTO code_sequences (agency_code, day, last) VALUES (?, ?, ?)",
                         [(TEST_OFFICE.agency_code, f"20{d[:2]}-{d[2:4]}-{d[4:]}", n) for d, n in per_day.items()])
        conn.executemany("INSERT INTO log_sequences (year, last) VALUES (?, ?)", list(log_numbers.items()))
    store.conn.execute("PRAGMA optimize")
    store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
