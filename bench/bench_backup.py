"""A week of daily backups of an encrypted 200,000-dossier database: deduplicated pages against full copies.

``python -m bench.bench_backup [--count 200000] [--days 7] [--per-day 1000]``

Each day a clerk receives ``--per-day`` dossiers, then the day's backup is taken twice in the
same minute: by ``maintenance.backup`` (the page store of :mod:`counter_app.backup_pages`) and,
as the baseline, by a full copy through SQLite's backup API (what every backup was before). The
figures: what the folder holds after the week each way, the median time of a backup each way,
and the time to turn the newest snapshot back into a file (what a restore adds).
"""
from __future__ import annotations

import argparse
import os
import random
import secrets
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from factories import request

from counter_app import backup_pages, maintenance, services
from counter_app.db import keys as db_keys
from counter_app.db.sqlite import rekey_file
from counter_app.models import Actor, Role
from counter_app.store import Store

from .dataset import large_database


def _staff(store: Store) -> Actor:
    with store.read() as conn:
        row = conn.execute("SELECT id, username, full_name FROM users WHERE role = 'staff' LIMIT 1").fetchone()
    return Actor(row["id"], row["username"], row["full_name"], Role.STAFF)


def _mib(size: int) -> str:
    return f"{size / 2**20:,.0f} MiB"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=200_000)
    parser.add_argument("--days", type=int, default=7)
    parser.add_argument("--per-day", type=int, default=1_000)
    args = parser.parse_args(sys.argv[1:] if __name__ == "__main__" else [])
    key = secrets.token_hex(32)
    os.environ[db_keys.KEY_ENV] = key  # this process only: the copy is encrypted as a real one is
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        live = work / "counter.sqlite3"
        shutil.copyfile(large_database(args.count), live)
        rekey_file(live, None, db_keys.Key(key, db_keys.KeyStore.ENV))
        pages, full = work / "backups", work / "full-copies"
        full.mkdir()
        rng = random.Random(7)
        dedup_times, full_times = [], []
        with Store(live) as store:
            staff = _staff(store)
            for day in range(args.days):
                for _ in range(args.per_day):
                    services.receive_dossier(store, staff, request(store, rng=rng))
                started = time.perf_counter()
                maintenance.backup(store, pages)
                dedup_times.append(time.perf_counter() - started)
                started = time.perf_counter()
                store.backup_to(full / f"day-{day}.sqlite3")
                full_times.append(time.perf_counter() - started)
            live_bytes = live.stat().st_size
        newest = backup_pages.snapshots(pages)[0]
        started = time.perf_counter()
        backup_pages.materialize(pages, newest, work / "restored.sqlite3")
        materialize = time.perf_counter() - started
        full_bytes = sum(p.stat().st_size for p in full.iterdir())
        page_bytes = backup_pages.stored_bytes(pages)
    print(f"backup: {args.days} daily backups of {args.count:,} dossiers (+{args.per_day:,} a day), encrypted;"
          f" database {_mib(live_bytes)}")
    print(f"backup: full copies {_mib(full_bytes)} ({full_bytes / live_bytes:.1f}x the database);"
          f" deduplicated pages {_mib(page_bytes)} ({page_bytes / live_bytes:.2f}x)")
    print(f"backup: one backup median {statistics.median(dedup_times):.2f} s deduplicated,"
          f" {statistics.median(full_times):.2f} s full copy (runs {[round(t, 1) for t in dedup_times]} /"
          f" {[round(t, 1) for t in full_times]})")
    print(f"backup: the newest snapshot back to a file (what a restore adds) {materialize:.2f} s")


if __name__ == "__main__":
    main()
